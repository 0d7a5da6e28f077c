import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PinpointError } from '../errors.js';
import { mergeAliasGroups } from './alias-groups.js';
import { type PackManifest, packManifestSchema } from './schema.js';
import { decodeTextFile } from './utf8.js';
import { parseYamlBlock } from './yaml-block.js';

export const PACK_FILE = 'pack.yaml';

/**
 * Reads the optional pack-level file (case name, aliases, metadata for PDFs and HTML). It is read as
 * strictly as a document: an alias saved in Latin-1 would otherwise never match the text it names.
 */
export async function readPackManifest(dir: string): Promise<PackManifest> {
  const file = path.join(dir, PACK_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return packManifestSchema.parse({});
    const problem = code === 'EISDIR' ? 'is a folder' : `cannot be read (${(error as Error).message})`;
    throw new PinpointError('PACK_INVALID', `pinpoint: ${file} ${problem}; make it a readable YAML file or remove it`, { cause: error });
  }
  const source = decodeTextFile(bytes, file, 'PACK_INVALID');
  const manifest = parseYamlBlock(source, packManifestSchema, { file, firstLine: 1, errorCode: 'PACK_INVALID' });
  return { ...manifest, aliases: mergeAliasGroups(manifest.aliases) };
}
