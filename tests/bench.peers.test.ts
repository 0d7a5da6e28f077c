// The bench's peers as their own docs (and known workarounds) set them up: real libraries, real indexes.
import { describe, expect, it } from 'vitest';
import { lunrEngine } from '../bench/engines/lunr.js';
import type { Passage } from '../src/types.js';

const passage = (id: string, text: string): Passage => ({ id, docId: 'doc', text, start: 0, end: text.length, locator: {} }) as unknown as Passage;

const PASSAGES = [passage('orchids', 'The orchids flower in June.'), passage('bridge', 'The bridge opened in 1932 after six years.')];

describe('Lunr peer', () => {
  // Every question ends in "?": without the trimmer on the question, its last word never matches.
  it('finds a passage by the last word of a question, punctuation and all', async () => {
    const index = await lunrEngine().build(PASSAGES);
    expect(index.search('What opened?', 10)).toEqual(['bridge']);
    expect(index.search('When did the orchids, flower?', 10)[0]).toBe('orchids');
  });

  it('keeps the trimmed questions after a restart from the serialized index', async () => {
    const built = await lunrEngine().build(PASSAGES);
    const loaded = await lunrEngine().load(await built.serialize());
    expect(loaded.search('What opened?', 10)).toEqual(['bridge']);
  });
});
