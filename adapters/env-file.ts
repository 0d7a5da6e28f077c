import { readFileSync } from 'node:fs';
import { parse, populate } from 'dotenv';

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

/** Loads `file` (default `.env` in the working folder) into `env`; variables already set win, as with dotenv. */
export function loadEnvFile(file = '.env', env: NodeJS.ProcessEnv = process.env): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    // No .env is the usual case in production (settings come from the environment), as dotenv treats it.
    return;
  }
  populate(env as Record<string, string>, parse(envFileText(bytes)));
}
