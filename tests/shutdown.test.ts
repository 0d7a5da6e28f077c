import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createShutdown, onShutdownSignals, type ShutdownStep } from '../adapters/shutdown.js';
import { silentLogger } from '../src/index.js';
import { createRecordingLogger } from './fakes/discord-logger.js';

function recorder() {
  const calls: string[] = [];
  const exits: number[] = [];
  const step = (name: string, run: () => Promise<unknown> = async () => undefined, timeoutMs = 1000): ShutdownStep => ({
    name,
    timeoutMs,
    run: async () => {
      calls.push(name);
      return run();
    },
  });
  return { calls, exits, step, exit: (code: number) => void exits.push(code) };
}

describe('createShutdown', () => {
  it('runs the steps in order and exits 0 when all succeed', async () => {
    const r = recorder();
    const shutdown = createShutdown({
      logger: silentLogger,
      exit: r.exit,
      steps: () => [r.step('drain'), r.step('adapters'), r.step('core')],
    });
    expect(await shutdown.run('SIGTERM')).toBe(0);
    expect(r.calls).toEqual(['drain', 'adapters', 'core']);
    expect(r.exits).toEqual([0]);
  });

  it('keeps going after a failing step and exits 1', async () => {
    const r = recorder();
    const shutdown = createShutdown({
      logger: silentLogger,
      exit: r.exit,
      steps: () => [
        r.step('adapters', async () => {
          throw new Error('gateway refused');
        }),
        r.step('core'),
      ],
    });
    expect(await shutdown.run('SIGTERM')).toBe(1);
    expect(r.calls).toEqual(['adapters', 'core']);
    expect(r.exits).toEqual([1]);
  });

  it('exits 1 after running every step when the shutdown follows a failure', async () => {
    const r = recorder();
    const shutdown = createShutdown({ logger: silentLogger, exit: r.exit, steps: () => [r.step('core')] });
    expect(await shutdown.run('start-up failed', { failed: true })).toBe(1);
    expect(r.calls).toEqual(['core']);
    expect(r.exits).toEqual([1]);
  });

  it('abandons a step that outlives its timeout and still closes the rest', async () => {
    const r = recorder();
    const shutdown = createShutdown({
      logger: silentLogger,
      exit: r.exit,
      steps: () => [r.step('stuck', () => new Promise(() => {}), 20), r.step('core')],
    });
    expect(await shutdown.run('SIGINT')).toBe(1);
    expect(r.calls).toEqual(['stuck', 'core']);
  });

  it('reads a step timeout given as a function just before the step runs', async () => {
    const r = recorder();
    const logger = createRecordingLogger();
    let budget = 5000;
    const shutdown = createShutdown({
      logger,
      exit: r.exit,
      steps: () => [
        r.step('shrink', async () => void (budget = 10)),
        { ...r.step('stuck', () => new Promise(() => {})), timeoutMs: () => budget },
      ],
    });
    expect(await shutdown.run('SIGTERM')).toBe(1);
    // The step was abandoned after the budget the first step left it, not the one it had when listed.
    const failed = logger.entries.filter((entry) => entry.message === 'shutdown step failed');
    expect(failed.map((entry) => [entry.fields.step, (entry.fields.err as Error).message])).toEqual([
      ['stuck', 'pinpoint: stuck took over 10 ms'],
    ]);
  });

  it('runs once however often it is asked', async () => {
    const r = recorder();
    const shutdown = createShutdown({ logger: silentLogger, exit: r.exit, steps: () => [r.step('core')] });
    expect(shutdown.started).toBe(false);
    const [a, b] = await Promise.all([shutdown.run('SIGTERM'), shutdown.run('SIGINT')]);
    expect([a, b]).toEqual([0, 0]);
    expect(shutdown.started).toBe(true);
    expect(r.calls).toEqual(['core']);
    expect(r.exits).toEqual([0]);
  });
});

describe('onShutdownSignals', () => {
  it('starts the shutdown on SIGTERM and exits 1 at once on a second signal', async () => {
    const r = recorder();
    let finish: () => void = () => {};
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const shutdown = createShutdown({
      logger: silentLogger,
      exit: r.exit,
      steps: () => [
        r.step(
          'drain',
          () =>
            new Promise<void>((resolve) => {
              finish = resolve;
              entered();
            }),
        ),
      ],
    });
    const target = new EventEmitter() as unknown as NodeJS.Process;
    const remove = onShutdownSignals(shutdown, { exit: r.exit, logger: silentLogger, target });
    target.emit('SIGTERM', 'SIGTERM');
    expect(shutdown.started).toBe(true);
    target.emit('SIGINT', 'SIGINT');
    expect(r.exits).toEqual([1]);
    await inside;
    finish();
    expect(await shutdown.run('again')).toBe(0);
    expect(r.exits).toEqual([1, 0]);
    remove();
    expect((target as unknown as EventEmitter).listenerCount('SIGTERM')).toBe(0);
  });
});
