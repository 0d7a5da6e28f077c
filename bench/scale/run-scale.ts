import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchArgs } from '../args.js';
import { loadCorpus } from '../corpus.js';
import { miniSearchDefaults } from '../engines/minisearch.js';
import { evaluateRow, warmUp } from '../evaluate.js';
import { peerRow } from '../peer-row.js';
import type { BenchRow } from '../rows.js';
import { pinpointRow } from '../pinpoint-row.js';
import { SHIPPED_COURT_KNOWLEDGE } from '../shipped-data.js';
import { clearWordCache } from '../../src/search/analyzer.js';
import { loadEnglishWords } from '../../src/search/english-words.js';
import { settledHeapBytes } from '../measure.js';
import { fixed, markdownTable, rowJson } from '../table.js';
import { courtSentences, generateCorpus, writeGenerated } from './generate.js';
import { runRowInChild } from './isolate.js';
import type { ScaleRowName, ScaleRowResult } from './row-names.js';


export interface ScaleResult {
  /** The size asked for (`--sizes`): the generated paragraphs. */
  size: number;
  /** The passages both rows indexed: the core's splitter makes a few fewer of the paragraphs (991 of 1,000). */
  passages: number;
  pinpoint: ScaleRowResult;
  miniSearch: ScaleRowResult;
  /** Pinpoint's retained heap over plain MiniSearch's (target ≤ 1.5). */
  heapRatio: number;
}

/** How a row at a size is measured: in this process (`runScaleRow`) or in a child of its own (`runRowInChild`). */
export type MeasureRow = (size: number, row: ScaleRowName) => Promise<ScaleRowResult>;

/** Both rows at each size, Pinpoint first; `measureRow` defaults to this process (the CLI gives each row its own). */
export async function runScale(
  courtDir: string,
  sizes: readonly number[],
  workDir: string,
  warmup: number,
  measureRow: MeasureRow = (size, row) => runScaleRow(courtDir, size, workDir, warmup, row),
  onSize?: (r: ScaleResult) => void,
): Promise<ScaleResult[]> {
  const results: ScaleResult[] = [];
  for (const size of sizes) {
    const pinpoint = await measureRow(size, 'pinpoint');
    const miniSearch = await measureRow(size, 'minisearch');
    const result = { size, passages: pinpoint.passages, pinpoint, miniSearch, heapRatio: pinpoint.heapMb / miniSearch.heapMb };
    results.push(result);
    onSize?.(result);
  }
  return results;
}

/** The generated corpora's seed: every run and every row measures the same passages and questions. */
const SCALE_SEED = 42;

/**
 * One row at one size: Pinpoint (ask) or plain MiniSearch (search only, no quoting) warms up on a small
 * corpus, then builds the generated corpus from its knowledge folder, answers `warmup` other questions
 * untimed, the same 200 questions timed, persists and restarts.
 */
export async function runScaleRow(courtDir: string, size: number, workDir: string, warmup: number, rowName: ScaleRowName): Promise<ScaleRowResult> {
  const sentences = await courtSentences(courtDir);
  const row = ROWS[rowName];
  // Pinpoint reads its English word list (~3 MB, 30–60 ms) once per process, in createPinpoint: here in the
  // warm-up, before the build and the restart measured below. Weighed and timed here so Pinpoint's heap, build
  // and load count it, as a fresh process pays it at every start. (Zero when this process has read it already.)
  const wordList = rowName === 'pinpoint' ? oneTimeLoad(loadEnglishWords) : { mb: 0, ms: 0 };
  await warmUpOnSmallCorpus(sentences, join(workDir, 'warm-up'), row);
  const dir = join(workDir, `scale-${size}-${rowName}`);
  const knowledgeDir = join(dir, 'knowledge');
  const corpus = generateCorpus(sentences, size, SCALE_SEED, warmup);
  await writeGenerated(corpus, knowledgeDir);
  const questions = corpus.questions.map((question, i) => ({ id: `s${i}`, question, answers: [], unanswerable: false }));
  // Read once untimed, so the timed build does not pay for a cold file cache; its passages are what the rows index.
  const { passages } = await loadCorpus(knowledgeDir);
  // Pinpoint's word-to-stem cache lives as long as the process: what the warm-up cached would be
  // left out of the heap measured from here, though the measured corpus fills it again (~6,500 words).
  clearWordCache();
  try {
    const result = await evaluateRow(row(dir), knowledgeDir, questions, { warmUpQuestions: corpus.warmUpQuestions });
    return {
      ...result,
      heapMb: result.heapMb + wordList.mb,
      buildMs: result.buildMs + wordList.ms,
      loadMs: result.loadMs + wordList.ms,
      wordListMb: wordList.mb,
      wordListMs: wordList.ms,
      passages: passages.length,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Plain MiniSearch timed on search alone: it quotes nothing. */
const searchOnlyRow = (workDir: string): BenchRow => ({ ...peerRow(miniSearchDefaults(), { pickSentences: () => [], workDir }), name: 'MiniSearch defaults (search only)' });

const ROWS: Record<ScaleRowName, (workDir: string) => BenchRow> = { pinpoint: pinpointRow, minisearch: searchOnlyRow };

/**
 * Another seed than the measured corpora's: with the same one, the warm-up corpus was the first 1,000
 * passages of every measured one, and at 1,000 passages it asked the 200 timed questions.
 */
const WARM_UP_SEED = SCALE_SEED + 1;

/** Passages of the warm-up corpus: enough calls for V8 to compile the hot paths, cheap to build. */
const WARM_UP_PASSAGES = 1_000;

/**
 * The row builds a small corpus and answers its questions before it is measured, so it does not pay in
 * its latency tail for compiling code (the quality bench does the same). Heap is measured as a
 * difference from before the build, so the compiled code stays out of it.
 */
async function warmUpOnSmallCorpus(sentences: readonly string[], dir: string, row: (workDir: string) => BenchRow): Promise<void> {
  const knowledgeDir = join(dir, 'knowledge');
  const corpus = generateCorpus(sentences, WARM_UP_PASSAGES, WARM_UP_SEED);
  await writeGenerated(corpus, knowledgeDir);
  for (const ready of await warmUp([row(dir)], knowledgeDir, corpus.questions)) await ready.close();
  await rm(dir, { recursive: true, force: true });
}

const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

export function scaleTable(results: readonly ScaleResult[]): string {
  const rows = results.flatMap((r) =>
    [r.pinpoint, r.miniSearch].map((row) => [
      r.passages.toLocaleString('en-US'),
      row.engine,
      ms(row.buildMs),
      ms(row.p50Ms),
      ms(row.p99Ms),
      (row.indexBytes / 2 ** 20).toFixed(1),
      ms(row.loadMs),
      fixed(1)(row.heapMb),
      row === r.pinpoint ? `${fixed(2)(r.heapRatio)}×` : '',
    ]),
  );
  return markdownTable(['passages', 'engine', 'build ms', 'p50 ms', 'p99 ms', 'index MB', 'load ms', 'heap MB', 'heap vs MiniSearch'], rows, 2);
}

/** `npm run bench -- --scale`: prints the scale table (CLI entry helper, so it prints). */
export async function scaleBench(args: BenchArgs, workDir: string): Promise<void> {
  const courtDir = args.court ?? SHIPPED_COURT_KNOWLEDGE;
  if (!existsSync(courtDir)) {
    console.error(`pinpoint: court texts not found at ${courtDir}; pass --court DIR with the court .txt files`);
    process.exitCode = 2;
    return;
  }
  const progress = (r: ScaleResult): void => console.error(`bench: scale ${r.size} done`);
  if (args.scaleRow) {
    console.log(JSON.stringify(await runScaleRow(courtDir, args.sizes[0]!, workDir, args.warmup, args.scaleRow)));
    return;
  }
  // Each row at each size in a process of its own: no row is measured on a heap another one shaped.
  const inChild: MeasureRow = (size, row) => runRowInChild(size, courtDir, args.warmup, row);
  const results = await runScale(courtDir, args.sizes, workDir, args.warmup, inChild, progress);
  if (args.json) {
    console.log(
      JSON.stringify({
        scale: results.map((r) => ({ size: r.size, passages: r.passages, heap_ratio: Number(r.heapRatio.toFixed(3)), pinpoint: rowJson(r.pinpoint), minisearch: rowJson(r.miniSearch) })),
      }),
    );
    return;
  }
  console.log(`Scale: corpora generated from ${courtDir} (seeded recombination of court sentences, numbers re-drawn), 200 fixed questions each.`);
  console.log(`Each row at each size runs in its own process, after answering the questions of a ${WARM_UP_PASSAGES.toLocaleString('en-US')}-passage corpus. build: knowledge folder to ready; p50/p99: Pinpoint ask() (retrieval + rerank + quotes) vs MiniSearch search() only, after ${args.warmup} untimed answers (--warmup);`);
  console.log('index MB: serialized index; load: restart to ready from it (target at 10K: ≤ 300 ms); heap: retained after build and all questions, incl. documents and passages (target ≤ 1.5× MiniSearch).\n');
  console.log(scaleTable(results));
}

/** The heap a one-time load keeps, in MB, and the milliseconds it took. */
function oneTimeLoad(load: () => unknown): { mb: number; ms: number } {
  const before = settledHeapBytes();
  const start = performance.now();
  const kept = load();
  const ms = performance.now() - start;
  const mb = (settledHeapBytes() - before) / 2 ** 20;
  return kept === undefined ? { mb: 0, ms: 0 } : { mb, ms };
}
