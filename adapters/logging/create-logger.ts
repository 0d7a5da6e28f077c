import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { Logger } from '../../src/index.js';
import { scrubText, scrubValue } from './scrub.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LoggerOptions {
  level: LogLevel;
  /** Human-readable lines (a terminal) instead of one JSON object per line (production). */
  pretty: boolean;
  /** Colours in those readable lines: only for a terminal, as codes in a file or a journal are noise. */
  color?: boolean;
  /** Secret values in use; scrubbed from every field and message. */
  secrets?: readonly string[];
  /** Where lines go: stdout by default, or a stream (the console chat's, on stderr, which keeps its prompt whole). */
  output?: NodeJS.WritableStream;
  /** Tests pass a stream they read instead. */
  destination?: DestinationStream;
}

/**
 * Bindings are kept here and written with each entry rather than through pino's child loggers: pino writes a
 * key its parent already bound a second time ("component":"core","component":"state"), and strict JSON readers
 * such as Elasticsearch refuse a line with a repeated key. Here the innermost value wins, once.
 */
function wrap(base: PinoLogger, secrets: readonly string[], bindings: Record<string, unknown>): Logger {
  const write =
    (level: LogLevel) =>
    (fields: object, message?: string): void => {
      if (!base.isLevelEnabled(level)) return;
      // What users typed may appear in debug entries only, whatever LOG_LEVEL is.
      const safe = { ...bindings, ...(scrubValue(fields, { secrets, keepUserText: level === 'debug' }) as object) };
      if (message === undefined) base[level](safe);
      else base[level](safe, scrubText(message, secrets));
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) =>
      wrap(base, secrets, { ...bindings, ...(scrubValue(more, { secrets, keepUserText: false }) as Record<string, unknown>) }),
  };
}

/**
 * The one logger of the process (pino): JSON lines in production, pretty in a terminal,
 * tokens and secrets redacted, and what users typed kept out of every level above debug.
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination =
    options.destination ??
    (options.pretty
      ? pinoPretty({
          colorize: options.color ?? false,
          sync: true,
          destination: options.output ?? 1,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,service',
        })
      : // Synchronous writes: nothing is lost when the process exits right after a shutdown.
        (options.output ?? pino.destination({ dest: 1, sync: true })));
  const base = pino(
    {
      level: options.level,
      base: { service: 'pinpoint' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Errors arrive already serialised and scrubbed (see scrub.ts); pino's serializer would retype them.
      serializers: { err: (value: unknown) => value },
    },
    destination,
  );
  return wrap(base, options.secrets ?? [], {});
}
