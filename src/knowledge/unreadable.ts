import { PinpointError } from '../errors.js';

/**
 * A file or folder the operating system would not hand over, named with what to do: Node's own error for a
 * file larger than 2 GiB names no file, and the CLI printed any of them as a stack trace.
 */
export function unreadable(file: string, error: unknown, root = false): PinpointError {
  const code = (error as NodeJS.ErrnoException).code;
  const orMove = root ? '' : ', or move it out of the knowledge folder';
  const problem =
    code === 'ENOENT' && hasUndecodableName(file)
      ? `cannot be opened: its name is not UTF-8 (a name from an older system, or from a zip made on Windows?); rename it${orMove}`
      : code === 'EACCES' || code === 'EPERM'
        ? `cannot be read: permission denied; let the user Pinpoint runs as read it (chmod -R a+rX)${orMove}`
        : code === 'ERR_FS_FILE_TOO_LARGE'
          ? `is larger than 2 GiB, too large to read; split it${orMove}`
          : `cannot be read (${error instanceof Error ? error.message : String(error)}); fix it${orMove}`;
  return new PinpointError('DOCUMENT_INVALID', `pinpoint: ${file} ${problem}`, { cause: error });
}

/**
 * Whether a path holds a name that is not UTF-8 on disk ("D\xE9cision.pdf" in Latin-1): Node lists it with U+FFFD
 * in place of the bytes it cannot decode, and opening that name fails with ENOENT, which read as a file "moved or
 * deleted" meanwhile and was skipped with that warning: the document was never quoted, and the warning misled.
 */
export function hasUndecodableName(file: string): boolean {
  return file.includes('\uFFFD');
}

/** What a file or folder listed a moment before, and gone when it is opened, is called in a warning. */
export const GONE_MEANWHILE = 'moved or deleted while the folder was read; skipped';

/** Whether `error` says the file or folder at `file` is not there (any more), rather than that its name cannot be opened. */
export function isGone(error: unknown, file: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' && !hasUndecodableName(file);
}
