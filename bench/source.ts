import { join, resolve } from 'node:path';
import type { BenchArgs } from './args.js';
import { readQuestions, readSquad, writeKnowledge, type BenchQuestion } from './dataset.js';
import { SHIPPED_COURT_KNOWLEDGE, SHIPPED_COURT_QUESTIONS } from './shipped-data.js';

export interface BenchSource {
  knowledgeDir: string;
  questions: BenchQuestion[];
  /** What was measured, for the table header. */
  label: string;
}

/**
 * The corpus and questions every row shares: a SQuAD file written as a knowledge folder under
 * `workDir`, or a JSONL file over a knowledge folder; with neither, the court set that ships in eval/court.
 */
export async function resolveSource(args: Pick<BenchArgs, 'squad' | 'questions' | 'knowledge'>, workDir: string): Promise<BenchSource> {
  if (args.squad !== undefined) {
    const data = await readSquad(args.squad);
    const knowledgeDir = join(workDir, 'knowledge');
    await writeKnowledge(data.documents, knowledgeDir);
    return { knowledgeDir, questions: data.questions, label: `${args.squad} (${data.documents.length} documents)` };
  }
  // parseBenchArgs lets --questions through only with --knowledge.
  const { questions, knowledge } =
    args.questions !== undefined && args.knowledge !== undefined
      ? { questions: args.questions, knowledge: args.knowledge }
      : { questions: SHIPPED_COURT_QUESTIONS, knowledge: SHIPPED_COURT_KNOWLEDGE };
  const knowledgeDir = resolve(knowledge);
  return { knowledgeDir, questions: await readQuestions(questions), label: `${questions} over ${knowledgeDir}` };
}
