/** Runs async work one at a time per key, in the order it arrives; work under other keys runs alongside. */
export interface KeyQueue {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Pin uses one per channel: a second press that arrives while the first is still posting and pinning waits
 * for it, then finds the pin the first one made instead of posting a second copy. In-process only, which is
 * enough: one Pinpoint process runs per DATA_DIR.
 */
export function createKeyQueue(): KeyQueue {
  // The last work queued per key, settled either way; gone once nothing waits behind it.
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, work) {
      const result = (tails.get(key) ?? Promise.resolve()).then(work);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
