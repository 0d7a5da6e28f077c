import { isEditorFile } from './editor-files.js';
import { isSystemFile } from './system-files.js';

/**
 * Names the loader never reads, at any depth: dot and underscore names (drafts, notes, a `.git` folder,
 * editors' hidden swap files such as Kate's ".a.md.kate-swp"), editors' backups and locks ("a.md~"), and the files
 * an operating system keeps in a folder ("Thumbs.db", "desktop.ini").
 */
export function isLeftOutName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || isEditorFile(name) || isSystemFile(name);
}

/**
 * Whether a path under the knowledge folder, as a watch reports it ("drafts/.a.md.kate-swp", "_notes/x.md"),
 * is or lies under a name the loader leaves out: a change there changes nothing it reads.
 */
export function isLeftOutPath(relative: string): boolean {
  return relative.split(/[\\/]/).some(isLeftOutName);
}
