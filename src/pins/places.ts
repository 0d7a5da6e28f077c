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

/** The passages of `docId` that hold `quote`, in document order; empty when none does or there is no such document. */
export type PlacesOf = (docId: string, quote: string) => readonly QuotePlace[];

export function passageHashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** Where quotes are in `corpus`: what lets a pin check its citation, refresh it and follow a renamed document. */
export function placesIn(corpus: Corpus): PlacesOf {
  return (docId, quote) => {
    const document = corpus.documents.get(docId);
    if (!document) return [];
    const holds = (passage: Passage) => passage.text.includes(quote);
    return (corpus.passagesByDoc.get(docId) ?? []).filter(holds).map((passage) => {
      const start = passage.start + passage.text.indexOf(quote);
      return {
        passageId: passage.id,
        passageHash: passageHashOf(passage.text),
        citation: citationOf(document, passage, { start, end: start + quote.length }),
      };
    });
  };
}
