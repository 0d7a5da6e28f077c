import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchArgs } from './args.js';
import { readQuestions, readSquad, writeKnowledge, type BenchQuestion } from './dataset.js';

/** XQuAD-en next to the checkout, used when no data flag is given. */
export const DEFAULT_SQUAD = resolve(import.meta.dirname, '../../shared/eval/xquad/xquad.en.json');

export interface BenchSource {
  knowledgeDir: string;
  questions: BenchQuestion[];
  /** What was measured, for the table header. */
  label: string;
}

/**
 * The corpus and questions every row shares: a SQuAD file written as a knowledge folder under
 * `workDir`, or a JSONL file over a knowledge folder. Undefined when neither is given nor found.
 */
export async function resolveSource(args: Pick<BenchArgs, 'squad' | 'questions' | 'knowledge'>, workDir: string, defaultSquad = DEFAULT_SQUAD): Promise<BenchSource | undefined> {
  const squad = args.squad ?? (args.questions === undefined && existsSync(defaultSquad) ? defaultSquad : undefined);
  if (squad !== undefined) {
    const data = await readSquad(squad);
    const knowledgeDir = join(workDir, 'knowledge');
    await writeKnowledge(data.documents, knowledgeDir);
    return { knowledgeDir, questions: data.questions, label: `${squad} (${data.documents.length} documents)` };
  }
  if (args.questions !== undefined && args.knowledge !== undefined) {
    const knowledgeDir = resolve(args.knowledge);
    return { knowledgeDir, questions: await readQuestions(args.questions), label: `${args.questions} over ${knowledgeDir}` };
  }
  return undefined;
}
