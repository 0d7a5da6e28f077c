import { describe, expect, it } from 'vitest';
import { splitAtIndents } from '../src/indented-paragraphs.js';
import { hashText } from '../src/knowledge/load.js';
import { splitPassages } from '../src/passages.js';

// Blocks arrive trimmed, as the passage splitter makes them.
const whole = (text: string) => ({ start: text.search(/\S/), end: text.length });
const pieces = (text: string) => splitAtIndents(text, whole(text)).map(({ start, end }) => text.slice(start, end));

// A page of a Supreme Court slip opinion as `pdftotext -layout` writes it: no blank lines between
// paragraphs, each paragraph's first line indented, a centered part heading.
const OPINION_PAGE = [
  '   Over the dissent of seven judges, the Court of Appeals',
  'denied petitioner’s request for rehearing en banc. The writ',
  'was granted.',
  '                              B',
  '  Among the Court’s cases involving racial classifications',
  'in education, there are three decisions. We take those',
  'cases as given.',
  '  We begin with the principal opinion authored by Justice',
  'Powell in Bakke, supra.',
].join('\n');

// The syllabus lays paragraphs out the other way round: hanging first lines over indented ones.
const SYLLABUS = [
  'The University of Texas at Austin considers race as one of various fac-',
  '  tors in its undergraduate admissions process.',
  '     Petitioner, who is Caucasian, was rejected for admission to the',
  '  University’s 2008 entering class.',
  'Held: Because the Fifth Circuit did not hold the University to the de-',
  '  manding burden of strict scrutiny, its decision is vacated.',
].join('\n');

describe('splitAtIndents', () => {
  it('starts a paragraph at an indented line after a sentence end, and sets a centered line apart', () => {
    expect(pieces(OPINION_PAGE)).toEqual([
      'Over the dissent of seven judges, the Court of Appeals\ndenied petitioner’s request for rehearing en banc. The writ\nwas granted.',
      'B',
      'Among the Court’s cases involving racial classifications\nin education, there are three decisions. We take those\ncases as given.',
      'We begin with the principal opinion authored by Justice\nPowell in Bakke, supra.',
    ]);
  });

  it('sets a divider line apart, and no passage holds it', () => {
    const text = 'The Court so held in 2003. That ends it.\n*     *    *\n  Strict scrutiny must not be strict in theory\nbut fatal in fact.';
    expect(pieces(text)).toEqual(['The Court so held in 2003. That ends it.', '*     *    *', 'Strict scrutiny must not be strict in theory\nbut fatal in fact.']);
    const passages = splitPassages({ id: 'd', path: 'd.txt', meta: { title: 'D' }, text, hash: hashText(text) });
    expect(passages.map((passage) => passage.text)).toEqual(['The Court so held in 2003. That ends it.', 'Strict scrutiny must not be strict in theory\nbut fatal in fact.']);
  });

  it('reads hanging paragraphs too: the lines at the left edge are the indented ones', () => {
    expect(pieces(SYLLABUS)).toEqual([
      'The University of Texas at Austin considers race as one of various fac-\n  tors in its undergraduate admissions process.',
      'Petitioner, who is Caucasian, was rejected for admission to the\n  University’s 2008 entering class.',
      'Held: Because the Fifth Circuit did not hold the University to the de-\n  manding burden of strict scrutiny, its decision is vacated.',
    ]);
  });

  it('does not start a paragraph in the middle of a sentence, however the line is indented', () => {
    const text = 'The court held that the statute,\n    as amended in 2013,\nwas constitutional. It said so\nagain later.';
    expect(pieces(text)).toEqual([text]);
  });

  it('reads the lines of an indented block quotation as one paragraph, not each a centered heading', () => {
    const text = [
      '   The Court quoted the statute, which provides as follows in the part',
      'that matters here, and it read the words of the statute in the light',
      'of the purpose the legislature gave them when it enacted them:',
      '            No person shall solicit votes within three hundred feet of',
      '            any entrance to a polling place on the day of any election,',
      '            nor shall any person display campaign material there.',
      '   The statute thus bars the conduct at issue, and the Court so held in',
      'the decision below, as the Court of Appeals had held before it in an',
      'opinion that the parties did not ask this Court to review.',
    ].join('\n');
    expect(pieces(text)).toEqual([
      'The Court quoted the statute, which provides as follows in the part\nthat matters here, and it read the words of the statute in the light\nof the purpose the legislature gave them when it enacted them:',
      'No person shall solicit votes within three hundred feet of\n            any entrance to a polling place on the day of any election,\n            nor shall any person display campaign material there.',
      'The statute thus bars the conduct at issue, and the Court so held in\nthe decision below, as the Court of Appeals had held before it in an\nopinion that the parties did not ask this Court to review.',
    ]);
  });

  it('leaves text without indentation, and short blocks, as they are', () => {
    const flat = 'One sentence here.\nAnother one there.\nA third one.';
    expect(pieces(flat)).toEqual([flat]);
    expect(pieces('First line.\n   Indented second.')).toEqual(['First line.\n   Indented second.']);
  });

  it('measures the first line of a trimmed block from the start of its line', () => {
    const text = `Intro.\n\n${OPINION_PAGE}`;
    const block = { start: text.indexOf('Over'), end: text.length };
    expect(splitAtIndents(text, block).map(({ start, end }) => text.slice(start, end))[0]).toMatch(/^Over the dissent.*was granted\.$/s);
  });
});

describe('passages of laid-out text', () => {
  it('are its paragraphs, cut from the text as it is, with a centered heading read with the paragraph after it', () => {
    const text = `${OPINION_PAGE}\f${SYLLABUS}`;
    const passages = splitPassages({ id: 'fisher', path: 'fisher.txt', meta: { title: 'Fisher' }, text, hash: hashText(text) });
    expect(passages.map((passage) => passage.text.slice(0, 20))).toEqual([
      'Over the dissent of ',
      'B\n  Among the Court’',
      'We begin with the pr',
      'The University of Te',
      'Petitioner, who is C',
      'Held: Because the Fi',
    ]);
    for (const passage of passages) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
    expect(passages.map((passage) => passage.locator.page)).toEqual([1, 1, 1, 2, 2, 2]);
  });
});
