import { breaksWord } from './broken-word.js';
import { mode, TERMINAL } from './knowledge/clean-paragraphs.js';

/** A [start, end) stretch of a document's text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * A line indented at least this far, and by more than CENTERED_MARGIN past the block's left edge, is
 * centered: a heading such as "A" or "II".
 */
export const CENTERED_INDENT = 8;
const CENTERED_MARGIN = 4;
/** Indentation only tells where paragraphs start in a block of at least this many lines. */
const MIN_LINES = 3;

interface Line {
  /** Where the line's text starts, after its indentation. */
  content: number;
  end: number;
  indent: number;
}

/**
 * Laid-out text (a PDF's text as `pdftotext -layout` writes it) runs a page's paragraphs together with
 * no blank line between them. A paragraph starts where, after a sentence end, a line leaves the
 * block's usual left edge: indented ("   The Court …") or hanging ("Held: …" over indented lines). A
 * centered line ("A", "II") and a divider ("*   *   *") stand alone; lines set in far at one indentation
 * are a block quotation, one paragraph. The spans are cut from the text
 * as it is, so quotes stay exact.
 */
export function splitAtIndents(text: string, block: TextSpan): TextSpan[] {
  const lines = linesOf(text, block);
  if (lines.length < MIN_LINES) return [block];
  const edge = mode(lines.map((line) => line.indent));
  const hasWords = (line: Line | undefined): line is Line => line !== undefined && /[\p{L}\p{N}]/u.test(text.slice(line.content, line.end));
  const farIn = (line: Line) => line.indent >= CENTERED_INDENT && line.indent > edge + CENTERED_MARGIN;
  // Lines set in together at one indentation are a block quotation, read as one paragraph; a centered line has no
  // neighbour at its own indentation.
  const quoted = lines.map((line, i) => farIn(line) && hasWords(line) && [lines[i - 1], lines[i + 1]].some((other) => hasWords(other) && other.indent === line.indent));
  const standsAlone = (i: number) => (farIn(lines[i]!) && !quoted[i]) || !hasWords(lines[i]);
  const spans: TextSpan[] = [];
  let start = block.start;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1]!;
    const sameQuote = quoted[i] && quoted[i - 1] && line.indent === previous.indent;
    const startsParagraph =
      !sameQuote &&
      (standsAlone(i) || standsAlone(i - 1) || quoted[i] !== quoted[i - 1] || (line.indent !== edge && TERMINAL.test(text.slice(previous.content, previous.end).trimEnd())));
    if (!startsParagraph) continue;
    let end = previous.end;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end });
    start = line.content;
  }
  spans.push({ start, end: block.end });
  return spans;
}

function linesOf(text: string, block: TextSpan): Line[] {
  const lines: Line[] = [];
  // The block was trimmed: its first line's indentation is measured from where that line starts.
  let at = text.lastIndexOf('\n', block.start - 1) + 1;
  while (at < block.end) {
    let end = text.indexOf('\n', at);
    if (end === -1 || end > block.end) end = block.end;
    let content = at;
    while (content < end && text[content] === ' ') content++;
    // The blank line inside a word a line end broke ("constitu-" | "" | "tional") is no line of the layout.
    const blankInWord = content === end && breaksWord(text, at - 1, /\S|$/.exec(text.slice(end, block.end))!.index + end);
    if (!blankInWord) lines.push({ content: Math.max(content, block.start), end, indent: content - at });
    at = end + 1;
  }
  return lines;
}
