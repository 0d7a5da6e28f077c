import type { Answer } from '../types.js';

/**
 * True when an answer asked again quotes the passages its page showed, in any order: Pin asks the question
 * again, and an answer drawn from other passages since a reload is not the one the moderator read. A page
 * shown before its passages were kept (`shownIds` undefined) is not checked.
 */
export function quotesPassagesShown(answer: Answer, shownIds: readonly string[] | undefined): boolean {
  if (shownIds === undefined) return true;
  const ids = new Set(answer.kind === 'excerpts' ? answer.excerpts.map((excerpt) => excerpt.passageId) : []);
  return ids.size === new Set(shownIds).size && shownIds.every((id) => ids.has(id));
}
