// `npm run bench` as a process: its exit codes and what it prints, as a shell sees them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scaleChildArgs } from '../bench/scale/isolate.js';
import { SHIPPED_COURT_KNOWLEDGE } from '../bench/shipped-data.js';
import { loadEnglishWords } from '../src/search/english-words.js';

const ROOT = path.resolve('.');
const BENCH = path.join(ROOT, 'bench', 'run.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** What `npm run bench -- …argv` runs (tsx bench/run.ts), with only PATH from this environment. */
function bench(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', TSX, BENCH, ...argv], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm run bench exit codes', () => {
  // 2 for a bad command line, as npm start and the CLI exit; 1 stays for a run that failed.
  it.each([
    [['--bogus'], "pinpoint: Unknown option '--bogus'"],
    [['--sizes', '1000'], 'pinpoint: --sizes goes with --scale'],
    [['--scale', '--warmup', 'x'], 'pinpoint: --warmup x is not a whole number of questions (0 or more); pass e.g. --warmup 50'],
    [['--scale', '--warmup='], 'pinpoint: --warmup "" is not a whole number of questions (0 or more); pass e.g. --warmup 50'],
    [['--unanswerable'], 'pinpoint: --unanswerable leaves each SQuAD article out of the pack in turn'],
  ])('exits 2 with the message on the bad command line %j, measuring nothing', async (argv, message) => {
    const { code, stdout, stderr } = await bench(argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr).not.toContain('    at ');
  });

  it('exits 1 when the run itself fails (a --squad file that is not there)', async () => {
    const missing = path.join(ROOT, 'no-such-squad.json');
    const { code, stdout, stderr } = await bench(['--squad', missing]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`pinpoint: cannot read ${missing} (ENOENT); check the path given to --squad\n`);
  });

  it('prints the usage and exits 0 with --help', async () => {
    const { code, stdout, stderr } = await bench(['--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.startsWith('usage: npm run bench -- ')).toBe(true);
  });
});

describe('npm run bench -- --scale heap', () => {
  it("counts Pinpoint's English word list, which its warm-up reads before the measured build", async () => {
    // Some 60,000 short strings in a Set: at least their characters, whatever V8's overhead.
    const listMb = [...loadEnglishWords()].reduce((sum, word) => sum + word.length, 0) / 2 ** 20;
    // One row in a process of its own, as `--scale` runs each.
    const { code, stdout } = await bench(scaleChildArgs(200, SHIPPED_COURT_KNOWLEDGE, 0, 'pinpoint'));
    expect(code).toBe(0);
    const row = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(row.wordListMb).toBeGreaterThan(listMb);
    expect(row.heapMb).toBeGreaterThan(row.wordListMb);
  }, 120_000);
});

describe('npm run bench -- --scale load and build', () => {
  it("count reading Pinpoint's English word list, which createPinpoint does at every start of a process", async () => {
    // One row in a process of its own, as `--scale` runs each: its warm-up reads the list before the
    // measured build and restart, which then find it in memory where a restarted bot reads it again.
    const { code, stdout } = await bench(scaleChildArgs(200, SHIPPED_COURT_KNOWLEDGE, 0, 'pinpoint'));
    expect(code).toBe(0);
    const row = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(row.wordListMs).toBeGreaterThan(0);
    expect(row.loadMs).toBeGreaterThan(row.wordListMs);
    expect(row.buildMs).toBeGreaterThan(row.wordListMs);
  }, 120_000);

  it('count no word list for plain MiniSearch, which reads none', async () => {
    const { code, stdout } = await bench(scaleChildArgs(200, SHIPPED_COURT_KNOWLEDGE, 0, 'minisearch'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toMatchObject({ wordListMb: 0, wordListMs: 0 });
  }, 120_000);
});
