import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/search/analyzer.js';

const plain = createAnalyzer();

/** Whether every term of the question is a term of the document's text. */
const meets = (document: string, question: string) => {
  const terms = new Set(plain.terms(document));
  const asked = plain.terms(question);
  return asked.length > 0 && asked.every((term) => terms.has(term));
};

describe('words typed one way and written another', () => {
  // A ligature survives in text copied out of a PDF; an East Asian input method types full-width letters.
  it.each([
    ['The complaint was ﬁled on time.', 'filed'],
    ['the ﬂow of data to ofﬁcers', 'flow officers'],
    ['Facebook shared the data.', 'Ｆａｃｅｂｏｏｋ'],
    ['Facebook shared the data.', '𝐅𝐚𝐜𝐞𝐛𝐨𝐨𝐤'],
  ])('finds %j when asked %j', (document, question) => {
    expect(meets(document, question)).toBe(true);
  });
});
