import type { Citation, Excerpt } from '../types.js';
import type { QuoteRange } from './citation.js';
import type { SentenceChoice } from './pick.js';

interface Span {
  start: number;
  end: number;
}

/** A quote is one or two sentences (and the citations after them); a longer sentence is cut around the matched words. */
export const MAX_QUOTE_CHARS = 400;
/** The length a cut sentence is brought down to (shorter than the limit, to read well in chat). */
const CUT_QUOTE_CHARS = 300;
/** An answer starting this close to a window's end would be cut off inside the window. */
const ANSWER_ROOM_CHARS = 10;

/**
 * Turns a chosen sentence into an excerpt whose quote is an exact substring of the document.
 * `answerStartsIn` says where in a text the kind of thing the question asks for starts (a name for
 * "who"), so a long sentence is cut around the answer as well as the question's words.
 */
export function toExcerpt(choice: SentenceChoice, citationFor: (quote: QuoteRange) => Citation, answerStartsIn: (text: string) => readonly number[] = () => []): Excerpt {
  const { passage, tokens, occurrences } = choice.candidate;
  // The question's words inside the chosen sentences, in text order.
  const hits = [...new Set(occurrences.flat())]
    .sort((a, b) => a - b)
    .map((index) => ({ start: tokens.starts[index]!, end: tokens.ends[index]! }))
    .filter((hit) => hit.start >= choice.start && hit.end <= choice.end);

  let { start, end } = choice;
  if (end - start > MAX_QUOTE_CHARS) ({ start, end } = cutAround(passage.text, start, end, hits, answerStartsIn(passage.text.slice(start, end)).map((at) => start + at)));
  const quote = passage.text.slice(start, end);
  return {
    quote,
    passageId: passage.id,
    citation: citationFor({ start: passage.start + start, end: passage.start + end }),
    score: Number(choice.score.toFixed(4)),
    start: passage.start + start,
    elidedStart: start > choice.start || (start === 0 && passage.cutBefore === true),
    elidedEnd: end < choice.end || (end === passage.text.length && passage.cutAfter === true),
    highlights: mergeSpans(hits.filter((token) => token.start >= start && token.end <= end).map((token) => [token.start - start, token.end - start])),
  };
}

/**
 * The CUT_QUOTE_CHARS window with the most matched words, one more if it holds a likely answer, snapped
 * to word boundaries. On a tie the window opening at an answer wins: "In 1955, Eero Saarinen was
 * contracted to develop a second master plan …" keeps the name for "Who was assigned …?".
 */
function cutAround(text: string, start: number, end: number, hits: readonly Span[], answers: readonly number[]): { start: number; end: number } {
  let bestStart = start;
  let bestCount = -1;
  const anchors = hits.length > 0 ? [...answers, ...hits.map((hit) => hit.start)].map((at) => Math.max(start, at - 40)) : [start];
  for (const anchor of anchors) {
    const windowStart = Math.min(anchor, end - CUT_QUOTE_CHARS);
    const windowEnd = windowStart + CUT_QUOTE_CHARS;
    const holdsAnswer = answers.some((at) => at >= windowStart && at < windowEnd - ANSWER_ROOM_CHARS);
    const count = hits.filter((hit) => hit.start >= windowStart && hit.end <= windowEnd).length + (holdsAnswer ? 1 : 0);
    if (count > bestCount) {
      bestCount = count;
      bestStart = windowStart;
    }
  }
  let cutStart = bestStart;
  let cutEnd = Math.min(end, bestStart + CUT_QUOTE_CHARS);
  if (cutStart > start) {
    const space = text.indexOf(' ', cutStart);
    if (space !== -1 && space < cutEnd) cutStart = space + 1;
  }
  if (cutEnd < end) {
    const space = text.lastIndexOf(' ', cutEnd);
    if (space > cutStart) cutEnd = space;
  }
  if (cutStart > start) cutStart = atOpeningNearby(text, cutStart, [...hits.map((hit) => hit.start), ...answers].filter((at) => at >= cutStart));
  cutStart = wholeNameStart(text, cutStart, Math.max(start, cutEnd - MAX_QUOTE_CHARS));
  cutEnd = wholeNameEnd(text, cutEnd, Math.min(end, cutStart + MAX_QUOTE_CHARS));
  if (!joinsNothing(text, cutStart) || !joinsNothing(text, cutEnd)) ({ start: cutStart, end: cutEnd } = onCharacterBoundaries(text, start, end, cutStart, cutEnd));
  // A cut's dangling comma or colon goes, as the ellipsis marking the cut stands for what follows; the sentence's own
  // closing ":" or ";" ("… as follows:") is no cut, and stays without one.
  if (cutEnd < end) while (cutEnd > cutStart && /[\s,;:]/.test(text[cutEnd - 1]!)) cutEnd--;
  return { start: cutStart, end: cutEnd };
}

/** How far past a cut a quotation or a sentence may open for the cut to open there instead. */
const OPENING_SNAP_CHARS = 40;
// An opening quotation mark, or a sentence's first word: "(“Many regions …", "… 1997). Because …".
const OPENING = /(?<=[\s(\[])[“"‘](?=\p{L})|(?<=[.!?]["”’')\]]*\s)["“]?\p{Lu}/u;

/**
 * A cut that would open in the tail of a citation ("…15, 1997) (“Many regions of the state …") opens at the quotation
 * or sentence that starts just after it, when no matched word or answer (`keep`) lies between.
 */
function atOpeningNearby(text: string, cut: number, keep: readonly number[]): number {
  const opening = OPENING.exec(text.slice(cut, cut + OPENING_SNAP_CHARS));
  if (!opening || opening.index === 0) return cut;
  const at = cut + opening.index;
  return keep.some((kept) => kept < at) ? cut : at;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Whether a cut at `at` falls between two characters no character joins: both below U+0300, where no accent, emoji or
 * other joining mark is, and not a CR+LF. Most cuts are, and then the sentence is not segmented: that took about
 * 0.1 ms of a typical answer over the court opinions.
 */
function joinsNothing(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before < 0x300 && after < 0x300 && !(before === 13 && after === 10);
}

/**
 * A cut with no space to snap to (a long link, a run of emoji or of CJK text) may fall inside a character: between
 * the halves of an emoji's surrogate pair, a letter and its accent, or the parts of a flag. It moves inward to the
 * nearest whole character of the sentence [start, end), so the quote holds no "�" and no stray accent.
 */
function onCharacterBoundaries(text: string, start: number, end: number, cutStart: number, cutEnd: number): { start: number; end: number } {
  let from: number | undefined;
  let to = start;
  for (const { index } of graphemes.segment(text.slice(start, end))) {
    const at = start + index;
    if (at >= cutStart) from ??= at;
    if (at <= cutEnd) to = at;
    else break;
  }
  from ??= end;
  if (cutEnd === end) to = end;
  // A single character longer than the cut keeps the cut as it was.
  return to > from ? { start: from, end: to } : { start: cutStart, end: cutEnd };
}

// A capitalised word with the space that joins it to its neighbour in a name; an initial keeps its dot.
const CAPITALISED_BEFORE = /\p{Lu}[\p{L}\p{N}'’-]*\.? $/u;
const CAPITALISED_AFTER = /^ \p{Lu}[\p{L}\p{N}'’-]*/u;
const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
/** Words of a name, at most: a cut does not stretch further to keep one whole. */
const NAME_WORDS = 4;

/**
 * A cut that would open inside a name ("Angeles International Airport, the second-busiest …") opens at
 * the name's first word instead, no earlier than `limit`. A word ending a sentence is not part of the
 * name; an initial ("W.") is.
 */
function wholeNameStart(text: string, at: number, limit: number): number {
  if (!/^\p{Lu}/u.test(text[at] ?? '')) return at;
  let cursor = at;
  for (let words = 0; words < NAME_WORDS; words++) {
    const word = CAPITALISED_BEFORE.exec(text.slice(Math.max(limit, cursor - 40), cursor))?.[0];
    if (!word || (word.endsWith('. ') && word.length > 3) || isLetter(text[cursor - word.length - 1])) break;
    cursor -= word.length;
  }
  return cursor;
}

/** A cut that would close inside a name closes after its last word, no later than `limit`. */
function wholeNameEnd(text: string, at: number, limit: number): number {
  if (!/\p{Lu}[\p{L}\p{N}'’-]*$/u.test(text.slice(Math.max(0, at - 40), at))) return at;
  let cursor = at;
  for (let words = 0; words < NAME_WORDS; words++) {
    const word = CAPITALISED_AFTER.exec(text.slice(cursor, Math.min(limit, cursor + 40)))?.[0];
    if (!word || isLetter(text[cursor + word.length])) break;
    cursor += word.length;
  }
  return cursor;
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}
