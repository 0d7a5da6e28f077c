/**
 * PDF → cleaned display text with a page offset map, using unpdf's bundled pdf.js (no worker, works on
 * Node 20). Page furniture is removed, paragraphs rebuilt, and ECF header facts kept as metadata.
 */
import { getDocumentProxy } from 'unpdf';
import { PinpointError } from '../errors.js';
import { layoutPages } from './clean-paragraphs.js';
import { stripPleadingNumbers, stripRunningHeaders } from './clean-pleading.js';
import type { ExtractedMeta, ExtractedText } from './extracted.js';
import { pageLines, toPositionedText } from './pdf-lines.js';

/** Share of replacement/private-use characters above which a page's text is called garbled. */
const GARBLED_SHARE = 0.2;

async function openPdf(bytes: Uint8Array, fileLabel: string): ReturnType<typeof getDocumentProxy> {
  try {
    // pdf.js may take ownership of (detach) the buffer it is given: hand it a copy.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PinpointError(
      'DOCUMENT_INVALID',
      `pinpoint: ${fileLabel} is not a readable PDF (${reason}); re-export it as PDF or add a .txt transcript`,
      { cause: error },
    );
  }
}

/** The PDF's own Title, unless it is a word processor's file name ("Microsoft Word - compl.docx"). */
function usableTitle(info: unknown): string | undefined {
  if (typeof info !== 'object' || info === null || !('Title' in info)) return undefined;
  const title = (info as { Title: unknown }).Title;
  if (typeof title !== 'string') return undefined;
  const trimmed = title.trim();
  if (trimmed === '' || /^microsoft\s+\w+\s+-/i.test(trimmed) || /\.(docx?|wpd|pdf|rtf|odt)$/i.test(trimmed)) {
    return undefined;
  }
  return trimmed;
}

function looksGarbled(lines: readonly string[]): boolean {
  const text = lines.join('').replace(/\s/g, '');
  if (text.length === 0) return false;
  const bad = text.match(/[\uFFFD\uE000-\uF8FF]/g)?.length ?? 0;
  return bad / text.length > GARBLED_SHARE;
}

/**
 * Page numbers to report: the ECF header's "Page N" where a page has one; a page without it counts on
 * from the nearest earlier header page (or back from a later one); else the physical page number.
 */
export function pageNumbers(headerPages: readonly (number | undefined)[]): number[] {
  return headerPages.map((own, i) => {
    if (own !== undefined) return own;
    for (let j = i - 1; j >= 0; j -= 1) {
      const before = headerPages[j];
      if (before !== undefined) return before + (i - j);
    }
    for (let j = i + 1; j < headerPages.length; j += 1) {
      const after = headerPages[j];
      if (after !== undefined) return Math.max(1, after - (j - i));
    }
    return i + 1;
  });
}

/**
 * Extracts a PDF's text page by page. Throws DOCUMENT_INVALID when the bytes are not a PDF or when no
 * page has a text layer; pages without text (or with unreadable text) are reported in `warnings`.
 */
export async function extractPdf(bytes: Uint8Array, fileLabel: string): Promise<ExtractedText> {
  const pdf = await openPdf(bytes, fileLabel);
  try {
    const rawPages: string[][] = [];
    const garbled = new Set<number>();
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const lines = pageLines(toPositionedText(content.items));
      if (looksGarbled(lines)) {
        garbled.add(number - 1);
        lines.length = 0;
      }
      rawPages.push(lines);
      page.cleanup();
    }
    const { pages, ecf } = stripRunningHeaders(rawPages.map(stripPleadingNumbers));
    const numbers = pageNumbers(ecf.map((h) => h?.page));
    const warnings: string[] = [];
    pages.forEach((lines, i) => {
      if (lines.length > 0) return;
      const number = numbers[i] ?? i + 1;
      if (garbled.has(i)) {
        warnings.push(`page ${number} text is unreadable (a font without a Unicode map?); it was left out`);
      } else if ((rawPages[i] ?? []).length > 0) {
        warnings.push(`page ${number} has no text besides its running header (scanned?); OCR is not supported`);
      } else warnings.push(`page ${number} has no text layer (scanned?); OCR is not supported`);
    });
    if (pages.every((lines) => lines.length === 0)) {
      throw new PinpointError(
        'DOCUMENT_INVALID',
        `pinpoint: ${fileLabel} has no text layer (a scanned PDF?); OCR is not supported — add a text PDF or a .txt transcript`,
      );
    }
    const laid = layoutPages(pages, numbers);
    const meta: ExtractedMeta = {};
    const header = ecf.find((h) => h !== undefined);
    if (header !== undefined) {
      meta.docket = header.docket;
      meta.ecf = header.ecf;
      meta.date = header.date;
    }
    const info = await pdf.getMetadata().catch(() => undefined);
    const title = usableTitle(info?.info);
    if (title !== undefined) meta.title = title;
    return { text: laid.text, pages: laid.pages, meta, warnings };
  } finally {
    // Frees pdf.js's in-process worker state for this document.
    await pdf.loadingTask.destroy();
  }
}
