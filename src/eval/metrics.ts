import type { Answer } from '../types.js';
import { MAX_QUOTE_CHARS } from '../answer/excerpt.js';
import type { EvalQuestion } from './datasets.js';

/** The keys `npm run eval -- --json` prints (see the README: the contract of the eval command). */
export interface EvalMetrics {
  questions: number;
  answerable: number;
  containment_at_1: number;
  containment_at_3: number;
  recall_at_5: number;
  mrr_at_10: number;
  abstain_correct: number;
  abstain_total: number;
  false_abstain: number;
  verbatim: number;
  mean_quote_chars: number;
  max_quote_chars: number;
  p50_ms: number;
  p99_ms: number;
  build_ms: number;
}

export interface Scored {
  question: EvalQuestion;
  answer: Answer;
  ms: number;
  /** Texts of the ranked passages, best first, for recall and MRR. */
  rankedPassageTexts: string[];
  /** Whether each quote is an exact substring of its source document. */
  verbatim: boolean[];
}

/** Gold match: case-insensitive, whitespace-collapsed substring. */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A blank gold string matches nothing: as a substring of every text it would count every answer as right. */
export function containsGold(text: string, answers: readonly string[]): boolean {
  const haystack = normalizeForMatch(text);
  return answers.some((answer) => {
    const gold = normalizeForMatch(answer);
    return gold !== '' && haystack.includes(gold);
  });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

export function computeMetrics(scored: readonly Scored[], buildMs: number): EvalMetrics {
  const answerable = scored.filter((item) => !item.question.unanswerable);
  const unanswerable = scored.filter((item) => item.question.unanswerable);
  const quotesOf = (answer: Answer) => (answer.kind === 'excerpts' ? answer.excerpts.map((excerpt) => excerpt.quote) : []);
  const containedWithin = (item: Scored, k: number) =>
    quotesOf(item.answer)
      .slice(0, k)
      .some((quote) => quote.length <= MAX_QUOTE_CHARS && containsGold(quote, item.question.answers));
  const firstRelevant = (item: Scored) => item.rankedPassageTexts.findIndex((text) => containsGold(text, item.question.answers));
  const share = (count: number, total: number) => (total === 0 ? 0 : round(count / total));
  const quoteLengths = scored.flatMap((item) => quotesOf(item.answer).map((quote) => quote.length));
  const verbatimFlags = scored.flatMap((item) => item.verbatim);
  return {
    questions: scored.length,
    answerable: answerable.length,
    containment_at_1: share(answerable.filter((item) => containedWithin(item, 1)).length, answerable.length),
    containment_at_3: share(answerable.filter((item) => containedWithin(item, 3)).length, answerable.length),
    recall_at_5: share(answerable.filter((item) => { const rank = firstRelevant(item); return rank >= 0 && rank < 5; }).length, answerable.length),
    mrr_at_10: share(
      answerable.reduce((sum, item) => { const rank = firstRelevant(item); return sum + (rank >= 0 && rank < 10 ? 1 / (rank + 1) : 0); }, 0),
      answerable.length,
    ),
    abstain_correct: unanswerable.filter((item) => item.answer.kind === 'no-match').length,
    abstain_total: unanswerable.length,
    false_abstain: answerable.filter((item) => item.answer.kind === 'no-match').length,
    verbatim: verbatimFlags.length === 0 ? 1 : share(verbatimFlags.filter(Boolean).length, verbatimFlags.length),
    mean_quote_chars: quoteLengths.length === 0 ? 0 : round(quoteLengths.reduce((a, b) => a + b, 0) / quoteLengths.length, 1),
    max_quote_chars: quoteLengths.length === 0 ? 0 : Math.max(...quoteLengths),
    p50_ms: round(percentile(scored.map((item) => item.ms), 50), 3),
    p99_ms: round(percentile(scored.map((item) => item.ms), 99), 3),
    build_ms: round(buildMs, 1),
  };
}
