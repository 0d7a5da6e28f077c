import type { Logger } from '../src/index.js';

/** One step of the shutdown, run in order; each is bounded so a stuck step cannot hold the exit. */
export interface ShutdownStep {
  name: string;
  run(): Promise<unknown>;
  /** A number, or a function read just before the step runs (for steps sharing one deadline). */
  timeoutMs: number | (() => number);
}

export interface ShutdownOptions {
  logger: Logger;
  steps: () => ShutdownStep[];
  exit: (code: number) => void;
}

export interface Shutdown {
  /**
   * Runs every step once, then exits 0 (1 when a step failed or timed out, or when `failed` says the
   * shutdown follows a failure). Later calls share the first run.
   */
  run(reason: string, options?: { failed?: boolean }): Promise<number>;
  readonly started: boolean;
}

class StepTimeout extends Error {}

function bounded(step: ShutdownStep): Promise<unknown> {
  const timeoutMs = typeof step.timeoutMs === 'function' ? step.timeoutMs() : step.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(`pinpoint: ${step.name} took over ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([Promise.resolve().then(() => step.run()), deadline]).finally(() => clearTimeout(timer));
}

/** Graceful shutdown: stop taking work, let in-flight work finish (bounded), release resources, exit. */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const { logger } = options;
  let running: Promise<number> | undefined;

  const execute = async (reason: string, failed: boolean): Promise<number> => {
    const started = Date.now();
    logger.info({ reason }, 'shutting down');
    let code = failed ? 1 : 0;
    for (const step of options.steps()) {
      try {
        await bounded(step);
        logger.debug({ step: step.name }, 'shutdown step done');
      } catch (error) {
        code = 1;
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    logger.info({ reason, ms: Date.now() - started, code }, 'stopped');
    options.exit(code);
    return code;
  };

  return {
    run(reason, runOptions) {
      running ??= execute(reason, runOptions?.failed ?? false);
      return running;
    },
    get started() {
      return running !== undefined;
    },
  };
}

/**
 * SIGTERM/SIGINT start the shutdown; a second signal while it runs exits at once (an impatient Ctrl-C).
 * Returns a function that removes the handlers.
 */
export function onShutdownSignals(
  shutdown: Shutdown,
  options: { exit: (code: number) => void; logger: Logger; target?: NodeJS.Process },
): () => void {
  const target = options.target ?? process;
  const handler = (signal: NodeJS.Signals): void => {
    if (shutdown.started) {
      options.logger.warn({ signal }, 'second signal: exiting now');
      options.exit(1);
      return;
    }
    void shutdown.run(signal);
  };
  target.on('SIGTERM', handler);
  target.on('SIGINT', handler);
  return () => {
    target.off('SIGTERM', handler);
    target.off('SIGINT', handler);
  };
}
