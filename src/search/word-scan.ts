/**
 * Finds the words the analyzer reads, as `/[\p{L}\p{N}][\p{L}\p{N}\p{M}I]*(?:['’]\p{L}[\p{L}\p{M}I]*)*\/u` would
 * (I: the invisible characters below),
 * without the match object a regular expression allocates per word: tokenising the passages an answer reads
 * was most of what it allocated, and every allocation brings the next garbage collection, a pause, closer.
 * Combining marks belong to the word they follow: "Zu\u0308rich" (decomposed, as macOS and PDFs often write
 * it) is one word, read like "Zürich", not "Zu" and "rich". So do invisible characters a word carries: a soft hyphen
 * ("Net\u00ADflix", from a web page or a PDF) or a zero-width space is no break in it, as it is none in a question.
 * A terminal's control sequence ("\u001b[31m") is no word.
 */

const NONE = 1;
const DIGIT = 2;
const LETTER = 3;
/** A combining mark: continues a word, never starts one. */
const MARK = 4;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ANY_LETTER = /\p{L}/u;
const ANY_MARK = /\p{M}/u;
/** Invisible in a word (soft hyphen, zero-width space and joiners, word joiner, BOM): read as marks are. */
export const INVISIBLE_IN_WORD = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
/** Each Basic Multilingual Plane character's class, looked up once (0: not yet). */
const bmpClass = new Uint8Array(0x10000);

function classOf(codePoint: number): number {
  if (codePoint < 128) {
    const lower = codePoint | 32;
    return lower >= 97 && lower <= 122 ? LETTER : codePoint >= 48 && codePoint <= 57 ? DIGIT : NONE;
  }
  if (codePoint < 0x10000 && bmpClass[codePoint] !== 0) return bmpClass[codePoint]!;
  const char = String.fromCodePoint(codePoint);
  const found = ANY_LETTER.test(char) ? LETTER : LETTER_OR_DIGIT.test(char) ? DIGIT : ANY_MARK.test(char) || INVISIBLE_IN_WORD.test(char) ? MARK : NONE;
  if (codePoint < 0x10000) bmpClass[codePoint] = found;
  return found;
}

const width = (codePoint: number): number => (codePoint > 0xffff ? 2 : 1);
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

const ESCAPE = 0x1b;
const OPEN_BRACKET = 0x5b;
const inRange = (code: number, low: number, high: number): boolean => code >= low && code <= high;

/**
 * Where a terminal's control sequence starting at `at` ends ("\u001b[31m", "\u001b[0m"); `at` when none starts
 * there. Text copied from a terminal keeps them, and read as words their digits and final letter glued to the word
 * after: "\u001b[31mtreasurer" was the number 31, and "treasurer" could not be found.
 */
function controlSequenceEnd(text: string, at: number): number {
  // Only ESC "[": a lone U+009B, its one-character form, is more likely a "›" decoded wrongly than a terminal's.
  if (text.charCodeAt(at) !== ESCAPE || text.charCodeAt(at + 1) !== OPEN_BRACKET) return at;
  let end = at + 2;
  // Parameter bytes, then intermediate bytes, then one final byte (ECMA-48).
  while (end < text.length && inRange(text.charCodeAt(end), 0x30, 0x3f)) end++;
  while (end < text.length && inRange(text.charCodeAt(end), 0x20, 0x2f)) end++;
  return end < text.length && inRange(text.charCodeAt(end), 0x40, 0x7e) ? end + 1 : end;
}

/** Where the next word starts at or after `from`; -1 when none does. */
export function nextWordStart(text: string, from: number): number {
  for (let at = from; at < text.length; ) {
    const codePoint = text.codePointAt(at)!;
    if (codePoint === ESCAPE) {
      const end = controlSequenceEnd(text, at);
      if (end > at) {
        at = end;
        continue;
      }
    }
    const found = classOf(codePoint);
    if (found !== NONE && found !== MARK) return at;
    at += width(codePoint);
  }
  return -1;
}

/** Where the word starting at `start` ends: letters, digits and their marks, then any "'s", "’t" or "'Brien" parts. */
export function wordEnd(text: string, start: number): number {
  let at = start;
  while (at < text.length) {
    const codePoint = text.codePointAt(at)!;
    if (classOf(codePoint) === NONE) break;
    at += width(codePoint);
  }
  while (at < text.length && isApostrophe(text.charCodeAt(at))) {
    let after = at + 1;
    while (after < text.length) {
      const codePoint = text.codePointAt(after)!;
      const found = classOf(codePoint);
      // A part starts with a letter; marks may follow it.
      if (found !== LETTER && (found !== MARK || after === at + 1)) break;
      after += width(codePoint);
    }
    if (after === at + 1) break;
    at = after;
  }
  return at;
}
