import { join } from 'node:path';
import type { BenchQuestion } from './dataset.js';
import { flexSearchEngine } from './engines/flexsearch.js';
import { lunrEngine } from './engines/lunr.js';
import { miniSearchDefaults, miniSearchStemmed } from './engines/minisearch.js';
import { oramaEngine } from './engines/orama.js';
import { evaluateRow, type RowResult, sideBySideLatencies, warmUp } from './evaluate.js';
import { percentile } from './metrics.js';
import { peerRow } from './peer-row.js';
import { pinpointRow } from './pinpoint-row.js';
import type { SentencePicker } from './picker.js';
import type { BenchRow } from './rows.js';

export interface PeerSetup {
  /** The baseline extraction every peer quotes with: the best sentence of its top passages. */
  pickSentences: SentencePicker;
  /** Pinpoint's own sentence picker, for the one row that shows what extraction alone is worth. */
  corePicker: SentencePicker;
  workDir: string;
}

/** Pinpoint first, then the peers, then the best peer's retrieval with Pinpoint's extraction. */
export function allRows(setup: PeerSetup): BenchRow[] {
  const withCorePicker = peerRow(miniSearchStemmed(), { pickSentences: setup.corePicker, workDir: setup.workDir });
  return [pinpointRow(setup.workDir), ...peerRows(setup), { ...withCorePicker, name: `${withCorePicker.name}, Pinpoint's picker` }];
}

/**
 * The measured rows and the warm-up round's copies of them. The copies write under `warm-up/`, so the
 * measured Pinpoint row builds its index from the documents instead of loading the round's cache.
 */
export function qualityRows(setup: PeerSetup): { rows: BenchRow[]; warmUpRows: BenchRow[] } {
  return { rows: allRows(setup), warmUpRows: allRows({ ...setup, workDir: join(setup.workDir, 'warm-up') }) };
}

/** The peers of issue 3, each configured as its own docs recommend, all quoting with one picker. */
function peerRows(setup: PeerSetup): BenchRow[] {
  return [miniSearchDefaults(), miniSearchStemmed(), lunrEngine(), oramaEngine(), flexSearchEngine()].map((engine) =>
    peerRow(engine, { pickSentences: setup.pickSentences, workDir: setup.workDir }),
  );
}

export interface QualityRun {
  knowledgeDir: string;
  questions: readonly BenchQuestion[];
  rows: readonly BenchRow[];
  /** The same engines as `rows` in the same order, writing elsewhere: warmed up, then timed side by side. */
  warmUpRows: readonly BenchRow[];
  warmup: number;
  /** Timed answers per row for p50/p99 (default LATENCY_SAMPLES). */
  latencySamples?: number;
  /** Called after each row, e.g. to show progress on stderr. */
  onRow?: (result: RowResult) => void;
}

/**
 * Timed answers per row for the latency columns: every question is asked in as many rounds as it
 * takes, so a set of 90 questions has a p99 of its own rather than its single slowest answer.
 */
export const LATENCY_SAMPLES = 3_000;

/**
 * Every row over the same knowledge folder and the same questions in this process. Latency comes from
 * the warmed-up rows, restarted each round, answering side by side; build, quality, heap and load from
 * each row on its own.
 */
export async function runQuality(run: QualityRun): Promise<RowResult[]> {
  if (run.warmUpRows.map((row) => row.name).join('\n') !== run.rows.map((row) => row.name).join('\n')) {
    throw new Error('bench: the warm-up rows must be the measured rows, in the same order');
  }
  const questions = run.questions.map((q) => q.question);
  // The warmed-up rows persist their index, and every round of timing restarts from it.
  for (const ready of await warmUp(run.warmUpRows, run.knowledgeDir, questions)) {
    await ready.persist();
    await ready.close();
  }
  const rounds = Math.ceil((run.latencySamples ?? LATENCY_SAMPLES) / Math.max(1, questions.length));
  const latencies = await sideBySideLatencies(run.warmUpRows, run.knowledgeDir, questions, rounds);
  const results: RowResult[] = [];
  for (const [index, row] of run.rows.entries()) {
    const times = latencies[index]!;
    // This row's own times are not shown (the side-by-side ones are), so its warm-up may be timed questions.
    const warmUpQuestions = run.questions.slice(0, run.warmup).map((q) => q.question);
    const result = { ...(await evaluateRow(row, run.knowledgeDir, run.questions, { warmUpQuestions })), p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
    results.push(result);
    run.onRow?.(result);
  }
  return results;
}
