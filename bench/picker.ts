import { citationOf } from '../src/answer/citation.js';
import { toExcerpt } from '../src/answer/excerpt.js';
import { PASSAGES_TO_READ, pickSentences, type SentenceChoice } from '../src/answer/pick.js';
import { splitSentences } from '../src/answer/sentences.js';
import { analyzeQuery } from '../src/answer/query.js';
import { coverageOf, NO_CONTEXT, occurrencesOf, type RankedCandidate } from '../src/answer/rank.js';
import { createAnalyzer } from '../src/search/analyzer.js';
import { buildPassageIndex } from '../src/search/passage-index.js';
import type { Passage } from '../src/types.js';
import type { BenchCorpus } from './corpus.js';

/**
 * Quotes for a question from an engine's ranked passages (best first). Every peer row uses the same
 * picker, so the table compares retrieval; it is a parameter so another picker can be tried.
 */
export type SentencePicker = (question: string, ranked: readonly Passage[], limit: number) => string[];

/** Stand-in reranker score of the passage at rank r: 1 - RANK_DECAY * r (1, 0.9, … 0.5 at the 6th). */
const RANK_DECAY = 0.1;

/**
 * The quote Pinpoint cuts from a chosen sentence (src/answer/excerpt.ts), or the raw sentence when the
 * passage's document is not in the corpus.
 */
function quoteOf(corpus: BenchCorpus, choice: SentenceChoice): string {
  const document = corpus.documents.get(choice.candidate.passage.docId);
  if (!document) return choice.candidate.passage.text.slice(choice.start, choice.end);
  return toExcerpt(choice, (quote) => citationOf(document, choice.candidate.passage, quote)).quote;
}

/**
 * Pinpoint's own sentence picker and quote cutter (src/answer/pick.ts, excerpt.ts) fed with a peer's
 * ranking: the question is analysed with the core's analyzer and term statistics, each ranked
 * passage becomes a candidate, and the peer's order stands in for the reranker's score (a linear
 * decay from 1 by RANK_DECAY per place, since peers' scores are not comparable with each other).
 * The term statistics come from one index over the corpus built here once, outside every row's timing.
 */
export function createCorePicker(corpus: BenchCorpus): SentencePicker {
  const analyzer = createAnalyzer({ aliases: corpus.aliases });
  const statistics = buildPassageIndex(corpus.passages, corpus.documents, analyzer);
  return (question, ranked, limit) => {
    if (ranked.length === 0) return [];
    const query = analyzeQuery(question, analyzer, statistics);
    // Only the passages the picker reads are analysed (it reads PASSAGES_TO_READ, like Pinpoint).
    const candidates: RankedCandidate[] = ranked.slice(0, PASSAGES_TO_READ).map((passage, rank) => {
      const tokens = analyzer.tokenList(passage.text);
      const occurrences = occurrencesOf(query.concepts, tokens);
      const coverage = coverageOf(query.concepts, (index) => (occurrences[index]?.length ?? 0) > 0, query.totalWeight);
      return { passage, tokens, occurrences, context: NO_CONTEXT, coverage, shaped: false, score: 1 - RANK_DECAY * rank };
    });
    return pickSentences(query, candidates)
      .slice(0, limit)
      .map((choice) => quoteOf(corpus, choice));
  };
}

/**
 * The baseline extraction of the quality bar (../shared/guide/quality.md, "top-5 passages then best
 * sentence"): each of the top passages offers its one sentence with the most IDF-weighted question
 * words (ties: the better-ranked passage, then the earlier sentence); quotes are those sentences, best
 * first. Same analyzer and term statistics as Pinpoint, and the same cut for sentences over 400 chars.
 */
export function createBestSentencePicker(corpus: BenchCorpus): SentencePicker {
  const analyzer = createAnalyzer({ aliases: corpus.aliases });
  const statistics = buildPassageIndex(corpus.passages, corpus.documents, analyzer);
  return (question, ranked, limit) => {
    const query = analyzeQuery(question, analyzer, statistics);
    const choices: SentenceChoice[] = [];
    ranked.slice(0, PASSAGES_TO_READ).forEach((passage, passageRank) => {
      const tokens = analyzer.tokenList(passage.text);
      const occurrences = occurrencesOf(query.concepts, tokens);
      const candidate: RankedCandidate = { passage, tokens, occurrences, context: NO_CONTEXT, coverage: 0, shaped: false, score: 1 };
      let best: SentenceChoice | undefined;
      for (const span of splitSentences(passage.text)) {
        const inside = (position: number) => tokens.starts[position]! >= span.start && tokens.ends[position]! <= span.end;
        const coverage = coverageOf(query.concepts, (index) => occurrences[index]!.some(inside), query.totalWeight);
        if (!best || coverage > best.coverage) best = { candidate, passageRank, start: span.start, end: span.end, coverage, score: coverage };
      }
      if (best) choices.push(best);
    });
    return choices
      .sort((a, b) => b.score - a.score || a.passageRank - b.passageRank)
      .slice(0, limit)
      .map((choice) => quoteOf(corpus, choice));
  };
}
