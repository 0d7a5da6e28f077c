import type { Citation, Document, Passage } from '../types.js';

/**
 * A pinpoint in common legal style: "¶ 42, p. 12", "ECF No. 396 at 4", "¶ 42, ECF No. 396 at 12",
 * or for documents without numbered paragraphs "Background, para. 3" / "p. 4, para. 3".
 */
export function citationLabel(document: Document, passage: Passage): string {
  const { paragraph, numbered, page, section } = passage.locator;
  const parts: string[] = [];
  if (numbered && paragraph !== undefined) parts.push(`¶ ${paragraph}`);
  if (page !== undefined) parts.push(document.meta.ecf !== undefined ? `ECF No. ${document.meta.ecf} at ${page}` : `p. ${page}`);
  else if (document.meta.ecf !== undefined) parts.push(`ECF No. ${document.meta.ecf}`);
  if (!numbered && paragraph !== undefined) {
    if (section) parts.push(section);
    parts.push(`para. ${paragraph}`);
  }
  return parts.join(', ');
}

export function citationOf(document: Document, passage: Passage): Citation {
  const citation: Citation = { docId: document.id, title: document.meta.title, label: citationLabel(document, passage) };
  if (document.meta.url) citation.url = document.meta.url;
  if (document.meta.date) citation.date = document.meta.date;
  if (document.meta.kind) citation.kind = document.meta.kind;
  return citation;
}
