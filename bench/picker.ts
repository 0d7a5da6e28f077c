import { stem } from 'porter2';
import { PEER_STOP_WORDS } from './stopwords.js';

/**
 * Picks the quotes shown for a question from the texts of an engine's top passages (best first).
 * Every peer row uses the same picker, so the table compares retrieval, not extraction.
 */
export type SentencePicker = (question: string, passages: readonly string[], limit: number) => string[];

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (!PEER_STOP_WORDS.has(word)) terms.push(stem(word));
  }
  return terms;
}

interface Candidate {
  text: string;
  terms: Set<string>;
  rank: number;
  position: number;
}

/**
 * Fallback picker used until the core exports its own: sentences of the top passages scored by the
 * IDF-weighted overlap with the question's content terms (IDF over the candidate sentences), ties to
 * the better-ranked passage, then to the earlier sentence.
 */
export const overlapPicker: SentencePicker = (question, passages, limit) => {
  const candidates: Candidate[] = [];
  passages.forEach((passage, rank) => {
    let position = 0;
    for (const { segment } of segmenter.segment(passage)) {
      const text = segment.trim();
      if (text.length === 0) continue;
      candidates.push({ text, terms: new Set(contentTerms(text)), rank, position: position++ });
    }
  });
  const queryTerms = [...new Set(contentTerms(question))];
  const idf = new Map<string, number>();
  for (const term of queryTerms) {
    const df = candidates.filter((c) => c.terms.has(term)).length;
    idf.set(term, Math.log(1 + (candidates.length + 1) / (df + 0.5)));
  }
  const score = (c: Candidate): number =>
    queryTerms.reduce((sum, term) => (c.terms.has(term) ? sum + (idf.get(term) ?? 0) : sum), 0);
  return candidates
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => b.s - a.s || a.c.rank - b.c.rank || a.c.position - b.c.position)
    .slice(0, limit)
    .map(({ c }) => c.text);
};
