import { isAliasTerm, type Analyzer } from '../search/analyzer.js';
import { isAcronym, type AcronymExpander } from '../search/acronyms.js';
import { isEnglishWord } from '../search/english-words.js';
import { GENERIC_TERMS, isGenericTypo } from '../search/generic-words.js';
import { stemWord } from '../search/irregular-forms.js';
import type { PassageIndex } from '../search/passage-index.js';
import { inverseDocumentFrequency } from '../search/top-hits.js';
import { alternativesOffered } from './alternatives.js';
import { MEANING_ASKED_FOR, TIME_ASKED_FOR } from './answer-type.js';
import { spellingFixes, withPhraseAndStopWordTyposFixed } from './spelling.js';

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
  /** An everyday word ("describe", "article") the documents never use: no sign they miss the topic. */
  everyday: boolean;
  /** The question's words the concept stands for, as written ("nickname", "Cambridge Analytica"). */
  word: string;
  /** Met only by a document's title, never by its text: the version in "gpl2" names which GPL, and a "2" in the text says nothing of it. */
  titleOnly?: boolean;
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
 * A name: capitalised mid-sentence ("did Spotify …"), or typed in lowercase as chat does but no English
 * word ("did spotify …", "palantir"). Shorter lowercase words are more often acronyms or typos.
 */
function looksLikeName(question: string, start: number, word: string): boolean {
  const first = question[start] ?? '';
  const capitalised = start > 0 && /\p{Lu}/u.test(first) && !/[.!?]\s*$/.test(question.slice(0, start));
  return capitalised || (/^\p{Ll}{6,}$/u.test(word) && !isEnglishWord(word));
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

/** An everyday word the documents never use weighs this share of an unknown topical word. */
const GENERIC_UNKNOWN_SHARE = 0.2;
/** An everyday word the documents do use weighs this share of its IDF. */
const GENERIC_KNOWN_SHARE = 0.75;
/**
 * An everyday word the documents use seldom ("exactly", "ran" in a license or an opinion) is no more
 * about the topic for that: it weighs at most what a word in one passage of about twenty weighs.
 */
const GENERIC_KNOWN_MAX_IDF = 3;
/** A name the documents never mention ("Spotify", "spotify") is strong evidence they do not answer. */
const PROPER_NAME_FACTOR = 2;
/** How many unknown words of one question get spelling fixes looked up (each costs up to a millisecond). */
const MAX_WORDS_TO_CORRECT = 12;
/** Corrected terms count a little less than words the user typed correctly. */
const CORRECTION_WEIGHT = 0.85;

/**
 * Indexed terms that stand in for a word the documents never use: the name an acronym stands for, the
 * acronym a versioned one names ("GPLv3" → GPL), the spelling fixes of a typo (from its stem, then from
 * the word as typed), else the noun for whoever does what the word says, else the word it was made from
 * ("presidential" → president).
 */
function standInTerms(
  word: string,
  fresh: readonly string[],
  analyzer: Analyzer,
  index: PassageIndex,
  expandAcronym: AcronymExpander | undefined,
): { kind: 'acronym' | 'correction'; terms: string[]; version?: string } {
  if (isAcronym(word) || isLowercaseAcronym(word)) {
    const expansion = acronymTerms(word, expandAcronym, analyzer, index);
    if (expansion.length > 0) return { kind: 'acronym', terms: expansion };
  }
  const versioned = versionedAcronym(word, analyzer, index);
  if (versioned) return { kind: 'correction', terms: [versioned.acronym], version: versioned.version };
  // An everyday word is spelt as meant: "nationality" is no typo of "notion".
  const fixes = isGeneric(fresh) ? [] : spellingFixes(word, fresh, analyzer, index);
  if (fixes.length > 0) return { kind: 'correction', terms: fixes };
  const completions = isGeneric(fresh) ? [] : wordsCutShort(word, index);
  if (completions.length > 0) return { kind: 'correction', terms: completions };
  const agents = agentNouns(fresh, index);
  return { kind: 'correction', terms: agents.length > 0 ? agents : baseWords(word.toLowerCase(), index) };
}

/** A start that more indexed words than this share is too short to stand for one of them. */
const MAX_COMPLETIONS = 3;

/**
 * "psych" for "psychological", "admin" for "administrative": a word cut short stands for the indexed words
 * it starts, when there are few. Four letters at least: "con" starts too many words to mean one.
 */
function wordsCutShort(word: string, index: PassageIndex): string[] {
  // Lower case only: a capitalised word the documents never use is most likely a name they do not know.
  if (!/^\p{Ll}{4,}$/u.test(word)) return [];
  const completions = index.termsWithPrefix(word, MAX_COMPLETIONS);
  // A letter more is an ending ("clubs" for "club"), not a word cut short.
  return completions.length <= MAX_COMPLETIONS ? completions.filter((term) => term.length >= word.length + 2) : [];
}

/**
 * "GPLv3", "mpl2": an acronym the documents use, run together with its version number, stands for the
 * acronym and the version. Only an acronym: "Internet2" is a name of its own.
 */
function versionedAcronym(word: string, analyzer: Analyzer, index: PassageIndex): { acronym: string; version: string } | undefined {
  const [, name, version] = /^(\p{L}{2,}?)v?(\d+(?:\.\d+)*)$/u.exec(word) ?? [];
  const acronym = name && (isAcronym(name) || isLowercaseAcronym(name)) ? analyzer.terms(name)[0] : undefined;
  return acronym && version && index.documentFrequency(acronym) > 0 ? { acronym, version: analyzer.terms(version)[0] ?? version } : undefined;
}

/** Endings that make one word of another, with what the base word ended in: "presidential" → "president", "earlier" → "early". */
const DERIVING_ENDINGS: readonly (readonly [string, string])[] = [
  ['ial', ''],
  ['al', ''],
  ['al', 'e'],
  ['iest', 'y'],
  ['ier', 'y'],
  ['est', ''],
  ['er', ''],
  ['er', 'e'],
  ['ly', ''],
  ['ness', ''],
];

/**
 * "presidential" → president, "oldest" → old, "helper" → help: the base a word the documents never use
 * was made from, when they use that. Stemming keeps such pairs apart.
 */
function baseWords(word: string, index: PassageIndex): string[] {
  const found = new Set<string>();
  for (const [ending, restored] of DERIVING_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const base = word.slice(0, -ending.length) + restored;
    if (!isEnglishWord(base)) continue;
    const term = stemWord(base);
    if (index.documentFrequency(term) > 0) found.add(term);
  }
  return [...found];
}

function isGeneric(terms: readonly string[]): boolean {
  return terms.every((term) => isAliasTerm(term) || GENERIC_TERMS.has(term));
}

const AGENT_SUFFIXES = ['er', 'or'];

/**
 * "founded" → "founder", "directed" → "director": the noun for whoever does what a verb the documents
 * do not use says. Stemming keeps the two apart, and a "who" question is often answered by the noun.
 */
function agentNouns(stems: readonly string[], index: PassageIndex): string[] {
  const found: string[] = [];
  for (const stem of stems) {
    if (isAliasTerm(stem) || stem.length < 4 || !/^\p{L}+$/u.test(stem)) continue;
    for (const suffix of AGENT_SUFFIXES) if (index.documentFrequency(stem + suffix) > 0) found.push(stem + suffix);
  }
  return found;
}

/** "ag", "ut", "sboe": chat questions type acronyms in lowercase; an English word ("us", "it") is not one. */
function isLowercaseAcronym(word: string): boolean {
  return /^\p{Ll}{2,5}$/u.test(word) && !isEnglishWord(word);
}

/** The indexed terms of the name an acronym stands for ("UT" → univers, texa). */
function acronymTerms(acronym: string, expandAcronym: AcronymExpander | undefined, analyzer: Analyzer, index: PassageIndex): string[] {
  const name = expandAcronym?.(acronym);
  return name ? [...new Set(analyzer.terms(name))].filter((term) => !isAliasTerm(term) && index.documentFrequency(term) > 0) : [];
}

/**
 * Turns a question into weighted concepts, correcting words missing from the vocabulary (typos in the
 * pack's alias phrases and in stop words first, so phrases match and wh-words are read) and reading
 * acronyms as the names `expandAcronym` finds for them. `question` of the result has those typos fixed.
 */
export function analyzeQuery(typed: string, analyzer: Analyzer, index: PassageIndex, expandAcronym?: AcronymExpander): AnalyzedQuery {
  const question = withPhraseAndStopWordTyposFixed(typed, analyzer, index);
  const passageCount = Math.max(index.passageCount, 1);
  const idf = (term: string) => inverseDocumentFrequency(index.documentFrequency(term), passageCount);
  // A word the documents never use weighs like a rare one, not more: otherwise one paraphrased
  // word would outweigh everything the question shares with the answer.
  const unknownWeight = inverseDocumentFrequency(1, passageCount);

  // "In what year …?": the kind of answer asked for, not a word the answer shares ("in 1995"); as a topic
  // word "year" would match every sentence that says "the following year".
  const kindAskedFor = [...question.matchAll(TIME_ASKED_FOR), ...question.matchAll(MEANING_ASKED_FOR)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const tokens = analyzer.tokens(question).filter((token) => !kindAskedFor.some((span) => token.start >= span.start && token.end <= span.end));
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
  let unknownWords = 0;
  groups.forEach((group, position) => {
    const fresh = group.terms.filter((term) => !seen.has(term));
    const word = question.slice(group.start, group.end).replace(/['’]s$/, '');
    // A second phrase of an alias group already asked about ("plaintiffs suing") repeats that idea.
    if (fresh.length === 0 || group.terms.some((term) => isAliasTerm(term) && seen.has(term))) return;
    for (const term of fresh) seen.add(term);
    const knownTerms = fresh.filter((term) => index.documentFrequency(term) > 0);
    let terms = fresh;
    let weight: number;
    let known = knownTerms.length > 0;
    let everyday = false;
    let version: string | undefined;
    if (known) {
      weight = Math.max(...knownTerms.map(idf));
      // "say", "get", "describe" tell little of what is asked even where the documents use them.
      if (isGeneric(fresh)) weight = Math.min(weight, GENERIC_KNOWN_MAX_IDF) * GENERIC_KNOWN_SHARE;
    } else {
      // Past a few unknown words a question is noise (or an attack): the rest are not worth correcting.
      const stand = unknownWords++ < MAX_WORDS_TO_CORRECT ? standInTerms(word, fresh, analyzer, index, expandAcronym) : { kind: 'correction' as const, terms: [] };
      if ((isAcronym(word) || isLowercaseAcronym(word)) && stand.kind !== 'acronym') unknownAcronyms.push(word);
      if (stand.terms.length > 0) {
        terms = [...fresh, ...stand.terms];
        version = stand.version;
        // Any one of a name's words satisfies the concept, so it weighs like the commonest of them.
        weight = (stand.kind === 'acronym' ? Math.min(...stand.terms.map(idf)) : Math.max(...stand.terms.map(idf))) * CORRECTION_WEIGHT;
        known = true;
      } else if (isGeneric(fresh) || word.length === 1 || (/^[a-z]+$/.test(word) && !isEnglishWord(word) && isGenericTypo(word))) {
        // An everyday word, a typo of one ("nmae", "exacly") or a lone letter ("e-signatures", "dumb q"):
        // no evidence the documents miss the topic.
        weight = unknownWeight * GENERIC_UNKNOWN_SHARE;
        everyday = true;
      } else weight = looksLikeName(question, group.start, word) ? unknownWeight * PROPER_NAME_FACTOR : unknownWeight;
    }
    for (const term of terms) termWeights.set(term, Math.max(termWeights.get(term) ?? 0, known ? 1 : 0.5));
    concepts.push({ terms, weight, known, position, everyday, word });
    if (version) concepts.push({ terms: [version], weight, known: true, position, everyday: false, word, titleOnly: true });
  });
  // "Individual or class action?": the documents answer a choice by naming one side; the side they never name
  // is no sign they miss the topic, and no part of what a quote must cover.
  // A side may have no concept of its own ("class action" repeats the alias "lawsuit" asked before): its words decide.
  const namedInDocuments = (position: number) => groups[position]!.terms.some((term) => index.documentFrequency(term) > 0);
  for (const [one, other] of alternativesOffered(question, groups)) {
    for (const [named, unnamed] of [[one, other], [other, one]] as const) {
      const concept = concepts.find((candidate) => candidate.position === unnamed && !candidate.titleOnly);
      if (concept && !concept.known && !concept.everyday && namedInDocuments(named)) {
        concept.everyday = true;
        concept.weight = 0;
      }
    }
  }

  return {
    question,
    concepts,
    totalWeight: concepts.reduce((sum, concept) => sum + concept.weight, 0),
    searchTerms: withinPostingBudget([...termWeights.keys()], index),
    termWeights,
    unknownAcronyms,
  };
}
