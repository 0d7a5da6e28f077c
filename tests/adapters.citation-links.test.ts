import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDiscordMessage, toDocumentsMessage } from '../adapters/discord/render.js';
import { toSlackBlocks } from '../adapters/slack/render.js';
import { toSlackHome } from '../adapters/slack/render-home.js';
import { createPackCore, type PackCore } from './helpers/pack-core.js';

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

let pack: PackCore;
beforeAll(async () => {
  pack = await createPackCore({ 'order.md': ORDER });
});
afterAll(() => pack?.close());

function discordText(messages: ReturnType<typeof toDiscordMessage>): string {
  return messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n');
}

function slackText(blocks: ReturnType<typeof toSlackBlocks>['blocks']): string {
  return JSON.stringify(blocks);
}

describe('a citation whose URL has spaces, brackets or a bar', () => {
  it('links it on Discord, percent-encoded inside <> so the link is whole', () => {
    const answer = pack.core.ask('Was the motion to dismiss the wiretap claim denied?');
    expect(answer.kind).toBe('excerpts');
    expect(discordText(toDiscordMessage(answer, { stats: pack.core.stats() }))).toContain(`<${URL_ENCODED}>`);
    expect(discordText(toDocumentsMessage(pack.core.documents(), pack.core.stats()))).toContain(`<${URL_ENCODED}>`);
  });

  it('links it on Slack, percent-encoded, in the answer and in the App Home documents', () => {
    const answer = pack.core.ask('Was the motion to dismiss the wiretap claim denied?');
    expect(answer.kind).toBe('excerpts');
    const link = `<${URL_ENCODED}|Order on the Motion to Dismiss>`;
    expect(slackText(toSlackBlocks(answer).blocks)).toContain(link);
    expect(JSON.stringify(toSlackHome([], pack.core.documents()).blocks)).toContain(link);
  });
});
