/**
 * Character- and line-level cleaning shared by the PDF and HTML extractors: ligatures, invisible
 * characters, and joining the wrapped lines of one paragraph (with the line-end hyphenation rule).
 */

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Soft hyphen: invisible unless a line breaks there, so it is kept until lines are joined. */
export const SOFT_HYPHEN = '\u00AD';

/**
 * Expands typographic ligatures, drops zero-width characters and turns tabs and no-break spaces into
 * spaces. Leading spaces (indentation, used to find paragraphs) and soft hyphens (line joins) survive.
 */
export function normalizeChars(line: string): string {
  return line
    .replace(/[\uFB00-\uFB06]/g, (ch) => LIGATURES[ch] ?? ch)
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/\s+$/, '');
}

/**
 * First halves of compounds legal text writes with a hyphen and that are never a syllable break at a
 * line end ("self-\nexecuting", "third-\nparty", "so-\ncalled", "cross-\nmotion").
 */
const ALWAYS_HYPHENATED_PREFIXES = new Set(['self', 'quasi', 'third', 'so', 'cross', 'well', 'long', 'short']);

/**
 * Counts of the words a document spells with a hyphen inside a line ("third-party"), keyed by the
 * lowercased "left-right" pair, and of plain words; used to decide whether a line-end hyphen is real.
 */
export interface HyphenVocabulary {
  hyphenated: Map<string, number>;
  words: Map<string, number>;
}

export function buildHyphenVocabulary(lines: Iterable<string>): HyphenVocabulary {
  const hyphenated = new Map<string, number>();
  const words = new Map<string, number>();
  for (const line of lines) {
    // Lookahead so "a-b-c" yields both "a-b" and "b-c"; a line-end "defen-" never matches.
    for (const m of line.matchAll(/(?<![\p{L}-])(?=([\p{L}]+)-([\p{L}]+))/gu)) {
      const key = `${m[1]}-${m[2]}`.toLowerCase();
      hyphenated.set(key, (hyphenated.get(key) ?? 0) + 1);
    }
    for (const m of line.matchAll(/[\p{L}]+/gu)) {
      const key = m[0].toLowerCase();
      words.set(key, (words.get(key) ?? 0) + 1);
    }
  }
  return { hyphenated, words };
}

const EMPTY_VOCABULARY: HyphenVocabulary = { hyphenated: new Map(), words: new Map() };

/** How two consecutive lines of one paragraph are glued: `cut` characters come off the end of the first. */
export interface LineJoin {
  cut: number;
  separator: string;
}

/**
 * The hyphenation rule, for a line ending in letter + "-" and a next line starting with a letter:
 * - next fragment starts with a capital or digit ("Defendant-\nIntervenors", "pre-\n2004"): keep the hyphen;
 *   a syllable break never continues with a capital.
 * - the document writes "left-right" with a hyphen inside a line more often than "leftright" as one word
 *   ("third-\nparty" when "third-party" appears elsewhere): keep the hyphen.
 * - left is a compound-only first half (self, quasi, third, so, cross, well, long, short): keep the hyphen.
 * - otherwise it is a syllable break: drop the hyphen ("plain-\ntiffs" → "plaintiffs").
 * A soft hyphen at a line end is always a syllable break. A dash at the end ("—", "--") joins without space.
 */
export function joinLines(left: string, right: string, vocabulary: HyphenVocabulary = EMPTY_VOCABULARY): LineJoin {
  if (left.endsWith(SOFT_HYPHEN)) return { cut: 1, separator: '' };
  if (/[\u2013\u2014]$|\p{L}--$/u.test(left)) return { cut: 0, separator: '' };
  const hyphen = /(\p{L}+)[-\u2010]$/u.exec(left);
  const next = /^(\p{L})(\p{L}*)/u.exec(right);
  if (hyphen === null) return { cut: 0, separator: ' ' };
  if (next === null) {
    // "pre-\n2004", "(1)-\n(2)": keep what was printed, glued.
    return /^\d/.test(right) ? { cut: 0, separator: '' } : { cut: 0, separator: ' ' };
  }
  const leftPart = hyphen[1] ?? '';
  const rightPart = `${next[1] ?? ''}${next[2] ?? ''}`;
  const startsUpper = (next[1] ?? '') !== (next[1] ?? '').toLowerCase();
  if (startsUpper) return { cut: 0, separator: '' };
  const pair = `${leftPart}-${rightPart}`.toLowerCase();
  const joined = `${leftPart}${rightPart}`.toLowerCase();
  const asHyphenated = vocabulary.hyphenated.get(pair) ?? 0;
  const asWord = vocabulary.words.get(joined) ?? 0;
  if (asHyphenated > 0 && asHyphenated >= asWord) return { cut: 0, separator: '' };
  if (ALWAYS_HYPHENATED_PREFIXES.has(leftPart.toLowerCase())) return { cut: 0, separator: '' };
  return { cut: 1, separator: '' };
}

/** Collapses runs of spaces inside a line and trims it (after indentation has been read). */
export function tidyLine(line: string): string {
  return line.replace(/ {2,}/g, ' ').trim();
}

/** Joins the wrapped lines of one paragraph into one line (convenience over `joinLines`). */
export function joinParagraph(lines: readonly string[], vocabulary: HyphenVocabulary = EMPTY_VOCABULARY): string {
  let out = '';
  const tidy = lines.map(tidyLine).filter((l) => l.length > 0);
  tidy.forEach((line, i) => {
    const next = tidy[i + 1];
    if (next === undefined) {
      out += line;
      return;
    }
    const join = joinLines(line, next, vocabulary);
    out += line.slice(0, line.length - join.cut) + join.separator;
  });
  return out.replaceAll(SOFT_HYPHEN, '');
}
