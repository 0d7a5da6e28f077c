import type { ReloadResult } from './services.js';

/** Waits this long after the last file event before reloading: editors write files in bursts. */
const RELOAD_DEBOUNCE_MS = 300;

/**
 * How long `close` waits for a reload still running. Re-reading a pack of a few hundred PDFs takes seconds: waited
 * out, a SIGTERM during it failed the shutdown's "close the core" step (1 s) and the bot exited 1. Leaving it loses
 * nothing: its index is not served, and the index cache is written atomically.
 */
const CLOSE_WAIT_MS = 500;

export interface ReloadQueue {
  /** Reloads now, or, while a reload runs, once after it: every call made in the meantime shares that one. */
  reload(): Promise<ReloadResult>;
  /**
   * Refuses further reloads, stops watching, drops a debounced reload and the queued one, and waits for the running
   * one, CLOSE_WAIT_MS at most.
   */
  close(): Promise<void>;
}

/** Starts watching with a debounced reload as the callback; the queue closes what it returns. */
export type Watch = (onChange: () => void) => { close(): void };

/**
 * Runs `reload` one at a time, on demand and (given `watch`) RELOAD_DEBOUNCE_MS after the last change it
 * reports. `reload` reports a failure in its result rather than throwing.
 */
export function createReloadQueue(reload: () => Promise<ReloadResult>, watch?: Watch): ReloadQueue {
  let reloading: Promise<ReloadResult> | undefined;
  let closed = false;
  const start = (): Promise<ReloadResult> => {
    // The state is closed: a change noticed during shutdown is not loaded, nor written to DATA_DIR.
    if (closed) return Promise.resolve({ ok: false, error: 'pinpoint: the core is closed; nothing was reloaded' });
    reloading = reload().finally(() => (reloading = undefined));
    return reloading;
  };
  // One reload at a time. Calls made while one runs share a single reload after it, which reads every
  // change made in the meantime.
  let queued: Promise<ReloadResult> | undefined;
  const serialReload = (): Promise<ReloadResult> => {
    // Checked first: between the running reload's end and the queued one's start, neither is set in `reloading`.
    if (queued) return queued;
    if (!reloading) return start();
    queued = reloading.then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };

  let reloadTimer: NodeJS.Timeout | undefined;
  const reloadSoon = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void serialReload(), RELOAD_DEBOUNCE_MS);
  };
  const watcher = watch?.(reloadSoon);

  return {
    reload: serialReload,
    async close() {
      closed = true;
      watcher?.close();
      clearTimeout(reloadTimer);
      // The queued reload starts nothing now; it ends when the running one does.
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLOSE_WAIT_MS);
      });
      await Promise.race([Promise.all([reloading, queued]), waited]).finally(() => clearTimeout(timer));
    },
  };
}
