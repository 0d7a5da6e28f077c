import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { TEXT } from '../adapters/discord/text.js';
import { FAKE_IDS, startFakeDiscord, type FakeCall, type FakeDiscord } from './fakes/discord.js';
import { createSigner, signatureHeaders } from './fakes/discord-http.js';
import { askPayload, buttonPayload, PERMS } from './fakes/discord-payloads.js';

/**
 * The whole product as `npm start` runs it (adapters/main.ts through tsx), with Discord credentials in
 * the environment and DISCORD_API_BASE pointing at the local fake: what the "done when" asks.
 */

const KNOWLEDGE = path.resolve('tests/fixtures/discord/knowledge');
const QUESTION = 'What did Netflix send Facebook in return?';

let fake: FakeDiscord;
let dataDir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  fake = await startFakeDiscord({ waitTimeoutMs: 15000 });
});

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  child = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

afterAll(async () => {
  await fake?.close();
});

/** Starts the bot and resolves with its log lines so far once a log line matches `ready`. */
async function start(env: Record<string, string>, ready: RegExp): Promise<{ lines: string[] }> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'pinpoint-start-'));
  const proc = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('adapters/main.ts')], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      KNOWLEDGE_DIR: KNOWLEDGE,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LOG_PRETTY: 'false',
      DISCORD_API_BASE: fake.apiBase,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const lines: string[] = [];
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let buffered = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts);
      if (parts.some((line) => ready.test(line))) resolve({ lines });
    });
    proc.on('exit', (code) => reject(new Error(`bot exited with ${String(code)} before it was ready:\n${stderr}\n${lines.join('\n')}`)));
  });
}

const body = (call: FakeCall) => call.body as { content?: string; embeds?: { description?: string }[]; components?: { components: { custom_id: string }[] }[] };
const pinButton = (call: FakeCall): string =>
  (body(call).components ?? []).flatMap((r) => r.components.map((c) => c.custom_id)).find((id) => id.startsWith('pp:p:')) ?? '';
const editOf = (token: unknown, from: number) =>
  fake.waitForCall((c) => c.method === 'PATCH' && c.path === `/webhooks/${FAKE_IDS.application}/${String(token)}/messages/@original`, from);

describe('npm start with Discord credentials', () => {
  it('logs in over the gateway, answers /ask with a cited quote, pins for a moderator and refuses a member', async () => {
    const mark = fake.frames.length;
    const start0 = fake.calls.length;
    const { lines } = await start({ DISCORD_TOKEN: 'start-token' }, /"msg":"platform started"/);
    await fake.waitForFrame((f) => f.op === 2 && (f.d as { token?: string }).token === 'start-token', mark, 'IDENTIFY');

    const ask = askPayload(QUESTION);
    let from = fake.calls.length;
    fake.dispatch('INTERACTION_CREATE', ask);
    const answer = await editOf(ask.token, from);
    expect(body(answer).embeds?.[0]?.description).toContain('**[1]** Klein v. Meta Platforms: Amended Complaint (excerpt) · complaint · 2023-04-14 · ¶ 3');

    from = fake.calls.length;
    const refused = buttonPayload(pinButton(answer), { permissions: PERMS.member });
    fake.dispatch('INTERACTION_CREATE', refused);
    const callback = await fake.waitForCall((c) => c.path === `/interactions/${String(refused.id)}/${String(refused.token)}/callback`, from);
    expect((callback.body as { data: { content: string } }).data.content).toBe(TEXT.notModerator);

    from = fake.calls.length;
    const pinned = buttonPayload(pinButton(answer), { permissions: PERMS.moderator, messageId: '400000000000000123' });
    fake.dispatch('INTERACTION_CREATE', pinned);
    await fake.waitForCall((c) => c.method === 'PUT' && c.path === `/channels/${FAKE_IDS.channel}/messages/pins/400000000000000123`, from);
    const pins = fake.calls.slice(start0).filter((c) => c.method === 'PUT' && c.path.includes('/messages/pins/'));
    expect(pins.map((c) => c.path)).toEqual([`/channels/${FAKE_IDS.channel}/messages/pins/400000000000000123`]);
    // At info level the log carries sizes and timings, never what people typed.
    expect(lines.join('\n')).not.toContain('Netflix send Facebook');
  }, 30000);

  it('serves signed HTTP interactions on PORT with the same behaviour', async () => {
    const signer = createSigner();
    const { lines } = await start(
      { DISCORD_PUBLIC_KEY: signer.publicKeyHex, DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_TOKEN: 'start-token' },
      /"msg":"platform started"/,
    );
    const port = lines.map((line) => /"msg":"listening"/.test(line) && (JSON.parse(line) as { port?: number }).port).find(Boolean);
    expect(port).toBeGreaterThan(0);
    const post = async (payload: Record<string, unknown>, headers?: Record<string, string>) => {
      const raw = JSON.stringify(payload);
      fake.rememberInteraction(payload);
      const res = await fetch(`http://127.0.0.1:${String(port)}/discord/interactions`, { method: 'POST', headers: headers ?? signatureHeaders(signer, raw), body: raw });
      return { status: res.status, json: (await res.json()) as { type?: number; data?: { content?: string } } };
    };

    expect(await post({ id: '1', application_id: FAKE_IDS.application, type: 1, token: 't', version: 1 })).toEqual({ status: 200, json: { type: 1 } });
    const forged = await post({ id: '1', type: 1 }, { ...signatureHeaders(createSigner(), '{}'), 'content-type': 'application/json' });
    expect(forged.status).toBe(401);

    const ask = askPayload(QUESTION);
    let from = fake.calls.length;
    expect((await post(ask)).json).toEqual({ type: 5, data: {} });
    const answer = await editOf(ask.token, from);
    expect(body(answer).embeds?.[0]?.description).toContain('¶ 3');

    expect((await post(buttonPayload(pinButton(answer), { permissions: PERMS.member }))).json.data?.content).toBe(TEXT.notModerator);
    from = fake.calls.length;
    expect((await post(buttonPayload(pinButton(answer), { permissions: PERMS.moderator, messageId: '400000000000000124' }))).json).toEqual({
      type: 5,
      data: { flags: 64 },
    });
    await fake.waitForCall((c) => c.method === 'PUT' && c.path === `/channels/${FAKE_IDS.channel}/messages/pins/400000000000000124`, from);
  }, 30000);
});
