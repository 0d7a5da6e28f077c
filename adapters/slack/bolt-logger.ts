import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.js';

const LEVELS: Record<string, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/**
 * One entry from what a Bolt logger call was given. @slack/logger prints objects whole, and Bolt passes some
 * ("Slack API error: …", error): text makes the message, an error and any other object go in fields, where our
 * logger scrubs them like every other entry's, rather than into the message as "[object Object]".
 */
function entryOf(parts: unknown[], lib: string): { fields: Record<string, unknown>; message: string } {
  const words: string[] = [];
  const details: unknown[] = [];
  let err: Error | undefined;
  for (const part of parts) {
    if (part instanceof Error && err === undefined) err = part;
    else if (typeof part === 'object' && part !== null) details.push(part);
    else words.push(String(part));
  }
  const fields: Record<string, unknown> = { lib };
  if (err !== undefined) fields.err = err;
  if (details.length > 0) fields.details = details;
  // An error logged alone is its own message.
  return { fields, message: words.length > 0 ? words.join(' ') : (err?.message ?? '') };
}

/** Bolt and the Socket Mode client log through our logger (they expect @slack/logger's shape). */
export function toBoltLogger(logger: Logger, level = 'info'): BoltLogger {
  let current = LEVELS[level] ?? LogLevel.INFO;
  let name = 'bolt';
  const write = (to: 'debug' | 'warn' | 'error', parts: unknown[]): void => {
    const { fields, message } = entryOf(parts, name);
    logger[to](fields, message);
  };
  return {
    debug: (...msg) => write('debug', msg),
    // Bolt's info lines are lifecycle chatter; keep them out of the info stream.
    info: (...msg) => write('debug', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next) => {
      name = next;
    },
  };
}
