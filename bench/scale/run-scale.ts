import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchArgs } from '../args.js';
import { loadCorpus } from '../corpus.js';
import { miniSearchDefaults } from '../engines/minisearch.js';
import { evaluateRow, type RowResult, warmUp } from '../evaluate.js';
import { peerRow } from '../peer-row.js';
import { pinpointRow } from '../pinpoint-row.js';
import { SHIPPED_COURT_KNOWLEDGE } from '../shipped-data.js';
import { markdownTable, rowJson } from '../table.js';
import { courtSentences, generateCorpus, writeGenerated } from './generate.js';
import { runSizeInChild } from './isolate.js';


export interface ScaleResult {
  passages: number;
  pinpoint: RowResult;
  miniSearch: RowResult;
  /** Pinpoint's retained heap over plain MiniSearch's (target ≤ 1.5). */
  heapRatio: number;
}

/**
 * One generated corpus per size; Pinpoint (ask) and plain MiniSearch (search only, no quoting) each
 * build it from the same knowledge folder, answer `warmup` questions untimed, then the same 200
 * questions timed, persist and restart.
 */
export async function runScale(
  courtDir: string,
  sizes: readonly number[],
  workDir: string,
  warmup: number,
  onSize?: (r: ScaleResult) => void,
): Promise<ScaleResult[]> {
  const sentences = await courtSentences(courtDir);
  await warmUpOnSmallCorpus(sentences, join(workDir, 'warm-up'));
  const results: ScaleResult[] = [];
  for (const size of sizes) {
    const dir = join(workDir, `scale-${size}`);
    const knowledgeDir = join(dir, 'knowledge');
    const corpus = generateCorpus(sentences, size);
    await writeGenerated(corpus, knowledgeDir);
    const questions = corpus.questions.map((question, i) => ({ id: `s${i}`, question, answers: [], unanswerable: false }));
    const options = { warmup };
    // Read once untimed, so neither row pays for a cold file cache or a cold loader the other warmed.
    await loadCorpus(knowledgeDir);
    const pinpoint = await evaluateRow(pinpointRow(dir), knowledgeDir, questions, options);
    const miniSearch = await evaluateRow(searchOnlyRow(dir), knowledgeDir, questions, options);
    const result = { passages: size, pinpoint, miniSearch, heapRatio: pinpoint.heapMb / miniSearch.heapMb };
    results.push(result);
    onSize?.(result);
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

/** Plain MiniSearch timed on search alone: it quotes nothing. */
const searchOnlyRow = (workDir: string) => ({ ...peerRow(miniSearchDefaults(), { pickSentences: () => [], workDir }), name: 'MiniSearch defaults (search only)' });

/** Passages of the warm-up corpus: enough calls for V8 to compile the hot paths, cheap to build. */
const WARM_UP_PASSAGES = 1_000;

/**
 * Both rows build a small corpus and answer its questions before any size is measured, so neither
 * pays in its latency tail for compiling code (the quality bench does the same). Heap is measured as a
 * difference from before each build, so the compiled code stays out of it.
 */
async function warmUpOnSmallCorpus(sentences: readonly string[], dir: string): Promise<void> {
  const knowledgeDir = join(dir, 'knowledge');
  const corpus = generateCorpus(sentences, WARM_UP_PASSAGES);
  await writeGenerated(corpus, knowledgeDir);
  for (const ready of await warmUp([pinpointRow(dir), searchOnlyRow(dir)], knowledgeDir, corpus.questions)) await ready.close();
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
      row.heapMb.toFixed(1),
      row === r.pinpoint ? `${r.heapRatio.toFixed(2)}×` : '',
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
  const progress = (r: ScaleResult): void => console.error(`bench: scale ${r.passages} done`);
  if (args.scaleChild) {
    const [result] = await runScale(courtDir, args.sizes, workDir, args.warmup);
    console.log(JSON.stringify(result));
    return;
  }
  // One child process per size, so a size is not measured on the heap and caches the previous left.
  const results: ScaleResult[] = [];
  for (const size of args.sizes) {
    const result = await runSizeInChild(size, courtDir, args.warmup);
    results.push(result);
    progress(result);
  }
  if (args.json) {
    console.log(
      JSON.stringify({
        scale: results.map((r) => ({ passages: r.passages, heap_ratio: Number(r.heapRatio.toFixed(3)), pinpoint: rowJson(r.pinpoint), minisearch: rowJson(r.miniSearch) })),
      }),
    );
    return;
  }
  console.log(`Scale: corpora generated from ${courtDir} (seeded recombination of court sentences, numbers re-drawn), 200 fixed questions each.`);
  console.log(`Each size runs in its own process, after both rows answered the questions of a ${WARM_UP_PASSAGES.toLocaleString('en-US')}-passage corpus. build: knowledge folder to ready; p50/p99: Pinpoint ask() (retrieval + rerank + quotes) vs MiniSearch search() only, after ${args.warmup} untimed answers (--warmup);`);
  console.log('index MB: serialized index; load: restart to ready from it (target at 10K: ≤ 300 ms); heap: retained after build and all questions, incl. documents and passages (target ≤ 1.5× MiniSearch).\n');
  console.log(scaleTable(results));
}
