import { describe, expect, it } from 'vitest';
import { createKeyQueue } from '../adapters/key-queue.js';

/** A promise and the function that settles it, so a test decides when work finishes. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('a queue of work per key', () => {
  it('starts work under a key only once the work before it under that key has finished', async () => {
    const queue = createKeyQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run('channel-1', async () => {
      log.push('first started');
      await first.opened;
      log.push('first done');
      return 1;
    });
    const b = queue.run('channel-1', async () => {
      log.push('second started');
      return 2;
    });
    // Work started out of turn would have run by the next turn of the event loop: no clock needed.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['first started']);
    first.open();
    expect(await Promise.all([a, b])).toEqual([1, 2]);
    expect(log).toEqual(['first started', 'first done', 'second started']);
  });

  it('runs work under other keys alongside', async () => {
    const queue = createKeyQueue();
    const held = gate();
    const slow = queue.run('channel-1', () => held.opened.then(() => 'slow'));
    expect(await queue.run('channel-2', async () => 'other')).toBe('other');
    held.open();
    expect(await slow).toBe('slow');
  });

  it('runs the next work after one that failed, and hands the failure to its own caller only', async () => {
    const queue = createKeyQueue();
    const failed = queue.run('channel-1', async () => {
      throw new Error('pins.add failed');
    });
    const next = queue.run('channel-1', async () => 'pinned');
    await expect(failed).rejects.toThrow('pins.add failed');
    expect(await next).toBe('pinned');
  });
});
