import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { ValidationSeverity, type ValidatorSettings, validate } from 'dockerfile-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startFakeDiscord } from './fakes/discord.js';
import { parseConfig } from '../src/config.js';
import { type SlackStub, type Spawned, slackEnv, spawnPinpoint, startSlackStub } from './main-harness.js';

const ROOT = path.resolve('.');
const DOCKERFILE = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

/** Every rule of the linter, as an error. */
const STRICT: Required<ValidatorSettings> = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

function lint(content: string): string[] {
  return validate(content, STRICT).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
}

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions per build stage (from each FROM on), continuation lines joined and comments dropped. */
function stages(content: string): Instruction[][] {
  const logical: string[] = [];
  let current = '';
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && current === '')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(current + line);
    current = '';
  }
  const result: Instruction[][] = [];
  for (const line of logical.filter((l) => l !== '')) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const instruction = { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    // ARGs before the first FROM belong to no stage: they only parameterise the FROM lines.
    if (instruction.keyword === 'FROM') result.push([]);
    result.at(-1)?.push(instruction);
  }
  return result;
}

const STAGES = stages(DOCKERFILE);
const FINAL = STAGES.at(-1) ?? [];
const ofKind = (keyword: string, stage = FINAL) => stage.filter((i) => i.keyword === keyword);

/** `ENV A=1 B=2` of a stage (the final one by default) as a record. */
function imageEnv(stage = FINAL): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of ofKind('ENV', stage)) {
    for (const pair of instruction.args.split(/\s+/)) {
      const [key, ...value] = pair.split('=');
      if (key) env[key] = value.join('=');
    }
  }
  return env;
}

function execForm(args: string): string[] {
  return JSON.parse(args) as string[];
}

describe('Dockerfile', () => {
  it('lints clean with every dockerfile-utils rule as an error', () => {
    expect(lint(DOCKERFILE)).toEqual([]);
  });

  it('is checked by a linter that does flag broken instructions', () => {
    expect(lint('FROM node:24-slim\nMAINTAINER me\nEXPOSE web\nWORKDIR app\n')).toEqual([
      'line 2: MAINTAINER has been deprecated',
      'line 3: Invalid containerPort: web',
      'line 4: WORKDIR paths should be absolute',
    ]);
  });

  it('builds in one stage and runs from a second on the same current Node LTS slim base', () => {
    expect(STAGES.length).toBe(2);
    const version = /^ARG NODE_VERSION=(\d+)$/m.exec(DOCKERFILE)?.[1];
    const major = Number(version);
    // An even major is an LTS line; package.json engines is ">=20.19 <25".
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(major).toBeLessThan(25);
    for (const stage of STAGES) expect(ofKind('FROM', stage)[0]?.args).toMatch(/^node:\$\{NODE_VERSION\}-slim AS \w+$/);
  });

  it('installs build tools for better-sqlite3 only in the build stage, without recommends or apt lists', () => {
    const build = STAGES[0] ?? [];
    const apt = ofKind('RUN', build).find((i) => i.args.includes('apt-get install'));
    expect(apt?.args).toContain('--no-install-recommends python3 make g++');
    expect(apt?.args).toContain('rm -rf /var/lib/apt/lists/*');
    expect(ofKind('RUN', build).map((i) => i.args)).toContain('npm ci --no-audit --no-fund');
    expect(ofKind('RUN').some((i) => i.args.includes('apt-get'))).toBe(false);
  });

  it('compiles better-sqlite3 with what the npm registry and the base image hold: no GitHub, no nodejs.org', () => {
    const build = STAGES[0] ?? [];
    // prebuild-install (its install script) skips the GitHub download for the package named here, and node-gyp
    // takes the headers from nodedir instead of downloading them; official node images are installed in /usr/local.
    expect(imageEnv(build)).toMatchObject({ npm_config_build_from_source: 'better-sqlite3', npm_config_nodedir: '/usr/local' });
    const position = (match: (i: Instruction) => boolean) => build.findIndex(match);
    expect(position((i) => i.keyword === 'ENV' && i.args.includes('npm_config_nodedir'))).toBeLessThan(
      position((i) => i.keyword === 'RUN' && i.args.startsWith('npm ci')),
    );
    // Build-time settings only: the runtime stage installs nothing.
    expect(Object.keys(imageEnv()).filter((key) => key.startsWith('npm_config_'))).toEqual([]);
  });

  it('keeps only production dependencies and the compiled output in the final stage', () => {
    const prune = ofKind('RUN', STAGES[0]).find((i) => i.args.startsWith('npm prune'));
    expect(prune?.args).toContain('--omit=dev');
    // The native binding itself must survive the trimming.
    expect(prune?.args).not.toMatch(/better-sqlite3\/build\/Release(\s|$)/);
    expect(ofKind('COPY').map((i) => i.args)).toEqual([
      '--from=build /app/package.json ./package.json',
      '--from=build /app/node_modules ./node_modules',
      '--from=build /app/dist ./dist',
      'knowledge ./knowledge',
    ]);
  });

  it('runs as the unprivileged node user with DATA_DIR as a volume and knowledge baked in', () => {
    expect(ofKind('USER').map((i) => i.args)).toEqual(['node']);
    const env = imageEnv();
    expect(env).toEqual({ NODE_ENV: 'production', KNOWLEDGE_DIR: '/app/knowledge', DATA_DIR: '/data', PORT: '3000' });
    expect(ofKind('VOLUME').map((i) => i.args)).toEqual(['["/data"]']);
    expect(ofKind('EXPOSE').map((i) => i.args)).toEqual(['3000']);
  });

  it('bakes in no secret', () => {
    const declared = [...ofKind('ENV'), ...STAGES.flatMap((s) => ofKind('ARG', s))].map((i) => i.args).join(' ');
    expect(declared).not.toMatch(/TOKEN|SECRET|PUBLIC_KEY|PASSWORD/i);
    expect(DOCKERFILE).not.toMatch(/COPY[^\n]*\.env/);
  });

  it('runs node directly (exec form) so SIGTERM reaches the process', () => {
    expect(ofKind('CMD').map((i) => execForm(i.args))).toEqual([['node', 'dist/adapters/main.js']]);
    expect(ofKind('ENTRYPOINT')).toEqual([]);
  });
});

describe('.dockerignore', () => {
  it('keeps secrets, local state and build output out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.env', '.env.*', '!.env.example', 'node_modules', 'dist', 'data', '.git']) {
      expect(ignored).toContain(entry);
    }
    // The image needs these: they must not be ignored.
    for (const needed of ['src', 'adapters', 'bin', 'knowledge', 'package.json', 'package-lock.json']) {
      expect(ignored).not.toContain(needed);
    }
  });
});

/** The variables `docker run --env-file FILE` sets: every `KEY=VALUE` line taken literally, `#` lines skipped. */
function envFileValues(content: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of content.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const equals = line.indexOf('=');
    values[equals === -1 ? line : line.slice(0, equals)] = equals === -1 ? '' : line.slice(equals + 1);
  }
  return values;
}

describe('docker run --env-file .env', () => {
  it('keeps the image\'s paths and port when .env is a copy of .env.example', () => {
    const image = imageEnv();
    const config = parseConfig({ ...image, ...envFileValues(readFileSync(path.join(ROOT, '.env.example'), 'utf8')) });
    expect({ KNOWLEDGE_DIR: config.KNOWLEDGE_DIR, DATA_DIR: config.DATA_DIR, PORT: String(config.PORT) }).toEqual({
      KNOWLEDGE_DIR: image.KNOWLEDGE_DIR,
      DATA_DIR: image.DATA_DIR,
      PORT: image.PORT,
    });
  });
});

describe('README: docker run --env-file .env written for npm start', () => {
  it('restores every setting the image fixes with the -e flags it gives, HOST included', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const advice = /`(-e KNOWLEDGE_DIR=[^`]*)` after `--env-file \.env`/.exec(readme)?.[1] ?? '';
    const flags = Object.fromEntries([...advice.matchAll(/-e (\w+)=(\S*)/g)].map((m) => [m[1], m[2] ?? '']));
    // A .env for npm start on a laptop: local paths, another port, this machine only.
    const dotEnv = { KNOWLEDGE_DIR: './kb', DATA_DIR: './state', PORT: '8080', HOST: '127.0.0.1' };
    const image = imageEnv();
    const config = parseConfig({ ...image, ...dotEnv, ...flags });
    expect({ KNOWLEDGE_DIR: config.KNOWLEDGE_DIR, DATA_DIR: config.DATA_DIR, PORT: String(config.PORT), HOST: config.HOST }).toEqual({
      KNOWLEDGE_DIR: image.KNOWLEDGE_DIR,
      DATA_DIR: image.DATA_DIR,
      PORT: image.PORT,
      HOST: undefined,
    });
  });
});

function run(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** `node` in the image's commands is this Node. */
const resolveNode = (argv: string[]): [string, string[]] => [argv[0] === 'node' ? process.execPath : (argv[0] ?? ''), argv.slice(1)];

describe("the image's start command, outside Docker", () => {
  // The image's /app, laid out the same way: package.json, node_modules, dist (built now), knowledge.
  let app = '';
  let stub: SlackStub;

  beforeAll(async () => {
    app = mkdtempSync(path.join(tmpdir(), 'pinpoint-image-'));
    copyFileSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
    symlinkSync(path.join(ROOT, 'knowledge'), path.join(app, 'knowledge'), 'dir');
    mkdirSync(path.join(app, 'data'));
    // What `npm run build` does in the build stage, into this folder's dist/.
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = await run(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', path.join(app, 'dist')], { cwd: ROOT });
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output}`);
    stub = await startSlackStub();
  }, 120_000);

  afterAll(async () => {
    await stub?.close();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  /** The image's CMD in the staged folder, with the image's ENV (absolute paths mapped into it) plus `env`. */
  function startImage(env: Record<string, string>) {
    const staged: Record<string, string> = {};
    for (const [key, value] of Object.entries(imageEnv())) {
      staged[key] = value.replace(/^\/app(?=\/|$)/, app).replace(/^\/data$/, path.join(app, 'data'));
    }
    const [command, args] = resolveNode(execForm(ofKind('CMD')[0]?.args ?? '[]'));
    return spawnPinpoint(command, args, { cwd: app, env: { ...staged, ...env } });
  }

  /**
   * The port the bot took for PORT=0, from its log: a port picked free beforehand can be taken by a
   * parallel test before the bot binds it. Never the image's 3000, so the bot did read PORT.
   */
  async function listeningPort(bot: Spawned): Promise<number> {
    const port = Number((await bot.waitForLog((line) => line.msg === 'listening')).port);
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(Number(imageEnv().PORT));
    return port;
  }

  /** Runs the image's HEALTHCHECK command against the bot on `port`, in the container's environment (`env`). */
  function healthcheck(port: number, env: Record<string, string> = {}) {
    const instruction = ofKind('HEALTHCHECK')[0]?.args ?? '';
    const [command, args] = resolveNode(execForm(instruction.slice(instruction.indexOf('CMD ') + 4)));
    return run(command, args, { cwd: app, env: { PORT: String(port), ...env } });
  }

  it('starts from the built JavaScript, passes the HEALTHCHECK and stops with exit 0 on SIGTERM', async () => {
    const bot = startImage(slackEnv(stub.url));
    try {
      await bot.waitForLog((line) => line.msg === 'platform started');
      const port = await listeningPort(bot);

      expect(await healthcheck(port)).toEqual({ code: 0, output: '' });

      const readyz = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(readyz.status).toBe(200);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.stderr()).toBe('');

      // With the bot gone, the same probe reports unhealthy.
      expect((await healthcheck(port)).code).toBe(1);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('passes the HEALTHCHECK when HOST names one address of the machine, which the loopback does not reach', async () => {
    // An address of this machine other than 127.0.0.1: its own IPv4 address, or else the IPv6 loopback.
    const own = Object.values(networkInterfaces())
      .flat()
      .find((entry) => entry !== undefined && !entry.internal && entry.family === 'IPv4')?.address;
    const host = own ?? '::1';
    const bot = startImage({ ...slackEnv(stub.url), HOST: host });
    try {
      await bot.waitForLog((line) => line.msg === 'platform started');
      const port = await listeningPort(bot);
      expect((await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/readyz`)).status).toBe(200);
      expect(await healthcheck(port, { HOST: host })).toEqual({ code: 0, output: '' });
      // A blank HOST (all interfaces) is probed on the loopback, as before.
      expect(await healthcheck(port, { HOST: ' ' })).toEqual({ code: 1, output: '' });
      // In quotes, as docker run --env-file passes a .env's HOST="…" and PORT="…" on: read as the bot reads them.
      expect(await healthcheck(port, { HOST: `"${host}"`, PORT: `"${port}"` })).toEqual({ code: 0, output: '' });
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('fails the HEALTHCHECK once Discord closes the gateway for good (4004 after a token reset)', async () => {
    const discord = await startFakeDiscord({ waitTimeoutMs: 15000 });
    const bot = startImage({ DISCORD_TOKEN: 'image-token', DISCORD_API_BASE: discord.apiBase, HOST: '127.0.0.1', LOG_PRETTY: 'false', PORT: '0' });
    try {
      await bot.waitForLog((line) => line.msg === 'platform started');
      const port = await listeningPort(bot);
      expect(await healthcheck(port)).toEqual({ code: 0, output: '' });

      // The process keeps running, but hears nothing more from Discord until restarted with a new token.
      discord.dropGateway(4004);
      await bot.waitForLog((line) => line.code === 4004);
      expect(await healthcheck(port)).toEqual({ code: 1, output: '' });
    } finally {
      bot.child.kill('SIGKILL');
      await discord.close();
    }
  });
});

describe('compose.yaml', () => {
  const compose = parseYaml(readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8')) as {
    services: Record<string, { build?: string; env_file?: string; environment?: Record<string, string>; ports?: string[]; volumes?: string[] }>;
    volumes: Record<string, unknown>;
  };
  const bot = compose.services.pinpoint;

  it('builds the bot from this Dockerfile and reads its settings from .env', () => {
    expect(bot?.build).toBe('.');
    expect(bot?.env_file).toBe('.env');
  });

  it('keeps DATA_DIR on a named volume and the paths and port the image expects', () => {
    const env = imageEnv();
    expect(bot?.volumes).toContain(`pinpoint-data:${env.DATA_DIR}`);
    expect(Object.keys(compose.volumes)).toEqual(['pinpoint-data']);
    expect(bot?.environment).toMatchObject({ KNOWLEDGE_DIR: env.KNOWLEDGE_DIR, DATA_DIR: env.DATA_DIR, PORT: env.PORT });
    expect(bot?.ports).toEqual([`${env.PORT}:${env.PORT}`]);
  });

  it('puts no secret in the file', () => {
    expect(JSON.stringify(bot?.environment)).not.toMatch(/TOKEN|SECRET|PUBLIC_KEY/);
  });
});
