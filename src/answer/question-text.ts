/**
 * Characters that show nothing and join no words: zero-width spaces, soft hyphen, word joiner, BOM, the
 * combining grapheme joiner, Hangul and Khmer fillers, and bidi controls (the Arabic letter mark among them).
 * Text pasted from PDFs and web pages carries them inside words ("Net\u200Bflix"), which would split the
 * word for the search; bidi controls could also reorder the question echoed back.
 * The zero-width joiner (U+200D) stays: emoji sequences need it.
 */
// The grapheme joiner and the Khmer fillers are combining marks, so they are alternatives rather than class members.
const INVISIBLE = /\u034F|\u17B4|\u17B5|[\u00AD\u061C\u115F\u1160\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;

/**
 * What the user typed, as the search should see it: invisible characters removed, control characters as
 * spaces, whitespace collapsed, at most `maxChars` UTF-16 units. Empty when nothing visible is left, so a
 * blank-looking question gets the "please type a question" notice instead of a no-match answer.
 */
export function cleanQuestion(raw: string, maxChars = Number.POSITIVE_INFINITY): string {
  const text = cutWhole(withoutQuotedReply(raw.replace(INVISIBLE, '')).replace(/\p{Cc}/gu, ' ').replace(/\s+/g, ' ').trim(), maxChars);
  return /^[\p{Cf}\s]*$/u.test(text) ? '' : text;
}

/** Lines quoting an earlier message ("> netflix read everyone's dms"), where a chat reply opens with them. */
const QUOTED_LINES = /^(?:[^\S\n]*>[^\n]*(?:\n|$))+/;

/**
 * A reply's question without the message it quotes above it: "> netflix read everyone's dms⏎is that true?" asks
 * the question under the quote, and the quoted words are no topic of it ("everyone" a word the documents never
 * use). A message that is nothing but a quote is left as typed, and so is a quote after the question.
 */
function withoutQuotedReply(text: string): string {
  const unquoted = text.replace(QUOTED_LINES, '');
  return unquoted !== text && /\p{L}/u.test(unquoted) ? unquoted : text;
}

/** What every platform says to a question over its limit, rather than answering a cut one. */
export function questionTooLongText(limit: number, length: number): string {
  return `Questions are limited to ${limit} characters; yours has ${length}. Please shorten it.`;
}

/**
 * The first `maxChars` units, never ending in half of an emoji's surrogate pair nor in a space: the cut
 * question is echoed back and kept for the report, and a lone half is stored as "�".
 */
function cutWhole(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const last = text.charCodeAt(maxChars - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? maxChars - 1 : maxChars;
  return text.slice(0, end).trimEnd();
}

/**
 * The question words and auxiliaries a question opens with ("what", "who's", "did", "can"): what follows
 * a chat filler or preamble ("like", "wait", "quick question:") when that is all it is. As a regular
 * expression alternation.
 */
export const QUESTION_OPENING_WORDS = "what|whats|what's|who|whos|who's|whose|when|where|why|how|which|is|was|are|were|did|does|do|has|have|had|can|could";
