import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BOT_TOKEN,
  scratchDir,
  SIGNING_SECRET,
  slackEnv,
  slackHeaders,
  spawnPinpoint,
  startSlackStub,
  type LogLine,
  type SlackStub,
  type Spawned,
} from './main-harness.js';

interface MetricFamily {
  name: string;
  metrics: { value?: string; labels?: Record<string, string> }[];
}
const require = createRequire(import.meta.url);
const parsePrometheus = require('parse-prometheus-text-format') as (text: string) => MetricFamily[];

const ROOT = path.resolve('.');
const MAIN = path.join(ROOT, 'adapters', 'main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const KNOWLEDGE = path.join(ROOT, 'knowledge');

/** What `npm start` runs (tsx adapters/main.ts), as one process so signals reach it directly. */
function startMain(cwd: string, env: Record<string, string>, args: string[] = []): Spawned {
  return spawnPinpoint(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, env });
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function slashCommand(fields: { text: string; user: string; channel: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'case',
    channel_id: fields.channel,
    channel_name: 'general',
    user_id: fields.user,
    user_name: 'someone',
    command: '/ask',
    text: fields.text,
    api_app_id: 'A1',
    response_url: fields.responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** POSTs a signed Slack request, sending the body in two parts with `between` run in the middle. */
function postInTwoParts(
  port: number,
  body: string,
  between: () => Promise<void>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers: slackHeaders(body) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    between().then(() => req.end(body.slice(half)), reject);
  });
}

function isMsg(msg: string): (line: LogLine) => boolean {
  return (line) => line.msg === msg;
}

describe('adapters/main.ts in Slack HTTP mode', () => {
  it('serves health, readiness and metrics, answers, and on SIGTERM finishes the in-flight request and exits 0 within 5 s', async () => {
    const stub: SlackStub = await startSlackStub({ holdAuth: true });
    cleanups.push(() => stub.close());
    // LOG_LEVEL comes from the .env file: proves dotenv is read from the working directory.
    const scratch = scratchDir('LOG_LEVEL=debug\n');
    cleanups.push(() => scratch.remove());
    const app = startMain(
      scratch.dir,
      slackEnv(stub.url, { KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: path.join(scratch.dir, 'data') }),
    );
    cleanups.push(() => app.child.kill('SIGKILL'));

    const listening = await app.waitForLog(isMsg('listening'));
    const base = `http://127.0.0.1:${String(listening.port)}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // Slack's auth.test is held by the stub: the adapter is not connected, so not ready.
    await stub.waitForCall((call) => call.path === '/api/auth.test');
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', checks: { core: true, slack: false, accepting: true } });

    stub.releaseAuth();
    await app.waitForLog(isMsg('platform started'));
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { core: true, slack: true, accepting: true } });

    // One full question: acked, answered through response_url, counted in /metrics.
    const first = slashCommand({
      text: 'Who filed the class-action lawsuit?',
      user: 'U1',
      channel: 'C1',
      responseUrl: `${stub.url}/response/1`,
    });
    const ack = await fetch(`${base}/slack/events`, { method: 'POST', headers: slackHeaders(first), body: first });
    expect(ack.status).toBe(200);
    const answered = await stub.waitForCall((call) => call.path === '/response/1');
    expect(answered.body).toContain('Klein');

    const families = parsePrometheus(await (await fetch(`${base}/metrics`)).text());
    const questions = families.find((f) => f.name === 'pinpoint_questions_total');
    const asked = questions?.metrics.find(
      (m) => m.labels?.platform === 'slack' && m.labels.operation === 'ask' && m.labels.outcome === 'excerpts',
    );
    expect(asked?.value).toBe('1');
    const documents = families.find((f) => f.name === 'pinpoint_index_documents')?.metrics[0]?.value;
    expect(Number(documents)).toBeGreaterThan(0);

    // The second question is half sent when SIGTERM arrives; it must still be answered.
    const second = slashCommand({
      text: 'When did the partnership start?',
      user: 'U2',
      channel: 'C2',
      responseUrl: `${stub.url}/response/2`,
    });
    const response = await postInTwoParts(Number(listening.port), second, async () => {
      // The server has the request (headers and half the body) before the signal is sent.
      await app.waitForLog(
        (line) => line.msg === 'request started' && line.path === '/slack/events' && requestsTo(app, '/slack/events') >= 2,
      );
      app.child.kill('SIGTERM');
      await app.waitForLog(isMsg('shutting down'));
    });
    expect(response.status).toBe(200);
    const late = await stub.waitForCall((call) => call.path === '/response/2');
    expect(late.body).toContain('blocks');

    // Exit 0 means no shutdown step ran past its budget (SHUTDOWN_TIMEOUT_MS, default 4 s, then 1 s to close
    // the core): that is what bounds the exit. A clock here would measure how busy the machine is.
    const exit = await app.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(app.logs.find(isMsg('stopped'))).toMatchObject({ code: 0, reason: 'SIGTERM' });
    expect(app.stderr()).toBe('');

    // No secret and no question text reached the logs.
    const logText = JSON.stringify(app.logs);
    expect(logText).not.toContain(BOT_TOKEN);
    expect(logText).not.toContain(SIGNING_SECRET);
    const infoText = JSON.stringify(app.logs.filter((line) => line.level !== 'debug'));
    expect(infoText).not.toContain('class-action lawsuit');
    // A real process built by tsx, loading the real knowledge: on a busy machine this takes several times its usual 4 s.
  }, 60_000);
});

function requestsTo(app: Spawned, urlPath: string): number {
  return app.logs.filter((line) => line.msg === 'request started' && line.path === urlPath).length;
}

describe('adapters/main.ts stopped during start-up', () => {
  it('exits 0 on SIGTERM while Slack is still connecting', async () => {
    const stub = await startSlackStub({ holdAuth: true });
    cleanups.push(() => stub.close());
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const app = startMain(scratch.dir, slackEnv(stub.url, { KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: path.join(scratch.dir, 'data') }));
    cleanups.push(() => app.child.kill('SIGKILL'));
    await stub.waitForCall((call) => call.path === '/api/auth.test');
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.logs.find(isMsg('platform started'))).toBeUndefined();
    expect(app.logs.find(isMsg('stopped'))).toMatchObject({ reason: 'SIGTERM', code: 0 });
  });
});

describe('adapters/main.ts stopped while its modules load', () => {
  it('exits 0 at once on a SIGTERM that comes before the bot has installed its shutdown', async () => {
    // Node is PID 1 in Docker, where a signal with no handler is ignored: `docker stop` waited 10 s and killed it.
    // Elsewhere the signal killed the process (exit by SIGTERM, not 0).
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const signalWhileLoading = pathToFileURL(path.join(ROOT, 'tests', 'fixtures', 'signal-while-loading', 'register.mjs')).href;
    const app = spawnPinpoint(process.execPath, ['--import', TSX, '--import', signalWhileLoading, MAIN, '--check-config'], { cwd: scratch.dir, env: {} });
    cleanups.push(() => app.child.kill('SIGKILL'));
    expect(await app.exited).toEqual({ code: 0, signal: null });
  });
});

describe('adapters/main.ts stopped while indexing', () => {
  it('turns Slack away with 503 while the index is still loading, and exits 0 on SIGTERM without waiting for it', async () => {
    // Enough text that indexing takes seconds (about 5 s on an idle machine), far past the shutdown's wait for it.
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const knowledge = path.join(scratch.dir, 'knowledge');
    mkdirSync(knowledge);
    const court = path.join(ROOT, 'eval', 'court', 'knowledge');
    const text = readdirSync(court)
      .map((file) => readFileSync(path.join(court, file), 'utf8'))
      .join('\n\n');
    for (let copy = 0; copy < 80; copy += 1) {
      // A word in every 89th place made unique per copy, so no two copies index as the same passages.
      writeFileSync(path.join(knowledge, `copy-${copy}.txt`), text.replace(/\b(\w+)\b/g, (word, _w, at: number) => (at % 89 === 0 ? `${word}x${copy}` : word)));
    }
    const stub = await startSlackStub();
    cleanups.push(() => stub.close());
    const app = startMain(scratch.dir, slackEnv(stub.url, { KNOWLEDGE_DIR: knowledge, DATA_DIR: path.join(scratch.dir, 'data') }));
    cleanups.push(() => app.child.kill('SIGKILL'));
    const listening = await app.waitForLog(isMsg('listening'));
    // Slack's events route is mounted once the index is loaded: until then "not yet", which Slack retries, not 404.
    const early = await fetch(`http://127.0.0.1:${String(listening.port)}/slack/events`, { method: 'POST', body: 'x' });
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).not.toBeNull();
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.logs.find(isMsg('index loaded'))).toBeUndefined();
    expect(app.logs.filter((line) => line.level === 'error')).toEqual([]);
    expect(app.logs.find(isMsg('stopped'))).toMatchObject({ reason: 'SIGTERM', code: 0 });
  }, 60_000);
});

describe('adapters/main.ts with LOG_PRETTY=true', () => {
  it('writes readable lines without colour codes when stdout is no terminal (a file, a pipe, journald)', async () => {
    const stub = await startSlackStub();
    cleanups.push(() => stub.close());
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const app = startMain(scratch.dir, slackEnv(stub.url, { KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: path.join(scratch.dir, 'data'), LOG_PRETTY: 'true' }));
    cleanups.push(() => app.child.kill('SIGKILL'));
    const started = await app.waitForLog((line) => String(line.msg).includes('platform started'));
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    // Readable, not JSON: the harness keeps such lines as "(not JSON) …".
    expect(String(started.msg)).toMatch(/^\(not JSON\) .*INFO.*platform started/);
    expect(app.logs.filter((line) => String(line.msg).includes('\u001b['))).toEqual([]);
  });
});

describe('adapters/main.ts with two platforms', () => {
  it('serves Discord HTTP interactions and Slack on one port, ready only with both, and stops both on SIGTERM', async () => {
    const stub = await startSlackStub();
    cleanups.push(() => stub.close());
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const keys = generateKeyPairSync('ed25519');
    const jwk = keys.publicKey.export({ format: 'jwk' });
    const publicKeyHex = Buffer.from(String(jwk.x), 'base64url').toString('hex');
    const app = startMain(
      scratch.dir,
      slackEnv(stub.url, {
        KNOWLEDGE_DIR: KNOWLEDGE,
        DATA_DIR: path.join(scratch.dir, 'data'),
        DISCORD_PUBLIC_KEY: publicKeyHex,
        DISCORD_APPLICATION_ID: '123456789012345678',
        // Nothing may call this: HTTP interactions start without Discord's REST API.
        DISCORD_API_BASE: 'http://127.0.0.1:9/api',
      }),
    );
    cleanups.push(() => app.child.kill('SIGKILL'));
    const listening = await app.waitForLog(isMsg('listening'));
    expect(listening.platforms).toEqual(['discord:http', 'slack:http']);
    await app.waitForLog((line) => line.msg === 'platform started' && line.platform === 'slack');
    const base = `http://127.0.0.1:${String(listening.port)}`;

    const ready = await fetch(`${base}/readyz`);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { core: true, discord: true, slack: true, accepting: true },
    });

    const ping = JSON.stringify({ type: 1, id: '1', application_id: '123456789012345678', token: 't', version: 1 });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + ping), keys.privateKey).toString('hex');
    const pong = await fetch(`${base}/discord/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
      body: ping,
    });
    expect(pong.status).toBe(200);
    expect(await pong.json()).toEqual({ type: 1 });

    const families = parsePrometheus(await (await fetch(`${base}/metrics`)).text());
    const errors = families.find((f) => f.name === 'pinpoint_platform_errors_total');
    expect(errors?.metrics.map((m) => m.labels?.platform).sort()).toEqual(['discord', 'slack']);

    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.stderr()).toBe('');
    // Two real platforms in a real process: under load it outlasted the default 20 s (10 s alone).
  }, 60_000);
});

describe('adapters/main.ts start-up errors', () => {
  it('stops with one line naming a bad variable, exit 1 and no stack trace', async () => {
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const app = startMain(scratch.dir, { PORT: 'eighty', LOG_LEVEL: 'info' });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toBe(
      'pinpoint: a setting is invalid; fix it in .env or the environment (see .env.example)\n' +
        '  PORT="eighty": expected a whole number from 0 to 65535 (default 3000)\n',
    );
    expect(app.logs).toEqual([]);
  });

  it('exits 1 naming the variables to set when no platform is configured and stdin is not a terminal', async () => {
    const scratch = scratchDir('DISCORD_TOKEN=\nSLACK_BOT_TOKEN=\n');
    cleanups.push(() => scratch.remove());
    const app = startMain(scratch.dir, { KNOWLEDGE_DIR: KNOWLEDGE });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toBe(
      'pinpoint: no chat platform is configured and stdin is not a terminal for the console chat; set ' +
        'DISCORD_TOKEN (Discord gateway), DISCORD_PUBLIC_KEY + DISCORD_APPLICATION_ID (Discord HTTP interactions), ' +
        'SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (Slack HTTP) or SLACK_BOT_TOKEN + SLACK_APP_TOKEN (Slack Socket Mode) (see .env.example)\n',
    );
  });

  // .env is read from the working folder, which a service manager sets elsewhere than the checkout (systemd starts in
  // /): its settings were never read, and the message did not say so.
  it('says there is no .env where it was looked for, when no platform is configured', async () => {
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const app = startMain(scratch.dir, { KNOWLEDGE_DIR: KNOWLEDGE });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toMatch(/^pinpoint: no chat platform is configured and stdin is not a terminal for the console chat; set .* \(see \.env\.example\); /);
    expect(app.stderr()).toContain(`; there is no .env in ${realpathSync(scratch.dir)}, the working folder it is read from\n`);
  });

  it('exits 1 with the core message when the knowledge folder is missing, after releasing the port', async () => {
    const stub = await startSlackStub();
    cleanups.push(() => stub.close());
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const app = startMain(scratch.dir, slackEnv(stub.url, { KNOWLEDGE_DIR: path.join(scratch.dir, 'nowhere') }));
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toMatch(/^pinpoint: .*nowhere.*\n$/);
    expect(app.stderr()).not.toContain('    at ');
    expect(app.logs.find(isMsg('stopped'))).toMatchObject({ reason: 'start-up failed', code: 1 });
  });
});

describe('npm start -- --check-config', () => {
  it('prints the effective settings with secrets masked and exits 0', async () => {
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const app = spawnPinpoint('npm', ['start', '--silent', '--', '--check-config'], {
      cwd: ROOT,
      env: slackEnv('http://127.0.0.1:9', { PORT: '8080', HOME: scratch.dir }),
    });
    expect(await app.exited).toEqual({ code: 0, signal: null });
    const lines = app.logs.map((line) => String(line.msg));
    expect(lines).toContain('(not JSON) PORT=8080');
    expect(lines).toContain('(not JSON) SLACK_BOT_TOKEN=(set, hidden)');
    expect(lines).toContain('(not JSON) SLACK_SIGNING_SECRET=(set, hidden)');
    expect(lines).toContain('(not JSON) SLACK_API_URL=http://127.0.0.1:9/api/');
    expect(lines.some((line) => line.includes('slack (http)'))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain(BOT_TOKEN);
    expect(JSON.stringify(lines)).not.toContain(SIGNING_SECRET);
  });
});

describe('.env saved as UTF-16', () => {
  it.each([
    ['little-endian, as Windows PowerShell\'s > writes it', 'utf16le'],
    ['big-endian', 'utf16be'],
  ] as const)('reads its settings (%s) instead of ignoring the whole file', async (_name, order) => {
    const text = '\uFEFFPORT=4321\r\nSLACK_COMMAND=/case\r\n';
    const bytes = Buffer.from(text, 'utf16le');
    if (order === 'utf16be') bytes.swap16();
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    writeFileSync(path.join(scratch.dir, '.env'), bytes);
    const app = startMain(scratch.dir, {}, ['--check-config']);
    expect(await app.exited).toEqual({ code: 0, signal: null });
    const lines = app.logs.map((line) => String(line.msg));
    expect(lines).toContain('(not JSON) PORT=4321');
    expect(lines).toContain('(not JSON) SLACK_COMMAND=/case');
  });
});

describe('.env with a misspelt setting', () => {
  it('names it and the setting it resembles on stderr, and leaves other variables alone', async () => {
    const scratch = scratchDir('LOG_LEVLE=debug\nDISCORD_BOT_TOKEN=abc\nTZ=UTC\nPORT=4321\n');
    cleanups.push(() => scratch.remove());
    const app = startMain(scratch.dir, {}, ['--check-config']);
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.stderr()).toBe(
      'pinpoint: .env sets LOG_LEVLE, which is no setting of Pinpoint: did you mean LOG_LEVEL? (ignored)\n' +
        'pinpoint: .env sets DISCORD_BOT_TOKEN, which is no setting of Pinpoint: did you mean DISCORD_TOKEN? (ignored)\n',
    );
    expect(app.logs.map((line) => String(line.msg))).toContain('(not JSON) PORT=4321');
  });
});

describe('.env that cannot be read', () => {
  it('stops naming the file, rather than starting with none of its settings', async () => {
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    // What `docker run -v "$PWD/.env:/app/.env"` leaves when the file is missing on the host: a folder.
    mkdirSync(path.join(scratch.dir, '.env'));
    const app = startMain(scratch.dir, {}, ['--check-config']);
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toBe(`pinpoint: cannot read ${path.join(scratch.dir, '.env')}: it is a folder, not a file; fix it or remove it\n`);
    expect(app.logs).toEqual([]);
  });
});

describe('npm start arguments', () => {
  it.each([[['--help']], [['-h']], [['--check-config', '--help']]])('prints the usage on stdout and exits 0 for %j, whatever the settings', async (args) => {
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    // A bad setting would stop start-up with exit 1: the usage comes before the settings are read.
    const app = startMain(scratch.dir, { PORT: 'eighty', npm_lifecycle_event: 'start' }, args);
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.stderr()).toBe('');
    const lines = app.logs.map((line) => String(line.msg));
    expect(lines[0]).toBe('(not JSON) usage: npm start [-- --check-config]');
    expect(lines.some((line) => line.startsWith('(not JSON)   --check-config '))).toBe(true);
    expect(lines.some((line) => line.includes('README.md'))).toBe(true);
  });

  it.each([[['--check-confg']], [['--port=3000']], [['start']], [['--check-config', '--verbose']]])(
    'refuses %j with the usage on stderr and exit 2, before starting anything',
    async (args) => {
      const stub = await startSlackStub();
      cleanups.push(() => stub.close());
      const scratch = scratchDir();
      cleanups.push(() => scratch.remove());
      const dataDir = path.join(scratch.dir, 'data');
      // Settings that would start Slack: had it started, it would call auth.test on the stub.
      const app = startMain(scratch.dir, slackEnv(stub.url, { KNOWLEDGE_DIR: KNOWLEDGE, DATA_DIR: dataDir, LOG_LEVEL: 'info', npm_lifecycle_event: 'start' }), args);
      cleanups.push(() => app.child.kill('SIGKILL'));
      const started = stub.waitForCall((call) => call.path.endsWith('/auth.test')).then(() => 'started Slack' as const);
      expect(await Promise.race([app.exited, started])).toEqual({ code: 2, signal: null });
      const unknown = args.find((arg) => arg !== '--check-config');
      expect(app.stderr()).toMatch(new RegExp(`^pinpoint: npm start does not take "${unknown}"\nusage: npm start \\[-- --check-config\\]\n`));
      expect(app.logs).toEqual([]);
      expect(stub.calls).toEqual([]);
      expect(existsSync(dataDir)).toBe(false);
    },
  );

  it('shows the usage in the form it was run, not npm start, when run directly (as the Docker image runs it)', async () => {
    const scratch = scratchDir();
    cleanups.push(() => scratch.remove());
    const help = startMain(scratch.dir, {}, ['--help']);
    expect(await help.exited).toEqual({ code: 0, signal: null });
    expect(help.logs.map((line) => String(line.msg))[0]).toBe(`(not JSON) usage: npx tsx ${MAIN} [--check-config]`);
    const wrong = startMain(scratch.dir, {}, ['--', '--check-config']);
    expect(await wrong.exited).toEqual({ code: 2, signal: null });
    expect(wrong.stderr()).toMatch(new RegExp(`^pinpoint: npx tsx ${MAIN} does not take "--"\nusage: npx tsx ${MAIN} \\[--check-config\\]\n`));
  });
});
