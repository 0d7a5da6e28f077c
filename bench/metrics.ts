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
function passageHitAt(passages: readonly string[], golds: readonly string[], k: number): boolean {
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

/** What one answer contributes to the averages: numbers only, so holding many costs little heap. */
export interface QuestionScore {
  unanswerable: boolean;
  hitAt1: boolean;
  hitAt3: boolean;
  passageAt5: boolean;
  reciprocalRank: number;
  abstained: boolean;
  quoteChars: number[];
}

export function scoreQuestion(a: ScoredAnswer): QuestionScore {
  return {
    unanswerable: a.unanswerable,
    hitAt1: quoteHitAt(a.quotes, a.golds, 1),
    hitAt3: quoteHitAt(a.quotes, a.golds, 3),
    passageAt5: passageHitAt(a.ranked, a.golds, 5),
    reciprocalRank: reciprocalRank(a.ranked, a.golds, 10),
    abstained: a.quotes.length === 0,
    quoteChars: a.quotes.map((q) => q.length),
  };
}

/** Quality metrics over answerable questions; abstention over unanswerable ones. */
export function aggregateScores(scores: readonly QuestionScore[]): QualityScores {
  const scored = scores.filter((a) => !a.unanswerable);
  const unanswerable = scores.filter((a) => a.unanswerable);
  const n = scored.length;
  const share = (count: number): number => (n === 0 ? 0 : count / n);
  const chars = scores.flatMap((a) => a.quoteChars);
  return {
    answerable: n,
    containmentAt1: share(scored.filter((a) => a.hitAt1).length),
    containmentAt3: share(scored.filter((a) => a.hitAt3).length),
    recallAt5: share(scored.filter((a) => a.passageAt5).length),
    mrrAt10: share(scored.reduce((sum, a) => sum + a.reciprocalRank, 0)),
    falseAbstain: share(scored.filter((a) => a.abstained).length),
    unanswerable: unanswerable.length,
    abstainCorrect: unanswerable.length === 0 ? Number.NaN : unanswerable.filter((a) => a.abstained).length / unanswerable.length,
    meanQuoteChars: chars.length === 0 ? 0 : chars.reduce((sum, c) => sum + c, 0) / chars.length,
  };
}

export function scoreAnswers(answers: readonly ScoredAnswer[]): QualityScores {
  return aggregateScores(answers.map(scoreQuestion));
}
