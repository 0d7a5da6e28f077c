import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.js';
import { splitPassages } from '../src/passages.js';

/** A passage as every row indexes it: the same texts for Pinpoint and each peer. */
export interface BenchPassage {
  id: string;
  docId: string;
  text: string;
}

/** Reads a knowledge folder and splits it into the passages the rows index. */
export type PassageLoader = (knowledgeDir: string) => Promise<BenchPassage[]>;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(md|markdown|txt)$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Fallback until the core exports its loader and splitter: Markdown/text files, front matter dropped,
 * one passage per blank-line-separated block.
 */
export const blankLinePassages: PassageLoader = async (knowledgeDir) => {
  const passages: BenchPassage[] = [];
  for (const file of await listFiles(knowledgeDir)) {
    const docId = relative(knowledgeDir, file).split('\\').join('/');
    const body = (await readFile(file, 'utf8')).replace(/^---[ \t]*\n[\s\S]*?\n---[ \t]*\n/, '');
    body
      .split(/\n[ \t]*\n/)
      .map((block) => block.trim())
      .filter((block) => block.length > 0)
      .forEach((text, index) => passages.push({ id: `${docId}#${index + 1}`, docId, text }));
  }
  return passages;
};

/** The core's own loader and splitter: the exact passages Pinpoint indexes. */
export const corePassages: PassageLoader = async (knowledgeDir) => {
  const pack = await loadKnowledge(knowledgeDir);
  return pack.documents.flatMap((document) =>
    splitPassages(document).map((passage) => ({ id: passage.id, docId: passage.docId, text: passage.text })),
  );
};
