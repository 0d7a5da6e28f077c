import { isAliasTerm, type Analyzer } from '../search/analyzer.js';
import type { PassageIndex } from '../search/passage-index.js';

/**
 * One idea of the question: the terms any of which satisfies it. A word, its alias group token,
 * the two readings of "$725" ("725", "$725"), or a misspelling with its corrections.
 */
export interface Concept {
  terms: string[];
  /** IDF of the idea in the indexed passages; unknown words get a capped weight. */
  weight: number;
  /** False when no alternative occurs in any passage (the documents never use the word). */
  known: boolean;
  /** Position of the concept in the question, for bigram and proximity features. */
  position: number;
}

export interface AnalyzedQuery {
  question: string;
  concepts: Concept[];
  totalWeight: number;
  /** Every term to send to the index, with a weight per term. */
  searchTerms: string[];
  termWeights: Map<string, number>;
}

export function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Corrections are tried only for words this long: shorter ones have too many neighbours. */
const MIN_CORRECTABLE_LENGTH = 5;
/** Corrected terms count a little less than words the user typed correctly. */
const CORRECTION_WEIGHT = 0.85;

/** Turns a question into weighted concepts, correcting words missing from the vocabulary. */
export function analyzeQuery(question: string, analyzer: Analyzer, index: PassageIndex): AnalyzedQuery {
  const passageCount = Math.max(index.passageCount, 1);
  const idf = (term: string) => inverseDocumentFrequency(index.documentFrequency(term), passageCount);
  // A word the documents never use weighs like a rare one, not more: otherwise one paraphrased
  // word would outweigh everything the question shares with the answer.
  const unknownWeight = inverseDocumentFrequency(1, passageCount);

  const tokens = analyzer.tokens(question);
  const groups: { start: number; end: number; terms: string[] }[] = [];
  for (const token of tokens) {
    const group = groups.find((existing) => token.start < existing.end && existing.start < token.end);
    if (group) {
      if (!group.terms.includes(token.term)) group.terms.push(token.term);
      group.start = Math.min(group.start, token.start);
      group.end = Math.max(group.end, token.end);
    } else groups.push({ start: token.start, end: token.end, terms: [token.term] });
  }
  // An alias token spans the whole phrase: merge the phrase's words into its concept.
  for (const alias of groups.filter((group) => group.terms.some(isAliasTerm))) {
    for (const other of groups) {
      if (other !== alias && other.start >= alias.start && other.end <= alias.end) {
        alias.terms.push(...other.terms.filter((term) => !alias.terms.includes(term)));
        other.terms = [];
      }
    }
  }

  const concepts: Concept[] = [];
  const termWeights = new Map<string, number>();
  const seen = new Set<string>();
  groups.forEach((group, position) => {
    const fresh = group.terms.filter((term) => !seen.has(term));
    if (fresh.length === 0) return;
    fresh.forEach((term) => seen.add(term));
    const knownTerms = fresh.filter((term) => index.documentFrequency(term) > 0);
    let terms = fresh;
    let weight: number;
    let known = knownTerms.length > 0;
    if (known) {
      weight = Math.max(...knownTerms.map(idf));
    } else {
      const corrections = fresh
        .filter((term) => !isAliasTerm(term) && term.length >= MIN_CORRECTABLE_LENGTH && /^\p{L}+$/u.test(term))
        .flatMap((term) => index.closestTerms(term, term.length >= 8 ? 2 : 1))
        .filter((term) => index.documentFrequency(term) > 0);
      if (corrections.length > 0) {
        terms = [...fresh, ...corrections];
        weight = Math.max(...corrections.map(idf)) * CORRECTION_WEIGHT;
        known = true;
      } else weight = unknownWeight;
    }
    for (const term of terms) termWeights.set(term, Math.max(termWeights.get(term) ?? 0, known ? 1 : 0.5));
    concepts.push({ terms, weight, known, position });
  });

  return {
    question,
    concepts,
    totalWeight: concepts.reduce((sum, concept) => sum + concept.weight, 0),
    searchTerms: [...termWeights.keys()],
    termWeights,
  };
}
