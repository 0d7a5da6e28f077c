/**
 * Page furniture of court filings, removed before paragraphs are rebuilt: pleading-paper line numbers
 * (1–28 in the left margin), the ECF running header ("Case 3:20-cv-08570-JD Document 396 Filed 12/06/22
 * Page 4 of 4"), page-number footers and short header lines repeated at the top or bottom of pages.
 * Pages are arrays of lines; leading spaces carry indentation and "" marks a vertical gap.
 */

/** What the ECF running header says about the filing and the page it sits on. */
export interface EcfHeader {
  docket: string;
  ecf: number;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  page: number;
  pageCount: number;
}

// District courts: "Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page 4 of 4 [PageID #: 123]", as each court's CM/ECF
// words it: "Case: 1:20-cv-01234 Document #: 45 Filed: 06/01/21 Page 1 of 10 PageID #:1234" (N.D. Ill.), "Case:
// 2:20-cv-01234-ALM Doc #: 45 Filed: 06/01/21 Page: 1 of 10 PAGEID #: 1234" (S.D. Ohio), "Case 1:20-cv-00123-PLM ECF
// No. 45, PageID.1234 Filed 06/01/21 Page 1 of 10" (Michigan); and bankruptcy courts: "Case 20-12345-abc Doc 45 Filed
// 06/01/21 Entered 06/01/21 12:34:56 Desc Main Document Page 1 of 10".
const DISTRICT_HEADER =
  /^\s*Case:?\s+(\S+)\s+(?:Document|Doc|ECF\s+No\.)\s*(?:#\s*:?\s*)?(\d+)(?:-\d+)?,?(?:\s+Page\s*ID\s*[.#:]*\s*[\d,]+)?\s+Filed:?\s+(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+Entered:?\s+\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+[\d:]+)?)?(?:\s+Desc\b[^\n]{0,60}?)?\s+Page:?\s+(\d+)\s+of\s+(\d+)(?:\s+Page\s*ID\s*[.#:]*\s*[\d,]+)?\s*$/i;
// Courts of appeals: "Case: 20-16408, 12/08/2020, ID: 11919185, DktEntry: 64-1, Page 1 of 30".
const APPELLATE_HEADER =
  /^\s*Case:\s*(\S+?),\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),\s*ID:\s*\d+,\s*DktEntry:\s*(\d+)(?:-\d+)?,\s*Page\s+(\d+)\s+of\s+(\d+)\s*$/i;

function isoDate(month: string, day: string, year: string): string {
  // Two-digit ECF years are this century: federal e-filing started in the 2000s.
  const fullYear = year.length === 2 ? `20${year}` : year;
  return `${fullYear}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Parses an ECF running header line; undefined for any other line. */
export function parseEcfHeader(line: string): EcfHeader | undefined {
  const d = DISTRICT_HEADER.exec(line);
  if (d !== null) {
    const [, docket = '', ecf = '', month = '', day = '', year = '', page = '', count = ''] = d;
    return { docket, ecf: Number(ecf), date: isoDate(month, day, year), page: Number(page), pageCount: Number(count) };
  }
  const a = APPELLATE_HEADER.exec(line);
  if (a !== null) {
    const [, docket = '', month = '', day = '', year = '', ecf = '', page = '', count = ''] = a;
    return { docket, ecf: Number(ecf), date: isoDate(month, day, year), page: Number(page), pageCount: Number(count) };
  }
  return undefined;
}

const MIN_PLEADING_NUMBERS = 8;

/**
 * Strips pleading-paper line numbers from one page: a leading 1–28 followed by spaces (or alone on its
 * line), accepted only when at least 8 such lines count upward down the page, so a numbered list or a
 * paragraph number ("42. …", which has a period) is left alone. A numbered line without text is a blank
 * pleading line, so it becomes "" (a vertical gap). The number is replaced by spaces so indentation survives.
 */
export function stripPleadingNumbers(lines: readonly string[]): string[] {
  const candidates: { index: number; value: number; width: number }[] = [];
  lines.forEach((line, index) => {
    const m = /^(\s*)(\d{1,2})(?=\s|$)/.exec(line);
    if (m === null) return;
    const value = Number(m[2]);
    if (value >= 1 && value <= 28) candidates.push({ index, value, width: m[0].length });
  });
  // Longest run where each number is 1–3 above the previous one (a blank pleading line may be missing).
  let best: typeof candidates = [];
  let run: typeof candidates = [];
  for (const c of candidates) {
    const prev = run[run.length - 1];
    if (prev !== undefined && c.value > prev.value && c.value - prev.value <= 3) run.push(c);
    else run = [c];
    if (run.length > best.length) best = run;
  }
  if (best.length < MIN_PLEADING_NUMBERS) return [...lines];
  const strip = new Map(best.map((c) => [c.index, c.width]));
  const out: string[] = [];
  lines.forEach((line, index) => {
    const width = strip.get(index);
    if (width === undefined) {
      out.push(line);
      return;
    }
    const rest = line.slice(width);
    out.push(rest.trim().length > 0 ? ' '.repeat(width) + rest : '');
  });
  return out;
}

/** "4", "- 4 -", "Page 4", "Page 4 of 10", "4 of 10", "-4-": a bare page number. */
const PAGE_NUMBER_LINE = /^\s*(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*[-–—])?\s*$/i;
/** "ii", "- iv -": front-matter page numbers; lowercase only, since "I" and "II" are section headings. */
const ROMAN_PAGE_NUMBER_LINE = /^\s*(?:[-–—]\s*)?[ivxl]{1,6}(?:\s*[-–—])?\s*$/;

export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(line) || ROMAN_PAGE_NUMBER_LINE.test(line);
}

/**
 * A top-of-page running head with its page number set apart by a wide gap, as laid out text shows it:
 * "2           FISHER v. UNIVERSITY OF TEXAS AT AUSTIN" or "Cite as: 570 U. S. ____ (2013)        3".
 */
export function isNumberedHeaderLine(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_HEADER_LENGTH && (/^\d{1,4} {3,}\S/.test(text) || /\S {3,}\d{1,4}$/.test(text));
}

/** How many non-empty lines at the top and at the bottom of a page count as header/footer zone. */
const EDGE_LINES = 2;
/** Repeated edge lines longer than this are body text that happens to repeat, not a running header. */
const MAX_HEADER_LENGTH = 90;

/** A line with its digits masked so "Page 3" and "Page 4" (or "Cite as … 3") compare equal. */
function headerKey(line: string): string {
  return line.trim().replace(/\s+/g, ' ').replace(/\d+/g, '#').toLowerCase();
}

function edgeIndexes(lines: readonly string[]): number[] {
  const filled = lines.flatMap((l, i) => (l.trim().length > 0 ? [i] : []));
  return [...new Set([...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)])];
}

/**
 * Whether a line is a short line seen in the top or bottom two lines of several pages (2 pages for
 * documents of up to 5 pages, else 3), compared with digits masked. Lines with fewer than 4 letters
 * never count (section numerals "I", "II" are not furniture).
 */
export function repeatedHeaderTest(pages: readonly (readonly string[])[]): (line: string) => boolean {
  const seenOn = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edgeIndexes(lines).map((i) => headerKey(lines[i] ?? '')));
    for (const key of keys) seenOn.set(key, (seenOn.get(key) ?? 0) + 1);
  }
  const minRepeats = pages.length <= 5 ? 2 : 3;
  return (line) => {
    const key = headerKey(line);
    const letters = key.replace(/[^\p{L}]/gu, '').length;
    return letters >= 4 && key.length <= MAX_HEADER_LENGTH && (seenOn.get(key) ?? 0) >= minRepeats;
  };
}

export interface RunningHeaders {
  pages: string[][];
  /** Per page: the ECF header found on it, if any. */
  ecf: (EcfHeader | undefined)[];
}

/**
 * Removes, on every page: ECF running headers (anywhere on the page, with the page's number kept),
 * bare page-number lines among the top or bottom three lines, a first line that is a running head with a
 * page number set apart by a wide gap (`isNumberedHeaderLine`), and repeated header lines (`repeatedHeaderTest`).
 */
export function stripRunningHeaders(pages: readonly (readonly string[])[]): RunningHeaders {
  const ecf: (EcfHeader | undefined)[] = [];
  const withoutEcf = pages.map((lines) => {
    let found: EcfHeader | undefined;
    const kept = lines.filter((line) => {
      const header = parseEcfHeader(line);
      if (header === undefined) return true;
      found ??= header;
      return false;
    });
    ecf.push(found);
    return kept;
  });

  const isRepeatedHeader = repeatedHeaderTest(withoutEcf);

  const cleaned = withoutEcf.map((lines) => {
    // Look at the top and bottom lines (a footer can sit under a header line) and drop the furniture.
    const filled = lines.flatMap((l, i) => (l.trim().length > 0 ? [i] : []));
    const top = filled.slice(0, EDGE_LINES + 1);
    const bottom = filled.slice(-(EDGE_LINES + 1));
    const drop = new Set<number>();
    for (const i of new Set([...top, ...bottom])) {
      const line = lines[i] ?? '';
      if (isPageNumberLine(line) || isRepeatedHeader(line)) drop.add(i);
    }
    const first = filled[0];
    if (first !== undefined && isNumberedHeaderLine(lines[first] ?? '')) drop.add(first);
    return trimBlankEdges(lines.filter((_, i) => !drop.has(i)));
  });
  return { pages: cleaned, ecf };
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start += 1;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return lines.slice(start, end);
}
