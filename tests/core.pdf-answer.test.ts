import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { flow, makePdf, type PdfLine } from './helpers/make-pdf.js';

// A two-page filing as courts publish them: ECF running header, numbered paragraphs, page footer.
const header = (page: number): PdfLine => ({ text: `Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page ${page + 3} of 5`, x: 72, y: 760, size: 10 });
const footer = (page: number): PdfLine => ({ text: `${page + 3}`, x: 300, y: 36, size: 10 });

let dir: string;
let core: Pinpoint;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-pdf-'));
  const pdf = await makePdf([
    {
      lines: [
        header(1),
        ...flow([
          '41. Plaintiffs bring this action on behalf of all users of the messaging service.',
          '',
          '42. Meta gave Netflix access to users’ private messages through the Inbox API',
          'beginning in 2013, and Netflix sent Meta bi-weekly reports in return.',
        ]),
        footer(1),
      ],
    },
    {
      lines: [
        header(2),
        ...flow(['43. The parties settled the related Cambridge Analytica litigation for $725 million.']),
        footer(2),
      ],
    },
  ]);
  await writeFile(path.join(dir, 'complaint.pdf'), pdf);
  await writeFile(
    path.join(dir, 'pack.yaml'),
    'documents:\n  complaint.pdf: { title: "First Amended Complaint", kind: complaint, url: "https://example.com/complaint.pdf" }\n',
  );
  core = await createPinpoint({ knowledgeDir: dir });
});

afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a PDF complaint in the knowledge folder', () => {
  it('is answered from with a paragraph and ECF page pinpoint', () => {
    const answer = core.ask('Did Netflix get access to private messages through the Inbox API?');
    expect(answer.kind).toBe('excerpts');
    if (answer.kind !== 'excerpts') return;
    const [first] = answer.excerpts;
    expect(first!.quote).toContain('Meta gave Netflix access to users’ private messages through the Inbox API');
    expect(first!.citation).toEqual({
      docId: 'complaint',
      title: 'First Amended Complaint',
      kind: 'complaint',
      label: '¶ 42, ECF No. 396 at 4',
      url: 'https://example.com/complaint.pdf',
      date: '2022-12-06',
    });
  });

  it('cites the page the quote is on, taken from the running header', () => {
    const answer = core.ask('How much was the Cambridge Analytica settlement?');
    const first = answer.kind === 'excerpts' ? answer.excerpts[0] : undefined;
    expect(first?.quote).toContain('$725 million');
    expect(first?.citation.label).toBe('¶ 43, ECF No. 396 at 5');
  });

  it('keeps every quote an exact substring of the cleaned text /source shows', () => {
    const answer = core.ask('bi-weekly reports');
    expect(answer.kind).toBe('excerpts');
    for (const excerpt of answer.kind === 'excerpts' ? answer.excerpts : []) {
      const view = core.passage(excerpt.passageId)!;
      expect(view.document.text.slice(excerpt.start, excerpt.start + excerpt.quote.length)).toBe(excerpt.quote);
      expect(view.document.text).not.toContain('Case 3:20-cv-08570-JD Document 396');
    }
  });
});

describe('a quote that runs across a page break of a PDF with no ECF header', () => {
  let opinionDir: string;
  let opinion: Pinpoint;

  beforeAll(async () => {
    opinionDir = await mkdtemp(path.join(tmpdir(), 'pinpoint-pdf-pages-'));
    const pdf = await makePdf([
      { lines: flow(['The court held a hearing on the motion in the spring.', '', 'The Board of Elections conceded at the hearing that its', 'rule against ballot photographs had never been enforced']) },
      { lines: flow(['against any voter in the state since its adoption in 2009.', '', 'The weather was mild that day.']) },
    ]);
    await writeFile(path.join(opinionDir, 'opinion.pdf'), pdf);
    opinion = await createPinpoint({ knowledgeDir: opinionDir });
  });

  afterAll(async () => {
    await opinion.close();
    await rm(opinionDir, { recursive: true, force: true });
  });

  it('cites both pages as a range of pages, "pp. 1–2"', () => {
    const answer = opinion.ask('Was the rule against ballot photographs ever enforced?');
    const first = answer.kind === 'excerpts' ? answer.excerpts[0] : undefined;
    expect(first?.quote).toContain('had never been enforced');
    expect(first?.quote).toContain('since its adoption in 2009.');
    // It was "p. 1–2": one page's abbreviation before a range of two.
    expect(first?.citation.label).toMatch(/^pp\. 1–2\b/);
  });
});

describe('an order PDF signed at its foot', () => {
  let orderDir: string;
  let order: Pinpoint;

  beforeAll(async () => {
    orderDir = await mkdtemp(path.join(tmpdir(), 'pinpoint-pdf-signed-'));
    const pdf = await makePdf([
      {
        lines: [
          ...flow(['The motion to dismiss the claims under the Wiretap Act is denied in its', 'entirety, and the case shall proceed to discovery.', '', 'IT IS SO ORDERED.', 'Dated: January 5, 2021']),
          ...flow(['______________________________', 'JAMES DONATO', 'United States District Judge'], { top: 560, x: 330 }),
        ],
      },
    ]);
    await writeFile(path.join(orderDir, 'order.pdf'), pdf);
    order = await createPinpoint({ knowledgeDir: orderDir });
  });

  afterAll(async () => {
    await order.close();
    await rm(orderDir, { recursive: true, force: true });
  });

  it('quotes the judge\'s name with the title under the signature line', () => {
    // "JAMES DONATO" and "United States District Judge" were read as headings: the title was quoted without the name.
    const answer = order.ask('Who is the judge?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('JAMES DONATO United States District Judge');
  });
});
