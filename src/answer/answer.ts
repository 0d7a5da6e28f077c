import type { Corpus } from '../corpus.js';
import type { Answer, Excerpt } from '../types.js';
import { citationOf } from './citation.js';
import { toExcerpt } from './excerpt.js';
import { pickSentences } from './pick.js';
import { analyzeQuery } from './query.js';
import { rerank } from './rank.js';

/** How many index hits the reranker sees. */
export const CANDIDATES = 40;
/** Excerpts per answer unless asked otherwise. */
export const DEFAULT_EXCERPTS = 3;
/**
 * Below this share of the question's weight found in the best sentence and passage, the documents
 * do not answer it: say so instead of quoting a weak guess. Calibrated with `npm run eval`.
 */
export const MIN_CONFIDENCE = 0.5;
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
  const ranked = rerank(hits, corpus.passageById, query, corpus.analyzer);
  const candidates = ranked.map((candidate) => ({ passageId: candidate.passage.id, score: Number(candidate.score.toFixed(4)) }));
  const choices = pickSentences(query, ranked);
  const best = choices[0];
  const confidence = best ? Math.max(best.coverage, best.candidate.coverage * 0.9) : 0;
  if (!best || confidence < MIN_CONFIDENCE) {
    return { kind: 'no-match', question: trimmed, suggestions: suggestionsFor(corpus, query.concepts.flatMap((c) => c.terms)), candidates };
  }
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(1, options.limit ?? DEFAULT_EXCERPTS);
  const excerpts: Excerpt[] = choices.slice(offset, offset + limit).map((choice) => {
    const document = corpus.documents.get(choice.candidate.passage.docId)!;
    return toExcerpt(choice, citationOf(document, choice.candidate.passage));
  });
  return { kind: 'excerpts', question: trimmed, excerpts, candidates };
}

/** What to try instead: the documents' titles (a reader can ask about what is there). */
function suggestionsFor(corpus: Corpus, _terms: string[]): string[] {
  return [...corpus.documents.values()].map((document) => document.meta.title).slice(0, 5);
}
