import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { isCitationSentence, withCitationsAttached } from '../src/answer/citation-sentences.js';
import { splitSentences } from '../src/answer/sentences.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('isCitationSentence', () => {
  it.each([
    'Id., at 337.',
    'Ibid.',
    'Hopwood v. Texas, 78 F. 3d 932, 955 (1996).',
    'See Lujan v. Defs. of Wildlife, 504 U.S. 555, 560–61 (1992).',
    '997 F.3d 541, 562-63 (4th Cir. 2021).',
    '565 So.2d 247 (Ala. 1990).',
    'N.C. Gen. Stat. § 163-22(c), (d).',
    'See KRS 117.235(3).',
    'OAG 84-94.',
    'Tr. of Oral Arg. 8–9.',
    'App. 41a.',
    'See Ex. A.',
    '(Id. ¶ 6).',
    '(Suppl. Compl. (DE 65) ¶ 5).',
    '(Leg. Defs.’ Br. (Doc. 210) at 15).',
    'See Gratz, 539 U. S., at 303–304, n. 10 (dissenting opinion).',
    'Grutter, supra, at 326.',
    'Ante, at 1.',
    'Doe , 713 F.3d at 758.',
    'Cf. Miller , 462 F.3d at 321 (finding plaintiffs would suffer undue hardship without a final ruling).',
    'Ark. United , 517 F. Supp. 3d at 796.',
    '(State Board Defs.’ Br. (Doc. 212) at 19.)',
    '(Fourth Am. Compl. (Doc. 208) ¶¶ 12, 59–61.)',
    'Compl. ¶ 42.',
    'See FAC ¶¶ 3, 7.',
    'Dkt. No. 45 at 3.',
    'ECF No. 396 at 4.',
    'See Mot. to Dismiss at 5.',
    "Hr'g Tr. at 12.",
    'Tr. 12:4-9.',
    '42 U.S.C. § 1983.',
    'Fed. R. Civ. P. 12(b)(6).',
  ])('reads %s as a citation', (sentence) => {
    expect(isCitationSentence(sentence)).toBe(true);
  });

  it.each(['The court agreed.', 'UK 2 left the stage.', 'Super Bowl 50.', 'Texas, however, disagreed with the plan.', 'Smith, 42, was the oldest.', '12 Angry Men is a film about 12 jurors.', 'Idaho v. Oregon'.padEnd(201, ' x'), '(This is aside.)', '(The Court of Appeals agreed in 2019.)', 'The Court at 5.', 'Meta won at 5.', 'Plaintiffs filed the FAC on May 5.', 'Room No. 5 was empty.'])(
    'does not read %j as one',
    (sentence) => {
      expect(isCitationSentence(sentence)).toBe(false);
    },
  );
});

describe('withCitationsAttached', () => {
  const text = 'It ruled the plan unlawful. Hopwood v. Texas, 78 F. 3d 932 (1996). Id., at 955. The Legislature then acted. (Id. ¶ 6).\n\nId., at 3.';
  const units = (maxChars: number) => withCitationsAttached(text, splitSentences(text), maxChars).map(({ start, end }) => text.slice(start, end));

  it('joins every citation to the sentence before it, and no further', () => {
    expect(units(400)).toEqual([
      'It ruled the plan unlawful. Hopwood v. Texas, 78 F. 3d 932 (1996). Id., at 955.',
      'The Legislature then acted. (Id. ¶ 6).',
      'Id., at 3.',
    ]);
  });

  it('does not join past a blank line or the length limit', () => {
    expect(units(40)).toEqual(['It ruled the plan unlawful.', 'Hopwood v. Texas, 78 F. 3d 932 (1996).', 'Id., at 955.', 'The Legislature then acted. (Id. ¶ 6).', 'Id., at 3.']);
  });
});

describe('a quote followed by its citation', () => {
  it('carries the case name a "which decision" question asks for', async () => {
    const corpus = await corpusOfParagraphs([
      'In 1996, this admissions system was held unconstitutional by the Court of Appeals for the Fifth Circuit. It ruled the consideration of race violated the Equal Protection Clause. Hopwood v. Texas, 78 F. 3d 932, 955 (1996).',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'Which 1996 Fifth Circuit decision held the admissions system unconstitutional?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe(
      'In 1996, this admissions system was held unconstitutional by the Court of Appeals for the Fifth Circuit. It ruled the consideration of race violated the Equal Protection Clause. Hopwood v. Texas, 78 F. 3d 932, 955 (1996).',
    );
  });
});

describe('a "why" question answered by a conclusion', () => {
  it('quotes the reason the sentence before gives, and the record cite between them', async () => {
    const corpus = await corpusOfParagraphs([
      'I adhere to the view I expressed before on the use of race in admissions. The petitioner in this case did not ask us to overrule the earlier holding that diversity can justify racial preferences in university admissions. Tr. of Oral Arg. 8–9. I therefore join the Court’s opinion in full.',
      'The weather was mild.',
    ], 'Justice Scalia, concurring');
    const answer = answerQuestion(corpus, 'Why did Justice Scalia join the Court’s opinion in full?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe(
      'The petitioner in this case did not ask us to overrule the earlier holding that diversity can justify racial preferences in university admissions. Tr. of Oral Arg. 8–9. I therefore join the Court’s opinion in full.',
    );
  });
});

describe('a two-sentence quote', () => {
  it('does not reach across a blank line into a heading', async () => {
    const corpus = await corpusOfParagraphs([
      'FACTS AND ANALYSIS\n\nYou informed this Office that the chairman of the county executive committee certified the candidate for the ballot in July.',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'Who certified the candidate for the ballot?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe(
      'You informed this Office that the chairman of the county executive committee certified the candidate for the ballot in July.',
    );
  });

  it('does not open with the exhibit the sentence before it cites', async () => {
    // "A." was read as an initial, so "See Ex. A. The parties …" was one sentence, too long to join the one it cites.
    const corpus = await corpusOfParagraphs([
      'Plaintiffs allege that Facebook gave Netflix, Spotify and the Royal Bank of Canada access to the private messages of every user of Facebook Messenger between 2010 and 2019, including the right to read, write and delete those messages, under agreements that were never disclosed to the users whose messages were shared. See Ex. A. The parties reached a settlement of $37.5 million after mediation.',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'What was the settlement amount?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The parties reached a settlement of $37.5 million after mediation.');
  });

  it('does not open with the citation of the sentence before it', async () => {
    const corpus = await corpusOfParagraphs([
      'Plaintiff received a letter from the county board of elections in March, weeks after she posted the photograph of her primary ballot on the social network formerly known as Twitter, and she kept the letter with the other papers of the case that she later filed with her complaint in this court. (Id. ¶¶ 72-83). The letter warned plaintiff four times that photographing a completed ballot is unlawful. (Id. ¶ 81).',
    ]);
    const answer = answerQuestion(corpus, 'How many times did the letter warn plaintiff that photographing a ballot is unlawful?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toMatch(/^The letter warned plaintiff four times/);
  });

  it.each([
    ['a docket entry', 'Dkt. No. 45 at 3.'],
    ['a paragraph of the complaint', 'Compl. ¶ 42.'],
    ['a statute', '18 U.S.C. § 2511(1)(a).'],
    ['a rule', 'Fed. R. Civ. P. 12(b)(6).'],
  ])('does not open with the unbracketed cite of %s that supports the sentence before it', async (_label, cite) => {
    const corpus = await corpusOfParagraphs([
      `Plaintiffs allege that Facebook let Netflix read, write and delete the private messages of its users through the Inbox API from 2013 until 2019, and that the users were never told. ${cite} Meta says the program ended in 2015. The Court does not reach that dispute of fact now.`,
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'When did the program end, according to Meta?');
    // District courts cite so after nearly every sentence; the cite was no citation sentence and opened the quote.
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toMatch(/^Meta says the program ended in 2015\./);
  });

  it('does not open with a short-form citation written with a space before its comma, as case-law sites copy it', async () => {
    // "Cf. Miller , 462 F.3d at 321 (…)." was no citation for the space before its comma, and opened the quote.
    const corpus = await corpusOfParagraphs([
      'Withholding court determination at this stage poses no undue hardship to Plaintiffs, because this is not a case where Plaintiffs lack adequate time to participate in the election process. Cf. Miller , 462 F.3d at 321 (finding plaintiffs would suffer undue hardship without a final ruling). Should the Board rescind the cure procedure, Plaintiffs may bring suit to enforce their procedural due process rights.',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'What may Plaintiffs do if the Board rescinds the cure procedure?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('Should the Board rescind the cure procedure, Plaintiffs may bring suit to enforce their procedural due process rights.');
  });

  it('does not open with the bracketed record cite of the sentence before it, naming its document in whole words', async () => {
    // "(Fourth Am. Compl. …)" opened with a word that is no abbreviation, so it was no citation and opened the quote.
    const corpus = await corpusOfParagraphs([
      'Plaintiff Hutchins is blind and relies on others to read and mark his absentee ballot request form and his ballot, and he has in the past asked his wife and, at other times, a friend to help him complete and return them. (Fourth Am. Compl. (Doc. 208) ¶¶ 12, 59–61.) The Request Assistance Ban restricts who may request an absentee ballot for a voter to the voter\'s near relative or verifiable legal guardian.',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'Who may request an absentee ballot for a voter under the Request Assistance Ban?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The Request Assistance Ban restricts who may request an absentee ballot for a voter to the voter\'s near relative or verifiable legal guardian.');
  });

  it('does not open with the "Id." that cites the sentence before it', async () => {
    // "Id." ends its own sentence: read with "In other words, …" it made a citation sentence too long to join
    // the sentence it cites, so the quote opened with it.
    const corpus = await corpusOfParagraphs([
      'In 1992 this Office advised that a clerk of the county board of elections may not display any campaign material of any kind within five hundred feet of the entrance to the polling place on the day of a primary or a regular election, or on any day of early voting at the clerk’s office, given the statute’s "general prohibition against the solicitation of votes in any manner." Id. In other words, the wearing of a campaign button by an election officer is itself a solicitation of votes.',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'Is wearing a campaign button by an election officer a solicitation of votes?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('In other words, the wearing of a campaign button by an election officer is itself a solicitation of votes.');
  });
});
