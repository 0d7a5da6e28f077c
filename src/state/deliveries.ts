import type { Store } from './store.js';

/**
 * How long a message answered is remembered. Slack retries an event for minutes and sends a mention again when
 * its message is edited, days later too: within this time neither gets a second answer, restarts included.
 */
export const DELIVERY_MEMORY_MS = 7 * 24 * 60 * 60 * 1000;
/** Expired keys deleted per new one at most: the table stays small without one long delete. */
const EXPIRED_PER_SWEEP = 100;

export interface DeliveryLog {
  /** True the first time `key` is offered within DELIVERY_MEMORY_MS, false for every repeat (kept in the database). */
  firstDelivery(key: string): boolean;
}

export function createDeliveryLog(options: { store: Store; now: () => Date }): DeliveryLog {
  const { store, now } = options;
  return {
    firstDelivery(key) {
      const at = now();
      const expired = new Date(at.getTime() - DELIVERY_MEMORY_MS).toISOString();
      return store.write(() => {
        store.run(
          `DELETE FROM deliveries WHERE key IN (SELECT key FROM deliveries WHERE seen_at <= ? ORDER BY seen_at LIMIT ${EXPIRED_PER_SWEEP})`,
          [expired],
        );
        // A key whose memory expired counts as new even when the bounded sweep has not reached it yet (a backlog
        // after a downtime): it is seen again from now.
        const { changes } = store.run(
          `INSERT INTO deliveries (key, seen_at) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE deliveries.seen_at <= ?`,
          [key, at.toISOString(), expired],
        );
        return changes === 1;
      });
    },
  };
}
