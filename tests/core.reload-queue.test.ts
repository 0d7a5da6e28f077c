import { describe, expect, it } from 'vitest';
import { createReloadQueue } from '../src/reload-queue.js';
import type { ReloadResult } from '../src/services.js';

const DONE: ReloadResult = { ok: true, documents: 1, passages: 1, changed: true };

/** A reload the test ends by hand, recording when each one starts. */
function controlledReloads() {
  const started: number[] = [];
  const finish: Array<(result: ReloadResult) => void> = [];
  const reload = () =>
    new Promise<ReloadResult>((resolve) => {
      started.push(started.length);
      finish.push(resolve);
    });
  return { reload, started, finish };
}

describe('createReloadQueue', () => {
  it('starts the reload every call made meanwhile shares only once the running one has ended', async () => {
    const { reload, started, finish } = controlledReloads();
    const queue = createReloadQueue(reload);
    const running = queue.reload();
    const waiting = [queue.reload(), queue.reload()];
    expect(waiting[0]).toBe(waiting[1]);
    expect(waiting[0]).not.toBe(running);
    await Promise.resolve();
    // Still one reload: a change made now is read by the queued one, which has not started.
    expect(started).toHaveLength(1);
    finish[0]!(DONE);
    await running;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toHaveLength(2);
    finish[1]!(DONE);
    expect((await waiting[0]!).ok).toBe(true);
    expect(started).toHaveLength(2);
  });

  it('runs no reload once closed, and says so', async () => {
    const { reload, started } = controlledReloads();
    const queue = createReloadQueue(reload);
    await queue.close();
    const result = await queue.reload();
    expect(result.ok).toBe(false);
    expect(started).toHaveLength(0);
  });
});
