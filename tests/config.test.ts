import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfig, enabledPlatforms, lookalikeSettings, parseConfig, ratesOf, secretValues } from '../src/config.js';
import { PinpointError } from '../src/errors.js';

const HEADER_ONE = 'pinpoint: a setting is invalid; fix it in .env or the environment (see .env.example)';

function errorOf(env: Record<string, string | undefined>): PinpointError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof PinpointError) return error;
    throw error;
  }
  throw new Error('parseConfig accepted the environment');
}

const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'signing-secret-value' };
const PUBLIC_KEY = 'a'.repeat(64);

describe('parseConfig', () => {
  it('fills every default when the environment is empty', () => {
    expect(parseConfig({})).toEqual({
      KNOWLEDGE_DIR: './knowledge',
      DATA_DIR: './data',
      PORT: 3000,
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 4000,
      USER_QUESTIONS_PER_MINUTE: 6,
      USER_QUESTION_BURST: 5,
      CHANNEL_QUESTIONS_PER_MINUTE: 30,
      CHANNEL_QUESTION_BURST: 20,
      ANSWER_RETENTION_DAYS: 90,
      DISCORD_API_BASE: 'https://discord.com/api',
      SLACK_API_URL: 'https://slack.com/api/',
      SLACK_COMMAND: '/ask',
    });
  });

  it('treats blank values as unset when a .env file leaves them empty', () => {
    const config = parseConfig({ PORT: '', DISCORD_TOKEN: '   ', LOG_LEVEL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('reads a value in quotes as the value, as docker run --env-file passes them on', () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: '"xoxb-1-2-abc"',
      SLACK_SIGNING_SECRET: "'signing-secret-value'",
      PORT: ' "8080" ',
      KNOWLEDGE_DIR: '"/case files"',
      DISCORD_TOKEN: '""',
    });
    expect(config).toMatchObject({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'signing-secret-value', PORT: 8080, KNOWLEDGE_DIR: '/case files' });
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(secretValues(config)).toEqual(['xoxb-1-2-abc', 'signing-secret-value']);
    // Only a matching pair is removed: a lone quote is part of the value, and says so.
    expect(errorOf({ PORT: '"8080' }).message).toContain('PORT="\\"8080": expected a whole number');
  });

  it('turns the cooldown settings into the core\'s per-user and per-channel buckets', () => {
    const config = parseConfig({ USER_QUESTIONS_PER_MINUTE: '3', USER_QUESTION_BURST: '2', CHANNEL_QUESTIONS_PER_MINUTE: '60' });
    expect(ratesOf(config)).toEqual({ user: { capacity: 2, refillPerMinute: 3 }, channel: { capacity: 20, refillPerMinute: 60 } });
  });

  it('ignores variables it does not own', () => {
    expect(parseConfig({ HOME: '/root', PATH: '/bin' })).not.toHaveProperty('HOME');
  });

  it('reads ANSWER_RETENTION_DAYS as a number of days', () => {
    expect(parseConfig({ ANSWER_RETENTION_DAYS: ' 30 ' }).ANSWER_RETENTION_DAYS).toBe(30);
  });

  it('reads a leading ~ in KNOWLEDGE_DIR and DATA_DIR as the home folder, as a shell would', () => {
    // A .env passes "~" on as it is: DATA_DIR=~/pinpoint-data kept the pins in a folder named "~" in the working folder.
    const config = parseConfig({ KNOWLEDGE_DIR: '~/case', DATA_DIR: ' ~/pinpoint-data ' });
    expect(config).toMatchObject({ KNOWLEDGE_DIR: join(homedir(), 'case'), DATA_DIR: join(homedir(), 'pinpoint-data') });
    expect(parseConfig({ KNOWLEDGE_DIR: '~', DATA_DIR: '/var/lib/pinpoint' }).KNOWLEDGE_DIR).toBe(homedir());
    // Only "~" alone or before a slash: another user's home, or a name starting with "~", is no home folder here.
    expect(parseConfig({ KNOWLEDGE_DIR: '~case', DATA_DIR: '~other/data' })).toMatchObject({ KNOWLEDGE_DIR: '~case', DATA_DIR: '~other/data' });
  });

  it('reads numbers, trims values and keeps paths as given', () => {
    const config = parseConfig({ PORT: ' 8080 ', SHUTDOWN_TIMEOUT_MS: '2500', KNOWLEDGE_DIR: '/kb', DATA_DIR: 'state' });
    expect(config).toMatchObject({ PORT: 8080, SHUTDOWN_TIMEOUT_MS: 2500, KNOWLEDGE_DIR: '/kb', DATA_DIR: 'state' });
  });

  it.each(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', ' 10.0.0.5 '])('reads HOST=%s as an address to listen on', (host) => {
    expect(parseConfig({ HOST: host }).HOST).toBe(host.trim());
  });

  it.each([
    ['debug', 'debug'],
    [' warn ', 'warn'],
    ['error\t', 'error'],
    ['INFO', 'info'],
    [' Debug', 'debug'],
  ])('reads LOG_LEVEL=%j as %s, trimmed and in any case like the other settings', (value, expected) => {
    expect(parseConfig({ LOG_LEVEL: value }).LOG_LEVEL).toBe(expected);
  });

  it.each([
    [' true ', true],
    ['true', true],
    ['1', true],
    ['yes', true],
    ['on', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['off', false],
    ['FALSE', false],
  ])('reads LOG_PRETTY=%s as %s', (value, expected) => {
    expect(parseConfig({ LOG_PRETTY: value }).LOG_PRETTY).toBe(expected);
  });

  it.each([
    [{ PORT: 'abc' }, '  PORT="abc": expected a whole number from 0 to 65535 (default 3000)'],
    [{ PORT: '70000' }, '  PORT="70000": expected a whole number from 0 to 65535 (default 3000)'],
    [{ PORT: '80.5' }, '  PORT="80.5": expected a whole number from 0 to 65535 (default 3000)'],
    [{ PORT: '-1' }, '  PORT="-1": expected a whole number from 0 to 65535 (default 3000)'],
    [{ LOG_LEVEL: 'loud' }, '  LOG_LEVEL="loud": expected one of debug, info, warn, error (default info)'],
    [{ HOST: 'not-a-host' }, '  HOST="not-a-host": expected an IP address to listen on, e.g. 127.0.0.1, 0.0.0.0 or ::, or localhost (default: all interfaces)'],
    [{ HOST: '127.0.0.1:3000' }, '  HOST="127.0.0.1:3000": expected an IP address to listen on, e.g. 127.0.0.1, 0.0.0.0 or ::, or localhost (default: all interfaces)'],
    [
      { LOG_PRETTY: 'maybe' },
      '  LOG_PRETTY="maybe": expected true or false (also 1/0, yes/no, on/off; default: pretty only in a terminal)',
    ],
    [
      { SHUTDOWN_TIMEOUT_MS: '4s' },
      '  SHUTDOWN_TIMEOUT_MS="4s": expected a whole number of milliseconds from 0 to 60000 (default 4000)',
    ],
    [{ USER_QUESTIONS_PER_MINUTE: '0' }, '  USER_QUESTIONS_PER_MINUTE="0": expected a whole number from 1 to 600 (default 6)'],
    [{ CHANNEL_QUESTION_BURST: 'lots' }, '  CHANNEL_QUESTION_BURST="lots": expected a whole number from 1 to 1000 (default 20)'],
    [{ ANSWER_RETENTION_DAYS: '3' }, '  ANSWER_RETENTION_DAYS="3": expected a whole number of days from 7 to 3650 (default 90)'],
    [{ ANSWER_RETENTION_DAYS: '30d' }, '  ANSWER_RETENTION_DAYS="30d": expected a whole number of days from 7 to 3650 (default 90)'],
    [{ DISCORD_API_BASE: 'discord' }, '  DISCORD_API_BASE="discord": expected an absolute http:// or https:// URL (default https://discord.com/api)'],
    [
      { DISCORD_API_BASE: 'ftp://discord.example/api' },
      '  DISCORD_API_BASE="ftp://discord.example/api": expected an absolute http:// or https:// URL (default https://discord.com/api)',
    ],
    [{ SLACK_API_URL: 'nope' }, '  SLACK_API_URL="nope": expected an absolute http:// or https:// URL (default https://slack.com/api/)'],
    [
      { SLACK_API_URL: 'javascript:alert(1)' },
      '  SLACK_API_URL="javascript:alert(1)": expected an absolute http:// or https:// URL (default https://slack.com/api/)',
    ],
    [
      { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: 'my-app' },
      '  DISCORD_APPLICATION_ID="my-app": expected the numeric application id from the Discord developer portal',
    ],
    [
      { DISCORD_PUBLIC_KEY: 'abc', DISCORD_APPLICATION_ID: '1' },
      '  DISCORD_PUBLIC_KEY="abc": expected the 64-character hex public key from the Discord developer portal',
    ],
    [{ DISCORD_TOKEN: 'token', DISCORD_GUILD_ID: 'guild' }, '  DISCORD_GUILD_ID="guild": expected a numeric server (guild) id'],
    [
      { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' },
      '  SLACK_BOT_TOKEN (value hidden): expected a bot token starting with xoxb-',
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-wrong' },
      '  SLACK_APP_TOKEN (value hidden): expected an app-level token starting with xapp-',
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      '  SLACK_SIGNING_SECRET: missing: SLACK_BOT_TOKEN is set, so set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
    ],
    [
      { SLACK_SIGNING_SECRET: 'secret' },
      '  SLACK_BOT_TOKEN: missing: SLACK_SIGNING_SECRET is set, so set SLACK_BOT_TOKEN to the bot token (xoxb-…)',
    ],
    [
      { SLACK_APP_TOKEN: 'xapp-1' },
      '  SLACK_BOT_TOKEN: missing: SLACK_APP_TOKEN is set, so set SLACK_BOT_TOKEN to the bot token (xoxb-…)',
    ],
    [
      { DISCORD_PUBLIC_KEY: PUBLIC_KEY },
      '  DISCORD_APPLICATION_ID: missing: DISCORD_PUBLIC_KEY is set, so set DISCORD_APPLICATION_ID (HTTP interactions need it)',
    ],
    [
      { DISCORD_APPLICATION_ID: '123456789012345678' },
      '  DISCORD_TOKEN: missing: DISCORD_APPLICATION_ID is set, so set DISCORD_TOKEN (gateway) or DISCORD_PUBLIC_KEY (HTTP interactions)',
    ],
    [
      { ...SLACK_HTTP, DISCORD_GUILD_ID: '876543210987654321' },
      '  DISCORD_TOKEN: missing: DISCORD_GUILD_ID is set, so set DISCORD_TOKEN (gateway) or DISCORD_PUBLIC_KEY (HTTP interactions)',
    ],
    [
      { ...SLACK_HTTP, SLACK_COMMAND: 'ask' },
      '  SLACK_COMMAND="ask": expected a lowercase slash command such as /ask (default /ask)',
    ],
    [
      { ...SLACK_HTTP, SLACK_MODERATOR_IDS: 'alice;bob' },
      '  SLACK_MODERATOR_IDS="alice;bob": expected Slack user ids separated by commas or spaces, e.g. U012AB3CD,U045EF6GH',
    ],
  ])('stops with a message naming the variable when %o', (env, line) => {
    const error = errorOf(env);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(`${HEADER_ONE}\n${line}`);
  });

  it.each([
    [{ KNOWLEDGE_DIR: '/srv/case', DATA_DIR: '/srv/case/data' }, '/srv/case/data is inside KNOWLEDGE_DIR (/srv/case)'],
    [{ KNOWLEDGE_DIR: '.' }, './data is inside KNOWLEDGE_DIR (.)'],
    [{ KNOWLEDGE_DIR: './kb', DATA_DIR: 'kb' }, 'kb is inside KNOWLEDGE_DIR (./kb)'],
  ])('refuses a DATA_DIR inside KNOWLEDGE_DIR, whose every write re-indexed the pack: %o', (env, where) => {
    expect(errorOf(env).message).toBe(
      `${HEADER_ONE}\n  DATA_DIR: ${where}, where the bot would read its own database as documents and re-index on every write to it; set DATA_DIR to a folder outside it`,
    );
    // Beside it, or above it, is fine.
    expect(parseConfig({ KNOWLEDGE_DIR: '/srv/case', DATA_DIR: '/srv/case-data' }).DATA_DIR).toBe('/srv/case-data');
    expect(parseConfig({ KNOWLEDGE_DIR: './state/kb', DATA_DIR: './state' }).DATA_DIR).toBe('./state');
  });

  it.each(['SLACK_API_URL', 'DISCORD_API_BASE'])('refuses %s with a user and password, which no HTTP client here sends, without printing them', (key) => {
    // Slack's client refuses such a URL at the first call, and Discord's drops the credentials without a word.
    const message = errorOf({ [key]: 'https://proxyuser:hunter2secret@proxy.example/api/' }).message;
    expect(message).toBe(`${HEADER_ONE}\n  ${key}: has a user name or password, which the Slack and Discord clients do not send; remove them`);
    expect(errorOf({ [key]: 'ftp://proxyuser:hunter2secret@proxy.example/api/' }).message).not.toContain('hunter2secret');
  });

  it('lists every bad variable at once, in schema order', () => {
    expect(errorOf({ LOG_LEVEL: 'loud', PORT: 'x' }).message).toBe(
      'pinpoint: 2 settings are invalid; fix them in .env or the environment (see .env.example)\n' +
        '  PORT="x": expected a whole number from 0 to 65535 (default 3000)\n' +
        '  LOG_LEVEL="loud": expected one of debug, info, warn, error (default info)',
    );
  });

  it('never repeats a secret value in its error', () => {
    const error = errorOf({ SLACK_BOT_TOKEN: 'xoxp-very-secret-user-token', SLACK_SIGNING_SECRET: 's' });
    expect(error.message).not.toContain('very-secret');
  });

  it('accepts Slack moderators separated by commas or spaces', () => {
    expect(parseConfig({ ...SLACK_HTTP, SLACK_MODERATOR_IDS: 'U01, U02 W03' }).SLACK_MODERATOR_IDS).toBe('U01, U02 W03');
  });
});

describe('enabledPlatforms', () => {
  it.each([
    [{}, []],
    [{ DISCORD_TOKEN: 'token' }, [{ platform: 'discord', mode: 'gateway' }]],
    [{ DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_APPLICATION_ID: '1' }, [{ platform: 'discord', mode: 'http' }]],
    [
      { DISCORD_TOKEN: 'token', DISCORD_PUBLIC_KEY: PUBLIC_KEY, DISCORD_APPLICATION_ID: '1' },
      [{ platform: 'discord', mode: 'http' }],
    ],
    [SLACK_HTTP, [{ platform: 'slack', mode: 'http' }]],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, [{ platform: 'slack', mode: 'socket' }]],
    [
      { ...SLACK_HTTP, DISCORD_TOKEN: 'token' },
      [
        { platform: 'discord', mode: 'gateway' },
        { platform: 'slack', mode: 'http' },
      ],
    ],
  ])('starts the platforms whose credentials are set: %o', (env, expected) => {
    expect(enabledPlatforms(parseConfig(env))).toEqual(expected);
  });
});

describe('describeConfig', () => {
  it('prints every setting with secrets hidden and the platforms it will start', () => {
    const lines = describeConfig(
      parseConfig({ ...SLACK_HTTP, DISCORD_TOKEN: 'discord-token-value', SLACK_API_URL: 'http://127.0.0.1:9/api/' }),
    );
    const text = lines.join('\n');
    expect(lines).toContain('SLACK_BOT_TOKEN=(set, hidden)');
    expect(lines).toContain('SLACK_SIGNING_SECRET=(set, hidden)');
    expect(lines).toContain('DISCORD_TOKEN=(set, hidden)');
    expect(lines).toContain('SLACK_APP_TOKEN=(not set)');
    expect(lines).toContain('SLACK_COMMAND=/ask');
    expect(lines).toContain('PORT=3000');
    expect(lines).toContain('SLACK_API_URL=http://127.0.0.1:9/api/');
    expect(lines.at(-1)).toBe('platforms: discord (gateway), slack (http)');
    expect(text).not.toContain('xoxb-1-2-abc');
    expect(text).not.toContain('signing-secret-value');
    expect(text).not.toContain('discord-token-value');
  });
});

describe('lookalikeSettings', () => {
  it('names each variable that is no setting but looks like one, with the setting it resembles', () => {
    const names = ['log_level', 'USER_QUESTIONS_PER_MIN', 'SLACK_TOKEN', 'DISCORD_BOT_TOKEN', 'PORT', 'NODE_ENV', 'TZ', 'HOSTNAME', 'COMPOSE_PROJECT_NAME'];
    expect(lookalikeSettings(names)).toEqual([
      { name: 'log_level', setting: 'LOG_LEVEL' },
      { name: 'USER_QUESTIONS_PER_MIN', setting: 'USER_QUESTIONS_PER_MINUTE' },
      { name: 'SLACK_TOKEN', setting: 'SLACK_BOT_TOKEN' },
      { name: 'DISCORD_BOT_TOKEN', setting: 'DISCORD_TOKEN' },
    ]);
  });
});

describe('secretValues', () => {
  it('returns the secret values that are set, for the logger to scrub', () => {
    expect(secretValues(parseConfig(SLACK_HTTP))).toEqual(['xoxb-1-2-abc', 'signing-secret-value']);
  });
});
