import path from 'node:path';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackAdapter } from '../adapters/slack/index.js';
import { ACTION_IDS, FIND_SOURCES_CALLBACK_ID, HANDLED_ACTION_IDS, VOTE_ACTION_IDS } from '../adapters/slack/actions.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { FakeSlack, FAKE_TEAM_ID } from './fakes/slack-api.js';
import {
  actionIdsOf,
  allText,
  blocksOf,
  buttonValue,
  GENEROUS,
  plain,
  SECRET,
  startHttpSlack,
  type Block,
  type HttpSlack,
} from './fakes/slack-harness.js';
import { UNKNOWN_SHORTCUT_LOG, UNKNOWN_SHORTCUT_TEXT } from '../adapters/slack/unknown-shortcut.js';
import { RecordingLogger } from './fakes/slack-log.js';
import {
  blockActionPayload,
  FORM,
  formPayload,
  homeActionPayload,
  eventCallback,
  JSON_TYPE,
  mentionEvent,
  mentionEventBody,
  messageShortcutPayload,
  sendSigned,
  slashCommandBody,
} from './fakes/slack-requests.js';

const KNOWLEDGE = path.join(import.meta.dirname, 'fixtures', 'slack');
const VOTES = [VOTE_ACTION_IDS.up, VOTE_ACTION_IDS.down];

let fake: FakeSlack;
let core: Pinpoint;
let slack: HttpSlack;
let log: RecordingLogger;
let eventsUrl: string;

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.users.set('U0ADMIN', { is_admin: true });
  fake.users.set('U0MEMBER', {});
  core = await createPinpoint({ knowledgeDir: KNOWLEDGE, rates: GENEROUS });
  log = new RecordingLogger();
  slack = await startHttpSlack(fake, core, log);
  eventsUrl = slack.eventsUrl;
});

afterAll(async () => {
  await slack?.close();
  await core?.close();
  await fake?.close();
});

const ask = (text: string, user?: string) => slack.ask(text, user);
const press = (actionId: string, value: string, options?: { user?: string; ephemeral?: boolean; messageTs?: string }) =>
  slack.press(actionId, value, options);

describe('Slack adapter over HTTP', () => {
  it('acks /ask at once with an empty 200, then answers privately with a cited quote and buttons', async () => {
    const responseUrl = fake.responseUrl();
    const res = await sendSigned(eventsUrl, slashCommandBody({ text: 'What was the Inbox API agreement?', responseUrl }), FORM, {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const answer = await fake.waitForResponse(responseUrl);
    expect(answer.body.response_type).toBe('ephemeral');
    const blocks = blocksOf(answer);
    const text = allText(blocks);
    expect(text).toContain('> Shortly after Reed Hastings joined the Facebook board in 2011');
    expect(text).toContain('*Inbox*');
    expect(text).toContain('<https://example.com/klein-v-meta/complaint?part=1&amp;page=2|Klein v. Meta: Consolidated Complaint (excerpt)>');
    expect(text).toContain('The Inbox API, para. 2');
    // No More: the documents hold no quote for it past this page.
    expect(actionIdsOf(blocks)).toEqual([ACTION_IDS.share, ACTION_IDS.context, ACTION_IDS.pin, ...VOTES]);
  });

  it('says plainly that nothing matched and lists suggestions when the documents do not cover the question', async () => {
    const answer = await ask('who is the pope of mars');
    const text = allText(blocksOf(answer));
    expect(text).toContain("I couldn't find that in the case documents.");
    expect(text).toContain('• Regulatory fines against Meta');
    expect(blocksOf(answer).some((b) => b.type === 'actions')).toBe(false);
  });

  it('answers a slash command named otherwise than SLACK_COMMAND at once, privately, and tells the operator which setting to change', async () => {
    const responseUrl = fake.responseUrl();
    const body = slashCommandBody({ text: 'who are the plaintiffs?', responseUrl, command: '/pinpoint' });
    const res = await sendSigned(eventsUrl, body, FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      response_type: 'ephemeral',
      text: 'Pinpoint is not set up to answer /pinpoint yet: whoever runs it should set SLACK_COMMAND=/pinpoint.',
    });
    const warned = await log.waitFor("slack: a slash command other than SLACK_COMMAND arrived; set SLACK_COMMAND to the command in the app's settings");
    expect(warned).toMatchObject({ level: 'warn', fields: { command: '/pinpoint', configured: '/ask' } });
  });

  it('tells the user how to ask when /ask has no text', async () => {
    const answer = await ask('   ');
    expect(answer.body.text).toBe('Ask me about the case, e.g. /ask when was the complaint filed?');
  });

  it('refuses a question over 1000 characters privately, naming the limit, instead of answering a cut one', async () => {
    const question = 'What was the Inbox API agreement?'.padEnd(1001, ' and again');
    expect(question.length).toBe(1001);
    const refused = await ask(question);
    expect(refused.body).toMatchObject({ response_type: 'ephemeral' });
    expect(refused.body.text).toBe('Questions are limited to 1000 characters; yours has 1001. Please shorten it.');
    // One character shorter is answered.
    expect(plain(blocksOf(await ask(question.slice(0, 1000))))).toContain('> Shortly after Reed Hastings joined the Facebook board in 2011');

    const body = mentionEventBody({ eventId: 'Ev0TOOLONG', text: `<@UBOT> ${question}`, ts: '1700000370.000100', channel: 'C0TOOLONG' });
    await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET });
    const notice = await fake.waitForCall('chat.postEphemeral', (call) => call.params.channel === 'C0TOOLONG');
    expect(notice.params).toMatchObject({ text: 'Questions are limited to 1000 characters; yours has 1001. Please shorten it.' });
    expect(fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0TOOLONG')).toEqual([]);
  });

  it.each([
    ['zero-width spaces', '\u200B\u200B'],
    ['control characters', '\u0000\u0007'],
    ['a joiner and a bidi override', '\u200D\u202E'],
  ])('tells the user how to ask when /ask holds only %s', async (_what, text) => {
    const answer = await ask(text);
    expect(answer.body.text).toBe('Ask me about the case, e.g. /ask when was the complaint filed?');
  });

  it('finds the words of a question pasted with a zero-width space and a soft hyphen inside them', async () => {
    const answer = await ask('What was the In\u200Bbox API agree\u00ADment?');
    const blocks = blocksOf(answer);
    expect(allText(blocks)).toContain('🔎 What was the Inbox API agreement?');
    expect(plain(blocks)).toContain('> Shortly after Reed Hastings joined the Facebook board in 2011');
  });

  it('renders <!channel>, <@U…> and & from a quote inert', async () => {
    const answer = await ask('DM export for Netflix');
    const text = plain(blocksOf(answer));
    expect(text).toContain('&lt;!channel&gt; the DM export for Netflix &amp; partners');
    expect(text).toContain('&lt;@U024BE7LH&gt;');
    expect(text).not.toMatch(/<!channel>|<@U024BE7LH>|<script>/);
  });

  it('shows the next excerpts when More is pressed, and says when there are no more', async () => {
    const first = await ask('What did Netflix do with the Facebook data?');
    const more = await press(ACTION_IDS.more, buttonValue(blocksOf(first), ACTION_IDS.more));
    const next = await more.response();
    expect(next.body.response_type).toBe('ephemeral');
    const firstQuotes = blocksOf(first).filter((b) => b.text?.text.startsWith('>')).map((b) => b.text?.text);
    const nextQuotes = blocksOf(next).filter((b) => b.text?.text.startsWith('>')).map((b) => b.text?.text);
    expect(nextQuotes.length).toBeGreaterThan(0);
    for (const quote of nextQuotes) expect(firstQuotes).not.toContain(quote);
    const last = await press(ACTION_IDS.more, JSON.stringify({ a: JSON.parse(buttonValue(blocksOf(first), ACTION_IDS.more)).a, o: 50 }));
    expect((await last.response()).body.text).toBe('No more quotes for this question.');
  });

  it('offers More only while quotes are left, so its last page has none that could only say there are no more', async () => {
    let page = await ask('What did Netflix do with the Facebook data?');
    let pages = 1;
    while (actionIdsOf(blocksOf(page)).includes(ACTION_IDS.more) && pages < 20) {
      page = await (await press(ACTION_IDS.more, buttonValue(blocksOf(page), ACTION_IDS.more))).response();
      pages += 1;
      expect(page.body.text).not.toBe('No more quotes for this question.');
      expect(blocksOf(page).some((b) => b.text?.text.startsWith('>'))).toBe(true);
    }
    expect(pages).toBeGreaterThan(1);
    expect(actionIdsOf(blocksOf(page))).toEqual([ACTION_IDS.share, ACTION_IDS.context, ACTION_IDS.pin, ...VOTES]);
  });

  it('shows the surrounding passages when Context is pressed', async () => {
    const first = await ask('What was the Inbox API agreement?');
    const pressed = await press(ACTION_IDS.context, buttonValue(blocksOf(first), ACTION_IDS.context));
    const text = allText(blocksOf(await pressed.response()));
    expect(text).toContain('Context from Klein v. Meta: Consolidated Complaint (excerpt)');
    expect(text).toContain('> Shortly after Reed Hastings');
    expect(text).toContain('In return, Netflix sent Facebook bi-weekly reports');
  });

  it('posts the answer to the channel without previews or link_names when Share is pressed', async () => {
    const first = await ask('how much was the Irish fine');
    const before = fake.callsOf('chat.postMessage').length;
    const pressed = await press(ACTION_IDS.share, buttonValue(blocksOf(first), ACTION_IDS.share));
    const notice = await pressed.response();
    expect(notice.body).toMatchObject({ text: 'Shared in the channel.', replace_original: true });
    const post = fake.callsOf('chat.postMessage')[before];
    expect(post?.params).toMatchObject({ channel: 'C0GENERAL', unfurl_links: 'false', unfurl_media: 'false' });
    expect(post?.params).not.toHaveProperty('link_names');
    expect(post?.token).toBe('xoxb-test-token');
    const text = plain(blocksOf(post!));
    // The sharer is credited by name: a <@U…> mention would notify them of their own share.
    expect(text).toContain('Shared by someone');
    expect(allText(blocksOf(post!))).not.toContain('<@');
    expect(text).toContain('Irish Data Protection Commission');
    expect(actionIdsOf(blocksOf(post!))).toEqual([ACTION_IDS.context, ACTION_IDS.pin, ...VOTES]);
  });

  it('posts once when Share is double-clicked, and again after a press that failed', async () => {
    const first = await ask('how much was the Irish fine');
    const value = buttonValue(blocksOf(first), ACTION_IDS.share);
    const postsIn = (channel: string) => fake.callsOf('chat.postMessage').filter((call) => call.params.channel === channel);
    const handled = () => log.entries.filter((entry) => entry.message === 'slack: handled' && entry.fields.what === 'button:share').length;
    const before = handled();
    const options = { channel: 'C0DOUBLE', messageTs: '1700000600.000200' };
    const presses = await Promise.all([slack.press(ACTION_IDS.share, value, options), slack.press(ACTION_IDS.share, value, options)]);
    await log.waitFor('slack: handled', () => handled() >= before + 2);
    expect(postsIn('C0DOUBLE')).toHaveLength(1);
    expect(log.entries.some((entry) => entry.message === 'slack: repeated Share press ignored' && entry.fields.channel === 'C0DOUBLE')).toBe(true);
    const replies = fake.responses.filter((post) => presses.some((p) => p.responseUrl.endsWith(`/${post.id}`)));
    expect(replies.map((reply) => reply.body.text)).toEqual(['Shared in the channel.']);

    // Refused by Slack: nothing was posted, so the same Share button works once the bot is invited.
    const retry = { channel: 'C0INVITE', messageTs: '1700000600.000300' };
    fake.failNext('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const refused = await slack.press(ACTION_IDS.share, value, retry);
    expect((await refused.response()).body.text).toBe("I'm not in this channel yet: invite me with /invite, then try again.");
    const again = await slack.press(ACTION_IDS.share, value, retry);
    expect((await again.response()).body.text).toBe('Shared in the channel.');
    expect(postsIn('C0INVITE')).toHaveLength(2);
  });

  it('refuses Pin to a member privately and calls nothing', async () => {
    const first = await ask('Who are the plaintiffs?');
    const posts = fake.callsOf('chat.postMessage').length;
    const pins = fake.callsOf('pins.add').length;
    const pressed = await press(ACTION_IDS.pin, buttonValue(blocksOf(first), ACTION_IDS.pin), { user: 'U0MEMBER' });
    const refusal = await pressed.response();
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral', text: 'Only workspace admins and Pinpoint moderators can pin answers.' });
    expect(fake.callsOf('chat.postMessage')).toHaveLength(posts);
    expect(fake.callsOf('pins.add')).toHaveLength(pins);
    expect(core.pins.list({ platform: 'slack', server: FAKE_TEAM_ID })).toEqual([]);
  });

  it('posts, pins and records a private answer when a configured moderator presses Pin', async () => {
    const first = await ask('How much did Meta settle the Cambridge Analytica litigation for?', 'U0MOD');
    const pressed = await press(ACTION_IDS.pin, buttonValue(blocksOf(first), ACTION_IDS.pin), { user: 'U0MOD' });
    expect((await pressed.response()).body.text).toBe('📌 Pinned: later questions like this one get this answer first.');
    const pinCall = await fake.waitForCall('pins.add');
    const post = fake.callsOf('chat.postMessage').find((call) => call.params.ts === undefined && allText(blocksOf(call)).includes('Pinned by someone'));
    expect(post).toBeDefined();
    expect(allText(blocksOf(post!))).not.toMatch(/<@|Shared by/);
    expect(pinCall.params.channel).toBe('C0GENERAL');
    expect(String(pinCall.params.timestamp)).toMatch(/^\d+\.000100$/);
    const [pin] = core.pins.list({ platform: 'slack', server: FAKE_TEAM_ID });
    expect(pin).toMatchObject({ pinnedBy: 'U0MOD', scope: { platform: 'slack', server: FAKE_TEAM_ID, channel: 'C0GENERAL' } });
    expect(pin?.messageRef).toBe(`C0GENERAL/${String(pinCall.params.timestamp)}`);

    const again = await ask('How much did Meta settle the Cambridge Analytica litigation for?');
    expect(allText(blocksOf(again))).toContain('📌 *Pinned answer*');
  });

  it('pins a public message in place when a workspace admin (users.info) presses Pin', async () => {
    const first = await ask('When did the Netflix reports stop?');
    const posts = fake.callsOf('chat.postMessage').length;
    const pressed = await press(ACTION_IDS.pin, buttonValue(blocksOf(first), ACTION_IDS.pin), {
      user: 'U0ADMIN',
      ephemeral: false,
      messageTs: '1699999999.000777',
    });
    expect((await pressed.response()).body.text).toBe('📌 Pinned: later questions like this one get this answer first.');
    expect(fake.callsOf('users.info').some((call) => call.params.user === 'U0ADMIN')).toBe(true);
    await fake.waitForCall('pins.add', (call) => call.params.timestamp === '1699999999.000777');
    expect(fake.callsOf('chat.postMessage')).toHaveLength(posts);
  });

  it('acknowledges a press of a button it does not know (from an older message) at once, logs it at debug, errors nothing', async () => {
    const errorsBefore = log.entries.filter((entry) => entry.level === 'error').length;
    const responseUrl = fake.responseUrl();
    const payload = blockActionPayload({ actionId: 'pinpoint_retired_button', value: '{"a":"old"}', responseUrl });
    const res = await sendSigned(eventsUrl, formPayload(payload), FORM, { secret: SECRET });
    // Unacknowledged, the receiver would answer 404 after 3 s and log an error: no clock needed to tell.
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const noted = await log.waitFor(
      'slack: press of a button this version does not handle (from an older message?); acknowledged, nothing done',
      (entry) => entry.fields.actionId === 'pinpoint_retired_button',
    );
    expect(noted.level).toBe('debug');
    // A select menu from an older App Home tab, too.
    const home = homeActionPayload({ actionId: 'pinpoint_old_home_menu', value: 'x', user: 'U0MEMBER' });
    (home.actions as Record<string, unknown>[])[0] = { type: 'static_select', action_id: 'pinpoint_old_home_menu', block_id: 'b9', action_ts: '1.1' };
    const homeRes = await sendSigned(eventsUrl, formPayload(home), FORM, { secret: SECRET });
    expect(homeRes.status).toBe(200);
    await log.waitFor(
      'slack: press of a button this version does not handle (from an older message?); acknowledged, nothing done',
      (entry) => entry.fields.actionId === 'pinpoint_old_home_menu' && entry.fields.actionType === 'static_select',
    );
    expect(log.entries.filter((entry) => entry.level === 'error')).toHaveLength(errorsBefore);
    expect(fake.responses.filter((post) => post.id === responseUrl.split('/').pop())).toEqual([]);
  });

  it('lists every action_id a listener answers in HANDLED_ACTION_IDS, so the fallback never acknowledges one twice', () => {
    const action = vi.spyOn(App.prototype, 'action');
    try {
      createSlackAdapter({
        core,
        logger: new RecordingLogger(),
        config: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, SLACK_COMMAND: '/ask' },
      });
      const constraints = action.mock.calls.map((call) => call[0]);
      expect(new Set(constraints.filter((c) => typeof c === 'string'))).toEqual(HANDLED_ACTION_IDS);
      expect(constraints.filter((c) => typeof c !== 'string')).toEqual([{ type: 'block_actions' }]);
    } finally {
      action.mockRestore();
    }
  });

  it('tells the user the answer expired when a button carries an unknown answer id', async () => {
    const pressed = await press(ACTION_IDS.more, JSON.stringify({ a: 'no-such-answer', o: 1 }));
    expect((await pressed.response()).body.text).toBe('This answer has expired: ask the question again.');
  });

  it('answers a mention in its thread, and a follow-up mention in the same thread', async () => {
    const body = mentionEventBody({ eventId: 'Ev0MENTION1', text: '<@UBOT> what did the Inbox API give Netflix?', ts: '1700000100.000100', channel: 'C0THREADS' });
    const res = await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET });
    expect(res.status).toBe(200);
    const reply = await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0THREADS');
    expect(reply.params).toMatchObject({ thread_ts: '1700000100.000100', unfurl_links: 'false' });
    expect(plain(blocksOf(reply))).toContain('private message inboxes');

    const followUp = mentionEventBody({
      eventId: 'Ev0MENTION2',
      text: '<@UBOT> and how much was the Irish fine?',
      ts: '1700000200.000100',
      threadTs: '1700000100.000100',
      channel: 'C0THREADS',
    });
    await sendSigned(eventsUrl, followUp, JSON_TYPE, { secret: SECRET });
    const second = await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0THREADS' && allText(blocksOf(call)).includes('265 million'));
    expect(second.params.thread_ts).toBe('1700000100.000100');
  });

  it('reads emoji in a question as Slack sends them (:eyes:) as no words of it, in /ask and in a mention', async () => {
    const never = 'The documents never use “pope” or “mars”: try other words for them.';
    const asked = allText(blocksOf(await ask('who is the pope of mars :thinking_face:'))).split('\n');
    expect(asked).toContain('🔎 who is the pope of mars');
    expect(asked).toContain(never);

    const body = mentionEventBody({ eventId: 'Ev0EMOJI', text: '<@UBOT> :wave: who is the pope of mars? :pray::skin-tone-2:', ts: '1700000360.000100', channel: 'C0EMOJI' });
    await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET });
    const reply = allText(blocksOf(await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0EMOJI'))).split('\n');
    expect(reply).toContain('🔎 who is the pope of mars?');
    expect(reply).toContain(never);
  });

  it('reads a channel Slack sends without its name (<#C…|>) as no word of the question, not a lone "#"', async () => {
    const asked = allText(blocksOf(await ask('how much was the Irish fine, as asked in <#C0123ABC|>?'))).split('\n');
    expect(asked).toContain('🔎 how much was the Irish fine, as asked in ?');
    expect(asked.join('\n')).toContain('265 million');
  });

  it('answers a mention once when its message is edited, and answers a message edited to add the mention', async () => {
    const asked = mentionEvent({ text: '<@UBOT> who are the plaintiffs', ts: '1700000350.000100', channel: 'C0EDITED' });
    const postsIn = () => fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0EDITED');
    await sendSigned(eventsUrl, JSON.stringify(eventCallback('Ev0EDIT1', asked)), JSON_TYPE, { secret: SECRET });
    await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0EDITED');
    // Slack's delivery of the edit: same message ts, a new event id, and an `edited` field.
    const edited = { ...asked, text: '<@UBOT> who are the plaintiffs?', edited: { user: 'U0MEMBER', ts: '1700000360.000000' } };
    const res = await sendSigned(eventsUrl, JSON.stringify(eventCallback('Ev0EDIT2', edited)), JSON_TYPE, { secret: SECRET });
    expect(res.status).toBe(200);
    await log.waitFor('slack: mention answered already (a retry, or an edit of its message); ignored', (entry) => entry.fields.channel === 'C0EDITED');
    expect(postsIn()).toHaveLength(1);

    const mentionAdded = mentionEvent({ text: '<@UBOT> how much was the Irish fine', ts: '1700000370.000100', channel: 'C0EDITED' });
    const late = { ...mentionAdded, edited: { user: 'U0MEMBER', ts: '1700000380.000000' } };
    await sendSigned(eventsUrl, JSON.stringify(eventCallback('Ev0EDIT3', late)), JSON_TYPE, { secret: SECRET });
    const answer = await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0EDITED' && call.params.thread_ts === '1700000370.000100');
    expect(plain(blocksOf(answer))).toContain('265 million');
    expect(postsIn()).toHaveLength(2);
  });

  it('answers a retried event once', async () => {
    const body = mentionEventBody({ eventId: 'Ev0RETRIED', text: '<@UBOT> who are the plaintiffs?', ts: '1700000300.000100', channel: 'C0RETRY' });
    await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET });
    await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0RETRY');
    const retry = await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET, retryNum: 1 });
    expect(retry.status).toBe(200);
    await log.waitFor('slack: duplicate delivery ignored', (entry) => entry.fields.eventId === 'Ev0RETRIED');
    expect(fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0RETRY')).toHaveLength(1);
  });

  it('quotes the sources of a message privately for the Find sources shortcut', async () => {
    const responseUrl = fake.responseUrl();
    const payload = messageShortcutPayload({
      text: 'Netflix got the private messages through the Inbox API',
      responseUrl,
      callbackId: FIND_SOURCES_CALLBACK_ID,
    });
    const res = await sendSigned(eventsUrl, formPayload(payload), FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    const answer = await fake.waitForResponse(responseUrl);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(plain(blocksOf(answer))).toContain('"Inbox API" agreement');
    expect(actionIdsOf(blocksOf(answer))).toEqual([ACTION_IDS.share, ACTION_IDS.more, ACTION_IDS.context, ...VOTES]);
  });

  it.each([
    ['a news feed post', { title: 'Netflix got the private messages', text: 'through the Inbox API, a complaint says' }],
    [
      'a forwarded message',
      { is_share: true, author_name: 'Dana', text: 'Netflix got the private messages through the Inbox API', fallback: '[November 14th, 2023 10:13 PM] dana: Netflix got…' },
    ],
  ])('finds the sources of %s, whose words are in an attachment and not in its text', async (_what, attachment) => {
    const responseUrl = fake.responseUrl();
    const payload = messageShortcutPayload({ text: '', responseUrl, callbackId: FIND_SOURCES_CALLBACK_ID });
    (payload.message as Record<string, unknown>).attachments = [{ id: 1, ...attachment }];
    await sendSigned(eventsUrl, formPayload(payload), FORM, { secret: SECRET });
    const answer = await fake.waitForResponse(responseUrl);
    expect(plain(blocksOf(answer))).toContain('"Inbox API" agreement');
  });

  it.each([
    ['a bare link', '<https://nyti.ms/3xYzAbC>'],
    ['a link between a mention and an emoji', '<@U0OTHER> <https://nyti.ms/3xYzAbC> :eyes:'],
  ])("finds the sources of %s by its unfurl's title and text, not by the link's address", async (_what, text) => {
    const responseUrl = fake.responseUrl();
    const payload = messageShortcutPayload({ text, responseUrl, callbackId: FIND_SOURCES_CALLBACK_ID });
    const unfurl = { id: 1, from_url: 'https://nyti.ms/3xYzAbC', original_url: 'https://nyti.ms/3xYzAbC', service_name: 'News' };
    (payload.message as Record<string, unknown>).attachments = [
      { ...unfurl, title: 'Netflix got the private messages', text: 'through the Inbox API, a complaint says', fallback: 'News: Netflix got…' },
    ];
    await sendSigned(eventsUrl, formPayload(payload), FORM, { secret: SECRET });
    const answer = await fake.waitForResponse(responseUrl);
    expect(plain(blocksOf(answer))).toContain('"Inbox API" agreement');
    expect(plain(blocksOf(answer))).not.toContain('nyti');
  });

  it('acknowledges a shortcut it does not know at once, tells the person privately, and tells the operator the callback_id', async () => {
    const responseUrl = fake.responseUrl();
    const payload = messageShortcutPayload({ text: 'Netflix got the private messages', responseUrl, callbackId: 'pinpoint_old_shortcut' });
    const res = await sendSigned(eventsUrl, formPayload(payload), FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    const told = await fake.waitForResponse(responseUrl);
    expect(told.body).toMatchObject({ response_type: 'ephemeral', text: UNKNOWN_SHORTCUT_TEXT });
    const warned = await log.waitFor(UNKNOWN_SHORTCUT_LOG);
    expect(warned).toMatchObject({ level: 'warn', fields: { callbackId: 'pinpoint_old_shortcut', handled: FIND_SOURCES_CALLBACK_ID } });
  });

  it('acknowledges a global shortcut it does not know at once', async () => {
    const payload = { ...messageShortcutPayload({ text: '', responseUrl: '', callbackId: 'pinpoint_global' }), type: 'shortcut' };
    for (const key of ['channel', 'message', 'message_ts', 'response_url']) delete (payload as Record<string, unknown>)[key];
    const res = await sendSigned(eventsUrl, formPayload(payload), FORM, { secret: SECRET });
    expect(res.status).toBe(200);
    await log.waitFor(UNKNOWN_SHORTCUT_LOG, (entry) => entry.fields.callbackId === 'pinpoint_global');
  });

  it('answers Slack with the challenge on url_verification', async () => {
    const res = await sendSigned(eventsUrl, JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }), JSON_TYPE, {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
  });

  it('acknowledges app_rate_limited at once and warns that Slack is dropping events', async () => {
    const body = JSON.stringify({
      token: 'verification-token-unused',
      type: 'app_rate_limited',
      team_id: FAKE_TEAM_ID,
      minute_rate_limited: 1700000000,
      api_app_id: 'A0PINPOINT',
    });
    const res = await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET });
    expect(res.status).toBe(200);
    const warning = await log.waitFor(
      'slack: Slack is rate-limiting events to this app (over 30,000 an hour); events are being dropped until the next minute',
    );
    expect(warning).toMatchObject({ level: 'warn', fields: expect.objectContaining({ minuteRateLimited: 1700000000 }) });
  });

  it.each([
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a stale timestamp', { secret: SECRET, skewSeconds: -301 }],
    ['a future timestamp', { secret: SECRET, skewSeconds: 301 }],
    ['a tampered body', { secret: SECRET, signedBody: 'text=something+else' }],
  ])('rejects a request with %s with 401 and answers nothing', async (_name, options) => {
    const responseUrl = fake.responseUrl();
    const res = await sendSigned(eventsUrl, slashCommandBody({ text: 'Inbox API', responseUrl }), FORM, options);
    expect(res.status).toBe(401);
    expect(fake.responses.filter((post) => post.id === responseUrl.split('/').pop())).toEqual([]);
  });

  it('names SLACK_SIGNING_SECRET in the log when a signature does not verify', async () => {
    // A receiver of its own: the rejections of the tests above were logged by the shared one.
    const own = new RecordingLogger();
    const fresh = await startHttpSlack(fake, core, own);
    try {
      const res = await sendSigned(fresh.eventsUrl, slashCommandBody({ text: 'x', responseUrl: fake.responseUrl() }), FORM, { secret: 'not-the-secret' });
      expect(res.status).toBe(401);
      const warnings = own.entries.filter((entry) => entry.level === 'warn');
      expect(warnings).toEqual([
        {
          level: 'warn',
          fields: expect.objectContaining({ reason: 'signature mismatch' }),
          message:
            "slack: request rejected: bad signature or timestamp; if every request is rejected, check SLACK_SIGNING_SECRET (the app's Signing Secret) and the clock",
        },
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('logs the first rejected request, not every one: anyone who knows the URL can send them', async () => {
    const own = new RecordingLogger();
    const fresh = await startHttpSlack(fake, core, own);
    try {
      for (let n = 0; n < 5; n++) {
        const res = await sendSigned(fresh.eventsUrl, slashCommandBody({ text: 'x', responseUrl: fake.responseUrl() }), FORM, { secret: 'not-the-secret' });
        expect(res.status).toBe(401);
      }
      const warnings = own.entries.filter((entry) => entry.level === 'warn');
      expect(warnings.map((entry) => entry.message)).toEqual([expect.stringMatching(/^slack: request rejected: bad signature or timestamp; /)]);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ['a form payload of null', FORM, formBody('null')],
    ['a form payload that is a number', FORM, formBody('1')],
    ['a form payload that is a string', FORM, formBody('"block_actions"')],
    ['a form payload that is an array', FORM, formBody('[]')],
    ['an event that is null', JSON_TYPE, JSON.stringify({ type: 'event_callback', event_id: 'Ev0NULL', event: null })],
    ['an event that is a string', JSON_TYPE, JSON.stringify({ type: 'event_callback', event_id: 'Ev0TEXT', event: 'app_mention' })],
  ])('answers a signed body holding %s with 400 at once, logging no error', async (_what, contentType, body) => {
    const errorsBefore = log.entries.filter((entry) => entry.level === 'error').length;
    const res = await sendSigned(eventsUrl, body, contentType, { secret: SECRET });
    expect(res.status).toBe(400);
    expect(log.entries.filter((entry) => entry.level === 'error')).toHaveLength(errorsBefore);
  });

  it('rejects an unsigned request with 401', async () => {
    const res = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': FORM }, body: 'command=%2Fask&text=x' });
    expect(res.status).toBe(401);
  });

  it('tells the user to retry later when the Web API answers 429 ratelimited', async () => {
    const first = await ask('how much was the Irish fine');
    fake.failNext('chat.postMessage', { kind: 'http429', retryAfter: 7 });
    const pressed = await press(ACTION_IDS.share, buttonValue(blocksOf(first), ACTION_IDS.share));
    expect((await pressed.response()).body.text).toBe('Slack is rate-limiting me right now: please try again in 7 s.');
  });

  it('tells the user to retry later when the Web API answers ok:false ratelimited', async () => {
    const first = await ask('how much was the Irish fine');
    fake.failNext('chat.postMessage', { kind: 'error', error: 'ratelimited' });
    const pressed = await press(ACTION_IDS.share, buttonValue(blocksOf(first), ACTION_IDS.share));
    expect((await pressed.response()).body.text).toBe('Slack is rate-limiting me right now: please try again in a moment.');
  });

  it.each([
    ['a read-only channel', 'restricted_action_read_only_channel', 'Slack does not let me post in this channel (posting here is restricted), so nothing was posted.'],
    ['a channel where only some may post', 'restricted_action', 'Slack does not let me post in this channel (posting here is restricted), so nothing was posted.'],
    ['an archived channel', 'is_archived', 'This channel is archived, so nothing was posted in it.'],
  ])('says why nothing was shared in %s, instead of asking to try again', async (_where, error, told) => {
    const first = await ask('how much was the Irish fine');
    fake.failNext('chat.postMessage', { kind: 'error', error });
    const pressed = await press(ACTION_IDS.share, buttonValue(blocksOf(first), ACTION_IDS.share));
    expect((await pressed.response()).body.text).toBe(told);
  });

  it('says it cannot post in a direct message it is not part of, where /invite cannot add it, and asks to invite it in a private channel', async () => {
    const first = await ask('how much was the Irish fine');
    const value = buttonValue(blocksOf(first), ACTION_IDS.share);
    fake.failNext('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    const inDm = await slack.press(ACTION_IDS.share, value, { channel: 'D0TWOPEOPLE' });
    expect((await inDm.response()).body.text).toBe(
      "I can't post in a direct message I'm not part of, so nothing was posted: ask in a channel I'm in to share an answer there.",
    );
    fake.failNext('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    const inPrivate = await slack.press(ACTION_IDS.share, value, { channel: 'C0PRIVATE' });
    expect((await inPrivate.response()).body.text).toBe("I'm not in this channel yet: invite me with /invite, then try again.");
  });

  it('apologises privately to the asker, in the thread, and logs when the Web API answers 500 to a mention', async () => {
    fake.failNext('chat.postMessage', { kind: 'http500' });
    const body = mentionEventBody({ eventId: 'Ev0FIVEHUNDRED', text: '<@UBOT> who are the plaintiffs?', ts: '1700000400.000100', channel: 'C0BROKEN' });
    await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET });
    const apology = await fake.waitForCall('chat.postEphemeral', (call) => call.params.channel === 'C0BROKEN');
    expect(apology.params).toMatchObject({
      user: 'U0MEMBER',
      thread_ts: '1700000400.000100',
      text: 'Sorry, something went wrong on my side. Please try again in a moment.',
    });
    const entry = await log.waitFor('slack: request failed', (e) => e.fields.what === 'mention');
    expect(String(entry.fields.err)).toContain('500');
    // Only the failed answer went to the channel: the apology is for the asker alone.
    expect(fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0BROKEN')).toHaveLength(1);
  });

  it('publishes pins and documents to the App Home tab', async () => {
    const body = JSON.stringify({
      team_id: FAKE_TEAM_ID,
      api_app_id: 'A0PINPOINT',
      type: 'event_callback',
      event_id: 'Ev0HOME',
      event_time: 1,
      event: { type: 'app_home_opened', user: 'U0MEMBER', channel: 'D0HOME', tab: 'home', event_ts: '1700000500.1' },
    });
    await sendSigned(eventsUrl, body, JSON_TYPE, { secret: SECRET });
    const publish = await fake.waitForCall('views.publish', (call) => call.params.user_id === 'U0MEMBER');
    const view = publish.params.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    const text = allText(view.blocks);
    expect(text).toContain('Regulatory fines against Meta');
  });
});

describe('Slack adapter cooldowns', () => {
  it('asks the user to wait when they ask faster than the cooldown allows', async () => {
    const strict = await createPinpoint({
      knowledgeDir: KNOWLEDGE,
      rates: { user: { capacity: 1, refillPerMinute: 1 }, channel: { capacity: 100, refillPerMinute: 100 } },
    });
    const started = await startHttpSlack(fake, strict, new RecordingLogger());
    try {
      const url = started.eventsUrl;
      const ask1 = fake.responseUrl();
      await sendSigned(url, slashCommandBody({ text: 'Inbox API', responseUrl: ask1 }), FORM, { secret: SECRET });
      expect(allText(blocksOf(await fake.waitForResponse(ask1)))).toContain('Inbox API');
      const ask2 = fake.responseUrl();
      await sendSigned(url, slashCommandBody({ text: 'Inbox API', responseUrl: ask2 }), FORM, { secret: SECRET });
      expect((await fake.waitForResponse(ask2)).body.text).toMatch(/^You're asking quickly: try again in \d+ s\.$/);
    } finally {
      await started.close();
      await strict.close();
    }
  });
});

describe('Slack adapter over HTTP while shutting down', () => {
  it('tells a signed slash command to ask again with a private 200, and turns everything else away with 503', async () => {
    const stopping = await startHttpSlack(fake, core, new RecordingLogger());
    try {
      await stopping.adapter.stop();
      const url = stopping.eventsUrl;

      const responseUrl = fake.responseUrl();
      const res = await sendSigned(url, slashCommandBody({ text: 'Inbox API', responseUrl }), FORM, { secret: SECRET });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'Pinpoint is restarting. Please ask again in a moment.' });

      // Not signed by Slack: 503 as before, whatever it claims to be.
      for (const options of [{ secret: 'wrong-secret' }, { secret: SECRET, skewSeconds: -301 }, { secret: SECRET, signedBody: 'text=else' }]) {
        const forged = await sendSigned(url, slashCommandBody({ text: 'Inbox API', responseUrl }), FORM, options);
        expect(forged.status).toBe(503);
      }
      // Slack retries events; a button press gets 503 so the person sees it did nothing.
      const event = await sendSigned(url, mentionEventBody({ eventId: 'Ev0STOPPING', text: '<@UBOT> Inbox API', ts: '1700000900.1' }), JSON_TYPE, {
        secret: SECRET,
      });
      expect(event.status).toBe(503);
      const pressRes = await sendSigned(url, formPayload(blockActionPayload({ actionId: ACTION_IDS.more, value: '{}', responseUrl })), FORM, {
        secret: SECRET,
      });
      expect(pressRes.status).toBe(503);
      expect(fake.responses.filter((post) => post.id === responseUrl.split('/').pop())).toEqual([]);
    } finally {
      await stopping.close();
    }
  });
});

/** A form body with one `payload` field, as Slack sends interactive payloads. */
function formBody(payload: string): string {
  return new URLSearchParams({ payload }).toString();
}
