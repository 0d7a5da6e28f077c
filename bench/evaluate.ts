import type { BenchQuestion } from './dataset.js';
import { percentile, settledHeapBytes, timed } from './measure.js';
import { scoreAnswers, type QualityScores, type ScoredAnswer } from './metrics.js';
import type { BenchRow } from './rows.js';

export interface RowResult extends QualityScores {
  engine: string;
  questions: number;
  p50Ms: number;
  p99Ms: number;
  buildMs: number;
  indexBytes: number;
  loadMs: number;
  heapMb: number;
}

export interface EvaluateOptions {
  /** Questions answered untimed first, so JIT and caches are warm for every row alike. */
  warmup: number;
}

/**
 * Runs one row end to end: build from the knowledge folder (timed, heap retained after it), warm-up,
 * every question timed on its own, persist the index, restart from it (timed), close.
 */
export async function evaluateRow(row: BenchRow, knowledgeDir: string, questions: readonly BenchQuestion[], options: EvaluateOptions): Promise<RowResult> {
  const heapBefore = settledHeapBytes();
  const { value: ready, ms: buildMs } = await timed(() => row.build(knowledgeDir));
  const heapMb = (settledHeapBytes() - heapBefore) / 2 ** 20;

  for (const q of questions.slice(0, options.warmup)) ready.answer(q.question);
  const times: number[] = [];
  const answers: ScoredAnswer[] = [];
  for (const q of questions) {
    const start = performance.now();
    const answer = ready.answer(q.question);
    times.push(performance.now() - start);
    answers.push({ golds: q.unanswerable ? [] : q.answers, quotes: answer.quotes, ranked: answer.ranked });
  }

  const indexBytes = await ready.persist();
  await ready.close();
  const { value: restarted, ms: loadMs } = await timed(() => ready.restart());
  await restarted.close();

  return {
    engine: row.name,
    questions: questions.length,
    ...scoreAnswers(answers),
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    buildMs,
    indexBytes,
    loadMs,
    heapMb,
  };
}
