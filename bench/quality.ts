import type { BenchQuestion } from './dataset.js';
import { flexSearchEngine } from './engines/flexsearch.js';
import { lunrEngine } from './engines/lunr.js';
import { miniSearchDefaults, miniSearchStemmed } from './engines/minisearch.js';
import { oramaEngine } from './engines/orama.js';
import { evaluateRow, type RowResult, warmUp } from './evaluate.js';
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

/** The peers of issue 3, each configured as its own docs recommend, all quoting with one picker. */
export function peerRows(setup: PeerSetup): BenchRow[] {
  return [miniSearchDefaults(), miniSearchStemmed(), lunrEngine(), oramaEngine(), flexSearchEngine()].map((engine) =>
    peerRow(engine, { pickSentences: setup.pickSentences, workDir: setup.workDir }),
  );
}

export interface QualityRun {
  knowledgeDir: string;
  questions: readonly BenchQuestion[];
  rows: readonly BenchRow[];
  /** The same engines as `rows`, writing elsewhere: built and run once before any row is measured. */
  warmUpRows: readonly BenchRow[];
  warmup: number;
  /** Called after each row, e.g. to show progress on stderr. */
  onRow?: (result: RowResult) => void;
}

/** Every row over the same knowledge folder and the same questions, one after another in this process. */
export async function runQuality(run: QualityRun): Promise<RowResult[]> {
  await warmUp(run.warmUpRows, run.knowledgeDir, run.questions.map((q) => q.question));
  const results: RowResult[] = [];
  for (const row of run.rows) {
    const result = await evaluateRow(row, run.knowledgeDir, run.questions, { warmup: run.warmup });
    results.push(result);
    run.onRow?.(result);
  }
  return results;
}
