import { describe, expect, it } from 'vitest';
import { PinpointError } from '../src/errors.js';
import { pageNumbers } from '../src/knowledge/clean-pages.js';
import { pageAt } from '../src/knowledge/extracted.js';
import { extractPdf } from '../src/knowledge/pdf.js';
import { flow, makePdf, type PdfLine } from './helpers/make-pdf.js';

const header = (page: number, of: number): PdfLine => ({
  text: `Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page ${page} of ${of}`,
  x: 72,
  y: 760,
  size: 10,
});
const footer = (page: number): PdfLine[] => [
  { text: 'COMPLAINT FOR DAMAGES', x: 240, y: 50, size: 10 },
  { text: `- ${page} -`, x: 300, y: 36, size: 10 },
];
/** Body text on pleading paper: one line every 24 points, aligned with the margin numbers. */
const body = (lines: [x: number, text: string][]): PdfLine[] =>
  lines.map(([x, text], i) => ({ text, x, y: 720 - 24 * i }));

const complaint = (): Promise<Uint8Array> =>
  makePdf([
    {
      pleadingNumbers: true,
      lines: [
        header(1, 4),
        ...body([
          [200, 'UNITED STATES DISTRICT COURT'],
          [190, 'NORTHERN DISTRICT OF CALIFORNIA'],
          [240, 'INTRODUCTION'],
          [108, '1. Plaintiffs bring this action against Meta Platforms, Inc. on behalf'],
          [72, 'of all users whose private messages were shared with a streaming part-'],
          [72, 'ner. The ﬁnancial harm they suﬀered is set out below in detail.'],
          [108, '2. Meta gave the partner access to the Inbox API through a third-'],
          [72, 'party integration that the company described to users as a beneﬁt'],
        ]),
        ...footer(1),
      ],
    },
    {
      pleadingNumbers: true,
      lines: [
        header(2, 4),
        ...body([
          [72, 'and a third-party feature, while it ﬂagged the data internally as a'],
          [72, 'valuable asset for advertising.'],
          [108, '3. Defendant-'],
          [72, 'Intervenors dispute these facts, but the documents speak for them-'],
          [72, 'selves.'],
        ]),
        ...footer(2),
      ],
    },
    { lines: [] },
    {
      pleadingNumbers: true,
      lines: [header(4, 4), ...body([[108, '4. Plaintiffs demand a jury trial.']]), ...footer(4)],
    },
  ]);

const EXPECTED_PAGES = [
  [
    '## UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF CALIFORNIA',
    '## INTRODUCTION',
    '1. Plaintiffs bring this action against Meta Platforms, Inc. on behalf of all users whose private messages were shared with a streaming partner. The financial harm they suffered is set out below in detail.',
    '2. Meta gave the partner access to the Inbox API through a third-party integration that the company described to users as a benefit',
  ].join('\n\n'),
  [
    'and a third-party feature, while it flagged the data internally as a valuable asset for advertising.',
    '3. Defendant-Intervenors dispute these facts, but the documents speak for themselves.',
  ].join('\n\n'),
  '',
  '4. Plaintiffs demand a jury trial.',
];

describe('extractPdf', () => {
  it('returns cleaned paragraphs with pleading numbers, running headers, footers, hyphens and ligatures removed and headings marked', async () => {
    const { text } = await extractPdf(await complaint(), 'complaint.pdf');
    expect(text).toBe(
      `${EXPECTED_PAGES[0]} ${EXPECTED_PAGES[1]}\n\n${EXPECTED_PAGES[3]}`,
    );
  });

  it('maps each page to its exact slice of the text when pages have ECF numbers', async () => {
    const { text, pages } = await extractPdf(await complaint(), 'complaint.pdf');
    expect(pages?.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(pages?.map((p) => text.slice(p.start, p.end))).toEqual(EXPECTED_PAGES);
    const quoteAt = text.indexOf('valuable asset for advertising');
    expect(pageAt(pages, quoteAt)).toBe(2);
    expect(pageAt(pages, text.indexOf('2. Meta gave'))).toBe(1);
  });

  it('reads docket, ECF number and filed date from the running header', async () => {
    const { meta } = await extractPdf(await complaint(), 'complaint.pdf');
    expect(meta).toEqual({ docket: '3:20-cv-08570-JD', ecf: 396, date: '2022-12-06' });
  });

  it('warns about a page without a text layer', async () => {
    const { warnings } = await extractPdf(await complaint(), 'complaint.pdf');
    expect(warnings).toEqual(['page 3 has no text layer (scanned?); OCR is not supported']);
  });

  it('warns when a page has nothing but its ECF header (a stamped scan)', async () => {
    const bytes = await makePdf([
      { lines: [header(1, 2), ...flow(['The order issues today.'])] },
      { lines: [header(2, 2)] },
    ]);
    const { text, warnings, pages } = await extractPdf(bytes, 'order.pdf');
    expect(text).toBe('The order issues today.');
    expect(warnings).toEqual(['page 2 has no text besides its header, footer or page number (scanned?); OCR is not supported']);
    expect(pages).toEqual([
      { page: 1, start: 0, end: 23 },
      { page: 2, start: 23, end: 23 },
    ]);
  });

  it('uses physical page numbers and keeps the PDF title when there is no ECF header', async () => {
    const bytes = await makePdf(
      [{ lines: flow(['First page text.']) }, { lines: flow(['     Second page text.', 'It ends here.']) }],
      { title: 'Order Granting Motion to Dismiss' },
    );
    const { text, pages, meta } = await extractPdf(bytes, 'order.pdf');
    expect(text).toBe('First page text.\n\nSecond page text. It ends here.');
    expect(pages?.map((p) => [p.page, text.slice(p.start, p.end)])).toEqual([
      [1, 'First page text.'],
      [2, 'Second page text. It ends here.'],
    ]);
    expect(meta).toEqual({ title: 'Order Granting Motion to Dismiss' });
  });

  it.each(['Microsoft Word - complaint_final.docx', 'Untitled', 'Document1', 'complaint.pdf'])(
    'ignores the placeholder title %j',
    async (title) => {
      const bytes = await makePdf([{ lines: flow(['Text.']) }], { title });
      expect((await extractPdf(bytes, 'c.pdf')).meta).toEqual({});
    },
  );

  it('throws DOCUMENT_INVALID when no page has text', async () => {
    const bytes = await makePdf([{ lines: [] }, { lines: [] }]);
    const error = await extractPdf(bytes, 'knowledge/scan.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinpointError);
    expect(error).toMatchObject({
      code: 'DOCUMENT_INVALID',
      message:
        'pinpoint: knowledge/scan.pdf has no text layer (a scanned PDF?); OCR is not supported — add a text PDF or a .txt transcript',
    });
  });

  it('throws DOCUMENT_INVALID naming the file when the bytes are not a PDF', async () => {
    const error = await extractPdf(new TextEncoder().encode('hello, not a pdf'), 'notes.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PinpointError);
    expect((error as PinpointError).code).toBe('DOCUMENT_INVALID');
    expect((error as PinpointError).message).toMatch(
      /^pinpoint: notes\.pdf is not a readable PDF \(.+\); re-export it as PDF or add a \.txt transcript$/,
    );
  });
});

describe('pageNumbers', () => {
  it.each([
    [[1, undefined, 3], [1, 2, 3]],
    [[undefined, 5, 6], [4, 5, 6]],
    [[undefined, undefined], [1, 2]],
    [[7, undefined, undefined], [7, 8, 9]],
  ])('numbers %j as %j', (input, expected) => {
    expect(pageNumbers(input)).toEqual(expected);
  });
});
