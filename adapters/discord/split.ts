import { formatQuote } from './escape.js';
import { splitsCharacter } from '../cut-text.js';

/** A piece of a quote: raw text plus its highlight ranges, relative to the piece. */
export interface QuotePiece {
  text: string;
  highlights: [number, number][];
}

/** Sentence ends: `.`, `!`, `?` (optionally followed by closing quotes/brackets), then whitespace. */
const SENTENCE_END = /[.!?]["'”’)\]]*\s+/g;

/** Start offsets of the sentences (always includes 0). */
function boundaries(text: string, pattern: RegExp): number[] {
  const starts = [0];
  for (const match of text.matchAll(pattern)) {
    const at = (match.index ?? 0) + match[0].length;
    if (at < text.length) starts.push(at);
  }
  return starts;
}

function piece(text: string, highlights: readonly (readonly [number, number])[], start: number, end: number): QuotePiece {
  return {
    text: text.slice(start, end),
    highlights: highlights
      .filter(([s, e]) => e > start && s < end)
      .map(([s, e]): [number, number] => [Math.max(s, start) - start, Math.min(e, end) - start]),
  };
}

/**
 * Groups consecutive units (given by their start offsets) into the fewest pieces whose rendered block
 * quote fits `budget`. Returns undefined when a single unit alone does not fit.
 */
function group(
  text: string,
  highlights: readonly (readonly [number, number])[],
  starts: number[],
  budget: number,
): QuotePiece[] | undefined {
  const endOf = (index: number): number => (index >= starts.length ? text.length : (starts[index] ?? text.length));
  const fits = (from: number, to: number): boolean => {
    const candidate = piece(text, highlights, starts[from] ?? 0, endOf(to));
    return formatQuote(candidate.text, candidate.highlights).length <= budget;
  };
  const pieces: QuotePiece[] = [];
  let from = 0;
  while (from < starts.length) {
    let to = from + 1;
    if (!fits(from, to)) return undefined;
    while (to < starts.length && fits(from, to + 1)) to++;
    pieces.push(piece(text, highlights, starts[from] ?? 0, endOf(to)));
    from = to;
  }
  return pieces;
}

/**
 * Splits a quote so that each piece, rendered as a block quote, fits `budget` characters: at sentence
 * ends first, then at spaces inside an over-long sentence, and only as a last resort inside a word.
 * Every piece is quoted on its own, so no text ever falls outside a quote.
 */
export function splitQuote(
  text: string,
  highlights: readonly (readonly [number, number])[],
  budget: number,
): QuotePiece[] {
  if (formatQuote(text, highlights).length <= budget) return [{ text, highlights: highlights.map(([s, e]) => [s, e]) }];
  const sentenceStarts = boundaries(text, SENTENCE_END);
  const bySentence = group(text, highlights, sentenceStarts, budget);
  if (bySentence) return bySentence;
  const out: QuotePiece[] = [];
  const sentences = sentenceStarts.map((start, i) => piece(text, highlights, start, sentenceStarts[i + 1] ?? text.length));
  for (const sentence of sentences) {
    if (formatQuote(sentence.text, sentence.highlights).length <= budget) {
      out.push(sentence);
      continue;
    }
    const byWord = group(sentence.text, sentence.highlights, boundaries(sentence.text, /\s+/g), budget);
    if (byWord) {
      out.push(...byWord);
      continue;
    }
    // A single "word" longer than the budget (a pasted blob): cut by characters, worst case 4 chars each.
    const step = Math.max(1, Math.floor((budget - 2) / 4));
    const starts: number[] = [];
    for (let at = 0; at < sentence.text.length; at += step) {
      const start = splitsCharacter(sentence.text, at) ? at + 1 : at;
      if (starts.at(-1) !== start) starts.push(start);
    }
    out.push(...(group(sentence.text, sentence.highlights, starts, budget) ?? []));
  }
  return mergeSmall(out, budget);
}

/** Joins neighbouring pieces again where they fit together (word splits leave many small pieces). */
function mergeSmall(pieces: QuotePiece[], budget: number): QuotePiece[] {
  const merged: QuotePiece[] = [];
  for (const next of pieces) {
    const last = merged[merged.length - 1];
    if (last) {
      const joined: QuotePiece = {
        text: last.text + next.text,
        highlights: [...last.highlights, ...next.highlights.map(([s, e]): [number, number] => [s + last.text.length, e + last.text.length])],
      };
      if (formatQuote(joined.text, joined.highlights).length <= budget) {
        merged[merged.length - 1] = joined;
        continue;
      }
    }
    merged.push(next);
  }
  return merged;
}
