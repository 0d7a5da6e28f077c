/** Keys whose values are credentials wherever they appear in a log entry. */
const SECRET_KEY = /(token|secret|password|passwd|authorization|cookie|api[-_]?key|signature)$/i;

/** Keys that carry what a user typed: kept at debug level only, otherwise reduced to their length. */
const USER_TEXT_KEYS: ReadonlySet<string> = new Set(['question', 'text', 'query', 'content', 'prompt', 'input', 'userText']);

/** Credential shapes of the platforms, caught even inside free text such as error messages. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /\bxox[abposre]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g,
  /\bBot\s+[A-Za-z0-9._-]{20,}/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/g,
];

const REDACTED = '[redacted]';
const MAX_DEPTH = 6;

export interface ScrubOptions {
  /** Exact secret values in use (from the config): replaced wherever they occur. */
  secrets: readonly string[];
  /** Whether user text may stay (debug level). */
  keepUserText: boolean;
}

export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; config secrets are long in practice.
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

function scrubError(error: Error, options: ScrubOptions, depth: number): Record<string, unknown> {
  const plain: Record<string, unknown> = {
    type: error.name,
    message: scrubText(error.message, options.secrets),
  };
  if (error.stack) plain.stack = scrubText(error.stack, options.secrets);
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) plain.code = code;
  if (error.cause !== undefined && depth < MAX_DEPTH) plain.cause = scrubValue(error.cause, options, depth + 1);
  return plain;
}

/** A copy of `value` safe to log: secrets redacted, user text reduced to its size unless allowed. */
export function scrubValue(value: unknown, options: ScrubOptions, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, options.secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) return scrubError(value, options, depth);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, options, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key) && item !== undefined && item !== null && item !== '') {
      out[key] = REDACTED;
    } else if (!options.keepUserText && USER_TEXT_KEYS.has(key) && typeof item === 'string') {
      out[key] = `[${item.length} chars]`;
    } else {
      out[key] = scrubValue(item, options, depth + 1);
    }
  }
  return out;
}
