import { describe, expect, it } from 'vitest';
import { answerTypeStarts, asksAboutPresent, expectedAnswerType, offersAnswerType, offersCount, questionWordSet, speaksOfPresent } from '../src/answer/answer-type.js';

describe('expectedAnswerType', () => {
  it.each([
    ['Which statute prohibits photographing a ballot?', 'statute'],
    ['Where is the Top Ten Percent Law codified?', 'statute'],
    ['Which provision of the Voting Rights Act applies?', 'statute'],
    ['Which 1996 decision struck down the plan?', 'case'],
    ['What does PAI stand for in the admissions process?', 'definition'],
    ['What is the SBOE?', 'definition'],
    ['What is the plan?', 'any'],
    ['probate judge fees?', 'any'],
    ["the judge's ruling on standing", 'any'],
    ['What is the case number?', 'docket'],
    ['fisher docket number', 'docket'],
    ['Which case number did the clerk assign?', 'docket'],
    ['Which court is the case in?', 'court'],
    ['Which court heard the Fisher case?', 'court'],
    ['which court case did the court rely on', 'case'],
    ["Which other state's top court did the opinion lean on?", 'court'],
    ['In what court did Fisher sue?', 'court'],
    ['What did the court decide on the motions?', 'any'],
    ['What court case desegregated schools?', 'case'],
    ['Who sued Meta?', 'person'],
    ['Who signed the petition?', 'person'],
    ['Limestone County probate judge in 2015?', 'person'],
    ['netflix ceo', 'person'],
    ['kentucky secretary of state in 2018', 'person'],
    ['What was the name of the poll worker?', 'person'],
    ['whos the plaintiff', 'person'],
    ['whos the judge', 'author'],
    ['Which justice dissented in the Fisher case?', 'person'],
    ['Which State Board official sent Hogarth the warning letter?', 'person'],
    ['Which county elections officer refused?', 'person'],
    ["Which of the defendants' motions was granted?", 'any'],
    ['whens the hearing', 'date'],
    ['do I need to include the license text when I redistribute apache code?', 'any'],
    ['is it legal when you photograph your ballot', 'any'],
    ['do you know when the suit was filed', 'date'],
    ['When the court ruled, who dissented?', 'author'],
    ['When UT said it wanted more minority students, what did it call that target?', 'any'],
    ['When, after the remand, was the case argued?', 'date'],
    ['What are the names of the plaintiffs?', 'person'],
    ['When was the complaint filed?', 'date'],
    ['lawsuit filing date', 'date'],
    ['What was the date of the warning letter?', 'date'],
    ['How much was the settlement?', 'number'],
    ['What is the maximum total liability NVIDIA accepts under the license?', 'number'],
    ["what's the max fine", 'number'],
    ['so what did meta pay for cambridge analytica?', 'number'],
    ['What would the licensee owe?', 'number'],
    ['What did Netflix get out of it?', 'any'],
    ['How often did Netflix send reports?', 'frequency'],
    ['netflix report frequency', 'frequency'],
    ['What nationality is Hoesung Lee?', 'nationality'],
    ['What do some believe the Treaty of Versailles assisted in?', 'view'],
    ["Which of the plaintiffs' claims did the judge throw out?", 'any'],
    ['What did Justice Thomas say about Grutter?', 'view'],
    ['When did Netflix say it would stop?', 'date'],
    ['Who said the plan was legal?', 'person'],
    ['Why would Netflix want to read private chats?', 'purpose'],
    ['For what purpose did the streamer use the messages?', 'purpose'],
    ['so netflix could read fb dms?? what for', 'purpose'],
    ['Friedrich Ratzel thought imperialism was what for the country?', 'view'],
    ['What were the plaintiffs hoping to achieve?', 'purpose'],
    ['What did the streamer want to do with the chat data?', 'purpose'],
    ['How long did it take her to photograph the ballot?', 'duration'],
    ['Which out-of-state court decision did the opinion rely on?', 'case'],
    ['Which out-of-state court agreed?', 'court'],
    ['Which Michigan district court case did the court rely on?', 'case'],
    ['Which old Kentucky high court case says writing in a name is a right?', 'case'],
    ['Which court is the case in?', 'court'],
    ['Who wrote the majority opinion in Fisher v. University of Texas?', 'author'],
    ['Which judge authored the March 2022 memorandum opinion?', 'author'],
    ['Which district judge authored the March 2022 opinion?', 'author'],
    ['Which Assistant Attorney General wrote OAG 18-011?', 'author'],
    ['who dissented in fisher', 'author'],
    ['Who concurred?', 'author'],
    ['How many judges dissented?', 'number'],
    ['OAG 18-011 author', 'author'],
    ['ky AG who signed', 'author'],
    ['who signed it?', 'author'],
    ['which AG wrote the limestone county wet dry opinion', 'author'],
    ['Who wrote OAG 18-011?', 'author'],
    ['OAG 18-011 written by?', 'author'],
    ['Who is the author of the majority opinion?', 'author'],
    ['Who requested OAG 18-011 from the Attorney General?', 'requester'],
    ['OAG 18-011 requested by', 'requester'],
    ['Which probate judge requested Alabama Attorney General Opinion 2018-046?', 'requester'],
    ['What is the subject of Kentucky Attorney General Opinion OAG 18-011?', 'subject'],
    ['OAG 18-011 topic?', 'subject'],
    ['what is a data subject?', 'meaning'],
    ['Is the license subject to change?', 'any'],
    ['hastings role at netflix', 'role'],
    ["what was Freeman's job?", 'role'],
    ['which county official asked for the AGO', 'requester'],
    ['fisher 5th circuit opinion cite', 'citation'],
    ['What is the citation of the district court opinion?', 'citation'],
    ['democracy nc v state board F.Supp.3d cite', 'citation'],
    ['What reason did the court cite for dismissing Count Two?', 'purpose'],
    ['Which reporter broke the story?', 'which'],
    ['Who wrote the hymn?', 'person'],
    ['Where did she post the picture?', 'place'],
    ['Did Netflix read private messages?', 'any'],
    ['What kind of lawsuit is it?', 'which'],
    ['type of lawsuit', 'which'],
    ['lawsuit type', 'which'],
    ['What kind of case is it?', 'which'],
    ['What kind of court heard it?', 'which'],
    ['What types of schools are referred to as Model C schools?', 'which'],
    ['Which party is strongest in the suburbs?', 'which'],
    ['What German ruler invited them?', 'which'],
    // A "who" or "when" opening a clause after another question word does not say what is asked.
    ['Who is the man who wrote it?', 'person'],
    ['In Hogarth v. Bell, who is the plaintiff?', 'person'],
    ['ok so who paid the fine', 'person'],
    ['Who was president when the law passed?', 'person'],
    ['Which act did organizers ask about when seeking to use electronic signatures?', 'which'],
    ['How and when did the plague enter Europe?', 'date'],
    ['ok so when did the reports stop', 'date'],
    ['how come netflix got access to messages', 'purpose'],
    ['how much time did she take to snap the photo', 'duration'],
    ["what's the name of the plaintiff in democracy north carolina", 'person'],
    ['whats a MAT', 'definition'],
    ['who is the judge in the democracy nc case', 'author'],
    ['Who was the district judge?', 'author'],
    ['who is the probate judge', 'person'],
    ['who is the judge of probate in limestone county', 'person'],
    ['which claims survived in democracy north carolina', 'which'],
    ['What did Netflix claim?', 'view'],
    ["what's a covered work", 'meaning'],
    ['define contributor in MPL', 'meaning'],
    ['what does propagate mean in the gpl', 'meaning'],
    ['what is a larger work under mpl', 'meaning'],
    ['How does the GPL define a User Product?', 'meaning'],
    ['how is contributor defined in the MPL', 'meaning'],
    ['What is the meaning of "electioneering"?', 'meaning'],
    ['what counts as a contribution under apache', 'meaning'],
    ['Which licenses count as "Secondary Licenses" under MPL 2.0?', 'meaning'],
    ['what is object code', 'meaning'],
    ['what is the "Original Code"', 'meaning'],
    ['what is meta accused of', 'any'],
    ['which code section applies', 'statute'],
    // Asks what a section says, not which section: "does" stands between.
    ['What does section 8 of the GPLv3 say about termination?', 'view'],
    ['what does GPLv3 section 11 cover', 'any'],
    ["What dictionary did the Kentucky attorney general opinion use to define the word 'instruct'?", 'which'],
    ['What is the penalty for a ballot selfie?', 'any'],
  ])('reads %j as %s', (question, type) => {
    expect(expectedAnswerType(question)).toBe(type);
  });

  it('does not read "what happened in the … case" as asking which case', () => {
    expect(expectedAnswerType('What happened in the Hogarth case?')).not.toBe('case');
  });

  it.each([
    'What happens to a candidate who fails to file a pre-primary report?',
    'What was the race of the student who was turned down by the Texas university?',
    'What standard of review did the court apply to the limits on who may deliver absentee ballot requests?',
  ])('does not read the "who" after a noun in %j as asking for a person', (question) => {
    expect(expectedAnswerType(question)).not.toBe('person');
  });

});

describe('offersAnswerType', () => {
  const none = new Set<string>();
  it.each([
    ['The first statute is N.C. Gen. Stat. § 163-166.3(c).', 'statute', true],
    ['It violates 42 U.S.C. § 1983.', 'statute', true],
    ['Under Section 208 of the Voting Rights Act, voters may get help.', 'statute', true],
    ['The court explained its reasons at length.', 'statute', false],
    ['August 13, 2018: AGO 2018-046', 'date', true],
    ['Tests ran from 2013-2019.', 'date', true],
    // An opinion's number, not the year it came out.
    ['No. 2018-046', 'date', false],
    ['The consolidated complaint was filed 2023-04-20.', 'date', true],
    ['Hopwood v. Texas, 78 F. 3d 932, 955 (1996).', 'case', true],
    ['The Fifth Circuit struck it down.', 'case', false],
    ['It allowed Netflix access to direct messages to tailor its content offerings.', 'purpose', true],
    ['They sued because the data was shared.', 'purpose', true],
    ['The treaty is often cited as helping his rise to power.', 'view', true],
    ['Defendants argue that the plaintiffs lack standing.', 'view', true],
    ['The treaty ended the war in 1919.', 'view', false],
    ['It let Netflix peek into users’ private messages.', 'purpose', false],
    ['Netflix sent reports to Facebook and to its partners.', 'purpose', false],
    ['Meta settled for $725 million.', 'number', true],
    ['Meta settled the litigation.', 'number', false],
    ['It continued until October 2021.', 'date', true],
    ['It continued for a while.', 'date', false],
    ['Netflix reciprocated with bi-weekly reports.', 'frequency', true],
    ['The board meets twice a year.', 'frequency', true],
    ['Reports were sent every two weeks.', 'frequency', true],
    ['Netflix sent two reports.', 'frequency', false],
    ['Taking the photo took approximately 45 seconds.', 'duration', true],
    ['Subsection (b)(1) has been in force since 1967.', 'duration', true],
    ['The alliance was decade-long.', 'duration', true],
    ['The source must remain available for at least twelve (12) months.', 'duration', true],
    ['A Front-Cover Text may be at most 5 words, and a Back-Cover Text may be at most 25 words.', 'duration', true],
    ['In other words, the brief runs long.', 'duration', false],
    ['She voted on March 5, 2024, with 3 others.', 'duration', false],
    ['The suit was filed by US citizens Maximilian Klein and Sarah Grabert.', 'nationality', true],
    ['The chair is the Korean economist Hoesung Lee.', 'nationality', true],
    ['The suit was filed in April.', 'nationality', false],
    ['JUSTICE KENNEDY delivered the opinion of the Court.', 'author', true],
    ['OSTEEN, JR., District Judge', 'author', true],
    ['Written by : Marc G. Farris, Assistant Attorney General', 'author', true],
    ['JUSTICE GINSBURG, dissenting.', 'author', true],
    ['STEVE MARSHALL Attorney General.', 'author', true],
    ['LUTHER STRANGE, Attorney General.', 'author', true],
    ['OFFICE OF THE Attorney General', 'author', false],
    ['OPINION OF THE ATTORNEY GENERAL', 'author', false],
    ['Requested by: Hon. Alison Lundergan Grimes Secretary of State', 'requester', true],
    ['August 13, 2018 Honorable Michael Armstead', 'requester', true],
    ['Docket Number(s): AGO OAG 18-011', 'requester', false],
    ['August 16, 2018\nSubject: Whether elections officers may provide the list.', 'subject', true],
    ['The opinion is subject to review: the subject is a list.', 'subject', false],
    ['Netflix co-founder Reed Hastings joined the board.', 'role', true],
    ['Hastings joined in 2011.', 'role', false],
    ['The Court of Appeals affirmed the judgment.', 'author', false],
    ['Docket Number(s): 5:24-CV-481-FL', 'docket', true],
    ['Case 1:20CV457, filed in 2020.', 'docket', true],
    ['No. 11–345. Argued October 10, 2012', 'docket', true],
    ['The case was filed in April.', 'docket', false],
    ['631 F. 3d 213, vacated and remanded.', 'citation', true],
    ['Reported at 590 F.Supp.3d 850.', 'citation', true],
    ['Cite as: 570 U. S. ____ (2013)', 'citation', true],
    ['Section 208 is codified at 52 U.S.C. § 10508.', 'citation', true],
    ['The Court decided 3 cases in 2013.', 'citation', false],
    ['She sued in the United States District Court for the Western District of Texas.', 'court', true],
    ['The Fifth Circuit affirmed.', 'court', true],
    ['the Court of Justice held otherwise', 'court', true],
    ['New court documents reveal the deal.', 'court', false],
    ['JUSTICE KENNEDY delivered the opinion of the Court.', 'person', true],
    ['The Internet2 community, in partnership with Qwest, built the network.', 'person', true],
    ['Plaintiffs League of Women Voters of North Carolina and others sued.', 'person', true],
    ['I agree that the Court of Appeals did not apply strict scrutiny.', 'person', false],
    ['The University stopped considering race.', 'person', false],
  ] as const)('finds in %j a %s: %s', (text, type, expected) => {
    expect(offersAnswerType(text, type, none)).toBe(expected);
  });

  it('finds the definition of the acronym the question asks about, and only that one', () => {
    const words = questionWordSet('What does PAI stand for?');
    expect(offersAnswerType('This “Personal Achievement Index” (PAI) measures leadership.', 'definition', words)).toBe(true);
    expect(offersAnswerType('the Personal Achievement Index ("PAI")', 'definition', words)).toBe(true);
    expect(offersAnswerType('the Academic Index (AI) and grades', 'definition', words)).toBe(false);
    expect(offersAnswerType('Its PAI score (PAI) was high.', 'definition', words)).toBe(false);
    // Spelt out in lower case, and in the plural.
    const mat = questionWordSet('whats a MAT');
    expect(offersAnswerType('It added multipartisan assistance teams ("MATs") to help voters.', 'definition', mat)).toBe(true);
    expect(offersAnswerType('It added new teams ("MATs") to help voters.', 'definition', mat)).toBe(false);
    // Followed by more in its brackets; and asked as "what is …", the meaning of an acronym is what it stands for.
    const cnri = questionWordSet('what is cnri');
    expect(offersAnswerType('He worked at the Corporation for National Research Initiatives (CNRI, see https://www.cnri.reston.va.us).', 'meaning', cnri)).toBe(true);
    expect(offersAnswerType('CNRI is making Python 1.6.1 available to Licensee.', 'meaning', cnri)).toBe(false);
  });

  it('finds a definition of the term the question asks about, and only of that term', () => {
    const contributor = questionWordSet('define contributor in MPL');
    expect(offersAnswerType('1.1. "Contributor" means each individual or legal entity.', 'meaning', contributor)).toBe(true);
    expect(offersAnswerType('"Contributor" shall mean Licensor and any individual.', 'meaning', contributor)).toBe(true);
    expect(offersAnswerType('"Patent Claims" of a Contributor means any patent claim.', 'meaning', contributor)).toBe(false);
    expect(offersAnswerType('Each Contributor means well.', 'meaning', contributor)).toBe(false);
    const coveredWork = questionWordSet("what's a covered work");
    expect(offersAnswerType('A "covered work" means either the unmodified Program or a work based on the Program.', 'meaning', coveredWork)).toBe(true);
    expect(offersAnswerType('1.7. "Larger Work" means a work that combines Covered Software with other material.', 'meaning', coveredWork)).toBe(false);
    expect(offersAnswerType('To "propagate" a work means to do anything with it.', 'meaning', questionWordSet('what does propagate mean'))).toBe(true);
    expect(offersAnswerType('A "User Product" is either a consumer product or anything designed for a dwelling.', 'meaning', questionWordSet('how does the GPL define a user product'))).toBe(true);
    // The term may be quoted alone, some words before "means"; a quoted term after "is" defines only when it opens the sentence.
    const transparentCopy = questionWordSet('what is a transparent copy');
    expect(offersAnswerType('A "Transparent" copy of the Document means a machine-readable copy.', 'meaning', transparentCopy)).toBe(true);
    expect(offersAnswerType('A copy that is not "Transparent" is called "Opaque".', 'meaning', transparentCopy)).toBe(false);
  });

  it('finds, for "which X" or "what kind of X", a word qualifying X that the question does not hold', () => {
    const words = questionWordSet('What kind of lawsuit is it?');
    // "What German ruler …": the noun is "ruler", the capitalised word in front of it qualifies it.
    expect(offersAnswerType('The Prussian ruler Frederick William invited them.', 'which', questionWordSet('What German ruler invited them?'))).toBe(true);
    expect(questionWordSet('What is the plan?').qualifiedNoun).toBeUndefined();
    // A name right after the noun picks one out too.
    const ceo = questionWordSet('What Microsoft CEO studied in Chicago?');
    expect(answerTypeStarts('Alumni include Microsoft CEO Satya Nadella.', 'which', ceo)).toEqual([29]);
    expect(offersAnswerType('The CEO studied there. Microsoft CEO pay rose.', 'which', ceo)).toBe(false);
    expect(offersAnswerType('He was beaten in the Battle of Dalan Balzhut.', 'which', questionWordSet('Which battle did he lose?'))).toBe(true);
    expect(offersAnswerType('The Liberal Party leads there.', 'which', questionWordSet('Which party is strongest?'))).toBe(true);
    // A word that counts or compares the noun does not say which one.
    expect(offersAnswerType('He led two different teams to the final.', 'which', questionWordSet('What team won the final?'))).toBe(false);
    expect(offersAnswerType('He led several other teams.', 'which', questionWordSet('What team won the final?'))).toBe(false);
    expect(answerTypeStarts('It is a bombshell class-action lawsuit filed in 2023.', 'which', words)).toEqual([18]);
    expect(offersAnswerType('For them the lawsuit is a crusade.', 'which', words)).toBe(false);
    // Plurals, either way round; a qualifier the question already names is no answer.
    expect(offersAnswerType('Two privacy lawsuits followed.', 'which', words)).toBe(true);
    expect(offersAnswerType('The kind of lawsuit matters.', 'which', words)).toBe(false);
    expect(offersAnswerType('Many private schools opened.', 'which', questionWordSet('What types of schools opened?'))).toBe(true);
  });

  it('does not count a number the question already holds', () => {
    expect(offersAnswerType('Super Bowl 50 was played in 2016.', 'number', questionWordSet('How many fans watched Super Bowl 50?'))).toBe(true);
    expect(offersAnswerType('Super Bowl 50 was a game.', 'number', questionWordSet('How many fans watched Super Bowl 50?'))).toBe(false);
  });
});

describe('questions about the present', () => {
  it.each([
    ["Is Reed Hastings still on Meta's board?", true],
    ['Who currently leads the party?', true],
    ['Does Netflix get the messages anymore?', true],
    ["Is Reed Hastings on Meta's board?", false],
    ['What is now known as Jacksonville?', false],
  ])('asksAboutPresent(%s) is %s', (question, expected) => {
    expect(asksAboutPresent(question)).toBe(expected);
  });

  it.each([
    ['It remains lawful in the United States.', 'Is it still lawful?', true],
    ['The party is currently the largest.', 'Is the party currently the largest?', true],
    ['As of late 2008 it was still known for crime.', 'Is it still known for crime?', true],
    ['Hastings is still on the board.', 'Is Hastings still on the board?', true],
    ['Shortly after Hastings joined the board, the companies signed a deal.', 'Is Hastings still on the board?', false],
    // The word the text was found by is no evidence of the present.
    ['Ireland fined Meta, spotlighting the ongoing challenges tech companies face.', 'is this case still ongoing?', false],
    ['The case remains pending before the court.', 'is this case still ongoing?', true],
  ])('speaksOfPresent(%s) for %s is %s', (text, question, expected) => {
    expect(speaksOfPresent(text, questionWordSet(question))).toBe(expected);
  });
});

describe('offersCount', () => {
  const none = new Set<string>();
  it.each([
    ['Justice Thomas counted 73 amici briefs.', true],
    ['Seven judges dissented from the denial of rehearing.', true],
    ['None of the treaties mention it.', true],
    ['SB 683 imposes restrictions on who can assist voters.', false],
    ['H.B. 1169 added a provision allowing for MAT assistance.', false],
    ['No. 11–345, argued in 2012.', false],
    ['You asked about KRS 117.265(5) and § 1983.', false],
    ['See Grutter v. Bollinger, 539 U. S. 306 (2003).', false],
    ['The court dismissed Count 2 in case 1:20CV457.', false],
    ['On June 11, 2021, the Board published a memo. (Id. ¶ 33.)', false],
    ['On Aug. 16, 2018, 40 ballots were cured.', true],
    ['Some county boards told precinct officers not to post the lists. [1]', false],
    ['See the amici brief, and n. 4.', false],
    ['Write-in votes are counted under KRS 117.265(2), (3).', false],
    ['The voter must (1) sign and (2) date the form.', false],
    ['"[t]wo (2) election officers of opposing parties shall instruct the voter."', true],
    ['Seven (7) days after the request.', true],
  ])('%s → %s', (text, expected) => {
    expect(offersCount(text, none)).toBe(expected);
  });
});

describe('names in other alphabets', () => {
  // Capitalised words are found without \p{…} classes (slow to compile): their letters must still reach past ASCII.
  it.each([
    ['Nuñez', 'The brief was signed by Nuñez for the plaintiffs.'],
    ['Müller', 'The declaration of Müller was struck.'],
    ['Papadopoulou-Σ', 'Counsel Papadopoulou-Σ argued for the State.'],
  ])('reads all of %s as the name the question already holds', (name, text) => {
    const words = questionWordSet(`was it ${name}?`);
    const nameAt = text.indexOf(name);
    expect(answerTypeStarts(text, 'person', words) ?? []).not.toContain(nameAt);
    expect(answerTypeStarts(text, 'person', questionWordSet('who signed it?'))).toContain(nameAt);
  });
});
