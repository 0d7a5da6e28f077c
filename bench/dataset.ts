import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../src/types.js';

// The eval command's readers, so the bench reads SQuAD and JSONL exactly as `npm run eval` does.
export { readQuestions, readSquad, type EvalQuestion as BenchQuestion } from '../src/eval/datasets.js';

/**
 * Writes documents as Markdown files with a `title` front matter, so every row (Pinpoint through
 * `createPinpoint`, the peers through the core's loader) reads the same knowledge folder.
 */
export async function writeKnowledge(documents: readonly Pick<Document, 'meta' | 'text'>[], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const width = String(documents.length).length;
  await Promise.all(
    documents.map((doc, index) => {
      const slug = doc.meta.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'doc';
      const name = `${String(index + 1).padStart(width, '0')}-${slug}.md`;
      return writeFile(join(dir, name), `---\ntitle: ${JSON.stringify(doc.meta.title)}\n---\n\n${doc.text}\n`);
    }),
  );
}
