import type { Answer, Excerpt, Pin } from '../types.js';
import { missingWordsSentence } from './missing-words.js';

export interface TextFormatOptions {
  /** ANSI bold for matched words and dim citations (a TTY); plain text otherwise. */
  color?: boolean;
}

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/** An answer as a person wants to read it in a terminal: numbered quotes, then their sources. */
export function toTerminalText(answer: Answer, options: TextFormatOptions = {}): string {
  const lines: string[] = [];
  if (answer.pinned) lines.push(...pinnedLines(answer.pinned), '');
  if (answer.kind === 'no-match') {
    lines.push('The documents do not answer that.');
    if (answer.missingWords?.length) lines.push(missingWordsSentence(answer.missingWords));
    if (answer.suggestions.length > 0) lines.push('You could ask about:', ...answer.suggestions.map((suggestion) => `  • ${suggestion}`));
    return lines.join('\n');
  }
  answer.excerpts.forEach((excerpt, index) => {
    lines.push(`[${index + 1}] “${quoteWithHighlights(excerpt, options.color ?? false)}”`);
    lines.push(dim(`    — ${sourceLine(excerpt)}`, options.color ?? false));
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
    text += excerpt.quote.slice(cursor, start);
    text += color ? `${BOLD}${excerpt.quote.slice(start, end)}${RESET}` : excerpt.quote.slice(start, end);
    cursor = end;
  }
  text += excerpt.quote.slice(cursor);
  return `${excerpt.elidedStart ? '…' : ''}${text}${excerpt.elidedEnd ? '…' : ''}`;
}

function dim(text: string, color: boolean): string {
  return color ? `${DIM}${text}${RESET}` : text;
}
