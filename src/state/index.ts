import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PinpointError } from '../errors.js';
import { type Logger, silentLogger } from '../logger.js';
import type { Analyze } from '../pins/match.js';
import { createPinService, type PinStore } from '../pins/service.js';
import type { RateLimiter } from '../services.js';
import { type AnswerStore, createAnswerLog } from './answers.js';
import { createDeliveryLog, type DeliveryLog } from './deliveries.js';
import { createRateLimiter, type Rates } from './limits.js';
import { MIGRATIONS } from './migrations.js';
import { loadSalt } from './salt.js';
import { classify, openStore } from './store.js';

export { termSimilarity } from '../pins/match.js';
export { normalizeQuestion } from '../pins/normalize.js';
export { ANY_CHANNEL } from '../pins/service.js';
export { DEFAULT_ANSWER_RETENTION_DAYS, NO_MATCH_QUESTIONS_PER_SERVER, QUESTION_TTL_MS, type NoMatchEntry } from './answers.js';
export { createRateLimiter, DEFAULT_RATES, type Rates } from './limits.js';
export { formatNoMatchReport } from './report.js';

/** The state file inside DATA_DIR. */
export const STATE_FILE = 'pinpoint.db';
/** Pass as `dataDir` to keep everything in memory (tests, one-shot CLI runs). */
export const IN_MEMORY = ':memory:';

export interface StateOptions {
  /** DATA_DIR (created if missing), or ':memory:'. */
  dataDir: string;
  /** The search analyzer's terms for a text; pins match questions by it. */
  analyze: Analyze;
  logger?: Logger;
  rates?: Rates;
  /** Clock for timestamps, answer expiry and cooldowns (tests inject one). */
  now?: () => Date;
  busyTimeoutMs?: number;
  questionTtlMs?: number;
  /** ANSWER_RETENTION_DAYS: days an unpinned answer's row is kept. */
  answerRetentionDays?: number;
}

export interface State {
  /** The database file, or ':memory:'. */
  readonly file: string;
  readonly pins: PinStore;
  readonly limits: RateLimiter;
  readonly answers: AnswerStore & DeliveryLog;
  close(): void;
}

/** Opens the state database (migrating it) and builds the pin, answer and cooldown services on it. */
export function createState(options: StateOptions): State {
  const logger = (options.logger ?? silentLogger).child({ component: 'state' });
  const now = options.now ?? (() => new Date());
  const file = options.dataDir === IN_MEMORY ? IN_MEMORY : join(options.dataDir, STATE_FILE);
  if (file !== IN_MEMORY) {
    try {
      mkdirSync(options.dataDir, { recursive: true });
    } catch (error) {
      throw new PinpointError(
        'STORE_UNAVAILABLE',
        `pinpoint: cannot create DATA_DIR ${options.dataDir} (${(error as Error).message}); set DATA_DIR to a writable folder`,
        { cause: error },
      );
    }
  }
  const store = openStore({
    file,
    migrations: MIGRATIONS,
    logger,
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
  });
  try {
    const salt = loadSalt(store);
    return {
      file,
      pins: createPinService({ store, analyze: options.analyze, logger, now }),
      limits: createRateLimiter({ ...(options.rates ? { rates: options.rates } : {}), now: () => now().getTime() }),
      answers: {
        ...createAnswerLog({
          store,
          salt,
          logger,
          now,
          ...(options.questionTtlMs === undefined ? {} : { questionTtlMs: options.questionTtlMs }),
          ...(options.answerRetentionDays === undefined ? {} : { answerRetentionDays: options.answerRetentionDays }),
        }),
        ...createDeliveryLog({ store, now }),
      },
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    // The salt is the first write: a database SQLite could open only read-only fails there, in SQLite's words.
    throw String((error as { code?: unknown }).code).startsWith('SQLITE_') ? classify(file, error) : error;
  }
}
