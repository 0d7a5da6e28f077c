import { EventEmitter } from 'node:events';
import type { Logger } from '../../src/index.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string | undefined;
}

/** A Logger that keeps every entry so tests can wait for "duplicate ignored" and the like. */
export class RecordingLogger implements Logger {
  readonly entries: LogEntry[];
  private readonly events: EventEmitter;

  constructor(
    private readonly bindings: Record<string, unknown> = {},
    shared?: { entries: LogEntry[]; events: EventEmitter },
  ) {
    this.entries = shared?.entries ?? [];
    this.events = shared?.events ?? new EventEmitter();
  }

  debug(fields: object, message?: string): void {
    this.push('debug', fields, message);
  }
  info(fields: object, message?: string): void {
    this.push('info', fields, message);
  }
  warn(fields: object, message?: string): void {
    this.push('warn', fields, message);
  }
  error(fields: object, message?: string): void {
    this.push('error', fields, message);
  }
  child(bindings: object): Logger {
    return new RecordingLogger({ ...this.bindings, ...bindings }, { entries: this.entries, events: this.events });
  }

  /** Resolves with the first entry (past or future) whose message equals `message`. */
  waitFor(message: string, match: (entry: LogEntry) => boolean = () => true): Promise<LogEntry> {
    const find = () => this.entries.find((entry) => entry.message === message && match(entry));
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => {
      const check = () => {
        const hit = find();
        if (hit === undefined) return;
        this.events.off('entry', check);
        resolve(hit);
      };
      this.events.on('entry', check);
    });
  }

  private push(level: LogEntry['level'], fields: object, message: string | undefined): void {
    this.entries.push({ level, fields: { ...this.bindings, ...fields }, message });
    this.events.emit('entry');
  }
}
