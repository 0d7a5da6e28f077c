import lunr from 'lunr';
import type { PeerEngine, PeerIndex } from './types.js';

function wrap(index: lunr.Index): PeerIndex {
  return {
    // Query builder instead of the query-string parser, so ":", "~", "^", "+", "-" in questions are plain text.
    search: (question, limit) =>
      index
        .query((query) => {
          query.term(lunr.tokenizer(question), {});
        })
        .slice(0, limit)
        .map((r) => r.ref),
    serialize: async () => JSON.stringify(index),
  };
}

/** Lunr 2.3 with its default pipeline (trimmer, English stop words, Porter stemmer). */
export const lunrEngine = (): PeerEngine => ({
  name: 'Lunr 2.3',
  build: async (passages) =>
    wrap(
      lunr(function () {
        this.ref('id');
        this.field('text');
        for (const { id, text } of passages) this.add({ id, text });
      }),
    ),
  load: async (serialized) => wrap(lunr.Index.load(JSON.parse(serialized) as object)),
});
