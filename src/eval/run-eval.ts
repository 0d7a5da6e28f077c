import { answerQuestion } from '../answer/answer.js';
import { buildCorpus, type Corpus } from '../corpus.js';
import { loadKnowledge, type KnowledgeOrigin, type KnowledgePack } from '../knowledge/load.js';
import { packManifestSchema } from '../knowledge/schema.js';
import { silentLogger } from '../logger.js';
import type { Answer } from '../types.js';
import { readQuestions, readSquad, type EvalQuestion } from './datasets.js';
import { computeMetrics, type EvalMetrics, type Scored } from './metrics.js';

/** `knowledgeOrigin`: what named knowledgeDir, for the fix when it is missing (default KNOWLEDGE_DIR). */
export type EvalSource = { squad: string } | { questions: string; knowledgeDir: string; knowledgeOrigin?: KnowledgeOrigin };

export interface EvalRun {
  metrics: EvalMetrics;
  scored: Scored[];
}

/** Questions answered untimed before the timed ones, so those are not the first the code runs. */
const WARM_UP_QUESTIONS = 20;

/** Runs every question through the bot's own answer step, with the bot's defaults. */
export async function runEval(source: EvalSource): Promise<EvalRun> {
  let pack: KnowledgePack;
  let questions: EvalQuestion[];
  if ('squad' in source) {
    const squad = await readSquad(source.squad);
    pack = { dir: source.squad, manifest: packManifestSchema.parse({}), documents: squad.documents, warnings: [] };
    questions = squad.questions;
  } else {
    pack = await loadKnowledge(source.knowledgeDir, { origin: source.knowledgeOrigin });
    questions = await readQuestions(source.questions);
  }
  const started = performance.now();
  const corpus = await buildCorpus(pack, { logger: silentLogger });
  const buildMs = performance.now() - started;

  // The warm-up (JIT, the word-to-stem cache) answers on a corpus of its own. On the timed one, its
  // questions' timed answers were repeats, served from the caches a corpus keeps (passage tokens,
  // spelling fixes), and the first 20 questions of every set were timed faster than asked afresh.
  const warmUpCorpus = await buildCorpus(pack, { logger: silentLogger });
  for (const question of questions.slice(0, WARM_UP_QUESTIONS)) answerQuestion(warmUpCorpus, question.question);
  const scored = questions.map((question) => {
    const begin = performance.now();
    const answer = answerQuestion(corpus, question.question);
    const ms = performance.now() - begin;
    return { question, answer, ms, rankedPassageTexts: rankedTexts(corpus, answer), verbatim: verbatimFlags(corpus, answer) };
  });
  return { metrics: computeMetrics(scored, buildMs), scored };
}

/** Texts of the first ten passages the answer step ranked, best first: recall@5 and MRR@10 read them. */
export function rankedTexts(corpus: Corpus, answer: Answer): string[] {
  return (answer.candidates ?? []).slice(0, 10).map((candidate) => corpus.passageById.get(candidate.passageId)?.text ?? '');
}

/** For each quote, whether it is the exact text of its source document at the offset the excerpt gives. */
export function verbatimFlags(corpus: Corpus, answer: Answer): boolean[] {
  if (answer.kind !== 'excerpts') return [];
  return answer.excerpts.map((excerpt) => {
    const document = corpus.documents.get(excerpt.citation.docId);
    return document?.text.slice(excerpt.start, excerpt.start + excerpt.quote.length) === excerpt.quote;
  });
}
