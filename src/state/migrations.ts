import type Database from 'better-sqlite3';
import { PinpointError } from '../errors.js';

/** One schema step; `version` n moves `PRAGMA user_version` from n-1 to n. Never edit a shipped step: add one. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'pins',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE pins (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        server TEXT NOT NULL,
        channel TEXT NOT NULL,
        question TEXT NOT NULL,
        normalized_question TEXT NOT NULL,
        excerpts TEXT NOT NULL,
        pinned_by TEXT NOT NULL,
        pinned_at TEXT NOT NULL,
        message_ref TEXT,
        stale INTEGER NOT NULL DEFAULT 0,
        stale_since TEXT
      ) STRICT;
      CREATE INDEX pins_scope ON pins (platform, server, channel);
    `,
  },
  {
    version: 2,
    name: 'answers, feedback and no-match questions',
    sql: `
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        question TEXT,
        platform TEXT,
        server TEXT,
        channel TEXT,
        kind TEXT NOT NULL,
        passage_ids TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX answers_expiry ON answers (expires_at) WHERE question IS NOT NULL;
      CREATE TABLE feedback (
        answer_id TEXT NOT NULL REFERENCES answers (id),
        user_hash TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        voted_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_hash)
      ) STRICT;
      CREATE TABLE no_match (
        normalized TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        count INTEGER NOT NULL,
        first_asked TEXT NOT NULL,
        last_asked TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'no-match per server',
    // A community's unanswered questions are its own: moderators of one server must not read another's.
    // Rows from before the split keep an empty scope; only the whole-bot report (npm run report) lists them.
    sql: `
      CREATE TABLE no_match_by_server (
        platform TEXT NOT NULL,
        server TEXT NOT NULL,
        normalized TEXT NOT NULL,
        question TEXT NOT NULL,
        count INTEGER NOT NULL,
        first_asked TEXT NOT NULL,
        last_asked TEXT NOT NULL,
        PRIMARY KEY (platform, server, normalized)
      ) STRICT;
      INSERT INTO no_match_by_server SELECT '', '', normalized, question, count, first_asked, last_asked FROM no_match;
      DROP TABLE no_match;
    `,
  },
  {
    version: 4,
    name: 'the answer a pin was made from',
    // While pinned, the answer's question is kept past its expiry: the pinned message's buttons need it.
    sql: `
      ALTER TABLE pins ADD COLUMN answer_id TEXT;
      CREATE INDEX pins_answer ON pins (answer_id) WHERE answer_id IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'the page of the answer a pin was made from',
    // Pin pressed again on the answer page a channel has pinned already says so instead of posting a second
    // copy. Pins from before keep NULL: their page is unknown, so pressing Pin on them pins again as it did.
    sql: `
      ALTER TABLE pins ADD COLUMN answer_offset INTEGER;
    `,
  },
  {
    version: 6,
    name: 'the passages of the later pages of an answer',
    // Pin on a More page checks that page's passages as Pin on the first page checks answers.passage_ids. Pages
    // shown before have no row: their passages are unknown, so Pin on them pins unchecked as it did.
    sql: `
      CREATE TABLE answer_pages (
        answer_id TEXT NOT NULL REFERENCES answers (id),
        answer_offset INTEGER NOT NULL,
        passage_ids TEXT NOT NULL,
        PRIMARY KEY (answer_id, answer_offset)
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'the channel of each unanswered question',
    // A Slack workspace's moderators see the questions of its public channels only: one asked in a private channel
    // or a direct message is the asker's business. Rows from before carry an empty channel: where they were asked is
    // unknown, so only the operator's report (npm run report) and Discord's /report to administrators show them.
    sql: `
      CREATE TABLE no_match_by_channel (
        platform TEXT NOT NULL,
        server TEXT NOT NULL,
        channel TEXT NOT NULL,
        normalized TEXT NOT NULL,
        question TEXT NOT NULL,
        count INTEGER NOT NULL,
        first_asked TEXT NOT NULL,
        last_asked TEXT NOT NULL,
        PRIMARY KEY (platform, server, channel, normalized)
      ) STRICT;
      INSERT INTO no_match_by_channel
        SELECT platform, server, '', normalized, question, count, first_asked, last_asked FROM no_match_by_server;
      DROP TABLE no_match_by_server;
    `,
  },
  {
    version: 8,
    name: 'the age of each answer',
    // Answers older than ANSWER_RETENTION_DAYS are deleted a few at a time as new ones come: found by age, not by
    // reading the whole table each time.
    sql: `
      CREATE INDEX answers_created ON answers (created_at);
    `,
  },
  {
    version: 9,
    name: 'the messages answered',
    // A chat message is answered once: Slack's retries of its event and the events of its later edits find its key
    // here, after a restart too. Keys expire (DELIVERY_MEMORY_MS) and hold no text, only platform ids.
    sql: `
      CREATE TABLE deliveries (
        key TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX deliveries_seen ON deliveries (seen_at);
    `,
  },
];

/** Refuses a database from a newer Pinpoint; runs before anything writes, so such a file is left as it was. */
export function checkSchemaVersion(db: Database.Database, migrations: readonly Migration[], file: string): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new PinpointError(
      'STORE_UNAVAILABLE',
      `pinpoint: state database ${file} has schema version ${version} but this Pinpoint knows up to ${migrations.length}; ` +
        'upgrade Pinpoint or set DATA_DIR to another folder',
    );
  }
  return version;
}

/**
 * Brings the schema to the last migration inside one IMMEDIATE transaction, re-reading the version
 * under the lock so two processes starting together migrate once. Returns the schema version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
  const latest = migrations.length;
  if (checkSchemaVersion(db, migrations, file) === latest) return latest;
  db.transaction(() => {
    const current = checkSchemaVersion(db, migrations, file);
    for (const migration of migrations.slice(current)) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return latest;
}
