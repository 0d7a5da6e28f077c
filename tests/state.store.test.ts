import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PinpointError } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import { createState, STATE_FILE } from '../src/state/index.js';
import { MIGRATIONS } from '../src/state/migrations.js';
import { openStore } from '../src/state/store.js';
import { excerptAnswer } from './fixtures/state/build.js';

const TEXT = 'The court granted the motion to dismiss with leave to amend.';
const scope = { platform: 'discord', server: 'guild-1', channel: 'general' };

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinpoint-store-'));
  file = join(dir, STATE_FILE);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function open(dataDir = dir) {
  return createState({ dataDir, analyze: (text) => text.split(/\s+/) });
}

function pinOne(state: ReturnType<typeof open>, question = 'What was granted?') {
  return state.pins.pin({
    scope,
    question,
    answer: excerptAnswer(question, [{ docId: 'order', text: TEXT, quote: 'granted the motion' }]),
    pinnedBy: 'U1',
  }).pin;
}

/** Whether this machine lets the tests mark a file immutable (root on a file system with the attribute). */
function canMakeImmutable(): boolean {
  const probe = join(mkdtempSync(join(tmpdir(), 'pinpoint-chattr-')), 'probe');
  writeFileSync(probe, '');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dirname(probe), { recursive: true, force: true });
  }
}

function startupError(dataDir = dir): PinpointError {
  try {
    open(dataDir).close();
  } catch (error) {
    if (error instanceof PinpointError) return error;
    throw error;
  }
  throw new Error('expected start-up to fail');
}

function makeDatabaseWithPins(): Buffer {
  const state = open();
  for (let i = 0; i < 40; i++) pinOne(state, `question number ${i} ${'padding '.repeat(40)}`);
  state.close();
  return readFileSync(file);
}

describe('createState store', () => {
  it('creates DATA_DIR and a WAL database with FULL sync, a busy timeout and the latest schema', () => {
    const dataDir = join(dir, 'nested', 'data');
    const state = open(dataDir);
    pinOne(state);
    const db = new Database(join(dataDir, STATE_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    expect(state.file).toBe(join(dataDir, STATE_FILE));
    state.close();
  });

  it('creates the database and its WAL readable by its owner alone: it holds questions, pins and the user-id salt', () => {
    const state = open();
    pinOne(state);
    for (const created of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(created).mode & 0o777).toBe(0o600);
    state.close();
  });

  it('leaves the permissions of a database it did not create as they are', () => {
    open().close();
    chmodSync(file, 0o640);
    open().close();
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('keeps pins across a restart and migrates only once', () => {
    const first = open();
    const pin = pinOne(first);
    first.close();
    const second = open();
    expect(second.pins.list(scope)).toEqual([pin]);
    second.close();
  });

  it('upgrades a database at an older schema version and keeps its pins', () => {
    const old = openStore({ file, migrations: MIGRATIONS.slice(0, 1), logger: silentLogger });
    old.run(
      `INSERT INTO pins (id, platform, server, channel, question, normalized_question, excerpts, pinned_by, pinned_at)
       VALUES ('old1', 'discord', 'guild-1', 'general', 'Old?', 'old', '[]', 'U1', '2025-01-01T00:00:00.000Z')`,
    );
    old.close();
    const state = open();
    expect(state.pins.list(scope).map((pin) => pin.id)).toEqual(['old1']);
    state.answers.recordNoMatch('works after upgrade');
    expect(state.answers.noMatchReport()).toHaveLength(1);
    state.close();
  });

  it('upgrades a schema 5 database: its answers keep their first page, later pages are kept from then on', () => {
    const old = openStore({ file, migrations: MIGRATIONS.slice(0, 5), logger: silentLogger });
    old.run(
      `INSERT INTO answers (id, question, platform, server, channel, kind, passage_ids, created_at, expires_at)
       VALUES ('old-answer', 'What was granted?', 'discord', 'guild-1', 'general', 'excerpts', '["p1","p2","p3"]',
               '2999-01-01T00:00:00.000Z', '2999-01-08T00:00:00.000Z')`,
    );
    old.close();
    const state = open();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    expect(state.answers.pagePassageIds('old-answer', 0)).toEqual(['p1', 'p2', 'p3']);
    // A More page shown before the upgrade has no record: Pin under it goes unchecked, as it did.
    expect(state.answers.pagePassageIds('old-answer', 3)).toBeUndefined();
    state.answers.rememberPage('old-answer', 3, excerptAnswer('What was granted?', [{ docId: 'order', text: TEXT, quote: 'granted the motion' }]));
    expect(state.answers.pagePassageIds('old-answer', 3)).toEqual(['order#1']);
    state.close();
  });

  it('upgrades a schema 6 database: its unanswered questions stay in the reports, with no channel to show them by', () => {
    const old = openStore({ file, migrations: MIGRATIONS.slice(0, 6), logger: silentLogger });
    old.run(
      `INSERT INTO no_match_by_server (platform, server, normalized, question, count, first_asked, last_asked)
       VALUES ('slack', 'T1', 'who is the bailiff', 'Who is the bailiff?', 3, '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z')`,
    );
    old.close();
    const state = open();
    const server = { platform: 'slack', server: 'T1' };
    const entry = { question: 'Who is the bailiff?', count: 3, lastAsked: '2026-01-02T00:00:00.000Z' };
    expect(state.answers.noMatchReport()).toEqual([entry]);
    expect(state.answers.noMatchReport(10, server)).toEqual([entry]);
    // Where it was asked is unknown: a report of some channels leaves it out, and counts it.
    expect(state.answers.noMatchChannels(server)).toEqual(['']);
    expect(state.answers.noMatchReport(10, { ...server, channels: ['C0PUBLIC'] })).toEqual([]);
    expect(state.answers.noMatchLeftOut(server, ['C0PUBLIC'])).toBe(1);
    state.answers.recordNoMatch('who is the bailiff', { ...server, channel: 'C0PUBLIC' });
    expect(state.answers.noMatchReport(10, server).map((e) => e.count)).toEqual([4]);
    state.close();
  });

  it('applies settings pragmas on every connection', () => {
    const store = openStore({ file, migrations: MIGRATIONS, logger: silentLogger, busyTimeoutMs: 1234 });
    expect(store.get<{ timeout: number }>('PRAGMA busy_timeout')).toEqual({ timeout: 1234 });
    expect(store.get<{ synchronous: number }>('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    store.close();
  });

  it('stops with STORE_CORRUPT naming the file and leaves a garbage file untouched', () => {
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256));
    writeFileSync(file, garbage);
    const error = startupError();
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toBe(
      `pinpoint: state database ${file} is corrupt or not a SQLite database; it was left untouched: ` +
        'move it aside (it holds the pins) and restart to start a new one, or restore it from a backup',
    );
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });

  it('stops with STORE_CORRUPT when a SQLite file has damaged pages, and leaves it untouched', () => {
    const healthy = makeDatabaseWithPins();
    const damaged = Buffer.from(healthy);
    const pageSize = damaged.readUInt16BE(16);
    expect(damaged.length).toBeGreaterThanOrEqual(pageSize * 3);
    damaged.fill(0xa5, pageSize, pageSize * 3);
    writeFileSync(file, damaged);
    const error = startupError();
    expect(error.code).toBe('STORE_CORRUPT');
    expect(error.message).toBe(
      `pinpoint: state database ${file} is corrupt or not a SQLite database (SqliteError: database disk image is malformed); ` +
        'it was left untouched: move it aside (it holds the pins) and restart to start a new one, or restore it from a backup',
    );
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('stops with STORE_UNAVAILABLE when the database path is a folder', () => {
    mkdirSync(file);
    const error = startupError();
    expect([error.code, error.message]).toEqual([
      'STORE_UNAVAILABLE',
      `pinpoint: state database ${file} is not a file; move it aside or set DATA_DIR to another folder`,
    ]);
  });

  it('stops with STORE_UNAVAILABLE when DATA_DIR cannot be created', () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, 'a file where a folder should be');
    const error = startupError(join(blocker, 'data'));
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toMatch(
      new RegExp(`^pinpoint: cannot create DATA_DIR ${join(blocker, 'data')} \\(.*\\); set DATA_DIR to a writable folder$`),
    );
  });

  it('stops with STORE_UNAVAILABLE naming the lock, not the permissions, when another process holds the database', () => {
    open().close();
    const holder = new Database(file);
    holder.pragma('journal_mode = DELETE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      let error: unknown;
      try {
        createState({ dataDir: dir, analyze: (text) => text.split(/\s+/), busyTimeoutMs: 50 }).close();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(PinpointError);
      expect([(error as PinpointError).code, (error as PinpointError).message]).toEqual([
        'STORE_UNAVAILABLE',
        `pinpoint: state database ${file} is locked by another process (database is locked); ` +
          'stop the other Pinpoint or program using DATA_DIR (one Pinpoint per DATA_DIR), or set DATA_DIR to another folder',
      ]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  // Root writes through file permissions; an immutable file (chattr +i, ext4 and the like) it may not write either.
  it.skipIf(!canMakeImmutable())('stops with STORE_UNAVAILABLE naming the file and the fix when the database cannot be written', () => {
    open().close();
    const before = readFileSync(file);
    execFileSync('chattr', ['+i', file]);
    try {
      const error = startupError();
      expect([error.code, error.message]).toEqual([
        'STORE_UNAVAILABLE',
        `pinpoint: state database ${file} cannot be written (attempt to write a readonly database); ` +
          'make DATA_DIR and the files in it writable for the user Pinpoint runs as (a volume mounted read-only cannot hold pins), or set DATA_DIR to a writable folder',
      ]);
    } finally {
      execFileSync('chattr', ['-i', file]);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer Pinpoint without changing it', () => {
    open().close();
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(file);
    const error = startupError();
    expect([error.code, error.message]).toEqual([
      'STORE_UNAVAILABLE',
      `pinpoint: state database ${file} has schema version 99 but this Pinpoint knows up to ${MIGRATIONS.length}; ` +
        'upgrade Pinpoint or set DATA_DIR to another folder',
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('opens an empty file as a new database', () => {
    writeFileSync(file, '');
    const state = open();
    expect(pinOne(state).id).toMatch(/^[0-9a-z]{8}$/);
    state.close();
  });
});
