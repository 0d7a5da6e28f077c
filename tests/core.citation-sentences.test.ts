import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { endWithCitations, isCitationSentence } from '../src/answer/citation-sentences.js';
import { splitSentences } from '../src/answer/sentences.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('isCitationSentence', () => {
  it.each([
    'Id., at 337.',
    'Ibid.',
    'Hopwood v. Texas, 78 F. 3d 932, 955 (1996).',
    'See Lujan v. Defs. of Wildlife, 504 U.S. 555, 560–61 (1992).',
    '997 F.3d 541, 562-63 (4th Cir. 2021).',
    '565 So.2d 247 (Ala. 1990).',
    'N.C. Gen. Stat. § 163-22(c), (d).',
    'See KRS 117.235(3).',
    'OAG 84-94.',
    'Tr. of Oral Arg. 8–9.',
    'App. 41a.',
  ])('reads %s as a citation', (sentence) => {
    expect(isCitationSentence(sentence)).toBe(true);
  });

  it.each(['The court agreed.', 'UK 2 left the stage.', 'Super Bowl 50.', '12 Angry Men is a film about 12 jurors.', 'Idaho v. Oregon'.padEnd(201, ' x')])(
    'does not read %j as one',
    (sentence) => {
      expect(isCitationSentence(sentence)).toBe(false);
    },
  );
});

describe('endWithCitations', () => {
  const text = 'It ruled the plan unlawful. Hopwood v. Texas, 78 F. 3d 932 (1996). Id., at 955. The Legislature then acted.\n\nId., at 3.';
  const sentences = splitSentences(text);

  it('takes in every citation right after the quote, and stops at the next sentence that says something', () => {
    expect(text.slice(0, endWithCitations(text, sentences, 0, 0, 400))).toBe('It ruled the plan unlawful. Hopwood v. Texas, 78 F. 3d 932 (1996). Id., at 955.');
  });

  it('stops at a blank line and at the length limit', () => {
    const last = sentences.length - 2;
    expect(endWithCitations(text, sentences, last, sentences[last]!.start, 400)).toBe(sentences[last]!.end);
    expect(text.slice(0, endWithCitations(text, sentences, 0, 0, 40))).toBe('It ruled the plan unlawful.');
  });
});

describe('a quote followed by its citation', () => {
  it('carries the case name a "which decision" question asks for', async () => {
    const corpus = await corpusOfParagraphs([
      'In 1996, this admissions system was held unconstitutional by the Court of Appeals for the Fifth Circuit. It ruled the consideration of race violated the Equal Protection Clause. Hopwood v. Texas, 78 F. 3d 932, 955 (1996).',
      'The weather was mild.',
    ]);
    const answer = answerQuestion(corpus, 'Which 1996 Fifth Circuit decision held the admissions system unconstitutional?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe(
      'In 1996, this admissions system was held unconstitutional by the Court of Appeals for the Fifth Circuit. It ruled the consideration of race violated the Equal Protection Clause. Hopwood v. Texas, 78 F. 3d 932, 955 (1996).',
    );
  });
});

describe('a "why" question answered by a conclusion', () => {
  it('quotes the reason the sentence before gives, and the record cite between them', async () => {
    const corpus = await corpusOfParagraphs([
      'I adhere to the view I expressed before on the use of race in admissions. The petitioner in this case did not ask us to overrule the earlier holding that diversity can justify racial preferences in university admissions. Tr. of Oral Arg. 8–9. I therefore join the Court’s opinion in full.',
      'The weather was mild.',
    ], 'Justice Scalia, concurring');
    const answer = answerQuestion(corpus, 'Why did Justice Scalia join the Court’s opinion in full?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe(
      'The petitioner in this case did not ask us to overrule the earlier holding that diversity can justify racial preferences in university admissions. Tr. of Oral Arg. 8–9. I therefore join the Court’s opinion in full.',
    );
  });
});
