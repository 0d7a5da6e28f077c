import { randomBytes } from 'node:crypto';

// 32 symbols so one random byte maps uniformly (byte & 31); no i, l, o, u to keep ids easy to read aloud.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A random id of `length` lowercase characters: 10 give 50 bits, short enough for a button custom_id. */
export function shortId(length = 10): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 31];
  return id;
}
