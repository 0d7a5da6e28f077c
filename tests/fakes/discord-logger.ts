import { EventEmitter } from 'node:events';
import type { Logger } from '../../src/index.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message?: string;
}

/** A Logger that keeps every entry (child bindings merged in), so tests can assert what was logged. */
export function createRecordingLogger(): Logger & {
  entries: LogEntry[];
  waitFor(predicate: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
} {
  const entries: LogEntry[] = [];
  const events = new EventEmitter();
  const make = (bindings: Record<string, unknown>): Logger => {
    const log =
      (level: LogEntry['level']) =>
      (fields: object, message?: string): void => {
        const entry: LogEntry = { level, fields: { ...bindings, ...(fields as Record<string, unknown>) } };
        if (message !== undefined) entry.message = message;
        entries.push(entry);
        events.emit('entry');
      };
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (more: object) => make({ ...bindings, ...(more as Record<string, unknown>) }),
    };
  };
  return {
    ...make({}),
    entries,
    waitFor(predicate, timeoutMs = 5000) {
      const found = entries.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = entries.find(predicate);
          if (!hit) return;
          clearTimeout(timer);
          events.off('entry', check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          events.off('entry', check);
          reject(new Error('recording logger: timed out waiting for a matching log entry'));
        }, timeoutMs);
        events.on('entry', check);
      });
    },
  };
}
