import type { Answer, Excerpt, Pin } from '../types.js';
import { missingWordsSentence } from './missing-words.js';

export interface TextFormatOptions {
  /** ANSI bold for matched words and dim citations (a TTY); plain text otherwise. */
  color?: boolean;
  /** The number of the first quote: a next page continues the numbering of the one above (default 1). */
  firstNumber?: number;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

// Every control character but the line break and the tab: ESC starts the sequences that recolour, move the
// cursor, clear the screen, retitle the window or write the clipboard; C1's CSI (U+009B) does on some terminals.
// With them the direction embeddings, overrides and isolates (U+202A–202E, U+2066–2069): a terminal that
// supports bidi would draw the text after one reordered, a quote shown otherwise than the document has it.
const CONTROL = /(?![\n\t])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text from a document, a question or a pin as a terminal can show it: each control character as its visible
 * symbol ("␛", "␇"; U+FFFD for C1 and the direction controls), so a document carrying "\u001b]0;…" shows it
 * instead of obeying it.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x20) return String.fromCodePoint(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
}

/**
 * Whether to style text for this output: a terminal, unless NO_COLOR is set to anything but the empty text
 * (https://no-color.org), as people set it when styles are unreadable or break their screen reader.
 */
export function wantsColor(output: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return Boolean(output.isTTY) && !env.NO_COLOR;
}

/** An answer as a person wants to read it in a terminal: numbered quotes, then their sources. */
export function toTerminalText(answer: Answer, options: TextFormatOptions = {}): string {
  const lines: string[] = [];
  if (answer.pinned) lines.push(...pinnedLines(answer.pinned).map(terminalSafe), '');
  if (answer.kind === 'no-match') {
    lines.push('The documents do not answer that.');
    if (answer.missingWords?.length) lines.push(terminalSafe(missingWordsSentence(answer.missingWords)));
    if (answer.suggestions.length > 0) lines.push('You could ask about:', ...answer.suggestions.map((suggestion) => `  • ${terminalSafe(suggestion)}`));
    return lines.join('\n');
  }
  answer.excerpts.forEach((excerpt, index) => {
    lines.push(`[${index + (options.firstNumber ?? 1)}] “${quoteWithHighlights(excerpt, options.color ?? false)}”`);
    lines.push(dim(`    — ${terminalSafe(sourceLine(excerpt))}`, options.color ?? false));
    lines.push('');
  });
  return lines.join('\n').trimEnd();
}

function pinnedLines(pin: Pin): string[] {
  const lines = [`📌 Pinned answer to “${pin.question}”${pin.stale ? ' — warning: its source changed since it was pinned' : ''}`];
  for (const excerpt of pin.excerpts) {
    lines.push(`    “${excerpt.quote}” — ${excerpt.citation.title}${excerpt.citation.label ? `, ${excerpt.citation.label}` : ''}`);
  }
  return lines;
}

function sourceLine(excerpt: Excerpt): string {
  const { title, kind, label, date, url } = excerpt.citation;
  const parts = [kind ? `${title} (${kind.replace(/-/g, ' ')})` : title];
  if (label) parts.push(label);
  if (date) parts.push(date);
  if (url) parts.push(url);
  return parts.join(', ');
}

function quoteWithHighlights(excerpt: Excerpt, color: boolean): string {
  let text = '';
  let cursor = 0;
  for (const [start, end] of excerpt.highlights) {
    // Made safe piece by piece: the highlights' offsets are into the quote as the document has it.
    text += terminalSafe(excerpt.quote.slice(cursor, start));
    const matched = terminalSafe(excerpt.quote.slice(start, end));
    text += color ? `${BOLD}${matched}${RESET}` : matched;
    cursor = end;
  }
  text += terminalSafe(excerpt.quote.slice(cursor));
  return `${excerpt.elidedStart ? '…' : ''}${text}${excerpt.elidedEnd ? '…' : ''}`;
}

function dim(text: string, color: boolean): string {
  return color ? `${DIM}${text}${RESET}` : text;
}
