import type { BenchQuestion } from './dataset.js';
import { settledHeapBytes, timed } from './measure.js';
import { percentile, scoreAnswers, type QualityScores, type ScoredAnswer } from './metrics.js';
import type { BenchRow, ReadyRow } from './rows.js';

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

interface Measured {
  answers: ScoredAnswer[];
  times: number[];
  buildMs: number;
  heapMb: number;
  indexBytes: number;
}

/** Build (timed; heap retained after it), warm-up, every question timed on its own, persist, close. */
async function buildAndAsk(row: BenchRow, knowledgeDir: string, questions: readonly BenchQuestion[], options: EvaluateOptions): Promise<Measured> {
  const heapBefore = settledHeapBytes();
  const { value: ready, ms: buildMs } = await timed(() => row.build(knowledgeDir));
  const heapMb = (settledHeapBytes() - heapBefore) / 2 ** 20;

  for (const q of questions.slice(0, options.warmup)) ready.answer(q.question);
  settledHeapBytes(); // start timing from a collected heap, the same for every row
  const times: number[] = [];
  const answers: ScoredAnswer[] = [];
  for (const q of questions) {
    const start = performance.now();
    const answer = ready.answer(q.question);
    times.push(performance.now() - start);
    const ranked = answer.rankedIds.map((id) => ready.passageText(id)).filter((text): text is string => text !== undefined);
    answers.push({ unanswerable: q.unanswerable, golds: q.answers, quotes: answer.quotes, ranked });
  }
  const indexBytes = await ready.persist();
  await ready.close();
  return { answers, times, buildMs, heapMb, indexBytes };
}

/**
 * Runs one row end to end, then restarts it from its persisted index (timed) with the built instance
 * already closed and unreachable, as after a process restart.
 */
export async function evaluateRow(row: BenchRow, knowledgeDir: string, questions: readonly BenchQuestion[], options: EvaluateOptions): Promise<RowResult> {
  const measured = await buildAndAsk(row, knowledgeDir, questions, options);
  settledHeapBytes();
  const { value: restarted, ms: loadMs } = await timed<ReadyRow>(() => row.restart(knowledgeDir));
  await restarted.close();
  return {
    engine: row.name,
    questions: questions.length,
    ...scoreAnswers(measured.answers),
    p50Ms: percentile(measured.times, 50),
    p99Ms: percentile(measured.times, 99),
    buildMs: measured.buildMs,
    indexBytes: measured.indexBytes,
    loadMs,
    heapMb: measured.heapMb,
  };
}
