import type { Corpus } from '../corpus.js';
import { createAcronymExpander } from '../search/acronyms.js';
import type { Analyzer } from '../search/analyzer.js';
import type { Answer, Excerpt } from '../types.js';
import { citationOf } from './citation.js';
import { toExcerpt } from './excerpt.js';
import { asksAboutPresent, expectedAnswerType, offersAnswerType, offersCount, questionWordSet, speaksOfPresent } from './answer-type.js';
import { pickSentences, type SentenceChoice } from './pick.js';
import { analyzeQuery } from './query.js';
import { rerank, type RankedCandidate } from './rank.js';

/** How many index hits the reranker sees. */
export const CANDIDATES = 20;
/** Excerpts per answer unless asked otherwise. */
export const DEFAULT_EXCERPTS = 3;
/**
 * Confidence = half the best sentence's and half its passage's share of the question's weight, less
 * a share for words the documents never use. Below `minConfidence` the documents do not answer the
 * question: say so instead of quoting a weak guess. Calibrated on XQuAD questions asked with and
 * without their own article indexed (90.3% of the latter abstain, 4.5% of the former; `npm run bench --
 * --unanswerable` and `npm run eval -- --squad`). A missing docket number, court name or count is decisive.
 */
export const ABSTENTION = { minConfidence: 0.43, unknownPenalty: 0.2, missingTypePenalty: 0.15, missingNamePenalty: 1 } as const;
/** How many document titles a no-match answer suggests. */
const MAX_SUGGESTIONS = 5;
/** Questions longer than this are cut before analysis (hostile or pasted walls of text). */
export const MAX_QUESTION_CHARS = 1000;

export interface AnswerOptions {
  offset?: number;
  limit?: number;
}

/** Question → candidates → rerank → best sentences → excerpts, or no-match. Same input, same answer. */
export function answerQuestion(corpus: Corpus, question: string, options: AnswerOptions = {}): Answer {
  const trimmed = question.trim().slice(0, MAX_QUESTION_CHARS);
  let query = analyzeQuery(trimmed, corpus.analyzer, corpus.index);
  let hits = corpus.index.search(query.searchTerms, { limit: CANDIDATES, weights: query.termWeights });
  if (query.unknownAcronyms.length > 0 && hits.length > 0) {
    // "UT" is most likely a name the passages the rest of the question finds spell out in full.
    const expandAcronym = createAcronymExpander(() => hits.map((hit) => corpus.passageById.get(hit.id)?.text ?? ''));
    query = analyzeQuery(trimmed, corpus.analyzer, corpus.index, expandAcronym);
    hits = corpus.index.search(query.searchTerms, { limit: CANDIDATES, weights: query.termWeights });
  }
  const ranked = rerank(hits, corpus.passageById, query, corpus.tokensOf, corpus.contextTermsOf);
  const candidates = ranked.map((candidate) => ({ passageId: candidate.passage.id, score: Number(candidate.score.toFixed(4)) }));
  // A sentence that shares no word with the question is filler, not evidence.
  const choices = pickSentences(query, ranked).filter((choice) => choice.ownMatches > 0);
  const best = choices[0];
  const unknownShare = query.concepts.reduce((sum, concept) => sum + (concept.known ? 0 : concept.weight), 0) / (query.totalWeight || 1);
  const confidence = best
    ? 0.5 * best.coverage +
      0.5 * best.candidate.coverage -
      ABSTENTION.unknownPenalty * unknownShare -
      missingTypePenalty(query.question, best) -
      (missesMethodVerb(corpus.analyzer, query.question, best) ? ABSTENTION.missingNamePenalty : 0)
    : 0;
  if (!best || (confidence < ABSTENTION.minConfidence && !spellsOutAcronym(query.question, best))) {
    return { kind: 'no-match', question: trimmed, suggestions: suggestionsFor(corpus, ranked), candidates };
  }
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(1, options.limit ?? DEFAULT_EXCERPTS);
  const excerpts: Excerpt[] = choices.slice(offset, offset + limit).map((choice) => {
    const document = corpus.documents.get(choice.candidate.passage.docId)!;
    return toExcerpt(choice, (quote) => citationOf(document, choice.candidate.passage, quote));
  });
  return { kind: 'excerpts', question: trimmed, excerpts, candidates };
}

/** "How many …?" asks for a count. */
const COUNT_QUESTION = /\bhow many\b/i;
/** "How old …?" asks for an age, which a text gives with its unit ("at age 39", "515 million years"). */
const AGE_QUESTION = /\bhow old\b/i;
const AGE_WORD = /\b(?:age|aged|ages|years?|year-old|months?|old)\b/i;
/** "How much did Meta pay …?", "What fine …?": asks for a sum of money, which a text gives with its currency. */
const MONEY_QUESTION =
  /\bhow much\b.*\b(?:pay|paid|cost|costs|fine|fined|spend|spent|worth|price|money|damages|award|awarded|fee|fees|charge|charged|earn|earned|settle|settled|settlement)\b|\bwhat (?:fine|price|sum)\b/i;
const MONEY = /[$€£¥]|\b(?:dollars?|euros?|pounds|cents?|USD|EUR|GBP|percent)\b|%/i;

/**
 * "How much …?" or "When …?" answered by a quote with no number or date in it is a weak answer. "What
 * is the case number?", "Which court …?", "How many …?", "How old …?" or "How much did they pay?"
 * answered by a quote naming no docket, court, count (a year or "SB 683" is no count), age or sum of
 * money is none, and so is "Is he still …?" answered by a quote that tells only the past.
 */
function missingTypePenalty(question: string, choice: SentenceChoice): number {
  const quote = choice.candidate.passage.text.slice(choice.start, choice.end);
  if (asksAboutPresent(question) && !speaksOfPresent(quote)) return ABSTENTION.missingNamePenalty;
  const type = expectedAnswerType(question);
  const aging = type === 'number' && AGE_QUESTION.test(question);
  const counting = (type === 'number' && COUNT_QUESTION.test(question)) || aging;
  const decisive = type === 'docket' || type === 'court' || counting;
  const penalty = decisive ? ABSTENTION.missingNamePenalty : type === 'number' || type === 'date' ? ABSTENTION.missingTypePenalty : 0;
  if (penalty === 0) return 0;
  const words = questionWordSet(question);
  if (aging && !AGE_WORD.test(quote)) return penalty;
  if (MONEY_QUESTION.test(question) && !MONEY.test(quote)) return ABSTENTION.missingNamePenalty;
  return (counting ? offersCount(quote, words) : offersAnswerType(quote, type, words)) ? 0 : penalty;
}

/** "How do I join …?", "How can we stop …?": asks for a way to do something, which its verb names. */
const METHOD_QUESTION = /^\s*how (?:do|does|can|could|should|would|might|may|must) (?:i|we|you|one)\s+([\p{L}'’-]+)/iu;

/**
 * A "how do I …?" question is answered only by a quote that uses its verb (or an alias of it): a quote
 * about the class action does not tell anyone how to join it. A verb the analyzer drops (a stop word)
 * sets no condition.
 */
function missesMethodVerb(analyzer: Analyzer, question: string, choice: SentenceChoice): boolean {
  const verb = METHOD_QUESTION.exec(question)?.[1];
  const verbTerms = verb ? analyzer.terms(verb) : [];
  if (verbTerms.length === 0) return false;
  const { tokens } = choice.candidate;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.starts[i]! >= choice.start && tokens.ends[i]! <= choice.end && verbTerms.includes(tokens.terms[i]!)) return false;
  }
  return true;
}

/** "What does PAI stand for?" is answered by a sentence spelling PAI out, however little else of the question it holds. */
function spellsOutAcronym(question: string, choice: SentenceChoice): boolean {
  if (expectedAnswerType(question) !== 'definition') return false;
  return offersAnswerType(choice.candidate.passage.text.slice(choice.start, choice.end), 'definition', questionWordSet(question));
}

/** What to ask about instead: the titles of the documents nearest the question first, then the others. */
function suggestionsFor(corpus: Corpus, ranked: readonly RankedCandidate[]): string[] {
  const nearest = ranked.map((candidate) => candidate.passage.docId);
  const titles = [...new Set([...nearest, ...corpus.documents.keys()])].map((docId) => corpus.documents.get(docId)!.meta.title);
  return [...new Set(titles)].slice(0, MAX_SUGGESTIONS);
}
