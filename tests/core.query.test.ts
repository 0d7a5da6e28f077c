import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { analyzeQuery, POSTING_BUDGET } from '../src/answer/query.js';
import { isGenericTypo } from '../src/search/generic-words.js';
import { buildCorpus } from '../src/corpus.js';
import { hashText } from '../src/knowledge/load.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';
import { corpusOfParagraphs } from './helpers/corpus.js';


describe('which terms the index is asked for', () => {
  it('leaves a term in most passages of a large pack to the reranker, but still weighs it', async () => {
    // 2,400 passages: "court" in every one, "plaintiff" in a third, "ripeness" in three.
    const paragraphs = Array.from({ length: 2_400 }, (_, i) =>
      [`Paragraph ${i} of the court's order.`, i % 3 === 0 ? 'The plaintiff objected.' : '', i % 800 === 0 ? 'Ripeness decides it.' : ''].join(' '),
    );
    const corpus = await corpusOfParagraphs(paragraphs);
    const query = analyzeQuery('Did the court rule on ripeness for the plaintiff?', corpus.analyzer, corpus.index);
    expect(query.searchTerms).toContain('ripe');
    expect(query.searchTerms).toContain('plaintiff');
    expect(query.searchTerms).not.toContain('court');
    expect(query.concepts.map((concept) => concept.terms[0])).toContain('court');
  });

  it('asks a small pack for every term, however common', async () => {
    const corpus = await corpusOfParagraphs(['Netflix read messages.', 'Netflix paid Meta.', 'Meta settled.']);
    const query = analyzeQuery('Did Netflix pay Meta?', corpus.analyzer, corpus.index);
    expect(query.searchTerms.sort()).toEqual(['meta', 'netflix', 'pay'].sort());
  });

  it('keeps the postings it asks for within the budget, always asking for the rarest term', async () => {
    const paragraphs = Array.from({ length: 6_000 }, (_, i) => `Line ${i}: the motion ${i % 2 ? 'was granted' : 'was denied'}.`);
    const corpus = await corpusOfParagraphs(paragraphs);
    const query = analyzeQuery('motion granted', corpus.analyzer, corpus.index);
    const postings = query.searchTerms.reduce((sum, term) => sum + corpus.index.documentFrequency(term), 0);
    expect(query.searchTerms).toEqual(['grant']);
    expect(postings).toBeLessThanOrEqual(POSTING_BUDGET);
    expect(analyzeQuery('motion', corpus.analyzer, corpus.index).searchTerms).toEqual(['motion']);
  });
});

describe('spelling fixes for hostile questions', () => {
  it('looks up no fixes for a "word" longer than any English word, and fixes at most a dozen words of one question', async () => {
    const corpus = await corpusOfParagraphs(['Netflix read the private messages of Facebook users.']);
    const lookups: string[] = [];
    const index = {
      ...corpus.index,
      closestTerms: (term: string, distance: number) => {
        lookups.push(term);
        return corpus.index.closestTerms(term, distance);
      },
    };

    analyzeQuery(`What about ${'messagesx'.repeat(100)}?`, corpus.analyzer, index);
    expect(lookups).toEqual([]);

    // Typos of a real word are still fixed: the first dozen unknown words get a lookup, the rest none.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const typos = Array.from({ length: 30 }, (_, i) => `mesages${letters[i % 26]}${letters[Math.floor(i / 26)]}`).join(' ');
    analyzeQuery(typos, corpus.analyzer, index);
    expect(new Set(lookups).size).toBe(12);
    expect(analyzeQuery('what did netflix read in the mesages', corpus.analyzer, index).concepts.some((concept) => concept.terms.includes('messag'))).toBe(true);
  });
});

describe('words the documents do not use', () => {
  const ARTICLE = [
    'This bond was cemented by personal ties between Netflix co-founder Reed Hastings and Facebook mogul Mark Zuckerberg.',
    'Shortly after Hastings joined the board, the companies signed an agreement on messages.',
  ];

  it('reads a verb the documents never use as the noun for who does it ("founded" → "founder")', async () => {
    const corpus = await corpusOfParagraphs(ARTICLE);
    const query = analyzeQuery('Who founded Netflix?', corpus.analyzer, corpus.index);
    expect(query.concepts.find((concept) => concept.terms.includes('found'))?.terms).toContain('founder');
    const answer = answerQuestion(corpus, 'Who founded Netflix?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Reed Hastings');
  });
});

describe('a word cut short', () => {
  const ARTICLE = [
    'The narrative weaves a web of data sharing and psychological profiling.',
    'The consumer contract was considered, construed and consented to under the constitution.',
  ];

  it('stands for the indexed word it starts ("psych" → "psychological")', async () => {
    const corpus = await corpusOfParagraphs(ARTICLE);
    const concept = analyzeQuery('what psych stuff does it mention', corpus.analyzer, corpus.index).concepts.find((c) => c.word === 'psych');
    expect(concept).toMatchObject({ known: true });
    const answer = answerQuestion(corpus, 'what psych profiling does the narrative mention');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('psychological profiling');
  });

  it('stands for nothing when it starts many words, or is a name', async () => {
    const corpus = await corpusOfParagraphs(ARTICLE);
    const concepts = analyzeQuery('cons of the Psych ward', corpus.analyzer, corpus.index).concepts;
    expect(concepts.find((c) => c.word === 'cons')).toMatchObject({ known: false });
    expect(concepts.find((c) => c.word === 'Psych')).toMatchObject({ known: false });
  });
});

describe('an acronym run together with its version number', () => {
  const LICENSE = ['This License is the GPL as published by the Free Software Foundation.', 'Conveying over a network is not conveying a copy.'];

  it('reads "gplv3", "GPLv3" and "gpl3" as the GPL the documents name', async () => {
    const corpus = await corpusOfParagraphs(LICENSE);
    for (const word of ['gplv3', 'GPLv3', 'gpl3']) {
      const concepts = analyzeQuery(`is network use conveying under ${word}?`, corpus.analyzer, corpus.index).concepts;
      expect(concepts.find((concept) => concept.terms.includes('gpl')), word).toMatchObject({ known: true });
      // The version names which GPL: a title says it, a "3" in the text does not.
      expect(concepts.find((concept) => concept.titleOnly), word).toMatchObject({ terms: ['3'] });
    }
  });

  it('quotes the document whose title holds the version, not another that shares the acronym', async () => {
    const document = (id: string, title: string, text: string) => ({ id, path: `${id}.txt`, meta: { title }, text, hash: hashText(text) });
    const documents = [
      document('lgpl', 'GNU Lesser General Public License, Version 2.1', 'The act of running a program using the Library is not restricted, and running such a program under the GPL is not restricted either.'),
      document('gpl', 'GNU General Public License, Version 2', 'Running the Program is not restricted. See Sections 1 and 2 of the GPL.'),
    ];
    const corpus = await buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents, warnings: [] }, { logger: silentLogger });
    const answer = answerQuestion(corpus, 'does gpl2 restrict running the program?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.citation.title).toBe('GNU General Public License, Version 2');
  });

  it('leaves a name with a number of its own ("Internet2") as typed', async () => {
    const corpus = await corpusOfParagraphs(['The internet carried the copies.', ...LICENSE]);
    const concepts = analyzeQuery('Who runs Internet2?', corpus.analyzer, corpus.index).concepts;
    expect(concepts.flatMap((concept) => concept.terms)).not.toContain('internet');
  });
});

describe('a name only a document\'s title holds', () => {
  // A licence file rarely names its package: "zod" is in the file's title alone.
  const MIT = 'Permission is hereby granted, free of charge, to deal in the Software without restriction.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.';
  const document = (id: string, title: string, text: string) => ({ id, path: `${id}.txt`, meta: { title }, text, hash: hashText(text) });
  // Other licences, 300 passages, a third of them disclaiming warranties: "warranty" weighs little, a word no text holds much.
  const others = ['liability', 'patents', 'trademarks', 'notices', 'termination', 'fees'].map((topic, i) =>
    document(`other-${i}`, `other ${i}`, Array.from({ length: 50 }, (_, k) => `Part ${k} of this file is about ${topic}${k % 3 === 0 ? ', and no warranty is given' : ''}.`).join('\n\n')),
  );

  it('answers from that document instead of declining the name as a word the documents never use', async () => {
    const documents = [document('zod-mit', 'zod mit', MIT), ...others];
    const corpus = await buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents, warnings: [] }, { logger: silentLogger });
    const answer = answerQuestion(corpus, 'does zod come with any warranty');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('WITHOUT WARRANTY OF ANY KIND');
    // A name neither the titles nor the texts hold still counts against the question.
    expect(answerQuestion(corpus, 'does lodash come with any warranty').kind).toBe('no-match');
  });
});

describe('isGenericTypo', () => {
  it.each(['nmae', 'exacly', 'stuf', 'peolpe', 'becuase', 'thier'])('reads %s as a slip on an everyday word', (word) => {
    expect(isGenericTypo(word)).toBe(true);
  });

  it.each(['lindisfarne', 'brownlee', 'tesla', 'nam'])('does not read %s as one', (word) => {
    expect(isGenericTypo(word)).toBe(false);
  });

  it('weighs everyday size and place words the documents miss ("huge", "couple", "country") like other everyday words', async () => {
    const corpus = await corpusOfParagraphs(['The lawsuit was filed in April by two users.', 'The weather was mild.']);
    const [topic] = analyzeQuery('zebra', corpus.analyzer, corpus.index).concepts;
    for (const word of ['huge', 'couple', 'country', 'bigger', 'largest']) {
      const [everyday] = analyzeQuery(word, corpus.analyzer, corpus.index).concepts;
      expect(everyday!.weight, word).toBeLessThan(topic!.weight / 2);
    }
  });

  it('weighs hedges the documents miss ("roughly", "else", "supposed") like other everyday words', async () => {
    const corpus = await corpusOfParagraphs(['The lawsuit was filed in April by two users.', 'The weather was mild.']);
    for (const word of ['roughly', 'approximately', 'else', 'supposed']) {
      const [everyday] = analyzeQuery(word, corpus.analyzer, corpus.index).concepts;
      expect(everyday!.everyday, word).toBe(true);
    }
  });

  it('does not "correct" a number word the documents miss into one they use ("eight" is no "fight")', async () => {
    const corpus = await corpusOfParagraphs(['The fight went on under the light.', 'The weather was mild.']);
    const [eight] = analyzeQuery('eight', corpus.analyzer, corpus.index).concepts;
    expect(eight!.known).toBe(false);
    expect(eight!.terms).toEqual(['eight']);
  });

  it('reads "what year", "which century", "on what date" as the kind of answer asked for, not a topic word', async () => {
    const corpus = await corpusOfParagraphs(['The following year the war ended.', 'The date of the treaty is 1648.']);
    const termsOf = (question: string) => analyzeQuery(question, corpus.analyzer, corpus.index).concepts.flatMap((concept) => concept.terms);
    expect(termsOf('In what year did the war end?')).toEqual(corpus.analyzer.terms('war end'));
    expect(termsOf('On what date was the treaty signed?')).not.toContain(corpus.analyzer.terms('date')[0]);
    // Anywhere else the word is the topic.
    expect(termsOf('What was the date of the treaty?')).toContain(corpus.analyzer.terms('date')[0]);
  });

  it('reads a word the documents never use as the English word it was made from, when they use that', async () => {
    const corpus = await corpusOfParagraphs(['The president listed the old laws early.', 'The grave weather was mild.']);
    const termsOf = (word: string) => analyzeQuery(word, corpus.analyzer, corpus.index).concepts[0]!;
    expect(termsOf('presidential').known).toBe(true);
    expect(termsOf('presidential').terms).toContain(corpus.analyzer.terms('president')[0]);
    expect(termsOf('oldest').terms).toContain(corpus.analyzer.terms('old')[0]);
    expect(termsOf('earlier').terms).toContain(corpus.analyzer.terms('early')[0]);
    // "gravity" is not made from "grave", nor is any word from a stem that is no English word.
    expect(termsOf('gravity').known).toBe(false);
  });

  it('marks an everyday word the documents miss as everyday, and a topic word they miss as not', async () => {
    const corpus = await corpusOfParagraphs(['The lawsuit was filed in April by two users.', 'The weather was mild.']);
    const [describe, zebra] = analyzeQuery('describe zebra', corpus.analyzer, corpus.index).concepts;
    expect(describe!.known).toBe(false);
    expect(describe!.everyday).toBe(true);
    expect(zebra!.everyday).toBe(false);
  });

  it('weighs a name the documents miss as a name whether typed capitalised or in lowercase, as chat does', async () => {
    const corpus = await corpusOfParagraphs(['Netflix got access to private messages.', 'The weather was mild.']);
    const weightOf = (question: string, word: string) => analyzeQuery(question, corpus.analyzer, corpus.index).concepts.find((concept) => concept.word === word)!.weight;
    expect(weightOf('did spotify get access', 'spotify')).toBe(weightOf('did Spotify get access', 'Spotify'));
    // An English word the documents miss is a missing topic, not a name.
    expect(weightOf('did spotify get access', 'spotify')).toBeGreaterThan(weightOf('did streaming get access', 'streaming'));
  });

  it('weighs a lone letter the documents miss ("e-signatures", "dumb q") as everyday, not as a missing topic', async () => {
    const corpus = await corpusOfParagraphs(['Signatures collected online are not valid signatures.', 'The weather was mild.']);
    const [signatures, q] = analyzeQuery('signatures, dumb q', corpus.analyzer, corpus.index).concepts.filter((concept) => concept.word !== 'dumb');
    expect(q!.known).toBe(false);
    expect(q!.everyday).toBe(true);
    expect(signatures!.known).toBe(true);
    // "e-signatures" is one word, read solid and as its halves: the documents' "signatures" is met.
    const [compound, ...others] = analyzeQuery('e-signatures', corpus.analyzer, corpus.index).concepts;
    expect(others).toEqual([]);
    expect(compound!.known).toBe(true);
  });

  it('weighs a company suffix ("AB", "Inc.") under the name it follows, which says which company', async () => {
    const corpus = await corpusOfParagraphs(['Energiprojekt AB built the engine.', 'Acme Inc. sold engines.', 'The weather was mild.']);
    const [name, suffix] = analyzeQuery('Energiprojekt AB', corpus.analyzer, corpus.index).concepts;
    expect(suffix!.weight).toBeLessThan(name!.weight);
    const [acme, inc] = analyzeQuery('Acme Inc.', corpus.analyzer, corpus.index).concepts;
    expect(inc!.weight).toBeLessThan(acme!.weight);
  });

  it('does not "correct" an everyday word the documents miss into one they use ("nationality" is no "notion")', async () => {
    const corpus = await corpusOfParagraphs(['The notion of privacy was raised by two users.', 'The weather was mild.']);
    const [everyday] = analyzeQuery('nationality', corpus.analyzer, corpus.index).concepts;
    expect(everyday!.known).toBe(false);
    expect(everyday!.terms).not.toContain('notion');
  });

  it('weighs an everyday word the documents use ("say") under a topic word they use as often', async () => {
    const corpus = await corpusOfParagraphs(['The judges say the zebra escaped.', 'The weather was mild.', 'Nothing else happened.']);
    const [everyday] = analyzeQuery('say', corpus.analyzer, corpus.index).concepts;
    const [topic] = analyzeQuery('zebra', corpus.analyzer, corpus.index).concepts;
    expect(everyday!.known && topic!.known).toBe(true);
    expect(everyday!.weight).toBeLessThan(topic!.weight);
  });

  it('weighs an everyday word the documents use once ("exactly") under a topic word in one passage of twenty', async () => {
    // 100 passages: "exactly" in one, "patent" in five.
    const paragraphs = Array.from({ length: 100 }, (_, i) => `Clause ${i}: ${i % 20 === 0 ? 'the patent rights end' : 'the terms apply'}${i === 7 ? ' exactly' : ''}.`);
    const corpus = await corpusOfParagraphs(paragraphs);
    const [everyday, topic] = analyzeQuery('exactly patent', corpus.analyzer, corpus.index).concepts;
    expect(everyday!.known && topic!.known).toBe(true);
    expect(everyday!.weight).toBeLessThan(topic!.weight);
  });

  it('weighs a typo of an everyday word the documents miss like that word, not like a missing topic', async () => {
    const corpus = await corpusOfParagraphs(['The lawsuit was filed in April by two users.', 'The weather was mild.']);
    const [typo] = analyzeQuery('nmae', corpus.analyzer, corpus.index).concepts;
    const [topic] = analyzeQuery('zebra', corpus.analyzer, corpus.index).concepts;
    expect(typo!.known).toBe(false);
    expect(typo!.weight).toBeLessThan(topic!.weight / 2);
  });
});
