import type { Logger } from '../../src/index.js';

/** How often, at most, a repeated warning is logged again. */
const DEFAULT_INTERVAL_MS = 60_000;

export interface ThrottledWarningOptions {
  intervalMs?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

/**
 * A warning that anyone on the internet can trigger, such as a request with a bad signature. The first is
 * logged as it is (the line that shows an operator a wrong key), later ones at most once per interval with
 * how many came since the last line, so a flood of bad requests cannot flood the log. Each instance counts
 * on its own; nothing is logged when rejections stop (no timer to clean up at shutdown).
 */
export function throttledWarning(logger: Logger, message: string, options: ThrottledWarningOptions = {}): (fields: object) => void {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let lastLineAt: number | undefined;
  let since = 0;
  return (fields) => {
    const at = now();
    since += 1;
    if (lastLineAt === undefined) {
      logger.warn(fields, message);
    } else if (at - lastLineAt >= intervalMs) {
      const seconds = Math.round((at - lastLineAt) / 1000);
      logger.warn({ ...fields, rejected: since }, `${message} (${since} rejected in the last ${seconds} s)`);
    } else {
      return;
    }
    lastLineAt = at;
    since = 0;
  };
}
