import { type Answer, pageOf as pageOfSize } from '../../src/index.js';

/** Quotes on one page of an answer; More shows the next page. */
export const PAGE_SIZE = 3;

/** Asks one quote more than a page holds, to learn whether More has any to show. */
export const PAGE_LIMIT = PAGE_SIZE + 1;

/** An answer asked with `PAGE_LIMIT` cut to its page, and whether a quote is left for More. */
export function pageOf(answer: Answer): { answer: Answer; hasMore: boolean } {
  return pageOfSize(answer, PAGE_SIZE);
}
