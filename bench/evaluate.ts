import type { BenchQuestion } from './dataset.js';
import { settledHeapBytes, timed } from './measure.js';
import { aggregateScores, percentile, scoreQuestion, type QualityScores, type QuestionScore } from './metrics.js';
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
  /** Questions the row answered untimed after its build, before its own timed answers (`--warmup`). */
  warmup: number;
}

export interface EvaluateOptions {
  /**
   * Questions answered untimed after the build, so JIT and caches are warm for every row alike. Where
   * the times count (`--scale`) none is one of the timed questions: its timed repeat would be answered
   * from what the untimed answer left in the row's caches.
   */
  warmUpQuestions: readonly string[];
}

interface Measured {
  scores: QuestionScore[];
  times: number[];
  buildMs: number;
  heapMb: number;
  indexBytes: number;
  warmup: number;
}

/** Build (timed), warm-up, every question timed on its own, heap retained by then, persist, close. */
async function buildAndAsk(row: BenchRow, knowledgeDir: string, questions: readonly BenchQuestion[], options: EvaluateOptions): Promise<Measured> {
  const heapBefore = settledHeapBytes();
  const { value: ready, ms: buildMs } = await timed(() => row.build(knowledgeDir));

  // Start timing from a collected heap, the same for every row. A full collection discards V8's compiled
  // regular expressions, so the warm-up answers come after it: the first timed answer would otherwise pay
  // some 5–10 ms of recompiling that a bot pays once per collection, not once per question.
  settledHeapBytes();
  for (const question of options.warmUpQuestions) ready.answer(question);
  const times: number[] = [];
  const scores: QuestionScore[] = [];
  for (const q of questions) {
    const start = performance.now();
    const answer = ready.answer(q.question);
    times.push(performance.now() - start);
    const ranked = answer.rankedIds.map((id) => ready.passageText(id)).filter((text): text is string => text !== undefined);
    scores.push(scoreQuestion({ unanswerable: q.unanswerable, golds: q.answers, quotes: answer.quotes, ranked }));
  }
  // Retained while in use: the index plus whatever caches answering filled, as a running bot holds.
  const heapMb = (settledHeapBytes() - heapBefore) / 2 ** 20;
  const indexBytes = await ready.persist();
  await ready.close();
  return { scores, times, buildMs, heapMb, indexBytes, warmup: options.warmUpQuestions.length };
}

/**
 * Builds each row once and has it answer every question (in both string encodings), unmeasured: V8
 * compiles hot code over the first thousand or so calls, and code the rows share (MiniSearch, the
 * analyzer, the pickers) would otherwise be compiled on the time, heap and latency tail of whichever
 * row ran first. Returns the rows still open; the caller persists them for `sideBySideLatencies` and
 * closes them. They must write elsewhere than the measured rows, or a measured build would load their cache.
 */
export async function warmUp(rows: readonly BenchRow[], knowledgeDir: string, questions: readonly string[]): Promise<ReadyRow[]> {
  const ready: ReadyRow[] = [];
  for (const row of rows) {
    const built = await row.build(knowledgeDir);
    for (const question of questions) for (const copy of inBothStringEncodings(question)) built.answer(copy);
    ready.push(built);
  }
  return ready;
}

/**
 * The question as a one-byte and as a two-byte string. V8 compiles each regular expression apart for
 * each: questions cut from court text holding "’" or "§" are two-byte, typed ones mostly one-byte, and
 * the first question of the other kind would pay some 5–10 ms of compiling in the measured tail. The
 * first copy is re-encoded because a plain question cut from two-byte text is itself two-byte; it is
 * one-byte wherever its characters allow.
 */
function inBothStringEncodings(question: string): string[] {
  return [Buffer.from(question, 'utf8').toString('utf8'), `\u2019${question}`.slice(1)];
}

/**
 * Answer times measured side by side: each question is put to every row in turn, the row that goes
 * first rotating, for `rounds` rounds. A burst of noise on a shared machine, or a collection, then
 * falls on all rows alike instead of on whichever row happened to be running, and the tail has
 * `rounds` times the samples. Each round restarts every row from what it persisted, so no instance is
 * timed on a question it has answered before: Pinpoint keeps passage tokens and spelling fixes per
 * instance, and on one instance its answers after the first round were all served from them while the
 * peers redid theirs (court set p50 about 0.45 ms repeated against 0.65–1.1 ms asked afresh).
 * Returns one list of milliseconds per row.
 */
export async function sideBySideLatencies(rows: readonly BenchRow[], knowledgeDir: string, questions: readonly string[], rounds: number): Promise<number[][]> {
  const times = rows.map((): number[] => []);
  let first = 0;
  for (let round = 0; round < rounds; round++) {
    const ready: ReadyRow[] = [];
    try {
      for (const row of rows) ready.push(await row.restart(knowledgeDir));
      for (const question of questions) {
        for (let turn = 0; turn < ready.length; turn++) {
          const index = (first + turn) % ready.length;
          const start = performance.now();
          ready[index]!.answer(question);
          times[index]!.push(performance.now() - start);
        }
        first = (first + 1) % ready.length;
      }
    } finally {
      for (const instance of ready) await instance.close();
    }
  }
  return times;
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
    ...aggregateScores(measured.scores),
    p50Ms: percentile(measured.times, 50),
    p99Ms: percentile(measured.times, 99),
    buildMs: measured.buildMs,
    indexBytes: measured.indexBytes,
    loadMs,
    heapMb: measured.heapMb,
    warmup: measured.warmup,
  };
}
