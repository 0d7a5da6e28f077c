import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { documentsNamedByTitle } from '../src/answer/named-document.js';
import { analyzeQuery } from '../src/answer/query.js';
import { buildCorpus } from '../src/corpus.js';
import { hashText } from '../src/knowledge/load.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';
import type { Document } from '../src/types.js';

/** A licence file as a package ships it: the package's name is in the file name (the title), never in the text. */
function licence(id: string, holder: string): Document {
  const text = [
    'MIT License',
    `Copyright (c) 2025 ${holder}`,
    'Permission is hereby granted, free of charge, to any person obtaining a copy of this software, to deal in the Software without restriction.',
    'IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY.',
  ].join('\n\n');
  return { id, path: `${id}.txt`, meta: { title: id.replace(/-/g, ' ') }, text, hash: hashText(text) };
}

const NOTICES: Document = (() => {
  const text = [
    'Third-party notices.',
    'Each contributor holds the copyright in its contributions and grants the recipients a licence to them.',
    'Copyright holders of bundled components are listed in each component notice below.',
  ].join('\n\n');
  return { id: 'third-party-notices', path: 'third-party-notices.txt', meta: { title: 'third party notices' }, text, hash: hashText(text) };
})();

async function corpusOf(documents: Document[]) {
  return buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents, warnings: [] }, { logger: silentLogger });
}

describe('a question naming a document by a word only its title holds', () => {
  it('is answered from that document, with full confidence in the name', async () => {
    const corpus = await corpusOf([licence('zod-mit', 'Colin McDonnell'), licence('lodash-mit', 'OpenJS Foundation'), NOTICES]);
    for (const question of ['who holds the copyright for zod?', 'who owns the copyright of lodash', 'is the zod author liable for damages?']) {
      const answer = answerQuestion(corpus, question);
      expect(answer.kind, question).toBe('excerpts');
      if (answer.kind !== 'excerpts') continue;
      expect(answer.excerpts[0]!.citation.title, question).toBe(question.includes('zod') ? 'zod mit' : 'lodash mit');
    }
  });

  it('looks up only the first few unknown words in the titles, so a wall of made-up words costs little', async () => {
    const corpus = await corpusOf([licence('zod-mit', 'Colin McDonnell'), licence('lodash-mit', 'OpenJS Foundation')]);
    const named = (question: string) => documentsNamedByTitle(analyzeQuery(question, corpus.analyzer, corpus.index), corpus.documents, corpus.analyzer)?.docIds;
    expect(named('qzxv wkpq zod copyright')).toEqual(new Set(['zod-mit']));
    expect(named('qzxv wkpq vbnm zod copyright')).toBeUndefined();
  });

  it('does not take an English word of a title for a name', async () => {
    // "bundled" is a word of the notices' title here only, yet it names nothing: the other words decide.
    const corpus = await corpusOf([licence('zod-mit', 'Colin McDonnell'), { ...NOTICES, meta: { title: 'bundled notices' } }]);
    const answer = answerQuestion(corpus, 'which libraries are bundled with sqlite?');
    expect(answer.kind).toBe('no-match');
  });
});
