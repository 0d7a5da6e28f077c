import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPinpoint, type Logger, type Pinpoint } from '../src/index.js';

const ARTICLE = `---
title: Hot reload test
kind: news-article
---
Netflix received bi-weekly reports from the social network.

The settlement was $725 million.
`;

function recordingLogger(): Logger & { errors: object[] } {
  const errors: object[] = [];
  const logger: Logger & { errors: object[] } = {
    errors,
    debug: () => {},
    info: () => {},
    warn: () => {},
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

describe('knowledge hot reload', () => {
  it('swaps in a new index when a document changes in the watched folder', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-reload-'));
    await writeFile(path.join(dir, 'article.md'), ARTICLE);
    core = await createPinpoint({ knowledgeDir: dir, watch: true });
    const before = core.stats().knowledgeHash;
    expect(core.ask('What does the Zebra clause say?').kind).toBe('no-match');

    await writeFile(path.join(dir, 'article.md'), `${ARTICLE}\nThe Zebra clause says the data stays private.\n`);
    await vi.waitFor(() => expect(core!.stats().knowledgeHash).not.toBe(before), { timeout: 5000, interval: 50 });
    const answer = core.ask('What does the Zebra clause say?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The Zebra clause says the data stays private.');
  });

  it('keeps the old index serving and logs the file and line when a document breaks', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-reload-'));
    await writeFile(path.join(dir, 'article.md'), ARTICLE);
    const logger = recordingLogger();
    core = await createPinpoint({ knowledgeDir: dir, logger });
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
});
