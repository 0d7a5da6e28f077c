import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type PackManifest, packManifestSchema } from './schema.js';
import { parseYamlBlock } from './yaml-block.js';

export const PACK_FILE = 'pack.yaml';

/** Reads the optional pack-level file (case name, aliases, metadata for PDFs and HTML). */
export async function readPackManifest(dir: string): Promise<PackManifest> {
  const file = path.join(dir, PACK_FILE);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return packManifestSchema.parse({});
    throw error;
  }
  return parseYamlBlock(source, packManifestSchema, { file, firstLine: 1, errorCode: 'PACK_INVALID' });
}
