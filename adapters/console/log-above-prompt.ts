import { clearScreenDown, cursorTo, type Interface, moveCursor } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The terminal chat's log output. Logs go to stderr, which on a terminal is the screen the prompt is on: a line
 * logged while someone typed (a knowledge warning after an edit) was printed over the prompt, and what they typed
 * next ran on after it. While the prompt waits for a line, the prompt is now cleared, the log line written, and
 * the prompt drawn again under it with what was typed so far. Lines logged while an answer is printed, or going
 * elsewhere than a terminal (2> file), are written as they are.
 */
export interface LogAbovePrompt {
  /** Where the logger writes. */
  readonly stream: Writable;
  /** Shows the chat's prompt: until a line is entered there, or the chat closes, log lines go above it. */
  prompt(lines: Interface): void;
}

export function createLogAbovePrompt(logs: NodeJS.WritableStream & { isTTY?: boolean }): LogAbovePrompt {
  let waiting: Interface | undefined;
  const watched = new WeakSet<Interface>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const lines = waiting;
      if (!lines?.terminal || !logs.isTTY) {
        logs.write(chunk);
        done();
        return;
      }
      // A long line wraps: clear from the prompt's first row, where readline will draw it again from.
      const { rows } = lines.getCursorPos();
      moveCursor(logs, 0, -rows);
      cursorTo(logs, 0);
      clearScreenDown(logs);
      // readline redraws the prompt `rows` rows above the cursor: as many blank rows after the log, which it clears.
      logs.write(Buffer.concat([chunk, Buffer.from('\n'.repeat(rows))]));
      lines.prompt(true);
      done();
    },
  });
  return {
    stream,
    prompt(lines) {
      if (!watched.has(lines)) {
        watched.add(lines);
        const answering = () => {
          waiting = undefined;
        };
        lines.on('line', answering).on('close', answering);
      }
      lines.prompt();
      waiting = lines;
    },
  };
}
