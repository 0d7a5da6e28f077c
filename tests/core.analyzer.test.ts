import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { createAnalyzer, isAliasTerm } from '../src/search/analyzer.js';
import { STOP_WORDS } from '../src/search/stopwords.js';
import { nextWordStart, wordEnd } from '../src/search/word-scan.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

const plain = createAnalyzer();
const withAliases = createAnalyzer({
  aliases: [
    ['Meta', 'Facebook', 'Meta Platforms'],
    ['DM', 'DMs', 'direct message', 'private message', 'inbox'],
  ],
});

describe('analyzer', () => {
  describe('stop words', () => {
    it.each([
      ['the', 'what is the', []],
      ['question words and auxiliaries', 'Did they have it?', []],
      ['chat filler', 'please tell me', []],
      // "reportedly" stems to "report", "generally" to "general": kept, they would match a question
      // about reports or an attorney general.
      ['hedges that say how sure or how general a statement is, not what about', 'reportedly allegedly supposedly generally mostly', []],
      // "write-ins" would leave "ins", which stems to the stop word "in" and is then an unknown topic.
      ['the plural particles of a hyphenated noun', 'ins ons outs ups offs', []],
    ])('drops %s', (_label, text, expected) => {
      expect(plain.terms(text)).toEqual(expected);
    });

    it('reads a hyphenated noun and its plural alike ("write-in", "write-ins")', () => {
      expect(plain.terms('write-ins')).toEqual(plain.terms('write-in'));
    });

    it.each(['not', 'no', 'never'])('keeps the negation "%s" because legal text turns on it', (word) => {
      expect(STOP_WORDS.has(word)).toBe(false);
      expect(plain.terms(`it was ${word} denied`)).toContain(word);
    });
  });

  describe('stemming', () => {
    it.each([
      ['running', 'run'],
      ['messages', 'messag'],
      ['denied', 'deni'],
      ['settled', 'settl'],
      ['questions', 'question'],
      ['Plaintiffs', 'plaintiff'],
    ])('stems "%s" to the Porter2 stem "%s"', (word, stem) => {
      expect(plain.terms(word).filter((term) => !isAliasTerm(term))).toEqual([stem]);
    });

    it('gives a singular and its plural the same term when both are in the text', () => {
      expect(plain.terms('message')).toEqual(plain.terms('messages'));
    });

    it('folds case and diacritics so "Café" and "cafe" meet', () => {
      expect(plain.terms('Café')).toEqual(plain.terms('cafe'));
    });

    it.each([
      ['wrote', 'write'],
      ['Written', 'writes'],
      ['won', 'winning'],
      ['taught', 'teaching'],
      ['children', 'child'],
      ['criteria', 'criterion'],
      ['amici', 'amicus'],
    ])('reads the irregular form "%s" as the word it inflects, like "%s"', (past, other) => {
      expect(plain.terms(past)).toEqual(plain.terms(other));
    });

    it.each([
      ['settlement', 'settled'],
      ['agreements', 'agree'],
      ['payments', 'paid'],
      ['disagreement', 'disagrees'],
      ['decision', 'decided'],
      ['injuries', 'injured'],
    ])('reads the action noun "%s" as its verb, like "%s"', (noun, verb) => {
      expect(plain.terms(noun)).toEqual(plain.terms(verb));
    });

    it('leaves an action noun with a meaning of its own apart from its verb ("statement", "judgment")', () => {
      expect(plain.terms('statement')).not.toEqual(plain.terms('state'));
      expect(plain.terms('judgment')).not.toEqual(plain.terms('judge'));
      expect(plain.terms('discovery')).not.toEqual(plain.terms('discovered'));
    });

    it('leaves a past form that is also another word alone ("found", "SAT", "fed")', () => {
      expect(plain.terms('found')).not.toEqual(plain.terms('find'));
      expect(plain.terms('SAT scores')).not.toEqual(plain.terms('sit scores'));
      expect(plain.terms('the Fed')).not.toEqual(plain.terms('feed'));
    });

    // Porter2 stems each pair apart ("liabl", "liabil"; "discrimin", "discriminatori").
    it.each([
      ['liable', 'liability'],
      ['liable', 'liabilities'],
      ['discrimination', 'discriminatory'],
      ['retaliation', 'retaliatory'],
      ['defamation', 'defamatory'],
      ['statute', 'statutory'],
      ['regulation', 'regulatory'],
      ['prosecutor', 'prosecutorial'],
      ['fraud', 'fraudulent'],
      ['deception', 'deceptive'],
      ['testified', 'testimony'],
    ])('gives "%s" and "%s", words of one idea, one term', (word, other) => {
      expect(plain.terms(word)).toEqual(plain.terms(other));
    });

    it('answers "was there retaliation?" from a passage that speaks of retaliatory conduct', async () => {
      const corpus = await corpusOfParagraphs(['Plaintiffs allege retaliatory conduct by the Board after the letter.', 'The Board sent a letter to the voters in March.']);
      const answer = answerQuestion(corpus, 'Was there retaliation by the board?');
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('Plaintiffs allege retaliatory conduct by the Board after the letter.');
    });

    // Porter2 stems each pair alike; "constitutes" also carries the alias term of "counts as".
    it.each([
      ['Constitution', 'constitutes'],
      ['constitutional', 'amounts to'],
      ['authority', 'author'],
      ['authorized', 'authored'],
      ['probation', 'probate'],
      ['international', 'internal'],
      ['internal', 'intern'],
      ['universal', 'university'],
      ['organization', 'organ'],
      ['objective', 'objection'],
    ])('keeps "%s" apart from "%s", a word of another meaning', (word, other) => {
      expect(plain.terms(word).filter((term) => plain.terms(other).includes(term))).toEqual([]);
    });

    it.each([
      ['Constitution', 'constitutional'],
      ['authorities', 'authority'],
      ['authorization', 'authorize'],
      ['organizational', 'organizing'],
      ['universities', 'university'],
    ])('still gives "%s" and "%s" one term', (word, other) => {
      expect(plain.terms(word)).toEqual(plain.terms(other));
    });

    it('quotes no passage on the board\'s authority to "who is the author?"', async () => {
      const corpus = await corpusOfParagraphs([
        'The Board acted within the authority the statute gives it when it ruled on the request.',
        'The author of this opinion is Marc Farris, an assistant attorney general.',
      ]);
      const answer = answerQuestion(corpus, 'Who is the author?');
      expect(answer.kind === 'excerpts' && answer.excerpts.map((excerpt) => excerpt.quote)).toEqual(['The author of this opinion is Marc Farris, an assistant attorney general.']);
    });
  });

  describe('legal tokens', () => {
    it('reads "5th" and "14th" as "fifth" and "fourteenth" too, as courts spell them', () => {
      expect(plain.terms('the 5th Circuit')).toEqual(expect.arrayContaining(plain.terms('the Fifth Circuit')));
      expect(plain.terms('14th Amendment')).toEqual(expect.arrayContaining(plain.terms('Fourteenth Amendment')));
      expect(plain.terms('the 21st century')).toEqual(['21', 'centuri']);
    });

    it.each([
      ['12(b)(6)', ['12(b)(6)']],
      ['Rule 23(b)(3)', ['rule', '23(b)(3)']],
      ['3:20-cv-08570-JD', ['3:20-cv-8570-jd', '3:20-cv-8570', '20-cv-8570']],
      ['3:20-cv-08570', ['3:20-cv-8570', '20-cv-8570']],
      ['20-cv-8570', ['20-cv-8570']],
      ['§ 1983', ['§1983', '1983']],
      ['§1983', ['§1983', '1983']],
      ['¶ 42', ['¶42']],
      ['¶42', ['¶42']],
      ['$725 million', ['725', '$725', '725000000', '$725000000', 'million']],
      ['$4,500,000', ['4500000', '$4500000']],
      ['1,190', ['1190']],
      ['2.5', ['2.5']],
      // A statute with subsections, cited with § or bare, is also the statute without them.
      ['§ 163-273(a)(1)', ['§163-273', '163-273', '163-273(a)(1)']],
      ['163-273(a)(1)', ['163-273', '163-273(a)(1)']],
      ['KRS 117.235(3)(c)', ['krs', '117.235', '117.235(3)(c)']],
      // A bare hyphenated number may be a statute ("163-273") or a score: the whole and each number.
      ['163-273', ['163-273', '163', '273']],
      ['24-10', ['24-10', '24', '10']],
    ])('keeps %s whole as %j', (text, terms) => {
      expect(plain.terms(text)).toEqual(terms);
    });

    it('gives "§ 1983" in a question and "§1983" in a document the same terms', () => {
      expect(plain.terms('under § 1983')).toEqual(plain.terms('under §1983'));
    });

    // Word processors put a no-break space after "§" and "¶", so the number never starts a line of its own.
    it.each([
      ['§\u00A01983', '§ 1983'],
      ['Compl. ¶\u00A042', 'Compl. ¶ 42'],
      ['§\u202F1983', '§ 1983'],
      ['$\u00A0725', '$ 725'],
    ])('reads %j, with a no-break or thin space, as %j', (written, typed) => {
      expect(plain.terms(written)).toEqual(plain.terms(typed));
    });

    // A data dump or a badly extracted table can hold a run of dotted numbers tens of thousands long; each of its
    // numbers was a fresh try at a statute read to the run's end (120,000 characters: some 9 s, a stalled index).
    it('reads a long run of dotted numbers in time that grows with its length, not with its square', () => {
      const run = `1${'.1'.repeat(60_000)}`;
      const started = performance.now();
      const terms = plain.terms(run);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(terms).toHaveLength(30_001);
      expect(plain.terms('N.C. Gen. Stat. § 163-166.3(c) and 163-166.3(c)')).toEqual(['nc', 'gen', 'stat', '§163-166.3', '163-166.3', '163-166.3(c)', '163-166.3', '163-166.3(c)']);
    });

    it('quotes the passage citing "¶ 42" with a no-break space for a question asking about ¶ 42', async () => {
      const corpus = await corpusOfParagraphs([
        'Plaintiffs rely on the facts pleaded at Compl. ¶\u00A042 for their theory.',
        'Plaintiffs rely on new facts for their other theory.',
      ]);
      const answer = answerQuestion(corpus, 'What do plaintiffs rely on at ¶ 42?');
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('Plaintiffs rely on the facts pleaded at Compl. ¶\u00A042 for their theory.');
    });

    it('lets a question citing a statute bare meet the text citing it with § and subsections', () => {
      const text = new Set(plain.terms('a Class 2 misdemeanor under § 163-273(a)(1)'));
      for (const question of ['163-273', '163-273(a)(1)', '§ 163-273']) expect(plain.terms(question).some((term) => text.has(term)), question).toBe(true);
    });

    it('points every term of a legal token at the whole token in the source', () => {
      const text = 'Case 3:20-cv-08570-JD settled for $725 million under § 1983 and ¶ 42.';
      for (const token of plain.tokens(text)) {
        expect(token.start).toBeGreaterThanOrEqual(0);
        expect(token.end).toBeLessThanOrEqual(text.length);
      }
      const slices = plain.tokens(text).map((token) => [token.term, text.slice(token.start, token.end)]);
      expect(slices).toEqual([
        ['case', 'Case'],
        ['3:20-cv-8570-jd', '3:20-cv-08570-JD'],
        ['3:20-cv-8570', '3:20-cv-08570-JD'],
        ['20-cv-8570', '3:20-cv-08570-JD'],
        ['settl', 'settled'],
        ['725', '$725'],
        ['$725', '$725'],
        ['725000000', '$725 million'],
        ['$725000000', '$725 million'],
        ['million', 'million'],
        ['§1983', '§ 1983'],
        ['1983', '§ 1983'],
        ['¶42', '¶ 42'],
      ]);
    });
  });

  describe('initialisms', () => {
    it('reads "U.S.C." and "USC", "D.C." and "DC" as the same word', () => {
      expect(plain.terms('42 U.S.C. § 1983')).toEqual([...plain.terms('42 USC'), ...plain.terms('§ 1983')]);
      expect(plain.terms('Washington, D.C.')).toEqual(plain.terms('Washington, DC'));
    });

    it('gives "U.S.", "US" and "United States" one alias term, and leaves the pronoun "us" out of it', () => {
      const country = plain.terms('U.S.').find(isAliasTerm);
      expect(country).toBeDefined();
      expect(plain.terms('the US economy')).toContain(country);
      expect(plain.terms('the United States')).toContain(country);
      expect(plain.terms('they told us')).not.toContain(country);
      expect(plain.terms('they told us')).not.toEqual(expect.arrayContaining(plain.terms('U.S.')));
    });

    it('leaves an initial before a name alone ("A.Smith")', () => {
      expect(plain.terms('A.Smith')).toEqual(plain.terms('Smith'));
    });

    // The Supreme Court's own reports write "539 U. S. 306" and "42 U. S. C. §1981"; readers type "U.S." and "USC".
    it.each([
      ['Grutter v. Bollinger, 539 U. S. 306', 'Grutter v. Bollinger, 539 U.S. 306'],
      ['42 U. S. C. §2000d', '42 USC §2000d'],
      ['the U. S. Court of Appeals', 'the US Court of Appeals'],
    ])('reads capitals spaced out, %j, as %j', (spaced, typed) => {
      expect(plain.terms(spaced)).toEqual(plain.terms(typed));
    });

    it('leaves a middle initial and a lowercase "v." before a capital alone', () => {
      expect(plain.terms('John A. Smith')).toEqual(plain.terms('John Smith'));
      expect(plain.terms('Smith v. S. Carolina')).toEqual(plain.terms('Smith v S Carolina'));
    });
  });

  describe('units run into their number', () => {
    it.each([
      ['100mg', '100 mg'],
      ['5pm', '5 pm'],
      ['10kg', '10 kg'],
      ['60mph', '60 mph'],
    ])('reads %s as %s', (joined, apart) => {
      // Only the number was read, so "100 mg" in a question met "100mg" in a document as any "100" would.
      expect(plain.terms(joined)).toEqual(plain.terms(apart));
      expect(plain.terms(joined)).toHaveLength(2);
    });

    it.each([
      ['21st', ['21']],
      ['100th', ['100']],
      ['1990s', ['1990']],
      ['3d', ['3']],
    ])('reads no unit in the ending of %s', (text, terms) => {
      expect(plain.terms(text)).toEqual(terms);
    });

    it('quotes the sentence with the unit asked for, run into its number', async () => {
      const corpus = await corpusOfParagraphs([
        'According to the chart, the nurse gave the patient 500mg of the drug that morning.',
        'The nurse gave the patient 500 forms.',
      ]);
      const answer = answerQuestion(corpus, 'Did the nurse give the patient 500 mg?');
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('According to the chart, the nurse gave the patient 500mg of the drug that morning.');
    });
  });

  describe('words broken across lines', () => {
    it('indexes a word a laid-out line broke with a hyphen whole, over both halves', () => {
      const text = 'in the Dis-\n   trict Court';
      const whole = plain.tokens(text).find((token) => token.term === 'district');
      expect(whole).toBeDefined();
      expect(text.slice(whole!.start, whole!.end)).toBe('Dis-\n   trict');
    });

    it('keeps the halves, since a line may break a real compound ("race-based")', () => {
      expect(plain.terms('race-\nbased admissions')).toEqual(expect.arrayContaining(['race', 'base', 'admit']));
    });

    it('joins nothing across a hyphen on the same line or before a capital', () => {
      expect(plain.terms('Dis- trict')).not.toContain('district');
      expect(plain.terms('New-\nYork')).not.toContain('newyork');
    });
  });

  describe('terminal control sequences', () => {
    it('reads no word in a control sequence, and finds the word glued after it', () => {
      const text = 'The \u001b[1;31mtreasurer\u001b[0m left \u001b[Kearly.';
      // "\u001b[1;31mtreasurer" was read as the numbers 1 and 31, and the treasurer was lost.
      expect(plain.tokens(text).map((token) => [token.term, text.slice(token.start, token.end)])).toEqual([
        ['treasur', 'treasurer'],
        ['left', 'left'],
        ['earli', 'early'],
      ]);
    });

    it('finds a document\'s word that a control sequence colours', async () => {
      const corpus = await corpusOfParagraphs(['The \u001b[1mtreasurer\u001b[0m resigned in March.', 'The weather was mild.']);
      const answer = answerQuestion(corpus, 'When did the treasurer resign?');
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The \u001b[1mtreasurer\u001b[0m resigned in March.');
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote.slice(...answer.excerpts[0]!.highlights[0]!)).toBe('treasurer');
    });

    it('reads a lone ESC, and a C1 character, as a space between words', () => {
      expect(plain.terms('court\u001bhouse court\u009bhouse')).toEqual(['court', 'hous', 'court', 'hous']);
    });
  });

  describe('apostrophes and possessives', () => {
    it.each([
      ['Facebook’s', ['facebook']],
      ["Facebook's", ['facebook']],
      ['users’', ['user']],
      ["Netflix's running", ['netflix', 'run']],
    ])('reads %s as %j', (text, terms) => {
      expect(plain.terms(text)).toEqual(terms);
    });

    it('treats a curly and a straight apostrophe alike', () => {
      expect(plain.terms('Meta’s board wasn’t told')).toEqual(plain.terms("Meta's board wasn't told"));
    });
  });

  describe('aliases', () => {
    it('emits the same synthetic term for "DMs" and "direct messages"', () => {
      const dms = withAliases.terms('Netflix read DMs').filter(isAliasTerm);
      const direct = withAliases.terms('Netflix read direct messages').filter(isAliasTerm);
      expect(dms).toHaveLength(1);
      expect(direct).toEqual(dms);
    });

    it('emits the synthetic term for a singular phrase and a stemmed plural alike', () => {
      expect(withAliases.terms('a private message').filter(isAliasTerm)).toEqual(withAliases.terms('private messages').filter(isAliasTerm));
    });

    it('keeps the words of the phrase next to the alias term', () => {
      expect(withAliases.terms('direct messages')).toEqual(['direct', '~1', 'messag']);
    });

    it('spans the whole phrase with the alias token', () => {
      const text = 'their private messages here';
      const alias = withAliases.tokens(text).find((token) => isAliasTerm(token.term))!;
      expect(text.slice(alias.start, alias.end)).toBe('private messages');
    });

    it('emits every group a phrase starting at a word belongs to ("bi-weekly reports": a frequency and a report)', () => {
      const analyzer = createAnalyzer({ aliases: [['bi-weekly', 'fortnightly'], ['bi-weekly reports', 'updates']] });
      const aliasTerms = analyzer.terms('bi-weekly reports').filter(isAliasTerm);
      expect(aliasTerms.sort()).toEqual([...analyzer.terms('fortnightly'), ...analyzer.terms('updates')].filter(isAliasTerm).sort());
    });

    it('prefers the longest phrase: "Meta Platforms" is one alias hit, not two', () => {
      expect(withAliases.terms('Meta Platforms').filter(isAliasTerm)).toEqual(['~0']);
    });

    it('gives different groups different synthetic terms', () => {
      const meta = withAliases.terms('Facebook').filter(isAliasTerm);
      const dm = withAliases.terms('inbox').filter(isAliasTerm);
      expect(meta).toEqual(['~0']);
      expect(dm).toEqual(['~1']);
    });

    it('does not emit an alias for a word that only starts a phrase ("direct" alone)', () => {
      expect(withAliases.terms('a direct route').some(isAliasTerm)).toBe(false);
    });

    it('knows the legal phrases that mean the same thing in any case ("majority opinion", "opinion of the Court")', () => {
      const majority = plain.terms('the majority opinion').filter(isAliasTerm);
      expect(majority).toHaveLength(1);
      expect(plain.terms('the opinion of the Court').filter(isAliasTerm)).toEqual(majority);
      // "KENNEDY, J., delivered the opinion of the Court" is how the Supreme Court says who wrote it.
      expect(plain.terms('who wrote the majority opinion').filter(isAliasTerm)).toEqual(plain.terms('delivered the opinion of the Court').filter(isAliasTerm));
      expect(plain.terms('a free-speech claim').filter(isAliasTerm)).toEqual(plain.terms('the First Amendment').filter(isAliasTerm));
      // A verb and its noun, which stemming keeps apart.
      expect(plain.terms('decided').filter(isAliasTerm)).toEqual(plain.terms('decision').filter(isAliasTerm));
      expect(plain.terms('decided').filter(isAliasTerm)).toHaveLength(1);
      // How readers say what filings say.
      expect(plain.terms('her lawyer').filter(isAliasTerm)).toEqual(plain.terms('her attorney').filter(isAliasTerm));
      expect(plain.terms('the photo ban').filter(isAliasTerm)).toEqual(plain.terms('the photograph prohibition').filter(isAliasTerm));
      expect(plain.terms('she filed suit').filter(isAliasTerm)).toEqual(expect.arrayContaining(plain.terms('why did she sue').filter(isAliasTerm)));
      expect(plain.terms('institute patent litigation').filter(isAliasTerm)).toEqual(plain.terms('if I sue').filter(isAliasTerm));
      // A license "terminates"; readers ask when their rights "end".
      expect(plain.terms('when do my rights end').filter(isAliasTerm)).toEqual(plain.terms('shall terminate').filter(isAliasTerm));
      expect(plain.terms('termination').filter(isAliasTerm)).toHaveLength(1);
      expect(plain.terms('counts as electioneering').filter(isAliasTerm)).toEqual(plain.terms('did constitute electioneering').filter(isAliasTerm));
      expect(plain.terms('counts as').filter(isAliasTerm)).toHaveLength(1);
      expect(plain.terms('who can they pick').filter(isAliasTerm)).toEqual(plain.terms("a person of the voter's choice").filter(isAliasTerm));
      expect(plain.terms('pick').filter(isAliasTerm)).toHaveLength(1);
      expect(plain.terms('who was head of the opinions division').filter(isAliasTerm)).toEqual(plain.terms('Chief, Opinions Division').filter(isAliasTerm));
      expect(plain.terms('head').filter(isAliasTerm)).toHaveLength(1);
      // Readers say "lawsuit"; filings say "this suit".
      const lawsuit = plain.terms('the lawsuit').filter(isAliasTerm);
      expect(lawsuit).toHaveLength(1);
      expect(plain.terms('dismissed from this suit').filter(isAliasTerm)).toEqual(expect.arrayContaining(lawsuit));
      expect(plain.terms('who asked for the opinion').filter(isAliasTerm)).toHaveLength(1);
      expect(plain.terms('who asked for the opinion').filter(isAliasTerm)).toEqual(plain.terms('Requested by:').filter(isAliasTerm));
      // A license or a board lets you "cure" a breach or a defective ballot; readers ask how to "fix" it.
      expect(plain.terms('how long do I have to fix it').filter(isAliasTerm)).toEqual(plain.terms('fail to cure the violation').filter(isAliasTerm));
      expect(plain.terms('fix').filter(isAliasTerm)).toHaveLength(1);
      // A "breach" is what a contract calls failing to comply with it.
      const breach = plain.terms('a breach').filter(isAliasTerm);
      expect(breach).toHaveLength(1);
      expect(plain.terms('and the non-compliance is not fixed').filter(isAliasTerm)).toEqual(expect.arrayContaining(breach));
      expect(plain.terms('if you fail to comply with any term').filter(isAliasTerm)).toEqual(expect.arrayContaining(breach));
      // Readers ask if they are "compliant"; licenses say "comply" and "compliance".
      const comply = plain.terms('we are not compliant').filter(isAliasTerm);
      expect(comply).toHaveLength(1);
      expect(plain.terms('you must comply with the terms').filter(isAliasTerm)).toEqual(comply);
      expect(plain.terms('in compliance with this License').filter(isAliasTerm)).toEqual(comply);
      // What a plaintiff asks a court for is the "relief" sought; readers say "remedy".
      const relief = plain.terms('injunctive relief').find(isAliasTerm);
      expect(relief).toBeDefined();
      expect(plain.terms('what remedy did she ask for').filter(isAliasTerm)).toContain(relief);
      // What a suit "alleges" someone did is what they are "accused" of.
      expect(plain.terms('what is meta accused of').filter(isAliasTerm)).toEqual(plain.terms('alleged espionage').filter(isAliasTerm));
      expect(plain.terms('accused').filter(isAliasTerm)).toHaveLength(1);
      expect(plain.terms('which claims did the court throw out').filter(isAliasTerm)).toEqual(plain.terms('the court dismissed').filter(isAliasTerm));
      expect(plain.terms('the judge tossed it').filter(isAliasTerm)).toEqual(plain.terms('dismissal').filter(isAliasTerm));
      expect(plain.terms('why was he dropped from it').filter(isAliasTerm)).toEqual(plain.terms('dismissed').filter(isAliasTerm));
      // "attorney" alone is also a lawyer: the attorney general's own group is the one "attorney" lacks.
      const attorneyGeneral = plain.terms('the Attorney General').filter((term) => isAliasTerm(term) && !plain.terms('attorney').includes(term));
      expect(attorneyGeneral).toHaveLength(1);
      expect(plain.terms('which AG wrote it').filter(isAliasTerm)).toEqual(attorneyGeneral);
      expect(plain.terms("North Carolina's top lawyer")).toContain(attorneyGeneral[0]);
      const absentee = plain.terms('an absentee ballot').filter(isAliasTerm);
      expect(absentee).toHaveLength(1);
      expect(plain.terms('how do I return my mail-in ballot').filter(isAliasTerm)).toEqual(absentee);
    });

    it("lets a pack's own group keep a phrase the legal list also has", () => {
      const pack = createAnalyzer({ aliases: [['photo', 'selfie']] });
      expect(pack.terms('selfie').filter(isAliasTerm)).toEqual(pack.terms('photo').filter(isAliasTerm));
      expect(pack.terms('photograph').filter(isAliasTerm)).not.toEqual(pack.terms('photo').filter(isAliasTerm));
    });

    it('emits no alias terms for words outside every group', () => {
      expect(plain.terms('direct mail DMs').some(isAliasTerm)).toBe(false);
    });

    it('reads chat shorthand as the word it stands for ("ppl", "supt", "sigs")', () => {
      for (const [shorthand, word] of [['ppl', 'people'], ['supt', 'superintendent'], ['sigs', 'signatures'], ['govt', 'government'], ['prez', 'president'], ['app', 'application']]) {
        const alias = plain.terms(shorthand!).filter(isAliasTerm);
        expect(alias, shorthand).toHaveLength(1);
        expect(plain.terms(word!).filter(isAliasTerm), word).toEqual(alias);
      }
      // "sig" joins the legal group that already has "signature", rather than making a second group.
      expect(plain.terms('sig').filter(isAliasTerm)).toEqual(plain.terms('signed').filter(isAliasTerm));
      // In a pack whose group has "conversations", "convo" joins that group.
      const pack = createAnalyzer({ aliases: [['DM', 'conversations']] });
      expect(pack.terms('convo').filter(isAliasTerm)).toEqual(pack.terms('DM').filter(isAliasTerm));
    });

    it('maps each one-word alias phrase to its group\'s synthetic term, for spelling fixes', () => {
      expect(Object.fromEntries(withAliases.aliasWords)).toMatchObject({ meta: '~0', facebook: '~0', dm: '~1', dms: '~1', inbox: '~1' });
      // The built-in legal groups come after the pack's.
      expect(withAliases.aliasWords.get('photograph')).toBe(withAliases.aliasWords.get('photo'));
      expect(withAliases.aliasWords.get('photo')).not.toMatch(/^~[01]$/);
      expect(plain.aliasWords.get('photo')).toBeDefined();
      expect(plain.aliasWords.get('meta')).toBeUndefined();
    });

    it('changes the version when the aliases change, so a cached index is not reused', () => {
      expect(withAliases.version).not.toBe(plain.version);
      expect(createAnalyzer({ aliases: [['a b', 'c']] }).version).not.toBe(createAnalyzer({ aliases: [['a b', 'd']] }).version);
      expect(createAnalyzer({ aliases: [['x', 'y']] }).version).toBe(createAnalyzer({ aliases: [['x', 'y']] }).version);
    });

    it('changes the version when the stop words, the irregular or derived forms or the words kept apart change, so a cached index is not reused', async () => {
      const versionWith = async (stopWords: string[], forms: string) => {
        vi.resetModules();
        vi.doMock('../src/search/stopwords.js', () => ({ STOP_WORDS: new Set(stopWords) }));
        vi.doMock('../src/search/irregular-forms.js', async (original) => ({ ...(await original<object>()), IRREGULAR_FORMS: forms }));
        const fresh = await import('../src/search/analyzer.js');
        vi.doUnmock('../src/search/stopwords.js');
        vi.doUnmock('../src/search/irregular-forms.js');
        return fresh.createAnalyzer().version;
      };
      const base = await versionWith(['the', 'allegedly'], 'write wrote');
      expect(await versionWith(['the', 'allegedly'], 'write wrote')).toBe(base);
      expect(await versionWith(['the'], 'write wrote')).not.toBe(base);
      expect(await versionWith(['the', 'allegedly'], 'write wrote | win won')).not.toBe(base);
      vi.resetModules();
      vi.doMock('../src/search/irregular-forms.js', async (original) => ({ ...(await original<object>()), ACTION_NOUNS: 'pay payment' }));
      const fewerNouns = (await import('../src/search/analyzer.js')).createAnalyzer().version;
      vi.doUnmock('../src/search/irregular-forms.js');
      vi.resetModules();
      expect(fewerNouns).not.toBe((await import('../src/search/analyzer.js')).createAnalyzer().version);
      vi.resetModules();
      vi.doMock('../src/search/kept-apart.js', async (original) => ({ ...(await original<object>()), KEPT_APART: 'authoriti authority' }));
      const fewerKeptApart = (await import('../src/search/analyzer.js')).createAnalyzer().version;
      vi.doUnmock('../src/search/kept-apart.js');
      vi.resetModules();
      expect(fewerKeptApart).not.toBe((await import('../src/search/analyzer.js')).createAnalyzer().version);
      vi.resetModules();
      vi.doMock('../src/search/irregular-forms.js', async (original) => ({ ...(await original<object>()), DERIVED_FORMS: 'liable liability' }));
      const fewerDerived = (await import('../src/search/analyzer.js')).createAnalyzer().version;
      vi.doUnmock('../src/search/irregular-forms.js');
      vi.resetModules();
      expect(fewerDerived).not.toBe((await import('../src/search/analyzer.js')).createAnalyzer().version);
    });

    it('changes the version with the installed stemmer, so an index stemmed by another porter2 release is not reused', async () => {
      const installed = JSON.parse(readFileSync(new URL('../node_modules/porter2/package.json', import.meta.url), 'utf8')).version;
      expect(createAnalyzer().version).toContain(`porter2-${installed}:`);
      vi.resetModules();
      vi.doMock('../src/search/installed-version.js', () => ({ installedVersion: (name: string) => (name === 'porter2' ? '9.9.9' : '0.0.0') }));
      const otherStemmer = (await import('../src/search/analyzer.js')).createAnalyzer().version;
      vi.doUnmock('../src/search/installed-version.js');
      vi.resetModules();
      expect(otherStemmer).not.toBe((await import('../src/search/analyzer.js')).createAnalyzer().version);
    });
  });

  describe('offsets', () => {
    it('points each token at its word in the source text, unicode included', () => {
      // No word here is in an alias group, so there is one token per word, and the amount in full over the amount.
      const text = 'Ireland’s €265 million fine — naïve café owners warned Meta.';
      const tokens = plain.tokens(text);
      expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual([
        'Ireland’s',
        '€265',
        '€265',
        '€265 million',
        '€265 million',
        'million',
        'fine',
        'naïve',
        'café',
        'owners',
        'warned',
        'Meta',
      ]);
      expect(tokens.map((token) => token.term)).toEqual(['ireland', '265', '€265', '265000000', '€265000000', 'million', 'fine', 'naiv', 'cafe', 'owner', 'warn', 'meta']);
    });

    it('returns no tokens for punctuation, emoji and empty text', () => {
      expect(plain.tokens('')).toEqual([]);
      expect(plain.tokens('?!… — 🙂 @ #')).toEqual([]);
    });
  });

  describe('one text after another', () => {
    it('reads an alias phrase only where the text itself ends it, not a longer text read before', () => {
      withAliases.tokenList('she read my direct message');
      expect(withAliases.tokenList('she read my direct').terms).toEqual(withAliases.terms('she read my direct'));
      expect(withAliases.terms('she read my direct').some(isAliasTerm)).toBe(false);
    });

    it('keeps a token list it returned when it reads the next text', () => {
      const first = withAliases.tokenList('Facebook shared inbox contents');
      const copy = { terms: [...first.terms], starts: [...first.starts], ends: [...first.ends] };
      withAliases.tokenList('Netflix could read, write and delete messages');
      expect({ terms: [...first.terms], starts: [...first.starts], ends: [...first.ends] }).toEqual(copy);
    });
  });

  describe('words', () => {
    // The scan stands in for this pattern (without a match object per word); it must find the same words.
    // Invisible characters inside a word (a soft hyphen, a zero-width space) are read as its marks are.
    const WORD_PATTERN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]*(?:['’]\p{L}[\p{L}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]*)*/gu;
    const CHARACTERS = ['a', 'Z', '9', "'", '’', ' ', '.', '-', 'é', 'ß', '日', '½', 'Ⅻ', '𝒜', '𝟙', '\ud800', '\udc00', '_', '\u0301', 'ǅ', '\n', '§', '\u00AD', '\u200B'];

    // Decomposed text (macOS, PDFs) writes "ü" as "u" and a combining diaeresis: the mark is part of the word.
    it.each([
      ['Zu\u0308rich', 'Zürich'],
      ['cafe\u0301 de\u0301cor', 'café décor'],
      ["O'Bri\u0308en’s", "O'Brïen’s"],
    ])('reads %j, with combining marks, as %j', (decomposed, composed) => {
      expect(plain.terms(decomposed)).toEqual(plain.terms(composed));
      expect(plain.tokens(decomposed).map((token) => decomposed.slice(token.start, token.end))).toEqual([...decomposed.split(/\s+/)]);
    });

    // Web pages and PDFs put soft hyphens inside words; text pasted from them, zero-width spaces. A question drops them.
    it.each([
      ['Net\u00ADflix', 'a soft hyphen'],
      ['Net\u200Bflix', 'a zero-width space'],
      ['Net\u2060flix', 'a word joiner'],
      ['Net\uFEFFflix', 'a byte order mark'],
    ])('reads %j, with %s inside, as the word it shows', (text) => {
      expect(plain.terms(text)).toEqual(['netflix']);
      expect(plain.tokens(text).map((token) => text.slice(token.start, token.end))).toEqual([text]);
    });

    it("finds a document's word that a soft hyphen splits, and quotes it as written", async () => {
      const corpus = await corpusOfParagraphs(['The company Net\u00ADflix read the direct messages of its users.', 'The weather was mild in the spring.']);
      const answer = answerQuestion(corpus, 'Did Netflix read messages?');
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The company Net\u00ADflix read the direct messages of its users.');
    });

    it('finds each word where the word pattern does, in any mix of scripts, marks and apostrophes', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 16 }), (characters) => {
          const text = characters.join('');
          const expected = [...text.matchAll(WORD_PATTERN)].map((match) => [match.index, match.index + match[0].length]);
          const found: number[][] = [];
          for (let start = nextWordStart(text, 0); start >= 0; ) {
            const end = wordEnd(text, start);
            found.push([start, end]);
            start = nextWordStart(text, end);
          }
          expect(found).toEqual(expected);
        }),
        { numRuns: 2000, seed: 7 },
      );
    });
  });
});
