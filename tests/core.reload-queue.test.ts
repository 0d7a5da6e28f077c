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

  // Re-reading a pack of a few hundred PDFs takes seconds: waited out, a SIGTERM during it failed the shutdown's
  // "close the core" step (1 s) and the bot exited 1.
  it('closes without waiting out a long reload, and starts none of the calls queued behind it', async () => {
    const { reload, started } = controlledReloads();
    const queue = createReloadQueue(reload);
    void queue.reload();
    const queued = queue.reload();
    const closing = performance.now();
    await queue.close();
    expect(performance.now() - closing).toBeLessThan(750);
    expect(started).toHaveLength(1);
    expect(await Promise.race([queued.then(() => 'ended'), new Promise((resolve) => setTimeout(resolve, 50, 'pending'))])).toBe('pending');
  });

  it('waits for a reload that ends soon, before it closes', async () => {
    const { reload, finish } = controlledReloads();
    const queue = createReloadQueue(reload);
    const running = queue.reload();
    let ended = false;
    void running.then(() => (ended = true));
    setTimeout(() => finish[0]!(DONE), 50);
    await queue.close();
    expect(ended).toBe(true);
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
