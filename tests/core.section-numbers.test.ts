import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import type { Concept } from '../src/answer/query.js';
import { contextOf } from '../src/answer/rank.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

const GPL_3 = [
  '8. Termination.',
  'You may not propagate or modify a covered work except as expressly provided under this License. Any attempt otherwise is void, and will automatically terminate your rights under this License (including any patent licenses granted under the third paragraph of section 11).',
  '11. Patents.',
  'A "contributor" is a copyright holder who authorizes use under this License of the Program or a work on which the Program is based.',
  '13. Use with the GNU Affero General Public License.',
  'Notwithstanding any other provision of this License, you have permission to link or combine any covered work with a work licensed under version 3 of the GNU Affero General Public License into a single combined work, and to convey the resulting work. The terms of this License will continue to apply to the part which is the covered work, but the special requirements of the GNU Affero General Public License, section 13, concerning interaction through a network will apply to the combination as such.',
];

const firstQuote = async (question: string) => {
  const answer = answerQuestion(await corpusOfParagraphs(GPL_3, 'GNU General Public License, Version 3'), question);
  return answer.kind === 'excerpts' ? answer.excerpts[0]!.quote : answer.kind;
};

describe('a question naming a section by its number', () => {
  it('reads "section 2.1" as the passages under "Section 2.1 Settlement Fund"', async () => {
    const agreement = ['Section 2.1 Settlement Fund', 'Defendant shall pay the Settlement Amount into an escrow account within thirty days.', 'Section 2.2 Notice', 'Notice shall be sent by email as Section 2.1 requires for each payment into the escrow account.'];
    const answer = answerQuestion(await corpusOfParagraphs(agreement, 'Settlement Agreement'), 'what does section 2.1 say about the escrow account');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('within thirty days');
  });

  it('reads "section 13" as the passages under "13. …", not a sentence that mentions section 13', async () => {
    expect(await firstQuote('Which license does section 13 let you combine covered works with?')).toContain(
      'you have permission to link or combine any covered work',
    );
  });

  it('answers what a section says rather than quoting another section that cites it', async () => {
    expect(await firstQuote('What does section 8 of the GPLv3 say about termination?')).toContain('terminate your rights');
  });

  it('counts a section\'s number only where the question says "section" before it, not the version in "GPL 2"', () => {
    const concept = (word: string, position: number): Concept => ({ terms: [word.toLowerCase()], weight: 1, known: true, position, everyday: false, word });
    const underSection2 = { terms: new Set(['gnu', 'general', 'public', 'licens', 'gpl']), names: new Set(['gpl']), sectionNumber: '2' };
    expect([...contextOf([concept('warranty', 0), concept('section', 1), concept('2', 2)], underSection2)]).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect([...contextOf([concept('warranty', 0), concept('GPL', 1), concept('2', 2)], underSection2)]).toEqual([[1, 1]]);
  });

  it('quotes what a section says, not its title alone ("Grant of Patent License.", "3.3. Distribution of a Larger Work")', async () => {
    const licence = [
      '3. Grant of Patent License. Subject to the terms and conditions of this License, each Contributor hereby grants to You a perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable (except as stated in this section) patent license to make, have made, use, offer to sell, sell, import, and otherwise transfer the Work, where such license applies only to those patent claims licensable by such Contributor that are necessarily infringed by their Contribution(s) alone or by combination of their Contribution(s) with the Work to which such Contribution(s) was submitted.',
      '3.3. Distribution of a Larger Work',
      'You may create and distribute a Larger Work under terms of Your choice, provided that You also comply with this License.',
    ];
    const corpus = await corpusOfParagraphs(licence, 'Apache License, Version 2.0');
    const first = (question: string) => {
      const answer = answerQuestion(corpus, question);
      return answer.kind === 'excerpts' ? answer.excerpts[0]!.quote : answer.kind;
    };
    expect.soft(first('Does it grant a patent license?')).not.toBe('Grant of Patent License.');
    expect.soft(first('Can I distribute a larger work?')).toMatch(/^You may create and distribute a Larger Work/);
  });
});
