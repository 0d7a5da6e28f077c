import type { Answer } from './types.js';

/**
 * An answer asked with one quote more than a page holds (`limit: size + 1`), cut to its page, and whether a quote
 * is left for More: one core call learns both, so metrics count one question.
 */
export function pageOf(answer: Answer, size: number): { answer: Answer; hasMore: boolean } {
  if (answer.kind !== 'excerpts' || answer.excerpts.length <= size) return { answer, hasMore: false };
  return { answer: { ...answer, excerpts: answer.excerpts.slice(0, size) }, hasMore: true };
}
