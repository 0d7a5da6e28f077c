import { constants } from 'node:buffer';
import { hash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { PinpointError } from '../errors.js';
import type { Document, DocumentMeta, PageSpan } from '../types.js';
import { splitFrontMatter } from './front-matter.js';
import { extractHtml } from './html.js';
import { decodeHtml } from './html-encoding.js';
import { isLeftOutPath } from './left-out.js';
import { isLfsPointer } from './lfs-pointer.js';
import { leftOutDocuments, listFiles } from './list-files.js';
import { PACK_FILE, readPackManifest } from './pack.js';
import { extractPdf } from './pdf.js';
import { documentMetaSchema, type PackManifest } from './schema.js';
import { simpleFrontMatter } from './simple-front-matter.js';
import { GONE_MEANWHILE, isGone, unreadable } from './unreadable.js';
import { decodeTextFile } from './utf8.js';
import { parseYamlBlock } from './yaml-block.js';

export interface KnowledgePack {
  dir: string;
  manifest: PackManifest;
  documents: Document[];
  warnings: string[];
  /** Each alias phrase's line in pack.yaml, for warnings about one (absent in packs built in memory). */
  aliasLines?: ReadonlyMap<string, number>;
  /** The real paths of the folders links in `dir` led into, which a watch of `dir` does not see into. */
  linkedFolders?: readonly string[];
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
  const source = normalizeNewlines(decodeTextFile(bytes, file, 'DOCUMENT_INVALID'));
  const split = splitFrontMatter(source, file);
  if (split.yaml === undefined) return { text: split.body, meta: {}, warnings: [] };
  const simple = simpleFrontMatter(split.yaml);
  const checked = simple && frontMatterSchema.safeParse(simple);
  // The YAML parser reads the rest, and words any problem with the line it is on.
  const meta = checked?.success
    ? checked.data
    : parseYamlBlock(split.yaml, frontMatterSchema, { file, firstLine: split.yamlFirstLine, errorCode: 'DOCUMENT_INVALID' });
  return { text: split.body, meta, warnings: [] };
};

// PDF and HTML carry no front matter: their metadata comes from the file itself and pack.yaml.
const readPdf: Reader = async (bytes, file) => extractPdf(new Uint8Array(bytes), file);
const readHtml: Reader = async (bytes, file) => extractHtml(decodeHtml(bytes, file), file);

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
 * What named the knowledge folder, so the fix for a missing one points at it: an environment variable
 * ("KNOWLEDGE_DIR", the default) or a command-line flag ("--knowledge"). The caller knows; the core does not.
 */
export type KnowledgeOrigin = { variable: string } | { flag: string };

export interface LoadKnowledgeOptions {
  origin?: KnowledgeOrigin;
}

/**
 * Reads every document of a knowledge folder. A missing or empty folder and any malformed file stop
 * the load with an error naming the file and the fix; nothing is half-loaded.
 */
export async function loadKnowledge(dir: string, options: LoadKnowledgeOptions = {}): Promise<KnowledgePack> {
  const origin = options.origin ?? { variable: 'KNOWLEDGE_DIR' };
  // The other way to fix it: point the variable or the flag that named this folder at another one.
  const elsewhere = (folder: string) => ('flag' in origin ? `pass ${origin.flag} a folder ${folder}` : `set ${origin.variable}`);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) {
    const problem = info ? 'is a file, not a folder' : 'does not exist';
    // A relative folder is read from the working folder, which a service manager sets elsewhere than the checkout (systemd
    // starts in /): "./knowledge does not exist" sent the operator to the checkout's, which did.
    const where = path.isAbsolute(dir) ? dir : `${dir} (${path.resolve(dir)})`;
    throw new PinpointError('KNOWLEDGE_MISSING', `pinpoint: knowledge folder ${where} ${problem}; create it with the case documents or ${elsewhere('that exists')}`);
  }
  const { manifest, aliasLines } = await readPackManifest(dir);
  const warnings: string[] = [];
  const { files: listed, linkedFolders } = await listFiles(dir, warnings);
  const files = listed.filter((file) => READERS[path.extname(file).toLowerCase()]);
  for (const file of listed) {
    if (!READERS[path.extname(file).toLowerCase()]) warnings.push(skippedFormatWarning(dir, file));
  }
  if (files.length === 0) {
    // Say why the files that are there did not count (a .docx, a pack.yml, a "_filings" folder), or the folder looks empty.
    const leftOut = (await leftOutDocuments(dir, SUPPORTED_EXTENSIONS)).map(
      ({ name, isFolder }) => `${path.join(dir, name)}: left out, as every name starting with "." or "_" is: rename it to quote ${isFolder ? 'the documents in it' : 'it'}`,
    );
    throw new PinpointError(
      'KNOWLEDGE_EMPTY',
      `pinpoint: knowledge folder ${dir} has no documents (${SUPPORTED_EXTENSIONS.join(', ')}); add one or ${elsewhere('with documents')}${[...warnings, ...leftOut].map((warning) => `\n  ${warning}`).join('')}`,
    );
  }
  const documents: Document[] = [];
  const pathById = new Map<string, string>();
  const entries = new Map(Object.entries(manifest.documents).map(([listed, entry]) => [entryKey(listed), entry]));
  for await (const [relative, bytes] of readInBatches(dir, files)) {
    const full = path.join(dir, relative);
    if (bytes === undefined) {
      warnings.push(`${full}: ${GONE_MEANWHILE}`);
      continue;
    }
    // A placeholder (a download still running, a copy not done) holds no text in any format: a 0-byte PDF stopped
    // the load as "not a readable PDF".
    if (bytes.length === 0) {
      warnings.push(`${full}: an empty file (0 bytes); skipped`);
      continue;
    }
    if (isLfsPointer(bytes)) {
      throw new PinpointError(
        'DOCUMENT_INVALID',
        `pinpoint: ${full} is a Git LFS pointer, not the document itself; fetch the file (git lfs pull, or check the folder out with Git LFS), or move it out of the knowledge folder`,
      );
    }
    const reader = READERS[path.extname(relative).toLowerCase()]!;
    const read = await reader(bytes, full);
    warnings.push(...read.warnings.map((warning) => `${full}: ${warning}`));
    if (read.text.trim() === '') {
      warnings.push(`${full}: no text; skipped`);
      continue;
    }
    const meta = mergeMeta(relative, read.meta, entries.get(entryKey(relative)));
    const id = claimId(documentIdOf(relative), relative, pathById, dir);
    documents.push({ id, path: relative, meta, text: read.text, ...(read.pages ? { pages: read.pages } : {}), hash: hashText(read.text) });
  }
  if (documents.length === 0) {
    throw new PinpointError('KNOWLEDGE_EMPTY', `pinpoint: knowledge folder ${dir} has only empty documents; add text or ${elsewhere('with documents')}`);
  }
  const present = new Set(files.map(entryKey));
  // A .docx the entry names is there, only skipped: "not in the folder" sent the operator looking for a typo.
  const unread = new Set(listed.map(entryKey));
  for (const entry of Object.keys(manifest.documents)) {
    const key = entryKey(entry);
    if (present.has(key)) continue;
    // "complaint.pdf" for "Complaint.pdf" works on a Mac's disk and not on Linux or in Docker: name the file meant.
    const meant = files.find((relative) => entryKey(relative).toLowerCase() === key.toLowerCase());
    // "filings/order" for "filings/order.md", and "filings" for a folder, were "not in the folder", which they were.
    const unextended = files.find((relative) => withoutExtension(entryKey(relative)).toLowerCase() === key.toLowerCase());
    const inFolder = files.find((relative) => entryKey(relative).startsWith(`${key.replace(/\/+$/, '')}/`));
    const problem = unread.has(key)
      ? `is not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}), so this entry is unused: save the file as PDF or text and list that name`
      : meant !== undefined
        ? `is not in the folder; did you mean "${meant}"? (names are matched with their capitals)`
        : unextended !== undefined
          ? `is not in the folder; did you mean "${unextended}"? (an entry names its file with the extension)`
          : inFolder !== undefined
            ? `is a folder; an entry names one file in it, such as "${inFolder}"`
            : isLeftOutPath(key)
              ? 'is left out, as every name starting with "." or "_" is: rename it to quote it'
              : 'is not in the folder';
    warnings.push(`${path.join(dir, PACK_FILE)}: documents: "${entry}" ${problem}`);
  }
  return { dir, manifest, documents, warnings, aliasLines, linkedFolders };
}

/**
 * A path as pack.yaml's `documents:` and the folder are matched: Unicode spelled one way (NFC: a name typed in
 * pack.yaml must match the same name from a Mac archive, which spells "é" as "e" and a combining accent), "/"
 * between folders, and without the "./" a relative path is often written with ("./filings/order.pdf").
 */
function entryKey(relative: string): string {
  return relative.normalize('NFC').replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** A path without its extension ("filings/order.md" → "filings/order"). */
function withoutExtension(relative: string): string {
  return relative.slice(0, relative.length - path.extname(relative).length);
}

/** Why a file in a format Pinpoint does not read is skipped; a misnamed pack file gets its right name. */
function skippedFormatWarning(dir: string, file: string): string {
  if (/^pack\.ya?ml$/i.test(file)) return `${path.join(dir, file)}: skipped; the pack file is read only as ${PACK_FILE}: rename it`;
  return `${path.join(dir, file)}: not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}); skipped: save it as PDF or text to quote it`;
}

/** Files read a batch at a time: faster than one by one, without running out of file handles. */
const READ_BATCH = 64;
/** And no more bytes at a time than this, whatever their number (a batch of 64 large PDFs held 320 MB). */
const READ_BATCH_BYTES = 64 * 1024 * 1024;

/**
 * Each file (relative to `dir`) with its bytes, in order, or undefined for one gone since it was listed (moved
 * or deleted meanwhile: the watch reloads again for that). A batch is read only once the one before has been
 * read into documents: reading every file before any was parsed held the bytes of the whole pack at once (a
 * 1 GB pack of PDFs took 1.2 GB of memory, more than many containers are given).
 */
async function* readInBatches(dir: string, files: readonly string[]): AsyncGenerator<[string, Buffer | undefined]> {
  for (const batch of await batchesOf(dir, files)) {
    const contents = await Promise.all(
      batch.map((relative) =>
        readDocumentFile(path.join(dir, relative)).catch((error: unknown) => {
          if (isGone(error, relative)) return undefined;
          throw error instanceof PinpointError ? error : unreadable(path.join(dir, relative), error);
        }),
      ),
    );
    for (const [at, relative] of batch.entries()) yield [relative, contents[at]];
  }
}

/** The files in order, in batches of READ_BATCH files and READ_BATCH_BYTES at most (a larger file alone). */
async function batchesOf(dir: string, files: readonly string[]): Promise<string[][]> {
  const sizes: number[] = [];
  for (let from = 0; from < files.length; from += READ_BATCH) {
    // A file that cannot be measured counts as empty: reading it says what is wrong.
    const measured = files.slice(from, from + READ_BATCH).map((relative) => stat(path.join(dir, relative)).then((info) => info.size, () => 0));
    sizes.push(...(await Promise.all(measured)));
  }
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const [at, relative] of files.entries()) {
    if (batch.length === READ_BATCH || (batch.length > 0 && bytes + sizes[at]! > READ_BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(relative);
    bytes += sizes[at]!;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Text longer than a JavaScript string can be: decoding it threw Node's "Cannot create a string longer than
 * 0x1fffffe8 characters", which named no file. A PDF's bytes are no string; its text is far shorter.
 */
const MAX_TEXT_BYTES = constants.MAX_STRING_LENGTH;

/** A file's bytes; a text file too long to decode is refused by its size, before it is read. */
async function readDocumentFile(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    if (READERS[path.extname(file).toLowerCase()] !== readPdf && (await handle.stat()).size > MAX_TEXT_BYTES) {
      throw new PinpointError(
        'DOCUMENT_INVALID',
        `pinpoint: ${file} is larger than 512 MiB, more text than one document can hold; split it, or move it out of the knowledge folder`,
      );
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

export function hashText(text: string): string {
  return hash('sha256', text);
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function mergeMeta(relative: string, fromFile: Partial<DocumentMeta>, fromManifest: Partial<DocumentMeta> | undefined): DocumentMeta {
  const merged = { ...fromFile, ...fromManifest };
  const title = oneLine(merged.title ?? '') || oneLine(path.basename(relative, path.extname(relative)).replace(/[-_]+/g, ' '));
  return Object.fromEntries(Object.entries({ ...merged, title }).filter(([, value]) => value !== undefined)) as unknown as DocumentMeta;
}

/**
 * A title on one line: a PDF's Title with a line break in it ("Order Granting\r\nMotion to Dismiss") or a front
 * matter block ("title: |") broke the one line a citation is, in the terminal, on Discord and on Slack. Other
 * control characters stay, for each output to show as it shows them.
 */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The path's letters and digits, lower-cased, in any script ("判决书.md" → "判决书"), with accents dropped: a
 * name copied from a Mac may spell "é" as "e" and a combining accent, and the id (and every passage id hashed
 * from it) must not depend on which way a file system spells it.
 */
function documentIdOf(relative: string): string {
  const unaccented = withoutExtension(relative).normalize('NFKD').replace(/\p{M}+/gu, '');
  return unaccented.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'document';
}

/**
 * A document's id comes from its own path alone, so adding a file never renames another and pins keep
 * pointing where they did. Two paths that make the same id ("a.md" and "a.txt") stop the load instead.
 */
function claimId(id: string, relative: string, pathById: Map<string, string>, dir: string): string {
  const holder = pathById.get(id);
  if (holder !== undefined) {
    throw new PinpointError(
      'DOCUMENT_INVALID',
      `pinpoint: ${path.join(dir, holder)} and ${path.join(dir, relative)} would both be document "${id}" (citations and pins name documents by it); rename one of them or remove the copy`,
    );
  }
  pathById.set(id, relative);
  return id;
}
