import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('the words a no-match answer names as missing from the documents', () => {
  const ORDER = ['Plaintiff filed her complaint on August 22, 2024.', 'The motion to dismiss is granted in part.'];

  it('names none of a paragraph or page asked for that no document has: other words would not find it', async () => {
    const corpus = await corpusOfParagraphs(ORDER, 'Order');
    for (const question of ['what happened in paragraph 999', 'what is on page 999?', 'what does ¶ 999 of the complaint say?', 'what does para. 500 say?']) {
      expect(answerQuestion(corpus, question)).toMatchObject({ kind: 'no-match', missingWords: [] });
    }
  });

  it('still names the other words the documents never use', async () => {
    const corpus = await corpusOfParagraphs(ORDER, 'Order');
    expect(answerQuestion(corpus, 'what does paragraph 999 say about the nickname')).toMatchObject({ kind: 'no-match', missingWords: ['nickname'] });
  });
});
