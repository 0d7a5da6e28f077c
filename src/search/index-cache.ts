import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger.js';

/** How many cached indexes to keep: the current one and the one before (a quick roll-back). */
const KEEP = 2;

/** A key that changes whenever anything that went into the index changes. */
export function indexCacheKey(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

const EXTENSION = '.index';

/** Serialized indexes under `<dataDir>/index-cache/`, so a restart need not re-index. */
export function createIndexCache(dir: string, logger: Logger) {
  const fileOf = (key: string) => path.join(dir, `${key}${EXTENSION}`);
  return {
    async read(key: string): Promise<Buffer | undefined> {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error, file: fileOf(key) }, 'index cache unreadable; rebuilding');
        return undefined;
      }
    },
    /** Writes atomically (temp file + rename) so a crash never leaves half a cache behind. */
    async write(key: string, bytes: Buffer): Promise<void> {
      try {
        await mkdir(dir, { recursive: true });
        const temp = `${fileOf(key)}.${process.pid}.tmp`;
        await writeFile(temp, bytes);
        await rename(temp, fileOf(key));
        const all = await readdir(dir);
        // Caches of the JSON format before 0.2 are never read again.
        for (const legacy of all.filter((name) => name.endsWith('.json'))) await rm(path.join(dir, legacy), { force: true });
        const names = all.filter((name) => name.endsWith(EXTENSION));
        const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(path.join(dir, name))).mtimeMs })));
        const sorted = dated.sort((a, b) => b.time - a.time);
        for (const old of sorted.slice(KEEP)) await rm(path.join(dir, old.name), { force: true });
      } catch (error) {
        logger.warn({ err: error, dir }, 'could not write the index cache; the next start will re-index');
      }
    },
  };
}
