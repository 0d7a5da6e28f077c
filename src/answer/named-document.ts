import type { Analyzer } from '../search/analyzer.js';
import { isEnglishWord } from '../search/english-words.js';
import type { Document } from '../types.js';
import type { AnalyzedQuery, Concept } from './query.js';

/** How much more a term naming a document weighs in the index search than a word of the text. */
const NAMING_TERM_WEIGHT = 2;
/** How many of a question's unknown words are looked up in the titles (each reads every document's): a wall of them is noise or an attack. */
const MAX_WORDS_LOOKED_UP = 3;

/**
 * A word no text uses and no English word ("zod", "tslib"): where a document's title holds it ("zod mit",
 * from "zod-mit.txt"), it names that document, as its initials do.
 */
export function mayNameDocument(concept: Concept): boolean {
  return !concept.known && !concept.everyday && !isEnglishWord(concept.word.toLowerCase());
}

export interface NamedDocuments {
  docIds: ReadonlySet<string>;
  /** The index search's term weights, the naming terms weighing `NAMING_TERM_WEIGHT`. */
  termWeights: ReadonlyMap<string, number>;
}

/**
 * The documents a question names by such a word of their title ("who holds the copyright for zod?"): it
 * asks about them, so their passages are looked for first. Undefined when it names none, or names every
 * document (then the word tells them apart no more than nothing).
 */
export function documentsNamedByTitle(query: AnalyzedQuery, documents: ReadonlyMap<string, Document>, analyzer: Analyzer): NamedDocuments | undefined {
  const docIds = new Set<string>();
  const termWeights = new Map(query.termWeights);
  for (const concept of query.concepts.filter(mayNameDocument).slice(0, MAX_WORDS_LOOKED_UP)) {
    const naming = [...documents.values()].filter((document) => concept.terms.some((term) => titleTermsOf(document, analyzer).has(term)));
    if (naming.length === 0 || naming.length === documents.size) continue;
    for (const document of naming) docIds.add(document.id);
    for (const term of concept.terms) termWeights.set(term, NAMING_TERM_WEIGHT);
  }
  return docIds.size > 0 ? { docIds, termWeights } : undefined;
}

// Worked out once per document: a pack may hold thousands.
const titleTerms = new WeakMap<Document, ReadonlySet<string>>();

function titleTermsOf(document: Document, analyzer: Analyzer): ReadonlySet<string> {
  let terms = titleTerms.get(document);
  if (!terms) {
    terms = new Set(analyzer.terms(document.meta.title));
    titleTerms.set(document, terms);
  }
  return terms;
}
