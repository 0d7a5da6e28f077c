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
 * Builds the initials → name table from `texts` (a question's candidate passages) the first time an
 * acronym is looked up. The commonest name wins; ties go to the first seen.
 */
export function createAcronymExpander(texts: () => Iterable<string>): AcronymExpander {
  let table: Map<string, string> | undefined;
  return (initials) => {
    table ??= acronymTable(texts());
    return table.get(initials.toUpperCase());
  };
}

function acronymTable(texts: Iterable<string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const match of text.matchAll(NAME_RUN)) {
      const words = match[0].split(/\s+/);
      // Every stretch of the run that starts and ends on a capitalised word: "University of Texas" in
      // "The University of Texas at Austin".
      for (let first = 0; first < words.length; first++) {
        if (CONNECTOR.test(words[first]!)) continue;
        let capitalised = 0;
        for (let last = first; last < words.length && capitalised < MAX_NAME_WORDS; last++) {
          if (CONNECTOR.test(words[last]!)) continue;
          capitalised++;
          if (capitalised < 2) continue;
          const name = words.slice(first, last + 1);
          const initials = name.filter((word) => !CONNECTOR.test(word)).map((word) => word[0]!.toUpperCase()).join('');
          const names = counts.get(initials) ?? new Map<string, number>();
          const key = name.join(' ');
          names.set(key, (names.get(key) ?? 0) + 1);
          counts.set(initials, names);
        }
      }
    }
  }
  const table = new Map<string, string>();
  for (const [initials, names] of counts) {
    let best: [string, number] | undefined;
    for (const entry of names) if (!best || entry[1] > best[1]) best = entry;
    table.set(initials, best![0]);
  }
  return table;
}
