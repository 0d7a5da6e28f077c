import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinpoint, type Logger, type Pinpoint } from '../src/index.js';
import { silentLogger } from '../src/logger.js';
import { watchFolder } from '../src/watch-folder.js';

const ARTICLE = `---
title: Hot reload test
kind: news-article
---
Netflix received bi-weekly reports from the social network.

The settlement was $725 million.
`;

function recordingLogger(): Logger & { errors: object[]; infos: string[]; warnings: string[] } {
  const errors: object[] = [];
  const infos: string[] = [];
  const warnings: string[] = [];
  const logger: Logger & { errors: object[]; infos: string[]; warnings: string[] } = {
    errors,
    infos,
    warnings,
    debug: () => {},
    info: (_fields, message) => void infos.push(message ?? ''),
    warn: (fields) => void warnings.push(String((fields as { warning?: string }).warning)),
    error: (fields) => void errors.push(fields),
    child: () => logger,
  };
  return logger;
}

let dir: string;
let core: Pinpoint | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A core on a fresh folder holding ARTICLE, with a recording logger; `dir` is that folder. */
async function coreOnArticle(options: { watch?: boolean } = {}) {
  dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-reload-'));
  await writeFile(path.join(dir, 'article.md'), ARTICLE);
  const logger = recordingLogger();
  core = await createPinpoint({ knowledgeDir: dir, logger, ...options });
  return { core, logger };
}

describe('knowledge hot reload', () => {
  it('swaps in a new index when a document changes in the watched folder', async () => {
    const { core } = await coreOnArticle({ watch: true });
    const before = core.stats().knowledgeHash;
    expect(core.ask('What does the Zebra clause say?').kind).toBe('no-match');

    await writeFile(path.join(dir, 'article.md'), `${ARTICLE}\nThe Zebra clause says the data stays private.\n`);
    await vi.waitFor(() => expect(core!.stats().knowledgeHash).not.toBe(before), { timeout: 5000, interval: 50 });
    const answer = core.ask('What does the Zebra clause say?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The Zebra clause says the data stays private.');
  });

  it('keeps the old index serving and logs the file and line when a document breaks', async () => {
    const { core, logger } = await coreOnArticle();
    const before = core.stats();

    await writeFile(path.join(dir, 'article.md'), ARTICLE.replace('kind: news-article', 'kind: rumour'));
    const result = await core.reload();

    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error).toContain(`${path.join(dir, 'article.md')}:3: "kind": expected one of`);
    expect(logger.errors).toHaveLength(1);
    expect(core.stats()).toEqual(before);
    const answer = core.ask('How much was the settlement?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The settlement was $725 million.');
  });

  it('runs one reload after the running one for every call made meanwhile, and reads the last change', async () => {
    const { core, logger } = await coreOnArticle();
    logger.infos.length = 0;
    await writeFile(path.join(dir, 'article.md'), `${ARTICLE}\nThe Zebra clause says the data stays private.\n`);
    // Called in the same tick, so the first reload is surely still running: awaiting anything in between
    // could let it finish first. That the queued reload starts only after it is the queue's own test's job.
    const first = core.reload();
    const waiting = [core.reload(), core.reload(), core.reload()];
    expect(new Set(waiting).size).toBe(1);
    expect((await Promise.all([first, ...waiting])).map((result) => result.ok)).toEqual([true, true, true, true]);
    expect(logger.infos.filter((message) => message === 'knowledge reloaded')).toHaveLength(2);
    const answer = core.ask('What does the Zebra clause say?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The Zebra clause says the data stays private.');
  });

  it('joins the queued reload when called the moment the running one ends', async () => {
    const { core, logger } = await coreOnArticle();
    logger.infos.length = 0;
    const first = core.reload();
    // Registered before the queued reload exists, so it runs as the first one ends, before the queued one starts.
    const atTheEnd = first.then(() => core!.reload());
    const queued = core.reload();
    expect(await atTheEnd).toBe(await queued);
    expect(logger.infos.filter((message) => message === 'knowledge reloaded')).toHaveLength(2);
  });

  it('loads nothing more once closed, not even a change still waiting out its debounce', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-reload-'));
    const knowledgeDir = path.join(dir, 'knowledge');
    await mkdir(knowledgeDir);
    await writeFile(path.join(knowledgeDir, 'article.md'), ARTICLE);
    const logger = recordingLogger();
    const closing = await createPinpoint({ knowledgeDir, dataDir: path.join(dir, 'data'), logger, watch: true });
    const cacheBefore = await readdir(path.join(dir, 'data', 'index-cache'));
    logger.infos.length = 0;
    // Only the core's timers are faked: the debounce is then seen pending, and fired on demand.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await writeFile(path.join(knowledgeDir, 'article.md'), `${ARTICLE}\nThe Zebra clause says the data stays private.\n`);
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1), { timeout: 5000, interval: 20 });
      await closing.close();
      vi.runOnlyPendingTimers();
    } finally {
      vi.useRealTimers();
    }
    // A reload the debounce started would finish before this one; after close neither may touch DATA_DIR.
    expect(await closing.reload()).toEqual({ ok: false, error: 'pinpoint: the core is closed; nothing was reloaded' });
    expect(logger.errors).toEqual([]);
    expect(logger.infos).toEqual([]);
    expect(await readdir(path.join(dir, 'data', 'index-cache'))).toEqual(cacheBefore);
  });

  it('warns about a file it does not read once, not again on every reload, and again when it comes back', async () => {
    // A folder of 30 images repeated its 30 warnings on every edit of any document.
    const { core, logger } = await coreOnArticle();
    await writeFile(path.join(dir, 'photo.png'), 'PNG');
    await core.reload();
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toContain(`${path.join(dir, 'photo.png')}: not a format Pinpoint reads`);
    await writeFile(path.join(dir, 'article.md'), `${ARTICLE}\nThe Zebra clause says the data stays private.\n`);
    await core.reload();
    await core.reload();
    expect(logger.warnings).toHaveLength(1);
    await rm(path.join(dir, 'photo.png'));
    await core.reload();
    await writeFile(path.join(dir, 'photo.png'), 'PNG');
    await core.reload();
    expect(logger.warnings).toHaveLength(2);
  });

  it("does not re-index for an editor's swap, backup and lock files, only for the document saved", async () => {
    // Vim rewrites ".a.md.swp" every few seconds while someone types: each write reloaded the whole pack.
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-reload-'));
    await writeFile(path.join(dir, 'article.md'), ARTICLE);
    const saved = path.join(dir, 'zebra.md');
    // Whether the saved document was there when the watch reported a change: before it, only editor files changed.
    const reported: boolean[] = [];
    const watcher = watchFolder(dir, () => void reported.push(existsSync(saved)), silentLogger);
    try {
      // Kate's swap file, and notes and a git folder, are dot or underscore names the loader leaves out too.
      await mkdir(path.join(dir, '_notes'));
      await mkdir(path.join(dir, '.git'));
      for (const name of ['.article.md.swp', '4913', 'article.md~', '.#article.md', '#article.md#', '.article.md.kate-swp', '_notes/todo.md', '.git/index']) {
        await writeFile(path.join(dir, name), 'Half-typed text.');
      }
      await rm(path.join(dir, '4913'));
      // Time for a watch to report those; a watch that ignores them reports nothing however long this is.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await writeFile(saved, 'The Zebra clause says the data stays private.\n');
      await vi.waitFor(() => expect(reported).toContain(true), { timeout: 5000, interval: 20 });
      expect(reported.filter((existed) => !existed)).toEqual([]);
    } finally {
      watcher.close();
    }
  });

  it('reloads when a document changes in a linked folder outside the knowledge folder', async () => {
    // "filings" → a shared folder: the loader read the documents in its subfolders, but the watch of the knowledge
    // folder never saw a change in one, so a filing added to "filings/2024" was quoted only after a restart.
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-reload-'));
    const knowledgeDir = path.join(dir, 'knowledge');
    const shared = path.join(dir, 'shared-filings');
    const exhibits = path.join(dir, 'shared-exhibits');
    await Promise.all([mkdir(knowledgeDir), mkdir(path.join(shared, '2024'), { recursive: true }), mkdir(path.join(exhibits, 'volume-1'), { recursive: true })]);
    await writeFile(path.join(knowledgeDir, 'article.md'), ARTICLE);
    await writeFile(path.join(shared, '2024', 'order.md'), 'The motion is granted.\n');
    await symlink(shared, path.join(knowledgeDir, 'filings'));
    core = await createPinpoint({ knowledgeDir, watch: true });
    const quoteFor = (question: string) => {
      const answer = core!.ask(question);
      return answer.kind === 'excerpts' ? answer.excerpts[0]!.quote : undefined;
    };
    const waitForQuote = (question: string, quote: string) => vi.waitFor(() => expect(quoteFor(question)).toBe(quote), { timeout: 5000, interval: 50 });

    await writeFile(path.join(shared, '2024', 'zebra.md'), 'The Zebra clause says the data stays private.\n');
    await waitForQuote('What does the Zebra clause say?', 'The Zebra clause says the data stays private.');
    // A folder linked in while the bot runs is followed from the reload that reads it.
    await writeFile(path.join(exhibits, 'volume-1', 'yak.md'), 'The Yak clause lets users delete their data.\n');
    await symlink(exhibits, path.join(knowledgeDir, 'exhibits'));
    await waitForQuote('What does the Yak clause say?', 'The Yak clause lets users delete their data.');
    await writeFile(path.join(exhibits, 'volume-1', 'walrus.md'), 'The Walrus clause limits data sharing to one year.\n');
    await waitForQuote('What does the Walrus clause say?', 'The Walrus clause limits data sharing to one year.');
  });

  it('follows the knowledge folder when it is replaced by a new one', async () => {
    // Deploying documents by swapping the whole folder (mv aside and mv in, or delete and copy anew) left
    // the watch on the old folder: a later change was never loaded. Each step waits for the core to have
    // loaded the replaced folder, then checks that a change inside it is still seen.
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-reload-'));
    const knowledgeDir = path.join(dir, 'knowledge');
    await mkdir(knowledgeDir);
    await writeFile(path.join(knowledgeDir, 'article.md'), ARTICLE);
    core = await createPinpoint({ knowledgeDir, watch: true });
    const quoteFor = (question: string) => {
      const answer = core!.ask(question);
      return answer.kind === 'excerpts' ? answer.excerpts[0]!.quote : undefined;
    };
    const waitForQuote = (question: string, quote: string | undefined) =>
      vi.waitFor(() => expect(quoteFor(question)).toBe(quote), { timeout: 5000, interval: 50 });

    const next = path.join(dir, 'knowledge.next');
    await cp(knowledgeDir, next, { recursive: true });
    await writeFile(path.join(next, 'zebra.md'), 'The Zebra clause says the data stays private.\n');
    await rename(knowledgeDir, path.join(dir, 'knowledge.old'));
    await rename(next, knowledgeDir);
    await waitForQuote('What does the Zebra clause say?', 'The Zebra clause says the data stays private.');
    await writeFile(path.join(knowledgeDir, 'yak.md'), 'The Yak clause lets users delete their data.\n');
    await waitForQuote('What does the Yak clause say?', 'The Yak clause lets users delete their data.');

    await rm(knowledgeDir, { recursive: true });
    await mkdir(knowledgeDir);
    await writeFile(path.join(knowledgeDir, 'article.md'), ARTICLE);
    await waitForQuote('What does the Zebra clause say?', undefined);
    await writeFile(path.join(knowledgeDir, 'walrus.md'), 'The Walrus clause limits data sharing to one year.\n');
    await waitForQuote('What does the Walrus clause say?', 'The Walrus clause limits data sharing to one year.');
  });
});
