import { createHash } from 'node:crypto';
import { citationOf } from '../answer/citation.js';
import type { Corpus } from '../corpus.js';
import type { Citation, Passage } from '../types.js';

/** One passage of a document holding a quote, with the citation the quote gets there now. */
export interface QuotePlace {
  passageId: string;
  /** Hash of the passage's text alone: a passage id hashes its document id too, which a rename changes. */
  passageHash: string;
  citation: Citation;
}

/**
 * The passages of `docId` that hold `quote`, in document order, else those it starts in and runs on from into the rest
 * of their paragraph; empty when none does or there is no such document.
 */
export type PlacesOf = (docId: string, quote: string) => readonly QuotePlace[];

export function passageHashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** Where quotes are in `corpus`: what lets a pin check its citation, refresh it and follow a renamed document. */
export function placesIn(corpus: Corpus): PlacesOf {
  return (docId, quote) => {
    const document = corpus.documents.get(docId);
    if (!document || quote === '') return [];
    const passages = corpus.passagesByDoc.get(docId) ?? [];
    const placeAt = (passage: Passage, start: number): QuotePlace => ({
      passageId: passage.id,
      passageHash: passageHashOf(passage.text),
      citation: citationOf(document, passage, { start, end: start + quote.length }),
    });
    const whole = passages.filter((passage) => passage.text.includes(quote));
    if (whole.length > 0) return whole.map((passage) => placeAt(passage, passage.start + passage.text.indexOf(quote)));
    // A long paragraph is cut into passages, and an edit before a quote can move a cut into it: the quote is still
    // in its paragraph, placed in the passage where it starts.
    const places: QuotePlace[] = [];
    for (let start = document.text.indexOf(quote); start !== -1; start = document.text.indexOf(quote, start + 1)) {
      const end = start + quote.length;
      const over = passages.filter((passage) => passage.start < end && passage.end > start);
      const [first] = over;
      if (first !== undefined && first.start <= start && over.every((passage) => sameParagraph(passage, first))) places.push(placeAt(first, start));
    }
    return places;
  };
}

/** Two passages cut from one numbered paragraph: a quote may run from one into the other. */
function sameParagraph(a: Passage, b: Passage): boolean {
  const [x, y] = [a.locator, b.locator];
  return x.paragraph !== undefined && x.paragraph === y.paragraph && x.numbered === y.numbered && x.section === y.section;
}
