import { hash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';

/** How many cached indexes to keep: the current one and the one before (a quick roll-back), by last use. */
const KEEP = 2;

/** A key that changes whenever anything that went into the index changes. */
export function indexCacheKey(parts: readonly string[]): string {
  // Hashed in one call: an update per part (two per passage) cost more than the hashing itself.
  return hash('sha256', parts.map((part) => `${part}\0`).join('')).slice(0, 32);
}

const EXTENSION = '.index';
/**
 * A temp file this old was left by a process killed while writing (a write takes seconds even at
 * 100,000 passages). Younger ones may belong to another process sharing DATA_DIR, mid-write.
 */
const ABANDONED_TEMP_MS = 60 * 60 * 1000;

/** Serialized indexes under `<dataDir>/index-cache/`, so a restart need not re-index. */
export function createIndexCache(dir: string, logger: Logger) {
  const fileOf = (key: string) => path.join(dir, `${key}${EXTENSION}`);
  return {
    async read(key: string): Promise<Buffer | undefined> {
      try {
        const bytes = await readFile(fileOf(key));
        // Pruning keeps the newest files: an index read back (a restart, an edit undone) is in use now, and
        // must not be pruned as the oldest when another process sharing DATA_DIR writes one. A read-only
        // DATA_DIR keeps the time it has.
        const now = new Date();
        await utimes(fileOf(key), now, now).catch(() => undefined);
        return bytes;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error, file: fileOf(key) }, 'index cache unreadable; rebuilding');
        return undefined;
      }
    },
    /**
     * Writes atomically (temp file + rename) so a crash never leaves half a cache behind. `inUse` is the key of
     * the index still serving while this one is written, which pruning keeps however old its file.
     */
    async write(key: string, bytes: Buffer, inUse?: string): Promise<void> {
      const temp = `${fileOf(key)}.${process.pid}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(temp, bytes);
        await rename(temp, fileOf(key));
        await prune(dir, new Set([key, inUse ?? key].map((kept) => `${kept}${EXTENSION}`)));
      } catch (error) {
        // A partial temp file would keep the space a full disk lacks (the state database needs it), and
        // no later write would remove it.
        await rm(temp, { force: true }).catch(() => undefined);
        logger.warn({ err: error, dir }, 'could not write the index cache; the next start will re-index');
      }
    },
  };
}

/**
 * Keeps the KEEP newest caches and the `kept` ones (the one written, the one serving), and removes caches of
 * the JSON format before 0.2 (never read again) and temp files abandoned by a killed writer.
 */
async function prune(dir: string, kept: ReadonlySet<string>): Promise<void> {
  const all = await readdir(dir);
  for (const legacy of all.filter((name) => name.endsWith('.json'))) await rm(path.join(dir, legacy), { force: true });
  for (const temp of all.filter((name) => name.endsWith('.tmp'))) {
    const time = await modifiedAt(path.join(dir, temp));
    if (time !== undefined && Date.now() - time > ABANDONED_TEMP_MS) await rm(path.join(dir, temp), { force: true });
  }
  const names = all.filter((name) => name.endsWith(EXTENSION));
  const dated = await Promise.all(names.map(async (name) => ({ name, time: await modifiedAt(path.join(dir, name)) })));
  const sorted = dated.filter((entry) => entry.time !== undefined).sort((a, b) => b.time! - a.time!);
  for (const old of sorted.slice(KEEP)) if (!kept.has(old.name)) await rm(path.join(dir, old.name), { force: true });
}

/** A file's modification time, or undefined when it is gone: another process sharing DATA_DIR may prune it first. */
async function modifiedAt(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
