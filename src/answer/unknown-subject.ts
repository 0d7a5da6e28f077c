import type { AnalyzedQuery } from './query.js';

/**
 * The word a question is about: after the verb that opens a yes/no question ("did amazon get …", "was google
 * fined"), or after the "did/does/do" of a wh-question ("what did the ftc say"). After "who was" or "what has"
 * comes a verb ("who was assigned"), so those are not read.
 */
const SUBJECT =
  /^\W*(?:(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)|(?:who|whom|what|when|where|why|how|which|whose)(?:\s+[\p{L}'’-]+)?\s+(?:did|does|do))\s+(?:the\s+|a\s+|an\s+)?([\p{L}][\p{L}\d'’.-]*)/iu;

/**
 * Whether the question is about someone or something the documents never name ("did amazon get access
 * to the messages?" over documents that never say "Amazon"): no quote about another party answers it.
 */
export function asksAboutUnknownSubject(query: AnalyzedQuery, namedByContext: (conceptIndex: number) => boolean): boolean {
  const subject = SUBJECT.exec(query.question)?.[1]?.replace(/['’]s$/i, '').toLowerCase();
  if (!subject) return false;
  const index = query.concepts.findIndex((candidate) => candidate.word.toLowerCase() === subject);
  const concept = query.concepts[index];
  return concept !== undefined && !concept.known && !concept.everyday && !namedByContext(index);
}
