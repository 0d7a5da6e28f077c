/**
 * `npm run bench`: Pinpoint's answer pipeline and lexical peers over the same corpus and questions in
 * one process, one table. `--scale` measures build, latency, load and memory on generated corpora.
 * This is a CLI entry point, so it prints with console.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isPinpointError } from '../src/errors.js';
import { parseBenchArgs, USAGE, type BenchArgs } from './args.js';
import { loadCorpus } from './corpus.js';
import { loadJsonlQuestions, loadSquad, writeKnowledge, type BenchQuestion } from './dataset.js';
import { createCorePicker } from './picker.js';
import { allRows, runQuality } from './quality.js';
import { resultsTable } from './table.js';

const DEFAULT_SQUAD = resolve(import.meta.dirname, '../../shared/eval/xquad/xquad.en.json');

async function qualityBench(args: BenchArgs, workDir: string): Promise<void> {
  let knowledgeDir: string;
  let questions: BenchQuestion[];
  let source: string;
  const squad = args.squad ?? (args.questions === undefined && existsSync(DEFAULT_SQUAD) ? DEFAULT_SQUAD : undefined);
  if (squad !== undefined) {
    const data = await loadSquad(squad);
    knowledgeDir = join(workDir, 'knowledge');
    await writeKnowledge(data.documents, knowledgeDir);
    questions = data.questions;
    source = `${squad} (${data.documents.length} documents)`;
  } else if (args.questions !== undefined && args.knowledge !== undefined) {
    knowledgeDir = resolve(args.knowledge);
    questions = await loadJsonlQuestions(args.questions);
    source = `${args.questions} over ${knowledgeDir}`;
  } else {
    console.log(USAGE);
    process.exitCode = 2;
    return;
  }

  // The shared picker's term statistics are built once here, outside every row's timing and heap.
  const rows = allRows({ pickSentences: createCorePicker(await loadCorpus(knowledgeDir)), workDir });
  const results = await runQuality({
    knowledgeDir,
    questions,
    rows,
    warmup: args.warmup,
    onRow: (r) => console.error(`bench: ${r.engine} done (${r.questions} questions)`),
  });

  if (args.json) {
    console.log(JSON.stringify({ source, questions: questions.length, answerable: results[0]?.answerable ?? 0, rows: results }));
    return;
  }
  console.log(`Answer quality and speed on ${source}: ${questions.length} questions (${results[0]?.answerable ?? 0} answerable), same passages and questions for every row.`);
  console.log('containment@k: a gold answer is in one of the first k quotes (quotes over 400 chars miss); recall@5 / MRR@10: over ranked passages;');
  console.log('p50/p99: one answer (retrieval + sentence pick) after warm-up; build: knowledge folder to ready index; index bytes: serialized;');
  console.log('load: restart from the serialized index to ready; heap: retained after build (after full GC).\n');
  console.log(resultsTable(results));
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const workDir = await mkdtemp(join(tmpdir(), 'pinpoint-bench-'));
  try {
    if (args.scale) {
      const { scaleBench } = await import('./scale/run-scale.js');
      await scaleBench(args, workDir);
    } else {
      await qualityBench(args, workDir);
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(isPinpointError(error) ? error.message : error);
  process.exitCode = 1;
});
