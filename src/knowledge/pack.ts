import { readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { PinpointError } from '../errors.js';
import { mergeAliasGroups } from './alias-groups.js';
import { type PackManifest, packManifestSchema } from './schema.js';
import { decodeTextFile } from './utf8.js';
import { parseYamlBlock } from './yaml-block.js';

export const PACK_FILE = 'pack.yaml';

export interface PackFile {
  manifest: PackManifest;
  /** Each alias phrase's line in the file, by its text. */
  aliasLines: ReadonlyMap<string, number>;
}

/**
 * Reads the optional pack-level file (case name, aliases, metadata for PDFs and HTML). It is read as
 * strictly as a document: an alias saved in Latin-1 would otherwise never match the text it names.
 */
export async function readPackManifest(dir: string): Promise<PackFile> {
  const file = path.join(dir, PACK_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      // A link to nowhere is a pack file gone missing, not none: reading it as none dropped the aliases and titles.
      const target = await readlink(file).catch(() => undefined);
      if (target !== undefined) {
        throw new PinpointError('PACK_INVALID', `pinpoint: ${file} is a link to ${target}, which does not exist; point the link at the pack file, or remove it`, {
          cause: error,
        });
      }
      return { manifest: packManifestSchema.parse({}), aliasLines: new Map() };
    }
    const problem = code === 'EISDIR' ? 'is a folder' : `cannot be read (${(error as Error).message})`;
    throw new PinpointError('PACK_INVALID', `pinpoint: ${file} ${problem}; make it a readable YAML file or remove it`, { cause: error });
  }
  const source = decodeTextFile(bytes, file, 'PACK_INVALID');
  const manifest = parseYamlBlock(source, packManifestSchema, { file, firstLine: 1, errorCode: 'PACK_INVALID' });
  return { manifest: { ...manifest, aliases: mergeAliasGroups(manifest.aliases) }, aliasLines: aliasLinesOf(source) };
}

/** The line of each alias phrase in pack.yaml (the first, for one listed twice), for warnings about one. */
function aliasLinesOf(source: string): Map<string, number> {
  const lineCounter = new LineCounter();
  const groups = parseDocument(source, { lineCounter }).get('aliases', true);
  const lines = new Map<string, number>();
  for (const group of isSeq(groups) ? groups.items : []) {
    for (const phrase of isSeq(group) ? group.items : []) {
      if (!isScalar(phrase) || typeof phrase.value !== 'string' || !phrase.range) continue;
      const text = phrase.value.trim();
      if (!lines.has(text)) lines.set(text, lineCounter.linePos(phrase.range[0]).line);
    }
  }
  return lines;
}
