/**
 * `npm run bench`: Pinpoint's answer pipeline and lexical peers over the same corpus and questions in
 * one process, one table. `--scale` measures build, latency, load and memory on generated corpora;
 * `--unanswerable` asks each SQuAD article's questions of a pack without it.
 * This is a CLI entry point, so it prints with console.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitQuietlyWhenOutputCloses } from '../bin/closed-output.js';
import { isPinpointError } from '../src/errors.js';
import { parseBenchArgs, USAGE, type BenchArgs } from './args.js';
import { loadCorpus } from './corpus.js';
import { createBestSentencePicker, createCorePicker } from './picker.js';
import { LATENCY_SAMPLES, qualityRows, runQuality } from './quality.js';
import { scaleBench } from './scale/run-scale.js';
import { resolveSource } from './source.js';
import { runUnanswerable } from './unanswerable.js';
import { resultsTable, rowJson } from './table.js';

async function qualityBench(args: BenchArgs, workDir: string): Promise<void> {
  const { knowledgeDir, questions, label } = await resolveSource(args, workDir);
  // The shared picker's term statistics are built once here, outside every row's timing and heap.
  const corpus = await loadCorpus(knowledgeDir, args.knowledge === undefined ? undefined : { flag: '--knowledge' });
  const setup = { pickSentences: createBestSentencePicker(corpus), corePicker: createCorePicker(corpus), workDir };
  const results = await runQuality({
    knowledgeDir,
    questions,
    ...qualityRows(setup),
    warmup: args.warmup,
    onRow: (r) => console.error(`bench: ${r.engine} done (${r.questions} questions)`),
  });
  const answerable = results[0]?.answerable ?? 0;

  if (args.json) {
    console.log(JSON.stringify({ source: label, questions: questions.length, answerable, rows: results.map(rowJson) }));
    return;
  }
  console.log(`Answer quality and speed on ${label}: ${questions.length} questions (${answerable} answerable), the same passages and questions for every row, one process.`);
  console.log('containment@k: a gold answer is in one of the first k quotes (a quote over 400 chars misses); recall@5, MRR@10: over the ranked passages;');
  console.log(`p50/p99: one answer (retrieval + quotes), after a warm-up round, timed side by side: each question put to every engine in turn, ${LATENCY_SAMPLES.toLocaleString('en-US')} answers per engine, each round on engines restarted from their index (none times a repeat); build: knowledge folder to ready index; index bytes: serialized index;`);
  console.log('load: restart to ready from the serialized index (knowledge folder re-read); heap: retained after build and all questions, after full GC;');
  console.log('false abstain: answerable questions answered with no quote. Peers quote the best sentence of their top 5 passages (the quality bar\'s baseline);\nthe last row is the best peer\'s retrieval with Pinpoint\'s own extraction (windows, answer types), which shows what retrieval and abstention add.\n');
  console.log(resultsTable(results));
}

async function unanswerableBench(squad: string, args: BenchArgs): Promise<void> {
  const { questions, declined } = await runUnanswerable(squad);
  const share = questions === 0 ? 0 : declined / questions;
  if (args.json) {
    console.log(JSON.stringify({ source: squad, questions, declined, declined_share: Number(share.toFixed(4)) }));
    return;
  }
  console.log(`Unanswerable questions on ${squad}: ${questions} questions, each asked of a pack without the article it was written about.`);
  console.log(`Pinpoint (defaults) answered ${declined} of them no-match: ${(100 * share).toFixed(1)}% (target ≥ 90%).`);
}

/** Exit codes: 2 for a bad command line (as `npm start` and the CLI), 1 for a run that failed. */
const USAGE_ERROR = 2;
const RUN_FAILED = 1;

async function main(): Promise<void> {
  exitQuietlyWhenOutputCloses();
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    // Everything parseBenchArgs refuses is the command line's fault, never the run's.
    console.error(isPinpointError(error) ? error.message : error);
    process.exitCode = USAGE_ERROR;
    return;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const workDir = await mkdtemp(join(tmpdir(), 'pinpoint-bench-'));
  try {
    if (args.scale) await scaleBench(args, workDir);
    // parseBenchArgs lets --unanswerable through only with --squad.
    else if (args.unanswerable && args.squad !== undefined) await unanswerableBench(args.squad, args);
    else await qualityBench(args, workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(isPinpointError(error) ? error.message : error);
  process.exitCode = RUN_FAILED;
});
