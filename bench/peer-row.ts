import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchPassage, PassageLoader } from './corpus.js';
import type { PeerEngine, PeerIndex } from './engines/types.js';
import type { SentencePicker } from './picker.js';
import type { BenchRow, ReadyRow } from './rows.js';

export interface PeerRowOptions {
  loadPassages: PassageLoader;
  pickSentences: SentencePicker;
  /** Where `persist` writes the serialized index. */
  workDir: string;
  /** Passages the picker reads (quality.md: top 5) and passages ranked for MRR@10. */
  pickFrom?: number;
  rankDepth?: number;
  quotes?: number;
}

/**
 * A peer as a bot would use it: load the knowledge folder, index the passages, quote the picker's
 * choice from the top passages. Restart = read the knowledge folder again + load the cached index.
 */
export function peerRow(engine: PeerEngine, options: PeerRowOptions): BenchRow {
  const { loadPassages, pickSentences, workDir, pickFrom = 5, rankDepth = 10, quotes = 3 } = options;
  const file = join(workDir, `${engine.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.index.json`);

  const ready = (knowledgeDir: string, passages: BenchPassage[], index: PeerIndex): ReadyRow => {
    const textById = new Map(passages.map((p) => [p.id, p.text]));
    return {
      answer: (question) => {
        const ranked = index
          .search(question, rankDepth)
          .map((id) => textById.get(id))
          .filter((text): text is string => text !== undefined);
        return { ranked, quotes: ranked.length === 0 ? [] : pickSentences(question, ranked.slice(0, pickFrom), quotes) };
      },
      persist: async () => {
        const serialized = await index.serialize();
        await writeFile(file, serialized);
        return Buffer.byteLength(serialized);
      },
      restart: async () => {
        const [again, serialized] = await Promise.all([loadPassages(knowledgeDir), readFile(file, 'utf8')]);
        return ready(knowledgeDir, again, await engine.load(serialized));
      },
      close: async () => {},
    };
  };

  return {
    name: engine.name,
    build: async (knowledgeDir) => {
      const passages = await loadPassages(knowledgeDir);
      return ready(knowledgeDir, passages, await engine.build(passages));
    },
  };
}
