import { describe, expect, it } from 'vitest';
import { createRateLimiter, DEFAULT_RATES, type Rates } from '../src/state/index.js';

const rates: Rates = {
  user: { capacity: 2, refillPerMinute: 6 }, // one token every 10 s
  channel: { capacity: 3, refillPerMinute: 12 }, // one token every 5 s
};

function limiter(custom: Rates = rates) {
  const clock = { now: 1_000_000 };
  const limits = createRateLimiter({ rates: custom, now: () => clock.now });
  return { limits, clock };
}

const alice = { platform: 'discord', user: 'alice', channel: 'general' };
const bob = { platform: 'discord', user: 'bob', channel: 'general' };

describe('createRateLimiter', () => {
  it('allows a burst up to the user capacity, then says when to retry', () => {
    const { limits } = limiter();
    expect(limits.take(alice)).toEqual({ ok: true });
    expect(limits.take(alice)).toEqual({ ok: true });
    expect(limits.take(alice)).toEqual({ ok: false, retryAfterMs: 10_000 });
  });

  it('refills at the configured rate and counts partial tokens', () => {
    const { limits, clock } = limiter();
    limits.take(alice);
    limits.take(alice);
    clock.now += 4_000;
    expect(limits.take(alice)).toEqual({ ok: false, retryAfterMs: 6_000 });
    clock.now += 6_000;
    expect(limits.take(alice)).toEqual({ ok: true });
    expect(limits.take(alice)).toEqual({ ok: false, retryAfterMs: 10_000 });
  });

  it('does not take a token for a refused request', () => {
    const { limits, clock } = limiter();
    limits.take(alice);
    limits.take(alice);
    for (let i = 0; i < 5; i++) expect(limits.take(alice).ok).toBe(false);
    clock.now += 10_000;
    expect(limits.take(alice)).toEqual({ ok: true });
  });

  it('never refills above capacity', () => {
    const { limits, clock } = limiter();
    clock.now += 3_600_000;
    expect(limits.take(alice).ok).toBe(true);
    expect(limits.take(alice).ok).toBe(true);
    expect(limits.take(alice).ok).toBe(false);
  });

  it('limits a channel across users and keeps the user token when the channel refuses', () => {
    const { limits, clock } = limiter();
    const carol = { ...alice, user: 'carol' };
    expect(limits.take(alice).ok).toBe(true);
    expect(limits.take(bob).ok).toBe(true);
    expect(limits.take(carol).ok).toBe(true);
    expect(limits.take({ ...alice, user: 'dave' })).toEqual({ ok: false, retryAfterMs: 5_000 });
    clock.now += 5_000;
    expect(limits.take({ ...alice, user: 'dave' })).toEqual({ ok: true });
  });

  it('reports the longer of the two waits', () => {
    const { limits, clock } = limiter();
    limits.take(alice);
    limits.take(alice);
    limits.take(bob);
    clock.now += 1_000;
    // alice's bucket needs 9 s more; the channel still has a token
    expect(limits.take(alice)).toEqual({ ok: false, retryAfterMs: 9_000 });
  });

  it('keeps users, channels and platforms apart', () => {
    const { limits } = limiter();
    limits.take(alice);
    limits.take(alice);
    expect(limits.take({ ...alice, channel: 'help' }).ok).toBe(false);
    expect(limits.take({ ...alice, platform: 'slack' }).ok).toBe(true);
    expect(limits.take(bob).ok).toBe(true);
  });

  it('does not drain buckets when the clock steps back', () => {
    const { limits, clock } = limiter();
    limits.take(alice);
    clock.now -= 60_000;
    expect(limits.take(alice).ok).toBe(true);
    clock.now += 10_000;
    expect(limits.take(alice).ok).toBe(true);
  });

  it('keeps a limited user limited when a flood of other users makes it drop idle buckets', () => {
    const { limits, clock } = limiter();
    limits.take(alice);
    limits.take(alice);
    expect(limits.take(alice).ok).toBe(false);
    // Over 10,000 buckets (one user and one channel each), the next take sweeps away the full ones.
    for (let i = 0; i < 5_001; i++) expect(limits.take({ platform: 'discord', user: `u${i}`, channel: `c${i}` }).ok).toBe(true);
    clock.now += 1_000;
    expect(limits.take(alice)).toEqual({ ok: false, retryAfterMs: 9_000 });
  });

  it('uses the default rates when none are given', () => {
    const { limits } = limiter(DEFAULT_RATES);
    for (let i = 0; i < DEFAULT_RATES.user.capacity; i++) expect(limits.take(alice).ok).toBe(true);
    expect(limits.take(alice)).toEqual({ ok: false, retryAfterMs: 10_000 });
  });

  it.each([
    [{ ...rates, user: { capacity: 0, refillPerMinute: 1 } }, 'pinpoint: user rate capacity 0 must be a whole number of at least 1'],
    [{ ...rates, channel: { capacity: 1.5, refillPerMinute: 1 } }, 'pinpoint: channel rate capacity 1.5 must be a whole number of at least 1'],
    [{ ...rates, user: { capacity: 1, refillPerMinute: 0 } }, 'pinpoint: user rate refillPerMinute 0 must be a number above 0'],
    [{ ...rates, channel: { capacity: 1, refillPerMinute: Number.NaN } }, 'pinpoint: channel rate refillPerMinute NaN must be a number above 0'],
  ])('refuses invalid rates %#', (bad, message) => {
    expect(() => createRateLimiter({ rates: bad })).toThrow(message);
  });
});
