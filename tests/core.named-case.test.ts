import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { documentsOfNamedCase } from '../src/answer/named-case.js';
import { buildCorpus } from '../src/corpus.js';
import { hashText } from '../src/knowledge/load.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';
import type { Document } from '../src/types.js';

function documentOf(id: string, title: string, paragraphs: readonly string[]): Document {
  const text = paragraphs.join('\n\n');
  return { id, path: `${id}.txt`, meta: { title }, text, hash: hashText(text) };
}

const DOCUMENTS = [
  documentOf('democracy', 'Democracy North Carolina v. North Carolina State Board of Elections', [
    'MEMORANDUM OPINION AND ORDER',
    'OSTEEN, JR., District Judge',
    'This matter comes before the court on motions to dismiss the absentee ballot claims.',
    'The judge wrote this order before Hogarth v. Bell was decided.',
  ]),
  documentOf('hogarth', 'Hogarth v. Bell', [
    'ORDER',
    'This matter is before the court on the parties’ cross-motions for summary judgment about ballot photography.',
    'Plaintiff took a photograph of her ballot in the March 2024 primary.',
  ]),
];

describe('documentsOfNamedCase', () => {
  it('finds the document whose title names the case the question names, however it is typed', () => {
    expect(documentsOfNamedCase('Which judge wrote the Hogarth v. Bell order?', DOCUMENTS)).toEqual(new Set(['hogarth']));
    expect(documentsOfNamedCase('hogarth v bell photo rule', DOCUMENTS)).toEqual(new Set(['hogarth']));
    expect(documentsOfNamedCase('What did Democracy North Carolina v. NC State Board decide?', DOCUMENTS)).toEqual(new Set(['democracy']));
  });

  it('finds the case named by its first party alone, as readers shorten it', () => {
    for (const question of ['who is the judge in hogarth?', 'Who is the judge in the Hogarth case?', "what did Hogarth's lawsuit ask for", 'what does the hogarth order say about photos']) {
      expect(documentsOfNamedCase(question, DOCUMENTS), question).toEqual(new Set(['hogarth']));
    }
    // A party's name elsewhere may be the person's, and "in North Carolina" names a state, not a case.
    expect(documentsOfNamedCase('did hogarth take a photo?', DOCUMENTS).size).toBe(0);
    expect(documentsOfNamedCase('who is the judge in north carolina?', DOCUMENTS).size).toBe(0);
  });

  it('finds none for a case the pack only cites, or no case at all', () => {
    expect(documentsOfNamedCase('What did Johnson v. Robison hold?', DOCUMENTS).size).toBe(0);
    expect(documentsOfNamedCase('Who wrote the order?', DOCUMENTS).size).toBe(0);
  });
});

describe('a question naming a case the pack holds', () => {
  it('is not answered from another case’s document, even one that cites it', async () => {
    const corpus = await buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents: DOCUMENTS, warnings: [] }, { logger: silentLogger });
    const unscoped = answerQuestion(corpus, 'Which judge wrote the order?');
    expect(unscoped.kind === 'excerpts' && unscoped.excerpts[0]!.citation.title).toBe('Democracy North Carolina v. North Carolina State Board of Elections');
    // Hogarth v. Bell names no judge here: declined, not answered with the judge of the opinion that cites it.
    expect(answerQuestion(corpus, 'Which judge wrote the Hogarth v. Bell order?').kind).toBe('no-match');
    const answer = answerQuestion(corpus, 'What was before the court in Hogarth v. Bell?');
    expect(answer.kind === 'excerpts' && answer.excerpts.map((excerpt) => excerpt.citation.title)).toEqual(['Hogarth v. Bell']);
  });

  it('is not answered from another case’s document when named by its first party alone ("in hogarth")', async () => {
    const corpus = await buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents: DOCUMENTS, warnings: [] }, { logger: silentLogger });
    const answer = answerQuestion(corpus, 'what matter comes before the court in hogarth?');
    expect(answer.kind === 'excerpts' && answer.excerpts.map((excerpt) => excerpt.citation.title)).toEqual(['Hogarth v. Bell']);
  });

  it('is read the same when typed "vs" or "versus", as chat writes it', async () => {
    const corpus = await buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents: DOCUMENTS, warnings: [] }, { logger: silentLogger });
    for (const question of ['what motions are before the court in hogarth vs bell?', 'What did the plaintiff take a photograph of in Hogarth vs. Bell?', 'what motions are before the court in Hogarth versus Bell?']) {
      const answer = answerQuestion(corpus, question);
      expect(answer.kind, question).toBe('excerpts');
      const titles = answer.kind === 'excerpts' ? answer.excerpts.map((excerpt) => excerpt.citation.title) : [];
      expect(titles.filter((title) => title !== 'Hogarth v. Bell'), question).toEqual([]);
    }
  });
});
