import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { answerTypeStarts, questionWordSet } from '../src/answer/answer-type.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('answer-type evidence near the question words', () => {
  it('finds where names, numbers and dates the question does not hold start', () => {
    const words = questionWordSet('Who set the sacks record for Denver?');
    expect(answerTypeStarts('The record for Denver was set by Jones.', 'person', words)).toEqual([33]);
    expect(answerTypeStarts('He had 12 sacks in 2015.', 'number', words)).toEqual([7, 19]);
    expect(answerTypeStarts('It fell in October 2015.', 'date', words)).toEqual([11, 19]);
    expect(answerTypeStarts('Jones set it.', 'any', words)).toBeUndefined();
    expect(answerTypeStarts('Filed 4/21/2021.', 'date', words)).toEqual([6]);
  });

  it('prefers the sentence whose name stands next to the question words over one naming someone far from them', async () => {
    const corpus = await corpusOfParagraphs([
      'Coach Smith watched from the sideline for most of the long afternoon as the sacks record was set.',
      'The sacks record was set by Jones, and the crowd that night, many of them fans from the north, cheered loudly for him.',
    ]);
    const answer = answerQuestion(corpus, 'Who set the sacks record?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('set by Jones');
  });
});
