// Shared by the entry points that print for a reader: bin/pinpoint.ts, bench/run.ts and adapters/main.ts
// (--help, --check-config).
import { constants } from 'node:os';

/** What a shell reports for a command that SIGPIPE ended (128 + 13), as for `yes | head -1` under pipefail. */
export const CLOSED_OUTPUT_EXIT_CODE = 128 + constants.signals.SIGPIPE;

/**
 * Ends the process quietly once the reader of its output is gone (`npm run index -- --check | head -1`).
 * Node ignores SIGPIPE, so the next write fails with EPIPE, and that 'error' event, unhandled, crashed the
 * command with a stack trace. The rest of the output has nowhere to go: stop, as a Unix tool would.
 */
export function exitQuietlyWhenOutputCloses(
  streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr],
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // Any other write error is a real failure: it stays as loud as it was.
      if (error.code !== 'EPIPE') throw error;
      exit(CLOSED_OUTPUT_EXIT_CODE);
    });
  }
}
