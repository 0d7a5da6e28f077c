import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { WebSocketServer, type WebSocket } from 'ws';

/** One Web API call as the fake received it: form fields, with JSON fields (`blocks`, `view`) decoded. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** Bearer token from the Authorization header. */
  token: string | undefined;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

export type Failure =
  | { kind: 'http429'; retryAfter: number }
  | { kind: 'http500' }
  | { kind: 'error'; error: string };

export interface FakeUser {
  is_admin?: boolean;
  is_owner?: boolean;
}

/** What conversations.info says about a channel: its kind, or the error Slack answers with (and the scope it names). */
export type FakeChannel = { is_private?: boolean; is_im?: boolean; is_mpim?: boolean } | { error: string; needed?: string };

export const FAKE_TEAM_ID = 'T0PINPOINT';
export const FAKE_BOT_USER_ID = 'UBOT';

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata']);

/** The link the fake's chat.getPermalink gives for a message, shaped like Slack's. */
export function fakePermalink(channel: string, ts: string): string {
  return `https://pinpoint-test.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
}

/**
 * A local fake of Slack: the Web API (`POST /api/<method>`, form-encoded like Slack's clients
 * send it), a response_url sink (`POST /respond/<id>`) and a Socket Mode WebSocket (`/socket`),
 * on one port of 127.0.0.1. Everything is logged; tests wait on the log, never on time.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  private readonly responseFailures: number[] = [];
  readonly users = new Map<string, FakeUser>();
  /** conversations.info answers by channel id; a channel not listed is a public one. */
  readonly channels = new Map<string, FakeChannel>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly events = new EventEmitter();
  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private nextTs = 1_700_000_000;
  private nextResponse = 0;
  private base = '';

  private constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (req.url !== '/socket') {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.socket = ws;
        ws.on('message', (data) => this.events.emit('socket-message', JSON.parse(String(data)) as unknown));
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0PINPOINT' } }));
        this.events.emit('socket-connected');
      });
    });
  }

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    const { port } = fake.server.address() as AddressInfo;
    fake.base = `http://127.0.0.1:${port}`;
    return fake;
  }

  /** Web API base for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A fresh response_url pointing at the sink. */
  responseUrl(): string {
    this.nextResponse += 1;
    return `${this.base}/respond/${this.nextResponse}`;
  }

  /** The next post to any response_url gets this HTTP status instead of being taken (queued, one per post). */
  failNextResponse(status: number): void {
    this.responseFailures.push(status);
  }

  /** The next call of `method` fails this way (queued, one failure per call). */
  failNext(method: string, failure: Failure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call (past or future) of `method` that matches. */
  waitForCall(method: string, match: (call: ApiCall) => boolean = () => true): Promise<ApiCall> {
    return this.waitFor('call', () => this.calls.find((call) => call.method === method && match(call)));
  }

  /** Resolves with the first response_url post (past or future) to `url` that matches. */
  waitForResponse(url: string, match: (post: ResponsePost) => boolean = () => true): Promise<ResponsePost> {
    const id = url.slice(url.lastIndexOf('/') + 1);
    return this.waitFor('response', () => this.responses.find((post) => post.id === id && match(post)));
  }

  /** Resolves once a Socket Mode client has connected and been sent `hello`. */
  socketConnected(): Promise<void> {
    if (this.socket !== undefined) return Promise.resolve();
    return once(this.events, 'socket-connected').then(() => undefined);
  }

  /** Sends a Socket Mode envelope and resolves with the client's ack payload for it. */
  async sendEnvelope(envelope: { envelope_id: string; type: string; payload: unknown; [key: string]: unknown }): Promise<unknown> {
    const socket = this.socket;
    if (socket === undefined) throw new Error('fake slack: no Socket Mode client connected');
    const acked = new Promise<unknown>((resolve) => {
      const onMessage = (message: { envelope_id?: string; payload?: unknown }) => {
        if (message.envelope_id !== envelope.envelope_id) return;
        this.events.off('socket-message', onMessage);
        resolve(message.payload);
      };
      this.events.on('socket-message', onMessage);
    });
    socket.send(JSON.stringify(envelope));
    return acked;
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitFor<T>(event: string, find: () => T | undefined): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve) => {
      const check = () => {
        const hit = find();
        if (hit === undefined) return;
        this.events.off(event, check);
        resolve(hit);
      };
      this.events.on(event, check);
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '/';
    if (req.method === 'POST' && url.startsWith('/respond/')) {
      const failure = this.responseFailures.shift();
      if (failure !== undefined) {
        res.writeHead(failure, { 'content-type': 'text/plain' }).end('failed');
        return;
      }
      this.responses.push({ id: url.slice('/respond/'.length), body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      this.events.emit('response');
      return;
    }
    if (req.method !== 'POST' || !url.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.slice('/api/'.length).split('?')[0] ?? '';
    const call: ApiCall = { method, params: decodeParams(raw, req.headers['content-type']), token: bearer(req) };
    this.calls.push(call);
    const failure = this.failures.get(method)?.shift();
    if (failure?.kind === 'http429') {
      res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    } else if (failure?.kind === 'http500') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    } else {
      const body = failure?.kind === 'error' ? { ok: false, error: failure.error } : this.answer(call);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    }
    this.events.emit('call');
  }

  private answer(call: ApiCall): Record<string, unknown> {
    const { params } = call;
    switch (call.method) {
      case 'auth.test':
        return { ok: true, team_id: FAKE_TEAM_ID, team: 'Pinpoint Test', user_id: FAKE_BOT_USER_ID, bot_id: 'BBOT', user: 'pinpoint' };
      case 'apps.connections.open':
        return { ok: true, url: `${this.base.replace('http', 'ws')}/socket` };
      case 'chat.postMessage':
        this.nextTs += 1;
        return { ok: true, channel: params.channel, ts: `${this.nextTs}.000100`, message: { text: params.text } };
      case 'chat.postEphemeral':
        this.nextTs += 1;
        return { ok: true, message_ts: `${this.nextTs}.000200` };
      case 'users.info': {
        const id = String(params.user);
        const user = this.users.get(id);
        return user === undefined ? { ok: false, error: 'user_not_found' } : { ok: true, user: { id, ...user } };
      }
      case 'conversations.info': {
        const id = String(params.channel);
        const channel = this.channels.get(id) ?? {};
        if ('error' in channel) return { ok: false, ...channel };
        return { ok: true, channel: { id, is_channel: true, is_private: false, is_im: false, is_mpim: false, ...channel } };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V0HOME' } };
      case 'chat.getPermalink':
        return { ok: true, channel: params.channel, permalink: fakePermalink(String(params.channel), String(params.message_ts)) };
      default:
        return { ok: true };
    }
  }
}

function decodeParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = parseQuery(raw) as Record<string, unknown>;
  for (const key of Object.keys(form)) {
    const value = form[key];
    if (JSON_FIELDS.has(key) && typeof value === 'string') form[key] = JSON.parse(value) as unknown;
  }
  return form;
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}
