import type { Document } from '../types.js';

// "Hogarth v. Bell", "fisher v ut": the word before "v." names the case's first party.
const CASE_NAME = /([\p{L}'’-]+)\s+v\.?\s+\p{L}/giu;
/**
 * A case named by its first party alone, as readers shorten it: "the Hogarth case", "Fisher's opinion", or last in
 * the question after "in" or "of" ("who is the judge in hogarth?"). Not "Fisher" alone elsewhere: a name may be a party's.
 */
const CASE_BY_PARTY =
  /(?<![\p{L}-])([\p{L}-]+)(?:['’]s)?\s+(?:case|lawsuit|suit|litigation|opinion|decision|ruling|order|judgment)\b|\b(?:in|of)\s+([\p{L}-]+)(?:['’]s)?[\s?!.]*$/giu;

/**
 * The documents whose title names the case a question names ("Which judge wrote the Hogarth v. Bell
 * order?" → the document titled "Hogarth v. Bell"): such a question asks about that case, so a quote
 * from another document does not answer it. Empty when the question names no case the pack holds
 * (a case only cited in the documents, or none at all).
 */
export function documentsOfNamedCase(question: string, documents: Iterable<Document>): Set<string> {
  const named = new Set<string>();
  const parties = [...question.matchAll(CASE_NAME), ...question.matchAll(CASE_BY_PARTY)].map((match) => (match[1] ?? match[2])!.toLowerCase());
  if (parties.length === 0) return named;
  for (const document of documents) {
    const titleParty = firstPartyOf(document);
    if (titleParty && parties.includes(titleParty)) named.add(document.id);
  }
  return named;
}

// Worked out once per document: a pack may hold thousands.
const firstParties = new WeakMap<Document, string | undefined>();

function firstPartyOf(document: Document): string | undefined {
  if (!firstParties.has(document)) firstParties.set(document, document.meta.title.matchAll(CASE_NAME).next().value?.[1]?.toLowerCase());
  return firstParties.get(document);
}
