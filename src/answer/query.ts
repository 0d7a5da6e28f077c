import { stem } from 'porter2';
import { isAliasTerm, type Analyzer } from '../search/analyzer.js';
import { isEnglishWord } from '../search/english-words.js';
import { STOP_WORDS } from '../search/stopwords.js';
import { isAcronym, type AcronymExpander } from '../search/acronyms.js';
import { GENERIC_TERMS } from '../search/generic-words.js';
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
  /** Acronyms ("UT") the documents never use and `expandAcronym` could not spell out. */
  unknownAcronyms: string[];
}

/**
 * Indexed terms one edit away (two for long words), one swap of neighbouring letters away ("reprot"),
 * or one edit away from a one-word alias ("setlement" → the settlement group).
 */
function spellingCorrections(term: string, analyzer: Analyzer, index: PassageIndex): string[] {
  const found: string[] = [];
  // The pack's own alias words are few and chosen, so even short ones ("inbx") are safe to match.
  for (const [word, aliasTerm] of analyzer.aliasWords) {
    if (index.documentFrequency(aliasTerm) > 0 && Math.abs(word.length - term.length) <= 1 && withinOneEdit(word, term)) found.push(aliasTerm);
  }
  if (term.length < MIN_CORRECTABLE_LENGTH) return found;
  found.push(...index.closestTerms(term, term.length >= LONG_WORD ? 2 : 1).filter((candidate) => index.documentFrequency(candidate) > 0));
  for (let i = 0; i + 1 < term.length; i++) {
    const swapped = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
    if (swapped !== term && index.documentFrequency(swapped) > 0) found.push(swapped);
  }
  return found;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Indexed terms of the words one edit from what the user typed. Stems hide some typos: "hastngs"
 * stems to "hastng", two edits from "hast", while "hastings" is one edit from the word itself.
 */
function typedWordCorrections(word: string, index: PassageIndex): string[] {
  const found = new Set<string>();
  const consider = (variant: string) => {
    if (STOP_WORDS.has(variant)) return;
    const term = stem(variant);
    if (index.documentFrequency(term) > 0) found.add(term);
  };
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i);
    const after = word.slice(i);
    for (const letter of LETTERS) {
      consider(before + letter + after);
      if (i < word.length && letter !== word[i]) consider(before + letter + after.slice(1));
    }
    if (i < word.length) consider(before + after.slice(1));
    if (i + 1 < word.length) consider(before + word[i + 1] + word[i] + after.slice(2));
  }
  return [...found].sort();
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** A capitalised word that does not open the question: most likely a name. */
function isProperName(question: string, start: number): boolean {
  const first = question[start] ?? '';
  return start > 0 && /\p{Lu}/u.test(first) && !/[.!?]\s*$/.test(question.slice(0, start));
}

/**
 * MiniSearch's cost is the length of the posting lists it walks. On a large corpus the commonest
 * question words ("court", "plaintiff") would dominate it while adding little to the ranking, so the
 * index is asked for the rarest terms whose lists fit the budget (always at least the rarest); the reranker
 * still counts every term on the candidates.
 */
export const POSTING_BUDGET = 5_000;
const ALWAYS_SEARCHED = 1;
/**
 * A term in more than half the passages barely tells them apart (its IDF is under ln 2) yet costs the
 * most to score; once its list is long it is left to the reranker too. Small packs keep every term:
 * there it costs nothing, and "Netflix" in most of one article's passages still ranks them.
 */
const COMMON_SHARE = 0.5;
const AFFORDABLE_POSTINGS = 1_000;

function withinPostingBudget(terms: string[], index: PassageIndex): string[] {
  const byRarity = terms.map((term) => ({ term, df: index.documentFrequency(term) })).sort((a, b) => a.df - b.df);
  let postings = 0;
  return byRarity
    .filter(({ df }, rank) => {
      postings += df;
      const common = df > COMMON_SHARE * index.passageCount && df > AFFORDABLE_POSTINGS;
      return rank < ALWAYS_SEARCHED || (postings <= POSTING_BUDGET && !common);
    })
    .map(({ term }) => term);
}

export function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Corrections are tried only for words this long: shorter ones have too many neighbours. */
const MIN_CORRECTABLE_LENGTH = 5;
/** Shorter words are matched against the pack's alias words only. */
const MIN_ALIAS_CORRECTABLE_LENGTH = 4;
/** Words at least this long may be two edits from the right spelling. */
const LONG_WORD = 7;
/** An everyday word the documents never use weighs this share of an unknown topical word. */
const GENERIC_UNKNOWN_SHARE = 0.2;
/** A name the documents never mention ("Spotify" mid-question) is strong evidence they do not answer. */
const PROPER_NAME_FACTOR = 2;
/** Corrected terms count a little less than words the user typed correctly. */
const CORRECTION_WEIGHT = 0.85;

/**
 * Indexed terms that stand in for a word the documents never use: the name an acronym stands for, or
 * the spelling fixes of a typo (from its stem, then from the word as typed).
 */
function standInTerms(
  word: string,
  fresh: readonly string[],
  analyzer: Analyzer,
  index: PassageIndex,
  expandAcronym: AcronymExpander | undefined,
): { kind: 'acronym' | 'correction'; terms: string[] } {
  if (isAcronym(word)) {
    const expansion = acronymTerms(word, expandAcronym, analyzer, index);
    if (expansion.length > 0) return { kind: 'acronym', terms: expansion };
  }
  const cache = correctionCacheOf(index);
  const key = `${word}\0${fresh.join('\0')}`;
  let terms = cache.get(key);
  if (!terms) {
    const corrections = new Set(
      fresh
        .filter((term) => !isAliasTerm(term) && term.length >= MIN_ALIAS_CORRECTABLE_LENGTH && /^\p{L}+$/u.test(term))
        .flatMap((term) => spellingCorrections(term, analyzer, index)),
    );
    // A word typed with a capital is most likely a name spelt as meant ("Rhine", "Turing"), and a real
    // word the documents do not use is not a typo of one they do ("genre" is not "gene").
    if (corrections.size === 0 && /^[a-z]+$/.test(word) && word.length >= MIN_ALIAS_CORRECTABLE_LENGTH && !isEnglishWord(word)) {
      const typed = typedWordCorrections(word, index);
      // A short word has many neighbours: fix it only when exactly one is in the documents.
      if (word.length >= MIN_CORRECTABLE_LENGTH || typed.length === 1) for (const term of typed) corrections.add(term);
    }
    terms = [...corrections];
    if (cache.size >= CORRECTION_CACHE_LIMIT) cache.clear();
    cache.set(key, terms);
  }
  return { kind: 'correction', terms: [...terms] };
}

// Looking for corrections walks the vocabulary; the same unknown words come back, so each index keeps
// what it found for them (bounded, and dropped with the index on reload).
const correctionCaches = new WeakMap<PassageIndex, Map<string, string[]>>();
const CORRECTION_CACHE_LIMIT = 4096;

function correctionCacheOf(index: PassageIndex): Map<string, string[]> {
  let cache = correctionCaches.get(index);
  if (!cache) {
    cache = new Map();
    correctionCaches.set(index, cache);
  }
  return cache;
}

/** The indexed terms of the name an acronym stands for ("UT" → univers, texa). */
function acronymTerms(acronym: string, expandAcronym: AcronymExpander | undefined, analyzer: Analyzer, index: PassageIndex): string[] {
  const name = expandAcronym?.(acronym);
  return name ? [...new Set(analyzer.terms(name))].filter((term) => !isAliasTerm(term) && index.documentFrequency(term) > 0) : [];
}

/**
 * Turns a question into weighted concepts, correcting words missing from the vocabulary and reading
 * acronyms as the names `expandAcronym` finds for them.
 */
export function analyzeQuery(question: string, analyzer: Analyzer, index: PassageIndex, expandAcronym?: AcronymExpander): AnalyzedQuery {
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
  const unknownAcronyms: string[] = [];
  const termWeights = new Map<string, number>();
  const seen = new Set<string>();
  groups.forEach((group, position) => {
    const fresh = group.terms.filter((term) => !seen.has(term));
    // A second phrase of an alias group already asked about ("plaintiffs suing") repeats that idea.
    if (fresh.length === 0 || group.terms.some((term) => isAliasTerm(term) && seen.has(term))) return;
    for (const term of fresh) seen.add(term);
    const knownTerms = fresh.filter((term) => index.documentFrequency(term) > 0);
    let terms = fresh;
    let weight: number;
    let known = knownTerms.length > 0;
    if (known) {
      weight = Math.max(...knownTerms.map(idf));
    } else {
      const word = question.slice(group.start, group.end).replace(/['’]s$/, '');
      const stand = standInTerms(word, fresh, analyzer, index, expandAcronym);
      if (isAcronym(word) && stand.kind !== 'acronym') unknownAcronyms.push(word);
      if (stand.terms.length > 0) {
        terms = [...fresh, ...stand.terms];
        // Any one of a name's words satisfies the concept, so it weighs like the commonest of them.
        weight = (stand.kind === 'acronym' ? Math.min(...stand.terms.map(idf)) : Math.max(...stand.terms.map(idf))) * CORRECTION_WEIGHT;
        known = true;
      } else if (fresh.every((term) => GENERIC_TERMS.has(term))) weight = unknownWeight * GENERIC_UNKNOWN_SHARE;
      else weight = isProperName(question, group.start) ? unknownWeight * PROPER_NAME_FACTOR : unknownWeight;
    }
    for (const term of terms) termWeights.set(term, Math.max(termWeights.get(term) ?? 0, known ? 1 : 0.5));
    concepts.push({ terms, weight, known, position });
  });

  return {
    question,
    concepts,
    totalWeight: concepts.reduce((sum, concept) => sum + concept.weight, 0),
    searchTerms: withinPostingBudget([...termWeights.keys()], index),
    termWeights,
    unknownAcronyms,
  };
}
