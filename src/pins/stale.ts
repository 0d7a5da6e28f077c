import type { PinnedExcerpt } from '../types.js';

/** What stale detection needs of a document: the text quotes are exact substrings of, and its hash. */
export interface DocumentText {
  text: string;
  hash: string;
}

export type DocumentTexts = ReadonlyMap<string, DocumentText>;

/**
 * The citation label a quote of a document gets now (from the passage with this id when it still holds
 * the quote, else the first that does); undefined when no passage holds it.
 */
export type CiteQuote = (docId: string, quote: string, passageId: string) => string | undefined;

/**
 * True when every quote is still an exact substring of its document and, given `cite`, still where its
 * citation points (a paragraph inserted before it renumbers "para. 3"). The text is always searched:
 * a matching hash would only prove the document is unchanged, not that the quote came from it.
 */
export function excerptsCurrent(excerpts: readonly PinnedExcerpt[], documents: DocumentTexts, cite?: CiteQuote): boolean {
  return excerpts.every(
    (excerpt) =>
      (documents.get(excerpt.docId)?.text.includes(excerpt.quote) ?? false) &&
      (cite === undefined || cite(excerpt.docId, excerpt.quote, excerpt.passageId) === excerpt.citation.label),
  );
}
