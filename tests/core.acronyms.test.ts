import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { analyzeQuery } from '../src/answer/query.js';
import { buildCorpus } from '../src/corpus.js';
import { hashText } from '../src/knowledge/load.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';
import { createAcronymExpander, isAcronym, titleInitialisms } from '../src/search/acronyms.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

const OPINION = [
  'Abigail Fisher applied to the University of Texas at Austin in 2008 and was denied admission.',
  'The University of Texas considers race as one factor among many in its holistic review.',
  'The Kentucky Attorney General issued an opinion on write-in candidate lists in 2018.',
  'The University admitted 12,843 applicants from the 29,501 who applied for the 2008 entering class.',
].join('\n\n');

const corpusOf = (text: string) => corpusOfParagraphs([text]);

describe('acronyms', () => {
  it('recognises two to six capital letters as an acronym, and nothing else', () => {
    expect(isAcronym('UT')).toBe(true);
    expect(isAcronym('SBOE')).toBe(true);
    expect(isAcronym('Ut')).toBe(false);
    expect(isAcronym('A')).toBe(false);
    expect(isAcronym('ABCDEFG')).toBe(false);
  });

  it('finds the capitalised name the initials abbreviate, skipping the small words inside names', () => {
    const expand = createAcronymExpander(() => OPINION.split('\n\n'));
    expect(expand('UT')).toBe('University of Texas');
    expect(expand('UTA')).toBe('University of Texas at Austin');
    expect(expand('AG')).toBe('Attorney General');
    expect(expand('ut')).toBe('University of Texas');
    expect(expand('NSA')).toBeUndefined();
  });

  it('prefers the name the documents use most', () => {
    const expand = createAcronymExpander(() => ['Board of Elections.', 'Board of Education.', 'Board of Education again.']);
    expect(expand('BE')).toBe('Board of Education');
  });

  it('reads the documents only when an acronym is first asked about', () => {
    let reads = 0;
    const expand = createAcronymExpander(() => {
      reads++;
      return ['Attorney General'];
    });
    expect(reads).toBe(0);
    expand('AG');
    expand('AG');
    expect(reads).toBe(1);
  });

  it("lets a question's acronym match the name's words", async () => {
    const corpus = await corpusOf(OPINION);
    const query = analyzeQuery("How many applicants did UT's entering class admit in 2008?", corpus.analyzer, corpus.index, createAcronymExpander(() => corpus.passages.map((passage) => passage.text)));
    const ut = query.concepts.find((concept) => concept.terms.includes('ut'));
    expect(ut?.known).toBe(true);
    expect(ut?.terms).toEqual(expect.arrayContaining(['univers', 'texa']));
  });

  it('ranks the passage naming what the acronym stands for above one that only shares the other words', async () => {
    const corpus = await corpusOf('Harvard College admitted 2,000 applicants in 2008.\n\nThe University of Texas admitted 12,843 applicants in 2008, its records show.');
    const answer = answerQuestion(corpus, 'How many applicants did UT admit in 2008?');
    expect(answer.kind).toBe('excerpts');
    if (answer.kind === 'excerpts') expect(answer.excerpts[0]!.quote).toContain('12,843');
  });

  it('reads a lowercase non-word as an acronym, as chat questions type them, but not an English word', async () => {
    const corpus = await corpusOf('Harvard College admitted 2,000 applicants in 2008.\n\nThe University of Texas admitted 12,843 applicants in 2008, its records show.');
    const answer = answerQuestion(corpus, 'how many applicants did ut admit in 2008');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('12,843');
    const query = analyzeQuery('did it admit applicants', corpus.analyzer, corpus.index, createAcronymExpander(() => ['Interstate Trucking admitted applicants.']));
    expect(query.concepts.flatMap((concept) => concept.terms)).not.toContain('interst');
  });

  it('quotes the sentence that spells out the acronym a "what does … stand for" question asks about', async () => {
    const corpus = await corpusOf(
      [
        'The admissions office weighs the PAI with grades.',
        'Each applicant also gets a “Personal Achievement Index” (PAI) score from one of the readers.',
        'Grades count most.',
      ].join('\n\n'),
    );
    const answer = answerQuestion(corpus, 'What does PAI stand for?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Personal Achievement Index');
  });

  it('leaves an acronym the documents never spell out unknown', async () => {
    const corpus = await corpusOf(OPINION);
    const query = analyzeQuery('What did the NSA say about Abigail Fisher?', corpus.analyzer, corpus.index, createAcronymExpander(() => corpus.passages.map((passage) => passage.text)));
    expect(query.concepts.find((concept) => concept.terms.includes('nsa'))?.known).toBe(false);
  });

  it('reads an acronym as the name in the title of the documents it finds, when their text never spells it out', async () => {
    const paragraphs = ['The Committee lacked a quorum, and lacked the votes.', 'The University lacked a critical mass of minority students.'];
    const answerFrom = async (title: string) => answerQuestion(await corpusOfParagraphs(paragraphs, title), 'What did UT lack?');
    const withName = await answerFrom('Fisher v. University of Texas at Austin');
    expect(withName.kind === 'excerpts' && withName.excerpts[0]!.quote).toContain('critical mass');
    const withoutName = await answerFrom('Fisher opinion');
    expect(withoutName.kind === 'excerpts' && withoutName.excerpts[0]!.quote).not.toContain('critical mass');
  });

  it('reads an acronym the question holds alone ("What is the LGPL?") as the name a document\'s title spells out', async () => {
    const paragraphs = ['This license, the Lesser General Public License, applies to some specially designated software packages.', 'You may charge a fee for the physical act of transferring a copy.'];
    const answer = answerQuestion(await corpusOfParagraphs(paragraphs, 'GNU Lesser General Public License, Version 2.1'), 'What is the LGPL?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('the Lesser General Public License, applies');
  });

  it('answers "What is the MPL?" from the sentence naming the MPL, though the one before it spells the name out', async () => {
    const notice = 'This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL was not distributed with this file, You can obtain one at http://mozilla.org/MPL/2.0/.';
    const answer = answerQuestion(await corpusOfParagraphs([notice, 'You may distribute the Covered Software.'], 'Mozilla Public License, Version 2.0'), 'What is the MPL?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('If a copy of the MPL was not distributed');
  });

  it('knows a title by the initials of its runs of three or more capitalised words', () => {
    expect(titleInitialisms('Mozilla Public License, version 2.0')).toEqual(['mpl']);
    expect(titleInitialisms('GNU General Public License, version 3')).toEqual(expect.arrayContaining(['ggpl', 'gpl']));
    expect(titleInitialisms('NVIDIA CUDA Toolkit End User License Agreement')).toContain('eula');
    expect(titleInitialisms('Hogarth v. Bell')).toEqual([]);
    expect(titleInitialisms('Public License')).toEqual([]);
  });

  it('answers from the document a question names by its title\'s initials, though the passage never uses them', async () => {
    const documentOf = (id: string, title: string, text: string) => ({ id, path: `${id}.txt`, meta: { title }, text, hash: hashText(text) });
    const documents = [
      documentOf('gpl', 'GNU General Public License', 'The Free Software Foundation is the license steward and may publish new versions.\n\nYou may convey verbatim copies.'),
      documentOf('mpl', 'Mozilla Public License', 'Mozilla Foundation is the license steward and may publish new versions.\n\nIf a copy of the MPL was not distributed with this file, you can obtain one online.'),
    ];
    const corpus = await buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents, warnings: [] }, { logger: silentLogger });
    const answer = answerQuestion(corpus, 'MPL: who is the license steward?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Mozilla Foundation');
  });

  it("counts a document's initials as held by every passage of it, so its notice that spells the name out wins nothing by it", async () => {
    const documentOf = (id: string, title: string, text: string) => ({ id, path: `${id}.txt`, meta: { title }, text, hash: hashText(text) });
    const mpl = [
      '1.5. "Incompatible With Secondary Licenses" means that the initial Contributor has attached the notice described in Exhibit B to the Covered Software.',
      '1.12. "Secondary License" means either the GNU General Public License, Version 2.0, the GNU Lesser General Public License, Version 2.1, the GNU Affero General Public License, Version 3.0, or any later versions of those licenses.',
      'If You choose to distribute Source Code Form that is Incompatible With Secondary Licenses under the terms of this version of the License, the notice described in Exhibit B of this License must be attached.',
      'This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL was not distributed with this file, You can obtain one at http://mozilla.org/MPL/2.0/.',
      '1.6. "Executable Form" means any form of the work other than Source Code Form.',
      '1.13. "Source Code Form" means the form of the work preferred for making modifications.',
      'Mozilla Foundation is the license steward. Except as provided in Section 10.3, no one other than the license steward has the right to modify or publish new versions of this License.',
      'Each Contributor hereby grants You a world-wide, royalty-free, non-exclusive license under intellectual property rights owned or controlled by such Contributor.',
      'Covered Software is provided under this License on an "as is" basis, without warranty of any kind.',
      'Any litigation relating to this License may be brought only in the courts of a jurisdiction where the defendant maintains its principal place of business.',
    ];
    const documents = [
      documentOf('apache', 'Apache License, Version 2.0', 'You must give any other recipients of the Work a copy of this License.\n\nYou may add Your own copyright statement to Your modifications.'),
      documentOf('mpl', 'Mozilla Public License, Version 2.0', mpl.join('\n\n')),
    ];
    const corpus = await buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents, warnings: [] }, { logger: silentLogger });
    const answer = answerQuestion(corpus, 'Which licenses count as "Secondary Licenses" under MPL 2.0?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('GNU General Public License, Version 2.0');
  });
});
