import { ACTION_NOUNS, DERIVED_FORMS, IRREGULAR_FORMS, stemWord } from './irregular-forms.js';
import { CHAT_ABBREVIATIONS } from './chat-abbreviations.js';
import { installedVersion } from './installed-version.js';
import { KEPT_APART } from './kept-apart.js';
import { LEGAL_ALIASES } from './legal-aliases.js';
import { STOP_WORDS } from './stopwords.js';
import { TokenBuffer } from './token-buffer.js';
import { INVISIBLE_IN_WORD, nextWordStart, wordEnd } from './word-scan.js';

/** A processed term and where its source text sits, so highlights and proximity use real offsets. */
export interface Token {
  term: string;
  start: number;
  end: number;
}

/**
 * A text's tokens as parallel arrays: token i is `terms[i]` at [starts[i], ends[i]). Passages are
 * analysed and cached in this form: one array and two typed arrays instead of an object per word, which
 * is less for the garbage collector to copy while caches fill.
 */
export interface TokenList {
  readonly length: number;
  readonly terms: readonly string[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export interface Analyzer {
  /** Changes whenever analysis changes, so cached indexes built by another version are not reused. */
  readonly version: string;
  tokenList(text: string): TokenList;
  tokens(text: string): Token[];
  terms(text: string): string[];
  /** One-word alias phrases and the alias term of their group ("settlement" → "~8"), for spelling fixes. */
  readonly aliasWords: ReadonlyMap<string, string>;
  /** The words of alias phrases of two or more words, lowercased ("social", "network"), for spelling fixes. */
  readonly aliasPhraseWords: ReadonlySet<string>;
}

// Words are found by a scan (word-scan.ts); only where a word starts with a digit or follows §, ¶ or a
// currency sign is the legal pattern tried, so "12(b)(6)", "3:20-cv-08570-JD", "§ 1983", "163-273(a)(1)",
// "¶ 42" and "$725" survive whole. Its numbered groups: docket, statute, rule, section, paragraph, money,
// hyphenated number, number; a date written in numbers ("12/6/22") comes second. A docket number may come without
// its division ("20-cv-08570") where its type is a district court's common one (cv, cr, mc, md, mj), not any
// letters: "20-Jan-2023" is a date. A statute's subsections ("(a)(1)") need the § only where there are none ("§ 1983").
// Each part of a number can be matched one way only ("\d[a-z0-9]*", not "\d+[a-z0-9]*"): a statute that
// fails on its last character must not make the engine try every split of the ones before it.
const SUBSECTIONS = String.raw`(?:\([a-z0-9]{1,4}\))`;
// A statute with subsections has a few parts ("163-166.3(c)"): bounded, a long run of dotted numbers with none
// ("1.1.1.1…", tens of thousands in a data dump) is no longer read to its end again from each of its numbers.
const STATUTE_PARTS = 6;
const LEGAL_PATTERN = new RegExp(
  [
    String.raw`(\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}(?:-[a-z]{1,4})*|\d{2}-(?:cv|cr|mc|md|mj)-\d{3,6}(?:-[a-z]{1,4})*)`,
    String.raw`(\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/]))`,
    String.raw`(\d+[a-z]?(?:[.-]\d[a-z0-9]*){1,${STATUTE_PARTS}}${SUBSECTIONS}+)`,
    String.raw`(\d+[a-z]?${SUBSECTIONS}+)`,
    String.raw`(§{1,2}\s?\d[a-z0-9]*(?:[.-]\d[a-z0-9]*)*${SUBSECTIONS}*)`,
    String.raw`(¶{1,2}\s?\d+)`,
    String.raw`([$€£]\s?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[$€£]\s?\d+(?:\.\d+)?)`,
    String.raw`(\d+(?:-\d+)+)`,
    String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`,
  ].join('|'),
  'yiu',
);
const isSymbol = (char: string | undefined) => char === '§' || char === '¶' || char === '$' || char === '€' || char === '£';
/** The space between "§" or "¶" and its number: word processors type a no-break one there, so the two never part. */
const isSpaceAfterSymbol = (char: string | undefined) => char === ' ' || char === '\u00a0' || char === '\u202f' || char === '\u2009';
const HYPHEN = 45;
const AMPERSAND = 38;
const AMPERSAND_NAME = /\p{L}{1,3}&\p{L}{1,3}(?![\p{L}\p{N}])/uy;
const LINE_BREAK_HYPHEN = /^-[ \t]*\r?\n[ \t]*(\p{Ll}+)/u;
/**
 * Prefixes that are no word alone and that writers join to a word with a hyphen or without ("e-mail", "email";
 * "co-founder", "cofounder"; "non-party", "nonparty"; "pre-trial", "pretrial"; "counter-claim", "counterclaim").
 */
const JOINING_PREFIXES: ReadonlySet<string> = new Set(
  'e co non pre post re anti multi sub inter intra semi bi tri mis counter cyber micro mid un'.split(' '),
);
/** The word after a prefix's hyphen on the same line, when it ends the compound ("-mail" in "e-mail"). */
const AFTER_PREFIX = /-(\p{L}+)(?![\p{L}\p{N}\p{M}]|-[\p{L}\p{N}])/uy;
const isDigit = (code: number) => code >= 48 && code <= 57;
// "U.S.", "U.S.C.", "D.C.": single letters joined by dots are one word, as their undotted spelling is.
// The Supreme Court's reports space capitals out ("539 U. S. 306", "42 U. S. C. §1981"): they are one word too.
const INITIALISM = /\p{L}(?:\.\p{L})+(?!\p{L})|\p{Lu}(?:\. \p{Lu})+(?!\p{L})/uy;

const ANALYZER_VERSION = 'a40';
/** The stemmer's version: another stemmer release may stem words otherwise than the cached index did. */
const STEMMER_VERSION = installedVersion('porter2');
const ALIAS_PREFIX = '~';

// Raw word → processed term ('' for a stop word): one lookup per word on the hot path. Bounded, because
// questions bring words no document has (a hostile user could send millions).
const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 200_000;

/** Empties the word cache. A bench hook: a measured build's heap then holds the words it cached itself. */
export function clearWordCache(): void {
  wordCache.clear();
}

const INVISIBLE_EVERYWHERE = new RegExp(INVISIBLE_IN_WORD.source, 'gu');

// The country, however it is spelled, is not the pronoun "us".
const COUNTRY_US = 'u.s';

function processWord(raw: string): string {
  if (raw === 'US') return COUNTRY_US;
  let term = wordCache.get(raw);
  if (term === undefined) {
    const word = foldWord(raw);
    term = word === '' || STOP_WORDS.has(word) ? '' : stemWord(word);
    if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
    wordCache.set(raw, term);
  }
  return term;
}

/**
 * Lowercase, without accents, and in compatibility form: a ligature ("ﬁled", kept by text copied out of a PDF)
 * and full-width letters ("Ｆａｃｅｂｏｏｋ", typed with an East Asian input method) are the letters they show.
 * A curly apostrophe, or the modifier letter some fonts and keyboards give for one ("Metaʼs"), is a straight one.
 * An invisible character inside the word ("Net\u00ADflix") is dropped, as a question drops it.
 */
function foldWord(raw: string): string {
  let word = raw.toLowerCase().replace(/[’ʼ]/g, "'");
  if (/[\u0080-\uffff]/.test(word)) word = word.replace(INVISIBLE_EVERYWHERE, '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return word.replace(/'s$/, '');
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/** "5th" → the term of "fifth": courts write "Fifth Circuit" and "Fourteenth Amendment", readers "5th" and "14th". */
function ordinalWordTerm(word: string): string | undefined {
  const ordinal = /^(\d{1,2})(?:st|nd|rd|th)$/i.exec(word);
  const spelled = ordinal ? ORDINAL_WORDS[Number(ordinal[1]) - 1] : undefined;
  return spelled ? processWord(spelled) : undefined;
}

/** Terms of a legal or numeric token (one can yield several: "§1983" and "1983"). */
function termsOfSpecial(match: RegExpExecArray): string[] {
  const [, docket, date, statute, rule, section, para, money, hyphenated, number] = match;
  if (date) return termsOfDate(date);
  if (docket) {
    // The number's leading zeros go ("08570" → "8570"), which readers leave out; and as readers cite it, the number is
    // also without the judge's initials ("-JD") and without the division ("3:"): "20-cv-8570".
    const [, division = '', year, type, number, initials] = /^(\d{1,2}:)?(\d{2})-([a-z]{2,4})-(\d+)(.*)$/.exec(docket.toLowerCase())!;
    const short = `${year}-${type}-${Number(number)}`;
    const terms = initials ? [`${division}${short}${initials}`] : [];
    if (division) terms.push(`${division}${short}`);
    terms.push(short);
    return terms;
  }
  // "163-273(a)(1)" is also "163-273", which the text may cite bare or with other subsections.
  if (statute) return withoutSubsections(statute.toLowerCase());
  if (rule) return [rule.toLowerCase()];
  if (section) {
    const [value, ...rest] = withoutSubsections(section.replace(/^§+\s?/, '').toLowerCase());
    const terms = [`§${value}`, value!, ...rest];
    // "§§ 1981-1985" cites a range: its first and last sections are cited too, as "§ 1983" in a question may be.
    const plural = section.startsWith('§§') || match.input[match.index - 1] === '§';
    if (plural && value!.includes('-')) for (const end of value!.split('-')) terms.push(`§${end}`, end);
    return terms;
  }
  if (para) return [`¶${para.replace(/^¶+\s?/, '')}`];
  if (money) {
    const amount = money.replace(/^[$€£]\s?/, '').replace(/,/g, '');
    return [amount, `${money[0]}${amount}`];
  }
  if (hyphenated) return termsOfIsoDate(hyphenated) ?? [hyphenated, ...hyphenated.split('-')];
  return [(number ?? '').replace(/,/g, '')];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * "12/6/22" (a filing's stamp, a reader's shorthand) as the terms of "December 6, 2022", as opinions write it: the
 * month's name, the day and the year in full ("22" is 2022, "98" 1998). A month or day out of range stays numbers.
 */
function termsOfDate(date: string): string[] {
  const parts = date.split('/');
  const [month, day, year] = parts.map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31) return parts;
  const fullYear = year >= 100 ? year : year < 70 ? 2000 + year : 1900 + year;
  return [processWord(MONTHS[month - 1]!), String(day), String(fullYear)];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2022-12-06" (front matter, a log, a table of filings, a reader who writes dates so) as the terms of "December 6,
 * 2022", as "12/6/22" is. Any other hyphenated number, "163-273" a statute cited bare or "24-10" a score, is not.
 */
function termsOfIsoDate(hyphenated: string): string[] | undefined {
  const parts = ISO_DATE.exec(hyphenated);
  if (!parts) return undefined;
  const [, year, month, day] = parts.map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return [processWord(MONTHS[month - 1]!), String(day), String(year)];
}

/** A month's abbreviation as a date writes it ("Dec.", "Sept", "dec"), by its lowercase form. */
const MONTH_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  [...MONTHS.map((month) => [month.slice(0, 3), month] as const), ['sept', 'september'] as const].filter(([abbreviation]) => abbreviation !== 'may'),
);
/** What follows a month in a date: a day ("Dec. 6") or a year ("Dec. 2022", "20-Jan-2023"), and nothing of a longer number. */
const DAY_OR_YEAR_AFTER = /(?:\.?[ \t\u00a0]+|-)(?:[1-9]|[12]\d|3[01]|0[1-9]|\d{4})(?![\d:])/y;

/**
 * The term of the month an abbreviation stands for where it starts a date ("Nov. 4, 2020", as citations and
 * filings date things): "November 4" in a question then meets it, and "nov 4" a document's "November 4". Elsewhere
 * "Jan", "Mar" and "Dec" may be a name or a word, and stay what they are.
 */
function monthOfAbbreviation(text: string, word: string, end: number): string | undefined {
  const month = MONTH_ABBREVIATIONS.get(word.toLowerCase());
  if (month === undefined) return undefined;
  DAY_OR_YEAR_AFTER.lastIndex = end;
  return DAY_OR_YEAR_AFTER.test(text) ? processWord(month) : undefined;
}

/** A statute number without its subsections, then as written when it has any: "163-273(a)(1)" → 163-273, 163-273(a)(1). */
function withoutSubsections(statute: string): string[] {
  const base = statute.replace(/\(.*$/, '');
  return base === statute ? [statute] : [base, statute];
}

// "12b6", as chat types a rule's subsections without their parentheses: the "12(b)(6)" documents cite.
const RUN_TOGETHER_RULE = /^(\d{1,3})([a-z])(\d{1,2})$/i;

// Where a text's tokens are gathered, then its alias terms among them (only when it has some).
const baseBuffer = new TokenBuffer();
const aliasBuffer = new TokenBuffer();

/** The text's tokens, in the shared `baseBuffer`. */
function baseTokens(text: string): TokenBuffer {
  const tokens = baseBuffer.reset();
  const legal = new RegExp(LEGAL_PATTERN);
  for (let start = nextWordStart(text, 0), next = 0; start >= 0; start = nextWordStart(text, next)) {
    next = wordEnd(text, start);
    const word = text.slice(start, next);
    const before = text[start - 1];
    const symbolAt = isSymbol(before) ? start - 1 : isSpaceAfterSymbol(before) && isSymbol(text[start - 2]) ? start - 2 : -1;
    if (symbolAt >= 0 || isDigit(text.charCodeAt(start))) {
      legal.lastIndex = symbolAt >= 0 ? symbolAt : start;
      const special = legal.exec(text);
      if (special) {
        const end = special.index + special[0].length;
        const runTogether = end < next ? RUN_TOGETHER_RULE.exec(word) : null;
        if (runTogether) {
          tokens.push(`${runTogether[1]}(${runTogether[2]!.toLowerCase()})(${runTogether[3]})`, start, next);
          continue;
        }
        for (const term of termsOfSpecial(special)) tokens.push(term, special.index, end);
        const [, , , , , , , money, , number] = special;
        if (money || number) pushScaled(tokens, text, money ?? number!, special.index, end, money && end < next ? text.slice(end, next) : undefined);
        const ordinal = ordinalWordTerm(word);
        if (ordinal) tokens.push(ordinal, start, start + word.length);
        else if (end < next) pushUnit(tokens, text.slice(end, next), end);
        next = Math.max(next, end);
        continue;
      }
    }
    if (word.length === 1 && text[start + 1] === '.') {
      INITIALISM.lastIndex = start;
      const initialism = INITIALISM.exec(text);
      if (initialism) {
        const end = start + initialism[0].length;
        const letters = initialism[0].replace(/[. ]/g, '');
        const term = processWord(letters);
        if (term !== '') tokens.push(term, start, end);
        next = end;
        continue;
      }
    }
    const end = start + word.length;
    const compound = text.charCodeAt(end) === HYPHEN && word.length <= 7 ? prefixCompound(text, word, end) : undefined;
    if (compound) {
      // The prefix is read as the compound solid, spanning it; the word after it is still read on its own.
      tokens.push(compound.term, start, compound.end);
      continue;
    }
    const month = word.length <= 4 ? monthOfAbbreviation(text, word, next) : undefined;
    const term = month ?? processWord(word);
    if (term !== '') tokens.push(term, start, end);
    if (text.charCodeAt(end) === AMPERSAND && word.length <= 3) {
      // "AT&T", "P&G", "R&D": a name of letters joined by "&", whose letters alone are stop words or noise.
      AMPERSAND_NAME.lastIndex = start;
      const name = AMPERSAND_NAME.exec(text);
      if (name) tokens.push(name[0].toLowerCase(), start, start + name[0].length);
    }
    if (text.charCodeAt(end) === HYPHEN) {
      // Text laid out from a PDF breaks words across lines ("Dis-\n trict"): index the whole word too.
      // The halves stay (a line may break a real compound, "race-\nbased"), and so do the offsets.
      const rest = LINE_BREAK_HYPHEN.exec(text.slice(end, end + 40));
      if (rest) {
        const joined = processWord(word + rest[1]!);
        if (joined !== '') tokens.push(joined, start, end + rest[0].length);
      }
    }
  }
  return tokens;
}

/** "e-mail" as "email", when `word` is a joining prefix and one word follows its hyphen: the term and where it ends. */
function prefixCompound(text: string, word: string, end: number): { term: string; end: number } | undefined {
  if (!JOINING_PREFIXES.has(word.toLowerCase()) || text.charCodeAt(end - word.length - 1) === HYPHEN) return undefined;
  AFTER_PREFIX.lastIndex = end;
  const after = AFTER_PREFIX.exec(text);
  const term = after ? processWord(word + after[1]!) : '';
  return term === '' ? undefined : { term, end: end + after![0].length };
}

const MAGNITUDE_WORD = /[ \t\u00a0]+(million|billion|trillion)(?![\p{L}\p{N}])/iuy;
/** A magnitude, spelled out or as run into an amount of money ("$725M", "$1.5bn"). */
const MAGNITUDES: Readonly<Record<string, number>> = { million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, mm: 1e6, mil: 1e6, b: 1e9, bn: 1e9 };

/**
 * "$725 million" and "$725M" also as the amount in full, "$725,000,000" (725000000 and $725000000), which a
 * filing may write instead: one figure, however it is written. `runOn` is what follows an amount of money in its word.
 */
function pushScaled(tokens: TokenBuffer, text: string, amount: string, start: number, end: number, runOn: string | undefined): void {
  let scale: number | undefined;
  let scaledEnd = end;
  if (runOn !== undefined) scale = MAGNITUDES[runOn.toLowerCase()];
  else if (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9 || text.charCodeAt(end) === 0xa0) {
    MAGNITUDE_WORD.lastIndex = end;
    const word = MAGNITUDE_WORD.exec(text);
    if (word) {
      scale = MAGNITUDES[word[1]!.toLowerCase()];
      scaledEnd = end + word[0].length;
    }
  }
  if (scale === undefined) return;
  const symbol = /^[$€£]/.exec(amount)?.[0] ?? '';
  const value = Math.round(Number(amount.replace(/^[$€£]\s?/, '').replace(/,/g, '')) * scale);
  if (!Number.isSafeInteger(value)) return;
  tokens.push(String(value), start, scaledEnd);
  if (symbol) tokens.push(`${symbol}${value}`, start, scaledEnd);
}

// A unit run into its number ("100mg", "5pm", "10kg") is read as the word written apart ("100 mg"); an ordinal's
// ending ("21st", "100th"), a reporter's series ("3d") and a single letter ("1990s", "2020a") are no unit.
const UNIT = /^\p{L}{2,}$/u;
const ORDINAL_ENDING = /^(?:st|nd|rd|th)$/i;

function pushUnit(tokens: TokenBuffer, unit: string, start: number): void {
  if (!UNIT.test(unit) || ORDINAL_ENDING.test(unit)) return;
  const term = processWord(unit);
  if (term !== '') tokens.push(term, start, start + unit.length);
}

interface AliasPhrase {
  terms: string[];
  group: number;
}

/**
 * Builds the analyzer: lowercase, fold diacritics, drop stop words, Porter2 stems, legal tokens, and
 * one synthetic term per alias group ("~0") wherever any of the group's phrases appears, so
 * "DMs" in a question meets "direct messages" in a document on both the index and the query side.
 */
export function createAnalyzer(options: { aliases?: readonly (readonly string[])[] } = {}): Analyzer {
  const groups = withChatAbbreviations(withLegalAliases((options.aliases ?? []).map((group) => [...group])));
  const phrasesByFirstTerm = new Map<string, AliasPhrase[]>();
  const aliasWords = new Map<string, string>();
  const aliasPhraseWords = new Set<string>();
  groups.forEach((group, index) => {
    for (const phrase of group) {
      const words = phrase.toLowerCase().match(/\p{L}+/gu) ?? [];
      if (words.length > 1) for (const word of words) aliasPhraseWords.add(word);
      const terms = baseTokens(phrase).termsCopy();
      const first = terms[0];
      if (first === undefined) continue;
      const list = phrasesByFirstTerm.get(first) ?? [];
      list.push({ terms, group: index });
      list.sort((a, b) => b.terms.length - a.terms.length);
      phrasesByFirstTerm.set(first, list);
      if (terms.length === 1) aliasWords.set(first, `${ALIAS_PREFIX}${index}`);
    }
  });

  const aliasTerms = groups.map((_, index) => `${ALIAS_PREFIX}${index}`);

  /** The base tokens with each alias phrase's group term after its first word, in `aliasBuffer` when there are any. */
  function withAliases(base: TokenBuffer): TokenBuffer {
    let out: TokenBuffer | undefined;
    for (let i = 0; i < base.length; i++) {
      const term = base.terms[i]!;
      out?.push(term, base.starts[i]!, base.ends[i]!);
      const candidates = phrasesByFirstTerm.get(term);
      if (!candidates) continue;
      // The longest phrase of each group that starts here: "bi-weekly reports" can be both a
      // frequency and a kind of report, but "Meta Platforms" is one hit of its group, not two.
      const groupsHere: number[] = [];
      for (const phrase of candidates) {
        if (groupsHere.includes(phrase.group) || i + phrase.terms.length > base.length || !phrase.terms.every((word, offset) => base.terms[i + offset] === word)) continue;
        groupsHere.push(phrase.group);
        // Most texts hold no alias phrase: the base tokens are copied only once one is found.
        if (!out) {
          out = aliasBuffer;
          out.copyFrom(base, i + 1);
        }
        out.push(aliasTerms[phrase.group]!, base.starts[i]!, base.ends[i + phrase.terms.length - 1]!);
      }
    }
    return out ?? base;
  }

  const tokenList = (text: string): TokenList => withAliases(baseTokens(text)).toList();

  // The stemmer, word lists and alias groups analysis reads: changing one changes every index built with it. So does
  // Node's Unicode version, which says which characters are letters and how they fold ("ﬁ" → "fi", "é" → "e").
  const listSignature = JSON.stringify([[...STOP_WORDS], IRREGULAR_FORMS, ACTION_NOUNS, DERIVED_FORMS, KEPT_APART, groups]);
  return {
    version: `${ANALYZER_VERSION}:porter2-${STEMMER_VERSION}:unicode-${process.versions.unicode}:${listSignature}`,
    tokenList,
    tokens: (text) => {
      const list = tokenList(text);
      return list.terms.map((term, i) => ({ term, start: list.starts[i]!, end: list.ends[i]! }));
    },
    terms: (text) => withAliases(baseTokens(text)).termsCopy(),
    aliasWords,
    aliasPhraseWords,
  };
}

/** A phrase as the analyzer reads it: two spellings of one phrase ("free-speech", "free speech") match. */
const phraseKey = (phrase: string) => baseTokens(phrase).termsCopy().join(' ');

/** The pack's groups, then the built-in legal ones less any phrase a pack group already has. */
function withLegalAliases(packGroups: string[][]): string[][] {
  const taken = new Set(packGroups.flat().map(phraseKey));
  const legal = LEGAL_ALIASES.map((group) => group.filter((phrase) => !taken.has(phraseKey(phrase)))).filter((group) => group.length >= 2);
  return [...packGroups, ...legal];
}

/** Each chat abbreviation joins the group of the word it stands for, or makes a group with it. */
function withChatAbbreviations(groups: string[][]): string[][] {
  const taken = new Set(groups.flat().map(phraseKey));
  const merged = groups.map((group) => [...group]);
  for (const [word, abbreviations] of Object.entries(CHAT_ABBREVIATIONS)) {
    const fresh = abbreviations.filter((abbreviation) => !taken.has(phraseKey(abbreviation)));
    if (fresh.length === 0) continue;
    const wordKey = phraseKey(word);
    const group = merged.find((phrases) => phrases.some((phrase) => phraseKey(phrase) === wordKey));
    if (group) group.push(...fresh);
    else merged.push([word, ...fresh]);
  }
  return merged;
}

export function isAliasTerm(term: string): boolean {
  return term.startsWith(ALIAS_PREFIX);
}
