/**
 * The normalised form two phrasings of one question share: Unicode-folded, lower case, apostrophes
 * dropped ("court's" → "courts"), every other non-letter, non-digit run collapsed to one space.
 */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
