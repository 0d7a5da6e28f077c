import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../src/index.js';
import { errorSummary } from './moderators.js';
import { isTransientInitError } from './startup.js';

/** auth.test attempts at start-up: with the wait doubling from 1 s, a blip of about 15 s is waited out. */
export const INIT_ATTEMPTS = 5;

export interface InitRetryOptions {
  logger: Logger;
  /** The wait after the first failure, doubled after each one. */
  delayMs: number;
  /** Aborted when the adapter stops: the wait ends and the last failure is thrown. */
  signal: AbortSignal;
  reportError?: ((kind?: string) => void) | undefined;
}

/**
 * Bolt's initialisation (its auth.test) with a few retries: a network blip, a 5xx or a rate limit while the bot
 * starts must not stop the process. A refused token, and anything else Slack does not call temporary, fails at once.
 */
export async function initWithRetries(init: () => Promise<void>, options: InitRetryOptions): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await init();
      return;
    } catch (error) {
      if (attempt >= INIT_ATTEMPTS || options.signal.aborted || !isTransientInitError(error)) throw error;
      const waitMs = Math.max(options.delayMs * 2 ** (attempt - 1), retryAfterMs(error));
      options.reportError?.('start');
      options.logger.warn(
        { err: errorSummary(error), attempt, attempts: INIT_ATTEMPTS, waitMs },
        'slack: auth.test failed at start-up; trying again',
      );
      await sleep(waitMs, undefined, { signal: options.signal }).catch(() => undefined);
      if (options.signal.aborted) throw error;
    }
  }
}

/** The wait a rate-limited answer asks for (Retry-After, in seconds), else 0. */
function retryAfterMs(error: unknown): number {
  const seconds = (error as { retryAfter?: unknown } | undefined)?.retryAfter;
  return typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : 0;
}
