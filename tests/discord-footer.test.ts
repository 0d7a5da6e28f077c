import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footerText, toDiscordMessage } from '../adapters/discord/render.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';

// A new deployment's first document: one short filing, one passage.
const NOTICE = `---
title: Notice of Appearance
kind: other
---
Jane Roe appears as counsel for the plaintiffs.
`;

let dir: string;
let core: Pinpoint;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-footer-'));
  await writeFile(path.join(dir, 'notice.md'), NOTICE);
  core = await createPinpoint({ knowledgeDir: dir });
});
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Discord answer footer', () => {
  it('counts one document and one passage in the singular', () => {
    expect(core.stats()).toMatchObject({ documents: 1, passages: 1 });
    expect(footerText(core.stats())).toMatch(/^1 document indexed · 1 passage · updated \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    const answer = core.ask('Who appears as counsel for the plaintiffs?');
    expect(answer.kind).toBe('excerpts');
    expect(toDiscordMessage(answer, { stats: core.stats() }).at(-1)?.embeds.at(-1)?.footer?.text).toBe(footerText(core.stats()));
  });
});
