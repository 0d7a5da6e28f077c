import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPinpoint, type Pinpoint } from '../../src/index.js';

export interface PackCore {
  core: Pinpoint;
  /** Closes the core and removes its knowledge folder. */
  close(): Promise<void>;
}

/** A real core over a knowledge folder holding `files` (name → text), written to a temporary folder. */
export async function createPackCore(files: Record<string, string>): Promise<PackCore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-pack-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const core = await createPinpoint({ knowledgeDir: dir });
  return {
    core,
    close: async () => {
      await core.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
