import { answerQuestion } from '../src/answer/answer.js';
import { buildCorpus } from '../src/corpus.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';
import { readSquad } from './dataset.js';

export interface UnanswerableResult {
  /** Questions asked, each of a pack without its own article. */
  questions: number;
  /** Of those, answered no-match: the right reply, since the answer is not in the pack. */
  declined: number;
}

/**
 * Unanswerable questions on documents like the answerable ones: each SQuAD article's questions are
 * asked of a pack holding every other article. With the bot's defaults, the share answered no-match
 * is the target "≥ 90% of unanswerable questions declined"; `false_abstain` on the full pack is the
 * other side of the same threshold.
 */
export async function runUnanswerable(squadFile: string): Promise<UnanswerableResult> {
  const { documents, questions } = await readSquad(squadFile);
  let asked = 0;
  let declined = 0;
  for (const document of documents) {
    const own = questions.filter((question) => question.docId === document.id && !question.unanswerable);
    if (own.length === 0) continue;
    const others = documents.filter((other) => other.id !== document.id);
    const corpus = await buildCorpus({ dir: squadFile, manifest: packManifestSchema.parse({}), documents: others, warnings: [] }, { logger: silentLogger });
    for (const question of own) {
      asked++;
      if (answerQuestion(corpus, question.question).kind === 'no-match') declined++;
    }
  }
  return { questions: asked, declined };
}
