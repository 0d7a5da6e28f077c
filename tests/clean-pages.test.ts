import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PinpointError } from '../src/errors.js';
import { cleanPages } from '../src/knowledge/clean-pages.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/pdf/${name}`, import.meta.url), 'utf8');

/** `pdftotext -layout` output: one page per form feed, as the PDF reader hands pages to `cleanPages`. */
const cleanLaidOutText = (text: string, fileLabel: string) =>
  cleanPages(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\f$/, '')
      .split('\f')
      .map((page) => page.split('\n')),
    fileLabel,
  );

describe('cleanPages on laid-out pages', () => {
  const complaint = cleanLaidOutText(fixture('complaint-layout.txt'), 'complaint.txt');
  const page1 = [
    '## UNITED STATES DISTRICT COURT NORTHERN DISTRICT OF CALIFORNIA',
    'MAXIMILIAN KLEIN, et al.,',
    'Plaintiffs, v.',
    'META PLATFORMS, INC.,',
    'Defendant.',
    '## CLASS ACTION COMPLAINT',
    '## INTRODUCTION',
    '1. Plaintiffs bring this action on behalf of all Facebook users whose private messages were made available to a streaming partner through the so-called Inbox API. The arrangement is described in internal presentations that Meta produced in discovery.',
    '2. Meta first offered the partner access in 2013. It did so through a third-party integration that it described to users as a benefit, while it',
  ].join('\n\n');
  const page2 = [
    'treated the data internally as an advertising asset.',
    '3. Defendant-Intervenors dispute these facts, but the documents speak for themselves.',
    '## JURISDICTION AND VENUE',
    '4. This Court has jurisdiction under 28 U.S.C. § 1331 and 15 U.S.C. § 26.',
  ].join('\n\n');

  it('strips pleading numbers, ECF headers and footers from a laid-out complaint, marks headings and keeps ¶ numbers first', () => {
    expect(complaint.text).toBe(`${page1} ${page2}`);
  });

  it('maps ECF page numbers to exact slices when pages are separated by form feeds', () => {
    expect(complaint.pages?.map((p) => [p.page, complaint.text.slice(p.start, p.end)])).toEqual([
      [1, page1],
      [2, page2],
    ]);
  });

  it('reads the ECF header facts and warns about nothing when every page has text', () => {
    expect(complaint.meta).toEqual({ docket: '3:20-cv-08570-JD', ecf: 396, date: '2022-12-06' });
    expect(complaint.warnings).toEqual([]);
  });

  it('reads a single page', () => {
    expect(cleanLaidOutText('The order issues.\r\n', 'o.txt')).toEqual({
      text: 'The order issues.',
      pages: [{ page: 1, start: 0, end: 17 }],
      meta: {},
      warnings: [],
    });
  });

  it('throws DOCUMENT_INVALID when nothing but headers and page numbers is left', () => {
    const text = 'Case 1:21-cv-00001 Document 3 Filed 01/02/21 Page 1 of 1\n\n- 1 -\n';
    expect(() => cleanLaidOutText(text, 'knowledge/blank.pdf')).toThrow(
      new PinpointError('DOCUMENT_INVALID', 'pinpoint: knowledge/blank.pdf has no text layer (a scanned PDF?); OCR is not supported — add a text PDF or a .txt transcript'),
    );
  });
});

describe('cleanPages', () => {
  it('warns in the words of the reason when a page was emptied for unreadable text', () => {
    const result = cleanPages([['Readable page.'], []], 'x.pdf', { emptyReasons: new Map([[1, 'garbled' as const]]) });
    expect(result.warnings).toEqual(['page 2 text is unreadable (a font without a Unicode map?); it was left out']);
  });
});
