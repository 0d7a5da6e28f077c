// The CLI and `npm run discord:register` read .env as the bot does (adapters/env-file.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const TSX = path.resolve('node_modules/.bin/tsx');
const KB = path.resolve('tests/fixtures/core/kb');
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A working folder of its own: the commands read `.env` from where they run. */
function workingFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'pinpoint-cli-env-'));
  folders.push(folder);
  return folder;
}

async function runIn(cwd: string, script: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH, DATA_DIR: path.join(cwd, 'data') };
  return promisify(execFile)(TSX, [path.resolve(script), ...argv], { cwd, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
}

describe('.env for the CLI and discord:register', () => {
  it('reads a UTF-16 .env, as Windows PowerShell writes it, for the CLI\'s KNOWLEDGE_DIR', async () => {
    const cwd = workingFolder();
    writeFileSync(path.join(cwd, '.env'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`KNOWLEDGE_DIR=${KB}\r\n`, 'utf16le')]));
    const { code, stdout } = await runIn(cwd, 'bin/pinpoint.ts', ['index', '--check']);
    expect(stdout).toContain(`${KB}: 2 documents`);
    expect(code).toBe(0);
  });

  it.each([
    ['the CLI', 'bin/pinpoint.ts', ['index', '--check', '--knowledge', KB]],
    ['discord:register', 'adapters/discord/register-cli.ts', []],
  ])('names a misspelt variable in .env and the setting it resembles for %s, as the bot does', async (_name, script, argv) => {
    const cwd = workingFolder();
    writeFileSync(path.join(cwd, '.env'), 'LOG_LEVLE=debug\nDISCORD_BOT_TOKEN=abc\n');
    const { stderr } = await runIn(cwd, script, argv);
    expect(stderr).toContain(
      'pinpoint: .env sets LOG_LEVLE, which is no setting of Pinpoint: did you mean LOG_LEVEL? (ignored)\n' +
        'pinpoint: .env sets DISCORD_BOT_TOKEN, which is no setting of Pinpoint: did you mean DISCORD_TOKEN? (ignored)\n',
    );
  });

  it.each([
    ['the CLI', 'bin/pinpoint.ts', ['index', '--check', '--knowledge', KB]],
    ['discord:register', 'adapters/discord/register-cli.ts', []],
  ])('stops %s, naming the file, when .env cannot be read', async (_name, script, argv) => {
    const cwd = workingFolder();
    mkdirSync(path.join(cwd, '.env'));
    const { code, stdout, stderr } = await runIn(cwd, script, argv);
    expect(stderr).toContain(`cannot read ${path.join(cwd, '.env')}: it is a folder, not a file`);
    expect(stdout).toBe('');
    expect(code).toBe(1);
  });

  // The bot shows its --help whatever the .env; the CLI exited 1 naming the .env, without the usage asked for.
  it.each(['ask --help', 'index -h', 'help'])('shows the CLI\'s usage for "%s" when .env cannot be read', async (command) => {
    const cwd = workingFolder();
    mkdirSync(path.join(cwd, '.env'));
    const { code, stdout, stderr } = await runIn(cwd, 'bin/pinpoint.ts', command.split(' '));
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatch(/^usage:\n/);
  });

  it.each([
    ['the CLI', 'bin/pinpoint.ts', ['index', '--check', '--knowledge', KB]],
    ['discord:register', 'adapters/discord/register-cli.ts', []],
  ])('stops %s, naming the link, when .env links to a file that is not there', async (_name, script, argv) => {
    // A deploy's .env linked to a shared settings file that went missing: the commands ran with none of its settings.
    const cwd = workingFolder();
    symlinkSync('config/pinpoint.env', path.join(cwd, '.env'));
    const { code, stdout, stderr } = await runIn(cwd, script, argv);
    expect(stderr).toBe(`pinpoint: cannot read ${path.join(cwd, '.env')}: it is a link to config/pinpoint.env, which does not exist; fix it or remove it\n`);
    expect(stdout).toBe('');
    expect(code).toBe(1);
  });
});
