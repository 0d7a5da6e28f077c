import { PinpointError } from '../errors.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as text when they are valid UTF-8 (a leading BOM dropped); undefined when they are not. */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A text file (a .md/.txt document, pack.yaml) as UTF-8 text. A file with NUL bytes is binary (a misnamed
 * Word file, an image) or UTF-16, and one that is not valid UTF-8 would be read with replacement
 * characters: both stop the load naming the file and the fix, instead of reading garbage.
 */
export function decodeTextFile(bytes: Buffer, file: string, errorCode: 'DOCUMENT_INVALID' | 'PACK_INVALID'): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || isUtf16WithoutMark(bytes);
  if (utf16 || bytes.includes(0)) {
    const what = utf16 ? 'is UTF-16 text' : 'is not text (it holds NUL bytes: a binary file?)';
    throw new PinpointError(errorCode, `pinpoint: ${file} ${what}; save it as UTF-8 plain text or remove it`);
  }
  const text = strictUtf8(bytes);
  if (text !== undefined) return text;
  const lenient = bytes.toString('utf8');
  const line = lenient.slice(0, lenient.indexOf('\uFFFD')).split('\n').length;
  throw new PinpointError(errorCode, `pinpoint: ${file}:${line}: not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8`);
}

/** How many bytes from the start say whether text is UTF-16. */
const UTF16_SAMPLE_BYTES = 256;

/**
 * UTF-16 text without a byte-order mark (a database export): in its opening characters, mostly Latin letters as
 * legal text is, one byte of each pair is NUL and the other never is. A binary file's NULs fall on both.
 */
function isUtf16WithoutMark(bytes: Buffer): boolean {
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
  if (pairs < 2) return false;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (bytes[2 * pair] === 0) evenNuls++;
    if (bytes[2 * pair + 1] === 0) oddNuls++;
  }
  const mostly = (count: number) => count >= pairs * 0.8;
  return (mostly(oddNuls) && evenNuls === 0) || (mostly(evenNuls) && oddNuls === 0);
}
