import { type KnowledgeOrigin, loadKnowledge } from '../src/knowledge/load.js';
import { splitPassages } from '../src/passages.js';
import type { Document, Passage } from '../src/types.js';

/** A knowledge folder as the core reads and splits it: the exact passages Pinpoint indexes. */
export interface BenchCorpus {
  documents: Map<string, Document>;
  passages: Passage[];
  passageById: Map<string, Passage>;
  /** The pack's alias groups (pinpoint.yaml), for the shared sentence picker's analyzer. */
  aliases: string[][];
}

/** Reads a knowledge folder into documents and passages with the core's own loader and splitter. */
export async function loadCorpus(knowledgeDir: string, origin?: KnowledgeOrigin): Promise<BenchCorpus> {
  const pack = await loadKnowledge(knowledgeDir, { origin });
  const passages = pack.documents.flatMap(splitPassages);
  return {
    documents: new Map(pack.documents.map((document) => [document.id, document])),
    passages,
    passageById: new Map(passages.map((passage) => [passage.id, passage])),
    aliases: pack.manifest.aliases.map((group) => [...group]),
  };
}
