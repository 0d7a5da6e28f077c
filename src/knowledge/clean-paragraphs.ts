/**
 * Rebuilds paragraphs from the lines of cleaned pages and lays them out as the display text: one
 * paragraph per line, paragraphs separated by a blank line, with an exact [start, end) span per page.
 * A paragraph that runs over a page break stays one paragraph; the page boundary then falls inside it.
 */
import type { PageSpan } from '../types.js';
import { buildHyphenVocabulary, joinLines, normalizeChars, SOFT_HYPHEN, tidyLine } from './clean-text.js';

interface StreamLine {
  text: string;
  /** Indentation relative to the page's usual left edge, in characters. */
  indent: number;
  /** Index into the pages array. */
  pageIndex: number;
  /** A vertical gap (blank line) came before it on the same page. */
  gapBefore: boolean;
}

/** Marks a heading paragraph in the display text, as in Markdown. */
const HEADING_MARK = '## ';

/** A line or paragraph that ends a sentence (or a clause that may close one: "as follows:"). */
export const TERMINAL = /[.!?:;]["'”’)\]]*$/u;
/** Lines shorter than this share of a full line end their paragraph when they end a sentence. */
const SHORT_LINE_RATIO = 0.6;

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/** The commonest value; the smallest of those tied. */
export function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && v < best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/** An all-caps line ("STATEMENT OF THE CASE", "II.", "ORDER") that is a heading, not prose. */
export function isCapsHeading(text: string): boolean {
  if (text.length > 80 || /[,;]$/.test(text)) return false;
  // A wrapped citation line ("42 U.S.C. § 1983", "F. Supp. 3d") is prose even in capitals.
  if (/§|\bU\.\s?S\.|\bF\.\s?(?:\d|Supp)/.test(text)) return false;
  // Captions keep "v." and "et al." in lowercase: "FISHER v. UNIVERSITY OF TEXAS AT AUSTIN ET AL."
  const letters = text.replace(/\b(?:v|vs|et al|ex rel)\./g, '').replace(/[^\p{L}]/gu, '');
  if (letters.length === 0 || letters !== letters.toUpperCase()) return false;
  // "U.S.C. § 1983." is a wrapped citation; a numeral like "II." or a party ending "ET AL." is a heading.
  return !/\.$/.test(text) || /^[IVXLC]+\.$|^[A-Z]\.$|\b(?:AL|INC|CORP|CO|LLC|LTD)\.$/.test(text);
}

/** An outline heading such as "A. Standing" or "III. Discussion": numbered, short, no final punctuation. */
function isOutlineHeading(text: string, fullLength: number): boolean {
  return (
    /^(?:[IVX]+|[A-Z])\.\s+\p{Lu}/u.test(text) &&
    text.length < fullLength * SHORT_LINE_RATIO &&
    !TERMINAL.test(text) &&
    !/[,;]$/.test(text)
  );
}

/** A footnote's first line: its number (often glued, from a superscript) then a capitalised word. */
const FOOTNOTE = /^(?:\d{1,3}\s*|[*†‡]\s*)\p{Lu}\p{Ll}/u;

/** A list item's bullet: always the start of its own paragraph. */
const BULLET = /^[•●▪◦‣·]\s/u;

/** Indentation (in characters) from which a short line counts as centered. */
const CENTERED_INDENT = 8;

/** A short centered line ("Background", "DISCUSSION") stands alone: the line after it starts anew. */
function isCenteredHeading(line: StreamLine, fullLength: number): boolean {
  return (
    line.indent >= CENTERED_INDENT && line.text.length < fullLength * SHORT_LINE_RATIO && !/[,;\-\u2010\u00AD]$/u.test(line.text)
  );
}

/** "42. Plaintiffs allege …" / "¶ 42 …": a numbered paragraph's first line. */
function isNumberedStart(text: string): boolean {
  return /^(?:\d{1,3}\.|¶\s*\d{1,3})\s+\S/u.test(text);
}

/** A word split at the line end, or a lowercase line after an unfinished sentence: never a new paragraph. */
function isContinuation(prev: string, line: string): boolean {
  if (!/^\p{Ll}/u.test(line) || isCapsHeading(prev)) return false;
  return /\p{L}[-\u2010\u00AD]$/u.test(prev) || !TERMINAL.test(prev);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** The length of a full line of body text: the 75th percentile, so short last lines do not pull it down. */
function fullLineLength(stream: readonly StreamLine[]): number {
  return percentile(
    stream.map((l) => l.text.length),
    0.75,
  );
}

function toStream(pages: readonly (readonly string[])[]): StreamLine[] {
  const stream: StreamLine[] = [];
  pages.forEach((lines, pageIndex) => {
    const normalized = lines.map(normalizeChars);
    const base = mode(normalized.filter((l) => l.trim() !== '').map(indentOf));
    let gap = false;
    for (const line of normalized) {
      if (line.trim() === '') {
        gap = true;
        continue;
      }
      stream.push({ text: tidyLine(line), indent: indentOf(line) - base, pageIndex, gapBefore: gap });
      gap = false;
    }
  });
  return stream;
}

/** A wrapped all-caps title ("CERTIORARI TO THE … FOR" / "THE FIFTH CIRCUIT"): one heading, not two. */
function continuesCapsHeading(prev: StreamLine, line: StreamLine): boolean {
  const words = (text: string): number => text.split(' ').filter((w) => /\p{L}{2}/u.test(w)).length;
  return (
    !line.gapBefore &&
    line.pageIndex === prev.pageIndex &&
    isCapsHeading(prev.text) &&
    isCapsHeading(line.text) &&
    !/[.:]$/.test(prev.text) &&
    words(prev.text) >= 2 &&
    words(line.text) >= 2
  );
}

/** A centered line that reads as a title ("Background", "Standing"), not a date or a signature. */
function isCenteredTitle(line: StreamLine, fullLength: number): boolean {
  return (
    isCenteredHeading(line, fullLength) &&
    /^\p{Lu}/u.test(line.text) &&
    !/\d/.test(line.text) &&
    !TERMINAL.test(line.text) &&
    line.text.split(' ').length <= 8
  );
}

/** Whether a paragraph is a heading, to be marked "## " so section detection sees it. */
function isHeadingParagraph(lines: readonly StreamLine[], fullLength: number): boolean {
  const [only] = lines;
  if (only === undefined) return false;
  if (lines.length > 1) return lines.every((l) => isCapsHeading(l.text)) && lines.reduce((n, l) => n + l.text.length, 0) <= 160;
  return isCapsHeading(only.text) || isOutlineHeading(only.text, fullLength) || isCenteredTitle(only, fullLength);
}

// What opens a signature block: the rule signed over ("______________"), or an electronic signature ("/s/ Jane Roe",
// "By: /s/ Jane Roe").
const SIGNATURE_MARK = /^(?:_{5,}$|(?:By:?\s*)?\/s\/)/i;
/** How far a line of a signature block may stand from its mark's indentation. */
const SIGNATURE_INDENT_SLACK = 2;

/**
 * The lines of signature blocks: the short lines set under a signature's mark at its indentation, on its page (the
 * judge's "JAMES DONATO" over "United States District Judge", counsel's name and firm). They are one paragraph that
 * names the signer with the title: text to quote, never headings, though set in capitals or alone on their line.
 */
function signatureLines(stream: readonly StreamLine[], fullLength: number): Set<number> {
  const lines = new Set<number>();
  stream.forEach((mark, i) => {
    if (!SIGNATURE_MARK.test(mark.text)) return;
    for (let j = i + 1; j < stream.length; j++) {
      const line = stream[j]!;
      const under = line.pageIndex === mark.pageIndex && Math.abs(line.indent - mark.indent) <= SIGNATURE_INDENT_SLACK;
      if (!under || line.text.length >= fullLength * SHORT_LINE_RATIO || SIGNATURE_MARK.test(line.text)) break;
      lines.add(j);
    }
  });
  return lines;
}

/** Decides for each line whether it starts a new paragraph. */
function paragraphStarts(stream: readonly StreamLine[], signature: ReadonlySet<number>): boolean[] {
  const fullLength = fullLineLength(stream);
  const starts: boolean[] = [];
  let paragraphFirst = 0;
  stream.forEach((line, i) => {
    const prev = stream[i - 1];
    let start = prev === undefined;
    const firstOfParagraph = stream[paragraphFirst];
    if (signature.has(i)) {
      // A signature block is one paragraph, after its mark.
      start = !signature.has(i - 1);
    } else if (prev !== undefined && line.pageIndex !== prev.pageIndex && FOOTNOTE.test(firstOfParagraph?.text ?? '')) {
      // The page ended in its footnotes: the body text that continues on this page cannot join them.
      start = true;
    } else if (prev !== undefined && (isContinuation(prev.text, line.text) || continuesCapsHeading(prev, line))) {
      start = false;
    } else if (prev !== undefined) {
      const prevIsFirst = paragraphFirst === i - 1;
      const prevShort = prev.text.length < fullLength * SHORT_LINE_RATIO;
      start =
        (line.gapBefore && line.pageIndex === prev.pageIndex) ||
        isCapsHeading(prev.text) ||
        isCapsHeading(line.text) ||
        isOutlineHeading(prev.text, fullLength) ||
        isOutlineHeading(line.text, fullLength) ||
        isCenteredHeading(prev, fullLength) ||
        line.indent >= prev.indent + 2 ||
        (line.indent <= prev.indent - 2 && !prevIsFirst) ||
        // An indented one-line paragraph ("JUSTICE KENNEDY delivered the opinion of the Court.") then another.
        (line.indent >= 2 && prevIsFirst && prev.indent >= 2 && TERMINAL.test(prev.text)) ||
        (isNumberedStart(line.text) && TERMINAL.test(prev.text)) ||
        BULLET.test(line.text) ||
        (prevShort && TERMINAL.test(prev.text));
    }
    if (start) paragraphFirst = i;
    starts.push(start);
  });
  return starts;
}

export interface LaidOutText {
  text: string;
  pages: PageSpan[];
}

/**
 * Lays out cleaned pages as display text. `pages[i]` holds the lines of physical page i (leading spaces
 * = indentation, "" = vertical gap); `pageNumbers[i]` is the number to report for it.
 */
export function layoutPages(pages: readonly (readonly string[])[], pageNumbers: readonly number[]): LaidOutText {
  const stream = toStream(pages);
  const vocabulary = buildHyphenVocabulary(stream.map((l) => l.text));
  const fullLength = fullLineLength(stream);
  const signature = signatureLines(stream, fullLength);
  const starts = paragraphStarts(stream, signature);
  // Headings get a Markdown "## " mark, so the passage splitter sees sections the way it does in .md files.
  const headingAt = new Set<number>();
  for (let i = 0; i < stream.length; ) {
    let end = i + 1;
    while (end < stream.length && starts[end] !== true) end += 1;
    if (!signature.has(i) && isHeadingParagraph(stream.slice(i, end), fullLength)) headingAt.add(i);
    i = end;
  }
  let text = '';
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  stream.forEach((line, i) => {
    if (i > 0 && starts[i] === true) text += '\n\n';
    const next = stream[i + 1];
    const join = next !== undefined && starts[i + 1] !== true ? joinLines(line.text, next.text, vocabulary) : undefined;
    const mark = headingAt.has(i) ? HEADING_MARK : '';
    const piece = mark + line.text.slice(0, line.text.length - (join?.cut ?? 0)).replaceAll(SOFT_HYPHEN, '');
    if (piece.length > 0 && !first.has(line.pageIndex)) first.set(line.pageIndex, text.length);
    text += piece;
    if (piece.length > 0) last.set(line.pageIndex, text.length);
    text += join?.separator ?? '';
  });
  // A page without text gets an empty span where it would have been, so the map stays in page order.
  const spans: PageSpan[] = [];
  let cursor = 0;
  pages.forEach((_, pageIndex) => {
    const page = pageNumbers[pageIndex] ?? pageIndex + 1;
    const start = first.get(pageIndex);
    const end = last.get(pageIndex);
    if (start === undefined || end === undefined) {
      spans.push({ page, start: cursor, end: cursor });
      return;
    }
    spans.push({ page, start, end });
    cursor = end;
  });
  return { text, pages: spans };
}
