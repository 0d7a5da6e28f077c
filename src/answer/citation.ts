import { pageAt } from '../knowledge/extracted.js';
import type { Citation, Document, Passage } from '../types.js';

/** A quote's place in its document, so a quote that runs onto the next page cites both ("at 4–5"). */
export interface QuoteRange {
  start: number;
  end: number;
}

/**
 * A pinpoint in common legal style: "¶ 42, p. 12", "pp. 12–13", "ECF No. 396 at 4", "¶ 42, ECF No. 396 at 12",
 * or for documents without numbered paragraphs "Background, para. 3" / "p. 4, para. 3".
 */
function citationLabel(document: Document, passage: Passage, quote?: QuoteRange): string {
  const { paragraph, numbered, section } = passage.locator;
  const page = pagesOf(document, passage, quote);
  const parts: string[] = [];
  if (numbered && paragraph !== undefined) parts.push(`¶ ${paragraph}`);
  // "p. 4", and "pp. 4–5" for a quote across a page break ("ECF No. 396 at 4–5" either way).
  if (page !== undefined) parts.push(document.meta.ecf !== undefined ? `ECF No. ${document.meta.ecf} at ${page}` : `${page.includes('–') ? 'pp.' : 'p.'} ${page}`);
  else if (document.meta.ecf !== undefined) parts.push(`ECF No. ${document.meta.ecf}`);
  if (!numbered && paragraph !== undefined) {
    if (section) parts.push(section);
    parts.push(`para. ${paragraph}`);
  }
  return parts.join(', ');
}

/** "4", or "4–5" for a quote that crosses a page break; the passage's page without a page map. */
function pagesOf(document: Document, passage: Passage, quote: QuoteRange | undefined): string | undefined {
  if (!document.pages || !quote) return passage.locator.page?.toString();
  const first = pageAt(document.pages, quote.start);
  const last = pageAt(document.pages, Math.max(quote.start, quote.end - 1));
  if (first === undefined || last === undefined) return passage.locator.page?.toString();
  return first === last ? `${first}` : `${first}–${last}`;
}

export function citationOf(document: Document, passage: Passage, quote?: QuoteRange): Citation {
  const citation: Citation = { docId: document.id, title: document.meta.title, label: citationLabel(document, passage, quote) };
  if (document.meta.url) citation.url = document.meta.url;
  if (document.meta.date) citation.date = document.meta.date;
  if (document.meta.kind) citation.kind = document.meta.kind;
  return citation;
}
