/**
 * Rebuilds the text lines of one PDF page from positioned text items (pdf.js `getTextContent`), in the
 * page-lines form the cleaners take: leading spaces for indentation relative to the leftmost line, ""
 * for a vertical gap wider than the usual line spacing. Pleading-paper line numbers in the left margin
 * are dropped here, where their position is still known.
 */

/** The part of a pdf.js text item this file reads. */
export interface PositionedText {
  str: string;
  /** Baseline start, in PDF points (y grows upward). */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
}

/** Reads pdf.js text content items (TextItem | TextMarkedContent) into positioned text. */
export function toPositionedText(items: readonly unknown[]): PositionedText[] {
  const out: PositionedText[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null || !('str' in item) || !('transform' in item)) continue;
    const { str, transform, width } = item as { str: unknown; transform: unknown; width: unknown };
    if (typeof str !== 'string' || !Array.isArray(transform) || str.trim() === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = transform as number[];
    // Rotated text is a stamp or watermark (Bates numbers, "COPY"), not part of a line of the body.
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3) continue;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || 12;
    out.push({ str, x, y, width: typeof width === 'number' ? width : 0, size });
  }
  return out;
}

/** A pleading page has at least this many margin numbers counting down the page. */
const MIN_MARGIN_NUMBERS = 8;

/**
 * Pleading-paper line numbers: 1–28 standing alone left of every other item on the page, at least 8
 * of them, increasing from the top of the page down.
 */
export function dropMarginNumbers(items: readonly PositionedText[]): PositionedText[] {
  const isNumber = (t: PositionedText): boolean => /^\s*([1-9]|1\d|2[0-8])\s*$/.test(t.str);
  const others = items.filter((t) => !isNumber(t));
  if (others.length === 0) return [...items];
  const bodyLeft = Math.min(...others.map((t) => t.x));
  const margin = items
    .filter((t) => isNumber(t) && t.x + t.width < bodyLeft - 1)
    .sort((p, q) => q.y - p.y);
  let rising = 0;
  margin.forEach((t, i) => {
    const prev = margin[i - 1];
    if (prev !== undefined && Number(t.str) > Number(prev.str)) rising += 1;
  });
  if (margin.length < MIN_MARGIN_NUMBERS || rising < MIN_MARGIN_NUMBERS - 1) return [...items];
  const drop = new Set(margin);
  return items.filter((t) => !drop.has(t));
}

interface Line {
  y: number;
  left: number;
  size: number;
  parts: PositionedText[];
}

/** Items whose baselines differ by less than this share of the font size sit on one line. */
const SAME_LINE = 0.4;
/** A horizontal gap wider than this share of the font size is a space between words. */
const WORD_GAP = 0.12;
/** A horizontal gap wider than this many font sizes is kept as three spaces. */
const WIDE_GAP = 2;
/** A vertical gap this much wider than the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.6;
/** Average character width as a share of the font size, to turn indentation into spaces. */
const CHAR_WIDTH = 0.5;

function groupLines(items: readonly PositionedText[]): Line[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < SAME_LINE * Math.max(l.size, item.size));
    if (line === undefined) lines.push({ y: item.y, left: item.x, size: item.size, parts: [item] });
    else {
      line.parts.push(item);
      line.left = Math.min(line.left, item.x);
      // The line sits on the baseline of its body-size text, not of a raised footnote marker.
      if (item.size > line.size) line.y = item.y;
      line.size = Math.max(line.size, item.size);
    }
  }
  return lines.sort((p, q) => q.y - p.y);
}

function lineText(line: Line): string {
  const parts = [...line.parts].sort((p, q) => p.x - q.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const part of parts) {
    const gap = part.x - end;
    if (text !== '' && !text.endsWith(' ') && !part.str.startsWith(' ')) {
      // A wide gap (a page number set apart in a running head) stays visible to the header cleaner.
      if (gap > WIDE_GAP * part.size) text += '   ';
      else if (gap > WORD_GAP * part.size) text += ' ';
    }
    text += part.str;
    end = Math.max(end, part.x + part.width);
  }
  return text.trimEnd();
}

/** The most common line spacing (rounded to a point; the smaller on a tie): what a plain line break looks like. */
function usualGap(gaps: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const gap of gaps) if (gap > 0) counts.set(Math.round(gap), (counts.get(Math.round(gap)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [gap, count] of counts) {
    if (count > bestCount || (count === bestCount && gap < best)) {
      best = gap;
      bestCount = count;
    }
  }
  return best;
}

/** The page's lines, top to bottom, in the page-lines form (indentation as spaces, "" for gaps). */
export function pageLines(items: readonly PositionedText[]): string[] {
  const lines = groupLines(dropMarginNumbers(items)).filter((l) => lineText(l).trim() !== '');
  if (lines.length === 0) return [];
  const minLeft = Math.min(...lines.map((l) => l.left));
  const gaps = lines.slice(1).map((l, i) => (lines[i]?.y ?? l.y) - l.y);
  const usual = usualGap(gaps);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const gap = gaps[i - 1];
    if (gap !== undefined && usual > 0 && gap > PARAGRAPH_GAP * usual) out.push('');
    const indent = Math.round((line.left - minLeft) / (CHAR_WIDTH * line.size));
    out.push(' '.repeat(Math.max(0, indent)) + lineText(line).trimStart());
  });
  return out;
}
