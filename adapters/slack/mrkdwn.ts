import { splitsCharacter } from '../cut-text.js';
import { linkableUrl } from '../link-url.js';

/**
 * Escaping for Slack mrkdwn. Escaping `&`, `<` and `>` is what makes `<!channel>`, `<!here>`,
 * `<@U…>` and `<url|label>` inert when they appear inside a document or a question.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `truncate` for text already in mrkdwn: the cut never splits an `&amp;` escape or a `<url|label>` link,
 * which Slack would show as broken markup.
 */
export function truncateMrkdwn(mrkdwn: string, max: number): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let end = Math.max(0, max - 1);
  if (splitsCharacter(mrkdwn, end)) end -= 1;
  const kept = mrkdwn.slice(0, end).replace(/&[a-z#0-9]*$|<[^>]*$/i, '');
  return `${kept}…`;
}

/**
 * Code as Slack sets it, `inline` or in ```fences```: nothing inside is formatted, so a `*` there shows as a star and
 * a matched word inside would read "*inbox*_api" instead of the document's "inbox_api".
 */
const CODE = /```[\s\S]*?```|`[^`\n]+`/g;

/**
 * A bare link in a quote, less closing punctuation. Slack links no bare URL in verbatim text (render.ts), so it is
 * written as a `<url|url>` link; it holds no `<`, `>` or `|`, so it can name no mention and end no link early.
 */
const BARE_LINK = /https?:\/\/[^\s<>|`]*[^\s<>|`.,:;"')\]]/gi;

type Span = readonly [number, number];

function spansOf(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m): Span => [m.index, m.index + m[0].length]);
}

/** The ranges less `spans`: a matched word inside one is not bolded, the rest of its range is. */
function outside(ranges: readonly Span[], spans: readonly Span[]): Span[] {
  if (spans.length === 0) return [...ranges];
  const out: Span[] = [];
  for (const [rangeStart, end] of ranges) {
    let start = rangeStart;
    for (const [spanStart, spanEnd] of spans) {
      if (spanEnd <= start || spanStart >= end) continue;
      if (spanStart > start) out.push([start, spanStart]);
      start = Math.max(start, spanEnd);
    }
    if (start < end) out.push([start, end]);
  }
  return out;
}

/**
 * Quote text with the matched words in bold, none inside code or a link, and its links (outside code) clickable.
 * `highlights` are [start, end) ranges of the raw quote; every piece is escaped on its own so the offsets stay right.
 */
export function boldHighlights(quote: string, highlights: readonly Span[]): string {
  const code = spansOf(quote, CODE);
  const links = spansOf(quote, BARE_LINK).filter(([start, end]) => !code.some(([s, e]) => s < end && e > start));
  const ranges = outside(outside(highlights, code), links)
    .map(([start, end]) => [Math.max(0, start), Math.min(quote.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  // The text between bold ranges, its links made links (no link is cut by a range: ranges stop at them).
  const plain = (from: number, to: number): string => {
    let text = '';
    let at = from;
    for (const [start, end] of links) {
      if (start < from || end > to) continue;
      const url = escapeMrkdwn(quote.slice(start, end));
      text += `${escapeMrkdwn(quote.slice(at, start))}<${url}|${url}>`;
      at = end;
    }
    return text + escapeMrkdwn(quote.slice(at, to));
  };
  let out = '';
  let cursor = 0;
  for (const [rawStart, end] of ranges) {
    const start = Math.max(rawStart, cursor);
    if (end <= start) continue;
    out += plain(cursor, start);
    out += bold(quote.slice(start, end));
    cursor = end;
  }
  return out + plain(cursor, quote.length);
}

/** `*word*` only renders when the asterisks touch non-space characters, so spaces stay outside. */
function bold(raw: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  if (core === '' || core.includes('*') || /\n/.test(core)) return escapeMrkdwn(raw);
  return `${lead}*${escapeMrkdwn(core)}*${trail}`;
}

/** Prefixes every line with "> " so the whole text renders as one block quote. */
export function blockQuote(mrkdwn: string): string {
  return mrkdwn
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/**
 * Longest URL linked, escaped. A longer one is left out and the label shown alone: a link cut to fit a
 * section loses its label with it, and a cut URL is a broken one.
 */
const LONGEST_LINK = 512;

/** A mrkdwn link when `url` is a plain http(s) URL of a sane length (spaces and markup percent-encoded), otherwise just the escaped label. */
export function link(url: string | undefined, label: string): string {
  const text = escapeMrkdwn(label).replace(/\|/g, '¦');
  const linkable = linkableUrl(url);
  if (linkable === undefined) return text;
  const href = linkable.replace(/&/g, '&amp;');
  return href.length > LONGEST_LINK ? text : `<${href}|${text}>`;
}
