import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

const LEVELS: Record<string, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** Bolt and the Socket Mode client log through our logger (they expect @slack/logger's shape). */
export function toBoltLogger(logger: Logger, level = 'info'): BoltLogger {
  let current = LEVELS[level] ?? LogLevel.INFO;
  let name = 'bolt';
  const line = (parts: unknown[]): string => parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ');
  return {
    debug: (...msg) => logger.debug({ lib: name }, line(msg)),
    // Bolt's info lines are lifecycle chatter; keep them out of the info stream.
    info: (...msg) => logger.debug({ lib: name }, line(msg)),
    warn: (...msg) => logger.warn({ lib: name }, line(msg)),
    error: (...msg) => logger.error({ lib: name }, line(msg)),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next) => {
      name = next;
    },
  };
}
