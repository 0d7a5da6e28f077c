/**
 * Builds small PDFs inside tests (pdf-lib): positioned lines per page, optional pleading-paper line
 * numbers in the left margin, and text with ligature characters (ﬁ ﬂ ﬀ ﬃ ﬄ), which the standard
 * WinAnsi encoding cannot write, drawn through a Times-Roman font whose encoding maps codes to the
 * ligature glyphs, so pdf.js reads them back as ligatures the way real typeset PDFs do.
 */
import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  PDFHexString,
  PDFName,
  setFontAndSize,
  showText,
  StandardFonts,
  type PDFPage,
} from 'pdf-lib';

export interface PdfLine {
  text: string;
  /** Baseline, in points from the bottom of a 792-point page. */
  y: number;
  /** Left edge; 72 (one inch) unless given. */
  x?: number;
  size?: number;
}

export interface PdfPage {
  lines: PdfLine[];
  /** Draw pleading-paper numbers 1–28 at x = 40, every 24 points from the top. */
  pleadingNumbers?: boolean;
}

export const PAGE_HEIGHT = 792;
export const BODY_LEFT = 72;

/** Lines flowing down from `top` every `leading` points, starting at `x`; "" leaves a blank line. */
export function flow(texts: readonly string[], options: { top?: number; leading?: number; x?: number } = {}): PdfLine[] {
  const { top = 700, leading = 24, x = BODY_LEFT } = options;
  const lines: PdfLine[] = [];
  texts.forEach((text, i) => {
    if (text !== '') lines.push({ text, y: top - i * leading, x });
  });
  return lines;
}

const LIGATURE_CODES: Record<string, [number, string]> = {
  ﬁ: [1, 'fi'],
  ﬂ: [2, 'fl'],
  ﬀ: [3, 'ff'],
  ﬃ: [4, 'ffi'],
  ﬄ: [5, 'ffl'],
};

function drawWithLigatures(doc: PDFDocument, page: PDFPage, line: PdfLine, size: number): void {
  const differences = [1, ...Object.values(LIGATURE_CODES).map(([, glyph]) => PDFName.of(glyph))];
  const fontRef = doc.context.register(
    doc.context.obj({
      Type: 'Font',
      Subtype: 'Type1',
      BaseFont: 'Times-Roman',
      Encoding: { Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: differences },
    }),
  );
  const name = page.node.newFontDictionary('Lig', fontRef);
  const hex = [...line.text]
    .map((ch) => {
      const code = LIGATURE_CODES[ch]?.[0] ?? ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`make-pdf: cannot encode ${JSON.stringify(ch)}`);
      return code.toString(16).padStart(2, '0');
    })
    .join('');
  page.pushOperators(
    beginText(),
    setFontAndSize(name, size),
    moveText(line.x ?? BODY_LEFT, line.y),
    showText(PDFHexString.of(hex)),
    endText(),
  );
}

/** A PDF with the given pages (US Letter); a page with no lines has no text layer at all. */
export async function makePdf(pages: readonly PdfPage[], options: { title?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (options.title !== undefined) doc.setTitle(options.title);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (const spec of pages) {
    const page = doc.addPage([612, PAGE_HEIGHT]);
    if (spec.pleadingNumbers === true) {
      for (let n = 1; n <= 28; n += 1) {
        page.drawText(String(n), { x: 40, y: 720 - (n - 1) * 24, size: 12, font });
      }
    }
    for (const line of spec.lines) {
      const size = line.size ?? 12;
      if (/[\uFB00-\uFB04]/.test(line.text)) drawWithLigatures(doc, page, line, size);
      else page.drawText(line.text, { x: line.x ?? BODY_LEFT, y: line.y, size, font });
    }
  }
  return doc.save();
}
