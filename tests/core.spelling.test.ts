import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { expectedAnswerType } from '../src/answer/answer-type.js';
import { analyzeQuery, type AnalyzedQuery } from '../src/answer/query.js';
import { withPhraseAndStopWordTyposFixed } from '../src/answer/spelling.js';
import { buildCorpus, type Corpus } from '../src/corpus.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silentLogger } from '../src/logger.js';
import { createAnalyzer } from '../src/search/analyzer.js';
import { isEnglishWord } from '../src/search/english-words.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

const SHIPPED = fileURLToPath(new URL('../knowledge', import.meta.url));
let corpus: Corpus;

beforeAll(async () => {
  corpus = await buildCorpus(await loadKnowledge(SHIPPED), { logger: silentLogger });
});

function excerptsOfShipped(question: string) {
  const answer = answerQuestion(corpus, question);
  return answer.kind === 'excerpts' ? answer.excerpts : [];
}

function conceptOf(query: AnalyzedQuery, typed: string) {
  const concept = query.concepts.find((candidate) => candidate.terms[0] === typed);
  expect(concept, `a concept for "${typed}"`).toBeDefined();
  return concept!;
}

describe('spelling fixes', () => {
  it('knows ordinary English words from misspellings', () => {
    expect(isEnglishWord('losing')).toBe(true);
    expect(isEnglishWord('Genre')).toBe(true);
    expect(isEnglishWord('hastngs')).toBe(false);
    expect(isEnglishWord('reprots')).toBe(false);
  });

  it('fixes a misspelling whose stem hides it, from the word as typed ("hastngs" → Hastings)', async () => {
    // A pack without aliases: the shipped pack's phrase "Reed Hastings" would fix the word before the index does.
    const plain = await corpusOfParagraphs(['This bond was cemented by personal ties between Netflix co-founder Reed Hastings and Mark Zuckerberg.']);
    const hastings = conceptOf(analyzeQuery('who is reed hastngs', plain.analyzer, plain.index), 'hastng');
    expect(hastings.known).toBe(true);
    expect(hastings.terms).toContain(plain.analyzer.terms('Hastings')[0]);
    const answer = answerQuestion(plain, 'who is reed hastngs');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Netflix co-founder Reed Hastings');
    expect(excerptsOfShipped('who is reed hastngs')[0]!.quote).toContain('Netflix co-founder Reed Hastings');
  });

  it('fixes a short misspelling only when a single word in the documents is one edit away', async () => {
    // "ofen" is a typo of a word a question's kind is read from ("how often"), "reprots" of an alias
    // phrase's word ("bi-weekly reports"): both are fixed in the question itself.
    expect(analyzeQuery('how ofen did netflix send reprots', corpus.analyzer, corpus.index).question).toBe('how often did netflix send reports');
    const answer = answerQuestion(corpus, 'how ofen did netflix send reprots');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('bi-weekly reports');
    const small = await corpusOfParagraphs(['The cart was full. The card was red.']);
    // "carx" is one edit from both "cart" and "card": no guess.
    expect(conceptOf(analyzeQuery('what carx was it', small.analyzer, small.index), 'carx').known).toBe(false);
    expect(conceptOf(analyzeQuery('what crat was it', small.analyzer, small.index), 'crat').terms).toContain('cart');
  });

  it('leaves a real word the documents do not use alone instead of "correcting" it into one they do', async () => {
    const genes = await corpusOfParagraphs(['Researchers found the gene in 2003.']);
    const genre = conceptOf(analyzeQuery('which genre did researchers find', genes.analyzer, genes.index), 'genr');
    expect(genre.known).toBe(false);
    expect(genre.terms).toEqual(['genr']);
    const typo = conceptOf(analyzeQuery('which genne did researchers find', genes.analyzer, genes.index), 'genn');
    expect(typo.terms).toContain('gene');
  });

  it('leaves a capitalised name with a changed letter as typed: it may well spell another name', () => {
    const query = analyzeQuery('What did Hastangs say?', corpus.analyzer, corpus.index);
    expect(query.question).toBe('What did Hastangs say?');
    expect(conceptOf(query, 'hastang').known).toBe(false);
  });

  it('reads a capitalised name with a letter dropped as the name in the documents ("Hastngs")', async () => {
    const plain = await corpusOfParagraphs(['Reed Hastings joined the board.']);
    expect(conceptOf(analyzeQuery('What did Hastngs say?', plain.analyzer, plain.index), 'hastng').known).toBe(true);
    expect(analyzeQuery('What did Hastngs say?', corpus.analyzer, corpus.index).question).toBe('What did Hastings say?');
  });
});

describe('typos in the words of alias phrases and in stop words', () => {
  it('fixes a word one slip from a word of a multi-word alias phrase, so the phrase matches', async () => {
    const corpus = await corpusOfParagraphs(['Netflix sent Facebook reports every fortnight.'], 'Opinion');
    const analyzer = createAnalyzer({ aliases: [['fortnight', 'every two weeks'], ['Facebook', 'social network']] });
    expect(withPhraseAndStopWordTyposFixed('what did they send every two wekes to the socil network', analyzer, corpus.index)).toBe(
      'what did they send every two weeks to the social network',
    );
  });

  it('fixes a changed letter in the capitalised word that opens a question ("Woich"), unlike in a name', async () => {
    const corpus = await corpusOfParagraphs(['JUSTICE GINSBURG, dissenting.'], 'Opinion');
    expect(withPhraseAndStopWordTyposFixed('Woich justice dissented?', corpus.analyzer, corpus.index)).toBe('Which justice dissented?');
    expect(withPhraseAndStopWordTyposFixed('Did Woich dissent?', corpus.analyzer, corpus.index)).toBe('Did Woich dissent?');
  });

  it('fixes a typo of a stop word, so a wh-word is read ("Whih justice", "befre")', async () => {
    const corpus = await corpusOfParagraphs(['JUSTICE GINSBURG, dissenting.'], 'Opinion');
    expect(withPhraseAndStopWordTyposFixed("Whih justice dissented befre the decision, and doesn't the netwok's view count?", corpus.analyzer, corpus.index)).toBe(
      "Which justice dissented before the decision, and doesn't the netwok's view count?",
    );
  });

  it('fixes a typo of a word the question\'s kind is read from ("who requsted the opinon?")', async () => {
    const corpus = await corpusOfParagraphs(['Requested by: Hon. Alison Lundergan Grimes.'], 'Opinion');
    const fixed = withPhraseAndStopWordTyposFixed('who requsted the ky ag opinon?', corpus.analyzer, corpus.index);
    expect(fixed).toBe('who requested the ky ag opinion?');
    expect(expectedAnswerType(fixed)).toBe('requester');
  });

  it('fixes the three-letter stop words typed with two letters swapped ("teh", "adn"), where one stop word is meant', async () => {
    const opinion = await corpusOfParagraphs(['JUSTICE KENNEDY delivered the opinion of the Court.'], 'Opinion');
    expect(withPhraseAndStopWordTyposFixed('who delivered teh opinion adn when? Teh court?', opinion.analyzer, opinion.index)).toBe('who delivered the opinion and when? The court?');
    // "hwo" may be "who" or "how"; "NAD" in a question typed in lower case is an acronym.
    expect(withPhraseAndStopWordTyposFixed('hwo delivered the NAD opinion?', opinion.analyzer, opinion.index)).toBe('hwo delivered the NAD opinion?');
    const answer = answerQuestion(corpus, 'how much did meta pay to settle teh litigation?');
    expect(answer.kind).toBe('excerpts');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('$725 million');
  });

  it('leaves English words, words the documents use and short words as typed', async () => {
    const corpus = await corpusOfParagraphs(['Netflix sent Facebook reports every fortnight.'], 'Opinion');
    const analyzer = createAnalyzer({ aliases: [['fortnight', 'every two weeks'], ['Facebook', 'social network']] });
    expect(withPhraseAndStopWordTyposFixed('the social networks sent reports, two tw', analyzer, corpus.index)).toBe('the social networks sent reports, two tw');
  });
});
