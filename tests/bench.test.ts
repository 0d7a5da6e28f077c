import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../bench/args.js';
import { loadCorpus } from '../bench/corpus.js';
import { containsGold, quoteHitAt, reciprocalRank, scoreAnswers } from '../bench/metrics.js';
import { createBestSentencePicker, createCorePicker, type SentencePicker } from '../bench/picker.js';
import { miniSearchStemmed } from '../bench/engines/minisearch.js';
import { peerRow } from '../bench/peer-row.js';
import { allRows, qualityRows, runQuality } from '../bench/quality.js';
import { evaluateRow, type RowResult, sideBySideLatencies, warmUp } from '../bench/evaluate.js';
import type { BenchRow, ReadyRow } from '../bench/rows.js';
import { courtSentences, generateCorpus, writeGenerated } from '../bench/scale/generate.js';
import { scaleChildArgs } from '../bench/scale/isolate.js';
import { runScale, scaleTable } from '../bench/scale/run-scale.js';
import { SHIPPED_COURT_KNOWLEDGE } from '../bench/shipped-data.js';
import { resolveSource } from '../bench/source.js';
import { runUnanswerable } from '../bench/unanswerable.js';
import { readSquad } from '../bench/dataset.js';
import { answerQuestion } from '../src/answer/answer.js';
import { buildCorpus } from '../src/corpus.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/bench');
const SQUAD = join(FIXTURES, 'squad-mini.json');

describe('bench metrics', () => {
  it('matches gold case-insensitively with whitespace collapsed', () => {
    expect(containsGold('Opened in\n  1932 AFTER six years', ['in 1932 after'])).toBe(true);
    expect(containsGold('Opened in 1933', ['1932'])).toBe(false);
  });

  it('counts a quote over 400 characters as a miss even when it contains the gold', () => {
    const long = `${'x'.repeat(400)} 1932`;
    expect(quoteHitAt([long], ['1932'], 1)).toBe(false);
    expect(quoteHitAt(['no', 'in 1932'], ['1932'], 1)).toBe(false);
    expect(quoteHitAt(['no', 'in 1932'], ['1932'], 3)).toBe(true);
  });

  it('gives the reciprocal rank of the first passage with the gold within k', () => {
    expect(reciprocalRank(['a', 'b', 'gold here'], ['gold'], 10)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['a', 'b', 'gold here'], ['gold'], 2)).toBe(0);
  });

  it('averages the length of every quote shown, not only of the first, as the eval\'s mean_quote_chars', () => {
    const scores = scoreAnswers([
      { unanswerable: false, golds: ['red'], quotes: ['red', 'a much longer quote'], ranked: [] },
      { unanswerable: false, golds: ['blue'], quotes: ['blue door'], ranked: [] },
    ]);
    expect(scores.meanQuoteChars).toBe((3 + 19 + 9) / 3);
  });

  it('averages over answerable questions and scores abstention on unanswerable ones', () => {
    const scores = scoreAnswers([
      { unanswerable: false, golds: ['red'], quotes: ['the red door'], ranked: ['x', 'the red door'] },
      { unanswerable: false, golds: ['blue'], quotes: [], ranked: [] },
      { unanswerable: true, golds: [], quotes: [], ranked: [] },
      { unanswerable: true, golds: [], quotes: ['a guess'], ranked: ['a guess'] },
    ]);
    expect(scores).toEqual({
      answerable: 2,
      containmentAt1: 0.5,
      containmentAt3: 0.5,
      recallAt5: 0.5,
      mrrAt10: 0.25,
      falseAbstain: 0.5,
      unanswerable: 2,
      abstainCorrect: 0.5,
      meanQuoteChars: 9.5,
    });
  });
});

describe('bench data', () => {
  it('writes a SQuAD file as a knowledge folder the core splits into one passage per context', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-squad-'));
    const source = (await resolveSource({ squad: SQUAD }, dir))!;
    const corpus = await loadCorpus(source.knowledgeDir);
    expect([...corpus.documents.values()].map((d) => d.meta.title)).toEqual(['Harbor Bridge', 'Marsh Orchids']);
    expect(corpus.passages.map((p) => p.text.slice(0, 24))).toEqual([
      'The Harbor Bridge opened',
      'The bridge was designed ',
      'Marsh orchids flower in ',
      'Draining the meadows for',
    ]);
    expect(source.questions.map((q) => q.id)).toEqual(['hb1', 'hb2', 'hb3', 'mo1', 'mo2', 'mo3']);
    await rm(dir, { recursive: true, force: true });
  });

  it('reads JSONL questions over the given knowledge folder', async () => {
    const source = (await resolveSource({ questions: join(FIXTURES, 'questions.jsonl'), knowledge: join(FIXTURES, 'knowledge') }, tmpdir()))!;
    expect(source.knowledgeDir).toBe(join(FIXTURES, 'knowledge'));
    expect(source.questions.map((q) => q.unanswerable)).toEqual([false, false, false, true]);
  });

  it('rejects --questions without --knowledge', () => {
    expect(() => parseBenchArgs(['--questions', 'q.jsonl'])).toThrow(
      'pinpoint: --questions q.jsonl needs --knowledge DIR (the documents the questions are about)',
    );
  });

  it('asks the court set shipped in eval/court when no data flag is given, so a fresh clone can run it', async () => {
    const source = await resolveSource({}, tmpdir());
    expect(source.knowledgeDir).toBe(join(import.meta.dirname, '../eval/court/knowledge'));
    expect(source.questions).toHaveLength(90);
    expect(source.label).toMatch(/eval\/court\/questions\.jsonl over /);
  });

  it.each([
    [['--court', 'dir'], 'pinpoint: --court goes with --scale\n'],
    [['--sizes', '1000'], 'pinpoint: --sizes goes with --scale\n'],
    [['--scale', '--squad', 'x.json'], 'pinpoint: --scale generates its corpora from the court texts (--court DIR); it takes no --squad\n'],
    [['--scale', '--questions', 'q.jsonl', '--knowledge', 'k'], 'it takes no --questions\n'],
    [['--scale', '--unanswerable', '--squad', 'x.json'], 'it takes no --squad\n'],
  ])('refuses %j, a flag the mode would ignore, rather than measure something else', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });

  // Number('') is 0: `--warmup=` used to run with no warm-up at all, without a word.
  it.each([['--warmup='], ['--warmup', ' '], ['--warmup', '0x10']])('refuses %j, a warm-up count that is not digits', (...argv) => {
    expect(() => parseBenchArgs(['--scale', ...argv])).toThrow(/^pinpoint: --warmup .* is not a whole number of questions \(0 or more\); pass e\.g\. --warmup 50$/);
  });

  it('reads --warmup as digits, 0 included, and 50 when it is not given', () => {
    expect([parseBenchArgs(['--scale', '--warmup', '0']).warmup, parseBenchArgs(['--scale', '--warmup=12']).warmup, parseBenchArgs(['--scale']).warmup]).toEqual([0, 12, 50]);
  });

  it.each([['1e3'], ['0x10'], ['2.0']])('refuses --sizes %j, a size that is not digits', (size) => {
    expect(() => parseBenchArgs(['--scale', '--sizes', size])).toThrow(`pinpoint: --sizes ${size} is not a positive integer; pass e.g. --sizes 1000`);
  });

  it('keeps the default sizes for --scale', () => {
    expect(parseBenchArgs(['--scale']).sizes).toEqual([1000, 2500, 10000, 100000]);
  });

  it('rejects --knowledge without --questions', () => {
    expect(() => parseBenchArgs(['--knowledge', 'k'])).toThrow('pinpoint: --knowledge k needs --questions FILE.jsonl (the questions about those documents)');
  });
});

describe('bench unanswerable', () => {
  it('declines every question asked of a pack without the article it was written about', async () => {
    await expect(runUnanswerable(SQUAD)).resolves.toEqual({ questions: 6, declined: 6 });
    // With every article in the pack the same questions are answered: the declines come from the removal.
    const { documents, questions } = await readSquad(SQUAD);
    const full = await buildCorpus({ dir: SQUAD, manifest: packManifestSchema.parse({}), documents, warnings: [] }, { logger: silentLogger });
    expect(questions.filter((question) => answerQuestion(full, question.question).kind === 'excerpts')).toHaveLength(6);
  });

  it('reads --unanswerable with --squad, and refuses it with JSONL questions or without a SQuAD file', () => {
    expect(parseBenchArgs(['--unanswerable', '--squad', SQUAD]).unanswerable).toBe(true);
    expect(() => parseBenchArgs(['--unanswerable', '--questions', 'q.jsonl', '--knowledge', 'k'])).toThrow('--unanswerable takes SQuAD articles');
    // It times nothing, so a --warmup would be ignored without a word.
    expect(() => parseBenchArgs(['--unanswerable', '--squad', SQUAD, '--warmup', '5'])).toThrow(
      'pinpoint: --unanswerable counts declines and times nothing; it takes no --warmup\n',
    );
    expect(() => parseBenchArgs(['--unanswerable'])).toThrow(
      "pinpoint: --unanswerable leaves each SQuAD article out of the pack in turn: pass --squad FILE.json (XQuAD's xquad.en.json, for one)",
    );
  });
});

/**
 * A row whose instances remember the questions they answered, as Pinpoint's caches do: the first answer
 * to a question takes at least FIRST_ANSWER_MS, a repeat nothing. A median under FIRST_ANSWER_MS means
 * repeats were timed (a lower bound only, so a slow machine cannot fail it).
 */
const FIRST_ANSWER_MS = 2;
const rememberingRow = (name: string): BenchRow => {
  const instance = (): ReadyRow => {
    const heard = new Set<string>();
    return {
      answer: (question) => {
        if (!heard.has(question)) {
          heard.add(question);
          const start = performance.now();
          while (performance.now() - start < FIRST_ANSWER_MS) {
            // Busy: the first answer to a question does the work.
          }
        }
        return { quotes: ['a quote'], rankedIds: [] };
      },
      passageText: () => undefined,
      persist: async () => 0,
      close: async () => {},
    };
  };
  return { name, build: async () => instance(), restart: async () => instance() };
};

describe('side-by-side latency', () => {
  const recordingRow = (name: string, calls: string[]): ReadyRow => ({
    answer: (question) => {
      calls.push(`${name}:${question}`);
      return { quotes: [], rankedIds: [] };
    },
    passageText: () => undefined,
    persist: async () => 0,
    close: async () => {},
  });

  const recordingBenchRow = (name: string, calls: string[]): BenchRow => ({
    name,
    build: async () => recordingRow(name, calls),
    restart: async () => recordingRow(name, calls),
  });

  it('puts each question to every row in turn, the first row rotating, for every round', async () => {
    const calls: string[] = [];
    const rows = [recordingBenchRow('a', calls), recordingBenchRow('b', calls), recordingBenchRow('c', calls)];
    const times = await sideBySideLatencies(rows, 'unused', ['q1', 'q2'], 2);
    expect(calls).toEqual(['a:q1', 'b:q1', 'c:q1', 'b:q2', 'c:q2', 'a:q2', 'c:q1', 'a:q1', 'b:q1', 'a:q2', 'b:q2', 'c:q2']);
    expect(times.map((row) => row.length)).toEqual([4, 4, 4]);
  });

  // Pinpoint keeps passage tokens and spelling fixes per instance: a question it has answered before is
  // served from them, while a peer redoes its answer.
  it('times every answer on an instance that has not answered that question before', async () => {
    const questions = ['q1', 'q2'].map((question) => ({ id: question, question, answers: ['quote'], unanswerable: false }));
    const results = await runQuality({
      knowledgeDir: 'unused',
      questions,
      rows: [rememberingRow('a'), rememberingRow('b')],
      warmUpRows: [rememberingRow('a'), rememberingRow('b')],
      warmup: 0,
      latencySamples: 6,
    });
    for (const result of results) expect(result.p50Ms, result.engine).toBeGreaterThanOrEqual(FIRST_ANSWER_MS);
  });

  it('warms each row up on every question twice, word for word (as a one-byte and as a two-byte string)', async () => {
    const calls: string[] = [];
    const row: BenchRow = { name: 'a', build: async () => recordingRow('a', calls), restart: async () => recordingRow('a', calls) };
    await warmUp([row], 'unused', ['did Netflix read DMs?', 'Meta’s reply']);
    expect(calls).toEqual(['a:did Netflix read DMs?', 'a:did Netflix read DMs?', 'a:Meta’s reply', 'a:Meta’s reply']);
  });

  it('refuses warm-up rows that are not the measured rows in the same order', async () => {
    const row = (name: string): BenchRow => ({ name, build: async () => recordingRow(name, []), restart: async () => recordingRow(name, []) });
    await expect(runQuality({ knowledgeDir: 'unused', questions: [], rows: [row('a'), row('b')], warmUpRows: [row('b'), row('a')], warmup: 0 })).rejects.toThrow(
      'the warm-up rows must be the measured rows, in the same order',
    );
  });
});

describe('bench rows', () => {
  let workDir: string;
  let results: RowResult[];

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'bench-rows-'));
    const source = (await resolveSource({ squad: SQUAD }, workDir))!;
    const corpus = await loadCorpus(source.knowledgeDir);
    const setup = { pickSentences: createBestSentencePicker(corpus), corePicker: createCorePicker(corpus), workDir };
    results = await runQuality({ knowledgeDir: source.knowledgeDir, questions: source.questions, ...qualityRows(setup), warmup: 2, latencySamples: 12 });
  });
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  it('runs Pinpoint and every peer over the same questions', () => {
    expect(results.map((r) => r.engine)).toEqual([
      'Pinpoint',
      'MiniSearch defaults',
      'MiniSearch + stop words + Porter2',
      'Lunr 2.3',
      'Orama 3 (stemming + stop words)',
      'FlexSearch 0.8 (suggest)',
      "MiniSearch + stop words + Porter2, Pinpoint's picker",
    ]);
    for (const r of results) expect([r.questions, r.answerable]).toEqual([6, 6]);
  });

  it('builds the measured Pinpoint row from the documents, not from the warm-up round\'s index cache', async () => {
    const cacheFiles = async (dir: string) => (await readdir(join(dir, 'pinpoint-data', 'index-cache'))).filter((name) => name.endsWith('.index'));
    expect(await cacheFiles(join(workDir, 'warm-up'))).not.toHaveLength(0);
    expect(await cacheFiles(workDir)).not.toHaveLength(0);
  });

  it('finds every answer passage in the top 5 for each row on the easy fixture', () => {
    expect(results.map((r) => [r.engine, r.recallAt5])).toEqual(results.map((r) => [r.engine, 1]));
  });

  it('quotes an answer first for most fixture questions in every row', () => {
    for (const r of results) expect(r.containmentAt1, r.engine).toBeGreaterThanOrEqual(5 / 6);
  });

  it('measures a serialized index, a restart and a latency for every row', () => {
    for (const r of results) {
      expect(r.indexBytes, r.engine).toBeGreaterThan(500);
      expect(r.loadMs, r.engine).toBeGreaterThan(0);
      expect(r.p50Ms, r.engine).toBeGreaterThan(0);
    }
  });
});

describe('bench restart (the load column)', () => {
  it('restarts every row from what it persisted into one that answers as the built one did', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-restart-'));
    try {
      const source = (await resolveSource({ squad: SQUAD }, dir))!;
      const corpus = await loadCorpus(source.knowledgeDir);
      const rows = allRows({ pickSentences: createBestSentencePicker(corpus), corePicker: createCorePicker(corpus), workDir: dir });
      const questions = source.questions.map((q) => q.question);
      for (const row of rows) {
        const built = await row.build(source.knowledgeDir);
        const before = questions.map((question) => built.answer(question));
        expect(await built.persist(), row.name).toBeGreaterThan(500);
        await built.close();
        const restarted = await row.restart(source.knowledgeDir);
        const after = questions.map((question) => restarted.answer(question));
        await restarted.close();
        expect(before.every((answer) => answer.rankedIds.length > 0 && answer.quotes.length > 0), row.name).toBe(true);
        expect(after, row.name).toEqual(before);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// The core keeps the spelling fixes it looked up per term index and analyzer. With one picker for every peer and
// every round, a peer was timed on fixes another peer or the warm-up had looked up, while Pinpoint, restarted, looked
// them up again.
describe('peer pickers', () => {
  it('quote each engine instance, built or restarted, with caches of its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-picker-'));
    try {
      const source = (await resolveSource({ squad: SQUAD }, dir))!;
      const copies: string[] = [];
      const copy = (name: string): SentencePicker =>
        Object.assign((question: string) => [`${name}:${question}`], {
          fresh: () => {
            copies.push(`copy${copies.length + 1}`);
            return copy(copies.at(-1)!);
          },
        });
      const row = peerRow(miniSearchStemmed(), { pickSentences: copy('shared'), workDir: dir });
      const built = await row.build(source.knowledgeDir);
      await built.persist();
      const restarted = await row.restart(source.knowledgeDir);
      const again = await row.restart(source.knowledgeDir);
      expect([built, restarted, again].map((instance) => instance.answer('q').quotes)).toEqual([['copy1:q'], ['copy2:q'], ['copy3:q']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('quote with a fresh copy exactly as with the picker it was copied from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-picker-'));
    try {
      const source = (await resolveSource({ squad: SQUAD }, dir))!;
      const corpus = await loadCorpus(source.knowledgeDir);
      for (const picker of [createBestSentencePicker(corpus), createCorePicker(corpus)]) {
        const fresh = picker.fresh!();
        expect(fresh).not.toBe(picker);
        for (const { question } of source.questions) {
          const ranked = corpus.passages.slice(0, 5);
          expect(fresh(question, ranked, 3)).toEqual(picker(question, ranked, 3));
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('bench scale generator', () => {
  const sentences = Array.from({ length: 120 }, (_, i) => `The court held in case ${i} that the statute ${i % 7 === 0 ? 'applies' : 'does not apply'} to ballot selfies.`);

  it('generates the same corpus for the same seed and another for another seed', () => {
    const a = generateCorpus(sentences, 120, 7);
    expect(generateCorpus(sentences, 120, 7)).toEqual(a);
    expect(generateCorpus(sentences, 120, 8)).not.toEqual(a);
    expect(a.documents.flat()).toHaveLength(120);
    expect(a.documents.map((d) => d.length)).toEqual([50, 50, 20]);
    expect(a.questions).toHaveLength(200);
  });

  // A question drawn twice was timed twice, the second time answered from what the first left in the row's caches.
  it('times 200 different questions, even where the draw repeats one (the shipped court set at 1,000 passages)', async () => {
    expect(new Set(generateCorpus(sentences, 120, 7).questions).size).toBe(200);
    expect(new Set(generateCorpus(await courtSentences(SHIPPED_COURT_KNOWLEDGE), 1_000, 42).questions).size).toBe(200);
  });

  it('draws fewer timed questions, not forever, from a corpus too small to hold 200 different ones', () => {
    const questions = generateCorpus(sentences.slice(0, 2), 1, 7).questions;
    expect(questions.length).toBeGreaterThan(0);
    expect(new Set(questions).size).toBe(questions.length);
  });

  it('draws warm-up questions apart from the timed ones, which stay those of the seed', () => {
    const timedOnly = generateCorpus(sentences, 120, 7);
    const withWarmUp = generateCorpus(sentences, 120, 7, 30);
    expect(withWarmUp.questions).toEqual(timedOnly.questions);
    expect(withWarmUp.warmUpQuestions).toHaveLength(30);
    expect(withWarmUp.warmUpQuestions.filter((question) => withWarmUp.questions.includes(question))).toEqual([]);
  });

  // A question answered untimed and then timed is answered the second time from the row's caches.
  it('times none of the questions a scale row answered untimed before', async () => {
    const questions = ['q1', 'q2', 'q3'].map((question) => ({ id: question, question, answers: [], unanswerable: false }));
    const result = await evaluateRow(rememberingRow('a'), 'unused', questions, { warmUpQuestions: ['w1', 'w2'] });
    expect(result.warmup).toBe(2);
    expect(result.p50Ms).toBeGreaterThanOrEqual(FIRST_ANSWER_MS);
  });

  it('reads the shipped court opinions, the --scale default, without their front matter', async () => {
    const court = await courtSentences(SHIPPED_COURT_KNOWLEDGE);
    expect(court.length).toBeGreaterThan(1000);
    expect(court.filter((sentence) => /^---|\btitle: /.test(sentence))).toEqual([]);
  });

  it('runs each row\'s child process with the row, size, court folder and --warmup the parent was given', () => {
    const args = scaleChildArgs(2500, '/court', 12, 'minisearch');
    expect(parseBenchArgs(args)).toMatchObject({ scale: true, scaleRow: 'minisearch', sizes: [2500], court: '/court', warmup: 12 });
    expect(parseBenchArgs(scaleChildArgs(1000, '/court', 0, 'pinpoint'))).toMatchObject({ scaleRow: 'pinpoint', warmup: 0 });
    expect(() => parseBenchArgs(['--scale', '--scale-row', 'lunr'])).toThrow('pinpoint: --scale-row takes pinpoint or minisearch (got lunr)');
  });

  it('refuses a court folder with too little text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-court-'));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'one.txt'), 'The motion is granted in part and denied in part for the reasons below.');
    await expect(courtSentences(dir)).rejects.toThrow(
      `pinpoint: ${dir} has too little court text to generate a corpus (1 sentences); pass --court DIR with the court .txt files`,
    );
    await rm(dir, { recursive: true, force: true });
  });

  it('measures Pinpoint against plain MiniSearch on a generated corpus', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-scale-'));
    const court = join(dir, 'court');
    await mkdir(court);
    await writeFile(join(court, 'opinion.txt'), sentences.join(' '));
    const [result] = await runScale(court, [300], join(dir, 'work'), 7);
    await rm(dir, { recursive: true, force: true });
    expect(result!.passages).toBe(300);
    expect([result!.pinpoint.engine, result!.miniSearch.engine]).toEqual(['Pinpoint', 'MiniSearch defaults (search only)']);
    for (const row of [result!.pinpoint, result!.miniSearch]) {
      expect(row.questions).toBe(200);
      // --warmup is the scale rows' untimed answers before their timed ones (bench/README.md).
      expect(row.warmup, row.engine).toBe(7);
      expect(row.indexBytes).toBeGreaterThan(10_000);
      expect(row.heapMb).toBeGreaterThan(0);
    }
    expect(result!.heapRatio).toBeCloseTo(result!.pinpoint.heapMb / result!.miniSearch.heapMb);
    expect(scaleTable([result!]).split('\n')[2]).toMatch(/^\| 300 +\| Pinpoint +\|/);
  });

  // The splitter cuts a paragraph over 1,200 characters: four of these sentences make two passages.
  it('shows the passages the rows indexed, not the paragraphs asked for', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-scale-count-'));
    try {
      const court = join(dir, 'court');
      await mkdir(court);
      const clauses = 'the statute, which the legislature passed after long debate over ballot secrecy and voter intimidation, reaches';
      await writeFile(join(court, 'opinion.txt'), sentences.map((sentence) => `${sentence.slice(0, -1)} because ${clauses} ${clauses} photographs taken inside polling places.`).join(' '));
      const generated = join(dir, 'generated');
      await writeGenerated(generateCorpus(await courtSentences(court), 60, 42), generated);
      const indexed = (await loadCorpus(generated)).passages.length;
      expect(indexed).toBeGreaterThan(60);
      const [result] = await runScale(court, [60], join(dir, 'work'), 0);
      expect([result!.size, result!.passages, result!.pinpoint.passages, result!.miniSearch.passages]).toEqual([60, indexed, indexed, indexed]);
      expect(scaleTable([result!]).split('\n')[2]).toMatch(new RegExp(`^\\| ${indexed} +\\| Pinpoint +\\|`));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
