import { PinpointError } from '../errors.js';
import type { RateDecision, RateLimiter } from '../services.js';

/** A token bucket: up to `capacity` requests at once, then `refillPerMinute` more each minute. */
export interface BucketRate {
  capacity: number;
  refillPerMinute: number;
}

export interface Rates {
  user: BucketRate;
  channel: BucketRate;
}

/** A user may ask 5 in a row, then one every 10 s; a busy channel 20 in a row, then one every 2 s. */
export const DEFAULT_RATES: Rates = {
  user: { capacity: 5, refillPerMinute: 6 },
  channel: { capacity: 20, refillPerMinute: 30 },
};

/** Above this many buckets, full ones (idle long enough to refill) are dropped: they equal a fresh bucket. */
const PRUNE_ABOVE = 10_000;
/** At most one sweep per minute, so a flood of distinct users does not make every take() walk the map. */
const PRUNE_EVERY_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
  rate: BucketRate;
}

/**
 * Per-user and per-channel cooldowns, kept in memory: they last seconds, a restart only grants one
 * fresh burst, and a database write per chat message would cost more than the limit protects.
 * Each process limits on its own. A refused request takes no token, so retrying early does not
 * push the wait further out.
 */
export function createRateLimiter(options: { rates?: Rates; now?: () => number } = {}): RateLimiter {
  const rates = options.rates ?? DEFAULT_RATES;
  checkRate('user', rates.user);
  checkRate('channel', rates.channel);
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  let prunedAt = Number.NEGATIVE_INFINITY;

  const refill = (key: string, rate: BucketRate, at: number): Bucket => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { tokens: rate.capacity, at, rate };
      buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, at - bucket.at); // a clock stepping back must not drain buckets
    bucket.tokens = Math.min(rate.capacity, bucket.tokens + (elapsed * rate.refillPerMinute) / 60_000);
    bucket.at = at;
    return bucket;
  };

  const wait = (bucket: Bucket): number =>
    bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) * 60_000) / bucket.rate.refillPerMinute);

  const prune = (at: number): void => {
    if (buckets.size <= PRUNE_ABOVE || at - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at;
    for (const [key, bucket] of buckets) {
      if (refill(key, bucket.rate, at).tokens >= bucket.rate.capacity) buckets.delete(key);
    }
  };

  const take = (key: { platform: string; user: string; channel: string }): RateDecision => {
    const at = now();
    prune(at);
    const user = refill(`${key.platform}\u0000user\u0000${key.user}`, rates.user, at);
    const channel = refill(`${key.platform}\u0000channel\u0000${key.channel}`, rates.channel, at);
    const retryAfterMs = Math.max(wait(user), wait(channel));
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    user.tokens -= 1;
    channel.tokens -= 1;
    return { ok: true };
  };

  return { take };
}

function checkRate(name: string, rate: BucketRate): void {
  if (!Number.isInteger(rate.capacity) || rate.capacity < 1) {
    throw new PinpointError('CONFIG_INVALID', `pinpoint: ${name} rate capacity ${rate.capacity} must be a whole number of at least 1`);
  }
  if (!Number.isFinite(rate.refillPerMinute) || rate.refillPerMinute <= 0) {
    throw new PinpointError('CONFIG_INVALID', `pinpoint: ${name} rate refillPerMinute ${rate.refillPerMinute} must be a number above 0`);
  }
}
