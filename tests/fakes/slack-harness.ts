import { expect } from 'vitest';
import { createSlackAdapter, type SlackAdapterConfig } from '../../adapters/slack/index.js';
import type { PlatformAdapter } from '../../adapters/platform.js';
import type { Pinpoint } from '../../src/index.js';
import type { FakeSlack, ResponsePost } from './slack-api.js';
import type { RecordingLogger } from './slack-log.js';
import { blockActionPayload, FORM, formPayload, homeActionPayload, homeOpenedBody, JSON_TYPE, sendSigned, serveRoutes, slashCommandBody } from './slack-requests.js';

export const SECRET = 'test-signing-secret-0123456789';
/** Cooldowns that never get in a test's way. */
export const GENEROUS = { user: { capacity: 1000, refillPerMinute: 1000 }, channel: { capacity: 1000, refillPerMinute: 1000 } };

/** The parts of Block Kit the tests read. */
export interface Block {
  type: string;
  text?: { text: string };
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string }[];
  accessory?: { type: string; text?: { text: string }; action_id?: string; value?: string; style?: string };
}

/** A Slack adapter in HTTP mode on a local server, talking to the fake's Web API. */
export interface HttpSlack {
  adapter: PlatformAdapter;
  eventsUrl: string;
  /** Runs /ask (in C0GENERAL unless told) and returns the private answer posted to response_url. */
  ask(text: string, user?: string, channel?: string): Promise<ResponsePost>;
  /** Presses a button; `response()` waits for the reply to its response_url. */
  press(
    actionId: string,
    value: string,
    options?: { user?: string; ephemeral?: boolean; messageTs?: string; channel?: string },
  ): Promise<{ responseUrl: string; response: () => Promise<ResponsePost> }>;
  /** Opens the App Home tab as `user` and returns the published view's blocks. */
  openHome(user: string, eventId: string): Promise<Block[]>;
  /** Presses a button in `user`'s App Home tab and returns the blocks of the tab published next. */
  pressInHome(actionId: string, value: string, user: string): Promise<Block[]>;
  close(): Promise<void>;
}

export async function startHttpSlack(
  fake: FakeSlack,
  core: Pinpoint,
  logger: RecordingLogger,
  config: Partial<SlackAdapterConfig> = {},
): Promise<HttpSlack> {
  const adapter = createSlackAdapter({
    core,
    logger,
    config: {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_COMMAND: '/ask',
      SLACK_MODERATOR_IDS: 'U0MOD, U0OTHERMOD',
      ...config,
    },
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const server = await serveRoutes(adapter.routes);
  await adapter.start();
  const eventsUrl = `${server.url}/slack/events`;
  return {
    adapter,
    eventsUrl,
    async ask(text, user = 'U0MEMBER', channel = 'C0GENERAL') {
      const responseUrl = fake.responseUrl();
      const res = await sendSigned(eventsUrl, slashCommandBody({ text, responseUrl, user, channel }), FORM, { secret: SECRET });
      expect(res.status).toBe(200);
      return fake.waitForResponse(responseUrl);
    },
    async press(actionId, value, options = {}) {
      const responseUrl = fake.responseUrl();
      const body = formPayload(blockActionPayload({ actionId, value, responseUrl, ...options }));
      const res = await sendSigned(eventsUrl, body, FORM, { secret: SECRET });
      expect(res.status).toBe(200);
      return { responseUrl, response: () => fake.waitForResponse(responseUrl) };
    },
    async openHome(user, eventId) {
      const before = fake.callsOf('views.publish').length;
      const res = await sendSigned(eventsUrl, homeOpenedBody({ eventId, user }), JSON_TYPE, { secret: SECRET });
      expect(res.status).toBe(200);
      return publishedHome(user, before);
    },
    async pressInHome(actionId, value, user) {
      const before = fake.callsOf('views.publish').length;
      const res = await sendSigned(eventsUrl, formPayload(homeActionPayload({ actionId, value, user })), FORM, { secret: SECRET });
      expect(res.status).toBe(200);
      return publishedHome(user, before);
    },
    async close() {
      await adapter.stop();
      await server.close();
    },
  };

  /** The first App Home view published for `user` after the fake had seen `before` publishes. */
  async function publishedHome(user: string, before: number): Promise<Block[]> {
    const publish = await fake.waitForCall(
      'views.publish',
      (call) => call.params.user_id === user && fake.callsOf('views.publish').indexOf(call) >= before,
    );
    const view = publish.params.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    return view.blocks;
  }
}

export function blocksOf(post: { body: Record<string, unknown> } | { params: Record<string, unknown> }): Block[] {
  const source = 'body' in post ? post.body : post.params;
  return source.blocks as Block[];
}

export function allText(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [block.text?.text ?? '', ...(block.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))])
    .join('\n');
}

/** Text without the bold marks the renderer puts around matched words. */
export function plain(blocks: Block[]): string {
  return allText(blocks).replace(/\*/g, '');
}

export function actionIdsOf(blocks: Block[]): string[] {
  return blocks.flatMap((block) => block.elements ?? []).flatMap((element) => (element.action_id === undefined ? [] : [element.action_id]));
}

export function buttonValue(blocks: Block[], actionId: string): string {
  const button = blocks.flatMap((block) => block.elements ?? []).find((element) => element.action_id === actionId);
  if (button?.value === undefined) throw new Error(`no ${actionId} button in the answer`);
  return button.value;
}
