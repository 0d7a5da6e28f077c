import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isNumberedHeaderLine,
  isPageNumberLine,
  parseEcfHeader,
  stripPleadingNumbers,
  stripRunningHeaders,
} from '../src/knowledge/clean-pleading.js';

describe('parseEcfHeader', () => {
  it('reads docket, ECF number, filed date and page when the line is a district court header', () => {
    expect(parseEcfHeader('Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page 4 of 4')).toEqual({
      docket: '3:20-cv-08570-JD',
      ecf: 396,
      date: '2022-12-06',
      page: 4,
      pageCount: 4,
    });
  });

  it('reads attachments and PageID stamps when the header carries them', () => {
    expect(parseEcfHeader('  Case 1:21-cv-00123-ABC   Document 45-2   Filed 3/7/2021   Page 12 of 30 PageID #: 1,234')).toEqual({
      docket: '1:21-cv-00123-ABC',
      ecf: 45,
      date: '2021-03-07',
      page: 12,
      pageCount: 30,
    });
  });

  it('reads a court of appeals header when the line has DktEntry', () => {
    expect(parseEcfHeader('Case: 20-16408, 12/08/2020, ID: 11919185, DktEntry: 64-1, Page 1 of 30')).toEqual({
      docket: '20-16408',
      ecf: 64,
      date: '2020-12-08',
      page: 1,
      pageCount: 30,
    });
  });

  it.each([
    ['N.D. Ill.', 'Case: 1:20-cv-01234 Document #: 45 Filed: 06/01/21 Page 3 of 10 PageID #:1234', '1:20-cv-01234', 45],
    ['S.D. Ohio', 'Case: 2:20-cv-01234-ALM-EPD Doc #: 45 Filed: 06/01/21 Page: 3 of 10 PAGEID #: 1234', '2:20-cv-01234-ALM-EPD', 45],
    ['Michigan', 'Case 1:20-cv-00123-PLM-RSK ECF No. 45, PageID.1234 Filed 06/01/21 Page 3 of 10', '1:20-cv-00123-PLM-RSK', 45],
    ['a bankruptcy court', 'Case 20-12345-abc Doc 45-1 Filed 06/01/21 Entered 06/01/21 12:34:56 Desc Exhibit A Page 3 of 10', '20-12345-abc', 45],
  ])('reads a district or bankruptcy court header as %s words it', (_label, line, docket, ecf) => {
    // Each was no header: its page, ECF number and date were lost, and the line was quoted as text.
    expect(parseEcfHeader(line)).toEqual({ docket, ecf, date: '2021-06-01', page: 3, pageCount: 10 });
  });

  it.each([
    'The Case was filed in Document 396 on 12/06/22.',
    'In that case, Doc 5 was filed 1/2/20 at page 4 of 9',
    'Case 3:20-cv-08570-JD Document 396',
    '42. Plaintiffs allege that Document 396 was Filed 12/06/22.',
  ])('returns undefined when the line is prose: %j', (line) => {
    expect(parseEcfHeader(line)).toBeUndefined();
  });
});

describe('isPageNumberLine', () => {
  it.each(['4', '  - 4 -', 'Page 4', 'page 4 of 10', '4 of 10', '-12-', 'iv', '- ii -'])('accepts %j', (line) => {
    expect(isPageNumberLine(line)).toBe(true);
  });
  it.each(['4.', '42. Plaintiffs', 'Page four', '§ 4', 'II', 'I'])('rejects %j', (line) => {
    expect(isPageNumberLine(line)).toBe(false);
  });
});

describe('isNumberedHeaderLine', () => {
  it.each([
    ['2           FISHER v. UNIVERSITY OF TEXAS AT AUSTIN', true],
    ['Cite as: 570 U. S. ____ (2013)                    3', true],
    ['Plaintiffs seek damages of 3', false],
    ['42. Plaintiffs allege', false],
  ])('classifies %j as %s', (line, expected) => {
    expect(isNumberedHeaderLine(line)).toBe(expected);
  });
});

describe('stripPleadingNumbers', () => {
  const page = [
    ' 1',
    ' 2   UNITED STATES DISTRICT COURT',
    ' 3',
    ' 4   42. Plaintiffs allege that',
    ' 5   Meta shared messages.',
    ' 6',
    ' 7   43. Defendants deny it.',
    ' 8',
    ' 9   The court agrees.',
    '10',
  ];

  it('removes the margin numbers and leaves blank pleading lines as gaps when a page counts 1 to 10', () => {
    expect(stripPleadingNumbers(page)).toEqual([
      '',
      '     UNITED STATES DISTRICT COURT',
      '',
      '     42. Plaintiffs allege that',
      '     Meta shared messages.',
      '',
      '     43. Defendants deny it.',
      '',
      '     The court agrees.',
      '',
    ]);
  });

  it('leaves the page alone when fewer than 8 lines count upward', () => {
    const list = ['1 apple', '2 pears', '3 plums', 'Total 6 fruit'];
    expect(stripPleadingNumbers(list)).toEqual(list);
  });

  it('keeps numbered paragraphs when their number is followed by a period', () => {
    const numbered = Array.from({ length: 10 }, (_, i) => `${i + 1}. Allegation number ${i + 1}.`);
    expect(stripPleadingNumbers(numbered)).toEqual(numbered);
  });
});

describe('stripRunningHeaders', () => {
  it('removes ECF headers, page-number footers and repeated running heads when every page has them', () => {
    const pages = [
      ['Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page 1 of 3', 'ORDER GRANTING MOTION', 'First page text.', '1'],
      ['Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page 2 of 3', 'Second page text.', 'ORDER GRANTING MOTION', '2'],
      ['Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page 3 of 3', 'Third page text.', 'ORDER GRANTING MOTION', '- 3 -'],
    ];
    const { pages: cleaned, ecf } = stripRunningHeaders(pages);
    expect(cleaned).toEqual([['First page text.'], ['Second page text.'], ['Third page text.']]);
    expect(ecf.map((h) => h?.page)).toEqual([1, 2, 3]);
  });

  it('keeps section numerals and lines that repeat away from the page edges', () => {
    const words = ['alpha', 'beta', 'gamma'];
    const pages = words.map((w) => [
      'I',
      `The ${w} text starts.`,
      `Then ${w} goes on.`,
      'It goes on.',
      'Id.',
      'It goes on.',
      `More ${w} comes.`,
      `Then ${w} goes on.`,
      `The ${w} text ends.`,
    ]);
    expect(stripRunningHeaders(pages).pages).toEqual(pages);
  });

  it('removes the slip-opinion running heads when given pages of a laid-out opinion', () => {
    const raw = readFileSync(new URL('./fixtures/pdf/slip-opinion-3-pages.txt', import.meta.url), 'utf8');
    const { pages } = stripRunningHeaders(raw.split('\f').map((p) => p.split('\n')));
    const all = pages.flat().join('\n');
    expect(all).not.toContain('Cite as');
    expect(all).not.toContain('Opinion of the Court');
    expect(all).not.toMatch(/^\d+\s+FISHER v\. UNIVERSITY/m);
    expect(pages[1]?.[0]).toBe('scrutiny, its decision affirming the District Court’s grant');
  });
});
