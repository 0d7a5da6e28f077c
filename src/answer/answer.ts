import type { Corpus } from '../corpus.js';
import { createAcronymExpander } from '../search/acronyms.js';
import type { Analyzer, TokenList } from '../search/analyzer.js';
import type { IndexHit } from '../search/passage-index.js';
import type { Answer, Excerpt, RankedPassage } from '../types.js';
import { citationOf } from './citation.js';
import { toExcerpt } from './excerpt.js';
import { answerTypeStarts, isShapedType, offersAnswerType, type QuestionReading, readQuestion } from './answer-type.js';
import { asksForDate, quoteShortfall } from './quote-needs.js';
import { withoutChatFrame } from './chat-frame.js';
import { withChatSpellingsWrittenOut } from './chat-spelling.js';
import { withIdiomsSaidPlainly } from './idioms.js';
import { cleanQuestion } from './question-text.js';
import { missingWordsOf } from './missing-words.js';
import { asksAboutWhatIsNeverNamed } from './never-named.js';
import { documentsOfNamedCase } from './named-case.js';
import { documentsNamedByTitle, type NamedDocuments } from './named-document.js';
import { type ParagraphAsked, paragraphAsked, passagesNumbered } from './paragraph-asked.js';
import { PASSAGES_TO_READ, pickSentences, type SentenceChoice, textOf } from './pick.js';
import { type AnalyzedQuery, analyzeQuery } from './query.js';
import { rerank, type RankedCandidate } from './rank.js';

/** How many index hits the reranker sees. */
export const CANDIDATES = 20;
/** Excerpts per answer unless asked otherwise. */
export const DEFAULT_EXCERPTS = 3;
/**
 * Confidence = half the best sentence's and half its passage's share of the question's weight, less
 * a share for words the documents never use, less what the quote lacks of what the question asks for
 * (`quote-needs.ts`: a weak shortfall costs `weakShortfallPenalty`, a decisive one `decisiveShortfallPenalty`).
 * Below `minConfidence` the documents do not answer the question: say so instead of quoting a weak
 * guess. Calibrated on XQuAD questions asked with and without their own article indexed (90.4% of the
 * latter abstain, 4.6% of the former; `npm run bench -- --unanswerable` and `npm run eval -- --squad`).
 */
export const ABSTENTION = { minConfidence: 0.435, unknownPenalty: 0.2, weakShortfallPenalty: 0.15, decisiveShortfallPenalty: 1 } as const;
/** How many document titles a no-match answer suggests. */
const MAX_SUGGESTIONS = 5;
/** Questions longer than this are cut before analysis (hostile or pasted walls of text). */
export const MAX_QUESTION_CHARS = 1000;

export interface AnswerOptions {
  offset?: number;
  limit?: number;
}

/** Question → candidates → rerank → best sentences → excerpts, or no-match. Same input, same answer. */
export function answerQuestion(corpus: Corpus, question: string, options: AnswerOptions = {}): Answer {
  const trimmed = cleanQuestion(question, MAX_QUESTION_CHARS);
  // Analysed as written out and said plainly; answered to as typed.
  const asked = withIdiomsSaidPlainly(withoutChatFrame(withChatSpellingsWrittenOut(trimmed)));
  const paragraph = paragraphAsked(asked);
  const paragraphAnswer = paragraph && answerParagraph(corpus, trimmed, paragraph, options);
  if (paragraphAnswer) return paragraphAnswer;
  let query = analyzeQuery(asked, corpus.analyzer, corpus.index);
  let { namedByTitle, hits } = searchFor(corpus, query);
  if (query.unknownAcronyms.length > 0) {
    // "UT" is most likely a name the passages the rest of the question finds, or their documents' titles, spell out in
    // full; with nothing else to go on ("What is the LGPL?"), a name a document's title spells out.
    const expandAcronym = createAcronymExpander(() => (hits.length > 0 ? namesAround(corpus, hits) : documentTitles(corpus)));
    query = analyzeQuery(asked, corpus.analyzer, corpus.index, expandAcronym);
    ({ namedByTitle, hits } = searchFor(corpus, query));
  }
  const reading = readQuestion(query.question);
  const { type: answerType, words: questionWords } = reading;
  // "When was version 2.1 published?" is answered by the sentence giving a date, as "which court?" is by one naming a court.
  const shapedType = isShapedType(answerType);
  const holdsShapedAnswer = shapedType || (answerType === 'date' && asksForDate(query.question)) ? (text: string) => offersAnswerType(text, answerType, questionWords) : undefined;
  const ranked = rerank(hits, corpus.passageById, query, corpus.tokensOf, corpus.contextTermsOf, holdsShapedAnswer);
  const candidates = candidatesOf(ranked);
  // A question naming a case the pack holds is answered from that case's documents only; one naming a
  // document by its title ("zod") from that document's passages, when any were found.
  const namedCase = documentsOfNamedCase(query.question, corpus.documents.values());
  const ofNamedDocument = namedByTitle ? ranked.filter((candidate) => namedByTitle.docIds.has(candidate.passage.docId)) : [];
  const answerable = namedCase.size > 0 ? ranked.filter((candidate) => namedCase.has(candidate.passage.docId)) : ofNamedDocument.length > 0 ? ofNamedDocument : ranked;
  // A text a document repeats (the caption above each opinion of a Supreme Court decision) is read and
  // quoted once: the same words three times tell the reader nothing more.
  const distinct = answerable.filter((candidate, index) => !answerable.some((earlier, at) => at < index && sameTerms(earlier.tokens, candidate.tokens)));
  // A signature line ("LUTHER STRANGE, Attorney General.") shares few words with "which AG wrote …?" and
  // ranks low, yet it is the answer: for a shaped question every candidate holding one is read. Not for a
  // date, which most passages of a filing hold.
  const toRead = distinct.filter((candidate, rank) => rank < PASSAGES_TO_READ || (shapedType && candidate.shaped));
  const choices = withoutRepeatedQuotes(withShapedAnswersFirst(pickSentences(query, toRead, reading, toRead.length), holdsShapedAnswer));
  const best = choices[0];
  // Words the documents never use are a sign they miss the topic; everyday ones ("describe") are not,
  // nor is a word of the quoted passage's title or heading ("zod" of "zod-mit.txt"): it names that document.
  const unknownShare = query.concepts.reduce((sum, concept, index) => sum + (concept.known || concept.everyday || best?.candidate.context.has(index) ? 0 : concept.weight), 0) / (query.totalWeight || 1);
  const confidence = best
    ? 0.5 * best.coverage +
      0.5 * best.candidate.coverage -
      ABSTENTION.unknownPenalty * unknownShare -
      shortfallPenalty(query.question, best, corpus.analyzer)
    : 0;
  if (!best || (confidence < ABSTENTION.minConfidence && !definesWhatIsAsked(reading, best)) || asksAboutWhatIsNeverNamed(query, (index) => best.candidate.context.has(index))) {
    return { kind: 'no-match', question: trimmed, suggestions: suggestionsFor(corpus, ranked), missingWords: missingWordsOf(query), candidates };
  }
  const excerpts = excerptsOf(corpus, choices, options, (text) => answerTypeStarts(text, answerType, questionWords) ?? []);
  return { kind: 'excerpts', question: trimmed, excerpts, candidates };
}

/** The index's candidates for the query, a word naming a document by its title ("zod") weighing more. */
function searchFor(corpus: Corpus, query: AnalyzedQuery): { namedByTitle: NamedDocuments | undefined; hits: IndexHit[] } {
  const namedByTitle = documentsNamedByTitle(query, corpus.documents, corpus.analyzer);
  return { namedByTitle, hits: corpus.index.search(query.searchTerms, { limit: CANDIDATES, weights: namedByTitle?.termWeights ?? query.termWeights }) };
}

/** The page of choices asked for (`offset`, `limit`), quoted and cited. */
function excerptsOf(corpus: Corpus, choices: readonly SentenceChoice[], options: AnswerOptions, answerStarts: (text: string) => number[]): Excerpt[] {
  const offset = Math.max(0, options.offset ?? 0);
  const limit = Math.max(1, options.limit ?? DEFAULT_EXCERPTS);
  return choices.slice(offset, offset + limit).map((choice) => {
    const document = corpus.documents.get(choice.candidate.passage.docId)!;
    return toExcerpt(choice, (quote) => citationOf(document, choice.candidate.passage, quote), answerStarts);
  });
}

/**
 * "What does ¶ 42 of the complaint say?" is answered from the paragraphs cited as ¶ 42, whatever words
 * they hold; the question's other words ("of the complaint", "about StreamCo") choose among them and
 * their sentences. Undefined when no paragraph has that number: the question is then read as any other.
 */
function answerParagraph(corpus: Corpus, question: string, paragraph: ParagraphAsked, options: AnswerOptions): Answer | undefined {
  const passages = passagesNumbered(corpus.passagesByDoc, paragraph);
  if (passages.length === 0) return undefined;
  const query = analyzeQuery(paragraph.rest, corpus.analyzer, corpus.index);
  const hits = passages.map((passage) => ({ id: passage.id, score: 1 }));
  const ranked = rerank(hits, corpus.passageById, query, corpus.tokensOf, corpus.contextTermsOf);
  const choices = pickSentences(query, ranked, readQuestion(query.question), ranked.length, false);
  return { kind: 'excerpts', question, excerpts: excerptsOf(corpus, choices, options, () => []), candidates: candidatesOf(ranked) };
}

/** The ranked passages as an answer reports them (for eval and debugging). */
function candidatesOf(ranked: readonly RankedCandidate[]): RankedPassage[] {
  return ranked.map((candidate) => ({ passageId: candidate.passage.id, score: Number(candidate.score.toFixed(4)) }));
}

/**
 * "OAG 18-011 written by?" is answered by "Written by : Marc G. Farris", not by the heading that repeats
 * more of the question: for a question asking for an answer of a recognisable shape, the quotes
 * holding one come first.
 */
function withShapedAnswersFirst(choices: SentenceChoice[], holdsShapedAnswer: ((text: string) => boolean) | undefined): SentenceChoice[] {
  if (!holdsShapedAnswer) return choices;
  const holding = choices.filter((choice) => holdsShapedAnswer(textOf(choice)));
  return [...holding, ...choices.filter((choice) => !holding.includes(choice))];
}

/** Whether two passages read the same, term for term (their layout aside). Compares the cached tokens: no text is copied. */
function sameTerms(one: TokenList, other: TokenList): boolean {
  if (one.length !== other.length) return false;
  for (let i = 0; i < one.length; i++) if (one.terms[i] !== other.terms[i]) return false;
  return true;
}

/** Whitespace other than single spaces between words. */
const UNEVEN_SPACE = /^\s|\s$|\s\s|[^\S ]/;

/** The choices whose words, spaces aside, no earlier choice quotes (at most five quotes of 400 characters). */
function withoutRepeatedQuotes(choices: SentenceChoice[]): SentenceChoice[] {
  const seen = new Set<string>();
  return choices.filter((choice) => {
    const text = textOf(choice);
    // Most quotes hold single spaces only: those are their own key, with no copy made.
    const words = UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
    if (seen.has(words)) return false;
    seen.add(words);
    return true;
  });
}

const SHORTFALL_PENALTY = { none: 0, weak: ABSTENTION.weakShortfallPenalty, decisive: ABSTENTION.decisiveShortfallPenalty } as const;

/** What the best quote costs in confidence for lacking what its question asks for (`quote-needs.ts`). */
function shortfallPenalty(question: string, choice: SentenceChoice, analyzer: Analyzer): number {
  return SHORTFALL_PENALTY[quoteShortfall(question, textOf(choice), analyzer)];
}

/**
 * "What does PAI stand for?", "what's a covered work?" are answered by a sentence spelling PAI out or
 * defining the term, however little else of the question it holds.
 */
function definesWhatIsAsked({ type, words }: QuestionReading, choice: SentenceChoice): boolean {
  return (type === 'definition' || type === 'meaning') && offersAnswerType(textOf(choice), type, words);
}

/** The texts of the passages found, then the titles of their documents ("Fisher v. University of Texas at Austin"). */
function namesAround(corpus: Corpus, hits: readonly { id: string }[]): string[] {
  const passages = hits.map((hit) => corpus.passageById.get(hit.id)).filter((passage) => passage !== undefined);
  const titles = new Set(passages.map((passage) => corpus.documents.get(passage.docId)!.meta.title));
  return [...passages.map((passage) => passage.text), ...titles];
}

function documentTitles(corpus: Corpus): string[] {
  return [...corpus.documents.values()].map((document) => document.meta.title);
}

/** What to ask about instead: the titles of the documents nearest the question first, then the others. */
function suggestionsFor(corpus: Corpus, ranked: readonly RankedCandidate[]): string[] {
  const nearest = ranked.map((candidate) => candidate.passage.docId);
  const titles = [...new Set([...nearest, ...corpus.documents.keys()])].map((docId) => corpus.documents.get(docId)!.meta.title);
  return [...new Set(titles)].slice(0, MAX_SUGGESTIONS);
}
