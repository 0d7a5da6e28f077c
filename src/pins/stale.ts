import type { PinnedExcerpt } from '../types.js';

/** What stale detection needs of a document: the text quotes are exact substrings of, and its hash. */
export interface DocumentText {
  text: string;
  hash: string;
}

export type DocumentTexts = ReadonlyMap<string, DocumentText>;

/**
 * True when every quote is still an exact substring of its document. The text is always searched:
 * a matching hash would only prove the document is unchanged, not that the quote came from it.
 */
export function excerptsCurrent(excerpts: readonly PinnedExcerpt[], documents: DocumentTexts): boolean {
  return excerpts.every((excerpt) => documents.get(excerpt.docId)?.text.includes(excerpt.quote) ?? false);
}
