import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Passage } from '../src/types.js';
import { loadCorpus, type BenchCorpus } from './corpus.js';
import type { PeerEngine, PeerIndex } from './engines/types.js';
import { freshPicker, type SentencePicker } from './picker.js';
import type { BenchRow, ReadyRow } from './rows.js';

export interface PeerRowOptions {
  pickSentences: SentencePicker;
  /** Where `persist` writes the serialized index. */
  workDir: string;
}

/** Passages ranked per question: MRR@10 needs ten. */
const RANK_DEPTH = 10;
const QUOTES = 3;

/**
 * A peer as a bot would use it: load the knowledge folder with the core's loader and splitter, index
 * the passages, quote the shared picker's choice from its ranking. Restart = load the folder again +
 * read and load the serialized index.
 */
export function peerRow(engine: PeerEngine, options: PeerRowOptions): BenchRow {
  const { pickSentences, workDir } = options;
  const file = join(workDir, `${engine.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.index.json`);

  // Each instance, built or restarted, quotes with caches of its own, as each Pinpoint instance answers with its own.
  const ready = (corpus: BenchCorpus, index: PeerIndex, pick: SentencePicker = freshPicker(pickSentences)): ReadyRow => ({
    answer: (question) => {
      const rankedIds = index.search(question, RANK_DEPTH);
      const ranked = rankedIds.map((id) => corpus.passageById.get(id)).filter((passage): passage is Passage => passage !== undefined);
      return { rankedIds, quotes: pick(question, ranked, QUOTES) };
    },
    passageText: (passageId) => corpus.passageById.get(passageId)?.text,
    persist: async () => {
      const serialized = await index.serialize();
      await writeFile(file, serialized);
      return Buffer.byteLength(serialized);
    },
    close: async () => {},
  });

  return {
    name: engine.name,
    build: async (knowledgeDir) => {
      const corpus = await loadCorpus(knowledgeDir);
      return ready(corpus, await engine.build(corpus.passages));
    },
    restart: async (knowledgeDir) => {
      const [corpus, serialized] = await Promise.all([loadCorpus(knowledgeDir), readFile(file, 'utf8')]);
      return ready(corpus, await engine.load(serialized));
    },
  };
}
