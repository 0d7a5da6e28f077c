import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../adapters/slack/actions.js';
import { createSlackAdapter } from '../adapters/slack/index.js';
import type { PlatformAdapter } from '../adapters/platform.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { FakeSlack } from './fakes/slack-api.js';
import { RecordingLogger } from './fakes/slack-log.js';
import { blockActionPayload, eventCallback, mentionEvent, slashCommandEnvelope } from './fakes/slack-requests.js';

const KNOWLEDGE = path.join(import.meta.dirname, 'fixtures', 'slack');

let fake: FakeSlack;
let core: Pinpoint;
let adapter: PlatformAdapter;
let log: RecordingLogger;

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.users.set('U0MEMBER', {});
  core = await createPinpoint({ knowledgeDir: KNOWLEDGE });
  log = new RecordingLogger();
  adapter = createSlackAdapter({
    core,
    logger: log,
    config: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: fake.apiUrl, SLACK_COMMAND: '/ask' },
    clientOptions: { retryConfig: { retries: 0 } },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await core?.close();
  await fake?.close();
});

function text(blocks: unknown): string {
  return JSON.stringify(blocks).replace(/\*/g, '');
}

describe('Slack adapter in Socket Mode', () => {
  it('connects through apps.connections.open with the app token at SLACK_API_URL and needs no route', async () => {
    await fake.socketConnected();
    expect(adapter.routes).toEqual([]);
    expect(adapter.ready()).toBe(true);
    const open = fake.callsOf('apps.connections.open');
    expect(open.map((call) => call.token)).toEqual(['xapp-test-token']);
    expect(fake.callsOf('auth.test').map((call) => call.token)).toContain('xoxb-test-token');
  });

  it('acks a slash command envelope, then answers privately through response_url', async () => {
    const responseUrl = fake.responseUrl();
    const ack = await fake.sendEnvelope(slashCommandEnvelope('env-ask', 'how much was the Irish fine', responseUrl));
    expect(ack).toEqual({});
    const answer = await fake.waitForResponse(responseUrl);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(text(answer.body.blocks)).toContain('Irish Data Protection Commission fined Meta 265 million euros');
  });

  it('posts the answer again when Slack fails the response_url post, instead of apologising', async () => {
    const responseUrl = fake.responseUrl();
    fake.failNextResponse(500);
    await fake.sendEnvelope(slashCommandEnvelope('env-ask-retry', 'how much was the Irish fine', responseUrl));
    const answer = await fake.waitForResponse(responseUrl);
    expect(text(answer.body.blocks)).toContain('Irish Data Protection Commission fined Meta 265 million euros');
    expect(fake.responses.filter((post) => responseUrl.endsWith(`/respond/${post.id}`))).toHaveLength(1);
  });

  it('answers a mention in its thread and ignores the retried delivery', async () => {
    const payload = eventCallback('Ev0SOCKETMENTION', mentionEvent({ text: '<@UBOT> who are the plaintiffs?', ts: '1700000600.000100', channel: 'C0SOCKET' }));
    await fake.sendEnvelope({ envelope_id: 'env-mention', type: 'events_api', payload, retry_attempt: 0, retry_reason: '' });
    const reply = await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0SOCKET');
    expect(reply.params.thread_ts).toBe('1700000600.000100');
    expect(text(reply.params.blocks)).toContain('Maximilian Klein and Sarah Grabert');

    await fake.sendEnvelope({ envelope_id: 'env-mention-retry', type: 'events_api', payload, retry_attempt: 1, retry_reason: 'timeout' });
    await log.waitFor('slack: duplicate delivery ignored', (entry) => entry.fields.eventId === 'Ev0SOCKETMENTION');
    expect(fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0SOCKET')).toHaveLength(1);
  });

  it('refuses Pin to a member over the socket without pinning anything', async () => {
    const answer = core.ask('who are the plaintiffs?');
    const remembered = core.answers.remember('who are the plaintiffs?', answer);
    const responseUrl = fake.responseUrl();
    const payload = blockActionPayload({
      actionId: ACTION_IDS.pin,
      value: JSON.stringify({ a: remembered.id, o: 0 }),
      responseUrl,
      channel: 'C0SOCKET',
    });
    await fake.sendEnvelope({ envelope_id: 'env-pin', type: 'interactive', payload, accepts_response_payload: false });
    const refusal = await fake.waitForResponse(responseUrl);
    expect(refusal.body.text).toBe('Only workspace admins and Pinpoint moderators can pin answers.');
    expect(fake.callsOf('pins.add')).toEqual([]);
  });

  it('acknowledges a press of a button it does not know (from an older message) over the socket', async () => {
    const responseUrl = fake.responseUrl();
    const payload = blockActionPayload({ actionId: 'pinpoint_retired_button', value: 'old', responseUrl, channel: 'C0SOCKET' });
    // Unacknowledged, the envelope would never be answered and this test would time out.
    const ack = await fake.sendEnvelope({ envelope_id: 'env-old-button', type: 'interactive', payload, accepts_response_payload: false });
    expect(ack).toEqual({});
    const noted = await log.waitFor(
      'slack: press of a button this version does not handle (from an older message?); acknowledged, nothing done',
      (entry) => entry.fields.actionId === 'pinpoint_retired_button',
    );
    expect(noted.level).toBe('debug');
    expect(log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  }, 5000);
});
