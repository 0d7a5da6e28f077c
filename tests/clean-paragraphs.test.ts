import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCapsHeading, layoutPages } from '../src/knowledge/clean-paragraphs.js';
import { stripPleadingNumbers, stripRunningHeaders } from '../src/knowledge/clean-pleading.js';

describe('layoutPages', () => {
  it('joins wrapped lines and starts paragraphs at indents, gaps, headings and numbered paragraphs', () => {
    const page = [
      'COMPLAINT',
      '',
      '     1. Plaintiffs bring this action against the de-',
      'fendants for the ﬁnancial harm they suffered in',
      '2021.',
      '2. The third-party vendor was not at fault.',
      '     The court agrees with that view of the',
      'record.',
    ];
    const { text, pages } = layoutPages([page], [1]);
    expect(text).toBe(
      [
        '## COMPLAINT',
        '1. Plaintiffs bring this action against the defendants for the financial harm they suffered in 2021.',
        '2. The third-party vendor was not at fault.',
        'The court agrees with that view of the record.',
      ].join('\n\n'),
    );
    expect(pages).toEqual([{ page: 1, start: 0, end: text.length }]);
  });

  // Pages carry a few body lines so each page's usual left edge (the indentation baseline) is known.
  const body = ['came to the court with a long line of text', 'and another long line of text follows it.'];

  it('keeps the lines of a signature block as text, not headings, and a heading after it', () => {
    const page = [
      '     The motion to dismiss is denied in its entirety, and the case shall proceed to discovery.',
      '     IT IS SO ORDERED.',
      'Dated: January 5, 2021',
      '                                        ______________________________',
      '                                        JAMES DONATO',
      '                                        United States District Judge',
      '',
      '                      CERTIFICATE OF SERVICE',
      '     I certify that on January 5, 2021, I served the foregoing on all counsel of record.',
    ];
    const { text } = layoutPages([page], [1]);
    // The judge's name and title were marked as headings, each a paragraph of its own: sections naming nothing.
    expect(text.split('\n\n').slice(-4)).toEqual([
      '______________________________',
      'JAMES DONATO United States District Judge',
      '## CERTIFICATE OF SERVICE',
      'I certify that on January 5, 2021, I served the foregoing on all counsel of record.',
    ]);
  });

  it('keeps counsel\'s block under an electronic signature as text', () => {
    const page = [
      '     For these reasons, the Court should deny the motion in its entirety and allow the case to',
      'proceed to discovery on every claim that the complaint pleads against each of the defendants,',
      'who have had every opportunity to answer the allegations and have chosen not to do so.',
      '                                          Respectfully submitted,',
      '                                          By: /s/ Stephen A. Swedlow',
      '                                          Stephen A. Swedlow',
      '                                          QUINN EMANUEL URQUHART & SULLIVAN, LLP',
    ];
    expect(layoutPages([page], [1]).text.split('\n\n').at(-1)).toBe('Stephen A. Swedlow QUINN EMANUEL URQUHART & SULLIVAN, LLP');
  });

  it('starts a paragraph at each bullet when a list follows a sentence', () => {
    const { text } = layoutPages([['This proposes:', '• A standard way to install.', '• A standard way to look', 'things up.']], [1]);
    expect(text).toBe('This proposes:\n\n• A standard way to install.\n\n• A standard way to look things up.');
  });

  it('keeps a paragraph whole across a page break and splits the page map inside it', () => {
    const { text, pages } = layoutPages(
      [
        ['     A first paragraph that', ...body, '     The court finds that the plain-'],
        ['tiffs have standing in this case', 'and may go on.', '     A new paragraph starts.'],
      ],
      [4, 5],
    );
    const first = `A first paragraph that ${body.join(' ')}`;
    expect(text).toBe(
      `${first}\n\nThe court finds that the plaintiffs have standing in this case and may go on.\n\nA new paragraph starts.`,
    );
    const split = text.indexOf('tiffs have standing');
    expect(pages).toEqual([
      { page: 4, start: 0, end: split },
      { page: 5, start: split, end: text.length },
    ]);
    expect(text.slice(0, split)).toMatch(/The court finds that the plain$/);
  });

  it('does not continue a footnote with the body text of the next page', () => {
    const { text } = layoutPages(
      [
        ['     The court held that the', ...body, 'and the same court also found', '', '3 The University’s arguments fail.'],
        ['that the program was unlawful.', ...body],
      ],
      [1, 2],
    );
    expect(text.split('\n\n')).toEqual([
      `The court held that the ${body.join(' ')} and the same court also found`,
      '3 The University’s arguments fail.',
      `that the program was unlawful. ${body.join(' ')}`,
    ]);
  });

  it('starts a new paragraph on the next page when the last one ended a sentence and the next is indented', () => {
    const { text, pages } = layoutPages(
      [
        ['     One more time', ...body],
        ['     Next, the court turns', ...body],
      ],
      [1, 2],
    );
    const page1 = `One more time ${body.join(' ')}`;
    const page2 = `Next, the court turns ${body.join(' ')}`;
    expect(text).toBe(`${page1}\n\n${page2}`);
    expect(pages).toEqual([
      { page: 1, start: 0, end: page1.length },
      { page: 2, start: page1.length + 2, end: text.length },
    ]);
  });

  it('gives a page without text an empty span in page order', () => {
    const { text, pages } = layoutPages([['     First page', ...body], [], ['     Third page', ...body]], [1, 2, 3]);
    const page1 = `First page ${body.join(' ')}`;
    expect(text).toBe(`${page1}\n\nThird page ${body.join(' ')}`);
    expect(pages).toEqual([
      { page: 1, start: 0, end: page1.length },
      { page: 2, start: page1.length, end: page1.length },
      { page: 3, start: page1.length + 2, end: text.length },
    ]);
  });

  it('rebuilds a laid-out slip opinion: running heads gone, words rejoined across lines and pages', () => {
    const raw = readFileSync(new URL('./fixtures/pdf/slip-opinion-3-pages.txt', import.meta.url), 'utf8');
    const cleaned = stripRunningHeaders(raw.split('\f').map((p) => stripPleadingNumbers(p.split('\n'))));
    const { text, pages } = layoutPages(cleaned.pages, [1, 2, 3]);
    const paragraphs = text.split('\n\n');
    expect(paragraphs).toContain('JUSTICE KENNEDY delivered the opinion of the Court.');
    expect(paragraphs).toContain('## I');
    expect(paragraphs).toContain('## SUPREME COURT OF THE UNITED STATES');
    expect(paragraphs).toContain('## ON WRIT OF CERTIORARI TO THE UNITED STATES COURT OF APPEALS FOR THE FIFTH CIRCUIT');
    expect(text).toContain('Supreme Court of the United States, Washington, D. C. 20543');
    expect(text).toContain('strict scrutiny, its decision affirming');
    expect(text).toContain('insight into a student’s background. These included growing up in a single-parent home');
    expect(text).not.toMatch(/Cite as|Opinion of the Court|\d\s+FISHER v\./);
    expect(text).not.toContain('\n\n\n');
    // Page 2 of the excerpt begins mid-sentence ("scrutiny, …") and ends mid-word ("back-|ground").
    const page2 = pages[1];
    expect(page2).toBeDefined();
    expect(text.slice(page2?.start, page2?.end)).toMatch(/^scrutiny, its decision affirming[\s\S]* a student’s back$/);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3]);
  });
});

describe('layoutPages page map (property)', () => {
  const word = fc.stringMatching(/^[a-z]{2,9}$/);
  const line = fc.record({
    indent: fc.constantFrom('', '', '', '     ', '                    '),
    words: fc.array(word, { minLength: 3, maxLength: 10 }),
    end: fc.constantFrom('', '', '.', '-', ','),
    gapAfter: fc.boolean(),
  });
  const page = fc.array(line, { minLength: 0, maxLength: 8 });

  it('gives every page an in-order span whose slice holds each of its words', () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 5 }), (pages) => {
        const raw = pages.map((lines) =>
          lines.flatMap((l) => [`${l.indent}${l.words.join(' ')}${l.end}`, ...(l.gapAfter ? [''] : [])]),
        );
        const { text, pages: spans } = layoutPages(raw, raw.map((_, i) => i + 1));
        expect(spans.map((s) => s.page)).toEqual(raw.map((_, i) => i + 1));
        let previousEnd = 0;
        spans.forEach((span, i) => {
          expect(span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(span.end).toBeGreaterThanOrEqual(span.start);
          expect(span.end).toBeLessThanOrEqual(text.length);
          previousEnd = span.end;
          const slice = text.slice(span.start, span.end);
          for (const l of pages[i] ?? []) for (const w of l.words) expect(slice).toContain(w);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('isCapsHeading', () => {
  it.each([
    ['STATEMENT OF THE CASE', true],
    ['II.', true],
    ['FISHER v. UNIVERSITY OF TEXAS AT AUSTIN ET AL.', true],
    ['U.S.C. § 1983.', false],
    ['42 U.S.C. § 1983', false],
    ['META PLATFORMS, INC.,', false],
    ['Plaintiffs allege', false],
  ])('classifies %j as %s', (text, expected) => {
    expect(isCapsHeading(text)).toBe(expected);
  });
});
