import type { PinnedExcerpt } from '../types.js';
import type { PlacesOf } from './places.js';

/** What stale detection needs of a document: the text quotes are exact substrings of, and its hash. */
export interface DocumentText {
  text: string;
  hash: string;
}

export type DocumentTexts = ReadonlyMap<string, DocumentText>;

/** One pinned quote checked against the current documents: `excerpt` is it with its citation as of now. */
export interface CheckedExcerpt {
  excerpt: PinnedExcerpt;
  current: boolean;
}

/**
 * Checks a pinned quote: current while it is an exact substring of its document and, given `placesOf`,
 * still where its citation points (a paragraph inserted before it renumbers "para. 3"). The text is
 * always searched: a matching hash would only prove the document is unchanged, not that the quote came
 * from it. A current quote takes the citation its passage gives now, so front-matter edits (title, kind,
 * date, url) show; a stale one keeps the citation it was pinned with, beside the warning that it changed.
 */
export function checkExcerpt(excerpt: PinnedExcerpt, documents: DocumentTexts, placesOf?: PlacesOf): CheckedExcerpt {
  const stale = { excerpt, current: false };
  if (!(documents.get(excerpt.docId)?.text.includes(excerpt.quote) ?? false)) return stale;
  if (placesOf === undefined) return { excerpt, current: true };
  // The passage pinned when it still holds the quote, else the first that does.
  const places = placesOf(excerpt.docId, excerpt.quote);
  const place = places.find((candidate) => candidate.passageId === excerpt.passageId) ?? places[0];
  if (place === undefined || place.citation.label !== excerpt.citation.label) return stale;
  return { excerpt: { ...excerpt, citation: place.citation }, current: true };
}

/** True when every quote is current (see `checkExcerpt`). */
export function excerptsCurrent(excerpts: readonly PinnedExcerpt[], documents: DocumentTexts, placesOf?: PlacesOf): boolean {
  return excerpts.every((excerpt) => checkExcerpt(excerpt, documents, placesOf).current);
}
