import { MAX_QUOTE_CHARS } from '../src/answer/excerpt.js';
import { containsGold } from '../src/eval/metrics.js';

// The gold match of `npm run eval` (src/eval/metrics.ts): case-insensitive, whitespace-collapsed substring.
export { containsGold, percentile } from '../src/eval/metrics.js';

/**
 * The eval's metrics work on the core's Answer objects; peers only have quotes and ranked texts, so
 * the same definitions (quality.md) are applied here to plain strings.
 */

/** True when one of the first k quotes (each at most MAX_QUOTE_CHARS) contains a gold string. */
export function quoteHitAt(quotes: readonly string[], golds: readonly string[], k: number): boolean {
  return quotes.slice(0, k).some((quote) => quote.length <= MAX_QUOTE_CHARS && containsGold(quote, golds));
}

/** True when one of the first k ranked passages contains a gold string. */
export function passageHitAt(passages: readonly string[], golds: readonly string[], k: number): boolean {
  return passages.slice(0, k).some((text) => containsGold(text, golds));
}

/** 1/rank of the first ranked passage (within k) containing a gold string, else 0. */
export function reciprocalRank(passages: readonly string[], golds: readonly string[], k: number): number {
  const index = passages.slice(0, k).findIndex((text) => containsGold(text, golds));
  return index < 0 ? 0 : 1 / (index + 1);
}

/** What one answer to one question yields for scoring. */
export interface ScoredAnswer {
  /** Expects no-match; not scored on containment or recall. */
  unanswerable: boolean;
  golds: readonly string[];
  /** Quotes in the order shown to the user (empty for no-match). */
  quotes: readonly string[];
  /** Texts of the passages the answer step ranked, best first. */
  ranked: readonly string[];
}

export interface QualityScores {
  answerable: number;
  containmentAt1: number;
  containmentAt3: number;
  recallAt5: number;
  mrrAt10: number;
  /** Share of answerable questions answered with no quote at all (no-match). */
  falseAbstain: number;
  /** Unanswerable questions, and the share of them answered no-match (NaN when there are none). */
  unanswerable: number;
  abstainCorrect: number;
  /** Mean length of all quotes shown, as the eval's mean_quote_chars. */
  meanQuoteChars: number;
}

/** Quality metrics over answerable questions; abstention over unanswerable ones. */
export function scoreAnswers(answers: readonly ScoredAnswer[]): QualityScores {
  const scored = answers.filter((a) => !a.unanswerable);
  const unanswerable = answers.filter((a) => a.unanswerable);
  const n = scored.length;
  const share = (count: number): number => (n === 0 ? 0 : count / n);
  const quotes = answers.flatMap((a) => a.quotes);
  return {
    answerable: n,
    containmentAt1: share(scored.filter((a) => quoteHitAt(a.quotes, a.golds, 1)).length),
    containmentAt3: share(scored.filter((a) => quoteHitAt(a.quotes, a.golds, 3)).length),
    recallAt5: share(scored.filter((a) => passageHitAt(a.ranked, a.golds, 5)).length),
    mrrAt10: share(scored.reduce((sum, a) => sum + reciprocalRank(a.ranked, a.golds, 10), 0)),
    falseAbstain: share(scored.filter((a) => a.quotes.length === 0).length),
    unanswerable: unanswerable.length,
    abstainCorrect: unanswerable.length === 0 ? Number.NaN : unanswerable.filter((a) => a.quotes.length === 0).length / unanswerable.length,
    meanQuoteChars: quotes.length === 0 ? 0 : quotes.reduce((sum, q) => sum + q.length, 0) / quotes.length,
  };
}
