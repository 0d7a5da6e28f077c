import { Document, Encoder, type DocumentData } from 'flexsearch';
import EnglishPreset from 'flexsearch/lang/en';
import type { PeerEngine, PeerIndex } from './types.js';

interface Doc extends DocumentData {
  id: string;
  text: string;
}

/**
 * FlexSearch 0.8 as its README recommends for full text: a Document index over the text field with the
 * English language preset (normalisation, stop filter, stemmer), queried with `suggest: true` so a
 * passage missing one query term still ranks.
 */
function createIndex(): Document<Doc> {
  return new Document<Doc>({
    document: { id: 'id', index: ['text'] },
    tokenize: 'strict',
    encoder: new Encoder(EnglishPreset),
  });
}

function wrap(index: Document<Doc>): PeerIndex {
  return {
    search: (question, limit) => {
      const fields = index.search(question, { limit, suggest: true });
      const ids = fields.find((f) => f.field === 'text')?.result ?? [];
      return ids.slice(0, limit).map(String);
    },
    serialize: async () => {
      const chunks: Record<string, string> = {};
      await index.export((key: string, data: string) => {
        chunks[key] = data;
      });
      return JSON.stringify(chunks);
    },
  };
}

export const flexSearchEngine = (): PeerEngine => ({
  name: 'FlexSearch 0.8 (suggest)',
  build: async (passages) => {
    const index = createIndex();
    for (const { id, text } of passages) index.add({ id, text });
    return wrap(index);
  },
  load: async (serialized) => {
    const index = createIndex();
    for (const [key, data] of Object.entries(JSON.parse(serialized) as Record<string, string>)) {
      await index.import(key, data);
    }
    return wrap(index);
  },
});
