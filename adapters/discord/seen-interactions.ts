/**
 * Most interaction ids remembered at once. Only requests Discord signed get here, so reaching this takes
 * real traffic (about 16 interactions a second for 10 minutes); past it the oldest id is forgotten early.
 */
export const MAX_REMEMBERED_INTERACTIONS = 10_000;

export interface SeenInteractions {
  /** True the first time `id` is offered while its signed request can still pass the timestamp window; false for a replay. */
  first(id: string, expiresAtMs: number): boolean;
  /** Ids remembered now (tests). */
  readonly size: number;
}

/**
 * The ids of interactions already taken, each kept until its signed timestamp leaves the 5-minute window:
 * after that verify.ts refuses the request anyway. The signature covers the timestamp, so a replay always
 * carries the original's. Memory is bounded by count, not time, so a flood cannot grow it without limit.
 */
export function createSeenInteractions(options: { now?: () => number; max?: number } = {}): SeenInteractions {
  const now = options.now ?? Date.now;
  const max = options.max ?? MAX_REMEMBERED_INTERACTIONS;
  // Insertion order is close to expiry order (timestamps are "now" give or take clock skew), so expired
  // ids are swept from the front.
  const expiries = new Map<string, number>();

  function sweep(at: number): void {
    for (const [id, expiresAt] of expiries) {
      if (expiresAt > at) break;
      expiries.delete(id);
    }
  }

  return {
    first(id, expiresAtMs) {
      const at = now();
      sweep(at);
      const known = expiries.get(id);
      if (known !== undefined && known > at) return false;
      // An expired entry left behind a later one: re-added at the back, in order.
      if (known !== undefined) expiries.delete(id);
      while (expiries.size >= max) {
        const oldest = expiries.keys().next().value;
        if (oldest === undefined) break;
        expiries.delete(oldest);
      }
      expiries.set(id, expiresAtMs);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}
