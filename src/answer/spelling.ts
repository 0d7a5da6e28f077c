import { stemWord } from '../search/irregular-forms.js';
import { isAliasTerm, type Analyzer } from '../search/analyzer.js';
import { isEnglishWord } from '../search/english-words.js';
import type { PassageIndex } from '../search/passage-index.js';
import { STOP_WORDS } from '../search/stopwords.js';
import { answerTypeWords } from './answer-type.js';

/** Corrections are tried only for words this long: shorter ones have too many neighbours. */
const MIN_CORRECTABLE_LENGTH = 5;
/** Shorter words are matched against the pack's alias words only. */
const MIN_ALIAS_CORRECTABLE_LENGTH = 4;
/**
 * Longer "words" are not typos of anything (English words run to about 30 letters), and looking for
 * corrections grows with length: a hostile 1,000-letter word took a second.
 */
const MAX_CORRECTABLE_LENGTH = 30;
/** Words at least this long may be two edits from the right spelling. */
const LONG_WORD = 7;

/**
 * Indexed terms one edit away (two for long words), one swap of neighbouring letters away ("reprot"),
 * or one edit away from a one-word alias ("setlement" → the settlement group).
 */
function spellingCorrections(term: string, analyzer: Analyzer, index: PassageIndex): string[] {
  const found: string[] = [];
  // The pack's own alias words are few and chosen, so even short ones ("inbx") are safe to match.
  for (const [word, aliasTerm] of analyzer.aliasWords) {
    if (index.documentFrequency(aliasTerm) > 0 && oneSlipApart(word, term, 'any')) found.push(aliasTerm);
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
 * Which slips a spelling fix undoes: any (a letter added, dropped, changed, or two swapped), or a name's
 * (every slip but a changed letter, which may well spell another name: "Hastins" is Hastings, "Rollo"
 * is not "Rolls").
 */
type Slips = 'any' | 'name';

/** Calls `visit` with every spelling one slip from `word`. */
function forEachOneEdit(word: string, visit: (variant: string) => void, slips: Slips = 'any'): void {
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i);
    const after = word.slice(i);
    if (i + 1 < word.length) visit(before + word[i + 1] + word[i] + after.slice(2));
    for (const letter of LETTERS) {
      visit(before + letter + after);
      if (slips === 'any' && i < word.length && letter !== word[i]) visit(before + letter + after.slice(1));
    }
    if (i < word.length) visit(before + after.slice(1));
  }
}

/**
 * Indexed terms of the words one edit from what the user typed. Stems hide some typos: "hastngs"
 * stems to "hastng", two edits from "hast", while "hastings" is one edit from the word itself.
 */
function typedWordCorrections(word: string, index: PassageIndex, slips: Slips = 'any'): string[] {
  const found = new Set<string>();
  forEachOneEdit(
    word,
    (variant) => {
      if (STOP_WORDS.has(variant)) return;
      const term = stemWord(variant);
      if (index.documentFrequency(term) > 0) found.add(term);
    },
    slips,
  );
  return [...found].sort();
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/**
 * Indexed terms a misspelt word may have meant: from its stem (and the pack's alias words), then from
 * the word as typed. `word` is the question's word as typed, `stems` its analysed terms.
 */
export function spellingFixes(word: string, stems: readonly string[], analyzer: Analyzer, index: PassageIndex): string[] {
  if (word.length > MAX_CORRECTABLE_LENGTH) return [];
  const cache = correctionCacheOf(index);
  const key = `${word}\0${stems.join('\0')}`;
  let terms = cache.get(key);
  if (!terms) {
    const corrections = new Set(
      stems
        .filter((term) => !isAliasTerm(term) && term.length >= MIN_ALIAS_CORRECTABLE_LENGTH && /^\p{L}+$/u.test(term))
        .flatMap((term) => spellingCorrections(term, analyzer, index)),
    );
    // A word typed with a capital is most likely a name spelt as meant ("Rhine", "Turing"), and a real
    // word the documents do not use is not a typo of one they do ("genre" is not "gene").
    if (corrections.size === 0 && /^[a-z]+$/.test(word) && word.length >= MIN_ALIAS_CORRECTABLE_LENGTH && !isEnglishWord(word)) {
      const typed = typedWordCorrections(word, index);
      // A short word has many neighbours: fix it only when exactly one is in the documents.
      if (word.length >= MIN_CORRECTABLE_LENGTH || typed.length === 1) for (const term of typed) corrections.add(term);
    } else if (corrections.size === 0 && /^\p{Lu}\p{Ll}+$/u.test(word) && word.length >= MIN_CORRECTABLE_LENGTH) {
      // A capitalised word one slip from a name in the documents ("Hastigns", "Hastins") is a typo of it.
      const typed = typedWordCorrections(word.toLowerCase(), index, 'name');
      if (typed.length === 1) corrections.add(typed[0]!);
    }
    terms = [...corrections];
    if (cache.size >= CORRECTION_CACHE_LIMIT) cache.clear();
    cache.set(key, terms);
  }
  return [...terms];
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

/** Words this short have too many neighbours one slip away ("two", "ads"). */
const MIN_WORD_TO_FIX_LENGTH = 4;
/** Shorter words are fixed only by swapping two neighbouring letters into a stop word ("teh", "hwo"): the commonest slips of all. */
const MIN_WORD_TO_SWAP_LENGTH = 3;
/** Past a dozen words not in the documents, a question is noise (or an attack): the rest stay as typed. */
const MAX_WORDS_TO_FIX = 12;

/**
 * The question with typos fixed in words the index cannot fix: the words of the pack's alias phrases
 * ("socil network" → "social network", "every two wekes" → "every two weeks"), stop words ("Whih
 * justice …", "befre the Court") and the words a question's kind is read from ("who requsted the
 * opinon?" asks who requested it). A phrase only matches whole, while a fix from the index corrects a
 * word but not its phrase, and neither a stop word nor a phrase word the documents never use is in the
 * index. A word is fixed when it is no English word, the documents do not use it, and exactly one such
 * word is one slip from it (for a capitalised word, a slip that changes no letter, as for names); a three-letter word only
 * when one stop word is two of its letters swapped ("teh", "adn").
 */
export function withPhraseAndStopWordTyposFixed(question: string, analyzer: Analyzer, index: PassageIndex): string {
  const byLength = wordsToFixByLength(analyzer);
  let looked = 0;
  // Whole words, apostrophes and all ("doesn't" is no typo of "does"), less a possessive "'s".
  return question.replace(/\p{L}+(?:['’](?!s\b)\p{L}+)*/gu, (typed: string, at: number) => {
    const word = typed.toLowerCase().replace(/’/g, "'");
    if (word.length < MIN_WORD_TO_SWAP_LENGTH || word.length > MAX_CORRECTABLE_LENGTH || STOP_WORDS.has(word) || analyzer.aliasPhraseWords.has(word) || isEnglishWord(word)) return typed;
    if (looked >= MAX_WORDS_TO_FIX || analyzer.terms(word).some((term) => index.documentFrequency(term) > 0)) return typed;
    looked++;
    const capitalised = /^\p{Lu}/u.test(typed);
    if (word.length < MIN_WORD_TO_FIX_LENGTH) {
      // "NAD" in a question typed in lower case is an acronym, not "and".
      const acronym = /^\p{Lu}+$/u.test(typed) && /\p{Ll}/u.test(question);
      const swapped = acronym ? [] : stopWordsSwappedInto(word);
      return swapped.length === 1 ? (capitalised ? swapped[0]![0]!.toUpperCase() + swapped[0]!.slice(1) : swapped[0]!) : typed;
    }
    // A capital that opens the question or a sentence says nothing about a name.
    const name = capitalised && at > 0 && !/[.!?]\s*$/.test(question.slice(0, at));
    let fix: string | undefined;
    for (const length of [word.length - 1, word.length, word.length + 1]) {
      for (const candidate of byLength.get(length) ?? []) {
        if (!oneSlipApart(candidate, word, name ? 'name' : 'any')) continue;
        if (fix !== undefined) return typed;
        fix = candidate;
      }
    }
    if (fix === undefined) return typed;
    return capitalised ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
  });
}

const STOP_WORDS_TO_FIX = [...STOP_WORDS].filter((word) => /^[a-z]+$/.test(word));

/** The stop words a swap of two neighbouring letters makes of `word`: "teh" → the, "hwo" → who. */
function stopWordsSwappedInto(word: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) {
    const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (swapped !== word && STOP_WORDS.has(swapped)) found.add(swapped);
  }
  return [...found];
}
const wordsToFix = new WeakMap<Analyzer, Map<number, string[]>>();

function wordsToFixByLength(analyzer: Analyzer): Map<number, string[]> {
  let lists = wordsToFix.get(analyzer);
  if (!lists) {
    lists = new Map();
    for (const word of new Set([...analyzer.aliasPhraseWords, ...STOP_WORDS_TO_FIX, ...answerTypeWords()])) {
      if (word.length < MIN_WORD_TO_FIX_LENGTH) continue;
      const list = lists.get(word.length) ?? [];
      list.push(word);
      lists.set(word.length, list);
    }
    wordsToFix.set(analyzer, lists);
  }
  return lists;
}

/** One letter added or dropped, two neighbours swapped, or (for `any`) one letter changed. */
function oneSlipApart(a: string, b: string, slips: Slips): boolean {
  if (a.length !== b.length) return Math.abs(a.length - b.length) === 1 && withinOneEdit(a, b);
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first === -1) first = i;
    else if (i === first + 1 && a[first] === b[i] && a[i] === b[first]) return a.slice(i + 1) === b.slice(i + 1);
    else return false;
  }
  return first !== -1 && slips === 'any';
}
