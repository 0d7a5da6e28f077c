import { buildCorpus, type Corpus } from '../../src/corpus.js';
import { hashText } from '../../src/knowledge/load.js';
import { packManifestSchema } from '../../src/knowledge/schema.js';
import { silentLogger } from '../../src/logger.js';

/** A corpus of one document built in memory from its paragraphs: real analysis and a real MiniSearch index. */
export function corpusOfParagraphs(paragraphs: readonly string[], title = 'Opinion'): Promise<Corpus> {
  const text = paragraphs.join('\n\n');
  const document = { id: 'opinion', path: 'opinion.txt', meta: { title }, text, hash: hashText(text) };
  return buildCorpus({ dir: 'memory', manifest: packManifestSchema.parse({}), documents: [document], warnings: [] }, { logger: silentLogger });
}
