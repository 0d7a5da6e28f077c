import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { PinpointError } from '../errors.js';
import type { Logger } from '../logger.js';
import { checkSchemaVersion, type Migration, migrate } from './migrations.js';

export type SqlValue = string | number | bigint | null;
export type SqlParams = Record<string, SqlValue> | SqlValue[];

/** The small SQL surface the state services use; better-sqlite3 stays behind it. */
export interface Store {
  /** The database file, or ':memory:'. */
  readonly file: string;
  run(sql: string, params?: SqlParams): { changes: number };
  get<T>(sql: string, params?: SqlParams): T | undefined;
  all<T>(sql: string, params?: SqlParams): T[];
  /** Runs `fn` in a write transaction taken up front (BEGIN IMMEDIATE), so concurrent writers wait on busy_timeout instead of failing. */
  write<T>(fn: () => T): T;
  close(): void;
}

export interface OpenStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  migrations: readonly Migration[];
  logger: Logger;
  /** How long a writer waits for another process's lock before failing. */
  busyTimeoutMs?: number;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (or creates) the state database. A file that is not a healthy SQLite database stops start-up
 * with STORE_CORRUPT and is never written to: the header, `quick_check` and the schema version
 * check run before any pragma that writes.
 */
export function openStore(options: OpenStoreOptions): Store {
  const { file, logger } = options;
  const memory = file === ':memory:';
  if (!memory && checkHeader(file) === 'missing') createPrivately(file);

  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw unavailable(file, error);
  }
  try {
    // busy_timeout first: it writes nothing and lets every later statement wait for another process.
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
    if (!memory) checkIntegrity(db, file);
    checkSchemaVersion(db, options.migrations, file);
    if (!memory) {
      const mode = switchToWal(db, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
      if (mode !== 'wal') logger.warn({ file, mode }, 'pinpoint: state database is not in WAL mode');
    }
    // FULL with WAL: every commit is fsynced, so an acknowledged pin survives a power loss, not only
    // a killed process (NORMAL would survive SIGKILL but may lose the last commits on power loss).
    // Writes here are human-paced (pins, feedback, one row per answer), so the extra fsync is cheap.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    const version = migrate(db, options.migrations, file);
    logger.info({ file, version }, 'pinpoint: state database open');
  } catch (error) {
    db.close();
    throw classify(file, error);
  }
  return wrap(db, file);
}

function wrap(db: Database.Database, file: string): Store {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const args = (params: SqlParams | undefined): unknown[] =>
    params === undefined ? [] : Array.isArray(params) ? params : [params];
  return {
    file,
    run: (sql, params) => ({ changes: prepare(sql).run(...args(params)).changes }),
    get: <T>(sql: string, params?: SqlParams) => prepare(sql).get(...args(params)) as T | undefined,
    all: <T>(sql: string, params?: SqlParams) => prepare(sql).all(...args(params)) as T[],
    write: <T>(fn: () => T): T => db.transaction(fn).immediate(),
    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Pause between attempts to switch the journal mode while another process holds the database. */
const WAL_RETRY_MS = 20;

/**
 * `journal_mode = WAL`, retried while another process holds a lock: unlike other statements, the switch
 * fails at once with SQLITE_BUSY instead of waiting on busy_timeout, so two processes opening a new
 * database together would otherwise fail to start.
 */
function switchToWal(db: Database.Database, timeoutMs: number): unknown {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return db.pragma('journal_mode = WAL', { simple: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAL_RETRY_MS);
    }
  }
}

/**
 * The database holds questions (private channels' too), pins and the salt that keeps voters' hashes from being
 * matched to user ids, so a new one is its owner's alone; SQLite gives its -wal and -shm files the same mode. An
 * existing file keeps the mode its operator gave it.
 */
function createPrivately(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    // Another process created it first: SQLite opens that one.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unavailable(file, error);
  }
}

/**
 * Reads the first 16 bytes without SQLite so a foreign file is refused before anything can touch it; 'missing'
 * when there is no file yet.
 */
function checkHeader(file: string): 'missing' | 'present' {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) {
      throw new PinpointError(
        'STORE_UNAVAILABLE',
        `pinpoint: state database ${file} is not a file; move it aside or set DATA_DIR to another folder`,
      );
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof PinpointError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw unavailable(file, error);
  }
  if (size === 0) return 'present';
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let read = 0;
  try {
    const fd = openSync(file, 'r');
    try {
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unavailable(file, error);
  }
  if (read < header.length || !header.equals(SQLITE_HEADER)) throw corrupt(file);
  return 'present';
}

function checkIntegrity(db: Database.Database, file: string): void {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const result = rows.map((row) => row.quick_check);
  if (result.length !== 1 || result[0] !== 'ok') throw corrupt(file, result.slice(0, 3).join('; '));
}

/**
 * A write the database could not take for want of room or access (a full disk, a lock held past busy_timeout, a file
 * made read-only), not one it refused: a refused write (a constraint) is a fault to surface, not to work around.
 */
export function isWriteUnavailable(error: unknown): boolean {
  return /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN)/.test(String((error as { code?: unknown }).code));
}

/** A failure of the state database at start-up as the message that names the file and the fix. */
export function classify(file: string, error: unknown): PinpointError {
  if (error instanceof PinpointError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return corrupt(file, String(error), error);
  // SQLite opens a file it may not write read-only, and says so only at the first write.
  if (code === 'SQLITE_READONLY') return readOnly(file, error);
  // Still locked after busy_timeout: the folder's permissions are fine, another process holds the file.
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return locked(file, error);
  return unavailable(file, error);
}

function readOnly(file: string, error: unknown): PinpointError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PinpointError(
    'STORE_UNAVAILABLE',
    `pinpoint: state database ${file} cannot be written (${reason}); ` +
      'make DATA_DIR and the files in it writable for the user Pinpoint runs as (a volume mounted read-only cannot hold pins), or set DATA_DIR to a writable folder',
    { cause: error },
  );
}

function locked(file: string, error: unknown): PinpointError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PinpointError(
    'STORE_UNAVAILABLE',
    `pinpoint: state database ${file} is locked by another process (${reason}); ` +
      'stop the other Pinpoint or program using DATA_DIR (one Pinpoint per DATA_DIR), or set DATA_DIR to another folder',
    { cause: error },
  );
}

function corrupt(file: string, detail?: string, cause?: unknown): PinpointError {
  return new PinpointError(
    'STORE_CORRUPT',
    `pinpoint: state database ${file} is corrupt or not a SQLite database${detail ? ` (${detail})` : ''}; ` +
      'it was left untouched: move it aside (it holds the pins) and restart to start a new one, ' +
      'or restore it from a backup',
    { cause },
  );
}

function unavailable(file: string, error: unknown): PinpointError {
  const reason = error instanceof Error ? error.message : String(error);
  return new PinpointError(
    'STORE_UNAVAILABLE',
    `pinpoint: cannot open state database ${file} (${reason}); check that DATA_DIR exists and is readable and writable`,
    { cause: error },
  );
}
