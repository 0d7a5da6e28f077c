/**
 * The page pipeline of PDFs: pleading numbers → running headers and footers → page numbers →
 * paragraphs with a page map.
 */
import { PinpointError } from '../errors.js';
import { layoutPages } from './clean-paragraphs.js';
import { stripPleadingNumbers, stripRunningHeaders } from './clean-pleading.js';
import type { ExtractedMeta, ExtractedText } from './extracted.js';

/** Why a page may arrive empty, so its warning can say so. */
export type EmptyReason = 'garbled';

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
 * Cleans physical pages of lines (leading spaces = indentation, "" = vertical gap) into display text.
 * Throws DOCUMENT_INVALID when no page keeps any text; empty pages are reported in `warnings`.
 */
export function cleanPages(
  rawPages: readonly (readonly string[])[],
  fileLabel: string,
  options: { emptyReasons?: ReadonlyMap<number, EmptyReason> } = {},
): ExtractedText {
  const { emptyReasons = new Map<number, EmptyReason>() } = options;
  const { pages, ecf } = stripRunningHeaders(rawPages.map(stripPleadingNumbers));
  const numbers = pageNumbers(ecf.map((h) => h?.page));
  const warnings: string[] = [];
  pages.forEach((lines, i) => {
    if (lines.length > 0) return;
    const number = numbers[i] ?? i + 1;
    if (emptyReasons.get(i) === 'garbled') {
      warnings.push(`page ${number} text is unreadable (a font without a Unicode map?); it was left out`);
    } else if ((rawPages[i] ?? []).some((line) => line.trim() !== '')) {
      warnings.push(`page ${number} has no text besides its header, footer or page number (scanned?); OCR is not supported`);
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
  return { text: laid.text, pages: laid.pages, meta, warnings };
}
