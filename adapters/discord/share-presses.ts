/** How long a Share press is remembered: a double click arrives well within it. */
const SHARE_MEMORY_MS = 10 * 60 * 1000;
/** Most presses remembered at once; past it the oldest is forgotten early. */
const MAX_REMEMBERED = 10_000;

export interface SharePresses {
  /** True the first time `key` is offered within the memory; false for a repeat. */
  first(key: string): boolean;
  /** Lets `key` be offered again as new: its press posted nothing (refused or failed), so pressing again may. */
  forget(key: string): void;
}

/**
 * Share presses already taken. Discord keeps the Share button of a private answer live after a press, so a
 * double click (or a second press) would post the same answer to the channel twice.
 */
export function createSharePresses(options: { now?: () => number; ttlMs?: number; max?: number } = {}): SharePresses {
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? SHARE_MEMORY_MS;
  const max = options.max ?? MAX_REMEMBERED;
  // Insertion order is press order, so expired presses are swept from the front.
  const pressedAt = new Map<string, number>();

  return {
    first(key) {
      const at = now();
      for (const [old, when] of pressedAt) {
        if (at - when < ttlMs) break;
        pressedAt.delete(old);
      }
      if (pressedAt.has(key)) return false;
      for (const old of pressedAt.keys()) {
        if (pressedAt.size < max) break;
        pressedAt.delete(old);
      }
      pressedAt.set(key, at);
      return true;
    },
    forget(key) {
      pressedAt.delete(key);
    },
  };
}
