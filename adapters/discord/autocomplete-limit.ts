import { PINPOINT_DISCORD_LIMITS } from './limits.js';

/** Above this many users, full buckets (idle long enough to refill) are dropped: they equal a fresh one. */
const PRUNE_ABOVE = 10_000;
/** At most one sweep a minute, so a flood of distinct users does not make every take() walk the map. */
const PRUNE_EVERY_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

export interface AutocompleteLimit {
  /** Takes one of the user's tokens; false when they have none left (the keystroke gets no choices). */
  take(userId: string): boolean;
}

/**
 * Per-user token bucket for autocomplete, the same kind the core's limiter keeps for questions: a burst,
 * then a steady refill; a refused request takes no token. Its own bucket because Discord sends one request
 * per keystroke: charging them to the /ask cooldown would refuse the question being typed.
 */
export function createAutocompleteLimit(options: { now?: () => number; burst?: number; perMinute?: number } = {}): AutocompleteLimit {
  const now = options.now ?? Date.now;
  const capacity = options.burst ?? PINPOINT_DISCORD_LIMITS.autocompleteBurst;
  const perMinute = options.perMinute ?? PINPOINT_DISCORD_LIMITS.autocompletePerMinute;
  const buckets = new Map<string, Bucket>();
  let prunedAt = Number.NEGATIVE_INFINITY;

  const refill = (bucket: Bucket, at: number): void => {
    // A clock stepping back must not drain the bucket.
    bucket.tokens = Math.min(capacity, bucket.tokens + (Math.max(0, at - bucket.at) * perMinute) / 60_000);
    bucket.at = at;
  };

  const prune = (at: number): void => {
    if (buckets.size <= PRUNE_ABOVE || at - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at;
    for (const [user, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= capacity) buckets.delete(user);
    }
  };

  return {
    take(userId) {
      const at = now();
      prune(at);
      let bucket = buckets.get(userId);
      if (bucket) refill(bucket, at);
      else {
        bucket = { tokens: capacity, at };
        buckets.set(userId, bucket);
      }
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
