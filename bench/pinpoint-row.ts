import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import type { BenchRow, ReadyRow } from './rows.js';

/** Sum of the serialized index files the core wrote under `<dataDir>/index-cache/`. */
async function cachedIndexBytes(dataDir: string): Promise<number> {
  const dir = join(dataDir, 'index-cache');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.index'));
  const sizes = await Promise.all(names.map(async (name) => (await stat(join(dir, name))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * Pinpoint's own answer pipeline through `createPinpoint(...).ask()`, with a data folder so the index
 * cache is written on build and read on restart, as the bot does. Quotes are the answer's excerpts;
 * the ranked passages are `answer.candidates`.
 */
export function pinpointRow(workDir: string): BenchRow {
  const dataDir = join(workDir, 'pinpoint-data');

  const ready = (core: Pinpoint): ReadyRow => ({
    answer: (question) => {
      const answer = core.ask(question);
      return {
        quotes: answer.kind === 'excerpts' ? answer.excerpts.map((e) => e.quote) : [],
        rankedIds: (answer.candidates ?? []).slice(0, 10).map((c) => c.passageId),
      };
    },
    passageText: (passageId) => core.passage(passageId)?.passage.text,
    persist: () => cachedIndexBytes(dataDir),
    close: () => core.close(),
  });

  return {
    name: 'Pinpoint',
    build: async (knowledgeDir) => {
      await mkdir(dataDir, { recursive: true });
      return ready(await createPinpoint({ knowledgeDir, dataDir }));
    },
    restart: async (knowledgeDir) => ready(await createPinpoint({ knowledgeDir, dataDir })),
  };
}
