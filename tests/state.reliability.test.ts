import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinpoint } from '../src/pinpoint.js';
import { createState, STATE_FILE } from '../src/state/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BURST = fileURLToPath(new URL('./fixtures/state/pin-burst.ts', import.meta.url));
const FULL_DISK = fileURLToPath(new URL('./fixtures/state/full-disk.ts', import.meta.url));
const KNOWLEDGE = fileURLToPath(new URL('./fixtures/state/knowledge', import.meta.url));

interface Burst {
  child: ChildProcessWithoutNullStreams;
  /** Ids the child printed, i.e. pins whose pin() call returned. */
  acknowledged: string[];
  stderr: string[];
  /** Resolves when the child printed "ready" (database open). */
  ready: Promise<void>;
  /** In "wait" mode: resolves when the child printed "half" (first half pinned, waiting for its next line). */
  half: Promise<void>;
  /** Resolves when `count` acknowledgements were read. */
  acknowledgedAtLeast(count: number): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

function burst(label: string, count: number, wait = false): Burst {
  const child = spawn(process.execPath, ['--import', 'tsx', BURST, dir, label, String(count), ...(wait ? ['wait'] : [])], {
    cwd: ROOT,
  });
  children.push(child);
  const acknowledged: string[] = [];
  const stderr: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let markReady: () => void = () => {};
  let failReady: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  let markHalf: () => void = () => {};
  let failHalf: (error: Error) => void = () => {};
  const half = new Promise<void>((resolve, reject) => {
    markHalf = resolve;
    failHalf = reject;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('ready ')) markReady();
    if (line === 'half') markHalf();
    const id = /^pinned (\S+)$/.exec(line)?.[1];
    if (!id) return;
    acknowledged.push(id);
    for (const waiter of waiters.filter((w) => acknowledged.length >= w.count)) waiter.resolve();
  });
  const exit = once(child, 'close').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  // A child that dies before opening the database fails the test with its error, not a timeout.
  void exit.then(({ code }) => {
    failReady(new Error(`${label} exited ${code} before it was ready: ${stderr.join('')}`));
    failHalf(new Error(`${label} exited ${code} before it pinned half: ${stderr.join('')}`));
  });
  // Only "wait" mode prints "half"; a rejection nobody waits for must not fail the run.
  half.catch(() => undefined);
  return {
    child,
    acknowledged,
    stderr,
    ready,
    half,
    acknowledgedAtLeast: (n) => new Promise((resolve) => waiters.push({ count: n, resolve })),
    exit,
  };
}

/**
 * Runs tests/fixtures/state/full-disk.ts on a copy of the state knowledge with `dir/data` as DATA_DIR, under
 * a file-size limit of 128 to 256 KiB (`ulimit -f` counts 512- or 1024-byte blocks by shell): a database
 * file cannot grow past it, so its writes fail as on a full disk while everything else still works.
 */
async function fullDisk(mode: 'no-match' | 'reload' | 'ask' | 'more') {
  const knowledgeDir = join(dir, 'knowledge');
  cpSync(KNOWLEDGE, knowledgeDir, { recursive: true });
  const child = spawn(
    '/bin/sh',
    ['-c', 'ulimit -f 256 && exec "$0" "$@"', process.execPath, '--import', 'tsx', FULL_DISK, knowledgeDir, join(dir, 'data'), mode],
    { cwd: ROOT },
  );
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = await once(child, 'close');
  return { code: code as number | null, lines: stdout.split('\n').filter(Boolean), stderr };
}

function openState() {
  return createState({ dataDir: dir, analyze: (text) => text.split(/\s+/) });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinpoint-reliability-'));
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('state reliability', () => {
  it('keeps every acknowledged pin when the process is SIGKILLed mid-burst, and opens cleanly', async () => {
    const acknowledged: string[] = [];
    // Three rounds on one database: each writer starts on the file the previous one was killed over.
    for (const round of ['killed-1', 'killed-2', 'killed-3']) {
      const writer = burst(round, 1_000_000);
      await writer.acknowledgedAtLeast(40);
      writer.child.kill('SIGKILL');
      const { signal } = await writer.exit;
      expect(signal).toBe('SIGKILL');
      expect(writer.stderr.join('')).toBe('');
      expect(writer.acknowledged.length).toBeGreaterThanOrEqual(40);
      acknowledged.push(...writer.acknowledged);
    }

    const state = openState(); // runs quick_check: throws STORE_CORRUPT on damage
    const stored = new Set(state.pins.list({ platform: 'discord', server: 'guild-1' }).map((pin) => pin.id));
    state.close();
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // At most the one pin in flight when each signal landed was committed without being acknowledged.
    expect(stored.size - acknowledged.length).toBeLessThanOrEqual(3);

    const db = new Database(join(dir, STATE_FILE), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('opens a new database that another process is creating and holds locked', async () => {
    // The other process creates the file and holds a write lock for a moment, as a second bot or
    // `npm run ask` starting together with the first would. Switching the journal mode then fails at
    // once with "database is locked" unless the open waits for the lock.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const Database = require('better-sqlite3');
         const db = new Database(process.argv[1]);
         db.exec('BEGIN IMMEDIATE; CREATE TABLE held (x)');
         process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);`,
        join(dir, STATE_FILE),
      ],
      { cwd: ROOT },
    );
    children.push(holder);
    await once(createInterface({ input: holder.stdout }), 'line');
    const state = openState();
    state.close();
    expect((await once(holder, 'close'))[0]).toBe(0);
  });

  it('loses no pin and reports no error when two processes pin at the same time', async () => {
    const count = 150;
    const first = burst('one', count, true);
    const second = burst('two', count, true);
    await Promise.all([first.ready, second.ready]);
    first.child.stdin.write('go\n');
    second.child.stdin.write('go\n');
    await Promise.all([first.half, second.half]);
    // Both are mid-burst now, each waiting with half its pins made: the second halves race for the lock.
    expect([first.acknowledged.length, second.acknowledged.length]).toEqual([count / 2, count / 2]);
    first.child.stdin.write('go\n');
    second.child.stdin.write('go\n');
    const [exitOne, exitTwo] = await Promise.all([first.exit, second.exit]);
    expect([first.stderr.join(''), second.stderr.join('')]).toEqual(['', '']);
    expect([exitOne.code, exitTwo.code]).toEqual([0, 0]);
    expect([first.acknowledged.length, second.acknowledged.length]).toEqual([count, count]);

    const state = openState();
    const pins = state.pins.list({ platform: 'discord', server: 'guild-1' });
    state.close();
    expect(new Set(pins.map((pin) => pin.id))).toEqual(new Set([...first.acknowledged, ...second.acknowledged]));
  });

  it('closes the database when start-up cannot mark the pins an edit made stale', async () => {
    const knowledgeDir = join(dir, 'knowledge');
    const dataDir = join(dir, 'data');
    cpSync(KNOWLEDGE, knowledgeDir, { recursive: true });
    const first = await createPinpoint({ knowledgeDir, dataDir });
    const scope = { platform: 'discord', server: 'guild-1', channel: 'general' };
    const question = 'Did the court dismiss the privacy claim?';
    const { pin } = first.pins.pin({ scope, question, answer: first.ask(question, { scope }), pinnedBy: 'moderator' });
    await first.close();
    // A trigger stands in for a full disk refusing the stale flag; the edit makes the pin stale.
    const db = new Database(join(dataDir, STATE_FILE));
    db.exec(`CREATE TRIGGER disk_full BEFORE UPDATE ON pins BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    db.close();
    const order = join(knowledgeDir, 'order.md');
    writeFileSync(order, readFileSync(order, 'utf8').replace(pin.excerpts[0]!.quote, 'The court says something else.'));

    await expect(createPinpoint({ knowledgeDir, dataDir })).rejects.toThrow('database or disk is full');
    // SQLite removes the write-ahead log when the last connection closes; an open one keeps it.
    expect(existsSync(join(dataDir, `${STATE_FILE}-wal`))).toBe(false);
  });

  it('keeps running when the disk is full and a question nobody could answer cannot be written down', async () => {
    // The core writes unanswered questions from a timer; an error there would end the process.
    const { code, lines, stderr } = await fullDisk('no-match');
    expect(lines[0]).toMatch(/^full SQLITE_(FULL|IOERR)/);
    expect(stderr).toBe('');
    expect(lines.slice(1)).toEqual([
      'warn could not write down unanswered questions; the no-match report will miss them',
      'alive',
      'closed',
    ]);
    expect(code).toBe(0);
  });

  it('answers when the disk is full and the answer cannot be kept for its buttons', async () => {
    // Adapters remember an answer before sending it: a failure there lost an answer the documents gave.
    const { code, lines, stderr } = await fullDisk('ask');
    expect(lines[0]).toMatch(/^full SQLITE_(FULL|IOERR)/);
    expect(stderr).toBe('');
    expect(lines.slice(1)).toEqual([
      'warn could not keep the answer for its buttons; they will say it expired',
      'answered excerpts, its buttons not kept',
      'closed',
    ]);
    expect(code).toBe(0);
  });

  it("shows an answer's next page when the disk is full and the page's passages cannot be kept", async () => {
    const { code, lines, stderr } = await fullDisk('more');
    expect(lines[0]).toMatch(/^full SQLITE_(FULL|IOERR)/);
    expect(stderr).toBe('');
    expect(lines.slice(1)).toEqual([
      "warn could not keep the passages of an answer's page; Pin under it will not check them",
      'next page excerpts',
      'closed',
    ]);
    expect(code).toBe(0);
  });

  it('keeps the previous index when a reload cannot mark the pins its edit made stale', async () => {
    // Serving the new documents next to a pin still marked current would show a quote they no longer hold.
    const { code, lines, stderr } = await fullDisk('reload');
    expect(lines[0]).toMatch(/^full SQLITE_(FULL|IOERR)/);
    expect(stderr).toBe('');
    expect(lines.slice(1)).toEqual([
      'error knowledge reload failed; the previous index keeps serving',
      `reloaded ${JSON.stringify({ ok: false, indexChanged: false, quoteServed: true, pinStale: false })}`,
      'closed',
    ]);
    expect(code).toBe(0);
  });
});
