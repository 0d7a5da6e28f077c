import { readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { parse, populate } from 'dotenv';
import { lookalikeSettings, PinpointError } from '../src/index.js';

/**
 * The text of a .env file: UTF-8, or UTF-16 told by its byte-order mark, which is what Windows PowerShell 5's `>`
 * and Out-File write. dotenv reads only UTF-8, so such a file gave it no variable at all: the settings were
 * silently ignored and `npm start` opened the terminal chat instead of the bot.
 */
export function envFileText(bytes: Buffer): string {
  const evenEnd = 2 + ((bytes.length - 2) & ~1);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2, evenEnd).toString('utf16le');
  // Copied before swapping: swap16 reorders the bytes in place.
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2, evenEnd)).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * Loads `file` (default `.env` in the working folder) into `env`; variables already set win, as with dotenv. Returns
 * whether there was a file to read.
 * No file is fine (production sets the environment); one that is there but unreadable, or a link to none, stops
 * start-up, where dotenv ignored it and the bot started with none of its settings (in a terminal, as the chat
 * instead of the bot).
 * A name in it that is no setting but looks like one (LOG_LEVLE) is named on stderr, for every command that
 * reads .env (the bot, the CLI, discord:register): said before the settings are checked, as a misspelt variable
 * is often why one is missing.
 */
export function loadEnvFile(file = '.env', env: NodeJS.ProcessEnv = process.env): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A link to nowhere is a settings file gone missing (a deploy's shared .env), not none.
    const target = code === 'ENOENT' ? linkTarget(file) : undefined;
    if (code === 'ENOENT' && target === undefined) return false;
    const reason =
      target !== undefined
        ? `it is a link to ${target}, which does not exist`
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES' || code === 'EPERM'
            ? 'this user may not read it'
            : (error as Error).message;
    throw new PinpointError('CONFIG_INVALID', `pinpoint: cannot read ${path.resolve(file)}: ${reason}; fix it or remove it`, { cause: error });
  }
  const parsed = parse(envFileText(bytes));
  populate(env as Record<string, string>, parsed);
  for (const { name, setting } of lookalikeSettings(Object.keys(parsed))) {
    process.stderr.write(`pinpoint: .env sets ${name}, which is no setting of Pinpoint: did you mean ${setting}? (ignored)\n`);
  }
  return true;
}

/** Where `file` links to, when it is a symbolic link; undefined when it is not one, or not there. */
function linkTarget(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}
