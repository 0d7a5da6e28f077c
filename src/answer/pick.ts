import type { AnalyzedQuery } from './query.js';
import type { RankedCandidate } from './rank.js';
import { coverageOf } from './rank.js';
import { expectedAnswerType, offersAnswerType, questionWordSet } from './answer-type.js';
import { splitSentences, type SentenceSpan } from './sentences.js';

/** The best sentence (or two) of one passage, with passage-relative offsets. */
export interface SentenceChoice {
  candidate: RankedCandidate;
  /** Rank of the passage after reranking (0 = first). */
  passageRank: number;
  start: number;
  end: number;
  /** Share of the question's weight matched by the chosen sentence(s) alone. */
  coverage: number;
  score: number;
}

/** How many reranked passages the sentence picker reads. */
export const PASSAGES_TO_READ = 6;
/** Sentence scoring: own coverage, what the neighbours add, answer-type evidence, passage rank. */
export const SENTENCE_WEIGHTS = { coverage: 1, neighbours: 0.25, answerType: 0.12, passage: 0.35 } as const;
/** A sentence shorter than this is quoted with a neighbour when together they stay short. */
const SHORT_SENTENCE_CHARS = 90;
const MAX_COMBINED_CHARS = 300;

interface ScoredSentence {
  span: SentenceSpan;
  matched: Set<number>;
}

/** Picks the best sentence of each of the top passages, best first. Deterministic. */
export function pickSentences(query: AnalyzedQuery, candidates: readonly RankedCandidate[], passagesToRead = PASSAGES_TO_READ): SentenceChoice[] {
  const type = expectedAnswerType(query.question);
  const questionWords = questionWordSet(query.question);
  const topScore = candidates[0]?.score || 1;
  const choices: SentenceChoice[] = [];

  candidates.slice(0, passagesToRead).forEach((candidate, passageRank) => {
    const sentences = sentencesWithMatches(candidate);
    if (sentences.length === 0) return;
    const coverageOfSet = (matched: Set<number>) => coverageOf(query.concepts, (index) => matched.has(index), query.totalWeight);
    let best: { index: number; score: number; coverage: number } | undefined;
    sentences.forEach((sentence, index) => {
      const coverage = coverageOfSet(sentence.matched);
      const around = new Set<number>([...(sentences[index - 1]?.matched ?? []), ...(sentences[index + 1]?.matched ?? [])]);
      for (const concept of sentence.matched) around.delete(concept);
      const text = candidate.passage.text.slice(sentence.span.start, sentence.span.end);
      const score =
        SENTENCE_WEIGHTS.coverage * coverage +
        SENTENCE_WEIGHTS.neighbours * coverageOfSet(around) +
        SENTENCE_WEIGHTS.answerType * (offersAnswerType(text, type, questionWords) ? 1 : 0) +
        SENTENCE_WEIGHTS.passage * (candidate.score / topScore);
      if (!best || score > best.score) best = { index, score, coverage };
    });
    const chosen = best!;
    const span = widenShortSentence(sentences, chosen.index, coverageOfSet);
    choices.push({ candidate, passageRank, start: span.start, end: span.end, coverage: chosen.coverage, score: chosen.score });
  });
  return choices.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank);
}

function sentencesWithMatches(candidate: RankedCandidate): ScoredSentence[] {
  const spans = splitSentences(candidate.passage.text);
  const { tokens, occurrences } = candidate;
  const sentenceOfToken = new Int32Array(tokens.length).fill(-1);
  let spanIndex = 0;
  tokens.forEach((token, tokenIndex) => {
    while (spanIndex < spans.length && spans[spanIndex]!.end <= token.start) spanIndex++;
    if (spanIndex < spans.length && token.start >= spans[spanIndex]!.start) sentenceOfToken[tokenIndex] = spanIndex;
  });
  const sentences: ScoredSentence[] = spans.map((span) => ({ span, matched: new Set<number>() }));
  occurrences.forEach((positions, concept) => {
    for (const position of positions) {
      const sentence = sentenceOfToken[position]!;
      if (sentence >= 0) sentences[sentence]!.matched.add(concept);
    }
  });
  return sentences;
}

/** Adds the more relevant neighbour to a very short sentence ("Id. at 4." alone says little). */
function widenShortSentence(sentences: ScoredSentence[], index: number, coverageOfSet: (matched: Set<number>) => number): SentenceSpan {
  const span = sentences[index]!.span;
  if (span.end - span.start >= SHORT_SENTENCE_CHARS) return span;
  const before = sentences[index - 1];
  const after = sentences[index + 1];
  const fits = (other: ScoredSentence | undefined) =>
    other !== undefined && Math.max(span.end, other.span.end) - Math.min(span.start, other.span.start) <= MAX_COMBINED_CHARS;
  const options = [after, before].filter(fits) as ScoredSentence[];
  if (options.length === 0) return span;
  const neighbour = options.reduce((a, b) => (coverageOfSet(b.matched) > coverageOfSet(a.matched) ? b : a));
  return { start: Math.min(span.start, neighbour.span.start), end: Math.max(span.end, neighbour.span.end) };
}
