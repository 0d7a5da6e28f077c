import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local fake Discord on one port: REST under /api/v10 and the gateway WebSocket at /gateway.
 * It speaks the real protocol bytes discord.js sends and expects, logs every REST call and every
 * gateway frame it receives, and can be told to fail (429, 500, 403) or drop the connection.
 */

export interface FakeCall {
  method: string;
  /** Decoded path without /api/v10, e.g. /webhooks/1/tok/messages/@original. */
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
  /** What the fake answered (a message for edits and follow-ups, with the id it gave it). */
  reply?: unknown;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

interface Hold {
  method: string;
  path: RegExp;
  reached: () => void;
  released: Promise<void>;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  times: number;
}

export interface FakeDiscordOptions {
  applicationId?: string;
  botId?: string;
  /** Deadline for the waitFor* helpers: a missing call fails the test with a message instead of hanging. */
  waitTimeoutMs?: number;
}

export const FAKE_IDS = {
  application: '900000000000000001',
  bot: '900000000000000002',
  guild: '800000000000000001',
  channel: '700000000000000001',
  moderator: '600000000000000001',
  member: '600000000000000002',
} as const;

/** The fields of a Discord message object that every fake message shares. */
export function messageFields(): Record<string, unknown> {
  return { edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], components: [], pinned: false, type: 0 };
}

export class FakeDiscord {
  readonly calls: FakeCall[] = [];
  readonly frames: GatewayFrame[] = [];
  readonly applicationId: string;
  readonly botId: string;
  sessionId = 'session-1';
  /** Sequence of dispatches sent on the current session. */
  private seq = 0;
  private sessions = 0;
  private nextMessageId = 500000000000000000n;
  private readonly failures: Failure[] = [];
  private readonly holds: Hold[] = [];
  private readonly events = new EventEmitter();
  private readonly server = createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly waitTimeoutMs: number;
  /** Channel of each interaction token, so @original edits return a realistic message. */
  private readonly tokenChannels = new Map<string, string>();
  /** What GET /channels/:id answers for these ids (threads, in tests); any other id is a DM, as discord.js's send path expects. */
  readonly channels = new Map<string, Record<string, unknown>>();
  port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.applicationId = options.applicationId ?? FAKE_IDS.application;
    this.botId = options.botId ?? FAKE_IDS.bot;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 5000;
    this.events.setMaxListeners(100);
    this.server.on('upgrade', (req, socket, head) => {
      if (!(req.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** What DISCORD_API_BASE is set to. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls matching method and path answer with this status instead. */
  fail(method: string, path: RegExp, status: number, options: { body?: unknown; headers?: Record<string, string>; times?: number } = {}): void {
    this.failures.push({
      method,
      path,
      status,
      body: options.body ?? { message: `fake failure ${status}`, code: 0 },
      headers: options.headers ?? {},
      times: options.times ?? 1,
    });
  }

  /**
   * The next call matching method and path is held unanswered until `release()`: work still in flight while the
   * bot stops. `reached` resolves once that call has arrived.
   */
  hold(method: string, path: RegExp): { reached: Promise<void>; release: () => void } {
    let release: () => void = () => {};
    let reached: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ method, path, reached, released });
    return { reached: arrived, release };
  }

  /** Resolves with the first call (from index `from`) matching `predicate`, waiting for it if needed. */
  waitForCall(predicate: (call: FakeCall) => boolean, from = 0, label = 'a matching REST call'): Promise<FakeCall> {
    return this.waitFor('call', () => this.calls.slice(from).find(predicate), label);
  }

  waitForFrame(predicate: (frame: GatewayFrame) => boolean, from = 0, label = 'a matching gateway frame'): Promise<GatewayFrame> {
    return this.waitFor('frame', () => this.frames.slice(from).find(predicate), label);
  }

  /** Sends a dispatch (op 0) on the live gateway connection. */
  dispatch(t: string, d: unknown): void {
    if (!this.socket) throw new Error('fake discord: no gateway connection to dispatch on');
    if (t === 'INTERACTION_CREATE') this.rememberInteraction(d);
    this.send(this.socket, { op: 0, t, s: ++this.seq, d });
  }

  /** HTTP-mode tests call this so edits of @original know their channel. */
  rememberInteraction(d: unknown): void {
    const interaction = d as { token?: string; channel_id?: string };
    if (interaction.token) this.tokenChannels.set(interaction.token, interaction.channel_id ?? FAKE_IDS.channel);
  }

  /** Closes the gateway connection with `code` (4000 = unknown error: clients resume). */
  dropGateway(code = 4000): void {
    this.socket?.close(code, 'fake discord: dropped on purpose');
  }

  private waitFor<T>(event: string, find: () => T | undefined, label: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const hit = find();
        if (hit === undefined) return;
        clearTimeout(timer);
        this.events.off(event, check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.events.off(event, check);
        reject(new Error(`fake discord: timed out waiting for ${label}`));
      }, this.waitTimeoutMs);
      this.events.on(event, check);
    });
  }

  private send(ws: WebSocket, payload: GatewayFrame): void {
    ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private onGateway(ws: WebSocket): void {
    this.socket = ws;
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      if (this.socket === ws) this.socket = undefined;
    });
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as GatewayFrame;
      this.onFrame(ws, frame);
      this.frames.push(frame);
      this.events.emit('frame');
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: 41250 } });
  }

  private onFrame(ws: WebSocket, frame: GatewayFrame): void {
    switch (frame.op) {
      case 1:
        this.send(ws, { op: 11, d: null });
        return;
      case 2: {
        this.sessions += 1;
        this.sessionId = `session-${this.sessions}`;
        this.seq = 0;
        this.send(ws, {
          op: 0,
          t: 'READY',
          s: ++this.seq,
          d: {
            v: 10,
            user: { id: this.botId, username: 'Pinpoint', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
            guilds: [],
            session_id: this.sessionId,
            resume_gateway_url: this.gatewayUrl,
            shard: [0, 1],
            application: { id: this.applicationId, flags: 0 },
          },
        });
        return;
      }
      case 6: {
        const d = frame.d as { session_id?: string };
        if (d.session_id === this.sessionId) this.send(ws, { op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
        else this.send(ws, { op: 9, d: false });
        return;
      }
      default:
        return;
    }
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const method = req.method ?? 'GET';
    let body: unknown = raw;
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw !== '') body = JSON.parse(raw);

    const call: FakeCall = { method, path, query: url.search, headers: req.headers, body, status: 0 };
    const held = this.holds.findIndex((h) => h.method === method && h.path.test(path));
    if (held >= 0) {
      const [hold] = this.holds.splice(held, 1);
      hold?.reached();
      await hold?.released;
    }
    const failure = this.failures.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    let status: number;
    let reply: unknown;
    let headers: Record<string, string> = {};
    if (failure) {
      failure.times -= 1;
      status = failure.status;
      reply = failure.body;
      headers = failure.headers;
    } else {
      [status, reply] = this.route(method, path, body);
    }
    call.status = status;
    call.reply = reply;
    this.calls.push(call);
    if (status === 204) {
      res.writeHead(204, headers);
      res.end();
    } else {
      const text = JSON.stringify(reply);
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text);
    }
    this.events.emit('call');
  }

  private message(channelId: string, body: unknown): Record<string, unknown> {
    const b = (body ?? {}) as Record<string, unknown>;
    return {
      ...messageFields(),
      id: String(this.nextMessageId++),
      channel_id: channelId,
      author: { id: this.botId, username: 'Pinpoint', discriminator: '0', global_name: null, avatar: null, bot: true },
      content: b.content ?? '',
      timestamp: new Date().toISOString(),
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      flags: b.flags ?? 0,
      webhook_id: this.applicationId,
    };
  }

  private route(method: string, path: string, body: unknown): [number, unknown] {
    let m: RegExpExecArray | null;
    if (method === 'GET' && (path === '/gateway/bot' || path === '/gateway')) {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (method === 'GET' && path === '/applications/@me') return [200, { id: this.applicationId, name: 'Pinpoint', flags: 0 }];
    if (method === 'POST' && /^\/interactions\/[^/]+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    if ((m = /^\/webhooks\/([^/]+)\/([^/]+)\/messages\/@original$/.exec(path)) && method === 'PATCH') {
      return [200, this.message(this.tokenChannels.get(m[2] ?? '') ?? FAKE_IDS.channel, body)];
    }
    if (/^\/webhooks\/[^/]+\/[^/]+\/messages\/\d+$/.test(path) && method === 'DELETE') return [204, undefined];
    if ((m = /^\/webhooks\/([^/]+)\/([^/]+)$/.exec(path)) && method === 'POST') {
      return [200, this.message(this.tokenChannels.get(m[2] ?? '') ?? FAKE_IDS.channel, body)];
    }
    if (/^\/channels\/\d+\/messages\/pins\/\d+$/.test(path) && (method === 'PUT' || method === 'DELETE')) return [204, undefined];
    // A DM channel and plain channel messages: only discord.js's own send path uses them.
    if ((m = /^\/channels\/(\d+)$/.exec(path)) && method === 'GET') {
      const described = this.channels.get(m[1] ?? '');
      if (described) return [200, { id: m[1], ...described }];
      const recipient = { id: FAKE_IDS.member, username: 'member', discriminator: '0', global_name: null, avatar: null };
      return [200, { id: m[1], type: 1, last_message_id: null, recipients: [recipient] }];
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') return [200, this.message(m[1] ?? '', body)];
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = Array.isArray(body) ? body : [];
      return [200, commands.map((c: object, i: number) => ({ id: String(100 + i), application_id: this.applicationId, version: '1', ...c }))];
    }
    return [404, { message: `fake discord: no route for ${method} ${path}`, code: 0 }];
  }
}

export async function startFakeDiscord(options?: FakeDiscordOptions): Promise<FakeDiscord> {
  return new FakeDiscord(options).start();
}
