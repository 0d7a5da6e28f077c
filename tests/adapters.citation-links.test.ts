import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDiscordMessage, toDocumentsMessage } from '../adapters/discord/render.js';
import { toSlackBlocks } from '../adapters/slack/render.js';
import { toSlackHome } from '../adapters/slack/render-home.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';

// Court sites publish filings under names with spaces and brackets; the front matter accepts such a URL as written.
const URL_AS_WRITTEN = 'https://courts.example.gov/filings/Order on Motion (ECF 12).pdf?part=1|2';
const URL_ENCODED = 'https://courts.example.gov/filings/Order%20on%20Motion%20(ECF%2012).pdf?part=1%7C2';

const ORDER = `---
title: Order on the Motion to Dismiss
kind: order
date: 2024-03-01
url: "${URL_AS_WRITTEN}"
---
The motion to dismiss the wiretap claim is denied.

The court grants leave to amend the unjust enrichment claim within thirty days.
`;

let dir: string;
let core: Pinpoint;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-links-'));
  await writeFile(path.join(dir, 'order.md'), ORDER);
  core = await createPinpoint({ knowledgeDir: dir });
});
afterAll(async () => {
  await core?.close();
  await rm(dir, { recursive: true, force: true });
});

function discordText(messages: ReturnType<typeof toDiscordMessage>): string {
  return messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');
}

function slackText(blocks: ReturnType<typeof toSlackBlocks>['blocks']): string {
  return JSON.stringify(blocks);
}

describe('a citation whose URL has spaces, brackets or a bar', () => {
  it('links it on Discord, percent-encoded inside <> so the link is whole', () => {
    const answer = core.ask('Was the motion to dismiss the wiretap claim denied?');
    expect(answer.kind).toBe('excerpts');
    expect(discordText(toDiscordMessage(answer, { stats: core.stats() }))).toContain(`<${URL_ENCODED}>`);
    expect(discordText(toDocumentsMessage(core.documents(), core.stats()))).toContain(`<${URL_ENCODED}>`);
  });

  it('links it on Slack, percent-encoded, in the answer and in the App Home documents', () => {
    const answer = core.ask('Was the motion to dismiss the wiretap claim denied?');
    expect(answer.kind).toBe('excerpts');
    const link = `<${URL_ENCODED}|Order on the Motion to Dismiss>`;
    expect(slackText(toSlackBlocks(answer).blocks)).toContain(link);
    expect(JSON.stringify(toSlackHome([], core.documents()).blocks)).toContain(link);
  });
});
