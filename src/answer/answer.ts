import type { Corpus } from '../corpus.js';
import type { Answer, Excerpt } from '../types.js';
import { citationOf } from './citation.js';
import { toExcerpt } from './excerpt.js';
import { expectedAnswerType, offersAnswerType, questionWordSet } from './answer-type.js';
import { pickSentences, type SentenceChoice } from './pick.js';
import { analyzeQuery } from './query.js';
import { rerank } from './rank.js';

/** How many index hits the reranker sees. */
export const CANDIDATES = 20;
/** Excerpts per answer unless asked otherwise. */
export const DEFAULT_EXCERPTS = 3;
/**
 * Confidence = half the best sentence's and half its passage's share of the question's weight, less
 * a share for words the documents never use. Below `minConfidence` the documents do not answer the
 * question: say so instead of quoting a weak guess. Calibrated on XQuAD questions asked with and
 * without their own article indexed (90.7% of the latter abstain, 4.9% of the former).
 */
export const ABSTENTION = { minConfidence: 0.435, unknownPenalty: 0.2, missingTypePenalty: 0.1 };
/** Questions longer than this are cut before analysis (hostile or pasted walls of text). */
export const MAX_QUESTION_CHARS = 1000;

export interface AnswerOptions {
  offset?: number;
  limit?: number;
}

/** Question → candidates → rerank → best sentences → excerpts, or no-match. Same input, same answer. */
export function answerQuestion(corpus: Corpus, question: string, options: AnswerOptions = {}): Answer {
  const trimmed = question.trim().slice(0, MAX_QUESTION_CHARS);
  const query = analyzeQuery(trimmed, corpus.analyzer, corpus.index);
  const hits = corpus.index.search(query.searchTerms, { limit: CANDIDATES, weights: query.termWeights });
  const ranked = rerank(hits, corpus.passageById, query, corpus.tokensOf, corpus.contextTermsOf);
  const candidates = ranked.map((candidate) => ({ passageId: candidate.passage.id, score: Number(candidate.score.toFixed(4)) }));
  const choices = pickSentences(query, ranked);
  const best = choices[0];
  const unknownShare = query.concepts.reduce((sum, concept) => sum + (concept.known ? 0 : concept.weight), 0) / (query.totalWeight || 1);
  const confidence = best
    ? 0.5 * best.coverage + 0.5 * best.candidate.coverage - ABSTENTION.unknownPenalty * unknownShare - (lacksAnswerType(query.question, best) ? ABSTENTION.missingTypePenalty : 0)
    : 0;
  if (!best || confidence < ABSTENTION.minConfidence) {
    return { kind: 'no-match', question: trimmed, suggestions: suggestionsFor(corpus, query.concepts.flatMap((c) => c.terms)), candidates };
  }
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(1, options.limit ?? DEFAULT_EXCERPTS);
  // A sentence that shares no word with the question is filler, not evidence.
  const useful = choices.filter((choice) => choice.ownMatches > 0);
  const excerpts: Excerpt[] = useful.slice(offset, offset + limit).map((choice) => {
    const document = corpus.documents.get(choice.candidate.passage.docId)!;
    return toExcerpt(choice, (quote) => citationOf(document, choice.candidate.passage, quote));
  });
  return { kind: 'excerpts', question: trimmed, excerpts, candidates };
}

/** "How many …?" or "When …?" answered by a quote with no number or date in it is a weak answer. */
function lacksAnswerType(question: string, choice: SentenceChoice): boolean {
  const type = expectedAnswerType(question);
  if (type !== 'number' && type !== 'date') return false;
  return !offersAnswerType(choice.candidate.passage.text.slice(choice.start, choice.end), type, questionWordSet(question));
}

/** What to try instead: the documents' titles (a reader can ask about what is there). */
function suggestionsFor(corpus: Corpus, _terms: string[]): string[] {
  return [...corpus.documents.values()].map((document) => document.meta.title).slice(0, 5);
}
