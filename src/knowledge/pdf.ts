/**
 * PDF → cleaned display text with a page offset map, using unpdf's bundled pdf.js (no worker, works on
 * Node 20). Page furniture is removed, paragraphs rebuilt, and ECF header facts kept as metadata.
 */
import { getDocumentProxy } from 'unpdf';
import { PinpointError } from '../errors.js';
import { cleanPages, type EmptyReason } from './clean-pages.js';
import type { ExtractedText } from './extracted.js';
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

/** The PDF's own Title, unless it is a word processor's placeholder ("Microsoft Word - compl.docx", "Untitled"). */
function usableTitle(info: unknown): string | undefined {
  if (typeof info !== 'object' || info === null || !('Title' in info)) return undefined;
  const title = (info as { Title: unknown }).Title;
  if (typeof title !== 'string') return undefined;
  const trimmed = title.trim();
  if (
    trimmed === '' ||
    /^(?:untitled|document\s*\d*)$/i.test(trimmed) ||
    /^microsoft\s+\w+\s+-/i.test(trimmed) ||
    /\.(docx?|wpd|pdf|rtf|odt)$/i.test(trimmed)
  ) {
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
 * Extracts a PDF's text page by page. Throws DOCUMENT_INVALID when the bytes are not a PDF or when no
 * page has a text layer; pages without text (or with unreadable text) are reported in `warnings`.
 */
export async function extractPdf(bytes: Uint8Array, fileLabel: string): Promise<ExtractedText> {
  const pdf = await openPdf(bytes, fileLabel);
  try {
    const rawPages: string[][] = [];
    const emptyReasons = new Map<number, EmptyReason>();
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const lines = pageLines(toPositionedText(content.items));
      if (looksGarbled(lines)) {
        emptyReasons.set(number - 1, 'garbled');
        lines.length = 0;
      }
      rawPages.push(lines);
      page.cleanup();
    }
    const extracted = cleanPages(rawPages, fileLabel, { emptyReasons });
    const info = await pdf.getMetadata().catch(() => undefined);
    const title = usableTitle(info?.info);
    if (title !== undefined) extracted.meta.title = title;
    return extracted;
  } finally {
    // Frees pdf.js's in-process worker state for this document.
    await pdf.loadingTask.destroy();
  }
}
