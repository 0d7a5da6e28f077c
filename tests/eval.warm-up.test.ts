import { describe, expect, it, vi } from 'vitest';
import * as answer from '../src/answer/answer.js';
import { runEval } from '../src/eval/run-eval.js';

// Every answer the eval asks for, with the corpus it was asked of.
vi.mock('../src/answer/answer.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/answer/answer.js')>();
  return { ...actual, answerQuestion: vi.fn(actual.answerQuestion) };
});

describe('eval warm-up', () => {
  it('warms up on a corpus of its own, so no timed answer is a repeat served from the caches of the one timed', async () => {
    const run = await runEval({ questions: 'eval/case-questions.jsonl', knowledgeDir: 'knowledge' });
    const corpora = vi.mocked(answer.answerQuestion).mock.calls.map(([corpus]) => corpus);
    const timed = new Set(corpora.slice(-run.scored.length));
    const warmUp = corpora.slice(0, -run.scored.length);
    expect(warmUp).toHaveLength(20);
    expect(timed.size).toBe(1);
    expect(warmUp.some((corpus) => timed.has(corpus))).toBe(false);
  });
});
