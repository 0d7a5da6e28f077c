import MiniSearch, { type SearchResult } from 'minisearch';
import type { Document, Passage } from '../types.js';
import type { Analyzer } from './analyzer.js';

/** Field weights: a heading or title that names the topic says more than one word in the body. */
export const FIELD_BOOSTS = { text: 1, section: 1.5, title: 1.2 } as const;

export interface IndexHit {
  id: string;
  score: number;
}

export interface PassageIndex {
  /** BM25+ over the already-analysed query terms; `weights` scales individual terms. */
  search(terms: readonly string[], options: { limit: number; weights?: ReadonlyMap<string, number> }): IndexHit[];
  /** How many passages contain the term in their text. */
  documentFrequency(term: string): number;
  readonly passageCount: number;
  /** The closest indexed terms within `maxDistance` edits, for words missing from the vocabulary. */
  closestTerms(term: string, maxDistance: number): string[];
  toJSON(): object;
}

interface IndexedPassage {
  id: string;
  text: string;
  section: string;
  title: string;
}

// MiniSearch keeps term statistics in a protected radix tree; reading it avoids a second copy of the
// vocabulary (memory at 100K passages is a goal). tests/core.cache.test.ts pins this shape.
interface MiniSearchInternals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    fuzzyGet(term: string, distance: number): Map<string, [unknown, number]>;
  };
  _fieldIds: Record<string, number>;
}

function miniSearchOptions(analyzer: Analyzer) {
  return {
    idField: 'id',
    fields: ['text', 'section', 'title'],
    tokenize: (text: string) => analyzer.terms(text),
    processTerm: (term: string) => term,
  };
}

function wrap(miniSearch: MiniSearch<IndexedPassage>): PassageIndex {
  const internals = miniSearch as unknown as MiniSearchInternals;
  const textField = internals._fieldIds.text!;
  return {
    get passageCount() {
      return miniSearch.documentCount;
    },
    search(terms, { limit, weights }) {
      if (terms.length === 0) return [];
      const results: SearchResult[] = miniSearch.search(terms.join(' '), {
        tokenize: (query) => query.split(' '),
        processTerm: (term) => term,
        boost: { ...FIELD_BOOSTS },
        combineWith: 'OR',
        ...(weights ? { boostTerm: (term: string) => weights.get(term) ?? 1 } : {}),
      });
      return results.slice(0, limit).map((result) => ({ id: String(result.id), score: result.score }));
    },
    documentFrequency(term) {
      return internals._index.get(term)?.get(textField)?.size ?? 0;
    },
    closestTerms(term, maxDistance) {
      const found = [...internals._index.fuzzyGet(term, maxDistance)].filter(([candidate]) => candidate !== term);
      const best = Math.min(...found.map(([, [, distance]]) => distance));
      return found
        .filter(([, [, distance]]) => distance === best)
        .map(([candidate]) => candidate)
        .sort();
    },
    toJSON: () => miniSearch.toJSON(),
  };
}

/** Indexes passages with their section heading and document title as boosted fields. */
export function buildPassageIndex(passages: readonly Passage[], documents: ReadonlyMap<string, Document>, analyzer: Analyzer): PassageIndex {
  const miniSearch = new MiniSearch<IndexedPassage>(miniSearchOptions(analyzer));
  miniSearch.addAll(
    passages.map((passage) => ({
      id: passage.id,
      text: passage.text,
      section: passage.locator.section ?? '',
      title: documents.get(passage.docId)?.meta.title ?? '',
    })),
  );
  return wrap(miniSearch);
}

/** Restores an index serialized by `toJSON`; it must be loaded with the analyzer that built it. */
export function loadPassageIndex(json: string, analyzer: Analyzer): PassageIndex {
  return wrap(MiniSearch.loadJSON<IndexedPassage>(json, miniSearchOptions(analyzer)));
}
