import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';

// A file or folder moved or deleted between the listing of the knowledge folder and its reading (a sync client,
// `git checkout`, an editor's save while the bot reloads): every name holding "removed-meanwhile" is gone by the
// time it is opened. Everything else in node:fs/promises is the real thing.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const gone = (target: unknown) =>
    Object.assign(new Error(`ENOENT: no such file or directory, open '${String(target)}'`), { code: 'ENOENT', errno: -2, path: String(target) });
  const open = ((target: string, ...rest: unknown[]) =>
    String(target).includes('removed-meanwhile') ? Promise.reject(gone(target)) : (fs.open as (...args: unknown[]) => unknown)(target, ...rest)) as typeof fs.open;
  const readdir = ((target: string, ...rest: unknown[]) =>
    String(target).includes('removed-meanwhile') ? Promise.reject(gone(target)) : (fs.readdir as (...args: unknown[]) => unknown)(target, ...rest)) as typeof fs.readdir;
  return { ...fs, open, readdir, default: { ...fs, open, readdir } };
});

let dir: string;
let core: Pinpoint | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('a file moved or deleted while the folder is read', () => {
  it('is skipped with a warning, not a failed load', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-vanished-'));
    await writeFile(path.join(dir, 'article.md'), 'The settlement was $725 million.\n');
    await writeFile(path.join(dir, 'removed-meanwhile.md'), 'Renamed a moment later.\n');
    await mkdir(path.join(dir, 'filings-removed-meanwhile'));
    const pack = await loadKnowledge(dir);
    expect(pack.documents.map((document) => document.path)).toEqual(['article.md']);
    expect(pack.warnings).toEqual([
      `${path.join(dir, 'filings-removed-meanwhile')}: moved or deleted while the folder was read; skipped`,
      `${path.join(dir, 'removed-meanwhile.md')}: moved or deleted while the folder was read; skipped`,
    ]);
  });

  it('leaves a reload that reads the rest to serve it, instead of failing it', async () => {
    // The reload failed with "cannot be read (ENOENT …); fix it, or move it out of the knowledge folder", logged as an
    // error, and the previous index kept serving until the next change.
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-vanished-'));
    await writeFile(path.join(dir, 'article.md'), 'The settlement was $725 million.\n');
    core = await createPinpoint({ knowledgeDir: dir });
    await writeFile(path.join(dir, 'order.md'), 'The court approved the settlement in full.\n');
    await writeFile(path.join(dir, 'removed-meanwhile.md'), 'Renamed a moment later.\n');
    expect(await core.reload()).toMatchObject({ ok: true, documents: 2 });
    const answer = core.ask('Did the court approve the settlement?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The court approved the settlement in full.');
  });
});
