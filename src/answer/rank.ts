import type { PassageContext } from '../corpus.js';
import type { TokenList } from '../search/analyzer.js';
import type { IndexHit } from '../search/passage-index.js';
import type { Passage } from '../types.js';
import { mayNameDocument } from './named-document.js';
import type { AnalyzedQuery, Concept } from './query.js';

/** A candidate passage with what the reranker learnt about it; tokens are reused for sentences. */
export interface RankedCandidate {
  passage: Passage;
  tokens: TokenList;
  /** For each concept of the query, the token indexes where it occurs in the passage. */
  occurrences: readonly (readonly number[])[];
  /** Concepts found in the passage's document title or section heading (they hold for all its text), with the share each counts. */
  context: ReadonlyMap<number, number>;
  /** IDF-weighted share of the question's concepts found in the passage or its context (0..1). */
  coverage: number;
  /** The passage holds an answer of the shape the question asks for (false when it asks for none). */
  shaped: boolean;
  score: number;
}

/**
 * How much each signal counts when reordering the index's candidates. `shapedAnswer`: a passage holding
 * an answer of the shape the question asks for (a docket number for "what is the case number?").
 */
export const RERANK_WEIGHTS = { bm25: 0.45, coverage: 0.4, bigram: 0.15, shapedAnswer: 0.1 } as const;

/** Token-distance within which two neighbouring question words count as the same phrase. */
const BIGRAM_WINDOW = 3;

/** Which concepts each of the question's terms belongs to: worked out once per question. */
export function conceptsByTerm(concepts: readonly Concept[]): Map<string, number[]> {
  const conceptsOfTerm = new Map<string, number[]>();
  concepts.forEach((concept, index) => {
    if (concept.titleOnly) return;
    for (const term of concept.terms) {
      const list = conceptsOfTerm.get(term);
      if (list) list.push(index);
      else conceptsOfTerm.set(term, [index]);
    }
  });
  return conceptsOfTerm;
}

/** The positions of a concept that occurs nowhere in a passage: one list for all, never written to. */
const NOWHERE: number[] = [];

/**
 * For each concept, the token indexes where any of its terms occurs, in order. One pass over the
 * tokens that allocates only for the question's own terms: this runs for every candidate passage.
 */
export function occurrencesOf(concepts: readonly Concept[], tokens: TokenList, conceptsOfTerm = conceptsByTerm(concepts)): readonly (readonly number[])[] {
  // Most concepts occur in few of the passages read: those share one empty list.
  const occurrences: number[][] = concepts.map(() => NOWHERE);
  for (let index = 0; index < tokens.length; index++) {
    const owners = conceptsOfTerm.get(tokens.terms[index]!);
    if (!owners) continue;
    for (const concept of owners) {
      const positions = occurrences[concept]!;
      if (positions === NOWHERE) occurrences[concept] = [index];
      else if (positions.at(-1) !== index) positions.push(index);
    }
  }
  return occurrences;
}

export const NO_CONTEXT: ReadonlyMap<number, number> = new Map();

/**
 * A concept named only by the passage's title or heading counts this much of its weight: it holds
 * for the passage, but the words in the text itself say more about which passage answers.
 */
export const CONTEXT_SHARE = 0.5;

/**
 * The concepts a passage's title or heading satisfies, each with the share of its weight it counts.
 * The initials a document is known by ("under the MPL", "LGPL 2.1 code") count in full: they say which
 * document, and its notice that spells the name out answers no more than its other passages. So does a
 * name only the title uses ("zod" of "zod-mit.txt", `mayNameDocument`).
 */
export function contextOf(concepts: readonly Concept[], context: PassageContext): ReadonlyMap<number, number> {
  let shares: Map<number, number> | undefined;
  for (let index = 0; index < concepts.length; index++) {
    const { terms } = concepts[index]!;
    // "section 8" names every passage under "8. Termination." as surely; a bare "8" ("GPL 2") does not.
    const namesSection = context.sectionNumber !== undefined && index > 0 && terms.includes(context.sectionNumber) && concepts[index - 1]!.terms.includes(SECTION_TERM);
    if (namesSection) {
      shares ??= new Map();
      shares.set(index - 1, 1);
      shares.set(index, 1);
      continue;
    }
    if (!terms.some((term) => context.terms.has(term))) continue;
    shares ??= new Map();
    shares.set(index, terms.some((term) => context.names.has(term)) || mayNameDocument(concepts[index]!) ? 1 : CONTEXT_SHARE);
  }
  return shares ?? NO_CONTEXT;
}

/** The analysed term of "section" and "sections". */
const SECTION_TERM = 'section';

/** Share of the question's weight matched: `matched` gives 1 for a match, 0 for none, or a part. */
export function coverageOf(concepts: readonly Concept[], matched: (index: number) => number | boolean, totalWeight: number): number {
  if (totalWeight <= 0) return 0;
  let weight = 0;
  concepts.forEach((concept, index) => {
    weight += concept.weight * Number(matched(index));
  });
  return weight / totalWeight;
}

/** Whether a position of one list stands within BIGRAM_WINDOW tokens of a (different) position of the other. */
function standsNear(left: readonly number[], right: readonly number[]): boolean {
  for (const a of left) for (const b of right) if (b !== a && Math.abs(b - a) <= BIGRAM_WINDOW) return true;
  return false;
}

/** Share of neighbouring question-word pairs that also stand close together in the passage. */
function bigramScore(concepts: readonly Concept[], occurrences: readonly (readonly number[])[]): number {
  let total = 0;
  let hit = 0;
  for (let i = 0; i + 1 < concepts.length; i++) {
    const pairWeight = concepts[i]!.weight + concepts[i + 1]!.weight;
    total += pairWeight;
    if (standsNear(occurrences[i]!, occurrences[i + 1]!)) hit += pairWeight;
  }
  return total === 0 ? 0 : hit / total;
}

/**
 * Reorders the index's hits by BM25, concept coverage, phrase hits and, when the question asks for an
 * answer of a recognisable shape, whether the passage holds one; ties break on passage id.
 */
export function rerank(
  hits: readonly IndexHit[],
  passages: ReadonlyMap<string, Passage>,
  query: AnalyzedQuery,
  tokensOf: (passage: Passage) => TokenList,
  contextTermsOf: (passage: Passage) => PassageContext,
  holdsShapedAnswer?: (text: string) => boolean,
): RankedCandidate[] {
  const topScore = hits[0]?.score ?? 1;
  const conceptsOfTerm = conceptsByTerm(query.concepts);
  const ranked: RankedCandidate[] = [];
  for (const hit of hits) {
    const passage = passages.get(hit.id);
    if (!passage) continue;
    const tokens = tokensOf(passage);
    const occurrences = occurrencesOf(query.concepts, tokens, conceptsOfTerm);
    const context = contextOf(query.concepts, contextTermsOf(passage));
    const coverage = coverageOf(query.concepts, (index) => (occurrences[index]!.length > 0 ? 1 : (context.get(index) ?? 0)), query.totalWeight);
    const shaped = holdsShapedAnswer?.(passage.text) ?? false;
    const score =
      RERANK_WEIGHTS.bm25 * (hit.score / topScore) +
      RERANK_WEIGHTS.coverage * coverage +
      RERANK_WEIGHTS.bigram * bigramScore(query.concepts, occurrences) +
      (shaped ? RERANK_WEIGHTS.shapedAnswer : 0);
    ranked.push({ passage, tokens, occurrences, context, coverage, shaped, score });
  }
  return ranked.sort((a, b) => b.score - a.score || (a.passage.id < b.passage.id ? -1 : 1));
}
