import type { Passage } from '../types.js';

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** "five", "twelve", "forty-two", "forty two": a number from 1 to 99 written out, as a chat question may ask "paragraph forty-two". */
const NUMBER_WORD = String.raw`(?:${TENS.join('|')})(?:[- ](?:${UNITS.join('|')}))?|${TEENS.join('|')}|${UNITS.join('|')}`;

/** "42" or "forty-two", as the first or second group; not the "one" of "one-sided" nor of "oneness". */
const NUMBER = String.raw`(?:(\d{1,4})\b|(${NUMBER_WORD})\b(?![-'’]))`;

/** "¶ 42", "¶42", "paragraph 42", "para. 42", "paragraph forty-two": a paragraph named by the number its citation shows. */
const PARAGRAPH_REFERENCE = new RegExp(String.raw`(?:¶\s*|\bpara(?:graph)?\.?\s+)${NUMBER}`, 'i');

/** The value of a number `NUMBER_WORD` matched: "forty-two" → 42. */
function numberOfWords(words: string): number {
  const [tens, units] = words.toLowerCase().split(/[- ]/);
  if (TEENS.includes(tens!)) return 10 + TEENS.indexOf(tens!);
  if (UNITS.includes(tens!)) return 1 + UNITS.indexOf(tens!);
  return 20 + 10 * TENS.indexOf(tens!) + (units ? 1 + UNITS.indexOf(units) : 0);
}

/** "page 12", "p. 12", "pg 12", "page five": a page named by its number, as citations show it ("p. 12"). */
const PAGE_REFERENCE = new RegExp(String.raw`\b(?:(?:page|pg\.?|p\.)\s*(\d{1,4})\b|(?:page|pg\.?)\s+${NUMBER})`, 'i');

export interface ParagraphAsked {
  /** A paragraph ("¶ 42", "para. 42") or a page ("p. 12") the question points at. */
  unit: 'paragraph' | 'page';
  number: number;
  /** "¶ 42" is how a filing's own numbered paragraph is cited; "para. 42" may be any document's 42nd. */
  ownNumber: boolean;
  /** The question without the reference: its other words choose among the documents' paragraphs of that number. */
  rest: string;
  /** The reference as typed: "paragraph 999", "p. 12". */
  reference: string;
}

/**
 * The paragraph or page a question points at by its number ("what does ¶ 42 of the complaint say?", "what's on p. 12
 * of the order?"), if it names one.
 */
export function paragraphAsked(question: string): ParagraphAsked | undefined {
  const paragraph = PARAGRAPH_REFERENCE.exec(question);
  if (paragraph) return { unit: 'paragraph', number: numberOf(paragraph.slice(1)), ownNumber: paragraph[0].startsWith('¶'), rest: without(question, paragraph), reference: paragraph[0] };
  const page = PAGE_REFERENCE.exec(question);
  return page ? { unit: 'page', number: numberOf(page.slice(1)), ownNumber: false, rest: without(question, page), reference: page[0] } : undefined;
}

/** The number a reference holds, in digits or in words: the one group it filled. */
function numberOf(groups: readonly (string | undefined)[]): number {
  const number = groups.find((group) => group !== undefined)!;
  return /^\d+$/.test(number) ? Number(number) : numberOfWords(number);
}

/** The question without the reference: its other words choose among the passages it points at. */
function without(question: string, reference: RegExpExecArray): string {
  return `${question.slice(0, reference.index)} ${question.slice(reference.index + reference[0].length)}`.replace(/\s+/g, ' ').trim();
}

/**
 * The passages citations label with the paragraph asked for: a filing's own "¶ N" and, in documents
 * that do not number their paragraphs, the Nth ("para. N"). Where a filing numbers a paragraph N, its
 * unnumbered Nth paragraph (a heading's or the caption's) is not the one meant; nor, when the question
 * writes "¶ N" and some filing has one, is any document's Nth.
 */
export function passagesNumbered(passagesByDoc: ReadonlyMap<string, readonly Passage[]>, { unit, number, ownNumber }: ParagraphAsked): Passage[] {
  if (unit === 'page') return [...passagesByDoc.values()].flatMap((passages) => passages.filter((passage) => passage.locator.page === number));
  const own: Passage[] = [];
  const nth: Passage[] = [];
  for (const passages of passagesByDoc.values()) {
    const matching = passages.filter((passage) => passage.locator.paragraph === number);
    const numbered = matching.filter((passage) => passage.locator.numbered);
    if (numbered.length > 0) own.push(...numbered);
    else nth.push(...matching);
  }
  return ownNumber && own.length > 0 ? own : [...own, ...nth];
}
