import { QUESTION_OPENING_WORDS } from './question-text.js';

/**
 * Chat spellings of everyday words ("wat", "u", "every1", "cuz"), read as the words they stand for
 * before a question is analysed: otherwise "wat" is no question word and "every1" an unknown topic.
 * Only lowercase whole words, and no lone letter that also names something ("y. pestis", "a number n"):
 * "U" in "U.S." or a name stays as typed. Shorthand for topic words ("govt", "ppl") is the analyzer's
 * alias list instead, so that it also meets documents that use it.
 */
const CHAT_SPELLINGS: Readonly<Record<string, string>> = {
  wat: 'what',
  wut: 'what',
  wht: 'what',
  wot: 'what',
  wen: 'when',
  whn: 'when',
  wer: 'where',
  whr: 'where',
  shud: 'should',
  wud: 'would',
  u: 'you',
  r: 'are',
  ur: 'your',
  every1: 'everyone',
  some1: 'someone',
  any1: 'anyone',
  b4: 'before',
  abt: 'about',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  tho: 'though',
  thru: 'through',
  w: 'with',
  'w/': 'with',
  'w/o': 'without',
  // Contractions typed without their apostrophe.
  didnt: "didn't",
  doesnt: "doesn't",
  dont: "don't",
  isnt: "isn't",
  wasnt: "wasn't",
  werent: "weren't",
  arent: "aren't",
  cant: "can't",
  couldnt: "couldn't",
  shouldnt: "shouldn't",
  wouldnt: "wouldn't",
  wont: "won't",
  hasnt: "hasn't",
  havent: "haven't",
  hadnt: "hadn't",
  thats: "that's",
  theres: "there's",
  im: "i'm",
};

// Not inside a citation's brackets: "§ 163-82.6(u)", "Rule 12(r)".
const CHAT_WORD = new RegExp(`(?<![\\p{L}\\p{N}/(])(?:${Object.keys(CHAT_SPELLINGS).map((word) => word.replace('/', '\\/')).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}/)])`, 'gu');

/**
 * "wait, who …", "hold on so …": a message that opens by holding the conversation up, not by naming its
 * topic. Only before a question word, a verb or a pronoun: "wait times at the polls?" asks about them.
 */
const OPENING_HOLD =
  new RegExp(String.raw`^\s*(?:wait|hold on)\b[\s,.!:;-]*(?=(?:so|but|and|ok|okay|lol|really|actually|${QUESTION_OPENING_WORDS}|will|would|i|you|u|we|they|he|she|it|this|that)\b)`, 'iu');

/**
 * "ok but like how much …", "like what kind of case is it": chat's filler "like", only before a question
 * word or verb; "firms like Palantir" and "what is it like" keep theirs.
 */
const FILLER_LIKE = new RegExp(String.raw`\blike\b[\s,]*(?=(?:${QUESTION_OPENING_WORDS})\b)`, 'gi');

/** "y did they …", "y is it …": chat's "why", only where a question opens with it and a verb follows ("y. pestis" stays). */
const OPENING_Y = /^(\s*)y(?=\s+(?:did|does|do|is|was|are|were|would|can|could|should|has|have|had|didn't|doesn't|don't|isn't|wasn't|wouldn't)\b)/iu;

/** "hw much …", "hw did they …": chat's "how", only before what follows a "how" ("HW revision" and "hw 3" stay). */
const HW = /\bhw(?=\s+(?:much|many|long|old|often|far|come|did|does|do|is|was|are|were|can|could|should|would|has|have|had)\b)/gu;

/**
 * "hogarth vs bell", "Fisher vs. UT", "Hogarth versus Bell": a case named as chat types it, read as the "v." its
 * documents write; otherwise "vs" is a word they never use, and the case is neither found nor told apart. Only
 * between two words: a "vs" that ends or opens the question stays.
 */
const VERSUS = /(?<=[\p{L}\p{N}.’'] +)(?:vs\.?|versus)(?= +[\p{L}\p{N}])/giu;

/**
 * "who're", "what'll", "who've": a question word's contraction, written out so the question word is read and the
 * contraction is no word the documents never use.
 */
const QUESTION_WORD_CONTRACTION = /\b(who|what|where|when|why|how)['’](re|ll|ve)\b/giu;
const CONTRACTED: Readonly<Record<string, string>> = { re: 'are', ll: 'will', ve: 'have' };

/** The question with chat spellings of everyday words written out and an opening "wait" and a filler "like" dropped; everything else as typed. */
export function withChatSpellingsWrittenOut(question: string): string {
  return question
    .replace(QUESTION_WORD_CONTRACTION, (_contraction, word: string, ending: string) => `${word} ${CONTRACTED[ending.toLowerCase()]!}`)
    .replace(OPENING_HOLD, '').replace(OPENING_Y, '$1why').replace(HW, 'how').replace(VERSUS, 'v.').replace(FILLER_LIKE, '').replace(CHAT_WORD, (word) => CHAT_SPELLINGS[word]!);
}
