import { describe, expect, it } from 'vitest';
import { splitPassages } from '../src/passages.js';
import type { Document } from '../src/types.js';

const documentOf = (text: string): Document => ({ id: 'doc', path: 'doc.txt', meta: { title: 'Doc' }, text, hash: 'h' });
const summary = (text: string) =>
  splitPassages(documentOf(text)).map((passage) => ({ text: passage.text, ...passage.locator }));

describe('splitPassages with short blocks', () => {
  it('joins a heading to the paragraph after it and keeps that paragraph\'s own number', () => {
    expect(summary('B. Procedural Due Process Claim (Count Two)\n\n42. Plaintiffs allege that no cure process existed in 2020.')).toEqual([
      {
        text: 'B. Procedural Due Process Claim (Count Two)\n\n42. Plaintiffs allege that no cure process existed in 2020.',
        paragraph: 42,
        numbered: true,
        section: 'B. Procedural Due Process Claim (Count Two)',
      },
    ]);
  });

  it('reads a paragraph that ends with a colon with the block it introduces', () => {
    const intro = 'This license applies to all parts of Node.js that originate from the https://github.com/joyent/node repository:';
    const text = `${intro}\n\n"""\nCopyright Joyent, Inc. and other Node contributors.\n\nA later paragraph stands alone.`;
    expect(summary(text).map((passage) => passage.text)).toEqual([`${intro}\n\n"""\nCopyright Joyent, Inc. and other Node contributors.`, 'A later paragraph stands alone.']);
  });

  it.each([
    ['1 Introduction', '1 Introduction'],
    ['2.1 Related Work', '2.1 Related Work'],
    ['STATEMENT OF THE CASE', 'STATEMENT OF THE CASE'],
    ['IV. DISCUSSION', 'IV. DISCUSSION'],
    // Numbered like a paragraph, but a few capitalised words with no punctuation: a subsection's title.
    ['1. Five Challenged Statutes', '1. Five Challenged Statutes'],
    ['6. Freeman', '6. Freeman'],
    // Title case past eight words: the rest of the title is capitalised, as a sentence's words are not.
    ['1. Assistance in Filling Out a Ballot Request Form', '1. Assistance in Filling Out a Ballot Request Form'],
  ])('reads %j as a section heading', (heading, section) => {
    const [passage] = splitPassages(documentOf(`${heading}\n\nThe court considered the motion with care and denied it.`));
    expect(passage?.locator.section).toBe(section);
  });

  it('reads a licence\'s numbered title ("13. Use with the GNU Affero General Public License.") as the section of what follows', () => {
    const text = '12. No Surrender of Others\' Freedom.\n\nIf conditions are imposed on you, they do not excuse you.\n\nA second paragraph of that section.\n\n13. Use with the GNU Affero General Public License.\n\nYou may link a covered work with such a work.';
    expect(summary(text).map((passage) => [passage.text.slice(0, 20), passage.paragraph, passage.section])).toEqual([
      ["12. No Surrender of ", 1, "12. No Surrender of Others' Freedom"],
      ['A second paragraph o', 2, "12. No Surrender of Others' Freedom"],
      ['13. Use with the GNU', 3, '13. Use with the GNU Affero General Public License'],
    ]);
  });

  it('reads a numbered title run into its paragraph ("2. Grant of Copyright License. Subject to …") as the section, but not a name ("12. Netflix Inc. is …")', () => {
    const text = '2. Grant of Copyright License. Subject to the terms of this License, each Contributor grants You a license.\n\nThat license is perpetual.\n\n12. Netflix Inc. is a Delaware corporation with its principal place of business in California.';
    expect(summary(text).map((passage) => [passage.paragraph, passage.section])).toEqual([
      [2, '2. Grant of Copyright License'],
      [2, '2. Grant of Copyright License'],
      [12, '2. Grant of Copyright License'],
    ]);
  });

  it.each([
    ['Section 2.1 Settlement Fund', 'Section 2.1 Settlement Fund'],
    ['ARTICLE 4. Release of Claims.', 'ARTICLE 4. Release of Claims'],
  ])('reads an agreement\'s %j as the section of what follows', (heading, section) => {
    expect(summary(`${heading}\n\nThe Settlement Fund shall be paid within thirty days.`)[0]!.section).toBe(section);
  });

  it('reads "Section 3. Payment. The Defendant shall …" as a title run into its paragraph', () => {
    expect(summary('Section 3. Payment. The Defendant shall pay the fund.\n\nIt shall be paid in cash.').map((passage) => passage.section)).toEqual([
      'Section 3. Payment',
      'Section 3. Payment',
    ]);
  });

  it('reads numbered paragraphs a licence cites as "Section N" as its sections, their lettered parts included', () => {
    const licence = [
      '0. This License applies to any program which contains a notice placed by the copyright holder.',
      '1. You may copy and distribute verbatim copies of the Program, provided you also meet the conditions of Section 0.',
      '2. You may modify your copy, provided that you also meet all of these conditions and those of Section 1:',
      'a) You must cause the modified files to carry prominent notices stating that you changed the files.',
    ].join('\n\n');
    expect(summary(licence).map((passage) => [passage.paragraph, passage.section])).toEqual([
      [0, 'Section 0'],
      [1, 'Section 1'],
      [2, 'Section 2'],
      // Section 2's lettered part is cited with it, not as the document's 4th block.
      [2, 'Section 2'],
    ]);
  });

  it('keeps a complaint\'s numbered paragraphs paragraphs though it cites a statute\'s "Section 1" and "Section 2"', () => {
    const complaint = [
      '1. Plaintiffs bring this action under Section 1 of the Sherman Act.',
      '2. Defendants monopolized the market in violation of Section 2 of the Sherman Act.',
      '3. The conduct continues.',
    ].join('\n\n');
    expect(summary(complaint).map((passage) => passage.section)).toEqual([undefined, undefined, undefined]);
  });

  it('reads each component of a bundle\'s licence file ("- ICU, located at deps/icu, is licensed as follows:") as a section', () => {
    const bundle = [
      '- Acorn, located at deps/acorn, is licensed as follows:\n  """\n    MIT License',
      'Permission is hereby granted, free of charge, to any person obtaining a copy.',
      '- libuv, located at deps/uv, is licensed as follows:\n  """',
      'This license applies to all parts of libuv that are not externally maintained libraries.',
    ].join('\n\n');
    expect(summary(bundle).map((passage) => [passage.text.slice(0, 12), passage.section])).toEqual([
      ['- Acorn, loc', 'Acorn, located at deps/acorn'],
      ['- libuv, loc', 'libuv, located at deps/uv'],
    ]);
  });

  it('keeps short numbered paragraphs that follow each other as paragraphs ("12. Denied." in an answer to a complaint)', () => {
    expect(summary('12. Denied.\n\n13. Admitted.\n\n14. Plaintiffs lack standing.').map((passage) => [passage.paragraph, passage.section])).toEqual([
      [12, undefined],
      [13, undefined],
      [14, undefined],
    ]);
  });

  it('reads a sentence, not a title, after a number as a paragraph ("7. Netflix denies it.")', () => {
    expect(summary('7. Netflix denies it.\n\nThe court disagreed with that reading.').map((passage) => passage.section)).toEqual([undefined, undefined]);
  });

  it.each([
    ['1. Definitions\n--------------', '1. Definitions'],
    ['Exhibit A - Source Code Form License Notice\n===========================================', 'Exhibit A - Source Code Form License Notice'],
  ])('reads the underlined heading %j as section %j, and not as a passage', (heading, section) => {
    expect(summary(`${heading}\n\nThe text of that section.`)).toEqual([{ text: 'The text of that section.', paragraph: 1, numbered: false, section }]);
  });

  it('keeps a sentence above a rule as text, not a heading', () => {
    const text = 'The parties agree to these terms.\n-----\n\nSigned.';
    expect(summary(text)).toEqual([{ text, paragraph: 1, numbered: false }]);
  });

  it('does not read a footnote\'s number and first word ("2 The") as a heading', () => {
    const passages = splitPassages(documentOf('# Dissent\n\n2 The\n\nnotion that the law is race neutral calls to mind a famous statement.'));
    expect(passages.map((passage) => passage.locator.section)).toEqual(['Dissent']);
  });

  it('joins a signature line to what follows, but not a short sentence', () => {
    const text = 'Hon. Alison Lundergan Grimes\n\nYou asked whether the list may be posted.\n\nThe motion is DENIED.\n\nIt was filed late.';
    expect(summary(text).map((passage) => passage.text)).toEqual([
      'Hon. Alison Lundergan Grimes\n\nYou asked whether the list may be posted.',
      'The motion is DENIED.',
      'It was filed late.',
    ]);
  });

  it('keeps a short numbered paragraph on its own so its ¶ does not cover the next one', () => {
    const text = '3. Lorrin Freeman, in her official capacity; and\n\n4. The Attorney General, in his official capacity, who enforces the law.';
    expect(summary(text).map((passage) => [passage.paragraph, passage.text.slice(0, 15)])).toEqual([
      [3, '3. Lorrin Freem'],
      [4, '4. The Attorney'],
    ]);
  });

  it('reads a title centred on its line as the section of what follows, but not an outline\'s "II"', () => {
    const text = [
      '                     END OF TERMS AND CONDITIONS',
      '            How to Apply These Terms to Your New Programs',
      '  If you develop a new program, and you want it to be of the greatest possible use to the public, the best way to achieve this is to make it free software.',
      '                                   II',
      'The second part holds the rest.',
    ].join('\n\n');
    // The paragraph under the centred title was cited "END OF TERMS AND CONDITIONS", and the title ran on with the heading above it.
    expect(summary(text).map((passage) => [passage.section, passage.text.slice(0, 16)])).toEqual([
      ['END OF TERMS AND CONDITIONS', 'END OF TERMS AND'],
      ['How to Apply These Terms to Your New Programs', 'How to Apply The'],
      ['How to Apply These Terms to Your New Programs', 'II\n\nThe second p'],
    ]);
  });

  it('treats a line holding only a number as a page marker', () => {
    const passages = splitPassages(documentOf('The first page ends here.\n\n4\n\nThe fourth page starts here.'));
    expect(passages.map((passage) => [passage.text, passage.locator.page])).toEqual([
      ['The first page ends here.', undefined],
      ['The fourth page starts here.', 4],
    ]);
  });
});
