import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Document, Passage } from '../types.js';
import type { Analyzer } from './analyzer.js';
import { decodeIndex, encodeIndex, INDEX_FORMAT, type TermPostings } from './index-format.js';
import { installedVersion } from './installed-version.js';
import { createTopHits, type IndexHit, type Postings } from './top-hits.js';

/** Field weights: a heading or title that names the topic says more than one word in the body. */
export const FIELD_BOOSTS = { text: 1, section: 1.5, title: 1.2 } as const;

export type { IndexHit } from './top-hits.js';

export interface PassageIndex {
  /** BM25+ over the already-analysed query terms; `weights` scales individual terms. */
  search(terms: readonly string[], options: { limit: number; weights?: ReadonlyMap<string, number> }): IndexHit[];
  /** How many passages contain the term in their text. */
  documentFrequency(term: string): number;
  readonly passageCount: number;
  /** The closest indexed terms within `maxDistance` edits, for words missing from the vocabulary. */
  closestTerms(term: string, maxDistance: number): string[];
  /** Indexed terms that start with `prefix` (not the prefix itself), sorted; `limit` + 1 at most, so a caller can tell there are more. */
  termsWithPrefix(prefix: string, limit: number): string[];
  /** The index as bytes for the cache; `loadPassageIndex` restores it. */
  serialize(): Buffer;
}

interface IndexedPassage {
  id: string;
  text: string;
  section: string;
  title: string;
}

// MiniSearch keeps term statistics in a protected radix tree; reading it avoids a second copy of the
// vocabulary (memory at 100K passages is a goal). tests/core.cache.test.ts pins this shape.
interface MiniSearchInternals extends Postings {
  _index: Postings['_index'] & {
    fuzzyGet(term: string, distance: number): Map<string, [unknown, number]>;
    atPrefix(prefix: string): Iterable<[string, TermPostings]>;
    _tree: Map<string, unknown>;
  };
  _idToShortId: Map<string, number>;
  _dirtCount: number;
}

const MINISEARCH_VERSION = installedVersion('minisearch');
/** Part of the cache key: bytes written by another format or MiniSearch version are not read. */
export const INDEX_VERSION = `${INDEX_FORMAT}:minisearch-${MINISEARCH_VERSION}`;

function miniSearchOptions(analyzer: Analyzer) {
  return {
    idField: 'id',
    // The scorer reads fields in this order, as MiniSearch does.
    fields: Object.keys(FIELD_BOOSTS),
    tokenize: (text: string) => analyzer.terms(text),
    processTerm: (term: string) => term,
  };
}

function wrap(miniSearch: MiniSearch<IndexedPassage>): PassageIndex {
  const internals = miniSearch as unknown as MiniSearchInternals;
  const textField = internals._fieldIds.text!;
  const topHits = createTopHits(internals, FIELD_BOOSTS);
  return {
    get passageCount() {
      return miniSearch.documentCount;
    },
    search(terms, { limit, weights }) {
      return topHits(terms, limit, weights);
    },
    documentFrequency(term) {
      return internals._index.get(term)?.get(textField)?.size ?? 0;
    },
    closestTerms(term, maxDistance) {
      // Nearest first: a search within one edit is cheap, one within two walks much of the vocabulary.
      for (let distance = 1; distance <= maxDistance; distance++) {
        const found = [...internals._index.fuzzyGet(term, distance)].filter(([candidate, [, within]]) => within === distance && candidate !== term);
        if (found.length > 0) return found.map(([candidate]) => candidate).sort();
      }
      return [];
    },
    termsWithPrefix(prefix, limit) {
      const found: string[] = [];
      for (const [term, postings] of internals._index.atPrefix(prefix)) {
        // Terms of titles and headings alone are no words of the text, as in documentFrequency.
        if (term === prefix || !postings.get(textField)?.size) continue;
        found.push(term);
        if (found.length > limit) break;
      }
      return found.sort();
    },
    serialize() {
      return encodeIndex({
        documentCount: internals._documentCount,
        nextId: internals._nextId,
        fieldIds: internals._fieldIds,
        averageFieldLength: internals._avgFieldLength,
        dirtCount: internals._dirtCount,
        documentIds: internals._documentIds,
        fieldLength: internals._fieldLength,
        tree: internals._index._tree,
      });
    },
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

/**
 * Restores an index written by `serialize`; it must be loaded with the analyzer that built it. Throws
 * on bytes of any other shape, so the caller can rebuild.
 */
export function loadPassageIndex(bytes: Buffer, analyzer: Analyzer): PassageIndex {
  const state = decodeIndex(bytes);
  // MiniSearch's own loader with an empty index sets every other field; the maps are then put in place.
  const miniSearch = MiniSearch.loadJS<IndexedPassage>(
    {
      serializationVersion: 2,
      documentCount: state.documentCount,
      nextId: state.nextId,
      fieldIds: state.fieldIds,
      averageFieldLength: state.averageFieldLength,
      dirtCount: state.dirtCount,
      documentIds: {},
      fieldLength: {},
      storedFields: {},
      index: [],
    } as unknown as Parameters<typeof MiniSearch.loadJS>[0],
    miniSearchOptions(analyzer),
  );
  const internals = miniSearch as unknown as MiniSearchInternals & { _index: unknown };
  internals._documentIds = state.documentIds;
  internals._fieldLength = state.fieldLength;
  for (const [shortId, id] of state.documentIds) internals._idToShortId.set(id, shortId);
  internals._index = new SearchableMap(state.tree as Map<string, never>);
  return wrap(miniSearch);
}
