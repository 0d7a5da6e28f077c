/**
 * Apostrophes as keyboards type them: straight, curly, the modifier letter, and the acute accent, backtick and prime
 * that keyboards without one give ("didn´t", "didn`t"), full-width forms too. Dropped before Unicode folding, which
 * turns the acute accent into a space and a combining mark: "didn´t" must read "didnt", a negation, not "didn t".
 */
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4\u2032\uff07\uff40]/g;

/**
 * The normalised form two phrasings of one question share: Unicode-folded, lower case, apostrophes
 * dropped ("court's" → "courts"), "§" and "¶" written out, every other non-letter, non-digit run collapsed to one space.
 */
export function normalizeQuestion(question: string): string {
  return question
    .replace(APOSTROPHES, '')
    .normalize('NFKC')
    .toLowerCase()
    // The sign says what the number counts: dropped, "§ 5" and "¶ 5" were one question.
    .replace(/§+/g, ' section ')
    .replace(/¶+/g, ' paragraph ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
