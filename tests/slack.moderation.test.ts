import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_IDS, FIND_SOURCES_CALLBACK_ID, UNPIN_ACTION_ID, VOTE_ACTION_IDS } from '../adapters/slack/actions.js';
import { VOTE_EXPIRED_TEXT, VOTED_TEXT } from '../adapters/slack/feedback.js';
import {
  alreadyPinnedText,
  ANSWER_CHANGED_TEXT,
  EARLIER_PIN_LEFT_TEXT,
  PIN_FAILURE_TEXT,
  PIN_NOT_SAVED_TEXT,
  PIN_UNCONFIRMED_TEXT,
  PINNED_TEXT,
} from '../adapters/slack/pin.js';
import { APOLOGY } from '../adapters/slack/edge.js';
import { SHARE_CHANGED_TEXT } from '../adapters/slack/buttons.js';
import { HOME_ROLE_UNCONFIRMED_TEXT } from '../adapters/slack/home.js';
import { createMetrics, type Metrics } from '../adapters/metrics/create-metrics.js';
import { instrumentCore } from '../adapters/metrics/instrument-core.js';
import { NOT_PINNED_TEXT, SLACK_PIN_LEFT_TEXT, UNPIN_REFUSED_TEXT, UNPIN_UNCONFIRMED_TEXT, UNPINNED_TEXT } from '../adapters/slack/unpin.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { FakeSlack, FAKE_TEAM_ID, fakePermalink, type ResponsePost } from './fakes/slack-api.js';
import { allText, type Block, blocksOf, buttonValue, GENEROUS, plain, SECRET, startHttpSlack, type HttpSlack } from './fakes/slack-harness.js';
import { FORM, formPayload, messageShortcutPayload, sendSigned } from './fakes/slack-requests.js';
import { RecordingLogger } from './fakes/slack-log.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'slack');
const NO_MATCH_QUESTION = 'who is the pope of mars';
const PINNED_QUESTION = 'how much was the Irish fine';

let knowledge: string;
let fake: FakeSlack;
let core: Pinpoint;
let slack: HttpSlack;
let homes = 0;
const logger = new RecordingLogger();

const votesOf = (answerId: string) => core.answers.feedbackCounts(answerId);
const answerIdOf = (value: string) => (JSON.parse(value) as { a: string }).a;
const openHome = (user: string) => slack.openHome(user, `Ev0HOME${(homes += 1)}`);

beforeAll(async () => {
  // A temp copy: the stale-pin test edits a document under a pin.
  knowledge = mkdtempSync(path.join(tmpdir(), 'pinpoint-slack-'));
  cpSync(FIXTURE, knowledge, { recursive: true });
  fake = await FakeSlack.start();
  fake.users.set('U0ADMIN', { is_admin: true });
  fake.users.set('U0MEMBER', {});
  fake.users.set('U0SECOND', {});
  core = await createPinpoint({ knowledgeDir: knowledge, rates: GENEROUS });
  slack = await startHttpSlack(fake, core, logger);
});

afterAll(async () => {
  await slack?.close();
  await core?.close();
  await fake?.close();
  rmSync(knowledge, { recursive: true, force: true });
});

describe('Slack 👍 / 👎', () => {
  it('records a vote and thanks the voter privately without touching the answer', async () => {
    const answer = await slack.ask('What was the Inbox API agreement?');
    const value = buttonValue(blocksOf(answer), VOTE_ACTION_IDS.up);
    const answerId = answerIdOf(value);
    expect(votesOf(answerId)).toEqual({ up: 0, down: 0 });
    const updates = fake.callsOf('chat.update').length;

    const pressed = await slack.press(VOTE_ACTION_IDS.up, value);
    const reply = await pressed.response();
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: VOTED_TEXT });
    expect(votesOf(answerId)).toEqual({ up: 1, down: 0 });
    expect(fake.callsOf('chat.update')).toHaveLength(updates);
  });

  it("replaces a user's first vote with their second, and counts another user's separately", async () => {
    const answer = await slack.ask('Who are the plaintiffs?');
    const up = buttonValue(blocksOf(answer), VOTE_ACTION_IDS.up);
    const down = buttonValue(blocksOf(answer), VOTE_ACTION_IDS.down);
    const answerId = answerIdOf(up);

    await (await slack.press(VOTE_ACTION_IDS.up, up)).response();
    expect(votesOf(answerId)).toEqual({ up: 1, down: 0 });
    await (await slack.press(VOTE_ACTION_IDS.down, down)).response();
    expect(votesOf(answerId)).toEqual({ up: 0, down: 1 });
    await (await slack.press(VOTE_ACTION_IDS.up, up, { user: 'U0SECOND' })).response();
    expect(votesOf(answerId)).toEqual({ up: 1, down: 1 });
  });

  it('takes votes on an answer posted in a channel too', async () => {
    const first = await slack.ask(PINNED_QUESTION);
    const shared = await slack.press(ACTION_IDS.share, buttonValue(blocksOf(first), ACTION_IDS.share));
    await shared.response();
    const post = await fake.waitForCall('chat.postMessage', (call) => allText(blocksOf(call)).includes('Shared by someone'));
    const value = buttonValue(blocksOf(post), VOTE_ACTION_IDS.down);
    const pressed = await slack.press(VOTE_ACTION_IDS.down, value, { user: 'U0SECOND', ephemeral: false, messageTs: '1700000000.000555' });
    expect((await pressed.response()).body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: VOTED_TEXT });
    expect(votesOf(answerIdOf(value))).toEqual({ up: 0, down: 1 });
  });

  it.each([
    ['an unknown answer id', JSON.stringify({ a: 'no-such-answer', o: 0 })],
    ['a value this app did not make', 'not json'],
  ])('tells the voter privately that nothing was counted for %s', async (_name, value) => {
    const pressed = await slack.press(VOTE_ACTION_IDS.up, value);
    expect((await pressed.response()).body).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: VOTE_EXPIRED_TEXT });
    expect(votesOf('no-such-answer')).toEqual({ up: 0, down: 0 });
  });

  it('offers no votes under a no-match answer', async () => {
    const answer = await slack.ask('what colour is the moon cheese');
    expect(allText(blocksOf(answer))).toContain("I couldn't find that in the case documents.");
    expect(blocksOf(answer).some((block) => block.type === 'actions')).toBe(false);
  });
});

describe('Slack App Home for moderators', () => {
  beforeAll(async () => {
    // A question the documents cannot answer, asked twice so it leads the report.
    await slack.ask(NO_MATCH_QUESTION);
    await slack.ask(NO_MATCH_QUESTION, 'U0SECOND');
    // A moderator pins an answer, then its source document changes under the pin.
    const first = await slack.ask(PINNED_QUESTION, 'U0MOD');
    const pinned = await slack.press(ACTION_IDS.pin, buttonValue(blocksOf(first), ACTION_IDS.pin), { user: 'U0MOD' });
    expect((await pinned.response()).body.text).toBe('📌 Pinned: later questions like this one get this answer first.');
    const fines = path.join(knowledge, 'fines.md');
    const before = readFileSync(fines, 'utf8');
    writeFileSync(fines, before.replace('fined Meta 265 million euros', 'fined Meta 256 million euros'));
    expect(readFileSync(fines, 'utf8')).not.toBe(before);
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    expect(core.pins.listStale({ platform: 'slack', server: FAKE_TEAM_ID })).toHaveLength(1);
  });

  it('shows a configured moderator the unanswered questions and the stale pin with its warning', async () => {
    const text = allText(await openHome('U0MOD'));
    expect(text).toContain('❓ Questions without an answer');
    expect(text).toContain(`• *2×* ${NO_MATCH_QUESTION} · last asked `);
    expect(text).toContain('⚠️ Stale pins');
    expect(text).toContain(
      '⚠️ The source document changed since these answers were pinned: their quotes may no longer match. Ask the question again and pin a fresh answer.',
    );
    expect(text).toContain(`*${PINNED_QUESTION}*\nPinned in <#C0GENERAL> on `);
    expect(text).toContain('265 million euros');
  });

  it('shows a workspace admin (users.info) the same report', async () => {
    const text = allText(await openHome('U0ADMIN'));
    expect(text).toContain('❓ Questions without an answer');
    expect(text).toContain(NO_MATCH_QUESTION);
    expect(text).toContain('⚠️ Stale pins');
  });

  it('shows a member the pins, marked stale, but not the report', async () => {
    const text = allText(await openHome('U0MEMBER'));
    expect(text).not.toContain('Questions without an answer');
    expect(text).not.toContain(NO_MATCH_QUESTION);
    expect(text).not.toContain('Stale pins');
    expect(text).toContain(`*${PINNED_QUESTION}*\n⚠️ Source changed since pinning.`);
    expect(text).toContain('Regulatory fines against Meta');
  });

  it('tells an admin whose role Slack could not confirm why the report is missing, and shows it on the next visit', async () => {
    fake.users.set('U0HOMEBLIP', { is_admin: true });
    fake.failNext('users.info', { kind: 'http500' });
    const blocks = await openHome('U0HOMEBLIP');
    expect(blocks[0]?.text?.text).toBe(HOME_ROLE_UNCONFIRMED_TEXT);
    expect(allText(blocks)).not.toContain('Questions without an answer');

    const again = await openHome('U0HOMEBLIP');
    expect(allText(again)).not.toContain(HOME_ROLE_UNCONFIRMED_TEXT);
    expect(allText(again)).toContain('❓ Questions without an answer');
  });

  it('warns under the pinned answer when the question is asked again', async () => {
    const again = await slack.ask(PINNED_QUESTION);
    const text = allText(blocksOf(again));
    expect(text).toContain('📌 *Pinned answer*');
    expect(text).toContain(
      '⚠️ A source document changed since this answer was pinned: the quote may no longer match. Ask a moderator to re-pin it.',
    );
    expect(text).toContain('265 million euros');
    expect(text).toContain('256 million euros');
  });
});

describe('Slack App Home Unpin', () => {
  const QUESTION = 'Who are the plaintiffs?';
  const server = { platform: 'slack', server: FAKE_TEAM_ID };
  const pinsNow = () => core.pins.list(server);
  let pinned = 0;
  /** The Unpin buttons beside the pins of a published tab, by pin id. */
  const unpinButtons = (blocks: Block[]) =>
    blocks.flatMap((block) => (block.accessory?.action_id === UNPIN_ACTION_ID ? [block.accessory] : []));

  /** A moderator shares an answer to the channel and pins it there, so the pin record has channel and ts. */
  async function pinPublicly(): Promise<{ id: string; ts: string }> {
    const answer = await slack.ask(QUESTION);
    // Share answers privately only after posting, so the channel post is the latest one by then.
    await (await slack.press(ACTION_IDS.share, buttonValue(blocksOf(answer), ACTION_IDS.share))).response();
    const posted = fake.callsOf('chat.postMessage').at(-1);
    expect(allText(blocksOf(posted ?? { params: { blocks: [] } }))).toContain(QUESTION);
    const ts = `1700000001.${String((pinned += 1)).padStart(6, '0')}`;
    const value = buttonValue(blocksOf(posted ?? { params: { blocks: [] } }), ACTION_IDS.pin);
    const pressed = await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', ephemeral: false, messageTs: ts });
    expect((await pressed.response()).body.text).toBe('📌 Pinned: later questions like this one get this answer first.');
    const pin = pinsNow().find((candidate) => candidate.question === QUESTION);
    expect(pin?.messageRef).toBe(`C0GENERAL/${ts}`);
    return { id: pin?.id ?? '', ts };
  }

  it('puts an Unpin button beside each pin for moderators, and none for members', async () => {
    const { id } = await pinPublicly();
    const forModerator = unpinButtons(await openHome('U0MOD'));
    expect(forModerator.map((button) => button.value)).toContain(id);
    expect(forModerator.length).toBeGreaterThanOrEqual(pinsNow().length);
    expect(forModerator.every((button) => button.text?.text === 'Unpin' && button.style === 'danger')).toBe(true);
    expect(unpinButtons(await openHome('U0MEMBER'))).toEqual([]);
  });

  it('refuses a member who forges an Unpin press, tells them in their tab, and changes nothing', async () => {
    const { id } = await pinPublicly();
    const removes = fake.callsOf('pins.remove').length;
    const tab = await slack.pressInHome(UNPIN_ACTION_ID, id, 'U0MEMBER');
    expect(tab[0]?.text?.text).toBe(UNPIN_REFUSED_TEXT);
    expect(pinsNow().map((pin) => pin.id)).toContain(id);
    expect(fake.callsOf('pins.remove')).toHaveLength(removes);
  });

  it('fails closed when Slack cannot say whether an admin is one, and says to try again, not that they are no moderator', async () => {
    fake.users.set('U0NEWADMIN', { is_admin: true });
    const { id } = await pinPublicly();
    fake.failNext('users.info', { kind: 'http500' });
    const tab = await slack.pressInHome(UNPIN_ACTION_ID, id, 'U0NEWADMIN');
    expect(tab[0]?.text?.text).toBe(UNPIN_UNCONFIRMED_TEXT);
    expect(pinsNow().map((pin) => pin.id)).toContain(id);
  });

  it('unpins for a moderator: the record, then the Slack pin, and re-publishes the tab without it', async () => {
    const { id, ts } = await pinPublicly();
    const tab = await slack.pressInHome(UNPIN_ACTION_ID, id, 'U0MOD');
    expect(tab[0]?.text?.text).toBe(UNPINNED_TEXT);
    expect(pinsNow().map((pin) => pin.id)).not.toContain(id);
    expect(unpinButtons(tab).map((button) => button.value)).not.toContain(id);
    const removed = await fake.waitForCall('pins.remove', (call) => call.params.timestamp === ts);
    expect(removed.params).toMatchObject({ channel: 'C0GENERAL', timestamp: ts });

    expect((await slack.pressInHome(UNPIN_ACTION_ID, id, 'U0MOD'))[0]?.text?.text).toBe(NOT_PINNED_TEXT);
  });

  it('keeps the unpin when pins.remove fails, logs it and says the message is still pinned', async () => {
    const { id, ts } = await pinPublicly();
    fake.failNext('pins.remove', { kind: 'error', error: 'channel_not_found' });
    const tab = await slack.pressInHome(UNPIN_ACTION_ID, id, 'U0MOD');
    expect(tab[0]?.text?.text).toBe(`${UNPINNED_TEXT}${SLACK_PIN_LEFT_TEXT}`);
    expect(pinsNow().map((pin) => pin.id)).not.toContain(id);
    const warned = await logger.waitFor('slack: pins.remove failed; the pin record is removed anyway', (entry) => entry.fields.pinId === id);
    expect(warned).toMatchObject({ level: 'warn', fields: { channel: 'C0GENERAL' } });
    expect(String(warned.fields.err)).toContain('channel_not_found');
    expect(fake.callsOf('pins.remove').at(-1)?.params).toMatchObject({ channel: 'C0GENERAL', timestamp: ts });
  });

  it.each([
    ['a pin id from another workspace or already gone', 'nosuchpin'],
    ['a value this app did not make', '{"a":"x"}'],
  ])('tells a moderator nothing is pinned for %s', async (_name, value) => {
    const before = pinsNow().length;
    const tab = await slack.pressInHome(UNPIN_ACTION_ID, value, 'U0MOD');
    expect(tab[0]?.text?.text).toBe(NOT_PINNED_TEXT);
    expect(pinsNow()).toHaveLength(before);
  });
});

describe('Slack Pin', () => {
  const QUESTION = 'What was the Inbox API agreement?';
  const pinsIn = (channel: string) => core.pins.list({ platform: 'slack', server: FAKE_TEAM_ID, channel });
  const removedIn = (channel: string) =>
    fake.callsOf('pins.remove').filter((call) => call.params.channel === channel).map((call) => call.params.timestamp);

  /** A moderator presses Pin under the answer in message `messageTs` of `channel`; returns what they are told. */
  async function pinAt(value: string, channel: string, messageTs: string): Promise<unknown> {
    const pressed = await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', ephemeral: false, messageTs, channel });
    return (await pressed.response()).body.text;
  }

  /** A moderator presses Pin under their private answer in `channel`; returns what they are told. */
  async function pinPrivately(value: string, channel: string): Promise<unknown> {
    const pressed = await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', channel });
    return (await pressed.response()).body.text;
  }
  const postsIn = (channel: string) => fake.callsOf('chat.postMessage').filter((call) => call.params.channel === channel);
  const pinnedTsIn = (channel: string) => pinsIn(channel).map((pin) => pin.messageRef?.split('/')[1] ?? '');

  it('unpins in Slack the message of the pin a new answer replaces, and changes nothing when Pin is pressed again on it', async () => {
    const value = buttonValue(blocksOf(await slack.ask(QUESTION)), ACTION_IDS.pin);
    expect(await pinAt(value, 'C0REPIN', '1700000002.000001')).toBe(PINNED_TEXT);
    const [pin] = pinsIn('C0REPIN');
    expect(await pinAt(value, 'C0REPIN', '1700000002.000001')).toBe(alreadyPinnedText(fakePermalink('C0REPIN', '1700000002.000001')));
    expect(removedIn('C0REPIN')).toEqual([]);
    expect(pinsIn('C0REPIN')).toEqual([pin]);

    const newer = buttonValue(blocksOf(await slack.ask(QUESTION)), ACTION_IDS.pin);
    expect(await pinAt(newer, 'C0REPIN', '1700000002.000002')).toBe(PINNED_TEXT);
    expect(removedIn('C0REPIN')).toEqual(['1700000002.000001']);
    expect(pinsIn('C0REPIN').map((pin) => pin.messageRef)).toEqual(['C0REPIN/1700000002.000002']);
  });

  it.each([
    ['a 500', { kind: 'http500' }],
    ['a rate limit', { kind: 'http429', retryAfter: 1 }],
  ] as const)('tells an admin Slack could not confirm their role (users.info got %s), pins nothing, and pins on the next press', async (_name, failure) => {
    // A user and channel per case: Slack's word on a user is kept for minutes once it comes.
    const channel = `C0BLIP${failure.kind.toUpperCase()}`;
    const admin = `U0BLIP${failure.kind.toUpperCase()}`;
    fake.users.set(admin, { is_admin: true });
    const value = buttonValue(blocksOf(await slack.ask(QUESTION, admin)), ACTION_IDS.pin);
    fake.failNext('users.info', failure);
    const refused = await slack.press(ACTION_IDS.pin, value, { user: admin, channel });
    expect((await refused.response()).body.text).toBe(PIN_UNCONFIRMED_TEXT);
    expect(postsIn(channel)).toEqual([]);
    expect(pinsIn(channel)).toEqual([]);
    const again = await slack.press(ACTION_IDS.pin, value, { user: admin, channel });
    expect((await again.response()).body.text).toBe(PINNED_TEXT);
    expect(pinsIn(channel)).toHaveLength(1);
  });

  it.each([
    ['still pinned (already_pinned)', 'already_pinned'],
    ['unpinned by hand, so pinned back', undefined],
  ])('says privately that a private answer pinned before is pinned, with its link, and posts no second copy: %s', async (_name, error) => {
    const channel = `C0TWICE${error === undefined ? 'UNPINNED' : 'PINNED'}`;
    const value = buttonValue(blocksOf(await slack.ask(QUESTION, 'U0MOD')), ACTION_IDS.pin);
    expect(await pinPrivately(value, channel)).toBe(PINNED_TEXT);
    const [pin] = pinsIn(channel);
    const [ts] = pinnedTsIn(channel);
    const adds = fake.callsOf('pins.add').length;
    if (error !== undefined) fake.failNext('pins.add', { kind: 'error', error });
    expect(await pinPrivately(value, channel)).toBe(alreadyPinnedText(fakePermalink(channel, ts ?? '')));
    expect(postsIn(channel)).toHaveLength(1);
    expect(fake.callsOf('pins.add').slice(adds).map((call) => call.params)).toEqual([expect.objectContaining({ channel, timestamp: ts })]);
    expect(pinsIn(channel)).toEqual([pin]);
  });

  it('links the pinned message in the notice: Slack links no bare URL in verbatim text', async () => {
    const channel = 'C0LINKED';
    const value = buttonValue(blocksOf(await slack.ask(QUESTION, 'U0MOD')), ACTION_IDS.pin);
    expect(await pinPrivately(value, channel)).toBe(PINNED_TEXT);
    const [ts] = pinnedTsIn(channel);
    const permalink = fakePermalink(channel, ts ?? '');
    const again = await (await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', channel })).response();
    expect(again.body.text).toBe(alreadyPinnedText(permalink));
    expect(blocksOf(again).map((block) => block.text?.text)).toEqual([
      `📌 This answer is already pinned in this channel: <${permalink}|the pinned message>. Nothing new was posted.`,
    ]);
  });

  it('posts one public copy when two Pin presses on a private answer arrive together', async () => {
    const value = buttonValue(blocksOf(await slack.ask(QUESTION, 'U0MOD')), ACTION_IDS.pin);
    const told = await Promise.all([pinPrivately(value, 'C0TOGETHER'), pinPrivately(value, 'C0TOGETHER')]);
    expect(postsIn('C0TOGETHER')).toHaveLength(1);
    const [ts] = pinnedTsIn('C0TOGETHER');
    expect(told.sort()).toEqual([PINNED_TEXT, alreadyPinnedText(fakePermalink('C0TOGETHER', ts ?? ''))].sort());
    expect(pinsIn('C0TOGETHER')).toHaveLength(1);
  });

  it('pins a fresh copy when the pinned message was deleted by hand', async () => {
    const value = buttonValue(blocksOf(await slack.ask(QUESTION, 'U0MOD')), ACTION_IDS.pin);
    expect(await pinPrivately(value, 'C0BYHAND')).toBe(PINNED_TEXT);
    const [deleted] = pinnedTsIn('C0BYHAND');
    fake.failNext('pins.add', { kind: 'error', error: 'message_not_found' });
    expect(await pinPrivately(value, 'C0BYHAND')).toBe(PINNED_TEXT);
    expect(postsIn('C0BYHAND')).toHaveLength(2);
    const [fresh] = pinnedTsIn('C0BYHAND');
    expect(fresh).not.toBe(deleted);
    expect(fake.callsOf('pins.add').at(-1)?.params).toMatchObject({ channel: 'C0BYHAND', timestamp: fresh });
  });

  it.each([
    ['already deleted (message_not_found)', 'message_not_found', 'C0GONE', PINNED_TEXT],
    ['already unpinned (no_pin)', 'no_pin', 'C0UNPINNED', PINNED_TEXT],
    ['refused (channel_not_found)', 'channel_not_found', 'C0REFUSED', `${PINNED_TEXT}${EARLIER_PIN_LEFT_TEXT}`],
  ])('keeps the new pin when the earlier message is %s, and says so only when it stays pinned', async (_name, error, channel, told) => {
    await pinAt(buttonValue(blocksOf(await slack.ask(QUESTION)), ACTION_IDS.pin), channel, '1700000003.000001');
    fake.failNext('pins.remove', { kind: 'error', error });
    expect(await pinAt(buttonValue(blocksOf(await slack.ask(QUESTION)), ACTION_IDS.pin), channel, '1700000003.000002')).toBe(told);
    expect(removedIn(channel)).toEqual(['1700000003.000001']);
    expect(pinsIn(channel).map((pin) => pin.messageRef)).toEqual([`${channel}/1700000003.000002`]);
  });

  it.each([
    ['missing_scope', PIN_FAILURE_TEXT.get('missing_scope')],
    ['not_pinnable', PIN_FAILURE_TEXT.get('not_pinnable')],
    ['message_not_found', PIN_FAILURE_TEXT.get('message_not_found')],
    ['permission_denied', PIN_FAILURE_TEXT.get('permission_denied')],
    ['fatal_error', APOLOGY],
  ])('deletes the public copy of a private answer and says why when pins.add fails with %s', async (error, told) => {
    const channel = `C0FAIL${error.toUpperCase()}`;
    const value = buttonValue(blocksOf(await slack.ask(QUESTION, 'U0MOD')), ACTION_IDS.pin);
    fake.failNext('pins.add', { kind: 'error', error });
    const pressed = await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', channel });
    expect(told).toBeDefined();
    expect((await pressed.response()).body.text).toBe(told);
    const copy = fake.callsOf('chat.postMessage').filter((call) => call.params.channel === channel);
    expect(copy).toHaveLength(1);
    const ts = fake.callsOf('pins.add').find((call) => call.params.channel === channel)?.params.timestamp;
    expect(ts).toMatch(/^\d+\.000100$/);
    expect(fake.callsOf('chat.delete').map((call) => call.params)).toContainEqual(expect.objectContaining({ channel, ts }));
    expect(pinsIn(channel)).toEqual([]);
  });

  it('says the message was deleted when pinning a public answer Slack no longer has', async () => {
    const value = buttonValue(blocksOf(await slack.ask(QUESTION)), ACTION_IDS.pin);
    fake.failNext('pins.add', { kind: 'error', error: 'message_not_found' });
    expect(await pinAt(value, 'C0DELETED', '1700000004.000001')).toBe(PIN_FAILURE_TEXT.get('message_not_found'));
    expect(fake.callsOf('chat.delete').filter((call) => call.params.channel === 'C0DELETED')).toEqual([]);
    expect(pinsIn('C0DELETED')).toEqual([]);
  });
});

describe('Slack Pin on an answer that shows a stale pin', () => {
  const QUESTION = 'What did Netflix send Facebook in return?';
  const OLD = 'bi-weekly reports';
  const NEW = 'monthly reports';
  const server = { platform: 'slack', server: FAKE_TEAM_ID, channel: 'C0GENERAL' };
  const complaint = () => path.join(knowledge, 'complaint.md');
  const pinsOf = () => core.pins.list(server).filter((pin) => pin.question === QUESTION);

  /** A moderator pins the answer to QUESTION; then its quote is edited out of the complaint, so the pin turns stale. */
  async function stalePin(): Promise<string | undefined> {
    writeFileSync(complaint(), readFileSync(complaint(), 'utf8').replace(NEW, OLD));
    expect(await core.reload()).toMatchObject({ ok: true });
    const value = buttonValue(blocksOf(await slack.ask(QUESTION, 'U0MOD')), ACTION_IDS.pin);
    expect((await (await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD' })).response()).body.text).toBe(PINNED_TEXT);
    writeFileSync(complaint(), readFileSync(complaint(), 'utf8').replace(OLD, NEW));
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    expect(pinsOf().map((pin) => pin.stale)).toEqual([true]);
    return pinsOf()[0]?.messageRef?.split('/')[1];
  }

  it.each([
    ['a private answer', { ephemeral: true, messageTs: undefined }],
    ['a public answer', { ephemeral: false, messageTs: '1700000005.000001' }],
  ])('pins a fresh copy of %s without the stale pin, its warning or its old quotes', async (_name, where: { ephemeral: boolean; messageTs?: string }) => {
    const staleTs = await stalePin();
    const answer = allText(blocksOf(await slack.ask(QUESTION, 'U0MOD')));
    expect(answer).toContain('A source document changed since this answer was pinned');
    expect(answer).toContain(OLD);

    const value = buttonValue(blocksOf(await slack.ask(QUESTION, 'U0MOD')), ACTION_IDS.pin);
    const posts = fake.callsOf('chat.postMessage').length;
    const pressed = await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', ...where });
    expect((await pressed.response()).body.text).toBe(PINNED_TEXT);
    const copy = fake.callsOf('chat.postMessage').slice(posts);
    expect(copy).toHaveLength(1);
    const text = allText(blocksOf(copy[0]!));
    expect(text).not.toContain('A source document changed since this answer was pinned');
    expect(text).not.toContain(OLD);
    expect(text).toContain(NEW);
    const pinnedTs = fake.callsOf('pins.add').at(-1)?.params.timestamp;
    expect(pinnedTs).not.toBe(where.messageTs);
    expect(fake.callsOf('pins.remove').at(-1)?.params).toMatchObject({ channel: 'C0GENERAL', timestamp: staleTs });
    expect(pinsOf().map((pin) => [pin.messageRef, pin.stale, pin.answerId])).toEqual([[`C0GENERAL/${String(pinnedTs)}`, false, answerIdOf(value)]]);
  });
});

describe("Slack Pin is a moderator's action, not a question", () => {
  /** How many questions /metrics counts for Slack, whatever their operation and outcome. */
  const questionsCounted = async (metrics: Metrics): Promise<number> =>
    [...(await metrics.render()).matchAll(/^pinpoint_questions_total\{platform="slack",[^}]*\} (\d+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);

  it('neither counts a Pin press in the metrics nor keeps it as unanswered when the documents no longer answer', async () => {
    // A core and folder of its own: this test empties the documents and reads the whole no-match report.
    const folder = mkdtempSync(path.join(tmpdir(), 'pinpoint-slack-pin-asks-'));
    cpSync(FIXTURE, folder, { recursive: true });
    const own = await createPinpoint({ knowledgeDir: folder, rates: GENEROUS });
    const metrics = createMetrics({ defaultMetrics: false });
    const measured = await startHttpSlack(fake, instrumentCore(own, metrics, 'slack'), new RecordingLogger());
    try {
      const value = buttonValue(blocksOf(await measured.ask('What was the Inbox API agreement?', 'U0MOD')), ACTION_IDS.pin);
      expect(await questionsCounted(metrics)).toBe(1);
      const pinned = await measured.press(ACTION_IDS.pin, value, { user: 'U0MOD', channel: 'C0COUNTED' });
      expect((await pinned.response()).body.text).toBe(PINNED_TEXT);
      expect(await questionsCounted(metrics)).toBe(1);

      // Nothing left that answers the question: the Pin press gets a no-match, which no reader asked.
      writeFileSync(path.join(folder, 'complaint.md'), 'The weather was sunny.\n');
      rmSync(path.join(folder, 'fines.md'));
      expect(await own.reload()).toMatchObject({ ok: true, changed: true });
      const again = await measured.press(ACTION_IDS.pin, value, { user: 'U0MOD', channel: 'C0COUNTED' });
      expect((await again.response()).body.text).toBe(ANSWER_CHANGED_TEXT);
      expect(await questionsCounted(metrics)).toBe(1);
      expect(own.answers.noMatchReport().map((entry) => entry.question)).toEqual([]);
    } finally {
      await measured.close();
      await own.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('Slack Share shows again what was asked', () => {
  /** How many questions /metrics counts for Slack under `operation`, whatever their outcome. */
  const counted = async (metrics: Metrics, operation: string): Promise<number> =>
    [...(await metrics.render()).matchAll(new RegExp(`^pinpoint_questions_total\\{platform="slack",operation="${operation}",[^}]*\\} (\\d+)$`, 'gm'))].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );

  it.each([
    ['an answer to /ask', 'ask'],
    ['a Find sources answer', 'find_sources'],
  ])('counts the Share of %s, on its first page or a More page, as no question in the metrics; More counts as more', async (_name, operation) => {
    const metrics = createMetrics({ defaultMetrics: false });
    const measured = await startHttpSlack(fake, instrumentCore(core, metrics, 'slack'), new RecordingLogger());
    try {
      const text = 'What did Netflix do with the Facebook data?';
      let first: ResponsePost;
      if (operation === 'ask') {
        first = await measured.ask(text);
      } else {
        const responseUrl = fake.responseUrl();
        const payload = messageShortcutPayload({ text, responseUrl, callbackId: FIND_SOURCES_CALLBACK_ID });
        expect((await sendSigned(measured.eventsUrl, formPayload(payload), FORM, { secret: SECRET })).status).toBe(200);
        first = await fake.waitForResponse(responseUrl);
      }
      expect(await counted(metrics, operation)).toBe(1);

      const posts = fake.callsOf('chat.postMessage').length;
      const shared = await measured.press(ACTION_IDS.share, buttonValue(blocksOf(first), ACTION_IDS.share), { messageTs: `1700000${operation.length}.000101` });
      expect((await shared.response()).body.text).toBe('Shared in the channel.');
      const more = await measured.press(ACTION_IDS.more, buttonValue(blocksOf(first), ACTION_IDS.more));
      const page = await more.response();
      const sharedPage = await measured.press(ACTION_IDS.share, buttonValue(blocksOf(page), ACTION_IDS.share), { messageTs: `1700000${operation.length}.000102` });
      expect((await sharedPage.response()).body.text).toBe('Shared in the channel.');
      expect(fake.callsOf('chat.postMessage').length - posts).toBe(2);

      expect(await counted(metrics, operation)).toBe(1);
      expect(await counted(metrics, 'more')).toBe(1);
    } finally {
      await measured.close();
    }
  });
});

describe('Slack Pin on a More page after the documents changed under it', () => {
  const QUESTION = 'What did Netflix do with the Facebook data?';

  it.each([
    ['refuses, saying to ask again, when the page now quotes other passages', true],
    ['pins the page when it still quotes the passages shown', false],
  ])('%s', async (_name, change) => {
    const first = await slack.ask(QUESTION, 'U0MOD');
    const more = await slack.press(ACTION_IDS.more, buttonValue(blocksOf(first), ACTION_IDS.more), { user: 'U0MOD' });
    const page = await more.response();
    const pinValue = buttonValue(blocksOf(page), ACTION_IDS.pin);
    const offset = (JSON.parse(pinValue) as { o: number }).o;
    expect(offset).toBeGreaterThan(0);

    // The operator adds a word to a passage that page quotes: a passage of other text is another passage.
    const shown = core.ask(QUESTION, { offset });
    const passage = shown.kind === 'excerpts' ? core.passage(shown.excerpts[0]!.passageId)?.passage : undefined;
    const file = path.join(knowledge, `${passage?.docId}.md`);
    const original = readFileSync(file, 'utf8');
    expect(original).toContain(passage?.text);
    try {
      if (change) writeFileSync(file, original.replace(passage!.text, passage!.text.replace(/ (\S+)$/, ' indeed $1')));
      else writeFileSync(file, `${original}\nThe clerk shall serve this order on all parties.\n`);
      expect(await core.reload()).toMatchObject({ ok: true, changed: true });

      const calls = fake.calls.length;
      const pressed = await slack.press(ACTION_IDS.pin, pinValue, { user: 'U0MOD', ephemeral: true, messageTs: undefined });
      const told = (await pressed.response()).body.text;
      const pins = core.pins.list({ platform: 'slack', server: FAKE_TEAM_ID }).filter((pin) => pin.question === QUESTION);
      if (change) {
        expect(told).toBe(ANSWER_CHANGED_TEXT);
        expect(fake.calls.slice(calls).map((call) => call.method).filter((method) => method !== 'users.info')).toEqual([]);
        expect(pins).toEqual([]);
      } else {
        expect(told).toBe(PINNED_TEXT);
        expect(pins.map((pin) => pin.answerOffset)).toEqual([offset]);
        for (const pin of pins) core.pins.unpin({ platform: 'slack', server: FAKE_TEAM_ID }, pin.id);
      }
    } finally {
      writeFileSync(file, original);
      await core.reload();
    }
  });
});

describe('Slack Share after the documents changed under the private answer', () => {
  const QUESTION = 'What did Netflix do with the Facebook data?';

  it.each([
    ['posts nothing and says to ask again when the answer now quotes other passages', true],
    ['shares the answer when it still quotes the passages shown', false],
  ])('%s', async (_name, change) => {
    const channel = change ? 'C0SHARECHANGED' : 'C0SHARESAME';
    const answer = await slack.ask(QUESTION, 'U0MEMBER', channel);
    const value = buttonValue(blocksOf(answer), ACTION_IDS.share);

    // The operator adds a word to the passage the answer quotes first: a passage of other text is another passage.
    const shown = core.ask(QUESTION);
    const passage = shown.kind === 'excerpts' ? core.passage(shown.excerpts[0]!.passageId)?.passage : undefined;
    const file = path.join(knowledge, `${passage?.docId}.md`);
    const original = readFileSync(file, 'utf8');
    expect(original).toContain(passage?.text);
    try {
      if (change) writeFileSync(file, original.replace(passage!.text, passage!.text.replace(/ (\S+)$/, ' indeed $1')));
      else writeFileSync(file, `${original}\nThe clerk shall serve this order on all parties.\n`);
      expect(await core.reload()).toMatchObject({ ok: true, changed: true });

      const pressed = await slack.press(ACTION_IDS.share, value, { channel });
      const told = (await pressed.response()).body.text;
      const posts = fake.callsOf('chat.postMessage').filter((call) => call.params.channel === channel);
      if (change) {
        expect(told).toBe(SHARE_CHANGED_TEXT);
        expect(posts).toEqual([]);
      } else {
        expect(told).toBe('Shared in the channel.');
        expect(posts).toHaveLength(1);
      }
    } finally {
      writeFileSync(file, original);
      await core.reload();
    }
  });
});

describe('Slack Pin that cannot be saved', () => {
  const QUESTION = 'What was the Inbox API agreement?';

  it.each([
    ['a private answer, deleting its public copy', { ephemeral: true, messageTs: undefined }],
    ['a public answer, unpinning it', { ephemeral: false, messageTs: '1700000009.000001' }],
  ])('undoes the pin of %s, says to try again, and pins on the next press', async (_name, where: { ephemeral: boolean; messageTs?: string }) => {
    const pinIds = () => core.pins.list({ platform: 'slack', server: FAKE_TEAM_ID }).map((pin) => pin.id);
    const before = pinIds();
    const answer = await slack.ask(QUESTION, 'U0MOD');
    const value = buttonValue(blocksOf(answer), ACTION_IDS.pin);
    // The state database refuses the write (another program holds its lock past the busy timeout).
    const save = vi.spyOn(core.pins, 'pin').mockImplementationOnce(() => {
      throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    });
    try {
      const calls = fake.calls.length;
      const pressed = await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', ...where });
      expect((await pressed.response()).body.text).toBe(PIN_NOT_SAVED_TEXT);
      expect(save).toHaveBeenCalledTimes(1);
      const made = fake.calls.slice(calls).filter((call) => call.method !== 'users.info');
      if (where.messageTs === undefined) {
        expect(made.map((call) => call.method)).toEqual(['chat.postMessage', 'pins.add', 'chat.delete']);
        expect(made[2]?.params).toMatchObject({ ts: made[1]?.params.timestamp });
      } else {
        expect(made.map((call) => [call.method, call.params.timestamp])).toEqual([
          ['pins.add', where.messageTs],
          ['pins.remove', where.messageTs],
        ]);
      }
      expect(pinIds()).toEqual(before);

      const again = await slack.press(ACTION_IDS.pin, value, { user: 'U0MOD', ...where });
      expect((await again.response()).body.text).toMatch(/^📌 Pinned:/);
      const added = core.pins.list({ platform: 'slack', server: FAKE_TEAM_ID }).filter((pin) => !before.includes(pin.id));
      expect(added.map((pin) => pin.question)).toEqual([QUESTION]);
      for (const pin of added) core.pins.unpin({ platform: 'slack', server: FAKE_TEAM_ID }, pin.id);
    } finally {
      save.mockRestore();
    }
  });
});

describe('Slack Pin after the documents changed under the answer', () => {
  const QUESTION = 'Which shows did Netflix recommend with the message data?';
  const complaint = () => path.join(knowledge, 'complaint.md');
  const OLD = 'decide which shows to recommend';

  it.each([
    ['a private answer', { ephemeral: true, messageTs: undefined }],
    ['a public answer', { ephemeral: false, messageTs: '1700000006.000001' }],
  ])('pins nothing of %s and says to ask again, rather than another answer than the one shown', async (_name, where: { ephemeral: boolean; messageTs?: string }) => {
    const original = readFileSync(complaint(), 'utf8');
    try {
      const answer = await slack.ask(QUESTION, 'U0MOD');
      expect(plain(blocksOf(answer))).toContain(OLD);
      // The operator edits the quoted sentence while the answer is on screen.
      writeFileSync(complaint(), original.replace(OLD, 'choose which shows to suggest'));
      expect(await core.reload()).toMatchObject({ ok: true, changed: true });

      const calls = fake.calls.length;
      const pressed = await slack.press(ACTION_IDS.pin, buttonValue(blocksOf(answer), ACTION_IDS.pin), { user: 'U0MOD', ...where });
      expect((await pressed.response()).body.text).toBe(ANSWER_CHANGED_TEXT);
      expect(fake.calls.slice(calls).map((call) => call.method).filter((method) => method !== 'users.info')).toEqual([]);
      expect(core.pins.list({ platform: 'slack', server: FAKE_TEAM_ID }).filter((pin) => pin.question === QUESTION)).toEqual([]);
    } finally {
      writeFileSync(complaint(), original);
      await core.reload();
    }
  });
});
