import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../adapters/discord/index.js';
import { TEXT } from '../adapters/discord/text.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { FAKE_IDS, startFakeDiscord, type FakeCall, type FakeDiscord } from './fakes/discord.js';
import { createRecordingLogger } from './fakes/discord-logger.js';
import {
  askPayload,
  autocompletePayload,
  buttonPayload,
  commandPayload,
  findSourcesPayload,
  PERMS,
} from './fakes/discord-payloads.js';

const KNOWLEDGE = 'tests/fixtures/discord/knowledge';
const TOKEN = 'fake-bot-token';
/** A question with more than one page (3) of excerpts in the fixture. */
const MANY = 'Facebook Netflix Inbox API messages';
/** Privileged gateway intents: GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT. */
const PRIVILEGED = (1 << 1) | (1 << 8) | (1 << 15);

interface Embed {
  title?: string;
  description?: string;
  footer?: { text: string };
}
interface Body {
  type?: number;
  data?: { flags?: number; content?: string; choices?: { name: string; value: string }[] } & Record<string, unknown>;
  content?: string;
  embeds?: Embed[];
  components?: { components: { custom_id: string; label: string }[] }[];
  allowed_mentions?: { parse: string[] };
  flags?: number;
}

const body = (call: FakeCall): Body => call.body as Body;
const text = (b: Body): string => (b.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}\n${e.footer?.text ?? ''}`).join('\n');
const customIds = (b: Body): string[] => (b.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));

let fake: FakeDiscord;
let core: Pinpoint;
let adapter: ReturnType<typeof createDiscordAdapter>;
const logger = createRecordingLogger();
const reported: (string | undefined)[] = [];

/** Dispatches an interaction and returns its callback and the first edit of @original. */
async function interact(payload: Record<string, unknown>): Promise<{ callback: FakeCall; edit: () => Promise<FakeCall>; from: number }> {
  const from = fake.calls.length;
  const { id, token } = payload as { id: string; token: string };
  fake.dispatch('INTERACTION_CREATE', payload);
  const callback = await fake.waitForCall((c) => c.path === `/interactions/${id}/${token}/callback`, from, `callback of ${id}`);
  const edit = () =>
    fake.waitForCall(
      (c) => c.method === 'PATCH' && c.path === `/webhooks/${FAKE_IDS.application}/${token}/messages/@original` && c.status === 200,
      from,
      `edit of ${id}`,
    );
  return { callback, edit, from };
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  core = await createPinpoint({ knowledgeDir: KNOWLEDGE, rates: { user: { capacity: 1000, refillPerMinute: 1000 }, channel: { capacity: 1000, refillPerMinute: 1000 } } });
  adapter = createDiscordAdapter({
    core,
    config: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, DISCORD_PUBLIC_KEY: undefined },
    logger,
    reportError: (kind) => reported.push(kind),
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await core?.close();
  await fake?.close();
});

describe('discord gateway mode', () => {
  it('logs in through the REST base and identifies without privileged intents', async () => {
    const gateway = fake.calls.find((c) => c.path === '/gateway/bot');
    expect(gateway?.headers.authorization).toBe(`Bot ${TOKEN}`);
    const identify = await fake.waitForFrame((f) => f.op === 2);
    const d = identify.d as { token: string; intents: number };
    expect(d.token).toBe(TOKEN);
    expect(d.intents & PRIVILEGED).toBe(0);
    expect(adapter.ready()).toBe(true);
    expect(adapter.routes).toEqual([]);
  });

  it('defers /ask and then edits in a cited answer that mentions nobody', async () => {
    const question = 'What did Netflix send Facebook in return?';
    const { callback, edit } = await interact(askPayload(question));
    expect(callback.headers.authorization).toBeUndefined();
    expect(body(callback)).toEqual({ type: 5, data: {} });
    const reply = body(await edit());
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const [embed] = reply.embeds ?? [];
    expect(embed?.title).toBe(question);
    const first = (embed?.description ?? '').split('\n\n')[0] ?? '';
    const [quoteLine, citationLine] = first.split('\n');
    expect(quoteLine).toMatch(/^> In \*\*return\*\*, \*\*Netflix\*\* .*\*\*Facebook\*\*/);
    // The core may quote a second sentence of context; the first is the one that answers.
    expect(quoteLine?.slice(2).replaceAll('**', '')).toMatch(
      /^In return, Netflix sent Facebook bi-weekly reports about how users interacted with Netflix recommendations\.( |$)/,
    );
    expect(citationLine).toBe(
      '**[1]** Klein v. Meta Platforms: Amended Complaint (excerpt) · complaint · 2023-04-14 · ¶ 3 · <https://example.com/klein-complaint.pdf>',
    );
    expect(reply.embeds?.at(-1)?.footer?.text).toMatch(/^2 documents indexed · 7 passages · updated \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(customIds(reply).map((id) => id.split(':')[1])).toEqual(['m', 'c', 'p', 'y', 'n']);
    expect(reply.components?.map((row) => row.components.length)).toEqual([3, 2]);
  });

  it('answers privately with a Share button when private is true', async () => {
    const { callback, edit } = await interact(askPayload(MANY, { private: true }));
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const reply = body(await edit());
    expect(reply.flags).toBeUndefined();
    expect(customIds(reply).map((id) => id.split(':')[1])).toEqual(['m', 'c', 's', 'p', 'y', 'n']);
  });

  it('offers no Pin nor Share button in a direct message, where nothing can be pinned nor shared, on any page', async () => {
    const dm = { guildId: null };
    const reply = body(await (await interact(askPayload(MANY, dm))).edit());
    expect(customIds(reply).map((id) => id.split(':')[1])).toEqual(['m', 'c', 'y', 'n']);
    const more = customIds(reply)[0] ?? '';
    const next = body(await (await interact(buttonPayload(more, { ...dm, messageFlags: 64 }))).edit());
    expect(customIds(next).map((id) => id.split(':')[1])).toEqual(['c', 'y', 'n']);
    const privately = body(await (await interact(askPayload(MANY, { ...dm, private: true }))).edit());
    expect(customIds(privately).map((id) => id.split(':')[1])).toEqual(['m', 'c', 'y', 'n']);
  });

  it('quotes @everyone, <@123> and <@&456> without pinging anyone', async () => {
    const { edit } = await interact(askPayload('Who tagged everyone on the forum?'));
    const reply = body(await edit());
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    const raw = JSON.stringify(reply);
    expect(raw).not.toMatch(/@everyone|@here|<@!?\d+>|<@&\d+>/);
    expect(text(reply)).toContain('posted "@\u200D**everyone** the Inbox API is fake" and **tagged** \\<@\u200D123\\> and the role \\<@\u200D&456\\>');
  });

  it('rejects nothing and answers no-match plainly with suggestions', async () => {
    const { edit } = await interact(askPayload('pizza recipes'));
    const reply = body(await edit());
    expect(text(reply)).toContain('Nothing in the case documents answers “pizza recipes”.');
    expect(text(reply)).toContain('**Try one of these:**\n• Klein v. Meta Platforms: Amended Complaint (excerpt)\n• Order on Motion to Dismiss');
    expect(customIds(reply)).toEqual([]);
  });

  it('shows the next excerpts privately, numbered on, when More is pressed', async () => {
    const asked = body(await (await interact(askPayload(MANY))).edit());
    const more = customIds(asked).find((id) => id.startsWith('pp:m:'));
    expect(more).toMatch(/^pp:m:[^:]+:3$/);
    const { callback, edit } = await interact(buttonPayload(more ?? ''));
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const page = body(await edit());
    expect(text(page)).toContain('**[4]** ');
    expect(text(page)).not.toContain('**[1]** ');
  });

  it('shows the whole passages privately when Context is pressed', async () => {
    const asked = body(await (await interact(askPayload('What did Netflix send Facebook in return?'))).edit());
    const context = customIds(asked).find((id) => id.startsWith('pp:c:')) ?? '';
    const { callback, edit } = await interact(buttonPayload(context));
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const shown = text(body(await edit()));
    expect(shown).toContain('> 3\\. In return, Netflix sent Facebook bi-weekly reports');
    expect(shown).toContain('The reports continued until October 2021, when Facebook renamed itself Meta.');
  });

  it('posts a private answer publicly when Share is pressed', async () => {
    const asked = body(await (await interact(askPayload(MANY, { private: true }))).edit());
    const share = customIds(asked).find((id) => id.startsWith('pp:s:')) ?? '';
    const { callback, edit } = await interact(buttonPayload(share, { messageFlags: 64 }));
    expect(body(callback)).toEqual({ type: 5, data: {} });
    const shared = body(await edit());
    expect(text(shared)).toContain('Inbox');
    expect(customIds(shared).map((id) => id.split(':')[1])).toEqual(['m', 'c', 'p', 'y', 'n']);
    expect(shared.embeds?.[0]?.title).toBe(MANY);
  });

  it('posts a shared answer once when Share is pressed twice (a double click), and tells the second press privately', async () => {
    const asked = body(await (await interact(askPayload('What did Netflix send Facebook in return?', { private: true }))).edit());
    const share = customIds(asked).find((id) => id.startsWith('pp:s:')) ?? '';
    const [first, second] = [buttonPayload(share, { messageFlags: 64 }), buttonPayload(share, { messageFlags: 64 })];
    const from = fake.calls.length;
    // Both presses arrive before the first is answered, as a double click sends them.
    fake.dispatch('INTERACTION_CREATE', first);
    fake.dispatch('INTERACTION_CREATE', second);
    const callbackOf = (p: Record<string, unknown>) => fake.waitForCall((c) => c.path === `/interactions/${String(p.id)}/${String(p.token)}/callback`, from);
    expect(body(await callbackOf(first))).toEqual({ type: 5, data: {} });
    expect(body(await callbackOf(second))).toEqual({
      type: 4,
      data: { content: TEXT.sharedAlready, embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 },
    });
    await logger.waitFor((e) => e.fields.interaction === first.id && e.message === 'discord interaction handled');
    await logger.waitFor((e) => e.fields.interaction === second.id && e.message === 'discord interaction handled');
    const posted = fake.calls.slice(from).filter((c) => c.method === 'PATCH' || (c.method === 'POST' && c.path.startsWith('/webhooks/')));
    expect(posted.map((c) => c.path)).toEqual([`/webhooks/${FAKE_IDS.application}/${String(first.token)}/messages/@original`]);

    // Another member's Share of their own copy of the answer is theirs to make.
    const theirs = await interact(buttonPayload(share, { messageFlags: 64, userId: FAKE_IDS.moderator }));
    expect(body(theirs.callback)).toEqual({ type: 5, data: {} });
    expect(text(body(await theirs.edit()))).toContain('Netflix');
  });

  it('records a 👍 through the callback and leaves the answer message as it was', async () => {
    const asked = body(await (await interact(askPayload('What did Netflix send Facebook in return?'))).edit());
    const up = customIds(asked).find((id) => id.startsWith('pp:y:')) ?? '';
    const payload = buttonPayload(up);
    const { callback, from } = await interact(payload);
    expect(body(callback)).toEqual({
      type: 4,
      data: { content: 'Thanks — noted.', embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 },
    });
    await logger.waitFor((e) => e.fields.interaction === payload.id && e.message === 'discord interaction handled');
    expect(fake.calls.slice(from).map((c) => `${c.method} ${c.path}`)).toEqual([`POST /interactions/${String(payload.id)}/${String(payload.token)}/callback`]);
    const counts = core.answers.feedbackCounts(up.split(':')[2] ?? '');
    expect(counts).toEqual({ up: 1, down: 0 });
  });

  it('refuses Pin privately for a member and calls nothing else', async () => {
    const asked = body(await (await interact(askPayload('What did Netflix send Facebook in return?'))).edit());
    const pin = customIds(asked).find((id) => id.startsWith('pp:p:')) ?? '';
    const payload = buttonPayload(pin, { permissions: PERMS.member });
    const { callback, from } = await interact(payload);
    expect(body(callback)).toEqual({
      type: 4,
      data: { content: TEXT.notModerator, embeds: [], components: [], allowed_mentions: { parse: [] }, flags: 64 },
    });
    await logger.waitFor((e) => e.fields.interaction === payload.id && e.message === 'discord interaction handled');
    expect(fake.calls.slice(from).map((c) => `${c.method} ${c.path}`)).toEqual([`POST /interactions/${String(payload.id)}/${String(payload.token)}/callback`]);
    expect(core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });

  it('pins a public answer for a moderator, and a later /ask shows it first, marked', async () => {
    const question = 'When did the Netflix reports stop?';
    const asked = body(await (await interact(askPayload(question))).edit());
    const pin = customIds(asked).find((id) => id.startsWith('pp:p:')) ?? '';
    const payload = buttonPayload(pin, { permissions: PERMS.moderator, userId: FAKE_IDS.moderator, messageId: '400000000000000010' });
    const { callback, edit, from } = await interact(payload);
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    await fake.waitForCall((c) => c.method === 'PUT' && c.path === `/channels/${FAKE_IDS.channel}/messages/pins/400000000000000010`, from);
    expect(body(await edit()).content).toBe('📌 Pinned. From now on /ask with this question (or a close one) shows this answer first.');
    const [saved] = core.pins.list({ platform: 'discord', server: FAKE_IDS.guild });
    expect(saved).toMatchObject({ question, pinnedBy: FAKE_IDS.moderator, messageRef: `${FAKE_IDS.channel}/400000000000000010` });

    const again = body(await (await interact(askPayload('when did the netflix reports stop'))).edit());
    expect(again.embeds?.[0]?.title).toBe('📌 when did the netflix reports stop');
    expect(again.embeds?.[0]?.description).toMatch(/^📌 \*\*Pinned answer\*\*: chosen by the moderators of this server on \d{4}-\d\d-\d\d\./);
    expect(customIds(again).some((id) => id.startsWith('pp:p:'))).toBe(false);
    core.pins.unpin({ platform: 'discord', server: FAKE_IDS.guild }, saved?.id ?? '');
  });

  it('posts a private answer publicly before pinning it for a moderator', async () => {
    const asked = body(await (await interact(askPayload('What is the Inbox API agreement?', { private: true }))).edit());
    const pin = customIds(asked).find((id) => id.startsWith('pp:p:')) ?? '';
    const payload = buttonPayload(pin, { permissions: PERMS.legacyModerator, userId: FAKE_IDS.moderator, messageFlags: 64 });
    const { from } = await interact(payload);
    const posted = await fake.waitForCall((c) => c.method === 'POST' && c.path === `/webhooks/${FAKE_IDS.application}/${String(payload.token)}`, from);
    expect(body(posted).flags).toBeUndefined();
    expect(body(posted).allowed_mentions).toEqual({ parse: [] });
    expect(customIds(body(posted)).some((id) => id.startsWith('pp:p:') || id.startsWith('pp:s:'))).toBe(false);
    const put = await fake.waitForCall((c) => c.method === 'PUT' && c.path.startsWith(`/channels/${FAKE_IDS.channel}/messages/pins/`), from);
    expect(put.path).toMatch(/\/pins\/5\d+$/);
    await logger.waitFor((e) => e.fields.interaction === payload.id && e.message === 'discord interaction handled');
    expect(core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toHaveLength(1);
  });

  it('lists pins with Unpin buttons for moderators and unpins on Discord too', async () => {
    const { callback, edit } = await interact(commandPayload('pins', {}, { permissions: PERMS.moderator }));
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const list = body(await edit());
    expect(text(list)).toContain('**1.** What is the Inbox API agreement?');
    const unpin = customIds(list)[0] ?? '';
    expect(unpin).toMatch(/^pp:u:/);

    const refused = await interact(buttonPayload(unpin, { permissions: PERMS.member }));
    expect(body(refused.callback).data?.content).toBe(TEXT.notModeratorUnpin);

    const { edit: unpinned, from } = await interact(buttonPayload(unpin, { permissions: PERMS.moderator }));
    expect(body(await unpinned()).content).toBe('Unpinned. /ask no longer shows that answer first.');
    expect(fake.calls.slice(from).some((c) => c.method === 'DELETE' && c.path.startsWith(`/channels/${FAKE_IDS.channel}/messages/pins/`))).toBe(true);
    expect(core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });

  it('names View Channel when Discord refuses to unpin the message in a channel the bot cannot see', async () => {
    const asked = body(await (await interact(askPayload('When did the Netflix reports stop?'))).edit());
    const pin = customIds(asked).find((id) => id.startsWith('pp:p:')) ?? '';
    const pinned = await interact(buttonPayload(pin, { permissions: PERMS.moderator, messageId: '400000000000000020' }));
    expect(body(await pinned.edit()).content).toBe(TEXT.pinned);
    const unpin = customIds(body(await (await interact(commandPayload('pins', {}, { permissions: PERMS.moderator }))).edit()))[0] ?? '';
    expect(unpin).toMatch(/^pp:u:/);

    fake.fail('DELETE', /\/messages\/pins\//, 403, { body: { message: 'Missing Access', code: 50001 } });
    const hidden = await interact(buttonPayload(unpin, { permissions: PERMS.moderator }));
    expect(body(await hidden.edit()).content).toBe(`${TEXT.unpinned} ${TEXT.unpinCannotSee}`);
    expect(core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });

  it('explains what to grant when the bot may not pin', async () => {
    const asked = body(await (await interact(askPayload('What is the Inbox API agreement?'))).edit());
    const pin = customIds(asked).find((id) => id.startsWith('pp:p:')) ?? '';
    const lacking = await interact(buttonPayload(pin, { permissions: PERMS.moderator, appPermissions: PERMS.botWithoutPin }));
    expect(body(lacking.callback).data?.content).toBe(TEXT.botCannotPin);

    fake.fail('PUT', /\/messages\/pins\//, 403, { body: { message: 'Missing Permissions', code: 50013 } });
    const { edit } = await interact(buttonPayload(pin, { permissions: PERMS.moderator }));
    expect(body(await edit()).content).toBe(TEXT.botCannotPin);

    // In a private channel the bot's role cannot see, Pin Messages is not what is missing.
    const hidden = await interact(buttonPayload(pin, { permissions: PERMS.moderator, appPermissions: PERMS.botWithoutView }));
    expect(body(hidden.callback).data?.content).toBe(TEXT.botCannotSee);
    fake.fail('PUT', /\/messages\/pins\//, 403, { body: { message: 'Missing Access', code: 50001 } });
    const refused = await interact(buttonPayload(pin, { permissions: PERMS.moderator }));
    expect(body(await refused.edit()).content).toBe(TEXT.botCannotSee);

    fake.fail('PUT', /\/messages\/pins\//, 400, { body: { message: 'Maximum number of pins reached (50)', code: 30003 } });
    const full = await interact(buttonPayload(pin, { permissions: PERMS.moderator }));
    expect(body(await full.edit()).content).toBe(TEXT.pinLimit);
    expect(core.pins.list({ platform: 'discord', server: FAKE_IDS.guild })).toEqual([]);
  });

  it('lists the documents with /docs and shows a passage with its neighbours with /source', async () => {
    const docs = body(await (await interact(commandPayload('docs'))).edit());
    expect(docs.embeds?.[0]?.description).toBe(
      '**1.** Klein v. Meta Platforms: Amended Complaint (excerpt) · complaint · 2023-04-14 · 5 passages · <https://example.com/klein-complaint.pdf>\n\n' +
        '**2.** Order on Motion to Dismiss · order · 2024-01-22 · 2 passages',
    );
    const source = body(await (await interact(commandPayload('source', { ref: 'Order on Motion to Dismiss para. 2' }))).edit());
    expect(source.embeds?.[0]?.title).toBe('Order on Motion to Dismiss · para. 2');
    expect(text(source)).toContain('> The court denies the motion to dismiss');
    expect(text(source)).toContain('**▶ cited passage**\n> The court grants the motion');
    const missing = body(await (await interact(commandPayload('source', { ref: 'Nowhere ¶ 99' }))).edit());
    expect(missing.content).toMatch(/^No passage matches that reference\./);
  });

  it('offers autocomplete choices from the core', async () => {
    const { callback } = await interact(autocompletePayload('order'));
    expect(body(callback)).toEqual({ type: 8, data: { choices: [{ name: 'Order on Motion to Dismiss', value: 'Order on Motion to Dismiss' }] } });
  });

  it('finds the sources of a selected message privately', async () => {
    const { callback, edit } = await interact(findSourcesPayload('Netflix could read our private messages through the Inbox API!'));
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const found = body(await edit());
    expect(found.embeds?.[0]?.title).toBe('Sources for: “Netflix could read our private messages through the Inbox API!”');
    expect(text(found)).toContain('Inbox API');
  });

  it('offers More under sources that fill more than a page, and More shows the next passages privately', async () => {
    const claim = 'Facebook gave Netflix access to the Inbox API messages';
    const first = body(await (await interact(findSourcesPayload(claim))).edit());
    const citations = (reply: Body) => [...text(reply).matchAll(/\*\*\[(\d+)\]\*\*/g)].map((m) => Number(m[1]));
    expect(citations(first)).toEqual([1, 2, 3]);
    const [more, ...others] = customIds(first);
    expect(others).toEqual([]);
    expect(more).toMatch(/^pp:f:[^:]+:3$/);

    const { callback, edit } = await interact(buttonPayload(more ?? '', { messageFlags: 64 }));
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const next = body(await edit());
    expect(next.embeds?.[0]?.title).toBe(`Sources for: “${claim}”`);
    expect(citations(next)[0]).toBe(4);
    expect(text(next)).not.toContain('Nothing in the case documents');

    // After the answer store forgot the text, More says what to do instead.
    const gone = await interact(buttonPayload('pp:f:forgotten1:3', { messageFlags: 64 }));
    expect(body(gone.callback)).toMatchObject({ type: 4, data: { content: TEXT.sourcesExpired, flags: 64 } });
  });

  it("reads a message's mentions, custom emoji and links as no words of its claim", async () => {
    const claim = 'Netflix could read our private messages through the Inbox API!';
    const content = `<@123456789012345678> <@&223456789012345678> ${claim} <:kek:987654321098765432> <t:1700000000:R> https://twitter.com/someone/status/1790000000000000000`;
    const { edit } = await interact(findSourcesPayload(content));
    const found = body(await edit());
    expect(found.embeds?.[0]?.title).toBe(`Sources for: “${claim}”`);
    expect(text(found)).toContain('Inbox API');
    expect(text(found)).not.toContain('Nothing in the case documents');

    // The same in /ask: Discord sends a mention or an emoji picked while typing as its markup.
    const asked = body(await (await interact(askPayload('<:thinking:987654321098765432> What is the Inbox API agreement?'))).edit());
    expect(asked.embeds?.[0]?.title).toBe('What is the Inbox API agreement?');
    expect(text(asked)).toContain('Inbox API');
  });

  it('finds the sources of a forwarded message, whose text is in its snapshot', async () => {
    const claim = 'Netflix could read our private messages through the Inbox API!';
    const payload = findSourcesPayload('');
    const data = payload.data as { target_id: string; resolved: { messages: Record<string, Record<string, unknown>> } };
    const target = data.resolved.messages[data.target_id]!;
    target.message_reference = { type: 1, channel_id: '700000000000000055', message_id: '400000000000000055' };
    target.message_snapshots = [{ message: { type: 0, content: claim, embeds: [], attachments: [], timestamp: '2026-01-01T00:00:00.000Z', flags: 0 } }];
    const { callback, edit } = await interact(payload);
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const found = body(await edit());
    expect(found.embeds?.[0]?.title).toBe(`Sources for: “${claim}”`);
    expect(text(found)).toContain('Inbox API');
  });

  it("finds the sources of a message that is only an embed (a news feed's or another bot's post)", async () => {
    const claim = 'Netflix could read our private messages through the Inbox API!';
    const payload = findSourcesPayload('');
    const data = payload.data as { target_id: string; resolved: { messages: Record<string, Record<string, unknown>> } };
    data.resolved.messages[data.target_id]!.embeds = [{ type: 'rich', title: 'Breaking', description: claim }];
    const found = body(await (await interact(payload)).edit());
    expect(found.embeds?.[0]?.title).toBe(`Sources for: “Breaking ${claim}”`);
    expect(text(found)).toContain('Inbox API');
  });

  it.each([
    ['a bare link', 'https://news.example/2024/04/netflix-facebook-dms'],
    ['a link between a mention and an emoji', '<@600000000000000002> https://news.example/2024/04/netflix-facebook-dms <:eyes:987654321098765432>'],
  ])("finds the sources of %s by its preview's title and text, instead of saying it has no text", async (_name, content) => {
    const claim = 'Netflix could read our private messages through the Inbox API';
    const payload = findSourcesPayload(content);
    const data = payload.data as { target_id: string; resolved: { messages: Record<string, Record<string, unknown>> } };
    data.resolved.messages[data.target_id]!.embeds = [
      { type: 'article', url: 'https://news.example/2024/04/netflix-facebook-dms', title: 'Lawsuit says', description: claim },
    ];
    const { callback, edit } = await interact(payload);
    expect(body(callback)).toEqual({ type: 5, data: { flags: 64 } });
    const found = body(await edit());
    expect(found.embeds?.[0]?.title).toBe(`Sources for: “Lawsuit says ${claim}”`);
    expect(text(found)).toContain('Inbox API');
  });

  it('waits out a 429 on the edit and then delivers the answer', async () => {
    fake.fail('PATCH', /\/messages\/@original$/, 429, {
      body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
      headers: { 'retry-after': '0.05' },
    });
    const payload = askPayload('What is the Inbox API agreement?');
    const { from } = await interact(payload);
    const ok = await fake.waitForCall((c) => c.method === 'PATCH' && c.path.includes(String(payload.token)) && c.status === 200, from);
    const edits = fake.calls.slice(from).filter((c) => c.method === 'PATCH');
    expect(edits.map((c) => c.status)).toEqual([429, 200]);
    expect(text(body(ok))).toContain('Inbox API');
  });

  it('logs a 500 with context and apologises instead of failing silently', async () => {
    fake.fail('PATCH', /\/messages\/@original$/, 500, { times: 4 });
    const payload = askPayload('What is the Inbox API agreement?');
    const { from } = await interact(payload);
    const logged = await logger.waitFor((e) => e.level === 'error' && e.fields.interaction === payload.id);
    expect(logged).toMatchObject({ message: 'discord interaction failed', fields: { kind: 'command:ask', acknowledged: true, adapter: 'discord' } });
    const error = logged.fields.error as Record<string, unknown>;
    expect(error).toMatchObject({ status: 500, method: 'PATCH' });
    expect(error.url).toBe(`${fake.apiBase}/v10/webhooks/${FAKE_IDS.application}/<token>/messages/%40original`);
    expect(JSON.stringify(logged)).not.toContain(String(payload.token));
    expect(JSON.stringify(logged)).not.toContain('Inbox API');
    const apology = await fake.waitForCall((c) => c.method === 'PATCH' && c.path.includes(String(payload.token)) && c.status === 200, from);
    expect(body(apology).content).toBe(TEXT.apology);
    expect(reported).toEqual(['interaction']);
  });

  it('resumes the session after the gateway drops and keeps answering', async () => {
    const mark = fake.frames.length;
    const session = fake.sessionId;
    fake.dropGateway(4000);
    const resume = await fake.waitForFrame((f) => f.op === 6, mark, 'RESUME');
    expect(resume.d).toMatchObject({ token: TOKEN, session_id: session });
    await logger.waitFor((e) => e.message === 'discord gateway resumed');
    expect(adapter.ready()).toBe(true);
    const reply = body(await (await interact(askPayload('What is the Inbox API agreement?'))).edit());
    expect(text(reply)).toContain('Inbox API');
  });
});

describe('discord gateway mode when a callback is retried', () => {
  it('takes "already acknowledged" on a retried callback as the acknowledgement and still edits in the answer', async () => {
    // Discord took the deferral but answered 500 (or the connection reset); the REST client retries it.
    fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 500);
    fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 400, {
      body: { message: 'Interaction has already been acknowledged.', code: 40060 },
    });
    const payload = askPayload('What is the Inbox API agreement?');
    const { from } = await interact(payload);
    const edit = await fake.waitForCall(
      (c) => c.method === 'PATCH' && c.path.includes(String(payload.token)) && c.status === 200,
      from,
      'the edit of @original',
    );
    expect(fake.calls.slice(from).filter((c) => c.path.endsWith('/callback')).map((c) => c.status)).toEqual([500, 400]);
    expect(body(edit).content).not.toBe(TEXT.apology);
    expect(text(body(edit))).toContain('Inbox API');
    await logger.waitFor((e) => e.fields.interaction === payload.id && e.message === 'discord interaction handled');
  });
});

describe('discord gateway mode when the first response fails', () => {
  it('sends the apology as a first response, not as an edit of an @original that never existed', async () => {
    // The deferral arrived too late (Discord waits 3 s): nothing was acknowledged, so no original message exists.
    fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 404, { body: { message: 'Unknown interaction', code: 10062 }, times: 2 });
    const payload = askPayload('What is the Inbox API agreement?');
    const { from } = await interact(payload);
    const failed = await logger.waitFor((e) => e.fields.interaction === payload.id && e.message === 'discord interaction failed');
    expect(failed.fields.acknowledged).toBe(false);
    await logger.waitFor((e) => e.fields.interaction === payload.id && e.message === 'discord apology could not be sent');
    const calls = fake.calls.slice(from).filter((c) => c.path.includes(String(payload.token)));
    expect(calls.map((c) => [c.method, c.status])).toEqual([
      ['POST', 404],
      ['POST', 404],
    ]);
    expect(body(calls[1]!)).toMatchObject({ type: 4, data: { content: TEXT.apology, flags: 64 } });
  });

  it('edits the apology into "thinking…" when that first response reached Discord after all', async () => {
    // The deferral looked lost, yet Discord had it: the apology as a first response is refused as already acknowledged.
    fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 404, { body: { message: 'Unknown interaction', code: 10062 }, times: 1 });
    fake.fail('POST', /^\/interactions\/\d+\/[^/]+\/callback$/, 400, { body: { message: 'Interaction has already been acknowledged.', code: 40060 }, times: 1 });
    const payload = askPayload('What is the Inbox API agreement?');
    const { from } = await interact(payload);
    const edit = await fake.waitForCall((c) => c.method === 'PATCH' && c.path.includes(String(payload.token)), from, `apology edit of ${payload.id}`);
    expect(body(edit)).toMatchObject({ content: TEXT.apology });
  });
});
