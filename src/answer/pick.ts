import { isAliasTerm, type TokenList } from '../search/analyzer.js';
import { STOP_WORDS } from '../search/stopwords.js';
import type { AnalyzedQuery } from './query.js';
import type { RankedCandidate } from './rank.js';
import { CONTEXT_SHARE } from './rank.js';
import { type AnswerType, type QuestionReading, type QuestionWords, answerTypeStarts, isShapedType, asksAboutPresent, offersAnswerType, readQuestion, speaksOfPresent } from './answer-type.js';
import { separatesBlocks, splitSentences, type SentenceSpan } from './sentences.js';
import { withIntroductionsJoined } from './introductions.js';
import { withCitationsAttached } from './citation-sentences.js';
import { sectionNumberOf, sectionTitleOf } from '../section-number.js';

/** The best sentence (or two) of one passage, with passage-relative offsets. */
export interface SentenceChoice {
  candidate: RankedCandidate;
  /** Rank of the passage after reranking (0 = first). */
  passageRank: number;
  start: number;
  end: number;
  /** Share of the question's weight matched by the chosen sentence(s) and the passage's title and heading. */
  coverage: number;
  score: number;
}

/** The words a choice quotes (before any cut for length). */
export function textOf(choice: SentenceChoice): string {
  return choice.candidate.passage.text.slice(choice.start, choice.end);
}

/** How many reranked passages the sentence picker reads. */
export const PASSAGES_TO_READ = 5;
/**
 * Window scoring: the window's own coverage of the question, what the neighbouring sentences add, how
 * close together its matched words stand, answer-type evidence (more when it stands near those words)
 * and the passage's rerank score. A sentence spelling out the acronym a "What does PAI stand for?"
 * question asks about outweighs everything else a window can score; an answer of a recognisable shape
 * (a statute, a case name) counts for more than other answer-type evidence. A window of questions alone
 * ("May the party substitute a candidate?", as an opinion restates what it was asked) pays
 * `restatedQuestion`: a question does not answer itself. A window of headings alone ("BEOPEN PYTHON OPEN
 * SOURCE LICENSE AGREEMENT") is not offered, and pays `heading` where any window may answer (a "¶ 42"
 * lookup): a title names what follows, it does not say it.
 * A second sentence earns a small bonus (context helps a reader) until the pair grows past
 * PAIR_COMFORT_CHARS; pairs over `maxPairChars` are not offered. A question put in the negative ("if the
 * program doesn't state a version number") favours a window that negates too ("does not specify a version
 * number") by `negation`: the sentence beside it that states the positive case answers another question.
 */
export const SENTENCE_WEIGHTS = { coverage: 1, neighbours: 0.2, answerType: 0.15, shapedAnswer: 0.5, definition: 2, answerTypeNear: 0.05, passage: 0.5, pairBonus: 0.02, restatedQuestion: 0.3, heading: 0.3, pairLength: 0.03, proximity: 0.05, negation: 0.1, maxPairChars: 400 } as const;
/** How close (in characters) answer-type evidence must stand to a question word to count as near it. */
const ANSWER_NEAR_CHARS = 30;
/** Pairs longer than this pay `pairLength` per extra 100 characters: quotes are read in chat. */
const PAIR_COMFORT_CHARS = 220;

interface ScoredSentence {
  span: SentenceSpan;
  matched: Set<number>;
  /** The sentence's tokens are [firstToken, endToken) of the passage's tokens. */
  firstToken: number;
  endToken: number;
  /** The sentence is a question ("… valid signatures?"). */
  asks: boolean;
  /**
   * The sentence is a heading: in capitals ("OPINION OF THE ATTORNEY GENERAL"), its numbered section's title ("Grant
   * of Patent License."), or a title alone on its line over what it names ("Default Install Location of CUDA Toolkit").
   */
  heading: boolean;
  /** A blank line stands before the sentence (after a heading or a list item): no window spans it. */
  opensBlock: boolean;
  /** The sentence says what is not so ("does not specify"). */
  negates: boolean;
}

// Reused by every call: scoring a window is the innermost loop of an answer and allocates nothing.
const windowConcepts: number[] = [];
const cursors: number[] = [];

/**
 * Matched question words per word of the shortest stretch of [from, to) that holds one of each: 1 when
 * they stand together. Words, not tokens: the alias terms some words add would make them look further
 * apart. One cursor per concept walks its (sorted) positions; the lowest moves on.
 */
function proximity(occurrences: readonly (readonly number[])[], concepts: readonly number[], from: number, to: number, wordsBefore: Int32Array): number {
  if (concepts.length < 2) return 0;
  for (let i = 0; i < concepts.length; i++) {
    const positions = occurrences[concepts[i]!]!;
    let at = 0;
    while (at < positions.length && positions[at]! < from) at++;
    if (at === positions.length || positions[at]! >= to) return 0;
    cursors[i] = at;
  }
  let best = Number.POSITIVE_INFINITY;
  for (;;) {
    let lowest = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < concepts.length; i++) {
      const position = occurrences[concepts[i]!]![cursors[i]!]!;
      if (position < min) {
        min = position;
        lowest = i;
      }
      if (position > max) max = position;
    }
    best = Math.min(best, wordsBefore[max]! - wordsBefore[min]! + 1);
    const positions = occurrences[concepts[lowest]!]!;
    const next = cursors[lowest]! + 1;
    if (next === positions.length || positions[next]! >= to) break;
    cursors[lowest] = next;
  }
  return concepts.length / best;
}

/** A negation: "not", "doesn't", "never", "no longer"; not "No." before a number. */
const NEGATION = /\b(?:not|never|neither|nor|none|without)\b|\bno\b(?!\.?\s*\d)|n['’]t\b/i;
/** Picks the best one- or two-sentence window of each of the top passages (with the citations after it), best first. Deterministic. */
export function pickSentences(
  query: AnalyzedQuery,
  candidates: readonly RankedCandidate[],
  { type, words: questionWords }: QuestionReading = readQuestion(query.question),
  passagesToRead = PASSAGES_TO_READ,
  /** False when the passages were chosen by their number ("¶ 42"), not their words: any sentence of them may answer. */
  wordsRequired = true,
): SentenceChoice[] {
  // A sentence spelling out the acronym asked about is the answer itself, not just a likely one.
  const answerTypeWeight = type === 'definition' ? SENTENCE_WEIGHTS.definition : isShapedType(type) ? SENTENCE_WEIGHTS.shapedAnswer : SENTENCE_WEIGHTS.answerType;
  const topScore = candidates[0]?.score || 1;
  // "Is it still …?" is answered by a sentence that speaks of the present ("remains lawful"), and only by one.
  const present = asksAboutPresent(query.question);
  const choices: SentenceChoice[] = [];
  // "If the program doesn't state a version …" is answered by what a sentence says is not so.
  const negated = NEGATION.test(query.question);

  candidates.slice(0, passagesToRead).forEach((candidate, passageRank) => {
    const layout = layoutOf(candidate.passage.text, candidate.tokens, candidate.passage.locator.section);
    const sentences = sentencesWithMatches(candidate, layout);
    const { wordsBefore } = layout;
    const { offers, offersNear } = answerTypeEvidence(candidate, sentences, type, questionWords, present);
    // A sentence opening "It …", "The company …" is about what the sentence before it named.
    const refers = sentences.map((sentence, index) => index > 0 && refersBack(candidate, sentences[index - 1]!, sentence));
    let best: SentenceChoice | undefined;
    for (let first = 0; first < sentences.length; first++) {
      for (let last = first; last <= Math.min(first + 1, sentences.length - 1); last++) {
        const start = sentences[first]!.span.start;
        const end = sentences[last]!.span.end;
        if (last > first && (end - start > SENTENCE_WEIGHTS.maxPairChars || sentences[last]!.opensBlock)) continue;
        const opening = sentences[first]!.matched;
        const closing = sentences[last]!.matched;
        const before = sentences[first - 1]?.matched;
        const after = sentences[last + 1]?.matched;
        // Weights matched by the window (its context at a share), and by its neighbours alone.
        let matchedWeight = 0;
        let aroundWeight = 0;
        windowConcepts.length = 0;
        for (let index = 0; index < query.concepts.length; index++) {
          const { weight } = query.concepts[index]!;
          if (opening.has(index) || closing.has(index)) {
            windowConcepts.push(index);
            matchedWeight += weight;
            continue;
          }
          matchedWeight += weight * Math.max(candidate.context.get(index) ?? 0, refers[first] && before!.has(index) ? CONTEXT_SHARE : 0);
          if (before?.has(index) || after?.has(index)) aroundWeight += weight;
        }
        // A window that shares no word with the question is filler, however well its context scores; one
        // of headings alone names what follows without saying it.
        if (wordsRequired && (windowConcepts.length === 0 || (sentences[first]!.heading && sentences[last]!.heading))) continue;
        const coverage = query.totalWeight > 0 ? matchedWeight / query.totalWeight : 0;
        const score =
          SENTENCE_WEIGHTS.coverage * coverage +
          SENTENCE_WEIGHTS.neighbours * (query.totalWeight > 0 ? aroundWeight / query.totalWeight : 0) +
          SENTENCE_WEIGHTS.proximity * proximity(candidate.occurrences, windowConcepts, sentences[first]!.firstToken, sentences[last]!.endToken, wordsBefore) +
          (negated && (sentences[first]!.negates || sentences[last]!.negates) ? SENTENCE_WEIGHTS.negation : 0) +
          answerTypeWeight * (offers[first] || offers[last] ? 1 : 0) +
          SENTENCE_WEIGHTS.answerTypeNear * (offersNear[first] || offersNear[last] ? 1 : 0) +
          SENTENCE_WEIGHTS.passage * (candidate.score / topScore) -
          (sentences[first]!.asks && sentences[last]!.asks ? SENTENCE_WEIGHTS.restatedQuestion : 0) -
          (sentences[first]!.heading && sentences[last]!.heading ? SENTENCE_WEIGHTS.heading : 0) +
          (last > first ? SENTENCE_WEIGHTS.pairBonus - (SENTENCE_WEIGHTS.pairLength * Math.max(0, end - start - PAIR_COMFORT_CHARS)) / 100 : 0);
        if (!best || score > best.score) best = { candidate, passageRank, start, end, coverage, score };
      }
    }
    if (best && type === 'person') best = withNamedAntecedent(best, sentences, offers);
    if (best && WHY_QUESTION.test(query.question)) best = withStatedReason(best, sentences);
    if (best) choices.push(best);
  });
  return choices.sort((a, b) => b.score - a.score || a.passageRank - b.passageRank);
}

const NO_EVIDENCE = { offers: [] as boolean[], offersNear: [] as boolean[] };

/**
 * Per sentence: whether it offers the answer type (a date for "when", a count for "how many", the
 * present for "still"), and whether that evidence stands within a few words of the question's own
 * words ("… sacks, led by Kony Ealy"). A window offers what one of its sentences offers.
 */
function answerTypeEvidence(
  candidate: RankedCandidate,
  sentences: readonly ScoredSentence[],
  type: AnswerType,
  questionWords: QuestionWords,
  present: boolean,
): { offers: boolean[]; offersNear: boolean[] } {
  if (type === 'any' && !present) return NO_EVIDENCE;
  const text = candidate.passage.text;
  const offers: boolean[] = [];
  const offersNear: boolean[] = [];
  for (const { span, firstToken, endToken } of sentences) {
    const sentence = text.slice(span.start, span.end);
    const starts = answerTypeStarts(sentence, type, questionWords);
    if (present && !speaksOfPresent(sentence, questionWords)) offers.push(false);
    else offers.push(starts ? starts.length > 0 : (type !== 'any' && offersAnswerType(sentence, type, questionWords)) || present);
    offersNear.push(
      (starts ?? []).some((at) =>
        candidate.occurrences.some((positions) =>
          positions.some((position) => position >= firstToken && position < endToken && Math.abs(span.start + at - candidate.tokens.starts[position]!) <= ANSWER_NEAR_CHARS),
        ),
      ),
    );
  }
  return { offers, offersNear };
}

/** Sentence openings that point back at the sentence before: a pronoun or a determiner. */
const ANAPHORIC_OPENING = /^(?:he|she|it|they|this|these|those|its|his|her|their|such)\b/i;

/**
 * Whether a sentence continues the one before it: it opens with a pronoun ("It is a 5-cylinder
 * engine"), or with "The" and a word the sentence before used ("The company installed …").
 */
function refersBack(candidate: RankedCandidate, previous: ScoredSentence, sentence: ScoredSentence): boolean {
  const opening = candidate.passage.text.slice(sentence.span.start, sentence.span.start + 12);
  if (ANAPHORIC_OPENING.test(opening)) return true;
  if (!/^the\b/i.test(opening)) return false;
  const head = candidate.tokens.terms[sentence.firstToken];
  for (let i = previous.firstToken; i < previous.endToken; i++) if (candidate.tokens.terms[i] === head) return true;
  return false;
}

const PERSONAL_PRONOUN_OPENING = /^(?:he|she|they|his|her|their)\b/i;

/** A line of a letter's address block or a signature that names no one: "Limestone County Probate Judge". */
const TITLE_LINE_CHARS = 80;

/**
 * "Who …?" answered by "He is also the oldest quarterback …" does not say who: the window takes in the
 * sentence before it, which names him, when the two fit in one quote. So is "Limestone County probate
 * judge?" answered by the title line of an address block, whose name stands on the line above it.
 */
function withNamedAntecedent(choice: SentenceChoice, sentences: readonly ScoredSentence[], namesSomeone: readonly boolean[]): SentenceChoice {
  if (PERSONAL_PRONOUN_OPENING.test(choice.candidate.passage.text.slice(choice.start, choice.start + 8))) return withSentenceBefore(choice, sentences);
  const first = sentences.findIndex((sentence) => sentence.span.start === choice.start);
  const line = sentences[first];
  const above = sentences[first - 1];
  const alone = line && line.span.end === choice.end && line.span.end - line.span.start <= TITLE_LINE_CHARS;
  if (!alone || namesSomeone[first] || !above || !namesSomeone[first - 1] || above.span.end - above.span.start > TITLE_LINE_CHARS) return choice;
  return { ...choice, start: above.span.start };
}

const WHY_QUESTION = /\bwhy\b/i;
/** A conclusion drawn from the sentence before: "I therefore join …", "Accordingly, the motion is denied." */
const CONCLUSION_OPENING = /^\W*(?:[\p{L}’']+\s+){0,3}(?:therefore|thus|accordingly|hence|consequently)\b|^\W*for (?:these|this|that|the foregoing|those) reasons?\b/iu;

/**
 * "Why …?" answered by "I therefore join the Court's opinion." does not say why: the window takes in
 * the sentence before it, which gives the reason, when the two fit in one quote.
 */
function withStatedReason(choice: SentenceChoice, sentences: readonly ScoredSentence[]): SentenceChoice {
  return CONCLUSION_OPENING.test(textOf(choice)) ? withSentenceBefore(choice, sentences) : choice;
}

/** The window with the sentence before it taken in, when that one stands in the same block and the two fit in one quote. */
function withSentenceBefore(choice: SentenceChoice, sentences: readonly ScoredSentence[]): SentenceChoice {
  const first = sentences.findIndex((sentence) => sentence.span.start === choice.start);
  const previous = sentences[first - 1];
  if (!previous || sentences[first]!.opensBlock || choice.end - previous.span.start > SENTENCE_WEIGHTS.maxPairChars) return choice;
  return { ...choice, start: previous.span.start };
}

interface SentenceLayout {
  spans: SentenceSpan[];
  /** Index of the sentence each token falls in, -1 for none. */
  sentenceOfToken: Int32Array;
  /** Each sentence's tokens are [firstToken, endToken) of the passage's tokens. */
  firstToken: number[];
  endToken: number[];
  asks: boolean[];
  headings: boolean[];
  opensBlock: boolean[];
  negates: boolean[];
  /** How many of the passage's tokens before each one are words, not alias terms: distances count words. */
  wordsBefore: Int32Array;
}

/** A sentence that ends with a question mark, quotes and brackets aside. */
const QUESTION_END = /\?[\s"'”’)\]]*$/;

/**
 * Whether a sentence only repeats its numbered section's title (`numberedTitle`: "Grant of Patent
 * License" of "3. Grant of Patent License.") or a section number ("3.3."). Only a numbered section's
 * title: an opinion's "JUSTICE GINSBURG, dissenting." says who dissented.
 */
function repeatsNumberedSection(sentence: string, numberedTitle: string | undefined): boolean {
  const title = sectionTitleOf(sentence);
  return (title === '' && sectionNumberOf(sentence) !== undefined) || title === numberedTitle;
}

/**
 * A heading in capitals: no lower-case letter, two words in capitals, and no closing punctuation. Not
 * "JUSTICE GINSBURG, dissenting." nor "FISHER v. UNIVERSITY OF TEXAS", which answer who and which case;
 * nor a long sentence in capitals, as contracts set their disclaimers.
 */
function isCapitalsHeading(sentence: string): boolean {
  const text = sentence.trim();
  return text.length <= 120 && !/\p{Ll}/u.test(text) && /\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(text) && !/[.!?;:]["”’)]*$/.test(text);
}

/**
 * "Default Install Location of CUDA Toolkit" alone on its line over what it names: a title, which says nothing
 * itself. Its small words are in lower case, unlike a name or an office over an address ("Limestone County Probate
 * Judge"), which answers who.
 */
function isTitleLine(sentence: string): boolean {
  const text = sentence.trim();
  if (text.includes('\n') || /[.!?;:,]["”’)]*$/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 3 || words.length > 10 || !words.slice(1).some((word) => /^\p{Ll}/u.test(word) && STOP_WORDS.has(word))) return false;
  return words.every((word) => STOP_WORDS.has(word.toLowerCase()) || /^[\p{Lu}\d"“(]/u.test(word));
}

// A passage's sentences and which token falls in which depend only on its text: worked out once per
// token list (cached with the passage's tokens), not once per question.
const layoutByTokens = new WeakMap<TokenList, SentenceLayout>();

function layoutOf(text: string, tokens: TokenList, section: string | undefined): SentenceLayout {
  let layout = layoutByTokens.get(tokens);
  if (layout) return layout;
  const spans = withIntroductionsJoined(text, withCitationsAttached(text, splitSentences(text), SENTENCE_WEIGHTS.maxPairChars), SENTENCE_WEIGHTS.maxPairChars);
  const sentenceOfToken = new Int32Array(tokens.length).fill(-1);
  const firstToken = spans.map(() => tokens.length);
  const endToken = spans.map(() => 0);
  let spanIndex = 0;
  for (let tokenIndex = 0; tokenIndex < tokens.length; tokenIndex++) {
    const start = tokens.starts[tokenIndex]!;
    while (spanIndex < spans.length && spans[spanIndex]!.end <= start) spanIndex++;
    if (spanIndex < spans.length && start >= spans[spanIndex]!.start) {
      sentenceOfToken[tokenIndex] = spanIndex;
      firstToken[spanIndex] = Math.min(firstToken[spanIndex]!, tokenIndex);
      endToken[spanIndex] = Math.max(endToken[spanIndex]!, tokenIndex + 1);
    }
  }
  const asks = spans.map((span) => QUESTION_END.test(text.slice(span.start, span.end)));
  const numberedTitle = section !== undefined && sectionNumberOf(section) !== undefined ? sectionTitleOf(section) : undefined;
  const opensBlock = spans.map((span, index) => index > 0 && separatesBlocks(text.slice(spans[index - 1]!.end, span.start)));
  const headings = spans.map((span, index) => {
    const sentence = text.slice(span.start, span.end);
    return isCapitalsHeading(sentence) || repeatsNumberedSection(sentence, numberedTitle) || (opensBlock[index + 1] === true && isTitleLine(sentence));
  });
  const negates = spans.map((span) => NEGATION.test(text.slice(span.start, span.end)));
  const wordsBefore = new Int32Array(tokens.length);
  for (let index = 1; index < tokens.length; index++) wordsBefore[index] = wordsBefore[index - 1]! + (isAliasTerm(tokens.terms[index - 1]!) ? 0 : 1);
  layout = { spans, sentenceOfToken, firstToken, endToken, asks, headings, opensBlock, negates, wordsBefore };
  layoutByTokens.set(tokens, layout);
  return layout;
}

function sentencesWithMatches(candidate: RankedCandidate, layout: SentenceLayout): ScoredSentence[] {
  const { spans, sentenceOfToken, firstToken, endToken, asks, headings, opensBlock, negates } = layout;
  const sentences: ScoredSentence[] = spans.map((span, index) => ({
    span,
    matched: new Set<number>(),
    firstToken: firstToken[index]!,
    endToken: endToken[index]!,
    asks: asks[index]!,
    heading: headings[index]!,
    opensBlock: opensBlock[index]!,
    negates: negates[index]!,
  }));
  candidate.occurrences.forEach((positions, concept) => {
    for (const position of positions) {
      const sentence = sentences[sentenceOfToken[position]!];
      if (!sentence) continue;
      sentence.matched.add(concept);
    }
  });
  return sentences;
}
