import { describe, expect, it } from 'vitest';
import {
  buildHyphenVocabulary,
  joinLines,
  joinParagraph,
  normalizeChars,
  SOFT_HYPHEN,
} from '../src/knowledge/clean-text.js';

describe('normalizeChars', () => {
  it.each([
    ['ﬁnancial', 'financial'],
    ['ﬂagged', 'flagged'],
    ['eﬀect', 'effect'],
    ['eﬃcient', 'efficient'],
    ['baﬄed', 'baffled'],
    ['zero\u200Bwidth\uFEFF', 'zerowidth'],
    ['no\u00A0break\ttab', 'no break tab'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeChars(input)).toBe(expected);
  });

  it('keeps leading indentation and drops trailing spaces when a line is normalized', () => {
    expect(normalizeChars('     indented   ')).toBe('     indented');
  });
});

describe('joinLines', () => {
  const vocabulary = buildHyphenVocabulary([
    'the third-party vendor',
    'a court-ordered audit and another court-ordered audit',
    'the co-operate spelling once',
    'cooperate cooperate',
  ]);

  it.each([
    ['drops a syllable-break hyphen', 'the plain-', 'tiffs allege', { cut: 1, separator: '' }],
    ['keeps a hyphen the document uses inside a line', 'a third-', 'party vendor', { cut: 0, separator: '' }],
    ['keeps a hyphen before a capital', 'the Defendant-', 'Intervenors', { cut: 0, separator: '' }],
    ['keeps a hyphen before a digit', 'the pre-', '2004 program', { cut: 0, separator: '' }],
    ['keeps a hyphen after self', 'a self-', 'executing treaty', { cut: 0, separator: '' }],
    ['keeps third-party even when the document never writes it inside a line', 'a third-', 'parties', { cut: 0, separator: '' }],
    ['joins when the one-word spelling is more common', 'we co-', 'operate', { cut: 1, separator: '' }],
    ['joins a soft hyphen without a trace', `plain${SOFT_HYPHEN}`, 'tiffs', { cut: 1, separator: '' }],
    ['glues an em dash', 'the order—', 'which issued', { cut: 0, separator: '' }],
    ['puts a space between ordinary lines', 'the court', 'held that', { cut: 0, separator: ' ' }],
    ['keeps a spaced dash spaced', 'the order -', 'which issued', { cut: 0, separator: ' ' }],
  ])('%s', (_name, left, right, expected) => {
    expect(joinLines(left, right, vocabulary)).toEqual(expected);
  });
});

describe('joinParagraph', () => {
  it('joins wrapped lines into one line when a paragraph spans several lines', () => {
    const lines = ['  42. Plaintiffs allege that the defen-', 'dants acted with   the third-', 'party vendor.'];
    const vocabulary = buildHyphenVocabulary(['a third-party claim']);
    expect(joinParagraph(lines, vocabulary)).toBe(
      '42. Plaintiffs allege that the defendants acted with the third-party vendor.',
    );
  });
});
