import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiscordApi, createRest } from '../adapters/discord/api.js';
import { createInteractionHandler } from '../adapters/discord/handler.js';
import { createInteractionsRoute } from '../adapters/discord/http.js';
import { createDiscordAdapter, discordMode } from '../adapters/discord/index.js';
import { PINPOINT_DISCORD_LIMITS } from '../adapters/discord/limits.js';
import { TEXT } from '../adapters/discord/text.js';
import { discordPublicKey } from '../adapters/discord/verify.js';
import { createSeenInteractions, MAX_REMEMBERED_INTERACTIONS } from '../adapters/discord/seen-interactions.js';
import { createHttpServer } from '../adapters/http/server.js';
import type { PlatformAdapter } from '../adapters/platform.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { FAKE_IDS, type FakeCall } from './fakes/discord.js';
import { createSigner, serveRoutes, signatureHeaders } from './fakes/discord-http.js';
import { createRecordingLogger } from './fakes/discord-logger.js';
import { useFakeDiscordSuite } from './helpers/discord-suite.js';
import { askPayload, autocompletePayload, buttonPayload, commandPayload, PERMS } from './fakes/discord-payloads.js';

const KNOWLEDGE = 'tests/fixtures/discord/knowledge';
const TOKEN = 'fake-bot-token';
const ROOMY = { user: { capacity: 1000, refillPerMinute: 1000 }, channel: { capacity: 1000, refillPerMinute: 1000 } };

interface Reply {
  type?: number;
  data?: { flags?: number; content?: string };
  content?: string;
  embeds?: { title?: string; description?: string }[];
  components?: { components: { custom_id: string }[] }[];
  allowed_mentions?: { parse: string[] };
}

const suite = useFakeDiscordSuite();

interface Running {
  core: Pinpoint;
  adapter: PlatformAdapter;
  url: string;
  logger: ReturnType<typeof createRecordingLogger>;
  post(payload: unknown, headers?: Record<string, string>): Promise<{ status: number; json: Reply; contentType: string | null }>;
}

async function run(
  options: { token?: string; rates?: typeof ROOMY; dataDir?: string; core?: Pinpoint; errors?: (string | undefined)[]; now?: () => number } = {},
): Promise<Running> {
  const core = options.core ?? (await createPinpoint({ knowledgeDir: KNOWLEDGE, rates: options.rates ?? ROOMY, ...(options.dataDir ? { dataDir: options.dataDir } : {}) }));
  const logger = createRecordingLogger();
  const adapter = createDiscordAdapter({
    core,
    config: { DISCORD_PUBLIC_KEY: suite.signer.publicKeyHex, DISCORD_TOKEN: options.token, DISCORD_API_BASE: suite.fake.apiBase },
    logger,
    ...(options.errors ? { reportError: (kind?: string) => options.errors!.push(kind) } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await adapter.start();
  const server = await serveRoutes(adapter.routes);
  const stop = async (): Promise<void> => {
    await server.close();
    await adapter.stop();
    await core.close();
  };
  suite.cleanups.push(stop);
  return {
    core,
    adapter,
    url: server.url,
    logger,
    async post(payload, headers) {
      const raw = JSON.stringify(payload);
      suite.fake.rememberInteraction(payload);
      const res = await fetch(`${server.url}/discord/interactions`, {
        method: 'POST',
        headers: headers ?? signatureHeaders(suite.signer, raw),
        body: raw,
      });
      return { status: res.status, json: (await res.json()) as Reply, contentType: res.headers.get('content-type') };
    },
  };
}

const body = (call: FakeCall): Reply => call.body as Reply;
const editOf = (token: unknown, from: number) =>
  suite.fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${FAKE_IDS.application}/${String(token)}/messages/@original`, from);

/** Asks a question and returns its answer's Pin button, and where the fake's call log stood after it. */
async function askForPinButton(bot: Running): Promise<{ pinId: string; from: number }> {
  const payload = askPayload('What did Netflix send Facebook in return?');
  const before = suite.fake.calls.length;
  await bot.post(payload);
  const pin = (body(await editOf(payload.token, before)).components?.[0]?.components ?? []).find((c) => c.custom_id.startsWith('pp:p:'));
  return { pinId: pin?.custom_id ?? '', from: suite.fake.calls.length };
}

describe('discord HTTP interactions', () => {
  it('answers PING with PONG as JSON', async () => {
    const bot = await run();
    const res = await bot.post({ id: '1', application_id: FAKE_IDS.application, type: 1, token: 't', version: 1 });
    expect(res).toEqual({ status: 200, json: { type: 1 }, contentType: 'application/json' });
  });

  it.each([
    ['a tampered body', (raw: string) => ({ ...signatureHeaders(suite.signer, raw), body: raw.replace('"type":1', '"type":2') })],
    ['a signature from another key', (raw: string) => ({ ...signatureHeaders(createSigner(), raw), body: raw })],
    // Both stamps are current, so only the signature can refuse it.
    ['a changed timestamp', (raw: string) => {
      const now = Math.floor(Date.now() / 1000);
      return { ...signatureHeaders(suite.signer, raw, String(now)), 'x-signature-timestamp': String(now - 1), body: raw };
    }],
    ['no signature headers', (raw: string) => ({ 'content-type': 'application/json', body: raw })],
    ['a signature that is not hex', (raw: string) => ({ ...signatureHeaders(suite.signer, raw), 'x-signature-ed25519': 'zz'.repeat(64), body: raw })],
  ])('rejects %s with 401', async (_name, build) => {
    const errors: (string | undefined)[] = [];
    const bot = await run({ errors });
    const raw = JSON.stringify({ id: '1', application_id: FAKE_IDS.application, type: 1, token: 't', version: 1 });
    const { body: sent, ...headers } = build(raw);
    const res = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body: sent });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid request signature' });
    const [warning] = bot.logger.entries.filter((entry) => entry.level === 'warn');
    expect(warning?.message).toMatch(/^discord interaction rejected: bad signature or timestamp; .*check that DISCORD_PUBLIC_KEY/);
    // Counted in pinpoint_platform_errors_total{kind="signature"}, as Slack's are.
    expect(errors).toEqual(['signature']);
  });

  describe('signature timestamp window', () => {
    // The bot's clock is fixed here; requests are signed for real with the stamp each case names.
    const NOW_MS = 1_800_000_000_000;
    const NOW_S = NOW_MS / 1000;
    const ping = JSON.stringify({ id: '1', application_id: FAKE_IDS.application, type: 1, token: 't', version: 1 });

    it.each([
      ['signed more than 5 minutes ago', String(NOW_S - 301)],
      ['signed more than 5 minutes ahead', String(NOW_S + 301)],
      ['signed with a timestamp that is not a number', 'soon'],
      ['signed with a timestamp in milliseconds', String(NOW_MS)],
      ['signed with an empty timestamp', ''],
    ])('rejects a request %s with 401, logged and counted like a bad signature', async (_name, timestamp) => {
      const errors: (string | undefined)[] = [];
      const bot = await run({ errors, now: () => NOW_MS });
      const headers = signatureHeaders(suite.signer, ping, timestamp);
      const res = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body: ping });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid request signature' });
      const warnings = bot.logger.entries.filter((entry) => entry.level === 'warn');
      expect(warnings.map((entry) => entry.message)).toEqual([expect.stringMatching(/^discord interaction rejected: bad signature or timestamp; .*clock/)]);
      expect(errors).toEqual(['signature']);
    });

    it.each([
      ['5 minutes ago', NOW_S - 300],
      ['5 minutes ahead', NOW_S + 300],
    ])('accepts a request signed %s', async (_name, stamp) => {
      const errors: (string | undefined)[] = [];
      const bot = await run({ errors, now: () => NOW_MS });
      const res = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers: signatureHeaders(suite.signer, ping, String(stamp)), body: ping });
      expect(res.status).toBe(200);
      expect(errors).toEqual([]);
    });

    it('refuses a captured request replayed after the window, and counts the replays in the throttled warning', async () => {
      let clock = NOW_MS;
      const errors: (string | undefined)[] = [];
      const bot = await run({ errors, now: () => clock });
      const payload = askPayload('What did Netflix send Facebook in return?');
      const raw = JSON.stringify(payload);
      const headers = signatureHeaders(suite.signer, raw, String(NOW_S));
      suite.fake.rememberInteraction(payload);
      const first = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body: raw });
      expect(first.status).toBe(200);

      clock = NOW_MS + 301_000;
      for (let n = 0; n < 3; n++) {
        const replay = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body: raw });
        expect(replay.status).toBe(401);
      }
      // A minute later the next rejection logs again, with how many came since the first line.
      clock += 60_000;
      expect((await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body: raw })).status).toBe(401);
      const warnings = bot.logger.entries.filter((entry) => entry.level === 'warn' && /^discord interaction rejected/.test(entry.message ?? ''));
      expect(warnings.map((entry) => [entry.fields.reason, entry.fields.rejected])).toEqual([
        ['timestamp more than 5 minutes away from now', undefined],
        ['timestamp more than 5 minutes away from now', 3],
      ]);
      expect(errors).toEqual(['signature', 'signature', 'signature', 'signature']);
    });
  });

  it('logs the first bad signature, not every one: anyone who knows the URL can send them', async () => {
    const bot = await run();
    const raw = JSON.stringify({ id: '1', application_id: FAKE_IDS.application, type: 1, token: 't', version: 1 });
    for (let n = 0; n < 5; n++) {
      const res = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers: signatureHeaders(createSigner(), raw), body: raw });
      expect(res.status).toBe(401);
    }
    const warnings = bot.logger.entries.filter((entry) => entry.level === 'warn');
    expect(warnings.map((entry) => entry.message)).toEqual([expect.stringMatching(/^discord interaction rejected: bad signature or timestamp; /)]);
  });

  it('defers /ask in the response body and edits the cited answer in over REST', async () => {
    const bot = await run();
    const payload = askPayload('What did Netflix send Facebook in return?');
    const from = suite.fake.calls.length;
    const res = await bot.post(payload);
    expect(res.json).toEqual({ type: 5, data: {} });
    const edit = await editOf(payload.token, from);
    expect(edit.headers.authorization).toBeUndefined();
    expect(body(edit).allowed_mentions).toEqual({ parse: [] });
    expect(body(edit).embeds?.[0]?.description).toContain('**[1]** Klein v. Meta Platforms: Amended Complaint (excerpt) · complaint · 2023-04-14 · ¶ 3');
  });

  it('refuses Pin for a member with no REST call at all', async () => {
    const bot = await run({ token: TOKEN });
    const { pinId, from } = await askForPinButton(bot);
    const press = buttonPayload(pinId, { permissions: PERMS.member });
    const res = await bot.post(press);
    expect(res.json).toEqual({
      type: 4,
      data: { content: TEXT.notModerator, embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 },
    });
    await bot.logger.waitFor((e) => e.fields.interaction === press.id && e.message === 'discord interaction handled');
    expect(suite.fake.calls.slice(from)).toEqual([]);
  });

  it('pins for a moderator with the bot token', async () => {
    const bot = await run({ token: TOKEN });
    const { pinId, from } = await askForPinButton(bot);
    const press = buttonPayload(pinId, { permissions: PERMS.moderator, userId: FAKE_IDS.moderator, messageId: '400000000000000077' });
    expect((await bot.post(press)).json).toEqual({ type: 5, data: { flags: 64 } });
    const put = await suite.fake.waitForCall((c) => c.method === 'PUT' && c.path === `/channels/${FAKE_IDS.channel}/messages/pins/400000000000000077`, from);
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
    await bot.logger.waitFor((e) => e.fields.interaction === press.id && e.message === 'discord interaction handled');
    expect(bot.core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toHaveLength(1);
  });

  it('explains that pinning needs DISCORD_TOKEN when it runs without one', async () => {
    const bot = await run();
    const payload = askPayload('What did Netflix send Facebook in return?');
    const from = suite.fake.calls.length;
    await bot.post(payload);
    const pin = (body(await editOf(payload.token, from)).components?.[0]?.components ?? []).find((c) => c.custom_id.startsWith('pp:p:'));
    const res = await bot.post(buttonPayload(pin?.custom_id ?? '', { permissions: PERMS.moderator }));
    expect(res.json.data?.content).toBe(TEXT.noBotToken);
  });

  it('unpins without DISCORD_TOKEN by removing the pin and saying its message stays pinned on Discord', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-'));
    suite.cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // Pinned while the deployment still had its bot token; then restarted without one.
    const withToken = await run({ token: TOKEN, dataDir });
    const { pinId } = await askForPinButton(withToken);
    const press = buttonPayload(pinId, { permissions: PERMS.moderator, userId: FAKE_IDS.moderator, messageId: '400000000000000078' });
    await withToken.post(press);
    await withToken.logger.waitFor((e) => e.fields.interaction === press.id && e.message === 'discord interaction handled');
    await withToken.adapter.stop();
    await withToken.core.close();

    const bot = await run({ dataDir });
    const server = { platform: 'discord', server: FAKE_IDS.guild };
    const [pinned] = bot.core.pins.list(server);
    const unpin = buttonPayload(`pp:u:${pinned?.id ?? ''}`, { permissions: PERMS.moderator, userId: FAKE_IDS.moderator });
    const from = suite.fake.calls.length;
    expect((await bot.post(unpin)).json).toEqual({ type: 5, data: { flags: 64 } });
    const link = `https://discord.com/channels/${FAKE_IDS.guild}/${FAKE_IDS.channel}/400000000000000078`;
    const told = body(await editOf(unpin.token, from)).content ?? '';
    expect(told).toMatch(/^Unpinned\. \/ask no longer shows that answer first\. The message stays pinned on Discord/);
    expect(told).toContain('DISCORD_TOKEN');
    expect(told).toContain(`unpin it by hand: ${link}`);
    expect(bot.core.pins.list(server)).toEqual([]);
    expect(suite.fake.calls.slice(from).filter((c) => c.method === 'DELETE')).toEqual([]);
  });

  it('applies the core cooldown privately and without deferring', async () => {
    const bot = await run({ rates: { user: { capacity: 1, refillPerMinute: 6 }, channel: { capacity: 100, refillPerMinute: 100 } } });
    expect((await bot.post(askPayload('What is the Inbox API agreement?'))).json).toEqual({ type: 5, data: {} });
    const second = await bot.post(askPayload('What is the Inbox API agreement?'));
    expect(second.json).toMatchObject({ type: 4, data: { content: 'You are asking quickly. Please wait 10 s and try again.', flags: 64 } });
  });

  it('refuses an over-long question before asking the core', async () => {
    const bot = await run();
    const res = await bot.post(askPayload('why '.repeat(100)));
    expect(res.json.data?.content).toBe('Questions are limited to 300 characters; yours has 399. Please shorten it.');
  });

  // Discord's max_length counts code points (its API measures with Python's len()), not UTF-16 units.
  it('counts characters as Discord does: 300 emoji pass, 301 are refused as 301', async () => {
    const bot = await run();
    expect((await bot.post(askPayload('🦞'.repeat(300)))).json).toEqual({ type: 5, data: {} });
    const refused = await bot.post(askPayload(`${'🦞'.repeat(200)}${'a'.repeat(101)}`));
    expect(refused.json.data?.content).toBe('Questions are limited to 300 characters; yours has 301. Please shorten it.');
  });

  it.each([
    ['zero-width spaces', '\u200B\u200B'],
    ['control characters', '\u0000\u0007'],
    ['a joiner and a bidi override', '\u200D\u202E'],
  ])('asks for a question, without deferring, when /ask holds only %s', async (_what, question) => {
    const bot = await run();
    const res = await bot.post(askPayload(question));
    expect(res.json).toMatchObject({ type: 4, data: { content: TEXT.emptyQuestion, flags: 64 } });
  });

  it('finds the words of a question pasted with a zero-width space and a soft hyphen inside them', async () => {
    const bot = await run();
    const payload = askPayload('What did Net\u200Bflix send Face\u00ADbook in return?');
    const from = suite.fake.calls.length;
    await bot.post(payload);
    const reply = body(await editOf(payload.token, from));
    expect(reply.embeds?.[0]?.title).toBe('What did Netflix send Facebook in return?');
    expect(reply.embeds?.[0]?.description).toContain('**[1]**');
  });

  it('keeps buttons working after a restart (state in custom_id and the store)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-'));
    suite.cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await run({ dataDir });
    const payload = askPayload('Facebook Netflix Inbox API messages');
    let from = suite.fake.calls.length;
    await first.post(payload);
    const more = (body(await editOf(payload.token, from)).components?.[0]?.components ?? []).find((c) => c.custom_id.startsWith('pp:m:'));
    expect(more?.custom_id.length).toBeLessThanOrEqual(100);
    await first.adapter.stop();
    await first.core.close();

    const second = await run({ dataDir });
    const press = buttonPayload(more?.custom_id ?? '');
    from = suite.fake.calls.length;
    expect((await second.post(press)).json).toEqual({ type: 5, data: { flags: 64 } });
    expect(body(await editOf(press.token, from)).embeds?.[0]?.description).toContain('**[4]** ');
  });

  it('is ready after start and turns new work away with 503 once stopped', async () => {
    const bot = await run();
    expect(bot.adapter.ready()).toBe(true);
    await bot.adapter.stop();
    expect(bot.adapter.ready()).toBe(false);
    const res = await bot.post(askPayload('What is the Inbox API agreement?'));
    expect(res.status).toBe(503);
  });
});

describe('discord autocomplete limit', () => {
  const choicesOf = (reply: Reply): unknown => (reply.data as { choices?: unknown } | undefined)?.choices;
  const ORDER = [{ name: 'Order on Motion to Dismiss', value: 'Order on Motion to Dismiss' }];

  it(`offers choices for ${PINPOINT_DISCORD_LIMITS.autocompleteBurst} keystrokes at once, then none until the member's next token`, async () => {
    let clock = Date.now();
    // The /ask cooldown allows one question: autocomplete must not use it up.
    const bot = await run({ now: () => clock, rates: { user: { capacity: 1, refillPerMinute: 1 }, channel: { capacity: 100, refillPerMinute: 100 } } });
    for (let n = 0; n < PINPOINT_DISCORD_LIMITS.autocompleteBurst; n++) {
      expect(choicesOf((await bot.post(autocompletePayload('order'))).json)).toEqual(ORDER);
    }
    expect((await bot.post(autocompletePayload('order'))).json).toEqual({ type: 8, data: { choices: [] } });
    // Per member: someone else typing still gets choices.
    expect(choicesOf((await bot.post(autocompletePayload('order', { userId: FAKE_IDS.moderator }))).json)).toEqual(ORDER);
    clock += Math.ceil(60_000 / PINPOINT_DISCORD_LIMITS.autocompletePerMinute);
    expect(choicesOf((await bot.post(autocompletePayload('order'))).json)).toEqual(ORDER);
    expect((await bot.post(autocompletePayload('order'))).json).toEqual({ type: 8, data: { choices: [] } });
    expect((await bot.post(askPayload('What is the Inbox API agreement?'))).json).toEqual({ type: 5, data: {} });
  });
});

describe('discord HTTP interactions replayed inside the signature window', () => {
  /** One request signed once, as an attacker who captured it would hold it: the same bytes can be sent again. */
  function capture(bot: Running, payload: Record<string, unknown>): () => Promise<{ status: number; json: unknown }> {
    const raw = JSON.stringify(payload);
    const headers = signatureHeaders(suite.signer, raw);
    suite.fake.rememberInteraction(payload);
    return async () => {
      const res = await fetch(`${bot.url}/discord/interactions`, { method: 'POST', headers, body: raw });
      return { status: res.status, json: await res.json() };
    };
  }
  const handled = (bot: Running, payload: Record<string, unknown>) =>
    bot.logger.waitFor((e) => e.fields.interaction === payload.id && e.message === 'discord interaction handled');

  it('refuses a replayed Pin with 401 after the moderator unpinned: nothing is pinned again', async () => {
    const errors: (string | undefined)[] = [];
    const bot = await run({ token: TOKEN, errors });
    const server = { platform: 'discord', server: FAKE_IDS.guild };
    const { pinId } = await askForPinButton(bot);
    const press = buttonPayload(pinId, { permissions: PERMS.moderator, userId: FAKE_IDS.moderator, messageId: '400000000000000081' });
    const sendPin = capture(bot, press);
    expect((await sendPin()).status).toBe(200);
    await handled(bot, press);
    const [pinned] = bot.core.pins.list(server);
    const unpin = buttonPayload(`pp:u:${pinned?.id ?? ''}`, { permissions: PERMS.moderator, userId: FAKE_IDS.moderator });
    const sendUnpin = capture(bot, unpin);
    expect((await sendUnpin()).status).toBe(200);
    await handled(bot, unpin);
    expect(bot.core.pins.list(server)).toEqual([]);

    const from = suite.fake.calls.length;
    expect(await sendPin()).toEqual({ status: 401, json: { error: 'interaction already received' } });
    expect(await sendUnpin()).toEqual({ status: 401, json: { error: 'interaction already received' } });
    expect(suite.fake.calls.slice(from)).toEqual([]);
    expect(bot.core.pins.list(server)).toEqual([]);
    // Warned once (throttled like bad signatures), counted on each replay.
    const warnings = bot.logger.entries.filter((e) => e.level === 'warn' && /replayed/.test(e.message ?? ''));
    expect(warnings.map((e) => e.fields.interaction)).toEqual([press.id]);
    expect(errors).toEqual(['replay', 'replay']);
  });

  it('asks which document when /source names a bare label several documents hold', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pinpoint-discord-source-'));
    suite.cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'order.md'), '# Order\n\nThe motion is granted.\n');
    writeFileSync(path.join(dir, 'ruling.md'), '# Ruling\n\nThe appeal is dismissed.\n');
    const bot = await run({ core: await createPinpoint({ knowledgeDir: dir, rates: ROOMY }) });
    const payload = commandPayload('source', { ref: 'para. 1' });
    const before = suite.fake.calls.length;
    await bot.post(payload);
    expect(body(await editOf(payload.token, before)).content).toBe(
      'Which document? That label is in several:\n• /source ref: order para. 1\n• /source ref: ruling para. 1',
    );
  });

  it('still answers a PING sent twice: it does nothing', async () => {
    const bot = await run();
    const ping = capture(bot, { id: '2', application_id: FAKE_IDS.application, type: 1, token: 't', version: 1 });
    expect(await ping()).toEqual({ status: 200, json: { type: 1 } });
    expect(await ping()).toEqual({ status: 200, json: { type: 1 } });
  });
});

describe('createSeenInteractions', () => {
  it('remembers an id until its signed request leaves the window, then forgets it', () => {
    let clock = 1_000_000;
    const seen = createSeenInteractions({ now: () => clock });
    expect(seen.first('a', clock + 601_000)).toBe(true);
    expect(seen.first('a', clock + 601_000)).toBe(false);
    clock += 600_999;
    expect(seen.first('a', 1_000_000 + 601_000)).toBe(false);
    clock += 1;
    expect(seen.first('b', clock + 601_000)).toBe(true);
    expect(seen.size).toBe(1);
  });

  it('keeps at most `max` ids under a flood of distinct ones, forgetting the oldest first', () => {
    const seen = createSeenInteractions({ now: () => 0, max: 100 });
    for (let n = 0; n < 10_000; n++) expect(seen.first(`id-${n}`, 600_000)).toBe(true);
    expect(seen.size).toBe(100);
    expect(seen.first('id-9999', 600_000)).toBe(false);
    expect(seen.first('id-0', 600_000)).toBe(true);
  });

  it('bounds the default memory', () => {
    const seen = createSeenInteractions({ now: () => 0 });
    for (let n = 0; n < MAX_REMEMBERED_INTERACTIONS + 500; n++) seen.first(String(n), 600_000);
    expect(seen.size).toBe(MAX_REMEMBERED_INTERACTIONS);
  });
});

describe('discord HTTP interactions with a signed body that is not an interaction', () => {
  it.each([['null'], ['1'], ['[]'], ['"text"'], ['{}'], ['{"type":2}']])(
    'refuses %s with 400 behind the shared server, logging no error',
    async (raw) => {
      const core = await createPinpoint({ knowledgeDir: KNOWLEDGE, rates: ROOMY });
      const logger = createRecordingLogger();
      const adapter = createDiscordAdapter({
        core,
        config: { DISCORD_PUBLIC_KEY: suite.signer.publicKeyHex, DISCORD_API_BASE: suite.fake.apiBase },
        logger,
      });
      await adapter.start();
      const http = createHttpServer({
        port: 0,
        host: '127.0.0.1',
        logger,
        readiness: () => ({}),
        metrics: { contentType: 'text/plain', render: async () => '' },
      });
      http.mount(adapter.routes);
      const { port } = await http.listen();
      suite.cleanups.push(async () => {
        await http.drain(1000);
        await adapter.stop();
        await core.close();
      });
      const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, { method: 'POST', headers: signatureHeaders(suite.signer, raw), body: raw });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'body is not a Discord interaction' });
      expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    },
  );
});

describe('discord HTTP interactions when Discord hangs up first', () => {
  it('finishes the interaction, logged and counted, instead of waiting forever to send its first response', async () => {
    const core = await createPinpoint({ knowledgeDir: KNOWLEDGE, rates: ROOMY });
    suite.cleanups.push(() => core.close());
    const rest = createRest(suite.fake.apiBase);
    suite.cleanups.push(() => {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    });
    const logger = createRecordingLogger();
    const errors: (string | undefined)[] = [];
    const handler = createInteractionHandler({ core, api: createDiscordApi(rest, false), logger, reportError: (kind) => errors.push(kind) });
    const tracked: Promise<void>[] = [];
    let entered: () => void = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let closed: Promise<unknown> = Promise.resolve();
    const route = createInteractionsRoute({
      publicKey: discordPublicKey(suite.signer.publicKeyHex),
      logger,
      track: (work) => void tracked.push(work),
      accepting: () => true,
      // The real handler, started only once the connection is gone: what a handler still busy when
      // Discord stops waiting (3 s) meets.
      handler: async (interaction, respond) => {
        entered();
        await closed;
        return handler(interaction, respond);
      },
    });
    const server = await serveRoutes([
      {
        ...route,
        handle: (req, res, rawBody) => {
          closed = once(res, 'close');
          return route.handle(req, res, rawBody);
        },
      },
    ]);
    suite.cleanups.push(() => server.close());

    const payload = askPayload('What did Netflix send Facebook in return?');
    const raw = JSON.stringify(payload);
    const abort = new AbortController();
    const sent = fetch(`${server.url}/discord/interactions`, { method: 'POST', headers: signatureHeaders(suite.signer, raw), body: raw, signal: abort.signal });
    await inside;
    abort.abort();
    await expect(sent).rejects.toThrow();

    const failed = await logger.waitFor((e) => e.level === 'error' && e.message === 'discord interaction failed');
    expect(failed.fields.error).toMatchObject({ message: 'discord closed the interaction request before the first response was sent (it waits 3 s)' });
    expect(failed.fields.acknowledged).toBe(false);
    await Promise.all(tracked);
    expect(errors).toEqual(['interaction']);
    // Nothing was delivered, so there is no @original to edit an apology into: none is attempted over REST.
    expect(suite.fake.calls.filter((c) => c.path.includes(String(payload.token)))).toEqual([]);
    expect(logger.entries.filter((e) => e.message === 'discord apology could not be sent')).toHaveLength(1);
  });
});

describe('discord adapter configuration', () => {
  it('prefers HTTP mode when a public key is set, and needs one of the credentials', () => {
    expect(discordMode({ DISCORD_PUBLIC_KEY: 'a'.repeat(64), DISCORD_TOKEN: 'x', DISCORD_API_BASE: 'https://discord.com/api' })).toBe('http');
    expect(discordMode({ DISCORD_TOKEN: 'x', DISCORD_API_BASE: 'https://discord.com/api' })).toBe('gateway');
    expect(() => discordMode({ DISCORD_API_BASE: 'https://discord.com/api' })).toThrow(
      'pinpoint: Discord is not configured; set DISCORD_TOKEN (gateway) or DISCORD_PUBLIC_KEY + DISCORD_APPLICATION_ID (HTTP interactions)',
    );
  });

  it('names a malformed public key', async () => {
    const core = await createPinpoint({ knowledgeDir: KNOWLEDGE });
    suite.cleanups.push(() => core.close());
    expect(() =>
      createDiscordAdapter({
        core,
        config: { DISCORD_PUBLIC_KEY: 'abc', DISCORD_API_BASE: suite.fake.apiBase },
        logger: createRecordingLogger(),
      }),
    ).toThrow(
      'pinpoint: DISCORD_PUBLIC_KEY must be the 64 hex characters shown as "Public Key" in the Discord Developer Portal (got 3 characters); copy it again',
    );
  });
});
