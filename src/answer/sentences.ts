import { breaksWord } from '../broken-word.js';
import { fencedCode, isFence } from '../code-fences.js';

/** A sentence as the half-open range [start, end) of the text it was split from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

// Words that end with a period without ending the sentence, common in legal, news and academic English.
const ABBREVIATIONS = new Set(
  `v vs no nos inc corp co ltd llc llp l.l.c u.s.c u.s u.k u.n f supp cal n.d s.d e.d w.d c.d d cir id
e.g i.e et al mr mrs ms dr jr sr st jan feb mar apr jun jul aug sep sept oct nov dec art sec para paras pp p
fed r civ crim evid app ct stat cong rev gen gov hon j jj cf ecf dkt ex exh compl mot opp decl am ann ariz
colo conn del fla ga ill ind kan ky la mass md mich minn miss mo mont neb nev n.j n.m n.y n.c okla or pa r.i
s.c tenn tex va vt wash wis wyo assn ass'n dept dep't univ bros mfg nat'l int'l cty ave blvd approx est fig
ch cl pl def defs pl's pls re ref vol ed eds rep sess ann educ proc dist super admin amend const cert pet resp
br mem op ord app'x pub tit supp'l reg regs comm'n cmty env't gov't int'l corp ins mun sch serv transp util
eq eqs figs refs vols prof profs conf trans assoc viz cit ibid arg tr ala suppl aff prelim inj hr'g dep doc docs leg cnty indep atl
ark haw bd bds mgmt auth ctr distrib div hosp hous indus inst liab mkt mfr merch mortg mut prod prop sys twp juris elec prac
colum harv misc rptr bankr sup sen sens lt sgt capt col pres supt asst atty att'y sec'y dir exec messrs
bus comp cons com cent me tel tech sol sols grp enters pharm pharms fin servs info comput elec elecs mktg inv invs cos ret emp emps
found rsch ry jud commc'n commc'ns entm't publ'g sav telecomm constr consol equip exch guar`.split(/\s+/),
);

// State and other abbreviations that are also plain words, abbreviated only when capitalised: "Mass. Gen. Laws" and
// "Fourth Am. Compl." go on, a "critical mass." or "fell ill." ends its sentence.
const CAPITALISED_ABBREVIATIONS = new Set(['mass', 'ill', 'ind', 'wash', 'miss', 'del', 'la', 'mo', 'pa', 'or', 'am', 'me', 'bus', 'comp', 'cons', 'com', 'cent', 'tech', 'sol', 'fin', 'info', 'found', 'fed', 'inv', 'ret', 'emp', 'sav']);

// Abbreviations that are also everyday words, abbreviated in lowercase only before a number or a numeral ("no. 5",
// "art. III", "cert. denied"): before a capitalised word ("he said no. The court …", "installed the app. Users …")
// they end the sentence.
const EVERYDAY_WORDS = new Set(['no', 'art', 'app', 'pet', 'exec', 'leg', 'pub', 'super', 'doc', 'docs', 'prop', 'prod', 'rep', 'ex', 'cert', 'fig']);
const CAPITALISED_WORD_AFTER = /^\s+["“'‘(]?\p{Lu}\p{Ll}/u;
// A web address or an e-mail's domain ("www.ncsbe.gov", "usa.gov"), whose last part is no abbreviation.
const DOMAIN = /^[\p{Ll}-]{2,}(?:\.[\p{Ll}-]+)*\.\p{Ll}{2,}$/u;

// A letter that names an exhibit or a part ("See Ex. A.", "under Count B.") is no initial: its period can end the sentence.
const LETTER_LABEL = /\b(?:ex|exh|exhibits?|app|appendix|attachment|annex|schedule|tab|part|count)\.?\s+\p{Lu}$/iu;

// Abbreviations that end a name (a street's "Main St.", a degree's "Jane Roe, Ph.D.") or a time, and so can end a
// sentence too.
const NAME_ENDINGS = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'llp', 'l.l.c', 'jr', 'sr', 'bros', 'al', 'u.s', 'u.k', 'a.m', 'p.m', 'st', 'ph.d', 'm.d', 'j.d']);
// A state's abbreviation, which closes a place's name ("Tampa, Fla.", "Washington, D.C.") as often as it opens a code's.
const STATES = new Set(
  `ala ariz ark cal colo conn del fla ga haw ill ind kan ky la mass md mich minn miss mo mont neb nev n.h n.j n.m n.y n.c n.d
okla or pa r.i s.c s.d tenn tex va vt w.va wash wis wyo d.c`.split(/\s+/),
);
// What a time ("10 a.m.") goes on with: its zone, a day or a month.
const TIME_GOES_ON =
  /^\s+(?:Pacific|Eastern|Central|Mountain|Atlantic|Hawaii|Alaska|Standard|Daylight|Local|[PECMA][SD]?T|UTC|GMT|(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;

// Words that open a sentence and never carry a name on: "Meta Platforms, Inc. The complaint …" (but "Inc. Was sued").
const SENTENCE_OPENER = /^\s+["“]?(?:The|Then|This|That|These|Those|It|Its|They|Their|He|She|His|Her|We|Our|There|But|However|In|On|After|Before|When|While|If|Although)\b/u;

/**
 * Whether the text between two sentences holds a blank line, a list item's bullet, a table row's end or a code fence:
 * they then stand in different blocks (a heading, a list item, a table row, code, a paragraph), which no quote runs across.
 */
export function separatesBlocks(gap: string): boolean {
  return /\n[^\S\n]*\n|\n[ \t]*[-*+•][ \t]|\|[ \t]*\n[ \t]*\||\n[ \t]*(?:```|~~~)/.test(gap);
}

// A Markdown table's row ("| 2022-01-14 | Motion granted. Leave given | ECF No. 214 |"), and the rule under its header
// ("|------|:----:|") that makes the lines a table.
const TABLE_ROW = /^[ \t]*\|[^\n]*\|[ \t]*$/gm;
const TABLE_RULE = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$/m;

/** The rows of the Markdown tables in `text`: each is one sentence, whatever periods its cells hold. */
function tableRows(text: string): SentenceSpan[] {
  if (!text.includes('|') || !TABLE_RULE.test(text)) return [];
  return [...text.matchAll(TABLE_ROW)].map((row) => ({ start: row.index, end: row.index + row[0].length }));
}

/** The lines of fenced code in `text`, its fences included: each is one sentence, whatever periods it holds. */
function codeLines(text: string): SentenceSpan[] {
  const lines: SentenceSpan[] = [];
  for (const code of fencedCode(text)) {
    for (const line of text.slice(code.start, code.end).matchAll(/[^\n]+/g)) lines.push({ start: code.start + line.index, end: code.start + line.index + line[0].length });
  }
  return lines;
}

/** Whether `at` falls strictly inside one of `spans` (sorted, apart). */
function strictlyInside(spans: readonly SentenceSpan[], at: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (at <= span.start) high = middle - 1;
    else if (at >= span.end) low = middle + 1;
    else return true;
  }
  return false;
}

const CANDIDATE_END = /[.!?…]+["”’')\]]*(?=\s+["“'‘([]?[\p{Lu}\p{N}§¶$])/gu;

/**
 * A footnote's marker after a sentence's end, before the next sentence: "drives such plans.2 As for …", "plans.¹ As",
 * "(4th Cir. 1982). [2] Such a motion …", "Id. [2] On the other hand …", Markdown's "was denied.[^1] The court …",
 * after a quotation's parenthetical: "… in Prince Edward County”).2 Unmoved by this …".
 * The marker belongs to the sentence it follows:
 * the next one must not open with it, nor run on from it. A number glued to a period only after a word (not "1.5",
 * "F.2d" or "U.S.2").
 */
const FOOTNOTE_AT = /(?:(?<=\p{Ll}{2}["”’')]{0,3})[.!?]["”’')]*(?:\d{1,3}|[¹²³⁰⁴-⁹]{1,3})|[.!?]["”’')\]]*[^\S\n]?\[(?:\d{1,3}|\^[\w-]{1,20})\])(?=\s+["“'‘(]?\p{Lu})/uy;
const SENTENCE_PUNCTUATION = /[.!?]/g;

/**
 * The footnote markers of `text`, left to right. The marker pattern is tried only where a sentence's punctuation
 * stands (it is sticky): run over the whole text, its look-behind made sentence splitting twice as slow.
 */
function footnoteMarkers(text: string): RegExpExecArray[] {
  const markers: RegExpExecArray[] = [];
  let from = 0;
  for (const punctuation of text.matchAll(SENTENCE_PUNCTUATION)) {
    if (punctuation.index < from) continue;
    FOOTNOTE_AT.lastIndex = punctuation.index;
    const marker = FOOTNOTE_AT.exec(text);
    if (!marker) continue;
    markers.push(marker);
    from = marker.index + marker[0].length;
  }
  return markers;
}

// What a quotation's citation says of it, set after the quotation: "(Emphasis added.)", "(citations omitted)."
export const QUOTATION_NOTE = /^\((?:emphasis|alterations?|citations?|internal|footnotes?|quotation|brackets|ellipses)\b[^()\n]{0,60}\)\.?/i;
// The same note after a sentence's end: it belongs to the sentence it follows, and is no sentence of its own.
const QUOTATION_NOTE_AFTER = new RegExp(String.raw`\s+${QUOTATION_NOTE.source.slice(1)}`, 'iy');

/** Whether a quotation's note ("(Emphasis added.)") follows a sentence end at `at` (a blank line ends a sentence anyway). */
function quotationNoteAt(text: string, at: number): boolean {
  QUOTATION_NOTE_AFTER.lastIndex = at;
  return QUOTATION_NOTE_AFTER.test(text);
}

// Units of measure written after a number: "5 ft. 10 in. tall", "3 lb. 4 oz." go on with the next number.
const UNIT_BEFORE_NUMBER = /\d\s?(?:ft|in|yd|mi|lb|lbs|oz|hr|hrs|min|mins|sec|secs|gal|qt|pt)$/i;

/**
 * Splits text into sentences and keeps exact offsets. No break after "v.", "No.", "Inc.",
 * "U.S.C.", "F. Supp.", "N.D. Cal.", "Id.", "e.g.", "et al.", single initials or months.
 * Blank lines always end a sentence (headings, list items, paragraphs).
 */
export function splitSentences(text: string, offset = 0): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = skipBullet(text, skipSpace(text, 0));
  const rows = tableRows(text);
  const code = codeLines(text);
  // Lines that are a sentence each, whole: a table's rows and a code block's lines.
  const lines = rows.length === 0 ? code : [...rows, ...code].sort((a, b) => a.start - b.start);
  const push = (end: number) => {
    let trimmed = end;
    while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
    // A table row is quoted from its first cell to its last, without the pipes around them.
    if (rows.length > 0 && text[start] === '|' && text[trimmed - 1] === '|') {
      start = skipSpace(text, start + 1);
      trimmed--;
      while (trimmed > start && /\s/.test(text[trimmed - 1]!)) trimmed--;
    }
    const sentence = text.slice(start, trimmed);
    // A filing's paragraph number ("42.") is the citation's business, not a sentence to quote; nor is a table's rule or
    // a code block's fence.
    const markup = (rows.length > 0 && /^[-:|\s]+$/.test(sentence)) || (code.length > 0 && isFence(sentence));
    if (trimmed > start && !/^\d{1,4}\.$/.test(sentence) && !markup) spans.push({ start: start + offset, end: trimmed + offset });
  };
  const footnotes = footnoteMarkers(text).filter((match) => !/^[.!?]["”’')]*[\d¹²³⁰⁴-⁹]/.test(match[0]) || !ABBREVIATIONS.has(wordBefore(text, match.index)));
  // A sentence ending before a footnote's marker ends after it instead.
  const beforeFootnote = (at: number) => footnotes.some((footnote) => at > footnote.index && at < footnote.index + footnote[0].length);
  const boundaries = [...text.matchAll(CANDIDATE_END)]
    .filter((match) => endsSentence(text, match.index, match[0]) && !quotationNoteAt(text, match.index + match[0].length))
    .map((match) => match.index + match[0].length)
    .filter((boundary) => !beforeFootnote(boundary) && !strictlyInside(lines, boundary));
  for (const footnote of footnotes) boundaries.push(footnote.index + footnote[0].length);
  // Blank lines and list items end a sentence wherever they fall; a period inside brackets does not.
  const blockEnds = new Set<number>();
  for (const match of text.matchAll(/\n\s*\n/g)) if (!breaksWord(text, match.index, match.index + match[0].length)) blockEnds.add(match.index);
  for (const match of text.matchAll(ITEM_END)) blockEnds.add(match.index + match[0].length);
  for (const line of lines) blockEnds.add(line.start).add(line.end);
  boundaries.push(...blockEnds);
  boundaries.sort((a, b) => a - b);
  for (const boundary of boundaries) {
    if (boundary <= start || (!blockEnds.has(boundary) && insideParentheses(text, start, boundary))) continue;
    push(boundary);
    start = skipBullet(text, skipSpace(text, boundary));
  }
  push(text.length);
  return spans;
}

/** How far a parenthesis may run on past a sentence end inside it and still be read as one. */
const MAX_PARENTHESIS_CHARS = 600;

/**
 * Whether `at` falls inside a parenthesis opened since `start` that closes later in the same block: a quotation in a
 * citation's parenthetical ("… (“Many regions … group. Because of the persistence … universities.”).") is part of the
 * sentence citing it, and a quote opening inside it would end on a stray "”)." and pass the quotation for the court's words.
 */
function insideParentheses(text: string, start: number, at: number): boolean {
  const opening = text.indexOf('(', start);
  if (opening === -1 || opening >= at) return false;
  let depth = 0;
  for (let i = start; i < at; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth > 0) depth--;
  }
  if (depth === 0) return false;
  const rest = text.slice(at, at + MAX_PARENTHESIS_CHARS);
  const blockEnd = /\n[^\S\n]*\n/.exec(rest)?.index ?? rest.length;
  for (let i = 0; i < blockEnd; i++) {
    if (rest[i] === '(') depth++;
    else if (rest[i] === ')' && --depth === 0) return true;
  }
  return false;
}

/** The word before a period at `index`, lowercased: "plans" of "plans.2". */
function wordBefore(text: string, index: number): string {
  return (/[\p{L}.'’]+$/u.exec(text.slice(Math.max(0, index - 12), index))?.[0] ?? '').toLowerCase().replace(/’/g, "'");
}

// A list item's sentence end, before the next item's bullet on the next line ("- The first claim was dismissed.\n- The …").
const ITEM_END = /[.!?]["”’')\]]*(?=[ \t]*\n[ \t]*[-*+•][ \t]+\S)/g;
// The bullet a list item opens with: the list's markup, not words of the sentence. So is an item's number opening a
// line ("2. Fill in the form"); mid-line, "2) It may attack them" is the writer's words.
const BULLET = /^[-*+•][ \t]+(?=\S)/;
const ITEM_NUMBER = /^\d{1,3}[.)][ \t]+(?=\S)/;

// Markdown's markup opening a line: a block quotation's ">" ("> The agreement provides …") and a footnote's label ("[^1]:
// The agreement was filed under seal."). A ">" glued to a number (">50% of users") is the writer's.
const LINE_MARKUP = /^(?:(?:>[ \t]*)*>[ \t]+|\[\^[\w-]{1,20}\]:[ \t]*)(?=\S)/;

/** Past a list item's bullet at `from`, and the Markdown markup opening its line, if they open the sentence there. */
function skipBullet(text: string, from: number): number {
  const atLineStart = lineStartBefore(text, from) !== undefined;
  const markup = atLineStart ? (LINE_MARKUP.exec(text.slice(from, from + 30))?.[0].length ?? 0) : 0;
  const opening = text.slice(from + markup, from + markup + 6);
  const bullet = BULLET.exec(opening) ?? (atLineStart ? ITEM_NUMBER.exec(opening) : null);
  return from + markup + (bullet ? bullet[0].length : 0);
}

/** Where the line holding `at` starts, if only spaces or tabs stand between there and `at`. */
function lineStartBefore(text: string, at: number): number | undefined {
  let start = at;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return start === 0 || text[start - 1] === '\n' ? start : undefined;
}

// The lines of a block above a list item that may hold the item before it.
const LIST_LOOKBACK_CHARS = 600;

/**
 * Whether the period at `index` closes a numbered list item's number at a line's start: "1." under a line that ends
 * with ":" ("To file a response:\n1. Download the form"), or "2." in a block with an item "1." above it. It ends no
 * sentence; "… under Rule\n12. The court …" does.
 */
function opensListItem(text: string, index: number): boolean {
  // Read backwards from the period, a few characters at most: this runs at every sentence end.
  let digits = index;
  while (digits > 0 && index - digits <= 3 && /\d/.test(text[digits - 1]!)) digits--;
  if (digits === index || index - digits > 3) return false;
  const lineStart = lineStartBefore(text, digits);
  if (lineStart === undefined || lineStart === 0) return false;
  const above = text.slice(Math.max(0, lineStart - LIST_LOOKBACK_CHARS), lineStart - 1);
  const item = Number(text.slice(digits, index));
  if (item === 1) return /:[ \t]*$/.test(above);
  const block = above.split(/\n[^\S\n]*\n/).at(-1)!;
  return new RegExp(String.raw`(?:^|\n)[ \t]*${item - 1}[.)][ \t]`).test(block);
}

function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

function endsSentence(text: string, index: number, punctuation: string): boolean {
  // "…" set apart by spaces ("votes … The county") leaves words out of a quotation, as ". . ." does; right after
  // a word ("It went on… Then") it trails off, as "..." does.
  if (punctuation.startsWith('…')) return !/\s/.test(text[index - 1] ?? ' ') || /^…[.!?]/.test(punctuation);
  if (!punctuation.startsWith('.') || punctuation.startsWith('..')) return true;
  // The last dot of a spaced ellipsis (". . .") marks words left out of a quotation, mid-sentence; legal writing
  // ends a sentence with four (". . . .").
  if (/(?:^|[^.\s])\s?\.\s\.\s$/.test(text.slice(Math.max(0, index - 6), index))) return false;
  if (opensListItem(text, index)) return false;
  const before = text.slice(Math.max(0, index - 12), index);
  if (UNIT_BEFORE_NUMBER.test(before) && /^\s+\d/.test(text.slice(index + punctuation.length))) return false;
  const word = /([\p{L}.'’]+)$/u.exec(before)?.[1];
  if (!word) return true;
  const lower = word.toLowerCase().replace(/’/g, "'");
  // "Id." is a citation of its own: a word after it that opens with a capital opens the next sentence ("Id. In other
  // words, …"), while "Id. at 4", "Id. ¶ 6" and "Id. § 2" go on citing.
  if ((lower === 'id' || lower === 'ibid') && /^["“'‘(]?\p{Lu}\p{Ll}/u.test(text.slice(index + punctuation.length).trimStart())) return true;
  // A name's last word ("Meta Platforms, Inc.", "Smith et al.", "the U.S.") ends the sentence before a word no name goes on
  // with; so does an initial, a judge's "J." of "Smith, J. The court held …" or "Plan B. The" included.
  if ((NAME_ENDINGS.has(lower) || /^(?:\p{Lu}|JJ)$/u.test(word)) && SENTENCE_OPENER.test(text.slice(index + punctuation.length))) return true;
  // A time ends the sentence before any capitalised word but a time zone, a day or a month ("at 10:00 a.m. Counsel
  // shall appear", but "10 a.m. Pacific time", "9 a.m. Monday").
  if ((lower === 'a.m' || lower === 'p.m') && /^\s+["“]?\p{Lu}/u.test(text.slice(index + punctuation.length)) && !TIME_GOES_ON.test(text.slice(index + punctuation.length))) return true;
  // So does a state closing a place ("in Tampa, Fla. The court held …"); "Fla. Stat." goes on citing.
  if (/^\p{Lu}/u.test(word) && STATES.has(lower) && SENTENCE_OPENER.test(text.slice(index + punctuation.length))) return true;
  // A reporter's volume ("130 So. 721", "59 Misc. 3d 123") and a law review's name ("75 Colum. L. Rev. 559") cite on.
  if (/^\s+(?:\d|L\.\s?(?:Rev|J)\.)/.test(text.slice(index + punctuation.length)) && /\d\s+(?:[\p{Lu}][\p{L}.]*\s+)?[\p{Lu}][\p{L}]*$/u.test(before)) return false;
  // The word's last dotted part decides: "Amazon.com." ends a sentence, "Mich. Comp." does not.
  const lastPart = word.replace(/^.*\.(?=.)/, '');
  const plainWord =
    (CAPITALISED_ABBREVIATIONS.has(lastPart.toLowerCase()) && /^\p{Ll}/u.test(lastPart)) ||
    (EVERYDAY_WORDS.has(word) && CAPITALISED_WORD_AFTER.test(text.slice(index + punctuation.length))) ||
    DOMAIN.test(word);
  if (!plainWord && (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/^.*\./, '')))) return false;
  // A footnote in a pin cite ("539 U. S., at 303–304, n. 10"); a lone "n." elsewhere may end a sentence ("for some n.").
  if (word === 'n' && /,\s*n$/.test(before)) return false;
  // Single initials ("Mark E. Zuckerberg", "J. Donato") and dotted acronyms ("U.S.", "N.D."); a letter closing a number
  // ("§ 402A.", "Form 10-K.") is no initial.
  if (/^\p{Lu}$/u.test(word)) return /\d-?$/.test(before.slice(0, -1)) || LETTER_LABEL.test(text.slice(Math.max(0, index - 16), index));
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}
