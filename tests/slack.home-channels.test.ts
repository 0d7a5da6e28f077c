import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPIN_ACTION_ID } from '../adapters/slack/actions.js';
import { NOT_PUBLIC_HEADER } from '../adapters/slack/render-home.js';
import { UNPINNED_TEXT } from '../adapters/slack/unpin.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { FakeSlack, FAKE_TEAM_ID } from './fakes/slack-api.js';
import { allText, GENEROUS, startHttpSlack, type Block, type HttpSlack } from './fakes/slack-harness.js';
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

  it('asks Slack about each channel once, however often the tab opens, and never about a direct message', async () => {
    await openHome('U0MEMBER');
    await openHome('U0MOD');
    for (const channel of [...Object.keys(PINS), ...Object.keys(STALE_PINS)]) {
      expect(lookupsOf(channel), channel).toBe(channel === 'D0DIRECT' ? 0 : 1);
    }
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

describe('Slack App Home shows moderators the pins of other channels, without their question', () => {
  const QUESTION = 'how much did Netflix pay Facebook, asked in a hushed private channel';
  const QUOTE = 'more than 150 million dollars';
  /** The whole view Slack was last asked to publish for `user`, as JSON: buttons and confirmations included. */
  const publishedJson = (user: string) =>
    JSON.stringify(fake.callsOf('views.publish').filter((call) => call.params.user_id === user).at(-1)?.params.view);
  const unpinValues = (blocks: Block[]) =>
    blocks.flatMap((block) => (block.accessory?.action_id === UNPIN_ACTION_ID ? [block.accessory.value] : []));
  /** The value of the Unpin button beside the line naming `channel`, as a moderator would press it. */
  const unpinBeside = (blocks: Block[], channel: string) =>
    blocks.find((block) => block.text?.text.includes(`<#${channel}>`) && block.accessory?.action_id === UNPIN_ACTION_ID)?.accessory?.value;
  let pinId = '';

  beforeAll(() => {
    fake.channels.set('G0HUSHED', { is_private: true });
    const answer = core.ask('How much did Netflix pay Facebook for advertising?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]?.quote).toContain(QUOTE);
    pinId = core.pins.pin({ scope: { ...server, channel: 'G0HUSHED' }, question: QUESTION, answer, pinnedBy: 'U0MOD' }).pin.id;
  });

  it('lists a private channel’s pin for moderators by channel and date, with Unpin, and no question or quote anywhere', async () => {
    const blocks = await openHome('U0MOD');
    const text = allText(blocks);
    expect(text).toMatch(/Pinned in <#G0HUSHED> on \d{4}-\d{2}-\d{2}\./);
    expect(text).toContain(NOT_PUBLIC_HEADER);
    expect(text).toMatch(/Pinned in <#G0SECRETFINE> on [\d-]+\. ⚠️ Source changed since pinning\./);
    expect(text).toMatch(/Pinned in a direct message on [\d-]+\./);
    expect(text).toContain('Pinned in <#C0NOSCOPE>');
    expect(unpinBeside(blocks, 'G0HUSHED')).toBe(pinId);
    const json = publishedJson('U0MOD');
    for (const secret of [QUESTION, QUOTE, PINS.G0SECRET, PINS.D0DIRECT, PINS.C0NOSCOPE, STALE_PINS.G0SECRETFINE]) expect(json).not.toContain(secret);
  });

  it('unpins a private channel’s pin from that section, as any Unpin', async () => {
    const value = unpinBeside(await openHome('U0MOD'), 'G0HUSHED');
    expect(value).toBe(pinId);
    const tab = await slack.pressInHome(UNPIN_ACTION_ID, value ?? '', 'U0MOD');
    expect(tab[0]?.text?.text).toBe(UNPINNED_TEXT);
    expect(core.pins.list(server).map((pin) => pin.id)).not.toContain(pinId);
    expect(unpinValues(tab)).not.toContain(pinId);
    expect(allText(tab)).not.toContain('<#G0HUSHED>');
  });

  it('shows members no trace of the pins of other channels', async () => {
    core.pins.pin({ scope: { ...server, channel: 'G0HUSHED' }, question: QUESTION, answer: core.ask('How much did Netflix pay Facebook for advertising?'), pinnedBy: 'U0MOD' });
    await openHome('U0MEMBER');
    const json = publishedJson('U0MEMBER');
    for (const trace of [NOT_PUBLIC_HEADER, 'G0HUSHED', 'G0SECRET', 'D0DIRECT', 'C0NOSCOPE', QUESTION, QUOTE, UNPIN_ACTION_ID]) expect(json).not.toContain(trace);
  });
});

describe('Slack App Home shows moderators the unanswered questions of public channels only', () => {
  // Questions the documents cannot answer, each naming where it was asked, as a workspace member would ask them.
  const ASKED = {
    C0PUBLIC: 'what is the recipe for lemon sorbet, asked in the public channel',
    G0SECRET: 'what is the recipe for lemon sorbet, asked about my divorce in the private channel',
    D0DIRECT: 'what is the recipe for lemon sorbet, asked about my debts in a direct message',
    C0NOSCOPE: 'what is the recipe for lemon sorbet, asked where the scope is missing',
  } as const;
  const SHARED = 'who is the pope of mars';

  beforeAll(async () => {
    for (const [channel, question] of Object.entries(ASKED)) {
      expect(allText((await slack.ask(question, 'U0MEMBER', channel)).body.blocks as Block[])).toContain("I couldn't find that");
    }
    // Asked in public, then again in a private channel in its own words: the public phrasing and count are shown.
    await slack.ask(SHARED, 'U0MEMBER', 'C0PUBLIC');
    await slack.ask('Who is the Pope of Mars??', 'U0MEMBER', 'G0SECRET');
  });

  it('lists the questions of public channels and counts, without their text, those asked only elsewhere', async () => {
    const text = allText(await openHome('U0MOD'));
    expect(text).toContain(`• *1×* ${ASKED.C0PUBLIC} · last asked `);
    expect(text).toContain(`• *1×* ${SHARED} · last asked `);
    expect(text).toContain('🔒 Not shown: 3 unanswered questions asked only in private channels or direct messages, or before Pinpoint noted the channel.');
    const json = JSON.stringify(fake.callsOf('views.publish').at(-1)?.params.view);
    for (const secret of [ASKED.G0SECRET, ASKED.D0DIRECT, ASKED.C0NOSCOPE, 'Pope of Mars??', 'divorce', 'debts']) expect(json).not.toContain(secret);
  });
});
