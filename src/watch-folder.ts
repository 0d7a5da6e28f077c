import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isLeftOutPath } from './knowledge/left-out.js';
import type { Logger } from './logger.js';

/**
 * Calls `onChange` when a file under `dir` changes, and when `dir` itself is replaced (moved aside and
 * another moved in, deleted and copied anew, a symlink swapped): a watch stays on the folder it opened,
 * so the parent folder is watched too and the folder's watch opened again on whatever the path names now.
 */
export interface FolderWatch {
  /**
   * Watches these folders too, and no longer those of the call before: the folders links in `dir` lead into
   * (`filings` → a shared folder), whose subfolders a watch of `dir` does not see into.
   */
  follow(folders: readonly string[]): void;
  close(): void;
}

export function watchFolder(dir: string, onChange: () => void, logger: Logger): FolderWatch {
  const absolute = path.resolve(dir);
  // A file the loader leaves out (an editor's swap or backup file, a dot or underscore name, anything in .git)
  // changes nothing it reads: re-indexing for it would reload the whole pack every few seconds while someone
  // types in Vim or Kate. A name the platform does not give counts.
  const onEvent = (_event: string, name: string | Buffer | null) => {
    if (name === null || !isLeftOutPath(name.toString())) onChange();
  };
  const watchContents = (): FSWatcher =>
    watch(absolute, { recursive: true }, onEvent).on('error', (error) =>
      logger.warn({ err: error }, 'knowledge folder watch failed; restart to pick up changes'),
    );
  let folder: FSWatcher | undefined;
  const rewatch = () => {
    folder?.close();
    folder = undefined;
    try {
      folder = watchContents();
    } catch (error) {
      // Gone for a moment while it is replaced: the parent's watch calls again when it is back.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.warn({ err: error }, 'knowledge folder watch failed; restart to pick up changes');
    }
  };
  // A watch the system refuses (ENOSPC: the host's inotify watches used up) stopped start-up with Node's own
  // error; the documents are loaded, so the bot serves them, and says that changes need a restart.
  rewatch();
  const parent = watchParent(absolute, () => {
    rewatch();
    onChange();
  }, logger);
  const linked = new Map<string, FSWatcher | undefined>();
  return {
    follow(folders) {
      for (const [followed, watcher] of linked) {
        if (folders.includes(followed)) continue;
        watcher?.close();
        linked.delete(followed);
      }
      for (const followed of folders) {
        if (linked.has(followed)) continue;
        // Undefined when refused: it is not tried again on every reload, each one warning again.
        linked.set(followed, watchLinked(followed, onEvent, logger));
      }
    },
    close() {
      parent?.close();
      folder?.close();
      for (const watcher of linked.values()) watcher?.close();
      linked.clear();
    },
  };
}

/** A recursive watch of a folder a link leads into; undefined when the system refuses it (it is gone, or ENOSPC). */
function watchLinked(folder: string, onEvent: (event: string, name: string | Buffer | null) => void, logger: Logger): FSWatcher | undefined {
  const warn = (error: unknown) => logger.warn({ err: error, folder }, 'cannot watch a linked folder of the knowledge folder; changes in it need a restart');
  try {
    return watch(folder, { recursive: true }, onEvent).on('error', warn);
  } catch (error) {
    warn(error);
    return undefined;
  }
}

/** Calls `onReplaced` when the entry for `absolute` in its parent folder changes; undefined when the parent cannot be watched. */
function watchParent(absolute: string, onReplaced: () => void, logger: Logger): FSWatcher | undefined {
  const warn = (error: unknown) => logger.warn({ err: error }, 'cannot watch the folder holding the knowledge folder; replacing the knowledge folder needs a restart');
  try {
    return watch(path.dirname(absolute), (_event, name) => {
      if (name === path.basename(absolute)) onReplaced();
    }).on('error', warn);
  } catch (error) {
    warn(error);
    return undefined;
  }
}
