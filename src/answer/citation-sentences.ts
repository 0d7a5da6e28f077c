import type { SentenceSpan } from './sentences.js';

/**
 * A sentence that only cites what the sentence before it said: "Id., at 337.", "Hopwood v. Texas,
 * 78 F. 3d 932, 955 (1996).", "See KRS 117.235(3).", "OAG 84-94." An optional signal ("See", "Cf.")
 * comes first, then a short form, a case name, a reporter ("78 F. 3d 932") or a code section. A record
 * cite ("Tr. of Oral Arg. 8–9.", "App. 41a.") is a few capitalised words and a page, and nothing else.
 */
const CITATION_SENTENCE =
  /^(?:(?:[Ss]ee(?: also)?|But see|[Cc]f\.|Accord|[Ee]\.g\.,?)\s+)?(?:[Ii]d\.|[Ii]bid\.|\p{Lu}[\p{L}\p{N}.'’&,\s-]{0,80}?\s+v\.\s|\d+\s+\p{Lu}[\p{L}\d. ]{0,20}?\s\d|(?:\p{Lu}[\p{L}.]*\s){0,4}§|\p{Lu}{2,5}\s\d+[-.]\d)/u;
const RECORD_CITE = /^(?=[^.]*\p{L}\.\s)(?:\p{Lu}[\p{L}'’]*\.?\s+(?:(?:of|for|in|the)\s+)*){1,6}\d+[a-z]?(?:[–-]\d+[a-z]?)?(?:,\s*\d+[a-z]?)*\.$/u;
/** Longer than this, a sentence says more than where its support is. */
const MAX_CITATION_CHARS = 200;
const BLANK_LINE = /\n[^\S\n]*\n/;

export function isCitationSentence(sentence: string): boolean {
  return sentence.length <= MAX_CITATION_CHARS && (CITATION_SENTENCE.test(sentence) || RECORD_CITE.test(sentence));
}

/**
 * Where a quote from `start` to the end of sentence `last` ends once the citation sentences right
 * after it (in the same paragraph, within `maxChars` of `start`) join it: a quote carries its
 * authority, and "Which decision held …?" is answered by what it held together with its name.
 */
export function endWithCitations(text: string, sentences: readonly SentenceSpan[], last: number, start: number, maxChars: number): number {
  let end = sentences[last]!.end;
  for (let next = last + 1; next < sentences.length; next++) {
    const span = sentences[next]!;
    if (span.end - start > maxChars || BLANK_LINE.test(text.slice(end, span.start)) || !isCitationSentence(text.slice(span.start, span.end))) break;
    end = span.end;
  }
  return end;
}
