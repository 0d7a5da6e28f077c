import MiniSearch, { type Options } from 'minisearch';
import { stem } from 'porter2';
import type { Passage } from '../../src/types.js';
import { PEER_STOP_WORDS } from '../stopwords.js';
import type { PeerEngine, PeerIndex } from './types.js';

type Doc = Pick<Passage, 'id' | 'text'>;

function wrap(index: MiniSearch<Doc>): PeerIndex {
  return {
    search: (question, limit) => index.search(question).slice(0, limit).map((r) => String(r.id)),
    serialize: async () => JSON.stringify(index),
  };
}

function engine(name: string, options: Options<Doc>): PeerEngine {
  return {
    name,
    build: async (passages) => {
      const index = new MiniSearch<Doc>(options);
      index.addAll(passages.map(({ id, text }) => ({ id, text })));
      return wrap(index);
    },
    load: async (serialized) => wrap(MiniSearch.loadJSON<Doc>(serialized, options)),
  };
}

/** MiniSearch 7 exactly as constructed in its README: one text field, default tokenizer and BM25+. */
export const miniSearchDefaults = (): PeerEngine => engine('MiniSearch defaults', { fields: ['text'] });

const stemCache = new Map<string, string>();

/** MiniSearch's documented processTerm hook with a stop list and the Porter2 stemmer (memoised). */
function processTerm(term: string): string | null {
  const word = term.toLowerCase();
  if (PEER_STOP_WORDS.has(word)) return null;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

export const miniSearchStemmed = (): PeerEngine =>
  engine('MiniSearch + stop words + Porter2', { fields: ['text'], processTerm });
