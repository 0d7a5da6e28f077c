/**
 * Remembers event ids for a while so Slack's retries (X-Slack-Retry-Num, Socket Mode
 * retry_attempt) never produce a second answer. Bounded in size and time.
 */
export class EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is offered (within the TTL), false for every repeat. */
  first(id: string): boolean {
    const now = this.now();
    this.evict(now);
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(id); // re-insert so the map stays in time order for eviction
    this.seen.set(id, now);
    return true;
  }

  /** Lets `id` be offered again as new (its work failed and may be tried again). */
  forget(id: string): void {
    this.seen.delete(id);
  }

  private evict(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at < this.ttlMs && this.seen.size <= this.max) break;
      this.seen.delete(id);
    }
  }
}
