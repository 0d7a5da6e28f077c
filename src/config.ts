import { homedir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { PinpointError } from './errors.js';
import type { Rates } from './state/limits.js';

const optionalText = z.string().trim().optional();

/** Settings whose values never appear in logs, errors or `--check-config`. */
export const SECRET_KEYS = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const;

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * API bases are fetched over HTTP: ftp:, file: or javascript: URLs are typos or worse. A user and password in the
 * URL (for a proxy) never worked: Slack's client refuses such a URL at its first call, Discord's drops them
 * silently, and the start-up error and the logs printed the password with the URL.
 */
const httpUrl = z.url({ protocol: /^https?$/ }).refine((value) => !hasCredentials(value), {
  message: 'has a user name or password, which the Slack and Discord clients do not send; remove them',
});

/** Whether a URL carries a user or password; false for text that is no URL (z.url reports that itself). */
function hasCredentials(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.username !== '' || url.password !== '';
}

// An address, not a host name: a name is looked up only when the server listens, and one that does not
// resolve failed there as "getaddrinfo ENOTFOUND" without naming HOST.
const listenAddress = z.string().trim().pipe(z.union([z.ipv4(), z.ipv6(), z.literal('localhost')]));

export const DEFAULT_KNOWLEDGE_DIR = './knowledge';
export const DEFAULT_DATA_DIR = './data';

/**
 * A folder setting with a leading "~" read as the home folder, as a shell reads it: a .env, `docker run --env-file`
 * and systemd pass "~" on as it is, and DATA_DIR=~/pinpoint-data kept the pins in a folder named "~" in the working
 * folder (one `rm -rf ~` from the home folder) rather than in the one meant.
 */
export function withHome(folder: string): string {
  return /^~(?=$|[\\/])/.test(folder) ? path.join(homedir(), folder.slice(1)) : folder;
}

const folderPath = (fallback: string) => z.string().trim().min(1).default(fallback).transform(withHome);

/** Every environment variable Pinpoint reads; `.env.example` documents each one. */
export const configSchema = z
  .object({
    KNOWLEDGE_DIR: folderPath(DEFAULT_KNOWLEDGE_DIR),
    DATA_DIR: folderPath(DEFAULT_DATA_DIR),
    PORT: wholeNumber(0, 65535).default(3000),
    HOST: listenAddress.optional(),
    // Trimmed like every other value (a .env line `LOG_LEVEL=info ` is no typo); any case, as LOG_PRETTY takes TRUE.
    LOG_LEVEL: z.string().trim().toLowerCase().pipe(z.enum(['debug', 'info', 'warn', 'error'])).default('info'),
    LOG_PRETTY: z.string().trim().pipe(z.stringbool()).optional(),
    SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 60000).default(4000),
    USER_QUESTIONS_PER_MINUTE: wholeNumber(1, 600).default(6),
    USER_QUESTION_BURST: wholeNumber(1, 100).default(5),
    CHANNEL_QUESTIONS_PER_MINUTE: wholeNumber(1, 6000).default(30),
    CHANNEL_QUESTION_BURST: wholeNumber(1, 1000).default(20),
    ANSWER_RETENTION_DAYS: wholeNumber(7, 3650).default(90),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: z.string().trim().regex(/^\d+$/).optional(),
    DISCORD_PUBLIC_KEY: z.string().trim().regex(/^[0-9a-fA-F]{64}$/).optional(),
    // discord.js appends "/v10/…": a base written with a trailing slash, as SLACK_API_URL's default is, made "api//v10",
    // and one with the version, as Discord's docs write it ("https://discord.com/api/v10"), made "v10/v10".
    DISCORD_API_BASE: httpUrl.transform((url) => url.replace(/\/+$/, '').replace(/\/v\d+$/, '')).default('https://discord.com/api'),
    DISCORD_GUILD_ID: z.string().trim().regex(/^\d+$/).optional(),
    SLACK_BOT_TOKEN: z.string().trim().startsWith('xoxb-').optional(),
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: z.string().trim().startsWith('xapp-').optional(),
    SLACK_API_URL: httpUrl.default('https://slack.com/api/'),
    SLACK_COMMAND: z.string().trim().regex(/^\/[a-z0-9_-]{1,31}$/).default('/ask'),
    SLACK_MODERATOR_IDS: z.string().trim().regex(/^[A-Z0-9]+(?:[\s,]+[A-Z0-9]+)*$/).optional(),
  })
  .superRefine((config, ctx) => {
    // Credentials come in sets: half a set is a typo, not a choice, so stop and say which half is missing.
    if (config.SLACK_BOT_TOKEN && !config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          'missing: SLACK_BOT_TOKEN is set, so set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
      });
    }
    if (!config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN)) {
      const given = config.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET';
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: `missing: ${given} is set, so set SLACK_BOT_TOKEN to the bot token (xoxb-…)`,
      });
    }
    // Without either, Discord silently did not start: the terminal chat opened, or only Slack ran.
    const discordId = config.DISCORD_APPLICATION_ID ? 'DISCORD_APPLICATION_ID' : config.DISCORD_GUILD_ID ? 'DISCORD_GUILD_ID' : undefined;
    if (discordId && !config.DISCORD_TOKEN && !config.DISCORD_PUBLIC_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_TOKEN'],
        message: `missing: ${discordId} is set, so set DISCORD_TOKEN (gateway) or DISCORD_PUBLIC_KEY (HTTP interactions)`,
      });
    }
    // The bot watches KNOWLEDGE_DIR: its own database and index cache in there were read as documents, and each
    // write to them (every answer, every reload's pin check) re-indexed the pack, again and again.
    if (isWithin(config.DATA_DIR, config.KNOWLEDGE_DIR)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_DIR'],
        message: `${config.DATA_DIR} is inside KNOWLEDGE_DIR (${config.KNOWLEDGE_DIR}), where the bot would read its own database as documents and re-index on every write to it; set DATA_DIR to a folder outside it`,
      });
    }
    if (config.DISCORD_PUBLIC_KEY && !config.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_APPLICATION_ID'],
        message: 'missing: DISCORD_PUBLIC_KEY is set, so set DISCORD_APPLICATION_ID (HTTP interactions need it)',
      });
    }
  });

/** Whether `folder` is `parent` or lies under it, as paths from the working folder. */
function isWithin(folder: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(folder));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

export type Config = z.infer<typeof configSchema>;
export type ConfigKey = keyof Config;

/** What each variable must look like, said in the error when it does not. */
const EXPECTED: Record<ConfigKey, string> = {
  KNOWLEDGE_DIR: 'a folder path (default ./knowledge)',
  DATA_DIR: 'a folder path (default ./data)',
  PORT: 'a whole number from 0 to 65535 (default 3000)',
  HOST: 'an IP address to listen on, e.g. 127.0.0.1, 0.0.0.0 or ::, or localhost (default: all interfaces)',
  LOG_LEVEL: 'one of debug, info, warn, error (default info)',
  LOG_PRETTY: 'true or false (also 1/0, yes/no, on/off; default: pretty only in a terminal)',
  SHUTDOWN_TIMEOUT_MS: 'a whole number of milliseconds from 0 to 60000 (default 4000)',
  USER_QUESTIONS_PER_MINUTE: 'a whole number from 1 to 600 (default 6)',
  USER_QUESTION_BURST: 'a whole number from 1 to 100 (default 5)',
  CHANNEL_QUESTIONS_PER_MINUTE: 'a whole number from 1 to 6000 (default 30)',
  CHANNEL_QUESTION_BURST: 'a whole number from 1 to 1000 (default 20)',
  ANSWER_RETENTION_DAYS: 'a whole number of days from 7 to 3650 (default 90)',
  DISCORD_TOKEN: 'the bot token from the Discord developer portal',
  DISCORD_APPLICATION_ID: 'the numeric application id from the Discord developer portal',
  DISCORD_PUBLIC_KEY: 'the 64-character hex public key from the Discord developer portal',
  DISCORD_API_BASE: 'an absolute http:// or https:// URL (default https://discord.com/api)',
  DISCORD_GUILD_ID: 'a numeric server (guild) id',
  SLACK_BOT_TOKEN: 'a bot token starting with xoxb-',
  SLACK_SIGNING_SECRET: 'the signing secret from the Slack app settings',
  SLACK_APP_TOKEN: 'an app-level token starting with xapp-',
  SLACK_API_URL: 'an absolute http:// or https:// URL (default https://slack.com/api/)',
  SLACK_COMMAND: 'a lowercase slash command such as /ask (default /ask)',
  SLACK_MODERATOR_IDS: 'Slack user ids separated by commas or spaces, e.g. U012AB3CD,U045EF6GH',
};

const SECRETS: ReadonlySet<string> = new Set(SECRET_KEYS);

/**
 * A value in one pair of matching quotes, without them: dotenv and compose remove them, but `docker run
 * --env-file .env` passes `SLACK_BOT_TOKEN="xoxb-…"` on quotes and all, which then failed as "not starting
 * with xoxb-" (or, for DISCORD_TOKEN, as a token Discord refuses).
 */
function unquoted(value: string): string {
  const quoted = /^\s*(["'])(.*)\1\s*$/s.exec(value);
  return quoted ? quoted[2]! : value;
}

/**
 * A variable's value as the settings read it, for the bot and the CLI alike: without the quotes `docker run
 * --env-file` keeps, and undefined when unset or blank (`DISCORD_TOKEN=` in a .env file means "not set").
 */
export function settingValue(env: Record<string, string | undefined>, key: ConfigKey): string | undefined {
  const value = env[key] === undefined ? undefined : unquoted(env[key]);
  return value?.trim() ? value : undefined;
}

function withoutBlanks(env: Record<string, string | undefined>): Record<string, string> {
  const present: Record<string, string> = {};
  for (const key of Object.keys(EXPECTED) as ConfigKey[]) {
    const value = settingValue(env, key);
    if (value !== undefined) present[key] = value;
  }
  return present;
}

function shown(key: string, value: string | undefined): string {
  if (value === undefined) return `${key} (not set)`;
  return SECRETS.has(key) ? `${key} (value hidden)` : `${key}=${JSON.stringify(isUrlKey(key) ? withoutPassword(value) : value)}`;
}

function isUrlKey(key: string): boolean {
  return key.endsWith('_URL') || key.endsWith('_BASE');
}

/** A URL as it may be printed: a password in it (refused, but still typed) hidden. */
function withoutPassword(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}

/** Parses the environment once at start-up; a bad value stops start-up naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = withoutBlanks(env);
  const result = configSchema.safeParse(present);
  if (result.success) return result.data;

  const lines = new Map<string, string>();
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    if (lines.has(key)) continue;
    const line =
      issue.code === 'custom'
        ? `${key}: ${issue.message}`
        : `${shown(key, present[key])}: expected ${EXPECTED[key as ConfigKey] ?? 'a valid value'}`;
    lines.set(key, `  ${line}`);
  }
  const count = lines.size === 1 ? 'a setting is invalid; fix it' : `${lines.size} settings are invalid; fix them`;
  throw new PinpointError(
    'CONFIG_INVALID',
    `pinpoint: ${count} in .env or the environment (see .env.example)\n${[...lines.values()].join('\n')}`,
    { cause: result.error },
  );
}

export type PlatformPlan =
  | { platform: 'discord'; mode: 'gateway' | 'http' }
  | { platform: 'slack'; mode: 'http' | 'socket' };

/** The platforms whose credentials are set, in start order. */
export function enabledPlatforms(config: Config): PlatformPlan[] {
  const plans: PlatformPlan[] = [];
  // An Interactions Endpoint URL and gateway delivery are exclusive per application: the public key wins.
  if (config.DISCORD_PUBLIC_KEY) plans.push({ platform: 'discord', mode: 'http' });
  else if (config.DISCORD_TOKEN) plans.push({ platform: 'discord', mode: 'gateway' });
  if (config.SLACK_BOT_TOKEN) plans.push({ platform: 'slack', mode: config.SLACK_APP_TOKEN ? 'socket' : 'http' });
  return plans;
}

/** The variables to set to start a platform, for the message when none is configured. */
export const PLATFORM_VARIABLES =
  'DISCORD_TOKEN (Discord gateway), DISCORD_PUBLIC_KEY + DISCORD_APPLICATION_ID (Discord HTTP interactions), ' +
  'SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET (Slack HTTP) or SLACK_BOT_TOKEN + SLACK_APP_TOKEN (Slack Socket Mode)';

/** The effective settings as text lines, secrets hidden: what `--check-config` prints. */
export function describeConfig(config: Config): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(EXPECTED) as ConfigKey[]) {
    const value = config[key];
    let text: string;
    if (value === undefined) text = '(not set)';
    else if (SECRETS.has(key)) text = '(set, hidden)';
    else if (isUrlKey(key)) text = withoutPassword(String(value));
    else text = String(value);
    lines.push(`${key}=${text}`);
  }
  const plans = enabledPlatforms(config);
  lines.push(
    `platforms: ${plans.length === 0 ? 'none (console chat in a terminal)' : plans.map((p) => `${p.platform} (${p.mode})`).join(', ')}`,
  );
  return lines;
}

/** The secret values actually set, so the logger can scrub them wherever they turn up. */
export function secretValues(config: Config): string[] {
  return SECRET_KEYS.map((key) => config[key]).filter((value): value is string => value !== undefined);
}

/** How many single-letter edits (insert, delete, replace) turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Of the names a .env file sets, those that are no setting but look like one, each with the setting it resembles:
 * a typo (LOG_LEVLE, log_level, DISCORD_BOT_TOKEN) was ignored without a word, and the default applied.
 * A name of the DISCORD_ or SLACK_ family is matched within it; any other only when a few letters off.
 */
export function lookalikeSettings(names: readonly string[]): { name: string; setting: ConfigKey }[] {
  const settings = Object.keys(EXPECTED) as ConfigKey[];
  const found: { name: string; setting: ConfigKey }[] = [];
  for (const name of names) {
    if ((settings as string[]).includes(name)) continue;
    const upper = name.toUpperCase();
    const family = /^(?:DISCORD|SLACK)_/.exec(upper)?.[0];
    const candidates = family ? settings.filter((setting) => setting.startsWith(family)) : settings;
    let nearest: { setting: ConfigKey; distance: number } | undefined;
    for (const setting of candidates) {
      const distance = editDistance(upper, setting);
      if (!nearest || distance < nearest.distance) nearest = { setting, distance };
    }
    if (nearest && (family || nearest.distance <= Math.max(1, Math.floor(nearest.setting.length / 4)))) {
      found.push({ name, setting: nearest.setting });
    }
  }
  return found;
}

/** The cooldowns the core enforces (token buckets per user and per channel), from the settings. */
export function ratesOf(config: Config): Rates {
  return {
    user: { capacity: config.USER_QUESTION_BURST, refillPerMinute: config.USER_QUESTIONS_PER_MINUTE },
    channel: { capacity: config.CHANNEL_QUESTION_BURST, refillPerMinute: config.CHANNEL_QUESTIONS_PER_MINUTE },
  };
}
