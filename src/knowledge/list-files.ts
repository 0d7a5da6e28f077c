import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isEditorFile } from './editor-files.js';
import { isLeftOutName } from './left-out.js';
import { PACK_FILE } from './pack.js';
import { GONE_MEANWHILE, hasUndecodableName, isGone, unreadable } from './unreadable.js';

export interface FolderListing {
  /** Every file under the folder, as paths relative to it. */
  files: string[];
  /**
   * The real paths of the folders links led into: a watch of the knowledge folder does not see a change in
   * them (nor in their subfolders), so the bot watches each of them too.
   */
  linkedFolders: string[];
}

/** What one walk of the knowledge folder carries along. */
interface Walk {
  dir: string;
  /** Real paths of the files and folders listed, so none is listed twice under two names. */
  taken: Set<string>;
  warnings: string[];
  linkedFolders: string[];
}

/** A file to read, or a symbolic link to follow once the folder holding it has been walked. */
type Entry = { file: string } | { link: string };

/**
 * Every file under the folder in one walk: each folder's names sorted, each folder read once. Symbolic links are
 * followed (a Kubernetes ConfigMap mounts each file as one), but only after the folder they are in has been
 * walked, and a file or folder already taken under another name is not taken again: its documents are read under
 * their own path, not a second time under a link's (a `latest.pdf` linked to a filing was cited as a second
 * document), and a link loop ends. A broken link is a warning.
 */
export async function listFiles(dir: string, warnings: string[]): Promise<FolderListing> {
  const root = await realpath(dir).catch((error: unknown) => {
    throw unreadable(dir, error, true);
  });
  const walk: Walk = { dir, taken: new Set([root]), warnings, linkedFolders: [] };
  const files = await filesOf(walk, await walkFolder(walk, '', root));
  return { files, linkedFolders: walk.linkedFolders };
}

/** Dot and underscore names are drafts, editor files or notes, not case documents; nor are editors' backups. */
function isLeftOut(name: string): boolean {
  return isLeftOutName(name) || name === PACK_FILE;
}

/** The entries of a walked folder as files, following its links in their place among them. */
async function filesOf(walk: Walk, entries: readonly Entry[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of entries) {
    if ('file' in entry) files.push(entry.file);
    else files.push(...(await followLink(walk, entry.link)));
  }
  return files;
}

/**
 * The files and links under one folder (`real` is where it really is), and in its subfolders, leaving out
 * any already taken and taking the rest: in a folder reached through a link, a file or folder another
 * link named first (a folder elsewhere holding the file `latest.md` names) is read once.
 */
async function walkFolder(walk: Walk, prefix: string, real: string): Promise<Entry[]> {
  const here = path.join(walk.dir, prefix);
  const listing = await readdir(here, { withFileTypes: true }).catch((error: unknown) => {
    // Moved while the folder above was read (a sync, a checkout): its files are read where they are now on the next load.
    if (prefix !== '' && isGone(error, here)) return undefined;
    throw unreadable(here, error, prefix === '');
  });
  if (listing === undefined) {
    walk.warnings.push(`${here}: ${GONE_MEANWHILE}`);
    return [];
  }
  const entries: Entry[] = [];
  for (const entry of listing.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    // Only the top folder's pack file is read: one further down would be ignored without a word.
    if (prefix && entry.name === PACK_FILE) {
      walk.warnings.push(`${path.join(walk.dir, relative)}: only ${path.join(walk.dir, PACK_FILE)} is read; move its names and aliases there`);
    }
    if (isLeftOut(entry.name)) continue;
    if (entry.isSymbolicLink()) {
      entries.push({ link: relative });
      continue;
    }
    if (!entry.isDirectory() && !entry.isFile()) continue;
    // What is no link lies where its folder really is.
    const entryReal = path.join(real, entry.name);
    if (walk.taken.has(entryReal)) continue;
    walk.taken.add(entryReal);
    if (entry.isDirectory()) entries.push(...(await walkFolder(walk, relative, entryReal)));
    else entries.push({ file: relative });
  }
  return entries;
}

/** The files a link names: itself for a file, the files under it for a folder; none when what it names is taken. */
async function followLink(walk: Walk, relative: string): Promise<string[]> {
  const full = path.join(walk.dir, relative);
  let broken = 'a link to a file that does not exist';
  const target = await stat(full).catch(async (error: unknown) => {
    // A link whose own name is not UTF-8 is no broken link: it cannot be opened by the name it is listed under.
    if (hasUndecodableName(full)) throw unreadable(full, error);
    // Nor is one into a folder the bot may not enter (another user's home): "does not exist" sent the operator
    // looking for files that were there, while their documents went unquoted. It stops the load, as an unreadable file does.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw unreadable(`${full} (a link to ${await readlink(full).catch(() => '?')})`, error);
    if (code === 'ELOOP') broken = 'a link that leads back to itself (a loop of links)';
    return undefined;
  });
  if (!target) {
    walk.warnings.push(`${full}: ${broken}; skipped`);
    return [];
  }
  // Gone since it was listed: as broken as a link to nothing.
  const real = await realpath(full).catch(() => undefined);
  if (real === undefined) {
    walk.warnings.push(`${full}: a link to a file that does not exist; skipped`);
    return [];
  }
  if (walk.taken.has(real) || !(target.isDirectory() || target.isFile())) return [];
  walk.taken.add(real);
  if (target.isFile()) return [relative];
  walk.linkedFolders.push(real);
  return filesOf(walk, await walkFolder(walk, relative, real));
}

/**
 * The dot and underscore names under `dir` (files, or the folders holding them) that hold files with one of
 * `extensions`, relative to it and sorted: what the loader left out, when that was every document. Editors'
 * swap and lock files are no documents anyone meant to quote.
 */
export async function leftOutDocuments(dir: string, extensions: readonly string[]): Promise<{ name: string; isFolder: boolean }[]> {
  const paths = await readdir(dir, { recursive: true }).catch(() => []);
  const found = new Map<string, boolean>();
  for (const relative of paths) {
    if (!extensions.includes(path.extname(relative).toLowerCase())) continue;
    const parts = relative.split(path.sep);
    if (parts.some(isEditorFile)) continue;
    const at = parts.findIndex((part) => part.startsWith('.') || part.startsWith('_'));
    if (at >= 0) found.set(parts.slice(0, at + 1).join('/'), at < parts.length - 1);
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, isFolder]) => ({ name, isFolder }));
}
