import type { Logger } from './logger.js';
import type { AskOptions } from './services.js';
import type { State } from './state/index.js';

/** How long unanswered questions wait to be written together. */
const UNANSWERED_WRITE_DELAY_MS = 1000;

export interface UnansweredBuffer {
  /** Keeps a question that got no match; it is written with the others UNANSWERED_WRITE_DELAY_MS later. */
  add(question: string, scope: AskOptions['scope']): void;
  /** Writes every question still waiting, now. */
  flush(): void;
}

/**
 * Unanswered questions are written a moment later, together: the answer need not wait for a disk
 * sync, and a report (or close) writes whatever is still waiting first.
 */
export function createUnansweredBuffer(answers: Pick<State['answers'], 'recordNoMatch'>, logger: Logger): UnansweredBuffer {
  const unanswered: { question: string; scope: AskOptions['scope'] }[] = [];
  let unansweredTimer: NodeJS.Timeout | undefined;
  const writeUnanswered = () => {
    clearTimeout(unansweredTimer);
    unansweredTimer = undefined;
    const waiting = unanswered.splice(0);
    let written = 0;
    try {
      for (const { question, scope } of waiting) {
        answers.recordNoMatch(question, scope);
        written += 1;
      }
    } catch (error) {
      // This runs from a timer: a full or read-only DATA_DIR costs the report these questions, not the bot its process.
      logger.warn({ err: error, dropped: waiting.length - written }, 'could not write down unanswered questions; the no-match report will miss them');
    }
  };

  return {
    add(question, scope) {
      unanswered.push({ question, scope });
      unansweredTimer ??= setTimeout(writeUnanswered, UNANSWERED_WRITE_DELAY_MS).unref();
    },
    flush: writeUnanswered,
  };
}
