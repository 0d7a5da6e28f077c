/** A lowercase "or" between two words: "individual or class action", "Amazon or Netflix" (not the state "OR"). */
const OR = /(?<=\s)or(?=\s)/g;
/**
 * "Did Meta appeal or settle?" asks whether either happened: a quote that Meta settled something else does not
 * answer it, and the unnamed event stays a sign the documents miss the topic.
 */
const ASKS_WHETHER_IT_HAPPENED = /^\W*(?:did|does|do|has|have|had)\b/i;

/**
 * The spans on either side of each "or" in the question, by index into `spans` (the question's words, in order):
 * "is it an individual or class action?" offers a choice, and the documents answer it by naming one side.
 */
export function alternativesOffered(question: string, spans: readonly { start: number; end: number }[]): [number, number][] {
  if (ASKS_WHETHER_IT_HAPPENED.test(question)) return [];
  const pairs: [number, number][] = [];
  for (const match of question.matchAll(OR)) {
    const before = spans.findLastIndex((span) => span.end <= match.index);
    const after = spans.findIndex((span) => span.start >= match.index + match[0].length);
    if (before >= 0 && after >= 0) pairs.push([before, after]);
  }
  return pairs;
}
