import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { FakeSlack, FAKE_TEAM_ID } from './fakes/slack-api.js';
import { allText, GENEROUS, startHttpSlack, type HttpSlack } from './fakes/slack-harness.js';
import { RecordingLogger } from './fakes/slack-log.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'slack');
const server = { platform: 'slack', server: FAKE_TEAM_ID } as const;
// One pin per channel, each with a question that names its channel, so the tab shows which ones it lists.
const PINS = {
  C0PUBLIC: 'who are the plaintiffs, asked in the public channel',
  G0SECRET: 'who are the plaintiffs, asked in the private channel',
  D0DIRECT: 'who are the plaintiffs, asked in a direct message',
  C0NOSCOPE: 'who are the plaintiffs, asked where the scope is missing',
} as const;
// Pins whose source then changes: the moderators' stale list must keep the private one out too.
const STALE_PINS = {
  C0PUBLICFINE: 'how much was the Irish fine, asked in public',
  G0SECRETFINE: 'how much was the Irish fine, asked in private',
} as const;

let knowledge: string;
let fake: FakeSlack;
let core: Pinpoint;
let slack: HttpSlack;
let homes = 0;
const logger = new RecordingLogger();
const openHome = (user: string) => slack.openHome(user, `Ev0CHANNELS${(homes += 1)}`);
const lookupsOf = (channel: string) => fake.callsOf('conversations.info').filter((call) => call.params.channel === channel).length;

beforeAll(async () => {
  knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-slack-home-'));
  cpSync(FIXTURE, knowledge, { recursive: true });
  fake = await FakeSlack.start();
  fake.users.set('U0MEMBER', {});
  fake.channels.set('G0SECRET', { is_private: true });
  fake.channels.set('G0SECRETFINE', { is_private: true });
  fake.channels.set('D0DIRECT', { is_im: true });
  fake.channels.set('C0NOSCOPE', { error: 'missing_scope', needed: 'channels:read' });
  core = await createPinpoint({ knowledgeDir: knowledge, rates: GENEROUS });
  const plaintiffs = core.ask('Who are the plaintiffs?');
  const fine = core.ask('how much was the Irish fine');
  for (const [channel, question] of Object.entries(PINS)) {
    core.pins.pin({ scope: { ...server, channel }, question, answer: plaintiffs, pinnedBy: 'U0MOD' });
  }
  for (const [channel, question] of Object.entries(STALE_PINS)) {
    core.pins.pin({ scope: { ...server, channel }, question, answer: fine, pinnedBy: 'U0MOD' });
  }
  const fines = path.join(knowledge, 'fines.md');
  writeFileSync(fines, readFileSync(fines, 'utf8').replace('fined Meta 265 million euros', 'fined Meta 256 million euros'));
  expect(await core.reload()).toMatchObject({ ok: true, changed: true });
  expect(core.pins.listStale(server)).toHaveLength(2);
  slack = await startHttpSlack(fake, core, logger);
});

afterAll(async () => {
  await slack?.close();
  await core?.close();
  await fake?.close();
  rmSync(knowledge, { recursive: true, force: true });
});

describe('Slack App Home lists the pins of public channels only', () => {
  it('lists a public channel’s pin and leaves out those of a private channel and a direct message', async () => {
    const text = allText(await openHome('U0MEMBER'));
    expect(text).toContain(PINS.C0PUBLIC);
    expect(text).toContain(STALE_PINS.C0PUBLICFINE);
    expect(text).not.toContain(PINS.G0SECRET);
    expect(text).not.toContain(PINS.D0DIRECT);
    expect(text).not.toContain(STALE_PINS.G0SECRETFINE);
  });

  it('leaves out a channel Slack will not describe for lack of channels:read, and warns which scope to add', async () => {
    const text = allText(await openHome('U0MEMBER'));
    expect(text).not.toContain(PINS.C0NOSCOPE);
    const warnings = logger.entries.filter((entry) => entry.level === 'warn' && entry.message?.includes('channels:read'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.fields).toMatchObject({ channel: 'C0NOSCOPE', scope: 'channels:read' });
  });

  it('shows moderators no private channel’s question either, in the pins or in the stale pins', async () => {
    const text = allText(await openHome('U0MOD'));
    expect(text).toContain('⚠️ Stale pins');
    expect(text).toContain(`*${STALE_PINS.C0PUBLICFINE}*\nPinned in <#C0PUBLICFINE> on `);
    expect(text).toContain(PINS.C0PUBLIC);
    for (const question of [PINS.G0SECRET, PINS.D0DIRECT, PINS.C0NOSCOPE, STALE_PINS.G0SECRETFINE]) expect(text).not.toContain(question);
  });

  it('asks Slack about each channel once, however often the tab opens', async () => {
    await openHome('U0MEMBER');
    await openHome('U0MOD');
    for (const channel of [...Object.keys(PINS), ...Object.keys(STALE_PINS)]) expect(lookupsOf(channel), channel).toBe(1);
  });

  it('hides a pin while Slack fails to answer, and asks again on the next visit', async () => {
    const question = 'who are the plaintiffs, asked while Slack was down';
    core.pins.pin({ scope: { ...server, channel: 'C0FLAKY' }, question, answer: core.ask('Who are the plaintiffs?'), pinnedBy: 'U0MOD' });
    fake.failNext('conversations.info', { kind: 'http500' });
    expect(allText(await openHome('U0MEMBER'))).not.toContain(question);
    expect(allText(await openHome('U0MEMBER'))).toContain(question);
    expect(lookupsOf('C0FLAKY')).toBe(2);
  });
});
