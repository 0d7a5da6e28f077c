import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, discordCommands, inviteUrl, registerCommands } from '../adapters/discord/index.js';
import { FAKE_IDS, startFakeDiscord, type FakeDiscord } from './fakes/discord.js';

const run = promisify(execFile);

let fake: FakeDiscord;
let emptyDir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  emptyDir = mkdtempSync(path.join(tmpdir(), 'pinpoint-register-'));
});

afterAll(async () => {
  await fake?.close();
  rmSync(emptyDir, { recursive: true, force: true });
});

const SCRIPT = path.resolve('adapters/discord/register-cli.ts');

/** Runs `npm run discord:register` (register-cli.ts through tsx) with only these variables set. */
async function runRegister(env: Record<string, string>, argv: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(path.resolve('node_modules/.bin/tsx'), [SCRIPT, ...argv], { cwd: emptyDir, env: { PATH: process.env.PATH, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
}

interface Command {
  name: string;
  type: number;
  default_member_permissions?: string;
  options?: { name: string; autocomplete?: boolean; max_length?: number; required?: boolean }[];
}

describe('discord commands', () => {
  it('defines /ask, /source, /docs, /pins, /report and the Find sources message command', () => {
    const commands = discordCommands as Command[];
    expect(commands.map((c) => `${c.type}:${c.name}`)).toEqual(['1:ask', '1:source', '1:docs', '1:pins', '1:report', '3:Find sources']);
    const ask = commands[0];
    expect(ask?.options?.map((o) => [o.name, o.required, o.autocomplete ?? false, o.max_length])).toEqual([
      ['question', true, true, 300],
      ['private', false, false, undefined],
    ]);
  });

  it('gives moderator-only commands exactly one permission bit', () => {
    for (const command of discordCommands as Command[]) {
      if (command.default_member_permissions === undefined) continue;
      const bits = BigInt(command.default_member_permissions);
      expect(bits & (bits - 1n)).toBe(0n);
      expect(bits).toBeGreaterThan(0n);
    }
    const moderatorOnly = (discordCommands as Command[]).filter((c) => c.default_member_permissions !== undefined);
    expect(moderatorOnly.map((c) => [c.name, c.default_member_permissions])).toEqual([
      ['report', '8192'],
      ['Find sources', '8192'],
    ]);
  });

  it('builds an invite link with the bot and commands scopes and the minimal permissions', () => {
    expect(BOT_PERMISSIONS).toBe((1n << 10n) | (1n << 51n));
    expect(inviteUrl('42')).toBe(
      'https://discord.com/oauth2/authorize?client_id=42&scope=bot+applications.commands&permissions=2251799813686272',
    );
  });

  it('registers to one server when a guild id is given, looking up the application id', async () => {
    const from = fake.calls.length;
    const result = await registerCommands({ token: 'tok', apiBase: fake.apiBase, guildId: FAKE_IDS.guild });
    expect(result).toEqual({ applicationId: FAKE_IDS.application, scope: 'guild', commands: 6 });
    const put = fake.calls.slice(from).find((c) => c.method === 'PUT');
    expect(put?.path).toBe(`/applications/${FAKE_IDS.application}/guilds/${FAKE_IDS.guild}/commands`);
    expect(put?.headers.authorization).toBe('Bot tok');
    expect(put?.body).toEqual(discordCommands);
  });

  it('names the fix when Discord refuses the commands', async () => {
    fake.fail('PUT', /\/commands$/, 403, { body: { message: 'Missing Access', code: 50001 } });
    await expect(registerCommands({ token: 'tok', apiBase: fake.apiBase, applicationId: '77', guildId: '88' })).rejects.toThrow(
      'pinpoint: Discord refused the commands for application 77 in server 88 (Missing Access); check DISCORD_TOKEN, DISCORD_APPLICATION_ID and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope',
    );
  });

  it('registers with a DISCORD_API_BASE written with a trailing slash, as SLACK_API_URL is', async () => {
    const from = fake.calls.length;
    const { code } = await runRegister({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_API_BASE: `${fake.apiBase}/` });
    expect(code).toBe(0);
    expect(fake.calls.slice(from).map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${FAKE_IDS.application}/commands`]);
  });

  it.each(['/v10', '/v10/'])('registers with a DISCORD_API_BASE ending in the API version (%s), as Discord\'s docs write it', async (version) => {
    const from = fake.calls.length;
    const { code } = await runRegister({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_API_BASE: `${fake.apiBase}${version}` });
    expect(code).toBe(0);
    expect(fake.calls.slice(from).map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${FAKE_IDS.application}/commands`]);
  });

  it('registers globally from the script and prints the invite link', async () => {
    const from = fake.calls.length;
    const { code, stdout } = await runRegister({ DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_API_BASE: fake.apiBase });
    expect(code).toBe(0);
    expect(stdout).toBe(
      `Registered 6 commands (/ask, /source, /docs, /pins, /report, Find sources) globally (Discord can take up to an hour to show them everywhere) for application ${FAKE_IDS.application}.\n` +
        `Invite the bot with the minimal permissions (View Channel, Pin Messages):\n${inviteUrl(FAKE_IDS.application)}\n`,
    );
    expect(fake.calls.slice(from).map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${FAKE_IDS.application}/commands`]);
  });

  it('prints its usage on --help and exits 2 on any other argument, registering nothing either way', async () => {
    const from = fake.calls.length;
    const env = { DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_API_BASE: fake.apiBase };
    // As `npm run discord:register` runs it.
    const viaNpm = { ...env, npm_lifecycle_event: 'discord:register' };
    const help = await runRegister(viaNpm, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run discord:register\n/);
    const typo = await runRegister(viaNpm, ['--guild']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^pinpoint: npm run discord:register does not take "--guild"\nusage: npm run discord:register\n/);
    expect(fake.calls.slice(from)).toEqual([]);
  });

  it('shows its usage in the form it was run, not npm run, when run directly (as in the Docker image)', async () => {
    const from = fake.calls.length;
    const env = { DISCORD_TOKEN: 'tok', DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_API_BASE: fake.apiBase };
    // Run from outside the checkout, the script is named by its absolute path.
    const help = await runRegister(env, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe(`usage: npx tsx ${SCRIPT}`);
    const wrong = await runRegister(env, ['--guild']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.split('\n').slice(0, 2)).toEqual([`pinpoint: npx tsx ${SCRIPT} does not take "--guild"`, `usage: npx tsx ${SCRIPT}`]);
    expect(fake.calls.slice(from)).toEqual([]);
  });

  it('exits 1 naming the missing token', async () => {
    const { code, stderr } = await runRegister({ DISCORD_API_BASE: fake.apiBase });
    expect(code).toBe(1);
    expect(stderr).toBe('pinpoint: DISCORD_TOKEN is not set; copy the bot token from the Developer Portal (Bot → Reset Token) into .env\n');
  });

  it('exits 1 naming DISCORD_TOKEN when Discord refuses it', async () => {
    fake.fail('GET', /^\/applications\/@me$/, 401, { body: { message: '401: Unauthorized', code: 0 } });
    const { code, stdout, stderr } = await runRegister({ DISCORD_TOKEN: 'bad', DISCORD_API_BASE: fake.apiBase });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe('pinpoint: Discord refused DISCORD_TOKEN (401: Unauthorized); copy the bot token from the Developer Portal (Bot → Reset Token) into .env\n');
  });

  it('exits 1 naming DISCORD_API_BASE when Discord cannot be reached', async () => {
    // Nothing listens on port 9 (discard): the connection is refused, as an unreachable host would fail.
    const { code, stdout, stderr } = await runRegister({ DISCORD_TOKEN: 'tok', DISCORD_API_BASE: 'http://127.0.0.1:9/api' });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/^pinpoint: cannot reach Discord at http:\/\/127\.0\.0\.1:9\/api \([^)\n]*ECONNREFUSED[^)\n]*\); check the network, or DISCORD_API_BASE if it is set\n$/);
  });
});
