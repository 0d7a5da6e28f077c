import type { PinnedExcerpt } from '../types.js';
import type { PlacesOf } from './places.js';

/** What stale detection needs of a document: the text quotes are exact substrings of, and its hash. */
export interface DocumentText {
  text: string;
  hash: string;
}

export type DocumentTexts = ReadonlyMap<string, DocumentText>;

/** One pinned quote checked against the current documents: `excerpt` is it as of now (its citation, its place). */
export interface CheckedExcerpt {
  excerpt: PinnedExcerpt;
  current: boolean;
  /** Its document is gone, and it followed the quote to the one document that holds it now (a renamed file). */
  moved?: boolean;
}

/**
 * Checks a pinned quote: current while it is an exact substring of its document and, given `placesOf`,
 * still where its citation points (a paragraph inserted before it renumbers "para. 3"). The text is
 * always searched: a matching hash would only prove the document is unchanged, not that the quote came
 * from it. A current quote takes the citation its passage gives now, so front-matter edits (title, kind,
 * date, url) show; a stale one keeps the citation it was pinned with, beside the warning that it changed.
 * A quote whose document id is gone, or no longer holds it, follows it to a new one (see `follow`).
 */
export function checkExcerpt(excerpt: PinnedExcerpt, documents: DocumentTexts, placesOf?: PlacesOf): CheckedExcerpt {
  const stale = { excerpt, current: false };
  const document = documents.get(excerpt.docId);
  if (document === undefined) return (placesOf && follow(excerpt, documents, placesOf)) ?? stale;
  if (!document.text.includes(excerpt.quote)) {
    // A file moved and another written at its old path: the id stands, the text pinned went with the move.
    // Followed only into a passage of the text pinned, which only a pin that kept its passage hash can tell.
    return (placesOf && excerpt.passageHash !== undefined && follow(excerpt, documents, placesOf)) || stale;
  }
  if (placesOf === undefined) return { excerpt, current: true };
  // The passage pinned when it still holds the quote, else one where its citation still points: a sentence such as
  // "The motion is denied." stands in several paragraphs, and only the one cited matters.
  const places = placesOf(excerpt.docId, excerpt.quote);
  const same = places.find((candidate) => candidate.passageId === excerpt.passageId);
  const place = same ?? places.find((candidate) => candidate.citation.label === excerpt.citation.label);
  if (place === undefined || place.citation.label !== excerpt.citation.label) return stale;
  // A passage id hashes the passage's text, so the passage still under it holds the text pinned: what lets
  // a pin from before passage hashes were kept follow a later rename.
  const backfill = same && excerpt.passageHash === undefined ? { passageHash: same.passageHash } : {};
  // An edit around the quote (or new passage shaping) gives its passage a new id: the pin takes the passage that
  // holds it now, or Context would find no passage, a fresh excerpt of the same quote would show twice, and a later
  // rename could not follow it into the text it is current in.
  const moved = same ? {} : { passageId: place.passageId, passageHash: place.passageHash };
  return { excerpt: { ...excerpt, citation: place.citation, ...backfill, ...moved }, current: true };
}

/**
 * A document's id is its path, so a renamed or moved file has a new id. The quote follows it when exactly one
 * current document holds it, and (when the pin kept it) in a passage of the text pinned: the document id,
 * passage and citation are updated. Undefined (stale) when several documents hold it, or none does.
 */
function follow(excerpt: PinnedExcerpt, documents: DocumentTexts, placesOf: PlacesOf): CheckedExcerpt | undefined {
  const holders = [...documents].filter(([, document]) => document.text.includes(excerpt.quote));
  const [holder] = holders;
  if (holder === undefined || holders.length > 1) return undefined;
  const places = placesOf(holder[0], excerpt.quote);
  const place = excerpt.passageHash === undefined ? places[0] : places.find((candidate) => candidate.passageHash === excerpt.passageHash);
  if (place === undefined) return undefined;
  // sourceHash stays: it names the text the quote was pinned from.
  const moved = { ...excerpt, docId: holder[0], passageId: place.passageId, passageHash: place.passageHash, citation: place.citation };
  return { excerpt: moved, current: true, moved: true };
}

/** True when every quote is current (see `checkExcerpt`). */
export function excerptsCurrent(excerpts: readonly PinnedExcerpt[], documents: DocumentTexts, placesOf?: PlacesOf): boolean {
  return excerpts.every((excerpt) => checkExcerpt(excerpt, documents, placesOf).current);
}
