import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { createAnalyzer } from '../src/search/analyzer.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

const plain = createAnalyzer();

/** Whether every term of the question is a term of the document's text. */
const meets = (document: string, question: string) => {
  const terms = new Set(plain.terms(document));
  const asked = plain.terms(question);
  return asked.length > 0 && asked.every((term) => terms.has(term));
};

describe('words typed one way and written another', () => {
  // A ligature survives in text copied out of a PDF; an East Asian input method types full-width letters.
  it.each([
    ['The complaint was ﬁled on time.', 'filed'],
    ['the ﬂow of data to ofﬁcers', 'flow officers'],
    ['Facebook shared the data.', 'Ｆａｃｅｂｏｏｋ'],
    ['Facebook shared the data.', '𝐅𝐚𝐜𝐞𝐛𝐨𝐨𝐤'],
  ])('finds %j when asked %j', (document, question) => {
    expect(meets(document, question)).toBe(true);
  });
});

describe('a rule typed without its parentheses', () => {
  it.each([
    ['The motion to dismiss under Rule 12(b)(6) is granted.', '12b6'],
    ['The motion to dismiss under Rule 12(b)(6) is granted.', 'rule 12B6'],
    ['Plaintiffs seek certification under Rule 23(b)(3).', '23b3'],
  ])('finds %j when asked %j', (document, question) => {
    expect(meets(document, question)).toBe(true);
  });

  it('leaves a reporter series, a decade and an ordinal alone', () => {
    expect(plain.terms('590 F.3d 1990s 21st')).toEqual(['590', 'f', '3', '1990', '21']);
  });
});

describe('a docket number cited short', () => {
  const caption = 'Case No. 3:20-cv-08570-JD, assigned to Judge Donato.';
  it.each(['20-cv-08570', '20-cv-8570', '3:20-cv-8570', 'No. 20-cv-08570-JD'])('finds "%s" in "3:20-cv-08570-JD"', (question) => {
    expect(plain.terms(question).some((term) => plain.terms(caption).includes(term) && /\d/.test(term))).toBe(true);
  });

  it('finds "3:20-cv-08570-JD" in a filing that cites "20-cv-08570"', () => {
    expect(plain.terms('see No. 20-cv-08570 (N.D. Cal.)').some((term) => plain.terms('3:20-cv-08570-JD').includes(term))).toBe(true);
  });

  it('leaves a date written with its month alone', () => {
    expect(plain.terms('20-Jan-2023')).toEqual(plain.terms('20 Jan 2023'));
  });
});

describe('a docket number with or without its zeros', () => {
  it.each(['3:20-cv-8570', '3:20-cv-08570', '3:20-cv-8570-JD'])('gives "%s" every term of its own in "3:20-cv-08570-JD"', (question) => {
    expect(meets('Case No. 3:20-cv-08570-JD', question)).toBe(true);
  });
});

describe('a prefix written with a hyphen or without', () => {
  it.each([
    ['e-mail', 'email'],
    ['co-founder', 'cofounder'],
    ['non-party', 'nonparty'],
    ['pre-trial', 'pretrial'],
    ['counter-claims', 'counterclaims'],
    ['E-Mail’s', 'email'],
  ])('reads %j as %j too, so either finds the other', (hyphenated, solid) => {
    expect(plain.terms(hyphenated)).toContain(plain.terms(solid)[0]);
  });

  it('still finds the word after the prefix asked alone', () => {
    expect(meets('Reed Hastings, co-founder of Netflix', 'founder')).toBe(true);
  });

  it('quotes the sentence that writes the word solid when asked with a hyphen', async () => {
    const corpus = await corpusOfParagraphs(['Netflix sent an email to every subscriber in May.', 'Netflix sent a notice by mail to every shareholder in June.']);
    const answer = answerQuestion(corpus, 'When did Netflix send the e-mail?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('Netflix sent an email to every subscriber in May.');
  });

  it('leaves a compound of two words, and one of three, as its words', () => {
    expect(plain.terms('write-in')).toEqual(plain.terms('write in'));
    expect(plain.terms('non-English-speaking')).toEqual(plain.terms('non English speaking'));
  });
});

describe('a name of letters joined by "&"', () => {
  it('finds "AT&T", whose letters alone are stop words, and only where it is written', () => {
    expect(meets('AT&T agreed to the settlement.', 'AT&T')).toBe(true);
    expect(plain.terms('AT&T').some((term) => plain.terms('Atlanta agreed at the time to the settlement.').includes(term))).toBe(false);
  });

  it('gives a pack alias spelled with "&" its group term', () => {
    const analyzer = createAnalyzer({ aliases: [['AT&T', 'Ma Bell']] });
    const [group] = analyzer.terms('Ma Bell').filter((term) => term.startsWith('~'));
    expect(group).toBeDefined();
    expect(analyzer.terms('AT&T filed a brief.')).toContain(group);
  });
});

describe('a date written in numbers and in words', () => {
  it.each([
    ['The Court granted final approval on December 6, 2022.', '12/6/22'],
    ['The Court granted final approval on December 6, 2022.', '12/06/2022'],
    ['Filed 12/06/22', 'December 6, 2022'],
    ['Decided March 3, 1998.', '3/3/98'],
    // Front matter, logs and tables of filings write dates year first; so do some readers.
    ['The Court granted final approval on December 6, 2022.', '2022-12-06'],
    ['2023-04-20 | Consolidated complaint filed | ECF No. 396', 'April 20, 2023'],
  ])('finds %j when asked %j', (document, question) => {
    expect(meets(document, question)).toBe(true);
  });

  it('reads numbers that are no date as numbers', () => {
    expect(plain.terms('13/45/22')).toEqual(['13', '45', '22']);
    expect(plain.terms('2022-13-45')).toEqual(['2022-13-45', '2022', '13', '45']);
  });
});

describe("a month's abbreviation in a date", () => {
  // Citations and filings abbreviate the month ("(M.D.N.C. Nov. 4, 2020)", "Date: Aug. 16, 2018"); readers may too.
  it.each([
    ['N.C. A. Philip Randolph Inst., 2020 WL 6488704 (M.D. N.C. Nov. 4, 2020)', 'November 4, 2020'],
    ['Date: Aug. 16, 2018', 'august 16 2018'],
    ['(E.D. N.C. Sept. 5, 2019)', 'September 5'],
    ['The Court granted final approval on December 6, 2022.', 'dec 6 2022'],
    ['The class period ended in December 2022.', 'Dec. 2022'],
    ['The hearing was held on 6 December 2022.', '6 Dec 2022'],
  ])('finds %j when asked %j', (document, question) => {
    expect(meets(document, question)).toBe(true);
  });

  it.each([
    ['a name', 'Jan Smith testified', 'January'],
    ['a word', 'mar the record', 'March'],
    ['a time', 'Dec. 12:30', 'December'],
  ])('leaves an abbreviation that starts no date alone: %s', (_label, text, month) => {
    expect(plain.terms(text)).not.toContain(plain.terms(month)[0]);
  });
});

describe('an amount written in full and with its magnitude', () => {
  it.each([
    ['Meta agreed to pay $725,000,000 into the fund.', '$725 million'],
    ['Meta agreed to pay $725,000,000 into the fund.', '$725M'],
    ['Meta agreed to pay $725 million into the fund.', '$725,000,000'],
    ['a fine of $1,500,000,000', '$1.5 billion'],
    ['a fine of $1.5 billion', '$1,500,000,000'],
    ['about 2,000,000 users', '2 million'],
  ])('finds %j when asked %j', (document, question) => {
    const terms = new Set(plain.terms(document));
    expect(plain.terms(question).filter((term) => /^[$€£]?\d{7,}$/.test(term) && terms.has(term))).not.toEqual([]);
  });

  it('leaves a number that is no amount of money alone, metres included', () => {
    expect(plain.terms('a 725m wall')).toEqual(plain.terms('a 725 wall'));
  });
});

describe('a range of sections', () => {
  it.each(['§ 1981', '§1985', 'section 1985'])('finds %j in "§§ 1981-1985"', (question) => {
    expect(meets('Plaintiffs also assert claims under 42 U.S.C. §§ 1981-1985.', question.replace(/^section /, ''))).toBe(true);
  });

  it('leaves one section with a hyphen whole, as a state statute numbers it', () => {
    expect(plain.terms('§ 163-273')).toEqual(['§163-273', '163-273']);
  });
});

describe('an apostrophe written as the modifier letter ʼ (U+02BC)', () => {
  it('reads "Facebookʼs" and "doesnʼt" as "Facebook\'s" and "doesn\'t"', () => {
    expect(plain.terms('Facebookʼs users doesnʼt')).toEqual(plain.terms("Facebook's users doesn't"));
  });
});
