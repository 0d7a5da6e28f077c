import { expect } from 'vitest';
import type { Excerpt } from '../../src/types.js';

/** Highlights are sorted, non-overlapping, non-empty ranges inside the quote. */
export function expectWellFormedHighlights(excerpt: Excerpt): void {
  let previousEnd = 0;
  for (const [start, end] of excerpt.highlights) {
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(excerpt.quote.length);
    previousEnd = end;
  }
}
