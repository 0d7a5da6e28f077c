import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS, MAX_QUOTE_CHARS, createPinpoint, type Answer, type Excerpt, type Pinpoint } from '../src/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createAnalyzer, type Analyzer } from '../src/search/analyzer.js';
import { expectWellFormedHighlights } from './helpers/excerpts.js';

const SHIPPED = fileURLToPath(new URL('../knowledge', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/core/kb', import.meta.url));
const CASE_QUESTIONS = fileURLToPath(new URL('../eval/case-questions.jsonl', import.meta.url));
const ARTICLE_TITLE = 'Court Documents Reveal Facebook Shared User DMs with Netflix for Content Tailoring';

let shipped: Pinpoint;
let fixture: Pinpoint;
let shippedAnalyzer: Analyzer;

beforeAll(async () => {
  shipped = await createPinpoint({ knowledgeDir: SHIPPED });
  fixture = await createPinpoint({ knowledgeDir: FIXTURE });
  shippedAnalyzer = createAnalyzer({ aliases: (await loadKnowledge(SHIPPED)).manifest.aliases });
});

afterAll(async () => {
  await shipped?.close();
  await fixture?.close();
});

function excerptsOf(answer: Answer): Excerpt[] {
  if (answer.kind !== 'excerpts') throw new Error(`expected excerpts for "${answer.question}", got no-match`);
  return answer.excerpts;
}

/** The first quote the shipped knowledge gives for a question. */
function firstQuoteOf(question: string): string {
  return excerptsOf(shipped.ask(question))[0]!.quote;
}

function highlighted(excerpt: Excerpt): string[] {
  return excerpt.highlights.map(([start, end]) => excerpt.quote.slice(start, end));
}

function expectVerbatim(core: Pinpoint, excerpt: Excerpt): void {
  const view = core.passage(excerpt.passageId);
  expect(view, `passage ${excerpt.passageId}`).toBeDefined();
  expect(view!.document.text.slice(excerpt.start, excerpt.start + excerpt.quote.length)).toBe(excerpt.quote);
  expect(view!.passage.text).toContain(excerpt.quote);
  expect(view!.document.id).toBe(excerpt.citation.docId);
}

const caseQuestions: { id: string; question: string; unanswerable: boolean }[] = readFileSync(CASE_QUESTIONS, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

describe('answers over the shipped knowledge', () => {
  it('quotes "private messages" or "direct messages" first, with a citation, for the README question', () => {
    const [first] = excerptsOf(shipped.ask("Did Netflix have access to Facebook users' private messages?"));
    expect(first!.quote).toMatch(/private messages|direct messages/);
    expect(first!.citation.title).toBe(ARTICLE_TITLE);
    expect(first!.citation.kind).toBe('news-article');
    expect(first!.citation.docId).toBe('facebook-netflix-dms-article');
    expect(first!.citation.label).toMatch(/^para\. \d+$/);
    expectVerbatim(shipped, first!);
  });

  it('answers a choice by the side the documents name, but not a choice of events or of parties they never name', () => {
    expect(firstQuoteOf('what kind of lawsuit is it - individual or class action?')).toContain('class-action lawsuit');
    expect(firstQuoteOf('was it amazon or netflix that got access to the DMs?')).toContain('Netflix');
    expect(shipped.ask('did amazon or google read the messages?').kind).toBe('no-match');
    // Meta settled other litigation: that is no answer to whether it appealed or settled this case.
    expect(shipped.ask('did meta appeal or settle the case?').kind).toBe('no-match');
  });

  it('quotes "$725 million" for the Cambridge Analytica settlement', () => {
    const excerpts = excerptsOf(shipped.ask('how much was the Cambridge Analytica settlement'));
    expect(excerpts.some((excerpt) => excerpt.quote.includes('$725 million'))).toBe(true);
  });

  it('meets "netflix dms" with the article\'s "private messages" / "direct messages" through the aliases', () => {
    const [first] = excerptsOf(shipped.ask('netflix dms'));
    expect(first!.quote).toMatch(/Netflix/);
    expect(highlighted(first!).join(' | ')).toMatch(/private messages|direct messages/);
  });

  it('does not hold "in the article" against a question: it says where to look, not what about', () => {
    const [first] = excerptsOf(shipped.ask('Who is Mark Zuckerberg in the article?'));
    expect(first!.quote).toContain('Facebook mogul Mark Zuckerberg');
  });

  it("meets chat paraphrases through the pack's aliases (\"snoop on\" ~ \"peek into\", \"Netflix boss\" ~ Hastings)", () => {
    expect(firstQuoteOf("could netflix snoop on people's facebook chats")).toContain('peek into Facebook users’ private messages');
    expect(firstQuoteOf('what did the Netflix boss and the Facebook CEO have going on')).toContain('personal ties');
    expect(firstQuoteOf('when did fb become meta')).toContain('October 2021');
    expect(firstQuoteOf('hastings role at netflix')).toContain('Netflix co-founder Reed Hastings');
    expect(firstQuoteOf('what company got dragged into the cambridge analytica mess')).toContain('Palantir');
    expect(firstQuoteOf('The messaging deal was signed soon after which event?')).toContain('Hastings joined Facebook’s board');
  });

  it('reads "how does the article describe X" as a question about X', () => {
    expect(firstQuoteOf('How does the article describe Mark Zuckerberg?')).toContain('Facebook mogul Mark Zuckerberg');
    // "Netflix" is in most passages: the everyday words around it must not sink the answer.
    expect(firstQuoteOf('How does the article describe Netflix?')).toContain('streaming behemoth Netflix');
  });

  it('reads a name with two letters swapped or one dropped, and a typo of an everyday word, as the words meant', () => {
    // A capitalised word gets no changed letter: that may well be another name, spelt as meant.
    expect(firstQuoteOf("What's Reed Hastigns role at Netflx?")).toContain('Netflix co-founder Reed Hastings');
    expect(firstQuoteOf('Who is Reed Hastins and what was his role at Netflx?')).toContain('Netflix co-founder Reed Hastings');
    // "exacly" is no word the article uses, but it is "exactly", which says nothing about the topic.
    expect(firstQuoteOf('When was the lawsiut filed exacly?')).toContain('April last year');
  });

  it('reads a typo in an alias ("socil network", "video serivce", "planitiffs") as the alias', () => {
    expect(firstQuoteOf('What did the video serivce send back to the socil network in return?')).toContain('bi-weekly reports');
    // Two letters swapped in a one-word alias ("planitiffs" for "plaintiffs") is one slip, too.
    expect(firstQuoteOf('Who are the planitiffs suing Facebook?')).toContain('Maximilian Klein and Sarah Grabert');
  });

  it('reads "whos" and "whens" as chat spells "who\'s" and "when\'s"', () => {
    expect(firstQuoteOf('whos reed hastings')).toContain('Netflix co-founder Reed Hastings');
    expect(firstQuoteOf('whens the lawsuit filed')).toContain('April last year');
  });

  it('does not hold chat filler against a question ("the guys behind the class action")', () => {
    const [first] = excerptsOf(shipped.ask('who are the guys behind the class action'));
    expect(first!.quote).toContain('Maximilian Klein and Sarah Grabert');
  });

  it('reads chat interjections ("lol", "tbh", "ngl", an opening "wait", a filler "like") and "what\'d" as no part of the question', () => {
    expect(firstQuoteOf('when did fb become meta lol')).toContain('October 2021');
    expect(firstQuoteOf('ngl who is suing meta tbh')).toContain('Maximilian Klein and Sarah Grabert');
    expect(firstQuoteOf("what'd netflix give fb back, like reports or smth?")).toContain('bi-weekly reports');
    expect(firstQuoteOf('hmm when did fb become meta tho')).toContain('October 2021');
    expect(firstQuoteOf('wait who is suing meta')).toContain('Maximilian Klein and Sarah Grabert');
    expect(firstQuoteOf('ok so whose idea was the inbox api anyway')).toContain('“Inbox API” agreement');
    // "firms like Palantir" must not win for a filler "like".
    expect(firstQuoteOf('ok but like how much did meta cough up for the cambridge analytica thing')).toContain('$725 million');
  });

  it('reads the frame of a chat message ("hey pinpoint, quick question:", "just curious") as no part of the question', () => {
    expect(firstQuoteOf('hey pinpoint, quick question: who is suing meta? thanks')).toContain('Maximilian Klein and Sarah Grabert');
    expect(firstQuoteOf('sorry if this was asked already, who filed the lawsuit')).toContain('Maximilian Klein and Sarah Grabert');
    expect(firstQuoteOf('i was wondering when fb became meta, just curious')).toContain('October 2021');
  });

  it('reads an idiom ("behind closed doors", "mixed up in", "in bed together") as the plain words the article uses', () => {
    expect(firstQuoteOf('How did Meta handle the Cambridge Analytica mess behind closed doors?')).toContain('downplaying the incident internally');
    expect(firstQuoteOf('ngl was palantir mixed up in this too?')).toContain('Palantir also drawn into the Cambridge Analytica orbit');
    expect(firstQuoteOf('yo how long were fb and netflix in bed together lol')).toContain('decade-long alliance');
    expect(firstQuoteOf('Which country hit Meta with a huge penalty a couple of years back?')).toContain('Ireland slapped Meta');
  });

  it('does not read a hedge ("This bond was reportedly cemented") as the topic it stems like ("reports")', () => {
    expect(firstQuoteOf('when did netflix last send facebook reports')).toContain('October 2021');
  });

  it('answers "how often" and "frequency" with the quote that says how often', () => {
    expect(firstQuoteOf('Netflix report frequency')).toContain('bi-weekly reports');
    expect(firstQuoteOf('How often did Netflix send reports to Facebook?')).toContain('bi-weekly reports');
  });

  it('answers "what nationality" with the quote that says who the plaintiffs are', () => {
    expect(firstQuoteOf('What nationality are the two people suing?')).toContain('US citizens');
  });

  it('answers "why", "what for" and "for what purpose" with the quote that says what it was for', () => {
    expect(firstQuoteOf('so netflix could read fb dms?? wat for')).toContain('to tailor its content offerings');
    expect(firstQuoteOf('For what purpose did Netflix use the messages?')).toContain('to tailor its content offerings');
  });

  it('answers "what kind of lawsuit" with the word that says what kind', () => {
    expect(firstQuoteOf('What kind of lawsuit is it?')).toContain('class-action lawsuit');
  });

  it('reads "type of lawsuit", "lawsuit type" and "what sort of case" as asking which kind, without a wh-word or a case name', () => {
    expect(firstQuoteOf('type of lawsuit')).toContain('class-action lawsuit');
    expect(firstQuoteOf('lawsuit type')).toContain('class-action lawsuit');
    expect(firstQuoteOf('what sort of case is this')).toContain('anti-trust case');
  });

  it('reads chat spellings ("wat") as the words they stand for, and echoes the question as typed', () => {
    const answer = shipped.ask('wat kind of lawsuit is it');
    expect(answer.question).toBe('wat kind of lawsuit is it');
    expect(excerptsOf(answer)[0]!.quote).toContain('class-action lawsuit');
  });

  it('weighs an everyday word as everyday whether typed in full or in chat shorthand ("people", "ppl")', () => {
    // "people" has an alias group ("ppl"); the article never uses either, and neither may count as a missing topic.
    for (const question of ['Who are the two people behind the class-action suit against Meta?', 'who are the two ppl behind the class action suit']) {
      expect(excerptsOf(shipped.ask(question))[0]!.quote, question).toContain('Maximilian Klein and Sarah Grabert');
    }
  });

  it('answers no-match with the document titles as suggestions for an off-topic question', () => {
    const answer = shipped.ask('What is the capital of France?');
    expect(answer).toEqual({
      kind: 'no-match',
      question: 'What is the capital of France?',
      suggestions: [ARTICLE_TITLE],
      missingWords: ['capital', 'France'],
      candidates: expect.any(Array),
    });
  });

  it('names the topic words of a declined question that the documents never use, as typed and once each', () => {
    const nickname = shipped.ask('ok dumb q but what does the article call netflix, some nickname lol');
    expect(nickname).toMatchObject({ kind: 'no-match', missingWords: ['nickname'] });
    // "describe" is an everyday word: no reason the documents miss the question.
    expect(shipped.ask('How does the article describe Meta’s History with user privacy? history!')).toMatchObject({ kind: 'no-match', missingWords: ['History'] });
    // Every word is the article's own: nothing to say otherwise.
    expect(shipped.ask('How do I join the class action?')).toMatchObject({ kind: 'no-match', missingWords: [] });
    // Chat's frame around the question is no topic of it: "friend" and "advance" are not words to try otherwise.
    expect(shipped.ask('asking for a friend: did google get access to messages?')).toMatchObject({ kind: 'no-match', missingWords: ['google'] });
    expect(shipped.ask('did google get access to messages? thx in advance')).toMatchObject({ kind: 'no-match', missingWords: ['google'] });
    expect(shipped.ask('did google get access to messages? asking for a friend lol')).toMatchObject({ kind: 'no-match', missingWords: ['google'] });
    // Nor is the message a reply quotes above its question: "evil" is not what it asks about.
    expect(shipped.ask('> netflix is evil\ndid google get access to messages?')).toMatchObject({ kind: 'no-match', missingWords: ['google'] });
    // The article tells of Hastings joining Facebook's board and of the suit, never what a reader may do.
    for (const question of ['can I join the lawsuit', 'am I part of the lawsuit?', 'how can I sign up for the lawsuit', 'what should I do if I used facebook messenger']) expect(shipped.ask(question).kind).toBe('no-match');
    // "the ongoing challenges tech companies face" is not the case.
    expect(shipped.ask('is this case still ongoing?').kind).toBe('no-match');
  });

  it('declines a question about a party or an event the documents never name, however well the rest matches', () => {
    // "… allegedly allowed Netflix unprecedented access to users' private messages" is about Netflix, not Amazon.
    expect(shipped.ask('did amazon get access to facebook messages')).toMatchObject({ kind: 'no-match', missingWords: ['amazon'] });
    expect(shipped.ask('Did Google get access to messages?')).toMatchObject({ kind: 'no-match', missingWords: ['Google'] });
    // Nor is a question whether something happened that the article never tells of.
    expect(shipped.ask('did meta appeal the irish fine')).toMatchObject({ kind: 'no-match', missingWords: ['appeal'] });
    // The same question about the party the article names is answered.
    expect(excerptsOf(shipped.ask('did netflix get access to facebook messages'))[0]!.quote).toMatch(/Netflix/);
  });

  it('declines a case-number or which-court question from a document that names neither', () => {
    expect(shipped.ask('What is the case number?').kind).toBe('no-match');
    expect(shipped.ask('Which court is the case in?').kind).toBe('no-match');
  });

  it('declines a "how many" question when the best quote holds no count', () => {
    expect(shipped.ask('How many users had their messages read by Netflix?').kind).toBe('no-match');
  });

  it('declines a question about an outcome the article never reports', () => {
    expect(shipped.ask('Who won the lawsuit?').kind).toBe('no-match');
    expect(shipped.ask('Who lost the lawsuit?').kind).toBe('no-match');
  });

  it('declines a question about leaving the board when the article only tells of joining it', () => {
    expect(shipped.ask("When did Reed Hastings leave Facebook's board?").kind).toBe('no-match');
  });

  it('declines "how did Netflix respond?": the article reports no response', () => {
    expect(shipped.ask('How did Netflix respond to the allegations in the lawsuit?').kind).toBe('no-match');
    expect(shipped.ask('Has Meta denied the DM allegations?').kind).toBe('no-match');
  });

  it('declines a "how do I …?" question when no quote uses its verb', () => {
    // The article names the class action; it never says how to join it.
    expect(shipped.ask('How do I join the class action?').kind).toBe('no-match');
  });

  it('declines a "still …?" question when the best quote only tells the past', () => {
    // The article says Hastings joined the board; nothing in it says how things stand today.
    expect(firstQuoteOf("Is Reed Hastings on Meta's board?")).toContain('board');
    expect(shipped.ask("Is Reed Hastings still on Meta's board?").kind).toBe('no-match');
  });

  it('gives deep-equal answers to the same question asked twice', () => {
    const question = 'Who had personal ties with Mark Zuckerberg?';
    expect(shipped.ask(question)).toEqual(shipped.ask(question));
    expect(shipped.ask('What is the capital of France?')).toEqual(shipped.ask('What is the capital of France?'));
  });

  it('gives the same answer from a freshly built core', async () => {
    const again = await createPinpoint({ knowledgeDir: SHIPPED });
    try {
      for (const question of ['netflix dms', 'When did Meta rebrand?', 'What is the capital of France?']) {
        expect(again.ask(question)).toEqual(shipped.ask(question));
      }
    } finally {
      await again.close();
    }
  });

  it('highlights the matched words inside the quote and nothing else', () => {
    const question = "Did Netflix have access to Facebook users' private messages?";
    const questionTerms = new Set(shippedAnalyzer.terms(question));
    for (const excerpt of excerptsOf(shipped.ask(question))) {
      expectWellFormedHighlights(excerpt);
      for (const text of highlighted(excerpt)) {
        expect(shippedAnalyzer.terms(text).some((term) => questionTerms.has(term)), `"${text}" matches the question`).toBe(true);
      }
      // Every quote word that the question asks about is inside a highlight.
      for (const token of shippedAnalyzer.tokens(excerpt.quote)) {
        if (!questionTerms.has(token.term)) continue;
        const covered = excerpt.highlights.some(([start, end]) => token.start >= start && token.end <= end);
        expect(covered, `"${excerpt.quote.slice(token.start, token.end)}" is highlighted`).toBe(true);
      }
    }
  });

  it('highlights "Netflix" and the direct-messages phrase in the first quote of the README question', () => {
    const [first] = excerptsOf(shipped.ask("Did Netflix have access to Facebook users' private messages?"));
    const words = highlighted(first!);
    expect(words).toContain('Netflix');
    expect(words.some((word) => /^(private|direct) messages$/.test(word))).toBe(true);
  });

  it.each(caseQuestions.map((q) => [q.id, q.question] as const))(
    'keeps every quote verbatim and within %s characters for %s: %s',
    (_id, question) => {
      const answer = shipped.ask(question);
      if (answer.kind === 'no-match') {
        expect(answer.suggestions.length).toBeGreaterThan(0);
        return;
      }
      expect(answer.excerpts.length).toBeGreaterThan(0);
      expect(answer.excerpts.length).toBeLessThanOrEqual(3);
      expect(new Set(answer.excerpts.map((excerpt) => excerpt.passageId)).size).toBe(answer.excerpts.length);
      for (const excerpt of answer.excerpts) {
        expect(excerpt.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
        expect(excerpt.quote).toBe(excerpt.quote.trim());
        expectVerbatim(shipped, excerpt);
        expectWellFormedHighlights(excerpt);
      }
    },
  );

  describe('More (offset and limit)', () => {
    const question = 'Meta privacy fines';

    it('returns the next excerpts for an offset, in the same order as one long page', () => {
      const all = excerptsOf(shipped.ask(question, { limit: 10 }));
      expect(all.length).toBeGreaterThan(3);
      expect(excerptsOf(shipped.ask(question))).toEqual(all.slice(0, 3));
      expect(excerptsOf(shipped.ask(question, { offset: 3 }))).toEqual(all.slice(3, 6));
      expect(excerptsOf(shipped.ask(question, { offset: 1, limit: 2 }))).toEqual(all.slice(1, 3));
    });

    it('returns an empty page past the last excerpt', () => {
      expect(excerptsOf(shipped.ask(question, { offset: 50 }))).toEqual([]);
    });

    it('treats a negative offset as 0 and a limit below 1 as 1', () => {
      const all = excerptsOf(shipped.ask(question, { limit: 10 }));
      expect(excerptsOf(shipped.ask(question, { offset: -4, limit: 0 }))).toEqual(all.slice(0, 1));
    });
  });

  describe('hostile input', () => {
    it('does not throw on a 10,000-character question and cuts it before analysis', () => {
      const question = `Did Netflix read DMs? ${'spam '.repeat(2000)}`.slice(0, 10_000);
      expect(question).toHaveLength(10_000);
      const answer = shipped.ask(question);
      expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
      expect(question.startsWith(answer.question)).toBe(true);
    });

    it.each([
      ['@everyone'],
      ['@here <@123456789> <#42> <!channel>'],
      ['x'.repeat(10_000)],
      ['🙂'.repeat(3000)],
      ['((((((((((('],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: regex and template metacharacters on purpose
      ['.*+?^${}()|[]\\'],
      ['\u0000\u0007\u202e'],
      [''],
      ['   \n\t  '],
      ['§ ¶ $ € £'],
      ['12(b)(6) 3:20-cv-08570-JD § 1983 ¶ 42 $725 million'],
      // Look like statutes until their last character. Read by trying every split of their forty numbers,
      // they would take hours; they must be read at once.
      [`1${'-11'.repeat(40)}x`],
      [`§ 1${'.11'.repeat(40)}x`],
    ])('does not throw on %j', (question) => {
      const answer = shipped.ask(question);
      expect(['excerpts', 'no-match']).toContain(answer.kind);
      if (answer.kind === 'excerpts') for (const excerpt of answer.excerpts) expectVerbatim(shipped, excerpt);
    });

    it('answers a question pasted with zero-width spaces, a soft hyphen and a bidi override as if typed plainly', () => {
      const typed = shipped.ask('Did Netflix read Facebook private messages?');
      const pasted = shipped.ask('Did Net\u200Bflix read Face\u00ADbook \u202Eprivate  messages?');
      expect(pasted).toEqual(typed);
    });

    it('answers no-match for an empty question', () => {
      expect(shipped.ask('').kind).toBe('no-match');
      expect(shipped.ask('@everyone').kind).toBe('no-match');
    });
  });
});

describe('answers over a filing with numbered paragraphs and pages', () => {
  it('cites a numbered paragraph as "¶ N, ECF No. E at P" with the manifest url and date', () => {
    const [first] = excerptsOf(fixture.ask("Who got access to users' direct messages?"));
    expect(first!.quote).toContain('Acme gave StreamCo Inc. access to users\' direct messages through a private "Inbox API" from 2013 until 2019.');
    expect(first!.citation).toEqual({
      docId: 'filings-complaint',
      title: 'Doe v. Acme Messaging: Class Action Complaint',
      label: '¶ 2, ECF No. 1 at 1',
      url: 'https://example.com/complaint.pdf',
      date: '2021-04-12',
      kind: 'complaint',
    });
    expectVerbatim(fixture, first!);
  });

  it('cites the page from a page marker', () => {
    const [first] = excerptsOf(fixture.ask('How much in damages do the plaintiffs seek?'));
    expect(first!.quote).toContain('$725 million');
    expect(first!.citation.label).toBe('¶ 6, ECF No. 1 at 2');
  });

  it('matches a rule citation token and highlights it', () => {
    const [first] = excerptsOf(fixture.ask('Was the motion under Rule 12(b)(6) denied?'));
    expect(first!.quote).toMatch(/^The motion to dismiss under Rule 12\(b\)\(6\) is denied\./);
    expect(first!.citation.label).toBe('p. 1, para. 1');
    expect(highlighted(first!).slice(0, 4)).toEqual(['motion', 'Rule', '12(b)(6)', 'denied']);
  });

  it('meets "§1983" in a question with "§ 1983" in the text', () => {
    const [first] = excerptsOf(fixture.ask('an action under §1983'));
    expect(highlighted(first!)).toContain('§ 1983');
  });

  it('meets "4500000" written "$4,500,000"', () => {
    const [first] = excerptsOf(fixture.ask('Did StreamCo pay $4,500,000?'));
    expect(highlighted(first!)).toContain('$4,500,000');
  });

  it('does not split "Dec. 6, 2013" or "Inc." out of a quote', () => {
    const [first] = excerptsOf(fixture.ask('When did the founder sign the inbox agreement?'));
    expect(first!.quote).toContain("Acme's founder signed the inbox agreement on Dec. 6, 2013, after StreamCo paid $4,500,000 in fees.");
  });

  // Bug: secondary excerpts from passages that match only through the title field quote a lone
  // paragraph number ("4.") with no matched word; see the report.
  it('returns no excerpt without a matched word, and never a bare paragraph number [reported bug]', () => {
    const excerpts = excerptsOf(fixture.ask('section 1983'));
    for (const excerpt of excerpts) {
      expect(excerpt.quote).not.toMatch(/^\d+\.$/);
      expect(excerpt.highlights.length, `"${excerpt.quote}" has a highlight`).toBeGreaterThan(0);
    }
  });

  describe('a paragraph asked for by the number its citation shows', () => {
    it('quotes the complaint\'s ¶ 3 for "what does ¶ 3 of the complaint say?", whatever words it holds', () => {
      const [first] = excerptsOf(fixture.ask('What does ¶ 3 of the complaint say?'));
      expect(first!.quote).toBe('Beginning in 2013, StreamCo received bi-weekly reports on how users shared its titles in chats.');
      expect(first!.citation.label).toBe('¶ 3, ECF No. 1 at 1');
      expectVerbatim(fixture, first!);
    });

    it('reads "¶ 2" as a filing\'s own paragraph 2, not the order\'s second', () => {
      const excerpts = excerptsOf(fixture.ask('what does ¶ 2 say'));
      expect(excerpts.map((excerpt) => excerpt.citation.label)).toEqual(['¶ 2, ECF No. 1 at 1']);
    });

    it('reads "para 1 of the order" as the order\'s first paragraph, and its other words choose the sentence', () => {
      const [first] = excerptsOf(fixture.ask('what does para 1 of the order say about the motion'));
      expect(first!.citation).toMatchObject({ docId: 'order', label: 'p. 1, para. 1' });
      expect(first!.quote).toMatch(/^The motion to dismiss/);
    });

    it('reads a number written out ("paragraph three", "¶ two") as its digits', () => {
      const [first] = excerptsOf(fixture.ask('What does paragraph three of the complaint say?'));
      expect(first!.citation.label).toBe('¶ 3, ECF No. 1 at 1');
      expect(excerptsOf(fixture.ask('what does ¶ two say')).map((excerpt) => excerpt.citation.label)).toEqual(['¶ 2, ECF No. 1 at 1']);
      expect(fixture.ask('what does paragraph ninety-nine say').kind).toBe('no-match');
    });

    it('answers no-match when no paragraph has the number', () => {
      expect(fixture.ask('what does ¶ 99 say').kind).toBe('no-match');
    });

    it('quotes the page asked for ("what does page 2 of the order say?"), as citations show pages', () => {
      const [first] = excerptsOf(fixture.ask('what does page 2 of the order say?'));
      expect(first!.citation).toMatchObject({ docId: 'order', label: 'p. 2, para. 2' });
      expect(first!.quote).toMatch(/case management|SO ORDERED/i);
      // The complaint's page 2 is cited "ECF No. 1 at 2", as its ECF header numbers it.
      for (const excerpt of excerptsOf(fixture.ask("what's on p. 2?"))) expect(excerpt.citation.label).toMatch(/^p\. 2,|at 2$/);
    });
  });

  it('lists the documents with their headings', () => {
    expect(fixture.documents()).toEqual([
      {
        id: 'filings-complaint',
        title: 'Doe v. Acme Messaging: Class Action Complaint',
        kind: 'complaint',
        date: '2021-04-12',
        url: 'https://example.com/complaint.pdf',
        passages: 6,
        headings: ['Introduction', 'Facts', 'Relief'],
      },
      { id: 'order', title: 'Order Denying Motion to Dismiss', kind: 'order', date: '2022-12-06', passages: 2, headings: [] },
    ]);
  });
});
