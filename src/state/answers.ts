import { PinpointError } from '../errors.js';
import type { Logger } from '../logger.js';
import { normalizeQuestion } from '../pins/normalize.js';
import type { AnswerLog, RememberedAnswer } from '../services.js';
import type { Answer, PinScope } from '../types.js';
import { shortId } from './ids.js';
import { hashUser } from './salt.js';
import { isWriteUnavailable, type Store } from './store.js';

/**
 * How long a remembered answer keeps its question. The More and Context buttons re-run the question,
 * so it has to be stored; after this it is erased (the row stays for its feedback, see ANSWER_RETENTION_DAYS)
 * and the buttons say the answer expired, unless the answer is pinned. Question text is otherwise kept only for
 * pins and the no-match report.
 */
export const QUESTION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Days an answer's row (its id, passages and votes) is kept after it was given, unless it is pinned: without an
 * end the log grows by a row per question for as long as the bot runs. ANSWER_RETENTION_DAYS sets it.
 */
export const DEFAULT_ANSWER_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Old rows deleted per answer remembered at most: a large backlog drains a little at a time, never in one long lock. */
const OLD_ANSWERS_PER_SWEEP = 100;

export const DEFAULT_REPORT_LIMIT = 10;

/**
 * Unanswered questions kept per server, the most asked and latest first: enough for any report, and a flood of
 * distinct questions (an abuse attempt in a public channel) cannot grow the database without end.
 */
export const NO_MATCH_QUESTIONS_PER_SERVER = 1000;

/** The answer is pinned: its question outlives the expiry for the pinned message's buttons (the pin keeps it anyway). */
const PINNED = 'EXISTS (SELECT 1 FROM pins WHERE pins.answer_id = answers.id)';

/** A Discord server or a Slack workspace. */
export interface ServerScope {
  platform: string;
  server: string;
}

/** A server's unanswered questions, or (with `channels`) only those asked in these channels. */
export interface NoMatchScope extends ServerScope {
  channels?: readonly string[];
}

export interface NoMatchEntry {
  question: string;
  count: number;
  lastAsked: string;
  /** Words of the question the documents never use (filled in by the core, which has the documents). */
  missingWords?: string[];
}

/** The answer log but for its deliveries (deliveries.ts). */
export interface AnswerStore extends Omit<AnswerLog, 'firstDelivery'> {
  /** Counts a question that got `no-match` in its channel, grouped by its normalised form; the latest phrasing is kept. */
  recordNoMatch(question: string, scope?: ServerScope & { channel?: string }): void;
  /** `offset`: entries of the list to skip (a next page). */
  noMatchReport(limit?: number, scope?: NoMatchScope, offset?: number): NoMatchEntry[];
  /** The channels a server's unanswered questions were asked in ("" for those kept before channels were). */
  noMatchChannels(scope: ServerScope): string[];
  /** How many of a server's unanswered questions were never asked in any of `channels`. */
  noMatchLeftOut(scope: ServerScope, channels: readonly string[]): number;
  /** Votes recorded for one answer (one per user; a user's later vote replaces the earlier one). */
  feedbackCounts(answerId: string): { up: number; down: number };
}

export interface AnswerLogOptions {
  store: Store;
  salt: string;
  logger: Logger;
  now: () => Date;
  questionTtlMs?: number;
  /** Days an unpinned answer's row is kept (default DEFAULT_ANSWER_RETENTION_DAYS). */
  answerRetentionDays?: number;
}

interface AnswerRow {
  id: string;
  question: string;
  platform: string | null;
  server: string | null;
  channel: string | null;
  created_at: string;
  passage_ids: string;
}

export function createAnswerLog(options: AnswerLogOptions): AnswerStore {
  const { store, salt, logger, now } = options;
  const ttl = options.questionTtlMs ?? QUESTION_TTL_MS;

  /**
   * Erases every question expired at `at`, however many: a bound would keep some past the promised QUESTION_TTL_MS.
   * Run on each answer remembered, that is the few expired since the last one; a stopped bot's backlog goes at start-up.
   */
  const forgetExpired = (at: string): void => {
    // The pages go with the question: without it their buttons only say the answer expired.
    store.run(
      `DELETE FROM answer_pages WHERE answer_id IN
         (SELECT id FROM answers WHERE question IS NOT NULL AND expires_at <= ? AND NOT (${PINNED}))`,
      [at],
    );
    const { changes } = store.run(
      `UPDATE answers SET question = NULL WHERE question IS NOT NULL AND expires_at <= ? AND NOT (${PINNED})`,
      [at],
    );
    if (changes > 0) logger.debug({ erased: changes }, 'pinpoint: erased expired answer questions');
  };

  const retentionMs = (options.answerRetentionDays ?? DEFAULT_ANSWER_RETENTION_DAYS) * DAY_MS;

  /** Deletes the oldest unpinned answers created at or before `before`, with their votes and pages (which refer to them). */
  const forgetOld = (before: string): void => {
    // Found once: on most answers there is none, and one indexed look is all it costs.
    const ids = store
      .all<{ id: string }>(`SELECT id FROM answers WHERE created_at <= ? AND NOT (${PINNED}) ORDER BY created_at, id LIMIT ${OLD_ANSWERS_PER_SWEEP}`, [before])
      .map((row) => row.id);
    if (ids.length === 0) return;
    const list = ids.map(() => '?').join(', ');
    store.run(`DELETE FROM feedback WHERE answer_id IN (${list})`, ids);
    store.run(`DELETE FROM answer_pages WHERE answer_id IN (${list})`, ids);
    const { changes } = store.run(`DELETE FROM answers WHERE id IN (${list})`, ids);
    logger.debug({ deleted: changes }, 'pinpoint: deleted answers past their retention');
  };

  const remember = (question: string, answer: Answer, scope?: PinScope): RememberedAnswer => {
    const created = now();
    const createdAt = created.toISOString();
    const id = shortId(10);
    const passageIds = passageIdsOf(answer);
    try {
      store.write(() => {
        forgetExpired(createdAt);
        forgetOld(new Date(created.getTime() - retentionMs).toISOString());
        store.run(
          `INSERT INTO answers (id, question, platform, server, channel, kind, passage_ids, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            question,
            scope?.platform ?? null,
            scope?.server ?? null,
            scope?.channel ?? null,
            answer.kind,
            JSON.stringify(passageIds),
            createdAt,
            new Date(created.getTime() + ttl).toISOString(),
          ],
        );
      });
    } catch (error) {
      // A full disk or a lock held too long: the answer is sent all the same, as the documents gave it; only its
      // buttons, which find nothing under its id, say it expired. Refusing it would lose what nothing else needs.
      if (!isWriteUnavailable(error)) throw error;
      logger.warn({ err: error }, 'could not keep the answer for its buttons; they will say it expired');
    }
    return { id, question, ...(scope ? { scope: { ...scope } } : {}), createdAt, passageIds };
  };

  const get = (id: string): RememberedAnswer | undefined => {
    const row = store.get<AnswerRow>(
      `SELECT id, question, platform, server, channel, created_at, passage_ids FROM answers
       WHERE id = ? AND question IS NOT NULL AND (expires_at > ? OR ${PINNED})`,
      [id, now().toISOString()],
    );
    if (!row) return undefined;
    const scope =
      row.platform !== null && row.server !== null && row.channel !== null
        ? { scope: { platform: row.platform, server: row.server, channel: row.channel } }
        : {};
    return { id: row.id, question: row.question, ...scope, createdAt: row.created_at, passageIds: JSON.parse(row.passage_ids) as string[] };
  };

  const rememberPage = (answerId: string, offset: number, answer: Answer): void => {
    if (offset === 0) return;
    // The first showing counts: a page shown again after a reload may quote other passages than the message
    // Pin is pressed under, and then the check refuses (ask again) rather than pin what nobody read.
    try {
      store.run(
        `INSERT INTO answer_pages (answer_id, answer_offset, passage_ids)
         SELECT id, ?, ? FROM answers WHERE id = ? AND question IS NOT NULL
         ON CONFLICT (answer_id, answer_offset) DO NOTHING`,
        [offset, JSON.stringify(passageIdsOf(answer)), answerId],
      );
    } catch (error) {
      // A full disk: the page is shown all the same, as a page from before pages were kept is (Pin goes unchecked).
      if (!isWriteUnavailable(error)) throw error;
      logger.warn({ err: error }, "could not keep the passages of an answer's page; Pin under it will not check them");
    }
  };

  const pagePassageIds = (answerId: string, offset: number): string[] | undefined => {
    const row =
      offset === 0
        ? store.get<{ passage_ids: string }>('SELECT passage_ids FROM answers WHERE id = ?', [answerId])
        : store.get<{ passage_ids: string }>('SELECT passage_ids FROM answer_pages WHERE answer_id = ? AND answer_offset = ?', [answerId, offset]);
    return row ? (JSON.parse(row.passage_ids) as string[]) : undefined;
  };

  const feedback = (answerId: string, user: { platform: string; id: string }, vote: 'up' | 'down'): void => {
    if (vote !== 'up' && vote !== 'down') {
      throw new PinpointError('INPUT_INVALID', `pinpoint: vote "${String(vote)}" is not "up" or "down"`);
    }
    store.write(() => {
      if (!store.get('SELECT 1 FROM answers WHERE id = ?', [answerId])) {
        throw new PinpointError('NOT_FOUND', `pinpoint: answer ${answerId} is unknown; ask the question again to vote`);
      }
      store.run(
        `INSERT INTO feedback (answer_id, user_hash, vote, voted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
        [answerId, hashUser(salt, user.platform, user.id), vote, now().toISOString()],
      );
    });
  };

  const feedbackCounts = (answerId: string): { up: number; down: number } => {
    const row = store.get<{ up: number | null; down: number | null }>(
      `SELECT SUM(vote = 'up') AS up, SUM(vote = 'down') AS down FROM feedback WHERE answer_id = ?`,
      [answerId],
    );
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  };

  const recordNoMatch = (question: string, scope?: ServerScope & { channel?: string }): void => {
    const normalized = normalizeQuestion(question);
    if (normalized === '') return;
    const at = now().toISOString();
    const server = [scope?.platform ?? '', scope?.server ?? ''];
    store.write(() => {
      store.run(
        `INSERT INTO no_match_by_channel (platform, server, channel, normalized, question, count, first_asked, last_asked)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (platform, server, channel, normalized) DO UPDATE SET
           count = count + 1, question = excluded.question, last_asked = excluded.last_asked`,
        [...server, scope?.channel ?? '', normalized, question.trim(), at, at],
      );
      store.run(
        `DELETE FROM no_match_by_channel WHERE rowid IN (
           SELECT rowid FROM no_match_by_channel WHERE platform = ? AND server = ?
           ORDER BY count DESC, last_asked DESC LIMIT -1 OFFSET ?)`,
        [...server, NO_MATCH_QUESTIONS_PER_SERVER],
      );
    });
  };

  /**
   * One server's unanswered questions (with `channels`, only what was asked in those), or (without a scope: the
   * operator's CLI) the whole bot's; a question asked in several channels or servers is one entry.
   */
  const noMatchReport = (limit = DEFAULT_REPORT_LIMIT, scope?: NoMatchScope, offset = 0): NoMatchEntry[] => {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: report limit ${limit} is not a whole number of at least 1`);
    }
    if (!Number.isInteger(offset) || offset < 0) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: report offset ${offset} is not a whole number of at least 0`);
    }
    const where = scope ? rowsOf(scope) : { sql: '1', params: [] };
    // With max() the only min/max aggregate, SQLite takes the bare `question` from the row asked last: the latest
    // phrasing (max(question) picked the alphabetically last one). Ties are ordered too, so pages neither repeat
    // nor skip a question.
    return store
      .all<{ question: string; count: number; last_asked: string }>(
        `SELECT question, sum(count) AS count, max(last_asked) AS last_asked FROM no_match_by_channel WHERE ${where.sql}
         GROUP BY normalized ORDER BY count DESC, last_asked DESC, normalized LIMIT ? OFFSET ?`,
        [...where.params, limit, offset],
      )
      .map((row) => ({ question: row.question, count: row.count, lastAsked: row.last_asked }));
  };

  const noMatchChannels = (scope: ServerScope): string[] =>
    store
      .all<{ channel: string }>('SELECT DISTINCT channel FROM no_match_by_channel WHERE platform = ? AND server = ? ORDER BY channel', [
        scope.platform,
        scope.server,
      ])
      .map((row) => row.channel);

  const noMatchLeftOut = (scope: ServerScope, channels: readonly string[]): number => {
    const shown = rowsOf({ ...scope, channels });
    const row = store.get<{ n: number }>(
      `SELECT count(DISTINCT normalized) AS n FROM no_match_by_channel WHERE platform = ? AND server = ?
       AND normalized NOT IN (SELECT normalized FROM no_match_by_channel WHERE ${shown.sql})`,
      [scope.platform, scope.server, ...shown.params],
    );
    return row?.n ?? 0;
  };

  // What expired while the bot was stopped (a week's answers after a long downtime) is erased now, before it takes
  // questions, rather than in the first asker's answer; a refused write leaves it to that answer.
  try {
    store.write(() => forgetExpired(now().toISOString()));
  } catch (error) {
    if (!isWriteUnavailable(error)) throw error;
    logger.warn({ err: error }, 'could not erase the expired questions at start-up; the next answer will');
  }

  return {
    remember,
    get,
    rememberPage,
    pagePassageIds,
    feedback,
    feedbackCounts,
    recordNoMatch,
    noMatchReport,
    noMatchChannels,
    noMatchLeftOut,
  };
}

/** The WHERE clause of a server's no-match rows, or of those asked in `scope.channels` (none: no row). */
function rowsOf(scope: NoMatchScope): { sql: string; params: string[] } {
  const server = { sql: 'platform = ? AND server = ?', params: [scope.platform, scope.server] };
  if (scope.channels === undefined) return server;
  // At most NO_MATCH_QUESTIONS_PER_SERVER channels hold a server's rows: far below SQLite's limit of parameters.
  const marks = scope.channels.map(() => '?').join(', ');
  return { sql: `${server.sql} AND channel IN (${marks})`, params: [...server.params, ...scope.channels] };
}

function passageIdsOf(answer: Answer): string[] {
  return answer.kind === 'excerpts' ? answer.excerpts.map((excerpt) => excerpt.passageId) : [];
}
