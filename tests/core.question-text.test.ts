import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../src/answer/question-text.js';

describe('a reply that quotes the message it answers', () => {
  it('is read as the question under the quote', () => {
    expect(cleanQuestion('> netflix read everyone\'s dms lol\nis that true? did netflix read dms?')).toBe('is that true? did netflix read dms?');
    expect(cleanQuestion('> zuck sold us out\n> 100%\r\nwho are the plaintiffs?')).toBe('who are the plaintiffs?');
    expect(cleanQuestion('  > meta is evil\n\nwho sued meta?')).toBe('who sued meta?');
  });

  it('keeps a message that is nothing but a quote, a quote after the question and a ">" inside it', () => {
    expect(cleanQuestion('> who sued meta?')).toBe('> who sued meta?');
    expect(cleanQuestion('> who sued meta?\n> ')).toBe('> who sued meta? >');
    expect(cleanQuestion('what does this mean?\n> the inbox api')).toBe('what does this mean? > the inbox api');
    expect(cleanQuestion('were > 1 million users affected?')).toBe('were > 1 million users affected?');
  });
});
