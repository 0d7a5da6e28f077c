import type { AnalyzedQuery } from './query.js';

/**
 * The word a question is about: after the verb that opens a yes/no question ("did amazon get …", "was google
 * fined"), or after the "did/does/do" of a wh-question ("what did the ftc say"). After "who was" or "what has"
 * comes a verb ("who was assigned"), so those are not read. Then the word after it: the verb of "did meta
 * appeal …", "has netflix ever paid …".
 */
const SUBJECT_AND_VERB =
  /^\W*(?:(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)|(?:who|whom|what|when|where|why|how|which|whose)(?:\s+[\p{L}'’-]+)?\s+(?:did|does|do))\s+(?:the\s+|a\s+|an\s+)?([\p{L}][\p{L}\d'’.-]*)(?:\s+(?:ever\s+|really\s+|actually\s+|also\s+)?([\p{L}][\p{L}'’-]*))?/iu;
/** A yes/no question whose second word is its verb: "did meta appeal", "has netflix paid" (not "is meta …", where it may be anything). */
const ASKS_WHETHER_IT_HAPPENED = /^\W*(?:did|does|do|has|have|had)\b/i;

/**
 * Whether the question is about someone or something the documents never name ("did amazon get access
 * to the messages?" over documents that never say "Amazon"), or asks whether something happened they never
 * tell of ("did meta appeal the fine?" over documents that never say "appeal"): no quote about another party
 * or another event answers it. A word of the quoted document's title or heading (`namedByContext`) is named.
 */
export function asksAboutWhatIsNeverNamed(query: AnalyzedQuery, namedByContext: (conceptIndex: number) => boolean): boolean {
  const match = SUBJECT_AND_VERB.exec(query.question);
  if (!match) return false;
  const words = ASKS_WHETHER_IT_HAPPENED.test(query.question) ? [match[1], match[2]] : [match[1]];
  return words.some((word) => {
    if (word === undefined) return false;
    const asked = word.replace(/['’]s$/i, '').toLowerCase();
    const index = query.concepts.findIndex((concept) => concept.word.toLowerCase() === asked);
    const concept = query.concepts[index];
    return concept !== undefined && !concept.known && !concept.everyday && !namedByContext(index);
  });
}
