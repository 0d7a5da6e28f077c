import { paragraphAsked } from './paragraph-asked.js';
import type { AnalyzedQuery } from './query.js';

/** How many of the question's words a no-match answer names as missing from the documents. */
const MAX_MISSING_WORDS = 5;

/**
 * The question's topic words the documents never use ("nickname", "antitrust"), once each: saying so
 * tells the asker what to put otherwise. Everyday words ("describe") are no reason the documents miss it,
 * nor are those of a paragraph or page asked for ("paragraph 999"): other words would not find it.
 */
export function missingWordsOf(query: AnalyzedQuery): string[] {
  const reference = ` ${wordsOf(paragraphAsked(query.question)?.reference ?? '')} `;
  const words = new Map<string, string>();
  for (const concept of query.concepts) {
    const key = concept.word.toLowerCase();
    if (!concept.known && !concept.everyday && !words.has(key) && !reference.includes(` ${wordsOf(key)} `)) words.set(key, concept.word);
  }
  return [...words.values()].slice(0, MAX_MISSING_WORDS);
}

/** "Para. 42" → "para 42": lower case, one space between words (and "¶"). */
function wordsOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}¶]+/gu, ' ').trim();
}

/**
 * "The documents never use “antitrust” or “separate”: try other words for them." Each word goes through
 * `quote`, where a platform escapes it; empty when no word is missing.
 */
export function missingWordsSentence(words: readonly string[], quote: (word: string) => string = (word) => `“${word}”`): string {
  if (words.length === 0) return '';
  const quoted = words.map(quote);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)!}`;
  return `The documents never use ${list}: try other words for ${words.length === 1 ? 'it' : 'them'}.`;
}
