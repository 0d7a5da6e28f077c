import { citationOf } from '../src/answer/citation.js';
import { toExcerpt } from '../src/answer/excerpt.js';
import { PASSAGES_TO_READ, pickSentences, type SentenceChoice } from '../src/answer/pick.js';
import { splitSentences } from '../src/answer/sentences.js';
import { analyzeQuery } from '../src/answer/query.js';
import { coverageOf, NO_CONTEXT, occurrencesOf, type RankedCandidate } from '../src/answer/rank.js';
import { type Analyzer, createAnalyzer } from '../src/search/analyzer.js';
import { buildPassageIndex, type PassageIndex } from '../src/search/passage-index.js';
import type { Passage } from '../src/types.js';
import type { BenchCorpus } from './corpus.js';

/**
 * Quotes for a question from an engine's ranked passages (best first). Every peer row uses the same
 * picker, so the table compares retrieval; it is a parameter so another picker can be tried.
 */
export interface SentencePicker {
  (question: string, ranked: readonly Passage[], limit: number): string[];
  /**
   * The same picker with caches of its own, for a new engine instance (each build and restart). The core keeps
   * the spelling fixes it looked up per term index and per analyzer: with one picker for every peer and every
   * round, a peer's answer was served the fixes another peer, or the warm-up, had looked up (a walk of the
   * vocabulary, some milliseconds), while a restarted Pinpoint looks them up again. The term statistics stay shared.
   */
  fresh?(): SentencePicker;
}

/** The picker a new engine instance quotes with: one with caches of its own where the picker has any. */
export function freshPicker(picker: SentencePicker): SentencePicker {
  return picker.fresh?.() ?? picker;
}

/**
 * A picker over `statistics` whose core caches are its own: they are keyed by the term index and the analyzer,
 * so each copy gets a new analyzer (as a restarted Pinpoint does) and a new view of the one index built.
 */
function withFreshCaches(
  corpus: BenchCorpus,
  statistics: PassageIndex,
  pick: (question: string, ranked: readonly Passage[], limit: number, analyzer: Analyzer, statistics: PassageIndex) => string[],
): SentencePicker {
  const make = (): SentencePicker => {
    const analyzer = createAnalyzer({ aliases: corpus.aliases });
    // Every method and the passageCount getter come from the built index; only the identity is new.
    const view = Object.create(statistics) as PassageIndex;
    return Object.assign((question: string, ranked: readonly Passage[], limit: number) => pick(question, ranked, limit, analyzer, view), { fresh: make });
  };
  return make();
}

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
  const statistics = buildPassageIndex(corpus.passages, corpus.documents, createAnalyzer({ aliases: corpus.aliases }));
  return withFreshCaches(corpus, statistics, (question, ranked, limit, analyzer, statistics) => {
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
  });
}

/**
 * The baseline extraction of the quality bar (../shared/guide/quality.md, "top-5 passages then best
 * sentence"): each of the top passages offers its one sentence with the most IDF-weighted question
 * words (ties: the better-ranked passage, then the earlier sentence); quotes are those sentences, best
 * first. Same analyzer and term statistics as Pinpoint, and the same cut for sentences over 400 chars.
 */
export function createBestSentencePicker(corpus: BenchCorpus): SentencePicker {
  const statistics = buildPassageIndex(corpus.passages, corpus.documents, createAnalyzer({ aliases: corpus.aliases }));
  return withFreshCaches(corpus, statistics, (question, ranked, limit, analyzer, statistics) => {
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
  });
}
