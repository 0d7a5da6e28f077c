import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PinpointError } from '../errors.js';
import type { Document, DocumentMeta, PageSpan } from '../types.js';
import { splitFrontMatter } from './front-matter.js';
import { PACK_FILE, readPackManifest } from './pack.js';
import { extractHtml } from './html.js';
import { extractPdf } from './pdf.js';
import { documentMetaSchema, type PackManifest } from './schema.js';
import { parseYamlBlock } from './yaml-block.js';

export interface KnowledgePack {
  dir: string;
  manifest: PackManifest;
  documents: Document[];
  warnings: string[];
}

/** What a format-specific reader returns for one file. */
interface ReadFile {
  text: string;
  pages?: PageSpan[];
  meta: Partial<DocumentMeta>;
  warnings: string[];
}

type Reader = (bytes: Buffer, file: string) => Promise<ReadFile>;

// Built once: zod schema construction costs far more than a parse (a 10,000-passage pack restarts in ms).
const frontMatterSchema = documentMetaSchema.partial();

const readText: Reader = async (bytes, file) => {
  const source = normalizeNewlines(bytes.toString('utf8'));
  const split = splitFrontMatter(source, file);
  const meta = split.yaml === undefined
    ? {}
    : parseYamlBlock(split.yaml, frontMatterSchema, {
        file,
        firstLine: split.yamlFirstLine,
        errorCode: 'DOCUMENT_INVALID',
      });
  return { text: split.body, meta, warnings: [] };
};

// PDF and HTML carry no front matter: their metadata comes from the file itself and pack.yaml.
const readPdf: Reader = async (bytes, file) => extractPdf(new Uint8Array(bytes), file);
const readHtml: Reader = async (bytes, file) => extractHtml(bytes.toString('utf8'), file);

const READERS: Record<string, Reader> = {
  '.md': readText,
  '.markdown': readText,
  '.txt': readText,
  '.pdf': readPdf,
  '.html': readHtml,
  '.htm': readHtml,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

/**
 * Reads every document of a knowledge folder. A missing or empty folder and any malformed file stop
 * the load with an error naming the file and the fix; nothing is half-loaded.
 */
export async function loadKnowledge(dir: string): Promise<KnowledgePack> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    const problem = info ? 'is a file, not a folder' : 'does not exist';
    throw new PinpointError('KNOWLEDGE_MISSING', `pinpoint: knowledge folder ${dir} ${problem}; create it with the case documents or set KNOWLEDGE_DIR`);
  }
  const manifest = await readPackManifest(dir);
  const files = (await listFiles(dir)).filter((file) => READERS[path.extname(file).toLowerCase()]);
  if (files.length === 0) {
    throw new PinpointError(
      'KNOWLEDGE_EMPTY',
      `pinpoint: knowledge folder ${dir} has no documents (${SUPPORTED_EXTENSIONS.join(', ')}); add one or set KNOWLEDGE_DIR`,
    );
  }
  const warnings: string[] = [];
  const documents: Document[] = [];
  const usedIds = new Set<string>();
  const contents = await readAll(files.map((relative) => path.join(dir, relative)));
  for (const [at, relative] of files.entries()) {
    const full = path.join(dir, relative);
    const reader = READERS[path.extname(relative).toLowerCase()]!;
    const read = await reader(contents[at]!, full);
    warnings.push(...read.warnings.map((warning) => `${full}: ${warning}`));
    if (read.text.trim() === '') {
      warnings.push(`${full}: no text; skipped`);
      continue;
    }
    const meta = mergeMeta(relative, read.meta, manifest.documents[relative]);
    const id = uniqueId(documentIdOf(relative), usedIds);
    documents.push({ id, path: relative, meta, text: read.text, ...(read.pages ? { pages: read.pages } : {}), hash: hashText(read.text) });
  }
  if (documents.length === 0) {
    throw new PinpointError('KNOWLEDGE_EMPTY', `pinpoint: knowledge folder ${dir} has only empty documents; add text or set KNOWLEDGE_DIR`);
  }
  for (const listed of Object.keys(manifest.documents)) {
    if (!files.includes(listed)) warnings.push(`${path.join(dir, PACK_FILE)}: documents: "${listed}" is not in the folder`);
  }
  return { dir, manifest, documents, warnings };
}

/** Files read a batch at a time: faster than one by one, without running out of file handles. */
const READ_BATCH = 64;

async function readAll(files: readonly string[]): Promise<Buffer[]> {
  const contents: Buffer[] = [];
  for (let from = 0; from < files.length; from += READ_BATCH) {
    contents.push(...(await Promise.all(files.slice(from, from + READ_BATCH).map((file) => readFile(file)))));
  }
  return contents;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Dot and underscore names are drafts, editor files or notes, not case documents.
    if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name === PACK_FILE) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

function mergeMeta(relative: string, fromFile: Partial<DocumentMeta>, fromManifest: Partial<DocumentMeta> | undefined): DocumentMeta {
  const merged = { ...fromFile, ...fromManifest };
  const title = merged.title ?? path.basename(relative, path.extname(relative)).replace(/[-_]+/g, ' ');
  return Object.fromEntries(Object.entries({ ...merged, title }).filter(([, value]) => value !== undefined)) as unknown as DocumentMeta;
}

function documentIdOf(relative: string): string {
  const withoutExtension = relative.slice(0, relative.length - path.extname(relative).length);
  return withoutExtension.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'document';
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}
