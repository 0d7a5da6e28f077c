import { constants } from 'node:buffer';
import { hash } from 'node:crypto';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { PinpointError } from '../errors.js';
import type { Document, DocumentMeta, PageSpan } from '../types.js';
import { splitFrontMatter } from './front-matter.js';
import { extractHtml } from './html.js';
import { decodeHtml } from './html-encoding.js';
import { isLeftOutName, isLeftOutPath } from './left-out.js';
import { PACK_FILE, readPackManifest } from './pack.js';
import { extractPdf } from './pdf.js';
import { documentMetaSchema, type PackManifest } from './schema.js';
import { simpleFrontMatter } from './simple-front-matter.js';
import { decodeTextFile } from './utf8.js';
import { parseYamlBlock } from './yaml-block.js';

export interface KnowledgePack {
  dir: string;
  manifest: PackManifest;
  documents: Document[];
  warnings: string[];
  /** Each alias phrase's line in pack.yaml, for warnings about one (absent in packs built in memory). */
  aliasLines?: ReadonlyMap<string, number>;
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
    throw new PinpointError('KNOWLEDGE_MISSING', `pinpoint: knowledge folder ${dir} ${problem}; create it with the case documents or ${elsewhere('that exists')}`);
  }
  const { manifest, aliasLines } = await readPackManifest(dir);
  const warnings: string[] = [];
  const listed = await listFiles(dir, warnings);
  const files = listed.filter((file) => READERS[path.extname(file).toLowerCase()]);
  for (const file of listed) {
    if (!READERS[path.extname(file).toLowerCase()]) warnings.push(skippedFormatWarning(dir, file));
  }
  if (files.length === 0) {
    // Say why the files that are there did not count (a .docx, a pack.yml), or the folder looks empty.
    throw new PinpointError(
      'KNOWLEDGE_EMPTY',
      `pinpoint: knowledge folder ${dir} has no documents (${SUPPORTED_EXTENSIONS.join(', ')}); add one or ${elsewhere('with documents')}${warnings.map((warning) => `\n  ${warning}`).join('')}`,
    );
  }
  const documents: Document[] = [];
  const pathById = new Map<string, string>();
  const entries = new Map(Object.entries(manifest.documents).map(([listed, entry]) => [entryKey(listed), entry]));
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
    const problem = unread.has(key)
      ? `is not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}), so this entry is unused: save the file as PDF or text and list that name`
      : meant !== undefined
        ? `is not in the folder; did you mean "${meant}"? (names are matched with their capitals)`
        : isLeftOutPath(key)
          ? 'is left out, as every name starting with "." or "_" is: rename it to quote it'
          : 'is not in the folder';
    warnings.push(`${path.join(dir, PACK_FILE)}: documents: "${entry}" ${problem}`);
  }
  return { dir, manifest, documents, warnings, aliasLines };
}

/**
 * A path as pack.yaml's `documents:` and the folder are matched: Unicode spelled one way (NFC: a name typed in
 * pack.yaml must match the same name from a Mac archive, which spells "é" as "e" and a combining accent), "/"
 * between folders, and without the "./" a relative path is often written with ("./filings/order.pdf").
 */
function entryKey(relative: string): string {
  return relative.normalize('NFC').replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

/** Why a file in a format Pinpoint does not read is skipped; a misnamed pack file gets its right name. */
function skippedFormatWarning(dir: string, file: string): string {
  if (/^pack\.ya?ml$/i.test(file)) return `${path.join(dir, file)}: skipped; the pack file is read only as ${PACK_FILE}: rename it`;
  return `${path.join(dir, file)}: not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}); skipped: save it as PDF or text to quote it`;
}

/** Files read a batch at a time: faster than one by one, without running out of file handles. */
const READ_BATCH = 64;

async function readAll(files: readonly string[]): Promise<Buffer[]> {
  const contents: Buffer[] = [];
  for (let from = 0; from < files.length; from += READ_BATCH) {
    const batch = files.slice(from, from + READ_BATCH).map((file) =>
      readDocumentFile(file).catch((error: unknown) => {
        throw error instanceof PinpointError ? error : unreadable(file, error);
      }),
    );
    contents.push(...(await Promise.all(batch)));
  }
  return contents;
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

/**
 * A file or folder the operating system would not hand over, named with what to do: Node's own error for a
 * file larger than 2 GiB names no file, and the CLI printed any of them as a stack trace.
 */
function unreadable(file: string, error: unknown, root = false): PinpointError {
  const code = (error as NodeJS.ErrnoException).code;
  const orMove = root ? '' : ', or move it out of the knowledge folder';
  const problem =
    code === 'EACCES' || code === 'EPERM'
      ? `cannot be read: permission denied; let the user Pinpoint runs as read it (chmod -R a+rX)${orMove}`
      : code === 'ERR_FS_FILE_TOO_LARGE'
        ? `is larger than 2 GiB, too large to read; split it${orMove}`
        : `cannot be read (${error instanceof Error ? error.message : String(error)}); fix it${orMove}`;
  return new PinpointError('DOCUMENT_INVALID', `pinpoint: ${file} ${problem}`, { cause: error });
}

export function hashText(text: string): string {
  return hash('sha256', text);
}

function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Dot and underscore names are drafts, editor files or notes, not case documents; nor are editors' backups. */
function isLeftOut(name: string): boolean {
  return isLeftOutName(name) || name === PACK_FILE;
}

/** A file to read, or a symbolic link to follow once the folder holding it has been walked. */
type Entry = { file: string } | { link: string };

/**
 * Every file under the folder, as paths relative to it, in one walk: each folder's names sorted, each folder
 * read once. Symbolic links are followed (a Kubernetes ConfigMap mounts each file as one), but only after the
 * folder they are in has been walked, and a file or folder already taken under another name is not taken again:
 * its documents are read under their own path, not a second time under a link's (a `latest.pdf` linked to a
 * filing was cited as a second document), and a link loop ends. A broken link is a warning.
 */
async function listFiles(dir: string, warnings: string[]): Promise<string[]> {
  const root = await realpath(dir).catch((error: unknown) => {
    throw unreadable(dir, error, true);
  });
  const taken = new Set([root]);
  return filesOf(dir, await walkFolder(dir, '', root, taken, warnings), taken, warnings);
}

/** The entries of a walked folder as files, following its links in their place among them. */
async function filesOf(dir: string, entries: readonly Entry[], taken: Set<string>, warnings: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    if ('file' in entry) files.push(entry.file);
    else files.push(...(await followLink(dir, entry.link, taken, warnings)));
  }
  return files;
}

/**
 * The files and links under one folder (`real` is where it really is), and in its subfolders, leaving out
 * any not yet in `taken` and adding the rest: in a folder reached through a link, a file or folder another
 * link named first (a folder elsewhere holding the file `latest.md` names) is read once.
 */
async function walkFolder(dir: string, prefix: string, real: string, taken: Set<string>, warnings: string[]): Promise<Entry[]> {
  const here = path.join(dir, prefix);
  const listing = await readdir(here, { withFileTypes: true }).catch((error: unknown) => {
    throw unreadable(here, error, prefix === '');
  });
  const entries: Entry[] = [];
  for (const entry of listing.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    // Only the top folder's pack file is read: one further down would be ignored without a word.
    if (prefix && entry.name === PACK_FILE) warnings.push(`${path.join(dir, relative)}: only ${path.join(dir, PACK_FILE)} is read; move its names and aliases there`);
    if (isLeftOut(entry.name)) continue;
    if (entry.isSymbolicLink()) {
      entries.push({ link: relative });
      continue;
    }
    if (!entry.isDirectory() && !entry.isFile()) continue;
    // What is no link lies where its folder really is.
    const entryReal = path.join(real, entry.name);
    if (taken.has(entryReal)) continue;
    taken.add(entryReal);
    if (entry.isDirectory()) entries.push(...(await walkFolder(dir, relative, entryReal, taken, warnings)));
    else entries.push({ file: relative });
  }
  return entries;
}

/** The files a link names: itself for a file, the files under it for a folder; none when what it names is taken. */
async function followLink(dir: string, relative: string, taken: Set<string>, warnings: string[]): Promise<string[]> {
  const full = path.join(dir, relative);
  const target = await stat(full).catch(() => undefined);
  if (!target) {
    warnings.push(`${full}: a link to a file that does not exist; skipped`);
    return [];
  }
  const real = await realpath(full);
  if (taken.has(real) || !(target.isDirectory() || target.isFile())) return [];
  taken.add(real);
  if (target.isFile()) return [relative];
  return filesOf(dir, await walkFolder(dir, relative, real, taken, warnings), taken, warnings);
}

function mergeMeta(relative: string, fromFile: Partial<DocumentMeta>, fromManifest: Partial<DocumentMeta> | undefined): DocumentMeta {
  const merged = { ...fromFile, ...fromManifest };
  const title = merged.title ?? path.basename(relative, path.extname(relative)).replace(/[-_]+/g, ' ');
  return Object.fromEntries(Object.entries({ ...merged, title }).filter(([, value]) => value !== undefined)) as unknown as DocumentMeta;
}

/**
 * The path's letters and digits, lower-cased, in any script ("判决书.md" → "判决书"), with accents dropped: a
 * name copied from a Mac may spell "é" as "e" and a combining accent, and the id (and every passage id hashed
 * from it) must not depend on which way a file system spells it.
 */
function documentIdOf(relative: string): string {
  const withoutExtension = relative.slice(0, relative.length - path.extname(relative).length);
  const unaccented = withoutExtension.normalize('NFKD').replace(/\p{M}+/gu, '');
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
