import { describe, expect, it } from 'vitest';
import { paragraphAsked } from '../src/answer/paragraph-asked.js';

describe('the paragraph a question asks for by its number', () => {
  it('reads a number written out as the digits its citation shows', () => {
    expect(paragraphAsked('what does paragraph five say?')).toMatchObject({ number: 5, ownNumber: false });
    expect(paragraphAsked('what does paragraph forty-two of the complaint say?')).toMatchObject({ number: 42 });
    expect(paragraphAsked('para. twenty one')).toMatchObject({ number: 21 });
    expect(paragraphAsked('Paragraph Twelve')).toMatchObject({ number: 12 });
    expect(paragraphAsked('¶ nineteen')).toMatchObject({ number: 19, ownNumber: true });
  });

  it('still reads digits, a range\'s first paragraph among them, and no other word', () => {
    expect(paragraphAsked('what does ¶42 say')).toMatchObject({ number: 42, ownNumber: true });
    expect(paragraphAsked('see ¶ 42-45')).toMatchObject({ number: 42 });
    expect(paragraphAsked('which paragraph twentysomething')).toBeUndefined();
    expect(paragraphAsked('paragraph one-sided?')).toBeUndefined();
    expect(paragraphAsked('paragraph oneness')).toBeUndefined();
  });

  it('reads a page asked for by its number, and a paragraph before a page', () => {
    expect(paragraphAsked("what's on page 12 of the order?")).toMatchObject({ unit: 'page', number: 12, rest: "what's on of the order?" });
    expect(paragraphAsked('p. 3')).toMatchObject({ unit: 'page', number: 3 });
    expect(paragraphAsked('what does ¶ 4 on page 2 say')).toMatchObject({ unit: 'paragraph', number: 4 });
    expect(paragraphAsked('which page says it?')).toBeUndefined();
  });

  it('reads a page number written out, as a paragraph\'s is', () => {
    expect(paragraphAsked("what's on page five of the hogarth order?")).toMatchObject({ unit: 'page', number: 5, rest: "what's on of the hogarth order?" });
    expect(paragraphAsked('pg. twenty-one')).toMatchObject({ unit: 'page', number: 21 });
    expect(paragraphAsked('Page Eleven')).toMatchObject({ unit: 'page', number: 11 });
    expect(paragraphAsked('a page one-sided?')).toBeUndefined();
  });
});
