import { hash } from 'node:crypto';
import { breaksWord } from './broken-word.js';
import { fencedCode } from './code-fences.js';
import { headingText } from './heading-text.js';
import { isPageNumberLine, parseEcfHeader, repeatedHeaderTest } from './knowledge/clean-pleading.js';
import { QUOTATION_NOTE, splitSentences } from './answer/sentences.js';
import { CENTERED_INDENT, splitAtIndents } from './indented-paragraphs.js';
import { TERMINAL } from './knowledge/clean-paragraphs.js';
import { pageAt as pageOfOffset } from './knowledge/extracted.js';
import { STOP_WORDS } from './search/stopwords.js';
import type { Document, Locator, Passage } from './types.js';

/** Paragraphs longer than this are cut at sentence ends so one passage stays quotable and rankable. */
export const MAX_PASSAGE_CHARS = 1200;

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
// "[Page 4]", "[Page 4 of 12]", "-- Page 4 --", "— Page 4 —", "Page 4 of 12".
const PAGE_MARKER = /^\s*(?:\[\s*page\s+(\d+)(?:\s+of\s+\d+)?\s*\]|[-–—]+\s*page\s+(\d+)(?:\s+of\s+\d+)?\s*[-–—]+|page\s+(\d+)(?:\s+of\s+\d+)?)\s*$/i;
// A filing's own paragraph number: "42. Plaintiffs allege …" (not "2011. The …" years, so at most 4 digits and a capital or quote after).
const NUMBERED_PARAGRAPH = /^\s*(?!(?:1[6-9]|20)\d\d\.)(\d{1,4})\.\s+(?=[A-Z“"'([])/;

interface Block {
  start: number;
  end: number;
  /** Cut out of a longer paragraph in the middle of a sentence (no sentence end near the limit). */
  cutBefore?: boolean;
  cutAfter?: boolean;
}

/**
 * A block this short that is not a sentence (a heading, a caption or signature line, "Hon. A. Grimes")
 * is read together with the next one: alone it is rarely what answers, and it names what follows.
 */
const SHORT_BLOCK_CHARS = 100;
/** A run of short blocks is flushed as a passage of its own once it grows past this. */
const MAX_SHORT_RUN_CHARS = 400;
// An outline heading of a plain-text filing: "IV. DISCUSSION", "B. Procedural Due Process Claim (Count Two)".
const OUTLINE_HEADING = /^(?:[IVXLC]{1,6}|[A-Z])\.\s+\S.*[^.,;:]$/;
/**
 * The line that opens one opinion of a court's decision: "JUSTICE THOMAS, concurring.", "CHIEF JUSTICE
 * ROBERTS, dissenting.", "JUSTICE KENNEDY delivered the opinion of the Court." (the label without its period).
 */
const OPINION_OPENER = /^\s*((?:CHIEF\s+)?JUSTICE\s+[A-Z'’-]+(?:,\s+(?:concurring|dissenting)[\w ,]*|\s+delivered the opinion of the Court))\.\s*$/m;
// A numbered section of a paper or brief: "2.1 Related Work", "3 Results" (a few words, no punctuation).
const NUMBERED_HEADING = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}[^,;:.]*$/u;
const MAX_HEADING_WORDS = 8;
// A whole line in Markdown's bold: "**Procedural History**", "__FACTS__".
const BOLD_LINE = /^(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1$/;
/** How a numbered section title opens: "13. ", "2.1. ", or with its name, "Section 2.1 ", "Article 4. ". */
const NUMBER_OPENING = String.raw`(?:(?:Section|SECTION|Article|ARTICLE)\s+\d{1,2}(?:\.\d{1,2})*\.?|\d{1,2}(?:\.\d{1,2})*\.)\s+`;
// A numbered title of a section, with or without its period: "13. Use with the GNU Affero General Public License.",
// "8. Termination.", "1. Assistance in Filling Out a Ballot Request Form".
const NUMBERED_TITLE = new RegExp(String.raw`^${NUMBER_OPENING}(\p{Lu}[^,;:.]*)\.?$`, 'u');
const MAX_TITLE_WORDS = 10;
// The same title run into its section's first paragraph: "2. Grant of Copyright License. Subject to …".
const RUN_IN_TITLE = new RegExp(String.raw`^${NUMBER_OPENING}(\p{Lu}[^,;:.\n]*)\.\s+(?=\p{Lu})`, 'u');
// Abbreviations that end a name, not a title: "12. Netflix Inc. is …".
const NAME_ENDING = /\b(?:Inc|Co|Corp|Ltd|LLC|LLP|Jr|Sr|No|Mr|Mrs|Ms|Dr|St)$/;
// A heading underlined on the next line, as plain text and Markdown write one: "1. Definitions" over "-----".
const UNDERLINED_HEADING = /^([^\n]{0,99}[^\n.,;:])\n[ \t]*(?:-{3,}|={3,})[ \t]*$/;
// A page marker on a line of its own inside a block, as some converters write pages with no blank line around them
// ("… on page one.\n[Page 2]\nThe next …"). Only the forms no wrapped sentence has a line of: not a bare "page 4".
const PAGE_MARKER_LINE = /^[ \t]*(?:\[[ \t]*page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?[ \t]*\]|[-–—]+[ \t]*page[ \t]+\d+(?:[ \t]+of[ \t]+\d+)?[ \t]*[-–—]+|page[ \t]+\d+[ \t]+of[ \t]+\d+)[ \t]*$/gim;
// A reporter's page that starts here, as opinions copied from case-law sites mark it: "[590 F.Supp.3d 859]",
// "[570 U. S. 301]", "[138 S. Ct. 1876]" (volume, reporter, page). The reporter is named so parallel citations'
// markers ("[133 S.Ct. 2411]" between "[570 U.S. 300]" markers) can be told apart.
const STAR_PAGE = /^\[[ \t]*\d{1,4}[ \t]+(\p{Lu}[\p{L}\d.' \t]{0,24}?)[ \t]+(\d{1,5})[ \t]*\]$/u;
// The same marker on a line of its own inside a block ("… or certificate as\n[590 F.Supp.3d 859]").
const STAR_PAGE_LINE = new RegExp(String.raw`^[ \t]*${STAR_PAGE.source.slice(1, -1)}[ \t]*$`, 'gmu');
// The heading over footnotes gathered at the end of a copied opinion: each stood on the page that cites it, not the last.
const NOTES_HEADING = /^(?:Notes|NOTES|Footnotes|FOOTNOTES):?$/;
// A page number alone on its line, bare or set between dashes as PDFs print it ("4", "- 4 -", "—4—").
const BARE_PAGE_NUMBER = /^(?:(\d{1,4})|[-–—]\s*(\d{1,4})\s*[-–—])$/;
// Markdown's link definitions ("[pip-tools]: https://github.com/jazzband/pip-tools#readme"), a block of them: where the
// text's links lead, never shown to a reader. A footnote's "[^1]: The module was added …" is text.
const LINK_DEFINITIONS = /^(?:[ \t]{0,3}\[[^\]^\n][^\]\n]*\]:[ \t]*\S+(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*(?:\n|$))+$/;
// A bundle's list of what it holds, each item over its own licence: "- ICU, located at deps/icu-small, is licensed as follows:".
const LISTED_COMPONENT = /^[-*•]\s+(\S[^\n]{0,150}?)\s+(?:is|are)\s+licensed\s+(?:as follows|under[^\n]*):\s*$/;

/**
 * Splits a document into passages: one per paragraph (blank-line separated), long ones cut at
 * sentence ends, short ones (headings, captions, signature lines) joined to the paragraph after them.
 * Markdown headings and page markers are not passages; they set the section and page of what
 * follows, as do outline and capitalised headings of plain text. Ids depend only on the document
 * id and the passage text, so they survive rebuilds.
 */
export function splitPassages(document: Document): Passage[] {
  const passages: Passage[] = [];
  const seen = new Map<string, number>();
  const { text } = document;
  let section: string | undefined;
  // The page the last marker named, and where the text after it (and after the page break it makes) starts.
  let marked: { page: number; from: number } | undefined;
  let ordinal = 0;
  let shortRunStart: number | undefined;
  let shortRunEnd = 0;
  const formFeeds = [...text.matchAll(/\f/g)].map((match) => match.index);
  const isFurniture = pageFurnitureTest(text, formFeeds);

  /** `paragraphStart`: where the paragraph itself begins, after any heading or caption joined to it. */
  const emit = (block: Block, paragraphStart = block.start) => {
    // The rest of a paragraph a page broke ("… against Meta and" | "[Page 2]" | "allege as follows.") is still that
    // paragraph: "¶ 1, p. 2", not the next one's number.
    const before = passages.at(-1);
    const blockText = text.slice(block.start, block.end);
    const numberedHere = numbersParagraphs ? NUMBERED_PARAGRAPH.exec(text.slice(paragraphStart, block.end)) : null;
    const continued = before !== undefined && (continuesSentence(before.text, blockText) || (!numberedHere && belongsToNumbered(before, blockText)));
    if (!continued) ordinal += 1;
    const numbered = continued ? null : numberedHere;
    const paragraph = continued ? before.locator.paragraph : numbered ? Number(numbered[1]) : ordinal;
    if (numbered && numbersSections) section = `Section ${paragraph}`;
    const isNumbered = continued ? before.locator.numbered === true : Boolean(numbered);
    for (const piece of cutLongBlock(text, block)) {
      const locator: Locator = { paragraph, numbered: isNumbered };
      const page = pageAt(document, piece.start, marked, formFeeds);
      if (page !== undefined) locator.page = page;
      if (section) locator.section = section;
      const passageText = text.slice(piece.start, piece.end);
      const passage: Passage = { id: passageId(document.id, passageText, seen), docId: document.id, text: passageText, start: piece.start, end: piece.end, locator };
      if (piece.cutBefore) passage.cutBefore = true;
      if (piece.cutAfter) passage.cutAfter = true;
      passages.push(passage);
    }
  };
  const flushShortRun = () => {
    if (shortRunStart !== undefined) emit({ start: shortRunStart, end: shortRunEnd });
    shortRunStart = undefined;
  };

  const comments = commentLineStarts(text);
  const blocks = paragraphBlocks(text, comments);
  const numbersSections = paragraphsAreSections(text, blocks);
  const numbersParagraphs = numbersSections || numberedBlocksAreParagraphs(text, blocks);
  const raws = blocks.map((block) => text.slice(block.start, block.end));
  // Only text with neither form feeds nor a PDF's page map tells its pages by marker lines and bare numbers.
  const pagesByLines = formFeeds.length === 0 && !document.pages;
  // In text whose pages only markers show, the text before a first "[Page 2]" or "- 2 -" is page 1; before a
  // later one its page is unknown.
  const firstMarker = pagesByLines ? raws.find((raw) => PAGE_MARKER.test(raw) || BARE_PAGE_NUMBER.test(raw) || parseEcfHeader(raw) !== undefined) : undefined;
  if (firstMarker !== undefined && pageMarkedBy(firstMarker) === 2) marked = { page: 1, from: 0 };
  // Numbers alone on their line, in order: one alone marks its page; among several, a page number is
  // believed when the pages run on from it.
  const bareNumbers = raws.flatMap((raw, at) => {
    const bare = BARE_PAGE_NUMBER.exec(raw);
    return bare ? [{ at, value: Number(bare[1] ?? bare[2]) }] : [];
  });
  const nextBareNumber = (at: number): number | undefined => bareNumbers.find((number) => number.at > at)?.value;
  // A text that ends with one numbers its pages at their foot, as a PDF copied page by page does: "3" closes
  // page 3, and the text before the first number is on that number's page. Otherwise a number heads its page.
  const [firstBare] = bareNumbers;
  const footers = pagesByLines && closesPages(bareNumbers, blocks.length);
  if (footers && firstBare && continuesPages(firstBare.value, undefined, nextBareNumber(firstBare.at))) marked = { page: firstBare.value, from: 0 };
  // So do marker lines ("Page 3 of 3", "[Page 3]") when the text ends with one that follows the one before.
  const markers = raws.flatMap((raw, at) => (PAGE_MARKER.test(raw) ? [{ at, value: pageMarkedBy(raw)! }] : []));
  const markerFooters = pagesByLines && closesPages(markers, blocks.length);
  if (markerFooters) marked = { page: markers[0]!.value, from: 0 };
  /** Whether the sentence a block leaves open goes on after a page break (a form feed, or marker blocks) in the next block with words. */
  const continuesPastPageBreak = (at: number): boolean => {
    for (let next = at + 1; next < raws.length; next++) {
      const raw = raws[next]!;
      const marksPage = pageMarkedBy(raw) !== undefined || STAR_PAGE.test(raw) || isFurniture?.(raw) === true || !/[\p{L}\p{N}]/u.test(raw);
      if (marksPage) continue;
      const pageBreak = next > at + 1 || text.slice(blocks[at]!.end, blocks[next]!.start).includes('\f');
      return pageBreak && continuesSentence(raws[at]!, raw);
    }
    return false;
  };
  // Markdown's HTML comments ("<!-- TODO: check the docket number -->") are notes to the author, never shown to a reader.
  const htmlComments = [...text.matchAll(/<!--[\s\S]*?-->/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const isHtmlComment = (block: Block) => htmlComments.some((comment) => block.start >= comment.start && block.end <= comment.end);
  let lastBare: number | undefined;
  // The reporter whose pages star markers count: the first one named (another's markers are parallel citations).
  let starReporter: string | undefined;
  for (const [at, block] of blocks.entries()) {
    const raw = raws[at]!;
    // Out of every passage, so a caption waiting for its paragraph is not read across it.
    if (isHtmlComment(block) || LINK_DEFINITIONS.test(raw)) {
      flushShortRun();
      continue;
    }
    // A form feed ends a run of short blocks, as a page marker does: what waits for its paragraph stays on its page.
    if (shortRunStart !== undefined && text.slice(shortRunEnd, block.start).includes('\f')) flushShortRun();
    const heading = comments.has(block.start) ? null : HEADING.exec(raw);
    const underlined = UNDERLINED_HEADING.exec(raw);
    if ((heading && !raw.includes('\n')) || underlined) {
      flushShortRun();
      section = headingText(heading?.[2] ?? underlined![1]!.trim());
      continue;
    }
    // A title over the text it names is read with that text, and is the section of what follows.
    const next = blocks[at + 1];
    const title = titleOver(raw, next && text.slice(next.start, next.end));
    if (title) {
      flushShortRun();
      section = title;
      shortRunStart = block.start;
      shortRunEnd = block.end;
      continue;
    }
    // "JUSTICE THOMAS, concurring.": the separate opinion that starts here is the section of what follows.
    // The pattern scans every line of every block; only a block naming a JUSTICE can match it.
    const opinion = raw.includes('JUSTICE') ? OPINION_OPENER.exec(raw) : null;
    if (opinion) section = opinion[1];
    // Page furniture, and dividers with nothing to read ("*   *   *", "_______"), are no passage.
    if (isFurniture?.(raw) || !/[\p{L}\p{N}]/u.test(raw)) continue;
    // "[590 F.Supp.3d 859]" is no passage; in text whose pages only markers show, it opens the reporter's page.
    const star = STAR_PAGE.exec(raw);
    if (star) {
      flushShortRun();
      const reporter = star[1]!.replace(/\s+/g, '');
      starReporter ??= reporter;
      if (pagesByLines && reporter === starReporter) marked = { page: Number(star[2]), from: skipSpace(text, block.end) };
      continue;
    }
    if (starReporter !== undefined && NOTES_HEADING.test(raw)) marked = undefined;
    // An ECF running header ("Case 3:20-cv-08570-JD Document 396 Filed 12/06/22 Page 4 of 12") heads the page it names.
    const ecfHeader = raw.includes('\n') ? undefined : parseEcfHeader(raw);
    if (ecfHeader) {
      flushShortRun();
      if (pagesByLines) marked = { page: ecfHeader.page, from: skipSpace(text, block.end) };
      continue;
    }
    const page = pageMarkedBy(raw);
    const bare = BARE_PAGE_NUMBER.test(raw);
    if (page !== undefined && (!bare || bareNumbers.length === 1 || continuesPages(page, lastBare, nextBareNumber(at)))) {
      // A caption or heading waiting for its paragraph stays on its own page, and the marker out of any passage.
      flushShortRun();
      // A form feed right after the marker is the same page break, not another one.
      marked = { page: (bare ? footers : markerFooters) ? page + 1 : page, from: skipSpace(text, block.end) };
      if (bare) lastBare = page;
      continue;
    }
    // A short numbered paragraph ("3. Lorrin Freeman, …; and") is a paragraph of its own: its ¶ must not cover the next.
    const introduces = raw.length <= MAX_SHORT_RUN_CHARS && raw.endsWith(':');
    // "1. Plaintiffs bring this action against Meta and" over a page break is a paragraph's last line on its page, no heading.
    const plainHeading = (isPlainHeading(raw) || isCenteredTitle(text, block)) && !continuesPastPageBreak(at);
    if ((introduces || (raw.length <= SHORT_BLOCK_CHARS && !/[.!?]["”’)\]]?$/.test(raw))) && (!NUMBERED_PARAGRAPH.test(raw) || plainHeading)) {
      if (plainHeading) {
        flushShortRun();
        section = headingText(raw);
      }
      shortRunStart ??= block.start;
      shortRunEnd = block.end;
      if (shortRunEnd - shortRunStart > MAX_SHORT_RUN_CHARS) flushShortRun();
      continue;
    }
    const runIn = RUN_IN_TITLE.exec(raw);
    if (runIn && isTitle(runIn[1]!) && !NAME_ENDING.test(runIn[1]!)) section = runIn[0].replace(/\.\s+$/, '');
    // "Plaintiffs allege as follows:" introduces all of a filing's numbered paragraphs, not the first: cited "¶ 1", its
    // quote pointed at a paragraph that does not hold it.
    if (shortRunStart !== undefined && numbersParagraphs && NUMBERED_PARAGRAPH.test(raw) && /:\s*$/.test(text.slice(shortRunStart, shortRunEnd))) flushShortRun();
    const start = shortRunStart ?? block.start;
    shortRunStart = undefined;
    emit({ start, end: block.end }, block.start);
  }
  flushShortRun();
  markSentencesBrokenAcrossBlocks(passages);
  return passages;
}

/**
 * Whether a number alone on its line ("4") numbers a page: it follows the number before it, or it opens
 * the numbering (1 or 2) or a run the next such number continues ("725" then "726", a reporter's pages,
 * or after a page whose number the text lost). A "725" in a list among the page numbers numbers no page.
 */
function continuesPages(page: number, lastBare: number | undefined, nextBare: number | undefined): boolean {
  if (lastBare === undefined ? page <= 2 : page === lastBare + 1) return true;
  return page > (lastBare ?? 0) && nextBare === page + 1;
}

/** Whether page numbers close their pages: the last block is one, and it follows the number before it. */
function closesPages(numbers: readonly { at: number; value: number }[], blockCount: number): boolean {
  const [beforeLast, last] = numbers.slice(-2);
  return last !== undefined && last.at === blockCount - 1 && last.value === beforeLast!.value + 1;
}

/** The page a block marks ("[Page 2]", "Page 2 of 9", a bare "2", an ECF header's "Page 2 of 9"), if it is a page marker. */
function pageMarkedBy(block: string): number | undefined {
  const marker = PAGE_MARKER.exec(block) ?? BARE_PAGE_NUMBER.exec(block);
  return marker ? Number(marker[1] ?? marker[2] ?? marker[3]) : parseEcfHeader(block)?.page;
}

/**
 * A sentence a page break (or a stray blank line) runs across ends one passage and opens the next
 * ("… the correct standard of strict" | "scrutiny, its decision …"): both are marked cut there, so a
 * quote of either end shows an ellipsis instead of passing for a whole sentence. So is a sentence whose
 * page ends in footnotes: the body's last passage stops in a broken word ("… a definite and close rela-"),
 * and the next page's first opens in lowercase ("tionship to the prevention …"), the footnotes between them.
 */
function markSentencesBrokenAcrossBlocks(passages: Passage[]): void {
  for (let i = 1; i < passages.length; i++) {
    const before = passages[i - 1]!;
    const after = passages[i]!;
    if (BROKEN_WORD_END.test(before.text)) before.cutAfter = true;
    if (opensPageMidSentence(before, after)) after.cutBefore = true;
    if (!continuesSentence(before.text, after.text)) continue;
    before.cutAfter = true;
    after.cutBefore = true;
  }
  const last = passages.at(-1);
  if (last && BROKEN_WORD_END.test(last.text)) last.cutAfter = true;
}

// A word a line end broke with a hyphen, the rest of it elsewhere: no paragraph ends so.
const BROKEN_WORD_END = /\p{L}-$/u;

/** Whether a passage is the first of its page and opens in lowercase: it goes on with a sentence of the page before. */
function opensPageMidSentence(before: Passage, after: Passage): boolean {
  const { page } = after.locator;
  return page !== undefined && before.locator.page !== undefined && page > before.locator.page && /^\p{Ll}/u.test(after.text);
}

// A filing's subparagraph or list item: "(a) it read …", "b. It shared …", "ii. It hid …", "(3) …", "- …".
const SUBPARAGRAPH = /^(?:\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)|(?:[a-z]|[ivx]{1,5})[.)]|[-•*])\s/;

/**
 * Whether an unnumbered block is part of the numbered paragraph before it: what "42. Meta did the following:"
 * introduces (its subparagraphs, a block quotation), and the subparagraphs after those. It is cited "¶ 42", not as the
 * document's Nth block.
 */
function belongsToNumbered(before: Passage, block: string): boolean {
  return before.locator.numbered === true && (/:\s*$/.test(before.text) || SUBPARAGRAPH.test(block));
}

/** Whether a passage's text goes on with the sentence the one before it left open (it opens in lowercase). */
function continuesSentence(before: string, after: string): boolean {
  // The lowercase start first: TERMINAL reads the whole passage to find its end.
  return /^\p{Ll}/u.test(after) && !TERMINAL.test(before);
}

/**
 * For laid-out text with pages split by form feeds (a PDF's text as `pdftotext -layout` writes it):
 * whether a block is only page furniture — running headers repeated at the top or bottom of pages
 * ("2   FISHER v. UNIVERSITY OF TEXAS", "Opinion of the Court"), ECF headers or page numbers. Such a
 * block is not a passage: it says nothing, yet would match every question naming the case.
 */
function pageFurnitureTest(text: string, formFeeds: readonly number[]): ((block: string) => boolean) | undefined {
  if (formFeeds.length === 0) return undefined;
  const isRepeatedHeader = repeatedHeaderTest(text.split('\f').map((page) => page.split('\n')));
  return (block) => block.split('\n').every((line) => line.trim() === '' || isRepeatedHeader(line) || parseEcfHeader(line) !== undefined || isPageNumberLine(line));
}

/** An outline heading ("IV. DISCUSSION"), a numbered one ("2.1 Related Work") or a line in capitals ("STATEMENT OF THE CASE"). */
function isPlainHeading(line: string): boolean {
  if (line.includes('\n') || /[.;,:]$/.test(line)) return false;
  if (OUTLINE_HEADING.test(line)) return true;
  // A line set in bold alone, as Markdown writers make a heading: "**Procedural History**".
  const bold = BOLD_LINE.exec(line)?.[2];
  if (bold !== undefined) return !/[.;,:]$/.test(bold) && bold.split(/\s+/).length <= MAX_HEADING_WORDS && namesSomething(bold);
  // "2 The" is a footnote's number and first word, not a heading: a heading names something.
  if (NUMBERED_HEADING.test(line) && line.split(/\s+/).length <= MAX_HEADING_WORDS) return namesSomething(line.replace(/^[\d.]+\s+/, ''));
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && !NUMBERED_PARAGRAPH.test(line);
}

/**
 * A title alone on its line and set far in, as plain text centres one: the GPL's "Preamble" and "How to Apply These
 * Terms to Your New Programs". (A title in capitals is a heading wherever it stands.)
 */
function isCenteredTitle(text: string, block: Block): boolean {
  const lineStart = text.lastIndexOf('\n', block.start - 1) + 1;
  if (block.start - lineStart < CENTERED_INDENT || !/^[ \t]*$/.test(text.slice(lineStart, block.start))) return false;
  const line = text.slice(block.start, block.end);
  // An outline's centred "II" or "B" numbers a part, and names none.
  return !line.includes('\n') && !/[.;,:]$/.test(line) && /^\p{Lu}/u.test(line) && line.replace(/[^\p{L}]/gu, '').length >= 4 && isTitle(line) && namesSomething(line);
}

/** The title a block gives what follows: a bundle's "ICU, located at deps/icu-small" or a numbered "8. Termination". */
function titleOver(block: string, nextBlock: string | undefined): string | undefined {
  const component = LISTED_COMPONENT.exec(block)?.[1];
  if (component) return component.replace(/,$/, '');
  return isNumberedTitle(block, nextBlock) ? block.replace(/\.$/, '') : undefined;
}

/**
 * "8. Termination." alone on its line, over text that is no numbered paragraph: a list of short numbered
 * paragraphs ("12. Denied." over "13. Admitted.") is an answer to a complaint, not a run of headings.
 */
function isNumberedTitle(line: string, nextBlock: string | undefined): boolean {
  const title = NUMBERED_TITLE.exec(line)?.[1];
  if (!title || line.includes('\n') || nextBlock === undefined || NUMBERED_PARAGRAPH.test(nextBlock)) return false;
  return isTitle(title);
}

/** A few words, each that names something capitalised: "Use with the GNU Affero General Public License". */
function isTitle(title: string): boolean {
  const words = title.split(/\s+/);
  return words.length <= MAX_TITLE_WORDS && words.every((word) => STOP_WORDS.has(word.toLowerCase()) || /^[\p{Lu}\d"'“(]/u.test(word));
}

/**
 * Whether the blocks opening with a number ("1. The plaintiff is likely …") are the document's own numbered paragraphs,
 * cited "¶ 1": a filing is mostly such paragraphs. A few among an opinion's many unnumbered ones are the items of a
 * list (the factors of a test, the defendants sued), cited as the opinion's paragraphs they are.
 */
function numberedBlocksAreParagraphs(text: string, blocks: readonly Block[]): boolean {
  let numbered = 0;
  let unnumbered = 0;
  for (const block of blocks) {
    if (NUMBERED_PARAGRAPH.test(text.slice(block.start, Math.min(block.end, block.start + 12)))) numbered++;
    // Headings, captions and page numbers are short: only paragraphs that say something count against.
    else if (block.end - block.start > SHORT_BLOCK_CHARS) unnumbered++;
  }
  return numbered > 0 && numbered >= unnumbered;
}

/** "Sections 1 and 2 above", "under Section 6": the text citing one of its own sections (not "Section 2 of the Sherman Act"). */
const OWN_SECTION_REFERENCE = /\bsections?\s+(\d{1,2})\b(?!\s+of\b)/gi;
const MIN_SECTION_REFERENCES = 2;
const MIN_SECTION_REFERENCE_SHARE = 0.1;

/**
 * Whether the document's numbered paragraphs are its sections, as in the GPL 2 ("0. This License
 * applies …", "a) You must cause …"): its text cites several of those numbers as "Section N". A
 * complaint's numbered paragraphs are cited "¶ N", and its "Section 2" is a statute's.
 */
function paragraphsAreSections(text: string, blocks: readonly Block[]): boolean {
  const numbers = new Set<string>();
  for (const block of blocks) {
    const numbered = NUMBERED_PARAGRAPH.exec(text.slice(block.start, Math.min(block.end, block.start + 12)));
    if (numbered) numbers.add(String(Number(numbered[1])));
  }
  if (numbers.size === 0) return false;
  const cited = new Set([...text.matchAll(OWN_SECTION_REFERENCE)].map((match) => String(Number(match[1]))).filter((number) => numbers.has(number)));
  return cited.size >= MIN_SECTION_REFERENCES && cited.size >= MIN_SECTION_REFERENCE_SHARE * numbers.size;
}

/**
 * Where each line of a comment block starts (its `#`): two or more lines in a row opening with the
 * same run of `#`, as a licence quoting a script's comments writes them ("# The Google Chrome software
 * developed by Google is licensed under" over "# the BSD license."). Such lines are text, not headings.
 */
function commentLineStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const lines = [...text.matchAll(/^[ \t]*(#+)(?=\s|$)/gm)];
  for (const [i, line] of lines.entries()) {
    const lineEnd = text.indexOf('\n', line.index);
    const next = lines[i + 1];
    if (lineEnd === -1 || next?.index !== lineEnd + 1 || next[1] !== line[1]) continue;
    starts.add(line.index + line[0].length - line[1]!.length);
    starts.add(next.index + next[0].length - next[1]!.length);
  }
  return starts;
}

function namesSomething(words: string): boolean {
  return words.split(/\s+/).some((word) => !STOP_WORDS.has(word.toLowerCase()));
}

function passageId(docId: string, text: string, seen: Map<string, number>): string {
  // One-shot hash: a Hash object per passage cost more than hashing the text (10,000 passages: ~20 ms).
  const base = hash('sha256', `${docId}\0${text}`, 'base64url').slice(0, 12);
  const count = (seen.get(base) ?? 0) + 1;
  seen.set(base, count);
  return count === 1 ? base : `${base}.${count}`;
}

/**
 * Blank-line separated blocks, trimmed, with form feeds treated as breaks too; in laid-out text, also
 * where a line's indentation starts a paragraph (`splitAtIndents`).
 */
function paragraphBlocks(text: string, comments: ReadonlySet<number>): Block[] {
  const blocks: Block[] = [];
  const separator = /\n[ \t]*(?:\n|\f)[\s\f]*|\f[\s\f]*/g;
  let cursor = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) blocks.push({ start, end });
  };
  for (const match of text.matchAll(separator)) {
    if (breaksWord(text, match.index, match.index + match[0].length)) continue;
    push(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  push(cursor, text.length);
  // A heading line directly followed by text (no blank line) is still a heading.
  const split = blocks.flatMap((whole) => splitAtPageMarkers(text, whole)).flatMap((whole) => withoutQuotationNote(text, whole)).flatMap((whole) => splitAtIndents(text, whole)).flatMap((block) => {
    const firstLineEnd = text.indexOf('\n', block.start);
    if (firstLineEnd === -1 || firstLineEnd >= block.end) return [block];
    const firstLine = text.slice(block.start, firstLineEnd);
    if (comments.has(block.start) || !(HEADING.test(firstLine) || LISTED_COMPONENT.test(firstLine))) return [block];
    const rest = { start: firstLineEnd + 1, end: block.end };
    while (rest.start < rest.end && /\s/.test(text[rest.start]!)) rest.start++;
    return [{ start: block.start, end: firstLineEnd }, rest];
  });
  return withCodeWhole(text, split);
}

/**
 * The blocks with each closed fenced code block ("```bash" … "```") as one block of its own: a "# comment" inside is no
 * heading, and its blank lines and indentation cut no paragraph. The text around it stays in its blocks.
 */
function withCodeWhole(text: string, blocks: Block[]): Block[] {
  const code = fencedCode(text).filter((fenced) => fenced.closed);
  if (code.length === 0) return blocks;
  const whole: Block[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) whole.push({ start, end });
  };
  for (const block of blocks) {
    let start = block.start;
    for (const fenced of code) {
      if (fenced.end <= start || fenced.start >= block.end) continue;
      push(start, fenced.start);
      start = Math.max(start, fenced.end);
    }
    push(start, block.end);
  }
  whole.push(...code.map(({ start, end }) => ({ start, end })));
  return whole.sort((a, b) => a.start - b.start);
}

/**
 * A block opening with the note on the quotation above it ("(emphasis added). Electioneering is prohibited …"), as the
 * block after the note: a quote of the block would open with it, and it says nothing of its own.
 */
function withoutQuotationNote(text: string, block: Block): Block[] {
  const note = QUOTATION_NOTE.exec(text.slice(block.start, Math.min(block.end, block.start + 80)));
  if (!note) return [block];
  const start = skipSpace(text, block.start + note[0].length);
  return start < block.end ? [{ start, end: block.end }] : [];
}

/** A block with page marker lines inside it, as the text before each marker, the marker and the text after it. */
function splitAtPageMarkers(text: string, block: Block): Block[] {
  const raw = text.slice(block.start, block.end);
  if (!raw.includes('\n')) return [block];
  const pieces: Block[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) pieces.push({ start, end });
  };
  let start = block.start;
  const markers = [...raw.matchAll(PAGE_MARKER_LINE), ...raw.matchAll(STAR_PAGE_LINE), ...ecfHeaderLines(raw)].sort((a, b) => a.index - b.index);
  for (const marker of markers) {
    const markerStart = block.start + marker.index;
    push(start, markerStart);
    push(markerStart, markerStart + marker[0].length);
    start = markerStart + marker[0].length;
  }
  push(start, block.end);
  return pieces;
}

/** The lines of a block that are an ECF running header, as text pasted from a filing's PDF keeps them between its lines. */
function ecfHeaderLines(raw: string): RegExpExecArray[] {
  return [...raw.matchAll(/^[^\n]*Page[^\n]*$/gm)].filter((line) => parseEcfHeader(line[0]) !== undefined);
}

/** Cuts a block longer than MAX_PASSAGE_CHARS at sentence ends, as `splitSentences` finds them. */
function cutLongBlock(text: string, block: Block): Block[] {
  if (block.end - block.start <= MAX_PASSAGE_CHARS) return [block];
  const pieces: Block[] = [];
  let start = block.start;
  let midSentence = false;
  while (block.end - start > MAX_PASSAGE_CHARS) {
    const window = text.slice(start, start + MAX_PASSAGE_CHARS);
    // Where a sentence starts as quotes read them: never after "v.", "No." or an initial, which would pass the
    // rest of a sentence for a whole one.
    let cut = -1;
    for (const sentence of splitSentences(window)) {
      if (sentence.start > MAX_PASSAGE_CHARS * 0.4) cut = sentence.start;
    }
    const cutsSentence = cut === -1;
    if (cutsSentence) cut = window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') + 1 : MAX_PASSAGE_CHARS;
    let end = start + cut;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    pieces.push({ start, end, ...(midSentence ? { cutBefore: true } : {}), ...(cutsSentence ? { cutAfter: true } : {}) });
    midSentence = cutsSentence;
    start += cut;
    while (start < block.end && /\s/.test(text[start]!)) start++;
  }
  if (start < block.end) pieces.push({ start, end: block.end, ...(midSentence ? { cutBefore: true } : {}) });
  return pieces;
}

/**
 * The page an offset is on: a PDF's page map, else the page the last marker named, turned on by each form feed
 * since (text that marks a page now and then still breaks every page with a form feed), else the form feeds'.
 */
function pageAt(document: Document, offset: number, marked: { page: number; from: number } | undefined, formFeeds: number[]): number | undefined {
  // A PDF's pages, as its citations read them.
  if (document.pages && document.pages.length > 0) return pageOfOffset(document.pages, offset);
  if (marked !== undefined) return marked.page + formFeeds.filter((feed) => feed >= marked.from && feed < offset).length;
  if (formFeeds.length === 0) return undefined;
  return 1 + formFeeds.filter((feed) => feed < offset).length;
}

/** The first offset at or after `from` that is not white space (form feeds included). */
function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}
