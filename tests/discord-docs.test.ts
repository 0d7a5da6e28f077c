import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPinpoint } from '../src/index.js';
import { FAKE_IDS, type FakeCall } from './fakes/discord.js';
import { buttonPayload, commandPayload } from './fakes/discord-payloads.js';
import { startGatewayAdapter, useFakeDiscordSuite } from './helpers/discord-suite.js';

// /docs in a case with more documents than one reply lists: every one of them must stay in reach.

const suite = useFakeDiscordSuite();

interface Body {
  embeds?: { description?: string }[];
  components?: { components: { custom_id: string; label: string }[] }[];
  flags?: number;
}

/** A knowledge folder of `count` filings, "Exhibit 01" to "Exhibit NN", removed after the test. */
async function startWithDocuments(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'pinpoint-docs-'));
  suite.cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (let n = 1; n <= count; n += 1) {
    const number = String(n).padStart(2, '0');
    writeFileSync(path.join(dir, `exhibit-${number}.md`), `---\ntitle: "Exhibit ${number}"\nkind: exhibit\n---\nExhibit ${number} records payment number ${n} to the vendor.\n`);
  }
  const core = await createPinpoint({ knowledgeDir: dir });
  suite.cleanups.push(() => core.close());
  return startGatewayAdapter(suite, { core });
}

/** Dispatches an interaction and returns every message its reply posted (the edit of @original, then follow-ups). */
async function replyTo(payload: Record<string, unknown>): Promise<Body[]> {
  const from = suite.fake.calls.length;
  const token = String(payload.token);
  suite.fake.dispatch('INTERACTION_CREATE', payload);
  const original = `/webhooks/${FAKE_IDS.application}/${token}/messages/@original`;
  await suite.fake.waitForCall((c) => c.method === 'PATCH' && c.path === original, from, 'the reply');
  const ours = (c: FakeCall) => c.path === original || c.path === `/webhooks/${FAKE_IDS.application}/${token}`;
  return suite.fake.calls.slice(from).filter((c) => c.method !== 'GET' && ours(c)).map((c) => c.body as Body);
}

const lines = (messages: Body[]): string[] => messages.flatMap((m) => (m.embeds ?? []).flatMap((e) => (e.description ?? '').split('\n\n')));
const buttons = (messages: Body[]) => messages.flatMap((m) => (m.components ?? []).flatMap((row) => row.components));

describe('discord /docs with more documents than one reply lists', () => {
  it('lists the first 20 with a count and a More button that lists the rest', async () => {
    await startWithDocuments(45);

    const first = await replyTo(commandPayload('docs'));
    expect(lines(first)).toHaveLength(21);
    expect(lines(first)[0]).toBe('**1.** Exhibit 01 · exhibit · 1 passage');
    expect(lines(first)[20]).toBe('Documents 1–20 of 45. Press More for the next ones.');
    expect(buttons(first).map((b) => b.label)).toEqual(['More']);

    const second = await replyTo(buttonPayload(buttons(first)[0]?.custom_id ?? '', { messageFlags: 64 }));
    expect(lines(second)[0]).toBe('**21.** Exhibit 21 · exhibit · 1 passage');
    expect(lines(second)[20]).toBe('Documents 21–40 of 45. Press More for the next ones.');

    const last = await replyTo(buttonPayload(buttons(second)[0]?.custom_id ?? '', { messageFlags: 64 }));
    expect(lines(last)).toEqual([
      '**41.** Exhibit 41 · exhibit · 1 passage',
      '**42.** Exhibit 42 · exhibit · 1 passage',
      '**43.** Exhibit 43 · exhibit · 1 passage',
      '**44.** Exhibit 44 · exhibit · 1 passage',
      '**45.** Exhibit 45 · exhibit · 1 passage',
      'Documents 41–45 of 45.',
    ]);
    expect(buttons(last)).toEqual([]);
    expect([...first, ...second, ...last].every((m) => m.flags === undefined || m.flags === 64)).toBe(true);
  });

  it('lists a case of 20 documents or fewer whole, with no count and no button', async () => {
    await startWithDocuments(20);
    const reply = await replyTo(commandPayload('docs'));
    expect(lines(reply)).toHaveLength(20);
    expect(lines(reply)[19]).toBe('**20.** Exhibit 20 · exhibit · 1 passage');
    expect(buttons(reply)).toEqual([]);
  });
});

describe('discord /docs with a very long document title', () => {
  it('cuts the title as citations do, keeping its kind, passage count and link in one message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pinpoint-docs-'));
    suite.cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const title = `Order ${'granting in part the motion to dismiss the consolidated amended complaint '.repeat(60)}`;
    for (let n = 1; n <= 3; n += 1) {
      const front = `---\ntitle: "${title}${n}"\nkind: order\nurl: https://example.com/order-${n}\n---\n`;
      writeFileSync(path.join(dir, `order-${n}.md`), `${front}Order ${n} grants the motion in part.\n`);
    }
    const core = await createPinpoint({ knowledgeDir: dir });
    suite.cleanups.push(() => core.close());
    await startGatewayAdapter(suite, { core });

    const reply = await replyTo(commandPayload('docs'));
    expect(reply).toHaveLength(1);
    expect(lines(reply)).toHaveLength(3);
    for (const [i, line] of lines(reply).entries()) {
      expect(line.startsWith(`**${i + 1}.** Order granting in part`)).toBe(true);
      expect(line.length).toBeLessThan(400);
      expect(line).toMatch(new RegExp(`… · order · 1 passage · <https://example\\.com/order-${i + 1}>$`));
    }
  });
});
