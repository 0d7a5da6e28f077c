import { separatesBlocks, type SentenceSpan } from './sentences.js';

/**
 * A sentence that only cites what the sentence before it said: "Id., at 337.", "Hopwood v. Texas,
 * 78 F. 3d 932, 955 (1996).", "See KRS 117.235(3).", "OAG 84-94." An optional signal ("See", "Cf.")
 * comes first, then a short form ("Grutter, supra, at 326", "Gratz, 539 U. S., at 303", "Ante, at 1"),
 * a case name, a reporter ("78 F. 3d 932") or a code section. Opinions copied from case-law sites set a space
 * before a short form's comma ("Doe , 713 F.3d at 758.", "Cf. Miller , 462 F.3d at 321 (…).").
 */
const CITATION_SENTENCE =
  /^(?:(?:[Ss]ee(?: also)?|But see|[Cc]f\.|Accord|[Ee]\.g\.,?)\s+)?(?:[Ii]d\.|[Ii]bid\.|\p{Lu}[\p{L}\p{N}.'’&,\s-]{0,80}?\s+v\.\s|\d+\s+\p{Lu}[\p{L}\d. ]{0,20}?\s\d|(?:\d+\s+)?(?:\p{Lu}[\p{L}.]*\s){0,4}§|\p{Lu}{2,5}\s\d+[-.]\d|\p{Lu}[\p{L}'’.&-]*(?:\s\p{Lu}[\p{L}'’.&-]*){0,3}\s?,\s+(?:\d+\s+\p{Lu}|supra\b|ante\b)|(?:Ante|Post|Supra),?\s+at\s+\d)/u;
/**
 * A record cite ("Tr. of Oral Arg. 8–9.", "App. 41a.", "See Ex. A."): a few capitalised words, one abbreviated, and a
 * page or an exhibit's letter.
 */
const RECORD_CITE = /^(?=[^.]*\p{L}\.\s)(?:\p{Lu}[\p{L}'’]*\.?\s+(?:(?:of|for|in|the)\s+)*){1,6}(?:\d+[a-z]?(?:\([\da-z]{1,4}\))*(?:[–-]\d+[a-z]?)?(?:,\s*\d+[a-z]?)*|\p{Lu})\.$/u;
/**
 * A record cite to a paragraph, docket entry or page, as district courts set one after what it supports: "Compl. ¶ 42.",
 * "FAC ¶¶ 3, 7.", "Dkt. No. 45 at 3.", "ECF No. 396 at 4.", "Mot. at 5.", "Hr'g Tr. at 12.", "Tr. 12:4-9.": a few
 * capitalised words, one abbreviated or an initialism, then the place cited.
 */
const RECORD_PLACE =
  /^(?:(?:[Ss]ee(?: also)?|[Cc]f\.)\s+)?(?=[^¶\d]*(?:\b(?!No\.)\p{L}+\.|\b\p{Lu}{2,}\b|\p{L}['’]\p{Ll}{1,2}\b))(?:\p{Lu}[\p{L}'’]*\.?\s+(?:(?:of|for|in|the|to)\s+)*){1,5}(?:¶¶?\s*\d+|No\.\s*\d+(?:-\d+)?(?:\s+at\s+\d+)?|\d+\s+at\s+\d+|\d+:\d+|at\s+\d+)(?:\s*[–-]\s*\d+(?::\d+)?)*(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*\.$/u;
/**
 * A citation in brackets, as filings write them: "(Id. ¶ 6).", "(Suppl. Compl. (DE 65) ¶ 5).", "(Doc. 210 at 15.)",
 * the document's name opening with a few whole words: "(Fourth Am. Compl. (Doc. 208) ¶ 34.)", "(State Board Defs.’ Br.
 * (Doc. 212) at 19.)".
 */
const BRACKETED_CITE = /^\(\s*(?:[Ii]d\.|[Ss]ee\b|(?:\p{Lu}\p{L}*\s+){0,3}(?:\p{Lu}[\p{L}'’]*\.['’]?\s*)+(?:\([^)]{1,20}\)\s*)?(?:¶|at\s\d|\d))/u;
/** Longer than this, a sentence says more than where its support is. */
const MAX_CITATION_CHARS = 200;

export function isCitationSentence(sentence: string): boolean {
  return sentence.length <= MAX_CITATION_CHARS && (CITATION_SENTENCE.test(sentence) || RECORD_CITE.test(sentence) || RECORD_PLACE.test(sentence) || BRACKETED_CITE.test(sentence));
}

/**
 * Joins each citation sentence to the sentence it supports (the one before it, in the same block of
 * text) while the two fit in `maxChars`: a quote then carries its authority ("Which decision held …?"
 * is answered by what it held together with its name), and no quote opens with the previous
 * sentence's "(Id. ¶ 6)."
 */
export function withCitationsAttached(text: string, spans: readonly SentenceSpan[], maxChars: number): SentenceSpan[] {
  const joined: SentenceSpan[] = [];
  for (const span of spans) {
    const previous = joined.at(-1);
    const supports =
      previous !== undefined &&
      span.end - previous.start <= maxChars &&
      !separatesBlocks(text.slice(previous.end, span.start)) &&
      isCitationSentence(text.slice(span.start, span.end));
    if (supports) joined[joined.length - 1] = { start: previous.start, end: span.end };
    else joined.push(span);
  }
  return joined;
}
