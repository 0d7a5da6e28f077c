/** Turns a question into the analyzer's terms (stemmed, stop words removed); injected by the core. */
export type Analyze = (text: string) => string[];

/**
 * Jaccard overlap of the two term sets at or above which a new question reuses a pin.
 * 0.75 accepts the same terms in any order or inflection, and one extra term once three are shared
 * ("how did the court rule on the motion to dismiss" ~ "court ruling on motion to dismiss") but
 * rejects a question that adds a term to a two-term one ("when was the amended complaint filed" is
 * not "when was the complaint filed", 2/3 ≈ 0.67) or swaps one (2/4 = 0.5). A wrong pin shown first is
 * worse than a missed one: fresh excerpts still follow.
 */
export const PIN_MATCH_THRESHOLD = 0.75;

export function termSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  return shared / (left.size + right.size - shared);
}
