import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { IndexStats } from '../../src/index.js';

export type AnswerOperation = 'ask' | 'more' | 'find_sources';
export type AnswerOutcome = 'excerpts' | 'no-match';

/** Counts one error of a platform adapter; `kind` says where (e.g. "send", "ack", "render"). */
export type ErrorReporter = (kind?: string) => void;

export interface Metrics {
  /** Renders the Prometheus text exposition. */
  render(): Promise<string>;
  readonly contentType: string;
  observeAnswer(sample: { platform: string; operation: AnswerOperation; outcome: AnswerOutcome; seconds: number }): void;
  countError(platform: string, kind: string): void;
  /** The function handed to a platform adapter so it can count its errors without knowing prom-client. */
  errorReporter(platform: string): ErrorReporter;
  /** Where the index gauges read from; undefined while the core is not loaded. */
  trackIndex(stats: () => IndexStats | undefined): void;
  /** Makes a platform's series visible at zero before its first event. */
  registerPlatform(platform: string): void;
}

const OPERATIONS: readonly AnswerOperation[] = ['ask', 'more', 'find_sources'];
const OUTCOMES: readonly AnswerOutcome[] = ['excerpts', 'no-match'];

/** Latency buckets in seconds: answers are in-memory searches, so most land well under 100 ms. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Pinpoint's Prometheus metrics on a registry of their own (no global state, so tests can make many). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });

  let indexStats: () => IndexStats | undefined = () => undefined;
  let answered = 0;
  let noMatch = 0;

  const questions = new Counter({
    name: 'pinpoint_questions_total',
    help: 'Questions answered, by platform, operation (ask, more, find_sources) and outcome (excerpts, no-match).',
    labelNames: ['platform', 'operation', 'outcome'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'pinpoint_no_match_ratio',
    help: 'Share of questions (ask and find_sources, not More) answered with no match since start, 0 to 1.',
    registers: [registry],
    collect() {
      this.set(answered === 0 ? 0 : noMatch / answered);
    },
  });
  const latency = new Histogram({
    name: 'pinpoint_answer_duration_seconds',
    help: 'Time the core took to answer, in seconds.',
    labelNames: ['platform', 'operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'pinpoint_platform_errors_total',
    help: 'Errors caught at a platform adapter edge or thrown by the core while serving it, by platform and kind.',
    labelNames: ['platform', 'kind'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'pinpoint_index_documents',
    help: 'Documents in the loaded index.',
    registers: [registry],
    collect() {
      const stats = indexStats();
      if (stats) this.set(stats.documents);
    },
  });
  new Gauge({
    name: 'pinpoint_index_passages',
    help: 'Passages in the loaded index.',
    registers: [registry],
    collect() {
      const stats = indexStats();
      if (stats) this.set(stats.passages);
    },
  });
  new Gauge({
    name: 'pinpoint_index_age_seconds',
    help: 'Seconds since the loaded index was built or loaded.',
    registers: [registry],
    collect() {
      const stats = indexStats();
      const built = stats ? Date.parse(stats.indexedAt) : Number.NaN;
      if (!Number.isNaN(built)) this.set(Math.max(0, (Date.now() - built) / 1000));
    },
  });

  return {
    render: () => registry.metrics(),
    contentType: registry.contentType,
    observeAnswer({ platform, operation, outcome, seconds }) {
      questions.inc({ platform, operation, outcome });
      latency.observe({ platform, operation }, seconds);
      if (operation === 'more') return;
      answered += 1;
      if (outcome === 'no-match') noMatch += 1;
    },
    countError(platform, kind) {
      errors.inc({ platform, kind });
    },
    errorReporter(platform) {
      return (kind = 'adapter') => errors.inc({ platform, kind });
    },
    trackIndex(stats) {
      indexStats = stats;
    },
    registerPlatform(platform) {
      for (const operation of OPERATIONS) {
        latency.zero({ platform, operation });
        for (const outcome of OUTCOMES) questions.inc({ platform, operation, outcome }, 0);
      }
      errors.inc({ platform, kind: 'adapter' }, 0);
    },
  };
}
