import { createInterface, type Interface } from 'node:readline';
import type { LogAbovePrompt } from './log-above-prompt.js';
import {
  type Answer,
  cleanQuestion,
  counted,
  MAX_QUESTION_CHARS,
  questionTooLongText,
  terminalSafe,
  toTerminalText,
  wantsColor,
  type Pinpoint,
} from '../../src/index.js';

export interface ConsoleChatOptions {
  core: Pinpoint;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where NO_COLOR is read (default: the process's environment). */
  env?: Record<string, string | undefined>;
  /** The logger's output, which keeps the prompt whole when a line is logged while someone types. */
  logs?: LogAbovePrompt;
}

const HELP = `Ask a question about the case, or:
  /more          the next quotes for the last question
  /docs          the documents I quote from
  /source N      the passage of quote [N] above, with its neighbours (or a citation: /source TITLE para. 3)
  /quit          leave (/exit, Ctrl-D and Ctrl-C at an empty prompt work too; Ctrl-C drops a line being typed)`;

/** The terminal chat: the same core as Discord and Slack, for trying the bot without a platform. */
export async function startConsoleChat({ core, input, output, env = process.env, logs }: ConsoleChatOptions): Promise<void> {
  const color = wantsColor(output, env);
  const say = (text: string) => output.write(`${text}\n`);
  const stats = core.stats();
  say(`Pinpoint: ${counted(stats.documents, 'document')}, ${counted(stats.passages, 'passage')}. Type a question, /help for commands.`);
  const terminal = Boolean(output.isTTY);
  const lines = createInterface({ input, output, terminal, prompt: '? ' });
  let last: { question: string; shown: number } | undefined;
  // The passages of the last question's quotes, [1] first: what "/source N" opens. A /more page continues the
  // numbering, as on Discord, so "[1]" never names two quotes of one question and stays open after /more.
  let quoted: string[] = [];
  const show = (answer: Answer, firstNumber = 1): void => {
    say(toTerminalText(answer, { color, firstNumber }));
    const passageIds = answer.kind === 'excerpts' ? answer.excerpts.map((excerpt) => excerpt.passageId) : [];
    quoted = [...quoted.slice(0, firstNumber - 1), ...passageIds];
  };
  const prompt = (): void => (logs ? logs.prompt(lines) : lines.prompt());
  prompt();
  const reply = (text: string): void => {
    const { command, argument } = commandOf(text);
    if (command === '/help') say(HELP);
    else if (command === '/docs') {
      for (const document of core.documents()) say(terminalSafe(`  • ${document.title}${document.kind ? ` (${document.kind})` : ''}: ${counted(document.passages, 'passage')}`));
    } else if (command === '/source') {
      // A citation's label ("para. 3") several documents hold names no passage alone: the quote's number does, or its title.
      const quoteNumber = /^\[?(\d+)\]?$/.exec(argument)?.[1];
      const onScreenId = quoteNumber === undefined ? undefined : quoted[Number(quoteNumber) - 1];
      const { view, choices } = onScreenId === undefined ? core.findSource(argument) : { view: undefined, choices: [] };
      const passageId = onScreenId ?? view?.passage.id;
      const views = passageId === undefined ? [] : core.context(passageId, 1);
      if (choices.length > 0) say(terminalSafe(`Which document? ${choices.map((choice) => `/source ${choice}`).join(' · ')}`));
      // A quote on screen whose passage is gone: the knowledge folder was edited (and reloaded) since it was shown.
      else if (views.length === 0 && onScreenId !== undefined) say(`The documents changed since that answer, and the passage of quote [${quoteNumber}] is gone: ask the question again.`);
      else if (views.length === 0) say('No passage matches that reference; give the number of a quote above (/source 1), or a title and its label (/source TITLE para. 3)');
      for (const view of views) say(terminalSafe(`[${view.citation.label}] ${view.passage.text}\n`));
    } else if (command === '/more') {
      if (!last) say('Ask a question first.');
      // Nothing was quoted, so nothing follows: asking again would keep the question for the report once more.
      else if (last.shown === 0) say('No more quotes for that question.');
      else {
        const answer = core.ask(last.question, { offset: last.shown });
        const count = answer.kind === 'excerpts' ? answer.excerpts.length : 0;
        if (count === 0) say('No more quotes for that question.');
        else show(answer, last.shown + 1);
        last.shown += count;
      }
    } else if (command !== undefined) {
      // A mistyped command ("/quti") asked as a question would only find nothing, and be kept for the report.
      say(terminalSafe(`There is no command ${command}; /help lists them.`));
    } else {
      // Measured as the core reads it: a line of invisible characters (pasted zero-width spaces) is a blank line.
      const length = cleanQuestion(text).length;
      if (length === 0) return;
      // The core reads only the first MAX_QUESTION_CHARS: refuse rather than answer a cut question, as Discord and Slack do.
      if (length > MAX_QUESTION_CHARS) {
        say(questionTooLongText(MAX_QUESTION_CHARS, length));
        return;
      }
      const answer = core.ask(text);
      show(answer);
      last = { question: text, shown: answer.kind === 'excerpts' ? answer.excerpts.length : 0 };
    }
  };
  // Ctrl-C drops the line being typed, as a shell or REPL does, rather than the whole chat; at an empty prompt it
  // leaves, as before. (Without a listener, readline closes on any Ctrl-C, losing the conversation to a reflex.)
  lines.on('SIGINT', () => {
    if (lines.line === '') lines.close();
    else clearTypedLine(lines);
  });
  // A terminal that goes away (its window closed: reads fail with EIO) ends the input, as Ctrl-D does; unheard, readline's
  // error crashed the bot with a stack trace, before the questions waiting for the report were written down.
  lines.on('error', () => lines.close());
  let quit = false;
  try {
    for await (const line of terminal ? pastesJoined(lines) : lines) {
      const text = line.trim();
      const { command } = commandOf(text);
      quit = command === '/quit' || command === '/exit';
      if (quit) break;
      try {
        reply(text);
      } catch (error) {
        // Catch at the edge: one failed answer must not end the chat, nor print a stack trace.
        say(`Sorry, something went wrong while answering (${error instanceof Error ? error.message : String(error)}). Try again.`);
      }
      prompt();
    }
  } catch {
    // The line iterator rethrows the input's error (piped input): the input ended, as above.
  }
  lines.close();
  // Ctrl-D or Ctrl-C end the chat at the prompt, with no line typed: end that line, or the shell's prompt follows "? ".
  if (!quit) output.write('\n');
}

/** Empties the line being edited, as Ctrl-E then Ctrl-U would: readline redraws the bare prompt. */
function clearTypedLine(lines: Interface): void {
  lines.write(null, { ctrl: true, name: 'e' });
  lines.write(null, { ctrl: true, name: 'u' });
}

/** A line that opens with a slash is a command, its first word (any case) the command and the rest its argument. */
function commandOf(text: string): { command?: string; argument: string } {
  const match = /^(\/\S*)\s*(.*)$/s.exec(text);
  return match ? { command: match[1]!.toLowerCase(), argument: match[2]! } : { argument: text };
}

/**
 * On a terminal, the lines of one paste as one question, as Discord and Slack take a message of several
 * lines: readline hands them over one by one within the same turn of the event loop, where typed lines
 * come a keystroke apart. A paste holding a command ("/quit") keeps its lines apart. Piped input is read
 * a line per question, as a list of questions.
 *
 * Copied text seldom ends with a line break: its last line is left at the prompt. The paste then waits for
 * the Enter that ends that line, and goes with it as one question (it was asked in two, its start at once).
 */
async function* pastesJoined(lines: Interface): AsyncGenerator<string> {
  const ready: string[][] = [];
  let batch: string[] = [];
  let held: string[] = [];
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const flush = (): void => {
    if (lines.line !== '') {
      held.push(...batch);
    } else {
      ready.push([...held, ...batch]);
      held = [];
      notify();
    }
    batch = [];
  };
  lines.on('line', (line: string) => {
    if (batch.length === 0) setImmediate(flush);
    batch.push(line);
  });
  // Ctrl-C drops the line at the prompt, and so the paste it ends.
  lines.on('SIGINT', () => {
    held = [];
  });
  lines.once('close', () =>
    setImmediate(() => {
      ended = true;
      notify();
    }),
  );
  for (;;) {
    const next = ready.shift();
    if (next) {
      if (next.some((line) => line.trim().startsWith('/'))) yield* next;
      else yield next.map((line) => line.trim()).filter((line) => line !== '').join(' ');
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}
