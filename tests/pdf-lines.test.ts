import { describe, expect, it } from 'vitest';
import { dropMarginNumbers, type PositionedText, pageLines, toPositionedText } from '../src/knowledge/pdf-lines.js';

/** Words laid out left to right from x on baseline y, the way pdf.js often splits a line into items. */
function words(text: string, x: number, y: number, size = 12): PositionedText[] {
  const out: PositionedText[] = [];
  let cursor = x;
  for (const word of text.split(' ')) {
    const width = word.length * size * 0.5;
    out.push({ str: word, x: cursor, y, width, size });
    cursor += width + size * 0.25;
  }
  return out;
}

const margin = (count: number): PositionedText[] =>
  Array.from({ length: count }, (_, i) => ({ str: String(i + 1), x: 40, y: 720 - 24 * i, width: 6, size: 12 }));

describe('toPositionedText', () => {
  it('keeps text items, drops blanks, marked content and rotated stamps', () => {
    const items = [
      { str: 'Plaintiffs', transform: [12, 0, 0, 12, 72, 700], width: 50 },
      { str: ' ', transform: [12, 0, 0, 12, 122, 700], width: 3 },
      { type: 'beginMarkedContent' },
      { str: 'BATES 000123', transform: [0, 12, -12, 0, 590, 300], width: 80 },
    ];
    expect(toPositionedText(items)).toEqual([{ str: 'Plaintiffs', x: 72, y: 700, width: 50, size: 12 }]);
  });
});

describe('dropMarginNumbers', () => {
  it('drops 1–28 in the left margin when at least 8 count down the page', () => {
    const body = words('Plaintiffs allege', 72, 720);
    expect(dropMarginNumbers([...margin(28), ...body])).toEqual(body);
  });

  it('keeps numbers when there are too few to be pleading paper', () => {
    const items = [...margin(5), ...words('Plaintiffs allege', 72, 720)];
    expect(dropMarginNumbers(items)).toEqual(items);
  });

  it('keeps numbers that sit inside the body column', () => {
    const items = [...margin(10).map((t) => ({ ...t, x: 300 })), ...words('Plaintiffs allege', 72, 720)];
    expect(dropMarginNumbers(items)).toEqual(items);
  });
});

describe('pageLines', () => {
  it('rebuilds lines from word items with indentation and paragraph gaps', () => {
    const second = words('It is a long line of body text.', 72, 696);
    const last = second[second.length - 1] ?? { x: 0, width: 0 };
    const items = [
      ...margin(28),
      ...words('1. Plaintiffs bring this action.', 108, 720),
      ...second,
      // A footnote marker: raised baseline, smaller size, glued to the word before it.
      { str: '3', x: last.x + last.width + 0.5, y: 700, width: 4, size: 8 },
      ...words('2. Defendants deny it.', 108, 648),
    ];
    expect(pageLines(items)).toEqual([
      '      1. Plaintiffs bring this action.',
      'It is a long line of body text.3',
      '',
      '      2. Defendants deny it.',
    ]);
  });

  it('sets a far-apart page number off by three spaces so the header cleaner can see it', () => {
    const items = [...words('Cite as: 570 U. S. (2013)', 150, 760), { str: '3', x: 520, y: 760, width: 6, size: 12 }];
    expect(pageLines(items)).toEqual(['Cite as: 570 U. S. (2013)   3']);
  });

  it('returns no lines when the page has no text', () => {
    expect(pageLines([])).toEqual([]);
  });
});
