import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { pickSentences } from '../src/answer/pick.js';
import { analyzeQuery } from '../src/answer/query.js';
import { rerank } from '../src/answer/rank.js';
import { answerTypeStarts, questionWordSet } from '../src/answer/answer-type.js';
import { fileURLToPath } from 'node:url';
import { buildCorpus, type Corpus } from '../src/corpus.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { silentLogger } from '../src/logger.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('answer-type evidence near the question words', () => {
  it('finds where names, numbers and dates the question does not hold start', () => {
    const words = questionWordSet('Who set the sacks record for Denver?');
    expect(answerTypeStarts('The record for Denver was set by Jones.', 'person', words)).toEqual([33]);
    expect(answerTypeStarts('He had 12 sacks in 2015.', 'number', words)).toEqual([7, 19]);
    expect(answerTypeStarts('It fell in October 2015.', 'date', words)).toEqual([11, 19]);
    expect(answerTypeStarts('Jones set it.', 'any', words)).toBeUndefined();
    expect(answerTypeStarts('Filed 4/21/2021.', 'date', words)).toEqual([6]);
  });

  it('prefers the sentence whose name stands next to the question words over one naming someone far from them', async () => {
    const corpus = await corpusOfParagraphs([
      'Coach Smith watched from the sideline for most of the long afternoon as the sacks record was set.',
      'The sacks record was set by Jones, and the crowd that night, many of them fans from the north, cheered loudly for him.',
    ]);
    const answer = answerQuestion(corpus, 'Who set the sacks record?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('set by Jones');
  });

  it('answers "what do some believe …" with the sentence that reports the view, over one that only repeats the subject', async () => {
    // Over 400 characters together: the picker must choose one of the two.
    const corpus = await corpusOfParagraphs([
      'The Treaty of Versailles ended the First World War in 1919 and set the terms of peace for Germany, its colonies and its allies, after six months of negotiations among the Allied powers at the Paris Peace Conference held in the French capital, where delegates from more than thirty nations met in the Palace of Versailles and elsewhere. The treaty and its provisions caused much resentment in Germany and are often cited as helping Adolf Hitler rise to power.',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'What do some believe the Treaty of Versailles assisted in?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('often cited as helping Adolf Hitler');
  });
});

describe('a sentence that ends with a colon', () => {
  it('is quoted with the block it introduces, which holds the answer', async () => {
    const corpus = await corpusOfParagraphs([
      'This license applies to parts of Node.js that originate from the joyent/node repository:\n\nCopyright Joyent, Inc. and other Node contributors.',
      'Other parts of Node.js are licensed differently.',
    ]);
    const answer = answerQuestion(corpus, 'Which parts of Node.js originate from the joyent/node repository, and under whose copyright?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Copyright Joyent, Inc.');
  });

  it('reads as one sentence with what it introduces, so the sentence before can join them', async () => {
    const corpus = await corpusOfParagraphs([
      'The first statute is N.C. Gen. Stat. § 163-166.3(c). This short provision states that:',
      '(c) Photographing Voted Ballot Prohibited.-No person shall photograph, videotape, or otherwise record the image of a voted official ballot for any purpose not otherwise permitted under law.',
      'The second statute is N.C. Gen. Stat. § 163-273(a)(1). It makes a voter who allows a ballot to be seen guilty of a misdemeanor.',
    ]);
    const answer = answerQuestion(corpus, 'Which statute prohibits photographing a voted ballot?');
    const quote = answer.kind === 'excerpts' ? answer.excerpts[0]!.quote : '';
    expect(quote).toContain('§ 163-166.3(c)');
    expect(quote).toContain('No person shall photograph');
  });

  it('is not run into the next block when it is only a label ("Notes:")', async () => {
    const corpus = await corpusOfParagraphs(['Notes:\n\n[1] The caption was amended to reflect the new attorney general taking office.']);
    const answer = answerQuestion(corpus, 'When did the new attorney general take office?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toMatch(/^\[1\] The caption/);
  });
});

describe('a sentence that refers back to the one before it', () => {
  // Two sentences over 400 characters together: the picker must choose one of them.
  const opening =
    'The Swedish company Energiprojekt has made steady progress over the past decade in using modern materials, ceramic coatings and new alloys for harnessing the power of steam, and in 2013 it presented a prototype steam engine built for small combined heat and power plants in remote northern towns.';

  it.each([
    ['a pronoun', 'It is a single-step design with five cylinders and consumes about four kilograms of steam per kilowatt hour at full load.'],
    ['"The" and a word the sentence before used', 'The prototype is a single-step design with five cylinders and consumes about four kilograms of steam per kilowatt hour at full load.'],
  ])('counts what the sentence before named when it opens with %s', async (_, continuation) => {
    const corpus = await corpusOfParagraphs([`${opening} ${continuation}`]);
    const answer = answerQuestion(corpus, 'How many cylinders does the Energiprojekt steam engine have?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe(continuation);
  });
});

describe('a "how many" question', () => {
  const paragraphs = [
    'None of the original treaties establishing the union mention protection for fundamental rights, which came later through the courts.',
    'The commission proposed several measures on fundamental rights in the treaties that the member states debated for years.',
  ];

  it('is answered by a quote holding a count, "none" included', async () => {
    const corpus = await corpusOfParagraphs(paragraphs);
    const answer = answerQuestion(corpus, 'How many original treaties mention fundamental rights?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('None of the original treaties');
  });

  it('is declined when no quote holds a count', async () => {
    const corpus = await corpusOfParagraphs([paragraphs[1]!]);
    expect(answerQuestion(corpus, 'How many measures did the commission propose on fundamental rights?').kind).toBe('no-match');
    expect(answerQuestion(corpus, 'What measures did the commission propose on fundamental rights?').kind).toBe('excerpts');
  });
});

describe('a "how old" question', () => {
  it('is answered by an age, and not by a year or a case number', async () => {
    const dated = await corpusOfParagraphs(['Fisher applied to the university in 2008 and sued under case No. 11–345 later that year.']);
    expect(answerQuestion(dated, 'How old was Fisher when she applied to the university?').kind).toBe('no-match');
    const aged = await corpusOfParagraphs(['Fisher applied to the university at age 18 and sued under case No. 11–345 later that year.']);
    const answer = answerQuestion(aged, 'How old was Fisher when she applied to the university?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('at age 18');
  });
});

describe('a question about a sum of money', () => {
  it('is answered by a quote with a currency, and declined without one', async () => {
    const counted = await corpusOfParagraphs(['Meta settled the Cambridge Analytica litigation in 2022 after 4 years in court.']);
    expect(answerQuestion(counted, 'How much did Meta pay to settle the Cambridge Analytica litigation?').kind).toBe('no-match');
    const priced = await corpusOfParagraphs(['Meta paid $725 million to settle the Cambridge Analytica litigation in 2022.']);
    const answer = answerQuestion(priced, 'How much did Meta pay to settle the Cambridge Analytica litigation?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('$725 million');
  });
});

describe('a "how do I …?" question', () => {
  const paragraphs = [
    'Class members who want to join the settlement class must submit a claim form to the administrator before the deadline.',
    'The settlement class includes every user whose private messages were shared with the streaming partner.',
  ];

  it('is answered by a quote that uses its verb', async () => {
    const corpus = await corpusOfParagraphs(paragraphs);
    const answer = answerQuestion(corpus, 'How do I join the settlement class?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('want to join the settlement class');
  });

  it('is declined when no quote says how, however much else it shares with the question', async () => {
    const corpus = await corpusOfParagraphs([paragraphs[1]!]);
    expect(answerQuestion(corpus, 'How do I join the settlement class?').kind).toBe('no-match');
    expect(answerQuestion(corpus, 'Who is in the settlement class?').kind).toBe('excerpts');
  });
});

describe('a "What does … stand for?" question', () => {
  it('quotes the sentence that spells the acronym out over one that matches more of the question', async () => {
    const corpus = await corpusOfParagraphs([
      'The University revised its admissions process in 2004, adding the PAI score and race to the files its admissions officers read for every applicant.',
      'This "Personal Achievement Index" (PAI) measures leadership, work experience, awards and community service.',
      'The Top Ten Percent Law admits every student graduating in the top tenth of a Texas high school class.',
      'The petitioner was denied admission to the entering class of 2008 and sued in federal court.',
      // Other topics, so that "PAI" is a rare word here as in a real opinion.
      ...['strict scrutiny', 'the Equal Protection Clause', 'a critical mass', 'race-neutral alternatives', 'the Fifth Circuit', 'summary judgment'].map(
        (topic) => `The parties argued at length about ${topic} and what it requires of a public body.`,
      ),
    ]);
    const answer = answerQuestion(corpus, 'What does PAI stand for in the University of Texas admissions process?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Personal Achievement Index');
  });

  it('quotes a name spelt out in lower case, not the sentences about "standing"', async () => {
    const corpus = await corpusOfParagraphs([
      'H.B. 1169 amended provisions relating to witness requirements, poll workers, and multipartisan assistance teams ("MATs").',
      'Defendants argue Plaintiff Hutchins lacks standing, since only a member of a MAT may help him.',
      'This court finds Plaintiff Hutchins has standing to challenge the limits on MAT assistance.',
      ...['the witness rule', 'the ballot deadline', 'the request form', 'nursing homes'].map((topic) => `The parties argued at length about ${topic}.`),
    ]);
    const answer = answerQuestion(corpus, 'what does MAT stand for');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('multipartisan assistance teams');
  });
});

describe('a heading in capitals', () => {
  it('is not quoted over the sentence that says what the question asks', async () => {
    const corpus = await corpusOfParagraphs([
      'BEOPEN PYTHON OPEN SOURCE LICENSE AGREEMENT VERSION 1',
      'All Python releases are Open Source (see https://opensource.org for the Open Source Definition).',
      ...['the history of the software', 'the table of releases', 'the license terms', 'the documentation'].map((topic) => `This part of the file is about ${topic}.`),
    ]);
    const answer = answerQuestion(corpus, 'is python open source');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('All Python releases are Open Source');
  });

  it('is never quoted alone: it names what follows, it does not say it', async () => {
    const corpus = await corpusOfParagraphs([
      'MOTION TO DISMISS',
      'Defendant Meta moves to dismiss the complaint under Rule 12(b)(6) for failure to state a claim.',
      'Filed order: the court denied the motion to dismiss in part.',
      ...['the parties', 'the schedule', 'the exhibits'].map((topic) => `This part of the file is about ${topic}.`),
    ]);
    const answer = answerQuestion(corpus, 'did the court deny the motion');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('the court denied the motion');
    expect(answer.kind === 'excerpts' && answer.excerpts.map((excerpt) => excerpt.quote)).not.toContain('MOTION TO DISMISS');
  });
});

describe('how close together the question\'s words stand', () => {
  it('counts the words between them, not the alias terms the index adds for some of those words', async () => {
    // Seven words between "Acme" and "Zenco" in the first passage, six in the second; each word of the
    // second has an alias term ("denied" → denial, …), which made it look twice as spread out.
    const corpus = await corpusOfParagraphs([
      'Acme moved forward slowly, quietly, carefully and finally met with Zenco.',
      'Acme appealed, denied, dismissed, decided, argued, concluded Zenco.',
    ]);
    const query = analyzeQuery('acme zenco', corpus.analyzer, corpus.index);
    const hits = corpus.index.search(query.searchTerms, { limit: 10, weights: query.termWeights });
    // Ranked alike, so that only the words between tell the two apart.
    const ranked = rerank(hits, corpus.passageById, query, corpus.tokensOf, corpus.contextTermsOf).map((candidate) => ({ ...candidate, score: 1 }));
    const [best] = pickSentences(query, ranked);
    expect(best!.candidate.passage.text).toContain('Acme appealed');
  });
});

describe('a question asking what a term means', () => {
  const LICENSE = [
    'To "convey" a covered work means any kind of propagation that enables other parties to make or receive copies of the work.',
    'A "covered work" means either the unmodified Program or a work based on the Program.',
    '"Larger Work" means a work that combines the covered work with other material, in a separate file.',
    'You may convey a covered work in object code form, provided that you also convey the source of the covered work.',
    ...['patents', 'warranties', 'trademarks', 'termination', 'notices', 'fees'].map((topic) => `This section says what the License provides about ${topic}.`),
  ];

  it.each([
    ["what's a covered work", 'A "covered work" means'],
    ['define covered work', 'A "covered work" means'],
    ['How does the License define a larger work?', '"Larger Work" means'],
    ['what does convey mean', 'To "convey" a covered work means'],
  ])('answers %j with the sentence defining the term', async (question, definition) => {
    const answer = answerQuestion(await corpusOfParagraphs(LICENSE, 'GNU General Public License'), question);
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain(definition);
  });

  it('answers with the definition however many other words the question holds', async () => {
    const corpus = await corpusOfParagraphs(LICENSE, 'GNU General Public License');
    const question = 'how does the license define a larger work, for the firmware our startup ships inside smart fridges';
    const answer = answerQuestion(corpus, question);
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('"Larger Work" means');
  });
});

describe('a question put in the negative', () => {
  it('is answered by the sentence that negates too, not the one beside it stating the positive case', async () => {
    const corpus = await corpusOfParagraphs([
      'Each release carries a version number. If the recipient states a version number in the notice that accompanies every copy of the work, in the form and at the place the publisher prescribes for such notices, the recipient follows that version. If the recipient does not state a version number in the notice that accompanies every copy of the work, in the form and at the place the publisher prescribes, the recipient may follow any version ever released.',
      'Releases are published twice a year.',
    ]);
    const answer = answerQuestion(corpus, "If the recipient doesn't state a version number, which version do they follow?");
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toMatch(/^If the recipient does not state a version number .* may follow any version ever released\.$/);
  });
});

describe('a question naming an office ("Limestone County probate judge in 2015?")', () => {
  it('quotes the title line of an address block with the name on the line above it', async () => {
    const corpus = await corpusOfParagraphs([
      'Alabama Advisory Opinions\nAugust 13, 2015: AGO 2015-059\n\nHonorable Charles C. Woodroof\n\nLimestone County Probate Judge\n\n100 South Clinton Street, Suite D\n\nAthens, Alabama 35611',
      'The Probate Judge of Limestone County is responsible for verifying that the individuals who sign a petition are registered voters.',
    ]);
    const answer = answerQuestion(corpus, 'Limestone County probate judge in 2015?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toMatch(/Honorable Charles C\. Woodroof\s+Limestone County Probate Judge$/);
  });
});

describe('a "who" question answered by a sentence that opens with a pronoun', () => {
  it('takes in the sentence before, which names the person', async () => {
    const corpus = await corpusOfParagraphs([
      'Peyton Manning became the first quarterback ever to lead two different franchises to multiple championship games, a feat that the league and its many followers around the country had waited several long decades, through many seasons and rule changes, to see happen. He is also, older than John Elway, the oldest quarterback ever to start in the championship game.',
      'The past record was held by a coach who later became the general manager of the team in the same city.',
    ]);
    const answer = answerQuestion(corpus, 'Who is the oldest quarterback to start in the championship game?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toMatch(/^Peyton Manning became .* He is also, older than John Elway, the oldest quarterback/);
  });
});

describe('a "which X" question', () => {
  it('prefers the sentence with a word that picks out one X over one naming X alone', async () => {
    const corpus = await corpusOfParagraphs([
      'The party is strongest in the affluent eastern suburbs of Melbourne, where its support has held for decades.',
      'In the affluent eastern suburbs of Melbourne the Liberal Party is strongest.',
    ]);
    const answer = answerQuestion(corpus, 'Which party is strongest in the affluent eastern suburbs of Melbourne?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Liberal Party');
  });
});

describe('an answer of a recognisable shape', () => {
  it('ranks first the passage holding the docket number a "docket number" question asks for', async () => {
    const corpus = await corpusOfParagraphs([
      'Fisher asked the court to move her case up the docket before the admissions season.',
      'The Fisher appeal reached the Supreme Court docket as No. 11–345 and was argued in October 2012.',
      'The weather in Austin was mild that year.',
    ]);
    const [first] = answerQuestion(corpus, "What is Fisher's docket number?").candidates ?? [];
    expect(corpus.passageById.get(first!.passageId)!.text).toContain('No. 11–345');
  });

  it('quotes the sentence holding the statute a "which code section" question asks for over one repeating more of its words', async () => {
    const corpus = await corpusOfParagraphs([
      "Candidates for county superintendent of education must file a certificate of administration and supervision with the probate judge before the qualifying period closes, and a candidate who does not file it in time, whatever the reason and however strong the candidacy, may not be certified by the party chair for the general election ballot, nor may the party later substitute another candidate for the office in that place. Section 16-9-4 of the Code of Alabama sets that requirement.",
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'Which code section makes candidates for county superintendent of education file a certificate of administration and supervision?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('Section 16-9-4 of the Code of Alabama sets that requirement.');
  });
  it('answers "who is the judge in …" with the line naming the judge who wrote the opinion', async () => {
    const corpus = await corpusOfParagraphs([
      'The right to vote is a fundamental matter in a free and democratic society, and this court must weigh the State Board of Elections and its judges of election.',
      'MEMORANDUM OPINION AND ORDER',
      'OSTEEN, JR., District Judge',
      'Plaintiffs Democracy North Carolina and the League of Women Voters challenge several election laws.',
    ], 'Democracy North Carolina v. North Carolina State Board of Elections');
    const answer = answerQuestion(corpus, 'who is the judge in the democracy nc case');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('OSTEEN, JR., District Judge');
  });
});

describe('a document that restates the question it was asked', () => {
  it('quotes its answer, not the restated question that repeats more of the words', async () => {
    const corpus = await corpusOfParagraphs([
      'QUESTION May the Republican Party substitute an individual on the general election ballot for the office of Choctaw County Superintendent of Education?',
      'CONCLUSION A political party may not substitute a candidate on the general election ballot for the office of Choctaw County Superintendent of Education.',
    ]);
    const answer = answerQuestion(corpus, 'May the Republican Party substitute a candidate on the general election ballot for Choctaw County Superintendent of Education?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('may not substitute');
  });
});

describe('a question about who wrote a filing', () => {
  it('quotes the line naming its author over the caption that repeats the question\'s words', async () => {
    const corpus = await corpusOfParagraphs([
      'ABIGAIL NOEL FISHER, PETITIONER v. UNIVERSITY OF TEXAS AT AUSTIN ET AL.',
      'JUSTICE KENNEDY delivered the opinion of the Court.\nThe University of Texas at Austin considers race as one of various factors in its undergraduate admissions process.',
      'The University adopted its current program in 2004.',
    ]);
    const answer = answerQuestion(corpus, 'Who wrote the majority opinion in Fisher v. University of Texas?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('JUSTICE KENNEDY delivered the opinion');
  });

  it('reads the signature line however far down the candidates it ranks', async () => {
    const corpus = await corpusOfParagraphs(
      [
        ...[1, 2, 3, 4, 5, 6].map((n) => `Question ${n}: the Attorney General wrote that Limestone County voters who live in a wet city may sign the wet/dry petition, as an earlier opinion of the Attorney General wrote.`),
        'LUTHER STRANGE, Attorney General.',
      ],
      'Limestone County wet/dry opinion',
    );
    const answer = answerQuestion(corpus, 'which AG wrote the limestone county wet dry opinion');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('LUTHER STRANGE, Attorney General.');
  });
});

describe('a title alone on its line', () => {
  it('is not quoted alone: it names what follows without saying it', async () => {
    const corpus = await corpusOfParagraphs(['Default Install Location of CUDA Samples\n\nWindows platform: the samples go under the ProgramData folder.']);
    const answer = answerQuestion(corpus, 'What is the default install location of the CUDA Samples?');
    expect(answer.kind === 'excerpts' && answer.excerpts.map((excerpt) => excerpt.quote)).not.toContain('Default Install Location of CUDA Samples');
  });
});

describe('a question only a date answers', () => {
  it('quotes the sentence giving the date, over one repeating more of the question', async () => {
    const license = await corpusOfParagraphs(
      [
        'You can redistribute the library under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License, or any later version published by the Foundation.',
        'Version 2.1 of the Lesser GPL, February 1999, is the successor of the Library GPL.',
      ],
      'GNU Lesser General Public License',
    );
    const answer = answerQuestion(license, 'When was version 2.1 of the Lesser GPL published?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('February 1999');
  });
});

describe('a license clause asked about in everyday words', () => {
  it('meets "end" with "terminate" and "sue" with "litigation"', async () => {
    const license = await corpusOfParagraphs(
      [
        'Grant of Patent License. Subject to the terms and conditions of this License, each Contributor hereby grants to You a perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable patent license to make, have made, use, offer to sell, sell, import, and otherwise transfer the Work.',
        'If You institute patent litigation against any entity alleging that the Work constitutes direct or contributory patent infringement, then any patent licenses granted to You under this License for that Work shall terminate as of the date such litigation is filed.',
        'Redistribution. You may reproduce and distribute copies of the Work in any medium, with or without modifications, provided that You meet the following conditions.',
      ],
      'Apache License, Version 2.0',
    );
    for (const question of ['when do my patent rights end if i sue?', 'if i sue over patents, when does my license end']) {
      const answer = answerQuestion(license, question);
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('shall terminate as of the date such litigation is filed');
    }
  });
});

describe('questions answered by a line of a long filing', () => {
  let court: Corpus;
  beforeAll(async () => {
    court = await buildCorpus(await loadKnowledge(fileURLToPath(new URL('../eval/court/knowledge', import.meta.url))), { logger: silentLogger });
  });

  it.each([
    ['the span of time for "how long", over its neighbours that repeat the question', 'How long did it take the plaintiff to snap her picture inside the voting booth during the March 2024 primary?', 'approximately 45 seconds'],
    ['the span of time for "how much time"', 'how much time did Hogarth take to take the photo', 'approximately 45 seconds'],
    ['the statute on whom a voter may choose, for "who can\'t be picked"', "who can't be picked to help a blind voter", "voter's employer"],
    ['why the case was remanded, for "why did the court send the case back"', 'why did the court send the fisher case back', 'that it be remanded'],
    ['the line naming the dissent for "who dissented", over sentences of the dissent', 'who dissented in fisher', 'JUSTICE GINSBURG, dissenting'],
    ['the dissent for a typo of a wh-word ("Whih")', 'Whih justice dissented in the Fisher case?', 'JUSTICE GINSBURG, dissenting'],
    ['the header line naming who requested an opinion, over the docket lines that repeat its number', 'Who requested OAG 18-011 from the Kentucky Attorney General?', 'Alison Lundergan Grimes'],
    ['the line naming who wrote an opinion, over the docket line that repeats more of the question', 'OAG 18-011 written by?', 'Written by : Marc G. Farris'],
    ['where a statute is reported, for a question asking for its citation', 'section 208 voting rights act citation', '52 U.S.C. § 10508'],
    ['why a defendant was dismissed from "the lawsuit", where the opinion speaks of "suits"', 'why did the attorney general get dismissed from the ballot selfie lawsuit', 'special relation'],
    ['the opinion that held what "counts as" electioneering, which it says "did constitute" it', 'which older ky ag opinion said wearing campaign buttons at the polls counts as electioneering?', 'OAG 92-73'],
    ['the line stating what an opinion is about, for a question asking its subject', 'OAG 18-011 subject?', 'Subject: Whether elections officers may provide'],
    ['the justice who "took no part", for one who "sat out" the case', 'which justice sat out fisher v texas', 'JUSTICE KAGAN took no part'],
    ['the standard of review, not a person, for a "who" after a noun', 'What standard of review did the court apply to the limits on who may deliver absentee ballot requests?', 'rational basis'],
  ])('quotes %s', (_, question, expected) => {
    const answer = answerQuestion(court, question);
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain(expected);
  });

  it('declines what came after an opinion ("on remand", "after this opinion"), which the opinion cannot tell', () => {
    expect(answerQuestion(court, 'What did the Fifth Circuit decide on remand in Fisher?').kind).toBe('no-match');
    expect(answerQuestion(court, 'Did the Kentucky Board of Elections adopt the regulation after this opinion?').kind).toBe('no-match');
    const remand = answerQuestion(court, "What did the Supreme Court do with the Fifth Circuit's judgment?");
    expect(remand.kind === 'excerpts' && remand.excerpts[0]!.quote).toMatch(/Court vacates the Fifth Circuit’s judgment/);
  });

  it('declines "what is the name of …" when the filing only says there is one ("lives in a nursing home")', () => {
    expect(answerQuestion(court, 'What is the name of the nursing home where Walter Hutchins lives?').kind).toBe('no-match');
  });
});

describe('a text the document repeats', () => {
  it('is quoted once, and the quotes after it come from other passages', async () => {
    // A Supreme Court decision repeats its caption above the opinion and above each separate opinion.
    const caption = 'ABIGAIL NOEL FISHER, PETITIONER v. UNIVERSITY\n   OF TEXAS AT AUSTIN ET AL.';
    const corpus = await corpusOfParagraphs([
      caption,
      'Petitioner Abigail Fisher applied for admission to the University in 2008.',
      caption.replace('\n   ', '\n        '),
      'The University rejected her application the same year.',
      caption,
      'Fisher then sued the University in federal court.',
      caption,
    ]);
    const answer = answerQuestion(corpus, 'When did Abigail Fisher apply to the University of Texas?');
    expect(answer.kind).toBe('excerpts');
    const quotes = answer.kind === 'excerpts' ? answer.excerpts.map((excerpt) => excerpt.quote.replace(/\s+/g, ' ')) : [];
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(quotes.some((quote) => quote.includes('applied for admission to the University in 2008'))).toBe(true);
  });
});
