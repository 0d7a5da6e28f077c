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

/**
 * Lunr's search pipeline lacks the trimmer its index pipeline has, so a question's "open?" or "Meta,"
 * never meets the indexed "open" or "meta": every question lost its last word (lunr.js issue #532). The
 * workaround from that issue puts the trimmer back before the stemmer; the serialized index keeps it.
 */
function trimQueryTerms(builder: lunr.Builder): void {
  builder.searchPipeline.before(lunr.stemmer, lunr.trimmer);
}

/** Lunr 2.3 with its default pipeline (trimmer, English stop words, Porter stemmer), the trimmer also on questions. */
export const lunrEngine = (): PeerEngine => ({
  name: 'Lunr 2.3',
  build: async (passages) =>
    wrap(
      lunr(function () {
        this.use(trimQueryTerms);
        this.ref('id');
        this.field('text');
        for (const { id, text } of passages) this.add({ id, text });
      }),
    ),
  load: async (serialized) => wrap(lunr.Index.load(JSON.parse(serialized) as object)),
});
