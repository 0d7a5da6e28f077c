import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from '../../adapters/platform.js';
import { FAKE_TEAM_ID } from './slack-api.js';

/** Slack's request signature: `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret: string;
  /** Seconds added to now for the timestamp header (negative: past). */
  skewSeconds?: number;
  /** Signed over this body, but `body` is what is sent (a tampered request). */
  signedBody?: string;
  retryNum?: number;
}

/** POSTs a body to the adapter the way Slack does, signed with `secret`. */
export async function sendSigned(url: string, body: string, contentType: string, options: SendOptions): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000) + (options.skewSeconds ?? 0));
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': slackSignature(options.secret, timestamp, options.signedBody ?? body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function slashCommandBody(fields: { text: string; responseUrl: string; user?: string; channel?: string; command?: string }): string {
  return new URLSearchParams({
    token: 'verification-token-unused',
    team_id: FAKE_TEAM_ID,
    team_domain: 'pinpoint-test',
    channel_id: fields.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.user ?? 'U0MEMBER',
    user_name: 'member',
    command: fields.command ?? '/ask',
    text: fields.text,
    api_app_id: 'A0PINPOINT',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

export function blockActionPayload(fields: {
  actionId: string;
  value: string;
  responseUrl: string;
  user?: string;
  channel?: string;
  ephemeral?: boolean;
  messageTs?: string;
}): Record<string, unknown> {
  const channel = fields.channel ?? 'C0GENERAL';
  const ephemeral = fields.ephemeral ?? true;
  const messageTs = fields.messageTs ?? '1700000000.000001';
  return {
    type: 'block_actions',
    user: { id: fields.user ?? 'U0MEMBER', username: 'someone', team_id: FAKE_TEAM_ID },
    api_app_id: 'A0PINPOINT',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: ephemeral },
    trigger_id: '1.2.3',
    team: { id: FAKE_TEAM_ID, domain: 'pinpoint-test' },
    channel: { id: channel, name: 'general' },
    ...(ephemeral ? {} : { message: { type: 'message', ts: messageTs, text: 'answer', user: 'UBOT' } }),
    response_url: fields.responseUrl,
    actions: [
      { type: 'button', action_id: fields.actionId, block_id: 'b1', value: fields.value, action_ts: '1700000000.1', text: { type: 'plain_text', text: 'x' } },
    ],
  };
}

/**
 * A button pressed in the App Home tab: the container is the view, and Slack sends no channel,
 * no message and no response_url with it.
 */
export function homeActionPayload(fields: { actionId: string; value: string; user: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: fields.user, username: 'someone', name: 'someone', team_id: FAKE_TEAM_ID },
    api_app_id: 'A0PINPOINT',
    token: 'verification-token-unused',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: '1.2.3',
    team: { id: FAKE_TEAM_ID, domain: 'pinpoint-test' },
    enterprise: null,
    is_enterprise_install: false,
    view: {
      id: 'V0HOME',
      team_id: FAKE_TEAM_ID,
      type: 'home',
      blocks: [],
      private_metadata: '',
      callback_id: '',
      state: { values: {} },
      hash: '1700000000.abcdef',
      app_id: 'A0PINPOINT',
      external_id: '',
      app_installed_team_id: FAKE_TEAM_ID,
      bot_id: 'BBOT',
    },
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'pin1',
        value: fields.value,
        style: 'danger',
        action_ts: '1700000000.3',
        text: { type: 'plain_text', text: 'Unpin', emoji: true },
      },
    ],
  };
}

/** Interactive payloads arrive as a form with one `payload` field holding JSON. */
export function formPayload(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The Events API envelope Slack wraps every event in (over HTTP, and as a Socket Mode payload). */
export function eventCallback(eventId: string, event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'verification-token-unused',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0PINPOINT',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  };
}

/** A /ask slash command as Socket Mode delivers it. */
export function slashCommandEnvelope(id: string, text: string, responseUrl: string): { envelope_id: string; type: string; payload: unknown; accepts_response_payload: boolean } {
  return {
    envelope_id: id,
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: {
      command: '/ask',
      text,
      user_id: 'U0MEMBER',
      channel_id: 'C0SOCKET',
      team_id: FAKE_TEAM_ID,
      response_url: responseUrl,
      trigger_id: '1.2.3',
      api_app_id: 'A0PINPOINT',
    },
  };
}

function eventCallbackBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify(eventCallback(eventId, event));
}

export function mentionEventBody(fields: { eventId: string; text: string; ts: string; threadTs?: string; channel?: string; user?: string }): string {
  return eventCallbackBody(fields.eventId, mentionEvent(fields));
}

export function mentionEvent(fields: { text: string; ts: string; threadTs?: string; channel?: string; user?: string }): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: fields.user ?? 'U0MEMBER',
    text: fields.text,
    ts: fields.ts,
    ...(fields.threadTs === undefined ? {} : { thread_ts: fields.threadTs }),
    channel: fields.channel ?? 'C0GENERAL',
    event_ts: fields.ts,
  };
}

export function messageShortcutPayload(fields: { text: string; responseUrl: string; callbackId: string }): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'verification-token-unused',
    action_ts: '1700000000.2',
    team: { id: FAKE_TEAM_ID, domain: 'pinpoint-test' },
    user: { id: 'U0MEMBER', name: 'member', team_id: FAKE_TEAM_ID },
    channel: { id: 'C0GENERAL', name: 'general' },
    callback_id: fields.callbackId,
    trigger_id: '1.2.3',
    message_ts: '1700000000.000009',
    message: { type: 'message', user: 'U0OTHER', ts: '1700000000.000009', text: fields.text },
    response_url: fields.responseUrl,
  };
}

/** A minimal stand-in for the shared server in adapters/main.ts: reads the raw body, calls the route. */
export async function serveRoutes(routes: readonly Route[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const route = routes.find((r) => r.method === req.method && r.path === req.url);
      if (route === undefined) {
        res.writeHead(404).end();
        return;
      }
      void route.handle(req, res, Buffer.concat(chunks));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `app_home_opened` event Slack sends when a user opens the bot's Home tab. */
export function homeOpenedBody(fields: { eventId: string; user: string }): string {
  return eventCallbackBody(fields.eventId, { type: 'app_home_opened', user: fields.user, channel: 'D0HOME', tab: 'home', event_ts: '1700000500.1' });
}
