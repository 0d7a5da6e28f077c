import type { Passage } from '../types.js';

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** "five", "twelve", "forty-two", "forty two": a number from 1 to 99 written out, as a chat question may ask "paragraph forty-two". */
const NUMBER_WORD = String.raw`(?:${TENS.join('|')})(?:[- ](?:${UNITS.join('|')}))?|${TEENS.join('|')}|${UNITS.join('|')}`;

/** "¶ 42", "¶42", "paragraph 42", "para. 42", "paragraph forty-two": a paragraph named by the number its citation shows. */
const PARAGRAPH_REFERENCE = new RegExp(String.raw`(?:¶\s*|\bpara(?:graph)?\.?\s+)(?:(\d{1,4})\b|(${NUMBER_WORD})\b(?![-'’]))`, 'i');

/** The value of a number `NUMBER_WORD` matched: "forty-two" → 42. */
function numberOfWords(words: string): number {
  const [tens, units] = words.toLowerCase().split(/[- ]/);
  if (TEENS.includes(tens!)) return 10 + TEENS.indexOf(tens!);
  if (UNITS.includes(tens!)) return 1 + UNITS.indexOf(tens!);
  return 20 + 10 * TENS.indexOf(tens!) + (units ? 1 + UNITS.indexOf(units) : 0);
}

export interface ParagraphAsked {
  number: number;
  /** "¶ 42" is how a filing's own numbered paragraph is cited; "para. 42" may be any document's 42nd. */
  ownNumber: boolean;
  /** The question without the reference: its other words choose among the documents' paragraphs of that number. */
  rest: string;
}

/** The paragraph a question points at by its number ("what does ¶ 42 of the complaint say?"), if it names one. */
export function paragraphAsked(question: string): ParagraphAsked | undefined {
  const match = PARAGRAPH_REFERENCE.exec(question);
  if (!match) return undefined;
  return { number: match[1] ? Number(match[1]) : numberOfWords(match[2]!), ownNumber: match[0].startsWith('¶'), rest: `${question.slice(0, match.index)} ${question.slice(match.index + match[0].length)}`.trim() };
}

/**
 * The passages citations label with the paragraph asked for: a filing's own "¶ N" and, in documents
 * that do not number their paragraphs, the Nth ("para. N"). Where a filing numbers a paragraph N, its
 * unnumbered Nth paragraph (a heading's or the caption's) is not the one meant; nor, when the question
 * writes "¶ N" and some filing has one, is any document's Nth.
 */
export function passagesNumbered(passagesByDoc: ReadonlyMap<string, readonly Passage[]>, { number, ownNumber }: ParagraphAsked): Passage[] {
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
