/**
 * True when the excerpts quote exactly these passages, in any order: Pin asks the question again, and
 * an answer drawn from other passages since a reload is not the one the moderator read.
 */
export function quotesSamePassages(excerpts: readonly { passageId: string }[], passageIds: readonly string[]): boolean {
  const ids = new Set(excerpts.map((excerpt) => excerpt.passageId));
  return ids.size === new Set(passageIds).size && passageIds.every((id) => ids.has(id));
}
