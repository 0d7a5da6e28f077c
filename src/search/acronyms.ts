/**
 * Readers shorten the names documents spell out: "UT" for "University of Texas", "AG" for "Attorney
 * General". This finds, for a run of initials, the capitalised name in the documents that they
 * abbreviate, so a question's acronym can match the name's words.
 */
export type AcronymExpander = (initials: string) => string | undefined;

// A run of capitalised words, allowing the small words names hold ("Board of Elections").
const NAME_RUN = /\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|and|for|at|on|in|&)\s+)*\p{Lu}[\p{L}'’-]*)*/gu;
const CONNECTOR = /^(?:of|the|and|for|at|on|in|&)$/;
const MAX_NAME_WORDS = 6;

// Three or more capitalised words in a row: a name its readers may shorten to its initials.
const CAPITALISED_RUN = /(?:\p{Lu}[\p{L}\d-]*\s+){2,}\p{Lu}[\p{L}\d-]*/gu;
const MIN_INITIALS = 3;

/**
 * The initials a title's names are known by: "MPL" for the "Mozilla Public License", "GPL" and "GGPL"
 * for the "GNU General Public License", "EULA" for "… End User License Agreement". Every run of three or
 * more of a name's words counts, since a reader may shorten a part of it. Two letters ("PL") would
 * match too many words.
 */
export function titleInitialisms(title: string): string[] {
  const found = new Set<string>();
  for (const [run] of title.matchAll(CAPITALISED_RUN)) {
    const initials = run.split(/\s+/).map((word) => word[0]!.toLowerCase());
    for (let first = 0; first < initials.length; first++) {
      for (let end = first + MIN_INITIALS; end <= initials.length; end++) found.add(initials.slice(first, end).join(''));
    }
  }
  return [...found];
}

/** True when a question's word looks like an acronym: two to six capital letters ("UT", "SBOE"). */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}{2,6}$/u.test(word);
}

/**
 * Finds, in `texts` (a question's candidate passages), the name each asked acronym stands for, counting
 * only the names with those initials: a question asks one or two, and a table of every name's initials
 * cost more than the rest of the question's reading. The commonest name wins; ties go to the first seen.
 */
export function createAcronymExpander(texts: () => Iterable<string>): AcronymExpander {
  let read: string[] | undefined;
  const found = new Map<string, string | undefined>();
  return (typed) => {
    const initials = typed.toUpperCase();
    if (!found.has(initials)) {
      read ??= [...texts()];
      found.set(initials, commonestName(initials, read));
    }
    return found.get(initials);
  };
}

function commonestName(initials: string, texts: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  const letters = [...new Set(initials)];
  for (const text of texts) {
    // A text lacking one of the capitals holds no such name: most are skipped without a scan.
    if (!letters.every((letter) => text.includes(letter))) continue;
    for (const match of text.matchAll(NAME_RUN)) {
      const words = match[0].split(/\s+/);
      // Every stretch of the run that starts and ends on a capitalised word: "University of Texas" in
      // "The University of Texas at Austin".
      for (let first = 0; first < words.length; first++) {
        if (CONNECTOR.test(words[first]!)) continue;
        let capitalised = 0;
        for (let last = first; last < words.length && capitalised < Math.min(MAX_NAME_WORDS, initials.length); last++) {
          if (CONNECTOR.test(words[last]!)) continue;
          if (words[last]![0]!.toUpperCase() !== initials[capitalised]) break;
          capitalised++;
          if (capitalised < Math.max(2, initials.length)) continue;
          const name = words.slice(first, last + 1).join(' ');
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
    }
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}
