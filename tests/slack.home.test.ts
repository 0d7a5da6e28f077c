import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSlackHome } from '../adapters/slack/render-home.js';
import type { KnownBlock } from '../adapters/slack/render.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';

// A short filing is one passage; a longer one several.
const NOTICE = `---
title: Notice of Appearance
kind: other
date: 2024-02-02
---
Jane Roe appears as counsel for the plaintiffs.
`;
const ORDER = `---
title: Scheduling Order
kind: order
date: 2024-03-01
---
The parties shall complete discovery by June 1.

Dispositive motions are due by July 15.
`;

let dir: string;
let core: Pinpoint;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-home-'));
  await writeFile(path.join(dir, 'notice.md'), NOTICE);
  await writeFile(path.join(dir, 'order.md'), ORDER);
  core = await createPinpoint({ knowledgeDir: dir });
});
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

function sectionTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

describe('the Slack App Home tab', () => {
  it('counts one passage in the singular, as Discord’s /docs does', () => {
    const texts = sectionTexts(toSlackHome([], core.documents()).blocks as KnownBlock[]);
    expect(texts).toContain('Notice of Appearance\nother · 2024-02-02 · 1 passage');
    expect(texts).toContain('Scheduling Order\norder · 2024-03-01 · 2 passages');
  });
});
