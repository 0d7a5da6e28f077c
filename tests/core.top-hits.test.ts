import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus } from '../src/corpus.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silentLogger } from '../src/logger.js';
import { FIELD_BOOSTS } from '../src/search/passage-index.js';
import { createTopHits, type Postings } from '../src/search/top-hits.js';

// Four long court opinions shipped with the repo's own eval set: 348 passages, thousands of terms.
const COURT = fileURLToPath(new URL('../eval/court/knowledge', import.meta.url));

let corpus: Corpus;
let miniSearch: MiniSearch;
let vocabulary: string[];

beforeAll(async () => {
  corpus = await buildCorpus(await loadKnowledge(COURT), { logger: silentLogger });
  miniSearch = new MiniSearch({ idField: 'id', fields: Object.keys(FIELD_BOOSTS), tokenize: (text) => corpus.analyzer.terms(text), processTerm: (term) => term });
  miniSearch.addAll(
    corpus.passages.map((passage) => ({
      id: passage.id,
      text: passage.text,
      section: passage.locator.section ?? '',
      title: corpus.documents.get(passage.docId)?.meta.title ?? '',
    })),
  );
  vocabulary = [...new Set(corpus.passages.flatMap((passage) => corpus.analyzer.terms(passage.text)))].sort();
});

/** What the index used to return: MiniSearch's own OR search, cut to `limit`. */
function miniSearchHits(terms: readonly string[], limit: number, weights?: ReadonlyMap<string, number>) {
  if (terms.length === 0) return [];
  return miniSearch
    .search(terms.join(' '), {
      tokenize: (query) => query.split(' '),
      processTerm: (term) => term,
      boost: { ...FIELD_BOOSTS },
      combineWith: 'OR',
      ...(weights ? { boostTerm: (term: string) => weights.get(term) ?? 1 } : {}),
    })
    .slice(0, limit)
    .map((result) => ({ id: String(result.id), score: result.score }));
}

describe('createTopHits', () => {
  it('returns exactly what MiniSearch#search returns: same passages, same scores, same order of ties', () => {
    const topHits = createTopHits(miniSearch as unknown as Postings, FIELD_BOOSTS);
    const query = fc.record({
      terms: fc.uniqueArray(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('zzzunknown', 'qqq')), { minLength: 0, maxLength: 8 }),
      limit: fc.integer({ min: 1, max: 40 }),
      weighted: fc.boolean(),
    });
    fc.assert(
      fc.property(query, ({ terms, limit, weighted }) => {
        // The core weighs known words 1 and unknown ones 0.5.
        const weights = weighted ? new Map(terms.map((term, i) => [term, i % 2 === 0 ? 1 : 0.5])) : undefined;
        expect(topHits(terms, limit, weights)).toEqual(miniSearchHits(terms, limit, weights));
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });

  it('ranks by the commonest words too, where most passages tie', () => {
    const topHits = createTopHits(miniSearch as unknown as Postings, FIELD_BOOSTS);
    for (const terms of [['court'], ['court', 'state'], ['the'], []]) expect(topHits(terms, 20)).toEqual(miniSearchHits(terms, 20));
  });

  it('leaves nothing behind between searches', () => {
    const topHits = createTopHits(miniSearch as unknown as Postings, FIELD_BOOSTS);
    const first = topHits(['ballot', 'photograph'], 10);
    topHits(['university', 'race', 'admissions'], 10);
    expect(topHits(['ballot', 'photograph'], 10)).toEqual(first);
  });
});
