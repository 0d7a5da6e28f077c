import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinpoint, type Logger, type Pinpoint } from '../src/index.js';

// A host whose inotify watches are used up (other containers, an IDE): the system refuses the recursive
// watch of the knowledge folder with ENOSPC. Everything else in node:fs is the real thing.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const watch = ((target: string, options: unknown, listener: unknown) => {
    if (typeof options === 'object' && options !== null && 'recursive' in options) {
      throw Object.assign(new Error(`ENOSPC: System limit for number of file watchers reached, watch '${target}'`), { code: 'ENOSPC' });
    }
    return fs.watch(target, options as never, listener as never);
  }) as typeof fs.watch;
  return { ...fs, watch, default: { ...fs, watch } };
});

let dir: string;
let core: Pinpoint | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('a knowledge folder the system will not watch', () => {
  it('still starts and answers, warns that changes need a restart, and reloads on demand', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-unwatched-'));
    await writeFile(path.join(dir, 'article.md'), 'The settlement was $725 million.\n');
    const warnings: string[] = [];
    const logger: Logger = { debug: () => {}, info: () => {}, warn: (_fields, message) => void warnings.push(message ?? ''), error: () => {}, child: () => logger };

    core = await createPinpoint({ knowledgeDir: dir, logger, watch: true });

    expect(warnings).toEqual(['knowledge folder watch failed; restart to pick up changes']);
    const answer = core.ask('How much was the settlement?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The settlement was $725 million.');
    await writeFile(path.join(dir, 'order.md'), 'The court approved the settlement in full.\n');
    expect(await core.reload()).toMatchObject({ ok: true, documents: 2 });
  });
});
