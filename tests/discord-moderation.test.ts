import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { alreadyPinnedText, TEXT, unpinElsewhereText, unpinFailedText } from '../adapters/discord/text.js';
import { PINPOINT_DISCORD_LIMITS } from '../adapters/discord/limits.js';
import { QUESTION_WITHHELD, STALE_PIN_NOTE } from '../adapters/discord/render.js';
import { gapsElsewhere, REPORT_TITLE } from '../adapters/discord/render-report.js';
import { createMetrics, type Metrics } from '../adapters/metrics/create-metrics.js';
import { instrumentCore } from '../adapters/metrics/instrument-core.js';
import { type Answer, createPinpoint, type Pinpoint } from '../src/index.js';
import { FAKE_IDS, type FakeCall } from './fakes/discord.js';
import { serveRoutes, signatureHeaders } from './fakes/discord-http.js';
import { createRecordingLogger } from './fakes/discord-logger.js';
import { useFakeDiscordSuite } from './helpers/discord-suite.js';
import { askPayload, autocompletePayload, buttonPayload, commandPayload, PERMS, type Who } from './fakes/discord-payloads.js';

const KNOWLEDGE = 'tests/fixtures/discord/knowledge';
const TOKEN = 'fake-bot-token';
const ROOMY = { user: { capacity: 1000, refillPerMinute: 1000 }, channel: { capacity: 1000, refillPerMinute: 1000 } };
const QUESTION = 'What did Netflix send Facebook in return?';
const MODERATOR: Who = { permissions: PERMS.moderator, userId: FAKE_IDS.moderator };
const ADMINISTRATOR: Who = { permissions: PERMS.administrator, userId: FAKE_IDS.moderator };
/** A channel of the server other than FAKE_IDS.channel, e.g. the private channel of a team. */
const OTHER_CHANNEL = '700000000000000099';

interface Reply {
  type?: number;
  data?: { flags?: number; content?: string };
  content?: string;
  embeds?: { title?: string; description?: string }[];
  components?: { components: { custom_id: string; label?: string; emoji?: { name: string } }[] }[];
}

const votesOf = (core: Pinpoint, answerId: string) => core.answers.feedbackCounts(answerId);

const suite = useFakeDiscordSuite();

/**
 * The bot in HTTP-interactions mode over the real core (seen through `metrics` when given, as adapters/main.ts
 * does); `post` signs like Discord and waits until the turn is done.
 */
async function run(knowledgeDir = KNOWLEDGE, metrics?: Metrics) {
  const core = await createPinpoint({ knowledgeDir, rates: ROOMY });
  const logger = createRecordingLogger();
  const adapter = createDiscordAdapter({
    core: metrics ? instrumentCore(core, metrics, 'discord') : core,
    config: { DISCORD_PUBLIC_KEY: suite.signer.publicKeyHex, DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: suite.fake.apiBase },
    logger,
  });
  await adapter.start();
  const server = await serveRoutes(adapter.routes);
  suite.cleanups.push(async () => {
    await server.close();
    await adapter.stop();
    await core.close();
  });
  return {
    core,
    logger,
    async post(payload: Record<string, unknown>): Promise<{ json: Reply; from: number }> {
      const raw = JSON.stringify(payload);
      suite.fake.rememberInteraction(payload);
      const from = suite.fake.calls.length;
      const res = await fetch(`${server.url}/discord/interactions`, { method: 'POST', headers: signatureHeaders(suite.signer, raw), body: raw });
      const json = (await res.json()) as Reply;
      const done = new Set(['discord interaction handled', 'discord interaction failed']);
      await logger.waitFor((e) => e.fields.interaction === payload.id && done.has(e.message ?? ''));
      return { json, from };
    },
  };
}

const body = (call: FakeCall): Reply => call.body as Reply;
const editOf = (token: unknown, from: number) =>
  suite.fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${FAKE_IDS.application}/${String(token)}/messages/@original`, from);
const buttons = (reply: Reply) => (reply.components ?? []).flatMap((row) => row.components);
const buttonId = (reply: Reply, prefix: string): string => buttons(reply).find((b) => b.custom_id.startsWith(prefix))?.custom_id ?? '';
const text = (reply: Reply): string => (reply.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n');
const privateNotice = (content: string) => ({
  type: 4,
  data: { content, embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 },
});

/** Asks publicly and returns the answer message as edited in. */
async function ask(bot: Awaited<ReturnType<typeof run>>, question: string, who: Who = {}): Promise<Reply> {
  const payload = askPayload(question, who);
  const { from } = await bot.post(payload);
  return body(await editOf(payload.token, from));
}

describe('discord 👍/👎 feedback', () => {
  it('records a vote privately without touching the answer, and a second vote by the same user replaces the first', async () => {
    const bot = await run();
    const answer = await ask(bot, QUESTION);
    const up = buttonId(answer, 'pp:y:');
    const down = buttonId(answer, 'pp:n:');
    const answerId = up.split(':')[2] ?? '';
    expect(answerId).not.toBe('');
    expect(down).toBe(`pp:n:${answerId}:0`);
    expect(votesOf(bot.core, answerId)).toEqual({ up: 0, down: 0 });

    const first = await bot.post(buttonPayload(up));
    expect(first.json).toEqual(privateNotice('Thanks — noted.'));
    // The reply is the interaction response itself: no edit of the answer, no other REST call.
    expect(suite.fake.calls.slice(first.from)).toEqual([]);
    expect(votesOf(bot.core, answerId)).toEqual({ up: 1, down: 0 });

    expect((await bot.post(buttonPayload(down))).json).toEqual(privateNotice('Thanks — noted.'));
    expect(votesOf(bot.core, answerId)).toEqual({ up: 0, down: 1 });

    await bot.post(buttonPayload(up, { userId: FAKE_IDS.moderator }));
    expect(votesOf(bot.core, answerId)).toEqual({ up: 1, down: 1 });
  });

  it('offers no votes under a no-match answer', async () => {
    const bot = await run();
    const answer = await ask(bot, 'pizza recipes');
    expect(text(answer)).toContain('Nothing in the case documents answers “pizza recipes”.');
    expect(buttons(answer)).toEqual([]);
  });

  it('says privately that the vote was not recorded when the answer id is unknown', async () => {
    const bot = await run();
    const { json, from } = await bot.post(buttonPayload('pp:y:nosuchanswer:0'));
    expect(json).toEqual(privateNotice(TEXT.voteExpired));
    expect(suite.fake.calls.slice(from)).toEqual([]);
    expect(votesOf(bot.core, 'nosuchanswer')).toEqual({ up: 0, down: 0 });
  });
});

/** Sends a command and returns its deferral and the private message edited in. */
async function command(bot: Awaited<ReturnType<typeof run>>, name: string, who: Who): Promise<{ json: Reply; reply: Reply }> {
  const payload = commandPayload(name, {}, who);
  const { json, from } = await bot.post(payload);
  return { json, reply: body(await editOf(payload.token, from)) };
}

describe('discord /report', () => {
  it('shows a moderator the questions that got no match and the stale pins of the server, and /pins marks them', async () => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-report-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const bot = await run(knowledge);

    await ask(bot, 'pizza recipes');
    await ask(bot, 'Pizza   recipes?');
    const answer = await ask(bot, QUESTION);
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageId: '400000000000000201' });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toMatch(/^📌 Pinned\./);
    const [pin] = bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });
    expect(pin?.stale).toBe(false);
    const quotes = pin?.excerpts.length ?? 0;
    const pinLine = `**1.** ${QUESTION} ⚠️ stale\n${quotes} quote${quotes === 1 ? '' : 's'} in <#${FAKE_IDS.channel}>, pinned ${pin?.pinnedAt.slice(0, 10) ?? ''}`;

    const fresh = await command(bot, 'report', ADMINISTRATOR);
    expect(fresh.json).toEqual({ type: 5, data: { flags: 64 } });
    expect(fresh.reply.embeds?.[0]?.title).toBe(REPORT_TITLE);
    const freshBlocks = (fresh.reply.embeds?.[0]?.description ?? '').split('\n\n');
    expect(freshBlocks[1]).toMatch(/^\*\*1\.\*\* 2× Pizza recipes\? · last asked \d{4}-\d\d-\d\d · never uses “Pizza”, “recipes”$/);
    expect(freshBlocks.at(-1)).toBe('**Stale pins in this server**: none. Every pinned quote still matches its source.');

    // Edit the quoted sentence under the pin, then reload: the pin turns stale.
    const complaint = path.join(knowledge, 'complaint.md');
    writeFileSync(complaint, readFileSync(complaint, 'utf8').replace('bi-weekly reports', 'monthly reports'));
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });

    const { reply } = await command(bot, 'report', MODERATOR);
    const blocks = (reply.embeds?.[0]?.description ?? '').split('\n\n');
    expect(blocks.slice(-3)).toEqual([
      '**Stale pins in this server**:',
      pinLine,
      STALE_PIN_NOTE,
    ]);
    expect(buttons(reply)).toEqual([{ type: 2, style: 4, label: 'Unpin 1', custom_id: `pp:u:${pin?.id ?? ''}` }]);
    expect(JSON.stringify(reply)).toContain('"allowed_mentions":{"parse":[]}');

    const pins = await command(bot, 'pins', {});
    expect(pins.reply.embeds?.[0]?.description).toBe(`${pinLine}\n\n${STALE_PIN_NOTE}`);
  });

  it('shows a moderator no question asked in a channel they may not see, and stale pins there without their question', async () => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-report-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const bot = await run(knowledge);
    // In a private channel: a question the documents do not answer, and a pinned answer.
    const secret = { channelId: OTHER_CHANNEL };
    await ask(bot, 'are the moderators planning to ban pizza fans', secret);
    const answer = await ask(bot, QUESTION, secret);
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, ...secret, messageId: '400000000000000211' });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toMatch(/^📌 Pinned\./);
    const complaint = path.join(knowledge, 'complaint.md');
    writeFileSync(complaint, readFileSync(complaint, 'utf8').replace('bi-weekly reports', 'monthly reports'));
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });

    // A moderator of the public channel (Pin Messages there) runs /report in it, where a question found nothing too.
    await ask(bot, 'will the office holiday party move to friday');
    const { reply } = await command(bot, 'report', MODERATOR);
    expect(text(reply)).not.toMatch(/pizza|Netflix/i);
    const blocks = (reply.embeds?.[0]?.description ?? '').split('\n\n');
    expect(blocks[0]).toMatch(/^\*\*Questions that got no match\*\* in this channel, most asked first/);
    expect(blocks[1]).toMatch(/^\*\*1\.\*\* 1× will the office holiday party move to friday · last asked /);
    expect(blocks[2]).toBe(gapsElsewhere(1));
    expect(blocks[4]).toMatch(new RegExp(`^\\*\\*1\\.\\*\\* ${QUESTION_WITHHELD} ⚠️ stale\n\\d+ quotes? in <#${OTHER_CHANNEL}>, pinned `));

    // An administrator sees every channel: the questions are theirs to read.
    const all = await command(bot, 'report', ADMINISTRATOR);
    expect(text(all.reply)).toContain('are the moderators planning to ban pizza fans');
    expect(text(all.reply)).toContain(QUESTION);
  });

  it("counts the questions of this channel's public threads as its own, never a private thread's", async () => {
    const bot = await run();
    const threads = { public: '700000000000000101', private: '700000000000000102', unknown: '700000000000000103' };
    const thread = (type: number) => ({ type, parent_id: FAKE_IDS.channel, guild_id: FAKE_IDS.guild, name: 'a thread' });
    suite.fake.channels.set(threads.public, thread(11));
    suite.fake.channels.set(threads.private, thread(12));
    suite.cleanups.push(() => {
      for (const id of Object.values(threads)) suite.fake.channels.delete(id);
    });
    // Discord will not describe the third thread: its questions stay out (fail closed).
    suite.fake.fail('GET', new RegExp(`^/channels/${threads.unknown}$`), 403, { body: { message: 'Missing Access', code: 50001 } });
    await ask(bot, 'will the office holiday party move to friday');
    await ask(bot, 'pizza recipes', { channelId: threads.public });
    await ask(bot, 'are the moderators planning to ban pizza fans', { channelId: threads.private });
    await ask(bot, 'who brings the volleyball', { channelId: threads.unknown });

    const { reply } = await command(bot, 'report', MODERATOR);
    const blocks = (reply.embeds?.[0]?.description ?? '').split('\n\n');
    expect(blocks[0]).toMatch(/^\*\*Questions that got no match\*\* in this channel and its public threads, most asked first/);
    // Asked last first.
    expect(blocks.slice(1, 3).map((block) => block.replace(/ · last asked .*/, ''))).toEqual([
      '**1.** 1× pizza recipes',
      '**2.** 1× will the office holiday party move to friday',
    ]);
    expect(blocks[3]).toBe(gapsElsewhere(2));
    expect(text(reply)).not.toMatch(/ban pizza fans|volleyball/);
  });

  it('lists every unanswered question, ten at a time with More questions, and checks again who presses More', async () => {
    const bot = await run();
    const words = ['pizza', 'zebra', 'banana', 'trumpet', 'volcano', 'kangaroo', 'saxophone', 'glacier', 'tornado', 'penguin', 'lasagna', 'cactus'];
    for (const word of words) await ask(bot, `${word} recipes`);
    const questionsOf = (reply: Reply) =>
      (reply.embeds?.[0]?.description ?? '').split('\n\n').flatMap((block) => /^\*\*(\d+)\.\*\* 1× (\w+) recipes/.exec(block)?.slice(1, 3) ?? []);

    const first = (await command(bot, 'report', ADMINISTRATOR)).reply;
    const firstPage = questionsOf(first);
    expect(firstPage.filter((_, i) => i % 2 === 0)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(text(first)).toContain('Press **More questions** for the next ones.');
    expect(buttons(first)).toEqual([{ type: 2, style: 1, label: 'More questions', custom_id: 'pp:g:10' }]);

    const press = buttonPayload('pp:g:10', { ...ADMINISTRATOR, messageFlags: 64 });
    const { json, from } = await bot.post(press);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    const next = body(await editOf(press.token, from));
    const nextPage = questionsOf(next);
    expect(nextPage.filter((_, i) => i % 2 === 0)).toEqual(['11', '12']);
    // Every question once, over the two pages; the second lists no stale pins and offers no More.
    const asked = [...firstPage, ...nextPage].filter((_, i) => i % 2 === 1);
    expect(asked.sort()).toEqual([...words].sort());
    expect(text(next)).not.toContain('Stale pins');
    expect(buttons(next)).toEqual([]);

    // A member who got hold of the button (or lost the permission since) is refused, as /report refuses them.
    const member = await bot.post(buttonPayload('pp:g:10', { permissions: PERMS.member, messageFlags: 64 }));
    expect(member.json).toEqual(privateNotice(TEXT.notModeratorReport));
  });

  it.each([
    ['a member', { permissions: PERMS.member }, TEXT.notModeratorReport],
    ['a direct message', { guildId: null }, TEXT.guildOnlyReport],
  ])('refuses %s privately without calling the core or Discord', async (_name, who: Who, expected) => {
    const bot = await run();
    await ask(bot, 'pizza recipes');
    const gaps = vi.spyOn(bot.core.answers, 'noMatchReport');
    const stale = vi.spyOn(bot.core.pins, 'listStale');
    const { json, from } = await bot.post(commandPayload('report', {}, who));
    expect(json).toEqual(privateNotice(expected));
    expect(suite.fake.calls.slice(from)).toEqual([]);
    expect(gaps).not.toHaveBeenCalled();
    expect(stale).not.toHaveBeenCalled();
  });
});

describe('discord /pins', () => {
  it("lists to a member the pins of other channels by channel and date, without the question pinned there", async () => {
    const bot = await run();
    const secret = { channelId: OTHER_CHANNEL };
    const answer = await ask(bot, QUESTION, secret);
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, ...secret, messageId: '400000000000000221' });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toMatch(/^📌 Pinned\./);

    const elsewhere = await command(bot, 'pins', {});
    expect(text(elsewhere.reply)).not.toContain('Netflix');
    expect(elsewhere.reply.embeds?.[0]?.description).toMatch(new RegExp(`^\\*\\*1\\.\\*\\* ${QUESTION_WITHHELD}\n\\d+ quotes? in <#${OTHER_CHANNEL}>, pinned `));
    // /pins's More button (the next page of a long list) lists them the same way.
    const paged = buttonPayload('pp:l:0', secret);
    const more = await bot.post(paged);
    expect(text(body(await editOf(paged.token, more.from)))).toContain(QUESTION);
    // In its own channel, and to an administrator anywhere, the question is shown.
    expect(text((await command(bot, 'pins', secret)).reply)).toContain(QUESTION);
    expect(text((await command(bot, 'pins', ADMINISTRATOR)).reply)).toContain(QUESTION);
  });
});

describe('discord /pins and threads', () => {
  it("shows in a channel the questions pinned in its public threads, never a private thread's", async () => {
    const bot = await run();
    const threads = { public: '700000000000000121', private: '700000000000000122' };
    const thread = (type: number) => ({ type, parent_id: FAKE_IDS.channel, guild_id: FAKE_IDS.guild, name: 'a thread' });
    suite.fake.channels.set(threads.public, thread(11));
    suite.fake.channels.set(threads.private, thread(12));
    suite.cleanups.push(() => {
      for (const id of Object.values(threads)) suite.fake.channels.delete(id);
    });
    const pinIn = (channel: string, question: string) => {
      const scope = { platform: 'discord', server: FAKE_IDS.guild, channel };
      const answer = bot.core.ask(question, { scope });
      bot.core.pins.pin({ scope, question, answer, pinnedBy: FAKE_IDS.moderator, messageRef: `${channel}/400000000000000901` });
    };
    pinIn(threads.public, QUESTION);
    pinIn(threads.private, 'What about the Inbox API?');

    const { reply } = await command(bot, 'pins', {});
    const blocks = (reply.embeds?.[0]?.description ?? '').split('\n\n');
    expect(blocks.find((block) => block.includes(`<#${threads.public}>`))).toContain(QUESTION);
    expect(blocks.find((block) => block.includes(`<#${threads.private}>`))).toContain(QUESTION_WITHHELD);
    expect(text(reply)).not.toContain('Inbox API');
  });
});

/** Every REST call of `method` to `path` since `from`, in order. */
const callsTo = (method: string, path: string, from: number) => suite.fake.calls.slice(from).filter((c) => c.method === method && c.path === path);
const pinPath = (messageId: string) => `/channels/${FAKE_IDS.channel}/messages/pins/${messageId}`;

describe('discord Pin on an answer split over several messages', () => {
  it('pins the first message (the original response), not the follow-up that carries the buttons', async () => {
    const bot = await run();
    const answer = await ask(bot, QUESTION);
    const press = buttonPayload(buttonId(answer, 'pp:p:'), {
      ...MODERATOR,
      messageId: '400000000000000302',
      originalResponseId: '400000000000000301',
    });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toMatch(/^📌 Pinned\./);
    expect(callsTo('PUT', pinPath('400000000000000301'), from)).toHaveLength(1);
    expect(callsTo('PUT', pinPath('400000000000000302'), from)).toEqual([]);
    const [pin] = bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });
    expect(pin?.messageRef).toBe(`${FAKE_IDS.channel}/400000000000000301`);
    // The answer behind the pinned message's buttons is kept while pinned.
    expect(pin?.answerId).toBe(buttonId(answer, 'pp:p:').split(':')[2]);
  });

  it('posts every part of a long private answer publicly, Pin left off, and pins the first part', async () => {
    const bot = await run();
    // Quotes long enough that one answer page needs more than one Discord message.
    lengthenAnswers(bot.core);
    const asked = askPayload(QUESTION, { private: true });
    const first = await bot.post(asked);
    const followUps = callsTo('POST', `/webhooks/${FAKE_IDS.application}/${String(asked.token)}`, first.from);
    expect(followUps.length).toBeGreaterThan(0);
    const parts = 1 + followUps.length;

    // The buttons sit on the last part; the post returns once the turn is done.
    const press = buttonPayload(buttonId(body(followUps.at(-1)!), 'pp:p:'), { ...MODERATOR, messageFlags: 64 });
    const { from } = await bot.post(press);
    const edits = callsTo('PATCH', `/webhooks/${FAKE_IDS.application}/${String(press.token)}/messages/@original`, from);
    expect(body(edits.at(-1)!).content).toMatch(/^📌 Pinned\./);
    const posted = callsTo('POST', `/webhooks/${FAKE_IDS.application}/${String(press.token)}`, from);
    expect(posted).toHaveLength(parts);
    for (const call of posted) expect(call.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(posted.map((call) => (call.body as { flags?: number }).flags)).toEqual(posted.map(() => undefined));
    expect(body(posted[0]!).embeds?.[0]?.title).toBe(QUESTION);
    expect(posted.flatMap((call) => buttons(body(call))).map((b) => b.custom_id.split(':')[1])).toEqual(['c', 'y', 'n']);
    const firstId = (posted[0]!.reply as { id: string }).id;
    const pins = suite.fake.calls.slice(from).filter((c) => c.method === 'PUT' && c.path.includes('/messages/pins/'));
    expect(pins.map((c) => c.path)).toEqual([pinPath(firstId)]);
  });
});

describe('discord Pin on a private answer with more quotes than its page', () => {
  it('posts the public copy with More, so readers of the pinned answer reach the next quotes too', async () => {
    const bot = await run();
    const question = 'Netflix Facebook';
    const asked = askPayload(question, { private: true });
    const first = await bot.post(asked);
    const answer = body(await editOf(asked.token, first.from));
    expect(buttonId(answer, 'pp:m:')).not.toBe('');
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageFlags: 64 });
    const { from } = await bot.post(press);
    const posted = callsTo('POST', `/webhooks/${FAKE_IDS.application}/${String(press.token)}`, from);
    expect(posted).toHaveLength(1);
    expect(buttons(body(posted[0]!)).map((b) => b.custom_id.split(':')[1])).toEqual(['m', 'c', 'y', 'n']);
    expect(buttonId(body(posted[0]!), 'pp:m:')).toBe(buttonId(answer, 'pp:m:'));
  });
});

describe('discord Pin on a question pinned before', () => {
  /** Presses the answer's Pin button as a moderator on message `messageId`; returns what the moderator is told. */
  async function pinOn(bot: Awaited<ReturnType<typeof run>>, answer: Reply, messageId: string): Promise<{ told: string | undefined; from: number }> {
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageId });
    const { from } = await bot.post(press);
    return { told: body(await editOf(press.token, from)).content, from };
  }
  const pinnedRef = (core: Pinpoint) => core.pins.list({ platform: 'discord', server: FAKE_IDS.guild }).map((p) => p.messageRef);

  it('unpins on Discord the message of the pin a new answer replaces, and changes nothing when Pin is pressed again on it', async () => {
    const bot = await run();
    // Both asked before anything is pinned: an answer that shows a current pin first has no Pin button.
    const answer = await ask(bot, QUESTION);
    const newer = await ask(bot, QUESTION);
    await pinOn(bot, answer, '400000000000000401');
    const [pin] = bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });

    const again = await pinOn(bot, answer, '400000000000000401');
    expect(again.told).toBe(alreadyPinnedText(`https://discord.com/channels/${FAKE_IDS.guild}/${FAKE_IDS.channel}/400000000000000401`));
    expect(suite.fake.calls.slice(again.from).filter((c) => c.method === 'DELETE')).toEqual([]);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([pin]);

    const moved = await pinOn(bot, newer, '400000000000000402');
    expect(moved.told).toBe(TEXT.pinned);
    expect(callsTo('DELETE', pinPath('400000000000000401'), moved.from)).toHaveLength(1);
    expect(callsTo('PUT', pinPath('400000000000000402'), moved.from)).toHaveLength(1);
    expect(pinnedRef(bot.core)).toEqual([`${FAKE_IDS.channel}/400000000000000402`]);
  });

  it.each([
    ['already deleted (404 Unknown Message)', 404, { message: 'Unknown Message', code: 10008 }, TEXT.pinned],
    ['refused (403)', 403, { message: 'Missing Permissions', code: 50013 }, `${TEXT.pinned} ${TEXT.earlierPinLeft}`],
  ])('keeps the new pin when the earlier message is %s, and says so only when it stays pinned', async (_name, status, reply, told) => {
    const bot = await run();
    const [answer, newer] = [await ask(bot, QUESTION), await ask(bot, QUESTION)];
    await pinOn(bot, answer, '400000000000000411');
    suite.fake.fail('DELETE', new RegExp(`${pinPath('400000000000000411')}$`), status, { body: reply });
    const moved = await pinOn(bot, newer, '400000000000000412');
    expect(moved.told).toBe(told);
    expect(callsTo('DELETE', pinPath('400000000000000411'), moved.from)).toHaveLength(1);
    expect(pinnedRef(bot.core)).toEqual([`${FAKE_IDS.channel}/400000000000000412`]);
  });
});

describe('discord Pin pressed again on a private answer', () => {
  /** Asks privately as a moderator; returns the answer's Pin press (a fresh interaction each call). */
  async function askPrivately(bot: Awaited<ReturnType<typeof run>>): Promise<() => Record<string, unknown>> {
    const asked = askPayload(QUESTION, { ...MODERATOR, private: true });
    const { from } = await bot.post(asked);
    const pinId = buttonId(body(await editOf(asked.token, from)), 'pp:p:');
    return () => buttonPayload(pinId, { ...MODERATOR, messageFlags: 64 });
  }
  /** Presses Pin; returns what the moderator was told last and the ids of the public copies posted. */
  async function press(bot: Awaited<ReturnType<typeof run>>, payload: Record<string, unknown>): Promise<{ told: string | undefined; copies: string[] }> {
    const { from } = await bot.post(payload);
    const webhook = `/webhooks/${FAKE_IDS.application}/${String(payload.token)}`;
    const told = body(callsTo('PATCH', `${webhook}/messages/@original`, from).at(-1)!).content;
    return { told, copies: callsTo('POST', webhook, from).map((call) => (call.reply as { id: string }).id) };
  }
  const pinned = (core: Pinpoint) => core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });
  const linkTo = (messageId: string) => `https://discord.com/channels/${FAKE_IDS.guild}/${FAKE_IDS.channel}/${messageId}`;

  it('says privately that it is pinned already, with its link, pins its message again and posts no second copy', async () => {
    const bot = await run();
    const pinPress = await askPrivately(bot);
    const first = await press(bot, pinPress());
    expect(first).toEqual({ told: TEXT.pinned, copies: [expect.any(String)] });
    const [pin] = pinned(bot.core);
    const from = suite.fake.calls.length;
    const second = await press(bot, pinPress());
    expect(second).toEqual({ told: alreadyPinnedText(linkTo(first.copies[0]!)), copies: [] });
    // Discord takes a pin of a pinned message; one a moderator unpinned by hand is pinned back.
    expect(callsTo('PUT', pinPath(first.copies[0]!), from)).toHaveLength(1);
    expect(pinned(bot.core)).toEqual([pin]);
  });

  it('posts one public copy when two presses arrive together', async () => {
    const bot = await run();
    const pinPress = await askPrivately(bot);
    const both = await Promise.all([press(bot, pinPress()), press(bot, pinPress())]);
    const copies = both.flatMap((result) => result.copies);
    expect(copies).toHaveLength(1);
    expect(both.map((result) => result.told).sort()).toEqual([TEXT.pinned, alreadyPinnedText(linkTo(copies[0]!))].sort());
    expect(pinned(bot.core).map((pin) => pin.messageRef)).toEqual([`${FAKE_IDS.channel}/${copies[0]}`]);
  });

  it('pins a fresh copy when the pinned message was deleted by hand', async () => {
    const bot = await run();
    const pinPress = await askPrivately(bot);
    const first = await press(bot, pinPress());
    suite.fake.fail('PUT', new RegExp(`${pinPath(first.copies[0]!)}$`), 404, { body: { message: 'Unknown Message', code: 10008 } });
    const second = await press(bot, pinPress());
    expect(second).toEqual({ told: TEXT.pinned, copies: [expect.any(String)] });
    expect(second.copies[0]).not.toBe(first.copies[0]);
    expect(pinned(bot.core).map((pin) => pin.messageRef)).toEqual([`${FAKE_IDS.channel}/${second.copies[0]}`]);
  });
});

describe('discord Pin on an answer that shows a stale pin', () => {
  const STALE_WARNING = 'The documents changed since this was pinned';
  const OLD_QUOTE = 'bi-weekly reports';

  /** Pins the answer to QUESTION, then edits its quote out of the complaint: the pin turns stale. */
  async function staleBot() {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-repin-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const bot = await run(knowledge);
    const answer = await ask(bot, QUESTION);
    const first = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageId: '400000000000000501' });
    const { from } = await bot.post(first);
    expect(body(await editOf(first.token, from)).content).toBe(TEXT.pinned);
    const complaint = path.join(knowledge, 'complaint.md');
    writeFileSync(complaint, readFileSync(complaint, 'utf8').replace(OLD_QUOTE, 'monthly reports'));
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });
    return bot;
  }
  const pinned = (core: Pinpoint) => core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });

  it.each([
    ['a private answer', { private: true }, { messageFlags: 64 }],
    ['a public answer', {}, { messageId: '400000000000000502' }],
  ])('pins a fresh public copy of %s without the stale pin, its warning or its old quotes', async (_name, asked, where) => {
    const bot = await staleBot();
    const payload = askPayload(QUESTION, asked);
    const { from: askedFrom } = await bot.post(payload);
    const answer = body(await editOf(payload.token, askedFrom));
    expect(text(answer)).toContain(STALE_WARNING);

    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, ...where });
    const { from } = await bot.post(press);
    const webhook = `/webhooks/${FAKE_IDS.application}/${String(press.token)}`;
    expect(body(callsTo('PATCH', `${webhook}/messages/@original`, from).at(-1)!).content).toBe(TEXT.pinned);
    const posted = callsTo('POST', webhook, from);
    expect(posted).toHaveLength(1);
    const copy = body(posted[0]!);
    expect(text(copy)).not.toContain(STALE_WARNING);
    expect(text(copy)).not.toContain(OLD_QUOTE);
    expect(text(copy)).toContain('monthly reports');
    const copyId = (posted[0]!.reply as { id: string }).id;
    expect(callsTo('PUT', pinPath(copyId), from)).toHaveLength(1);
    expect(callsTo('DELETE', pinPath('400000000000000501'), from)).toHaveLength(1);
    expect(pinned(bot.core).map((p) => [p.messageRef, p.stale])).toEqual([[`${FAKE_IDS.channel}/${copyId}`, false]]);
  });
});

describe('discord Pin after the documents changed under the answer', () => {
  const edited = (text: string) => text.replace('bi-weekly reports', 'monthly reports');
  // Nothing left that answers the question: not "nothing to pin" for an answer the moderator saw quotes in.
  const emptied = (text: string) => text.replace(/^(\d+\.) .*$/gm, '$1 The weather was sunny.');
  it.each([
    ['a public answer', {}, { messageId: '400000000000000601' }, edited],
    ['a private answer', { private: true }, { messageFlags: 64 }, edited],
    ['an answer the documents no longer give', {}, { messageId: '400000000000000602' }, emptied],
  ])('pins nothing of %s and says to ask again, rather than another answer than the one shown', async (_name, asked, where, edit) => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-changed-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const bot = await run(knowledge);
    const payload = askPayload(QUESTION, asked);
    const { from: askedFrom } = await bot.post(payload);
    const answer = body(await editOf(payload.token, askedFrom));
    expect(text(answer)).toContain('bi-weekly reports');

    // The operator edits the quoted sentence while the answer is on screen.
    const complaint = path.join(knowledge, 'complaint.md');
    writeFileSync(complaint, edit(readFileSync(complaint, 'utf8')));
    if (edit === emptied) rmSync(path.join(knowledge, 'order.md'));
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });

    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, ...where });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.answerChanged);
    expect(suite.fake.calls.slice(from).filter((c) => c.method === 'PUT' || c.method === 'POST')).toEqual([]);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });
});

describe('discord Share after the documents changed under the answer', () => {
  it.each([
    ['posts nothing and says to ask again when the answer now quotes other passages', true],
    ['shares the answer when it still quotes the passages shown', false],
  ])('%s', async (_name, change) => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-share-changed-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const bot = await run(knowledge);
    const payload = askPayload(QUESTION, { private: true });
    const { from: askedFrom } = await bot.post(payload);
    const answer = body(await editOf(payload.token, askedFrom));
    expect(text(answer)).toContain('bi-weekly reports');

    // The operator edits the quoted sentence (or adds an unrelated line) while the private answer is on screen.
    const complaint = path.join(knowledge, 'complaint.md');
    const original = readFileSync(complaint, 'utf8');
    writeFileSync(complaint, change ? original.replace('bi-weekly reports', 'monthly reports') : `${original}\nThe clerk shall serve this order on all parties.\n`);
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });

    const press = buttonPayload(buttonId(answer, 'pp:s:'), { messageFlags: 64 });
    const shared = await bot.post(press);
    if (change) {
      expect(shared.json).toEqual(privateNotice(TEXT.shareChanged));
      expect(suite.fake.calls.slice(shared.from)).toEqual([]);
    } else {
      expect(shared.json).toEqual({ type: 5, data: {} });
      expect(text(body(await editOf(press.token, shared.from)))).toContain('bi-weekly reports');
    }
  });
});

describe('discord Pin on a More page after the documents changed under it', () => {
  const MANY = 'Facebook Netflix Inbox API messages';

  it.each([
    ['refuses, saying to ask again, when the page now quotes other passages', true],
    ['pins the page when it still quotes the passages shown', false],
  ])('%s', async (_name, change) => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-more-pin-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const bot = await run(knowledge);
    const asked = askPayload(MANY, { ...MODERATOR, private: true });
    const { from: askedFrom } = await bot.post(asked);
    const pressMore = buttonPayload(buttonId(body(await editOf(asked.token, askedFrom)), 'pp:m:'), { ...MODERATOR, messageFlags: 64 });
    const { from: moreFrom } = await bot.post(pressMore);
    const page = body(await editOf(pressMore.token, moreFrom));
    expect(text(page)).toContain('**[4]** ');
    const pinId = buttonId(page, 'pp:p:');
    expect(pinId).toMatch(/:3$/);

    // The operator adds a word to a passage that page quotes: a passage of other text is another passage.
    const shown = bot.core.ask(MANY, { offset: 3, limit: 3 });
    const passage = shown.kind === 'excerpts' ? bot.core.passage(shown.excerpts[0]!.passageId)?.passage : undefined;
    const file = path.join(knowledge, `${passage?.docId}.md`);
    const original = readFileSync(file, 'utf8');
    expect(original).toContain(passage?.text);
    if (change) writeFileSync(file, original.replace(passage!.text, passage!.text.replace(/ (\S+)$/, ' indeed $1')));
    else writeFileSync(file, `${original}\nThe clerk shall serve this order on all parties.\n`);
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });

    const press = buttonPayload(pinId, { ...MODERATOR, messageFlags: 64 });
    const { from } = await bot.post(press);
    // The post returns once the turn is done: the last edit is what the moderator was told.
    const told = body(callsTo('PATCH', `/webhooks/${FAKE_IDS.application}/${String(press.token)}/messages/@original`, from).at(-1)!).content;
    const pins = bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });
    if (change) {
      expect(told).toBe(TEXT.answerChanged);
      expect(suite.fake.calls.slice(from).filter((c) => c.method === 'PUT' || c.method === 'POST')).toEqual([]);
      expect(pins).toEqual([]);
    } else {
      expect(told).toBe(TEXT.pinned);
      expect(pins.map((pin) => pin.answerOffset)).toEqual([3]);
    }
  });
});

describe('discord Pin that cannot be saved', () => {
  it.each([
    ['a public answer, unpinning it', {}, { messageId: '400000000000000801' }],
    ['a private answer, deleting its public copy', { private: true }, { messageFlags: 64 }],
  ])('undoes the pin of %s, says to try again, and pins on the next press', async (_name, asked, where) => {
    const bot = await run();
    const answer = await ask(bot, QUESTION, { ...MODERATOR, ...asked });
    // The state database refuses the write (another program holds its lock past the busy timeout).
    const save = vi.spyOn(bot.core.pins, 'pin').mockImplementationOnce(() => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    });
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, ...where });
    const { from } = await bot.post(press);
    const webhook = `/webhooks/${FAKE_IDS.application}/${String(press.token)}`;
    expect(body(callsTo('PATCH', `${webhook}/messages/@original`, from).at(-1)!).content).toBe(TEXT.pinNotSaved);
    expect(save).toHaveBeenCalledTimes(1);
    const copies = callsTo('POST', webhook, from).map((call) => (call.reply as { id: string }).id);
    if ('messageId' in where) {
      expect(copies).toEqual([]);
      expect(callsTo('PUT', pinPath(where.messageId), from)).toHaveLength(1);
      expect(callsTo('DELETE', pinPath(where.messageId), from)).toHaveLength(1);
    } else {
      expect(copies).toHaveLength(1);
      expect(callsTo('PUT', pinPath(copies[0]!), from)).toHaveLength(1);
      expect(callsTo('DELETE', `${webhook}/messages/${copies[0]}`, from)).toHaveLength(1);
    }
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);

    const again = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, ...where });
    const next = await bot.post(again);
    expect(body(callsTo('PATCH', `/webhooks/${FAKE_IDS.application}/${String(again.token)}/messages/@original`, next.from).at(-1)!).content).toBe(TEXT.pinned);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toHaveLength(1);
  });
});

describe('discord Pin is a moderator\'s action, not a question', () => {
  /** How many questions /metrics counts for Discord, whatever their operation and outcome. */
  const questionsCounted = async (metrics: Metrics): Promise<number> =>
    [...(await metrics.render()).matchAll(/^pinpoint_questions_total\{platform="discord",[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);

  it('neither counts a Pin press in the metrics nor keeps it as unanswered when the documents no longer answer', async () => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-pin-asks-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const metrics = createMetrics({ defaultMetrics: false });
    const bot = await run(knowledge, metrics);
    const answer = await ask(bot, QUESTION, MODERATOR);
    expect(await questionsCounted(metrics)).toBe(1);

    const pinned = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageId: '400000000000000701' });
    const first = await bot.post(pinned);
    expect(body(await editOf(pinned.token, first.from)).content).toBe(TEXT.pinned);
    expect(await questionsCounted(metrics)).toBe(1);

    // Nothing left that answers the question: the Pin press gets a no-match, which no reader asked.
    const complaint = path.join(knowledge, 'complaint.md');
    writeFileSync(complaint, readFileSync(complaint, 'utf8').replace(/^(\d+\.) .*$/gm, '$1 The weather was sunny.'));
    rmSync(path.join(knowledge, 'order.md'));
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });
    const again = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageId: '400000000000000702' });
    const second = await bot.post(again);
    expect(body(await editOf(again.token, second.from)).content).toBe(TEXT.answerChanged);
    expect(await questionsCounted(metrics)).toBe(1);
    expect(bot.core.answers.noMatchReport().map((entry) => entry.question)).toEqual([]);
  });
});

describe('discord Share and Context show again what was asked', () => {
  it('counts neither as a question in the metrics; More counts as more', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const bot = await run(KNOWLEDGE, metrics);
    const asked = askPayload('Facebook Netflix Inbox API messages', { private: true });
    const { from: askedFrom } = await bot.post(asked);
    const answer = body(await editOf(asked.token, askedFrom));
    const counted = async (operation: string) =>
      [...(await metrics.render()).matchAll(new RegExp(`^pinpoint_questions_total\\{platform="discord",operation="${operation}",[^}]*\\} (\\d+)$`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(await counted('ask')).toBe(1);
    for (const prefix of ['pp:c:', 'pp:s:', 'pp:m:']) {
      const press = buttonPayload(buttonId(answer, prefix), { messageFlags: 64 });
      const { from } = await bot.post(press);
      await editOf(press.token, from);
    }
    expect(await counted('ask')).toBe(1);
    expect(await counted('more')).toBe(1);
  });
});

describe('discord Pin refused by Discord', () => {
  it('says the message was deleted when Discord no longer knows it (10008)', async () => {
    const bot = await run();
    const answer = await ask(bot, QUESTION);
    suite.fake.fail('PUT', new RegExp(`${pinPath('400000000000000421')}$`), 404, { body: { message: 'Unknown Message', code: 10008 } });
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageId: '400000000000000421' });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.pinnedMessageDeleted);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });

  it.each([
    ['the pin limit (30003)', 400, { message: 'Maximum number of pins reached (50)', code: 30003 }, TEXT.pinLimit],
    ['a missing permission (403)', 403, { message: 'Missing Permissions', code: 50013 }, TEXT.botCannotPin],
    ['an unexpected error', 400, { message: 'Invalid Form Body', code: 50035 }, TEXT.apology],
  ])('deletes the public copy of a private answer when pinning it fails on %s', async (_name, status, reply, told) => {
    const bot = await run();
    const asked = askPayload(QUESTION, { private: true });
    const { from: askedFrom } = await bot.post(asked);
    const answer = body(await editOf(asked.token, askedFrom));
    suite.fake.fail('PUT', /\/messages\/pins\/\d+$/, status, { body: reply });

    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageFlags: 64 });
    const { from } = await bot.post(press);
    const webhook = `/webhooks/${FAKE_IDS.application}/${String(press.token)}`;
    const copy = callsTo('POST', webhook, from).map((call) => (call.reply as { id: string }).id);
    expect(copy).toHaveLength(1);
    expect(callsTo('DELETE', `${webhook}/messages/${copy[0]}`, from)).toHaveLength(1);
    await suite.fake.waitForCall((c) => c.method === 'PATCH' && c.path === `${webhook}/messages/@original` && body(c).content === told, from);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });
});

describe('discord answer split over several messages when a later part fails', () => {
  it('apologises in a new private message and leaves the part already delivered as it is', async () => {
    const bot = await run();
    lengthenAnswers(bot.core);
    const asked = askPayload(QUESTION);
    const webhook = `/webhooks/${FAKE_IDS.application}/${String(asked.token)}`;
    suite.fake.fail('POST', new RegExp(`^${webhook}$`), 400, { body: { message: 'Invalid Form Body', code: 50035 } });

    const { from } = await bot.post(asked);
    const apology = await suite.fake.waitForCall((c) => c.method === 'POST' && c.path === webhook && c.status === 200, from);
    expect(body(apology)).toMatchObject({ content: TEXT.apology, flags: 64 });
    const edits = callsTo('PATCH', `${webhook}/messages/@original`, from);
    expect(edits).toHaveLength(1);
    expect(body(edits[0]!).embeds?.[0]?.title).toBe(QUESTION);
  });
});

/** Makes every answer of `core` long, whether a reader asks (`ask`) or Pin asks again (`askAgain`). */
function lengthenAnswers(core: Pinpoint): void {
  const ask = core.ask.bind(core);
  vi.spyOn(core, 'ask').mockImplementation((question, options) => lengthen(ask(question, options)));
  const askAgain = core.askAgain.bind(core);
  vi.spyOn(core, 'askAgain').mockImplementation((question, options) => lengthen(askAgain(question, options)));
}

/** The same answer with every quote made about 3000 characters long (the adapter does not check quotes). */
function lengthen(answer: Answer): Answer {
  if (answer.kind !== 'excerpts') return answer;
  const excerpts = answer.excerpts.map((excerpt) => ({ ...excerpt, quote: `${excerpt.quote} `.repeat(40).slice(0, 3000), highlights: [] }));
  return { ...answer, excerpts: [...excerpts, ...excerpts, ...excerpts].slice(0, 3) };
}

describe('discord commands the bot does not know', () => {
  it('tells the member what they can do and logs the fix for the operator', async () => {
    const bot = await run();
    for (const payload of [commandPayload('oldcommand', {}, {}), buttonPayload('pp:z:gone:0')]) {
      const { json } = await bot.post(payload);
      expect(json).toEqual(privateNotice(TEXT.unknown));
      const warned = await bot.logger.waitFor((e) => e.fields.interaction === payload.id && e.level === 'warn');
      expect(warned.message).toContain('npm run discord:register');
    }
    expect(TEXT.unknown).toBe(
      "This command or button is out of date, so I cannot run it. Please let a server admin know that Pinpoint's commands need updating.",
    );
    expect(TEXT.unknown).not.toMatch(/npm|register/);
  });
});

describe('discord autocomplete and pins of other channels', () => {
  it("offers a channel's pinned question in that channel only, never in another one", async () => {
    const bot = await run();
    // Moderators pin in their own channel (say a private one); members ask elsewhere.
    const modChannel = '700000000000000099';
    const asked = askPayload(QUESTION, { ...MODERATOR, channelId: modChannel });
    const { from: askedFrom } = await bot.post(asked);
    const answer = body(await editOf(asked.token, askedFrom));
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, channelId: modChannel, messageId: '400000000000000501' });
    (press.message as { channel_id: string }).channel_id = modChannel;
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.pinned);

    const choices = async (who: Who) => {
      const { json } = await bot.post(autocompletePayload('netflix', who));
      return ((json as { data?: { choices?: { name: string }[] } }).data?.choices ?? []).map((c) => c.name);
    };
    expect(await choices({ channelId: modChannel })).toEqual([QUESTION]);
    expect(await choices({})).toEqual([]);
  });
});

describe('discord pins in a thread', () => {
  it("answers a question asked in a thread with its channel's pin, and offers it there, but not in another channel's thread", async () => {
    const bot = await run();
    const asked = askPayload(QUESTION, MODERATOR);
    const { from: askedFrom } = await bot.post(asked);
    const answer = body(await editOf(asked.token, askedFrom));
    const press = buttonPayload(buttonId(answer, 'pp:p:'), { ...MODERATOR, messageId: '400000000000000511' });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.pinned);

    const thread: Who = { channelId: '700000000000000111', threadOf: FAKE_IDS.channel };
    expect(text(await ask(bot, QUESTION, thread))).toContain('📌 **Pinned answer**');
    const { json } = await bot.post(autocompletePayload('netflix', thread));
    expect((json as { data?: { choices?: { name: string }[] } }).data?.choices?.map((c) => c.name)).toEqual([QUESTION]);
    const elsewhere: Who = { channelId: '700000000000000112', threadOf: OTHER_CHANNEL };
    expect(text(await ask(bot, QUESTION, elsewhere))).not.toContain('Pinned answer');
  });
});

describe('discord autocomplete of a pinned question longer than a choice', () => {
  it('offers it cut with "…", and asking that choice shows the pinned answer first', async () => {
    const bot = await run();
    // 156 characters: a choice holds 100.
    const long =
      'Hey everyone, quick question for the channel: what exactly did the complaint say about the Inbox API agreement between Facebook and Netflix and who signed it?';
    const asked = askPayload(long, MODERATOR);
    const { from: askedFrom } = await bot.post(asked);
    const press = buttonPayload(buttonId(body(await editOf(asked.token, askedFrom)), 'pp:p:'), MODERATOR);
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.pinned);

    const { json } = await bot.post(autocompletePayload('inbox api agreement'));
    const choices = (json as { data?: { choices?: { name: string; value: string }[] } }).data?.choices ?? [];
    const offered = choices.find((c) => c.name.startsWith('Hey everyone'));
    expect(offered?.value).toBe(`${long.slice(0, 99).trimEnd()}…`);
    expect(offered?.name).toBe(offered?.value);

    // The member picks it: Discord sends the choice's value as the question.
    const answer = await ask(bot, offered?.value ?? '');
    expect(answer.embeds?.[0]?.title).toBe(`📌 ${long}`);
    expect(text(answer)).toContain('📌 **Pinned answer**');
  });
});

describe('discord Unpin of a pin in another channel', () => {
  /** A moderator of channel `channelId` asks there and pins the answer; returns the pin's id. */
  async function pinIn(bot: Awaited<ReturnType<typeof run>>, channelId: string, messageId: string): Promise<string> {
    const who: Who = { ...MODERATOR, channelId };
    const asked = askPayload(QUESTION, who);
    const { from: askedFrom } = await bot.post(asked);
    const press = buttonPayload(buttonId(body(await editOf(asked.token, askedFrom)), 'pp:p:'), { ...who, messageId });
    (press.message as { channel_id: string }).channel_id = channelId;
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.pinned);
    return bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild, channel: channelId })[0]?.id ?? '';
  }
  const rules = '700000000000000077';
  // Pin Messages in their own channel only (a channel override): no say over the pins of #rules.
  const helper: Who = { permissions: PERMS.moderator, userId: '600000000000000077' };

  it('refuses a member who may pin only in the channel the button is pressed in, and changes nothing', async () => {
    const bot = await run();
    const pinId = await pinIn(bot, rules, '400000000000000601');
    const press = buttonPayload(`pp:u:${pinId}`, helper);
    const { json, from } = await bot.post(press);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    expect(body(await editOf(press.token, from)).content).toBe(unpinElsewhereText(rules));
    expect(suite.fake.calls.slice(from).filter((c) => c.method === 'DELETE')).toEqual([]);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild }).map((p) => p.id)).toEqual([pinId]);
  });

  it.each([
    ['a moderator of that channel', { ...helper, channelId: rules }],
    ['an administrator anywhere in the server', { ...helper, permissions: String(1n << 3n) }],
  ])('unpins for %s', async (_name, who: Who) => {
    const bot = await run();
    const pinId = await pinIn(bot, rules, '400000000000000611');
    const press = buttonPayload(`pp:u:${pinId}`, who);
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.unpinned);
    expect(callsTo('DELETE', `/channels/${rules}/messages/pins/400000000000000611`, from)).toHaveLength(1);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });
});

describe('discord /pins in a server with more pins than the list shows', () => {
  it("lists this channel's pins first, so its moderators can unpin an old one", async () => {
    const bot = await run();
    const rules = '700000000000000077';
    const news = '700000000000000088';
    const pinIn = (channel: string, question: string, messageId: string) => {
      const scope = { platform: 'discord', server: FAKE_IDS.guild, channel };
      const answer = bot.core.ask(question, { scope });
      expect(answer.kind).toBe('excerpts');
      return bot.core.pins.pin({ scope, question, answer, pinnedBy: FAKE_IDS.moderator, messageRef: `${channel}/${messageId}` }).pin.id;
    };
    // The oldest pin of the server is #rules' own; #news pinned more since than /pins lists.
    const old = pinIn(rules, QUESTION, '400000000000000701');
    const topics = ['Netflix', 'Facebook', 'Inbox API', 'messages', 'Meta', 'Hastings', 'board', 'users', 'access', 'agreement', 'plaintiffs'];
    for (const [n, topic] of topics.entries()) {
      pinIn(news, `What about ${topic}?`, String(400000000000000800n + BigInt(2 * n)));
      pinIn(news, `Who said what about ${topic}?`, String(400000000000000801n + BigInt(2 * n)));
    }
    const list = bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });
    expect(list.length).toBeGreaterThan(PINPOINT_DISCORD_LIMITS.listItems);
    expect(list.at(-1)?.id).toBe(old);

    const { reply } = await command(bot, 'pins', { ...MODERATOR, channelId: rules });
    expect(text(reply)).toContain(`**1.** ${QUESTION}`);
    expect(buttons(reply)[0]).toMatchObject({ label: 'Unpin 1', custom_id: `pp:u:${old}` });

    const press = buttonPayload(`pp:u:${old}`, { ...MODERATOR, channelId: rules });
    const { from } = await bot.post(press);
    expect(body(await editOf(press.token, from)).content).toBe(TEXT.unpinned);
    expect(callsTo('DELETE', `/channels/${rules}/messages/pins/400000000000000701`, from)).toHaveLength(1);
  });
});

describe('discord More and Share once the documents no longer hold that page', () => {
  it('says privately that there are no more quotes, and posts nothing publicly', async () => {
    const knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-more-'));
    suite.cleanups.push(() => rmSync(knowledge, { recursive: true, force: true }));
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    const bot = await run(knowledge);
    const asked = askPayload('Facebook Netflix Inbox API messages', { private: true });
    const { from: askedFrom } = await bot.post(asked);
    const more = buttonId(body(await editOf(asked.token, askedFrom)), 'pp:m:');
    const pressMore = buttonPayload(more, { messageFlags: 64 });
    const { from: moreFrom } = await bot.post(pressMore);
    const page = body(await editOf(pressMore.token, moreFrom));
    expect(text(page)).toContain('**[4]** ');
    const share = buttonId(page, 'pp:s:');

    // The operator trims the case down to two paragraphs: the second page is gone.
    rmSync(path.join(knowledge, 'order.md'));
    const complaint = path.join(knowledge, 'complaint.md');
    writeFileSync(complaint, readFileSync(complaint, 'utf8').split('\n\n3.')[0] ?? '');
    expect(await bot.core.reload()).toMatchObject({ ok: true, changed: true });

    const again = buttonPayload(more, { messageFlags: 64 });
    const { json, from } = await bot.post(again);
    expect(json).toEqual({ type: 5, data: { flags: 64 } });
    expect(body(await editOf(again.token, from))).toMatchObject({ content: TEXT.noMoreQuotes, embeds: [] });

    const shared = await bot.post(buttonPayload(share, { messageFlags: 64 }));
    expect(shared.json).toEqual(privateNotice(TEXT.noMoreQuotes));
    expect(suite.fake.calls.slice(shared.from)).toEqual([]);
  });
});

describe('discord Unpin when Discord cannot unpin the message', () => {
  it.each([
    ['the thread is archived (400)', 400, { message: 'Thread is archived', code: 50083 }],
    ['Discord fails (500)', 500, { message: '500: Internal Server Error', code: 0 }],
  ])('says the pin is removed and links the message to unpin by hand when %s, instead of an apology', async (_name, status, reply) => {
    const bot = await run();
    const scope = { platform: 'discord', server: FAKE_IDS.guild, channel: FAKE_IDS.channel };
    const answer = bot.core.ask(QUESTION, { scope });
    const messageRef = `${FAKE_IDS.channel}/400000000000000901`;
    const { id } = bot.core.pins.pin({ scope, question: QUESTION, answer, pinnedBy: FAKE_IDS.moderator, messageRef }).pin;
    suite.fake.fail('DELETE', new RegExp(`${pinPath('400000000000000901')}$`), status, { body: reply, times: 10 });

    const press = buttonPayload(`pp:u:${id}`, MODERATOR);
    const { from } = await bot.post(press);
    const link = `https://discord.com/channels/${FAKE_IDS.guild}/${messageRef}`;
    expect(body(await editOf(press.token, from)).content).toBe(`${TEXT.unpinned} ${unpinFailedText(link)}`);
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });
});
