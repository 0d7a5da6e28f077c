import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapterOptions } from '../adapters/slack/index.js';
import { INIT_ATTEMPTS } from '../adapters/slack/init-retry.js';
import type { PlatformAdapter } from '../adapters/platform.js';
import { createPinpoint, isPinpointError, type Pinpoint } from '../src/index.js';
import { FakeSlack, type Failure } from './fakes/slack-api.js';
import { GENEROUS, SECRET, startHttpSlack } from './fakes/slack-harness.js';
import { RecordingLogger } from './fakes/slack-log.js';
import { eventCallback, JSON_TYPE, mentionEvent, mentionEventBody, sendSigned, slashCommandEnvelope } from './fakes/slack-requests.js';

// What the running bot does when Slack misbehaves: a reply that needs a retry while SIGTERM
// arrives, a Socket Mode connection that Slack recycles while apps.connections.open fails, and
// credentials Slack refuses at start-up.

const KNOWLEDGE = path.join(import.meta.dirname, 'fixtures', 'slack');

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ fake: FakeSlack; core: Pinpoint; log: RecordingLogger }> {
  const fake = await FakeSlack.start();
  cleanups.push(() => fake.close());
  const core = await createPinpoint({ knowledgeDir: KNOWLEDGE, rates: GENEROUS });
  cleanups.push(() => core.close());
  return { fake, core, log: new RecordingLogger() };
}

function socketAdapter(
  fake: FakeSlack,
  core: Pinpoint,
  log: RecordingLogger,
  extra: Partial<SlackAdapterOptions> = {},
): PlatformAdapter {
  const adapter = createSlackAdapter({
    core,
    logger: log,
    config: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_APP_TOKEN: 'xapp-test-token', SLACK_API_URL: fake.apiUrl, SLACK_COMMAND: '/ask' },
    clientOptions: { retryConfig: { retries: 0 } },
    ...extra,
  });
  cleanups.push(() => adapter.stop());
  return adapter;
}

async function startupError(start: Promise<void>): Promise<Error> {
  try {
    await start;
  } catch (error) {
    return error as Error;
  }
  throw new Error('start() resolved, but Slack refused the token');
}

describe('Slack Socket Mode under failure', () => {
  it('stop() waits for an acknowledged answer whose post Slack made it retry, so SIGTERM loses nothing', async () => {
    const { fake, core, log } = await setUp();
    // The production client retries a 5xx; the first post of the answer gets one.
    const adapter = socketAdapter(fake, core, log, { clientOptions: { retryConfig: { retries: 1, minTimeout: 50, maxTimeout: 50 } } });
    await adapter.start();
    await fake.socketConnected();
    fake.failNext('chat.postMessage', { kind: 'http500' });

    const payload = eventCallback('Ev0SHUTDOWN', mentionEvent({ text: '<@UBOT> who are the plaintiffs?', ts: '1700000700.000100', channel: 'C0STOP' }));
    await fake.sendEnvelope({ envelope_id: 'env-stop', type: 'events_api', payload, retry_attempt: 0, retry_reason: '' });
    await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0STOP');

    // SIGTERM now: main.ts stops the adapter, closes the core and exits once stop() resolves.
    await adapter.stop();
    const posts = fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0STOP');
    expect(posts).toHaveLength(2);
    expect(JSON.stringify(posts[1]?.params.blocks)).toContain('Maximilian Klein');
    expect(adapter.ready()).toBe(false);
  });

  it('stop(timeoutMs) waits as long as the shutdown budget it is given, not a fixed 3 s, for an acknowledged answer', async () => {
    const { fake, core, log } = await setUp();
    // The answer's first post gets a 5xx; the client retries it after 3.5 s, later than the old fixed wait.
    const adapter = socketAdapter(fake, core, log, { clientOptions: { retryConfig: { retries: 1, minTimeout: 3500, maxTimeout: 3500 } } });
    await adapter.start();
    await fake.socketConnected();
    fake.failNext('chat.postMessage', { kind: 'http500' });

    const payload = eventCallback('Ev0BUDGET', mentionEvent({ text: '<@UBOT> who are the plaintiffs?', ts: '1700000710.000100', channel: 'C0BUDGET' }));
    await fake.sendEnvelope({ envelope_id: 'env-budget', type: 'events_api', payload, retry_attempt: 0, retry_reason: '' });
    await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0BUDGET');

    // SHUTDOWN_TIMEOUT_MS raised for a slow network: main.ts hands the adapters what is left of it.
    await adapter.stop(20_000);
    const posts = fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0BUDGET');
    expect(posts).toHaveLength(2);
    expect(JSON.stringify(posts[1]?.params.blocks)).toContain('Maximilian Klein');
  });

  it('reconnects when Slack recycles the connection and apps.connections.open fails once, and is not ready meanwhile', async () => {
    const { fake, core, log } = await setUp();
    const adapter = socketAdapter(fake, core, log, { reconnectDelayMs: 10 });
    await adapter.start();
    await fake.socketConnected();
    expect(adapter.ready()).toBe(true);

    fake.failNext('apps.connections.open', { kind: 'http500' });
    // Slack asks every Socket Mode client to reconnect from time to time (no ack is expected).
    void fake.sendEnvelope({ envelope_id: 'env-refresh', type: 'disconnect', reason: 'refresh_requested', payload: {} });
    const opens = (n: number) => fake.waitForCall('apps.connections.open', (call) => fake.callsOf('apps.connections.open').indexOf(call) === n);
    await opens(1);
    expect(adapter.ready()).toBe(false);

    await opens(2);
    await log.waitFor('slack: Socket Mode reconnected');
    expect(adapter.ready()).toBe(true);
    const failure = log.entries.find((entry) => entry.message === 'slack: Socket Mode reconnect failed; trying again');
    expect(failure?.level).toBe('error');

    const responseUrl = fake.responseUrl();
    expect(await fake.sendEnvelope(slashCommandEnvelope('env-after', 'how much was the Irish fine', responseUrl))).toEqual({});
    const answer = await fake.waitForResponse(responseUrl);
    expect(JSON.stringify(answer.body.blocks)).toContain('265 million euros');
  });
});

describe('Slack credentials refused at start-up', () => {
  it('names SLACK_BOT_TOKEN when auth.test says invalid_auth', async () => {
    const { fake, core, log } = await setUp();
    fake.failNext('auth.test', { kind: 'error', error: 'invalid_auth' });
    const adapter = createSlackAdapter({
      core,
      logger: log,
      config: { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.apiUrl, SLACK_COMMAND: '/ask' },
      clientOptions: { retryConfig: { retries: 0 } },
    });
    cleanups.push(() => adapter.stop());
    const error = await startupError(adapter.start());
    expect(isPinpointError(error)).toBe(true);
    expect(error.message).toMatch(/^pinpoint: Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(error.message).not.toContain('xoxb-revoked');
    // A refused token is no blip: start-up stops at the first answer.
    expect(fake.callsOf('auth.test')).toHaveLength(1);
  });

  it('names SLACK_APP_TOKEN when apps.connections.open says invalid_auth', async () => {
    const { fake, core, log } = await setUp();
    fake.failNext('apps.connections.open', { kind: 'error', error: 'invalid_auth' });
    const adapter = socketAdapter(fake, core, log);
    const error = await startupError(adapter.start());
    expect(isPinpointError(error)).toBe(true);
    expect(error.message).toMatch(/^pinpoint: Slack refused SLACK_APP_TOKEN \(invalid_auth\)/);
    expect(adapter.ready()).toBe(false);
  });

  it('names SLACK_API_URL when Slack cannot be reached', async () => {
    const { core, log } = await setUp();
    const adapter = createSlackAdapter({
      core,
      logger: log,
      config: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: 'http://127.0.0.1:9/api/', SLACK_COMMAND: '/ask' },
      clientOptions: { retryConfig: { retries: 0 } },
      reconnectDelayMs: 1,
    });
    cleanups.push(() => adapter.stop());
    const error = await startupError(adapter.start());
    expect(isPinpointError(error)).toBe(true);
    expect(error.message).toMatch(/^pinpoint: cannot reach Slack at http:\/\/127\.0\.0\.1:9\/api\/ .*SLACK_API_URL/);
    // Tried as often as a blip is waited out, each failure logged.
    expect(log.entries.filter((entry) => entry.message === AUTH_RETRY_LOG)).toHaveLength(INIT_ATTEMPTS - 1);
  });
});

const AUTH_RETRY_LOG = 'slack: auth.test failed at start-up; trying again';

describe('Slack HTTP mode start-up while Slack falters', () => {
  function httpAdapter(fake: FakeSlack, core: Pinpoint, log: RecordingLogger): PlatformAdapter {
    const adapter = createSlackAdapter({
      core,
      logger: log,
      config: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.apiUrl, SLACK_COMMAND: '/ask' },
      clientOptions: { retryConfig: { retries: 0 } },
      reconnectDelayMs: 1,
    });
    cleanups.push(() => adapter.stop());
    return adapter;
  }

  it.each<[string, Failure]>([
    ['a 500', { kind: 'http500' }],
    ['a rate limit', { kind: 'http429', retryAfter: 0 }],
    ["Slack's own temporary error", { kind: 'error', error: 'service_unavailable' }],
  ])('tries auth.test again after %s, logging each failure, and starts', async (_name, failure) => {
    const { fake, core, log } = await setUp();
    fake.failNext('auth.test', failure);
    fake.failNext('auth.test', failure);
    const adapter = httpAdapter(fake, core, log);
    await adapter.start();
    expect(adapter.ready()).toBe(true);
    expect(fake.callsOf('auth.test')).toHaveLength(3);
    const retries = log.entries.filter((entry) => entry.message === AUTH_RETRY_LOG);
    expect(retries.map((entry) => [entry.level, entry.fields.attempt])).toEqual([
      ['warn', 1],
      ['warn', 2],
    ]);
  });

  it('stops after a few tries when Slack keeps failing, saying what it answered', async () => {
    const { fake, core, log } = await setUp();
    for (let n = 0; n < INIT_ATTEMPTS; n += 1) fake.failNext('auth.test', { kind: 'http500' });
    const error = await startupError(httpAdapter(fake, core, log).start());
    expect(error.message).toMatch(/^pinpoint: Slack at http:\/\/127\.0\.0\.1:\d+\/api\/ answered HTTP 500 at start-up/);
    expect(fake.callsOf('auth.test')).toHaveLength(INIT_ATTEMPTS);
  });
});

describe('Slack mentions across a restart', () => {
  it('answers a mention once when Slack retries its event to the next process, or sends its edit after the restart', async () => {
    const fake = await FakeSlack.start();
    cleanups.push(() => fake.close());
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pinpoint-slack-restart-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const body = mentionEventBody({ eventId: 'Ev0RESTART', text: '<@UBOT> who are the plaintiffs?', ts: '1700000900.000100', channel: 'C0RESTART' });
    const postsIn = () => fake.callsOf('chat.postMessage').filter((call) => call.params.channel === 'C0RESTART');

    // The first process answers, then stops (a deploy) before Slack's retry of the event arrives.
    const before = await createPinpoint({ knowledgeDir: KNOWLEDGE, dataDir, rates: GENEROUS });
    const first = await startHttpSlack(fake, before, new RecordingLogger());
    await sendSigned(first.eventsUrl, body, JSON_TYPE, { secret: SECRET });
    await fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0RESTART');
    await first.close();
    await before.close();

    const after = await createPinpoint({ knowledgeDir: KNOWLEDGE, dataDir, rates: GENEROUS });
    cleanups.push(() => after.close());
    const log = new RecordingLogger();
    const second = await startHttpSlack(fake, after, log);
    cleanups.push(() => second.close());
    const ignoredMessage = 'slack: mention answered already (a retry, or an edit of its message); ignored';
    const ignoredCount = () => log.entries.filter((entry) => entry.message === ignoredMessage).length;
    // Waits for the delivery to be ignored (`count` times in all) or answered a second time, whichever comes.
    const handled = (count: number) =>
      Promise.race([
        log.waitFor(ignoredMessage, () => ignoredCount() >= count),
        fake.waitForCall('chat.postMessage', (call) => call.params.channel === 'C0RESTART' && postsIn().indexOf(call) > 0),
      ]);

    const retry = await sendSigned(second.eventsUrl, body, JSON_TYPE, { secret: SECRET, retryNum: 1 });
    expect(retry.status).toBe(200);
    await handled(1);
    expect(postsIn()).toHaveLength(1);

    // Slack's delivery of an edit of that message: a new event id, the same message ts.
    const edited = mentionEventBody({ eventId: 'Ev0RESTARTEDIT', text: '<@UBOT> who are the plaintiffs, again?', ts: '1700000900.000100', channel: 'C0RESTART' });
    await sendSigned(second.eventsUrl, edited, JSON_TYPE, { secret: SECRET });
    await handled(2);
    expect(postsIn()).toHaveLength(1);
  });
});
