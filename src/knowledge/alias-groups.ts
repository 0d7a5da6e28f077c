/**
 * The pack's alias groups with every two that share a phrase made one. A phrase listed in two groups
 * ("[Meta, Facebook]" and "[Facebook, FB]") says all of them are the same thing, but each group is its own
 * term to the analyzer: "FB" found "Facebook" and never "Meta". Phrases are compared without regard to case
 * or spacing; the first spelling of each is kept, and the groups' order.
 */
export function mergeAliasGroups(groups: readonly (readonly string[])[]): string[][] {
  const merged: string[][] = [];
  for (const group of groups) {
    const keys = new Set(group.map(phraseKey));
    const sharing = merged.filter((other) => other.some((phrase) => keys.has(phraseKey(phrase))));
    const into = sharing[0];
    if (into === undefined) {
      merged.push(withoutRepeats(group));
      continue;
    }
    for (const other of sharing.slice(1)) merged.splice(merged.indexOf(other), 1);
    merged[merged.indexOf(into)] = withoutRepeats([...sharing.flat(), ...group]);
  }
  return merged;
}

const phraseKey = (phrase: string) => phrase.toLowerCase().replace(/\s+/g, ' ').trim();

function withoutRepeats(phrases: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const phrase of phrases) if (!byKey.has(phraseKey(phrase))) byKey.set(phraseKey(phrase), phrase);
  return [...byKey.values()];
}
