import type { PageSpan } from '../types.js';

/** Facts found in the file itself (running header, HTML head); nothing is guessed. */
export interface ExtractedMeta {
  title?: string;
  ecf?: number;
  docket?: string;
  /** ISO date (YYYY-MM-DD). */
  date?: string;
  url?: string;
}

/** What the PDF and HTML extractors hand the loader. */
export interface ExtractedText {
  /** The cleaned display text: paragraphs separated by one blank line; quotes are exact substrings of it. */
  text: string;
  /**
   * Offset map: [start, end) of `text` per page, in document order. The blank-line separator between two
   * pages belongs to neither page; use `pageAt` to map an offset to its page.
   */
  pages?: PageSpan[];
  meta: ExtractedMeta;
  warnings: string[];
}

/**
 * The page an offset of the text falls on: the span containing it, else (an offset inside a separator)
 * the next page, else the last page. Undefined when there is no page map.
 */
export function pageAt(pages: readonly PageSpan[] | undefined, offset: number): number | undefined {
  if (pages === undefined || pages.length === 0) return undefined;
  for (const span of pages) {
    if (offset < span.end) return span.page;
  }
  return pages[pages.length - 1]?.page;
}
