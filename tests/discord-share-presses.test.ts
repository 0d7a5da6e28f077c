import { describe, expect, it } from 'vitest';
import { createSharePresses } from '../adapters/discord/share-presses.js';

describe('discord Share presses', () => {
  it('takes a press once, again after forget (it posted nothing), and again once its memory expired', () => {
    let now = 0;
    const presses = createSharePresses({ now: () => now, ttlMs: 1000 });
    expect(presses.first('u1/pp:s:a:0')).toBe(true);
    expect(presses.first('u1/pp:s:a:0')).toBe(false);
    expect(presses.first('u2/pp:s:a:0')).toBe(true);
    presses.forget('u1/pp:s:a:0');
    expect(presses.first('u1/pp:s:a:0')).toBe(true);
    now = 999;
    expect(presses.first('u1/pp:s:a:0')).toBe(false);
    now = 1000;
    expect(presses.first('u1/pp:s:a:0')).toBe(true);
  });

  it('forgets the oldest press past its most remembered', () => {
    const presses = createSharePresses({ now: () => 0, max: 2 });
    expect([presses.first('a'), presses.first('b'), presses.first('c')]).toEqual([true, true, true]);
    expect(presses.first('a')).toBe(true);
    expect(presses.first('c')).toBe(false);
  });
});
