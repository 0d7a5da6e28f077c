// Shared by tests/main.test.ts and tests/docker.test.ts: a local Slack Web API stub, a spawned
// Pinpoint process whose JSON log lines the tests wait on, and Slack request signing.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-111-222-faketoken';

export interface StubCall {
  path: string;
  body: string;
}

/** A Slack Web API stub on 127.0.0.1: `auth.test` answers ok (optionally held until released). */
export interface SlackStub {
  url: string;
  calls: StubCall[];
  waitForCall(predicate: (call: StubCall) => boolean): Promise<StubCall>;
  releaseAuth(): void;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startSlackStub(options: { holdAuth?: boolean } = {}): Promise<SlackStub> {
  const calls: StubCall[] = [];
  const waiters: { predicate: (call: StubCall) => boolean; resolve: (call: StubCall) => void }[] = [];
  let releaseAuth: () => void = () => {};
  const authGate = options.holdAuth ? new Promise<void>((resolve) => (releaseAuth = resolve)) : Promise.resolve();

  const server: Server = createServer((req, res) => {
    void readAll(req).then(async (body) => {
      const call = { path: req.url ?? '/', body };
      calls.push(call);
      for (const waiter of waiters.splice(0)) {
        if (waiter.predicate(call)) waiter.resolve(call);
        else waiters.push(waiter);
      }
      if (call.path.endsWith('/auth.test')) await authGate;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          call.path.endsWith('/auth.test')
            ? { ok: true, url: 'https://t.slack.com/', team: 'T', user: 'pinpoint', team_id: 'T1', user_id: 'U0BOT', bot_id: 'B1' }
            : { ok: true },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    waitForCall(predicate) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    releaseAuth: () => releaseAuth(),
    close: () =>
      new Promise<void>((resolve) => {
        releaseAuth();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type LogLine = Record<string, unknown> & { msg?: string; level?: string };

export interface Spawned {
  child: ChildProcess;
  logs: LogLine[];
  stderr(): string;
  /** Resolves with the first log line (past or future) matching; rejects when the process ends first. */
  waitForLog(predicate: (line: LogLine) => boolean): Promise<LogLine>;
  /** Resolves once the process has exited and everything it wrote to stdout and stderr has been read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A scratch folder to run in: the process reads its .env from here, and DATA_DIR lives here. */
export function scratchDir(envFile?: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pinpoint-main-'));
  if (envFile !== undefined) writeFileSync(path.join(dir, '.env'), envFile);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs a command with only the given variables (plus PATH), so a developer's own .env or tokens never leak in. */
export function spawnPinpoint(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Spawned {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  let stderr = '';
  const waiters: { predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void; reject: (e: Error) => void }[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (text.trim() === '') continue;
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: `(not JSON) ${text}` };
      }
      logs.push(line);
      for (const waiter of waiters.splice(0)) {
        if (waiter.predicate(line)) waiter.resolve(line);
        else waiters.push(waiter);
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let closed = false;
  // 'close', not 'exit': at 'exit' the pipes may still hold the last lines, which assertions on stderr and logs need.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      closed = true;
      for (const waiter of waiters.splice(0)) {
        waiter.reject(new Error(`process exited (${code ?? signal}) first; stderr: ${stderr}`));
      }
      resolve({ code, signal });
    });
  });
  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(predicate) {
      const found = logs.find(predicate);
      if (found) return Promise.resolve(found);
      if (closed) {
        return Promise.reject(new Error(`process already exited; stderr: ${stderr}`));
      }
      return new Promise((resolve, reject) => waiters.push({ predicate, resolve, reject }));
    },
  };
}

/** Headers Slack would send for `body` signed with `secret` now. */
export function slackHeaders(body: string, secret = SIGNING_SECRET): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signature,
  };
}

/** The environment of Slack HTTP mode against the stub. */
export function slackEnv(stubUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${stubUrl}/api/`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_PRETTY: 'false',
    ...extra,
  };
}
