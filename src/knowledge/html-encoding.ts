import { PinpointError } from '../errors.js';
import { strictUtf8 } from './utf8.js';

/**
 * The text of a saved web page: UTF-8 when its bytes are valid UTF-8, otherwise decoded in the encoding
 * the page declares (windows-1252 when it declares none). Pages saved from older news sites are often windows-1252 ("charset=iso-8859-1");
 * read as UTF-8, their curly quotes and accents would turn into replacement characters, and quotes would
 * no longer match what the page shows.
 */

/** The HTML spec looks for the charset declaration in the first 1024 bytes. */
const PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;

export function decodeHtml(bytes: Buffer, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // No page in an 8-bit encoding holds a NUL byte: these are other bytes under an .html name (a download saved
  // still gzip-compressed, a PDF or an image), which every encoding would read as gibberish to quote.
  if (bytes.includes(0)) {
    throw new PinpointError(
      'DOCUMENT_INVALID',
      `pinpoint: ${file} is not a web page (it holds NUL bytes: a compressed download, a PDF or an image?); save the page again from the browser as HTML, or remove it`,
    );
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  // Text that is valid UTF-8 is UTF-8 whatever the page declares: pages are often re-saved as UTF-8 with
  // their old declaration kept, and legacy text with accents is almost never valid UTF-8 by accident.
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return utf8;
  const declared = META_CHARSET.exec(bytes.subarray(0, PRESCAN_BYTES).toString('latin1'))?.[1];
  const label = decoderLabel(declared);
  const text = new TextDecoder(label).decode(bytes);
  return label === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!) : text;
}

// Node 20's TextDecoder reads windows-1252 as ISO-8859-1, so bytes 0x80–0x9F (curly quotes, dashes, €)
// come out as control characters. This is what windows-1252 maps them to (five are unassigned).
const WINDOWS_1252_C1 = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];

/**
 * A label TextDecoder knows. Without one (no declaration, or a name no decoder knows) the bytes, which are not
 * UTF-8, are read as windows-1252, as browsers read such a page: a page saved from a site that named its
 * encoding only in the HTTP header has no declaration, and read as UTF-8 its curly quotes and accents were
 * replacement characters in every quote.
 */
function decoderLabel(declared: string | undefined): string {
  if (declared === undefined) return 'windows-1252';
  try {
    const { encoding } = new TextDecoder(declared);
    // A page cannot declare itself UTF-16 in ASCII-compatible bytes; the spec reads that as UTF-8.
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return 'windows-1252';
  }
}
