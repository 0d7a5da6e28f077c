import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogAbovePrompt, startConsoleChat } from '../adapters/console/index.js';
import { createLogger } from '../adapters/logging/create-logger.js';
import { createPinpoint, type Pinpoint } from '../src/index.js';

let core: Pinpoint;
beforeAll(async () => {
  core = await createPinpoint({ knowledgeDir: 'knowledge' });
});
afterAll(async () => {
  await core.close();
});

/** Feeds lines to the chat and returns everything it printed once the input ends. */
async function chat(lines: string[], chatCore: Pinpoint = core, options: { tty?: boolean; env?: Record<string, string> } = {}): Promise<string> {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), options.tty ? { isTTY: true, columns: 80 } : {});
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const done = startConsoleChat({ core: chatCore, input, output, env: options.env ?? {} });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('console chat', () => {
  it('answers a question with a quote and its citation', async () => {
    const printed = await chat(["Did Netflix have access to Facebook users' private messages?"]);
    expect(printed).toMatch(/\[1\] “.*(private|direct) messages/);
    expect(printed).toContain('— Court Documents Reveal Facebook Shared User DMs with Netflix for Content Tailoring (news article), para. ');
  });

  it('bolds the matched words on a terminal, and leaves them plain when NO_COLOR is set', async () => {
    const question = "Did Netflix have access to Facebook users' private messages?";
    expect(await chat([question], core, { tty: true })).toContain('\u001b[1mNetflix\u001b[0m');
    const plain = await chat([question], core, { tty: true, env: { NO_COLOR: '1' } });
    expect(plain).toMatch(/\[1\] “.*Netflix/);
    expect(plain).not.toContain('\u001b[1m');
  });

  it('says plainly when the documents do not answer', async () => {
    expect(await chat(['What is the capital of France?'])).toContain('The documents do not answer that.');
  });

  it('shows the next quotes on /more and says when there are none left', async () => {
    const printed = await chat(['netflix facebook', '/more', '/more', '/more']);
    expect(printed).toContain('[1] “');
    expect(printed).toContain('No more quotes for that question.');
  });

  it('asks nothing again on /more after an answer with no quotes, so the question is kept once for the report', async () => {
    const question = 'Who is the pope of mars?';
    const printed = await chat([question, '/more', '/more']);
    expect(printed).toContain('The documents do not answer that.');
    expect(printed.split('No more quotes for that question.')).toHaveLength(3);
    expect(core.answers.noMatchReport().filter((entry) => entry.question === question).map((entry) => entry.count)).toEqual([1]);
  });

  it('lists the documents on /docs and a passage on /source', async () => {
    const printed = await chat(['/docs', '/source para. 6']);
    expect(printed).toContain('• Court Documents Reveal Facebook Shared User DMs with Netflix for Content Tailoring (news-article): 8 passages');
    expect(printed).toContain('[para. 6] The lawsuit also revisits the Cambridge Analytica scandal');
  });

  it('opens the passage of a quote by its number on /source, among several documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-console-court-'));
    const court = await createPinpoint({ knowledgeDir: 'eval/court/knowledge', dataDir: dir });
    try {
      const question = 'How many people applied to the University of Texas for the 2008 entering class?';
      const answer = court.ask(question);
      if (answer.kind !== 'excerpts') throw new Error('expected quotes');
      const second = court.passage(answer.excerpts[1]!.passageId)!;
      const printed = await chat([question, '/source 2'], court);
      expect(printed).toContain(`[${second.citation.label}] ${second.passage.text}`);
      expect(printed).not.toContain('No passage matches that reference');
    } finally {
      await court.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('numbers the quotes of /more after the ones above, as Discord does, and opens them by that number on /source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-console-more-'));
    const court = await createPinpoint({ knowledgeDir: 'eval/court/knowledge', dataDir: dir });
    try {
      const question = 'How many people applied to the University of Texas for the 2008 entering class?';
      const first = court.ask(question);
      if (first.kind !== 'excerpts') throw new Error('expected quotes');
      const shown = first.excerpts.length;
      const next = court.ask(question, { offset: shown });
      if (next.kind !== 'excerpts') throw new Error('expected a second page of quotes');
      const opened = court.passage(next.excerpts[0]!.passageId)!;
      const printed = await chat([question, '/more', `/source ${shown + 1}`, '/source 1'], court);
      const afterFirstPage = printed.slice(printed.indexOf(`[${shown}] “`) + 1);
      expect(afterFirstPage).toContain(`[${shown + 1}] “`);
      expect(afterFirstPage).not.toContain('[1] “');
      expect(printed).toContain(`[${opened.citation.label}] ${opened.passage.text}`);
      // The first page's quotes stay open by their numbers.
      const firstOpened = court.passage(first.excerpts[0]!.passageId)!;
      expect(printed).toContain(`[${firstOpened.citation.label}] ${firstOpened.passage.text}`);
      expect(printed).not.toContain('No passage matches that reference');
    } finally {
      await court.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says the documents changed when the passage of a quote on screen is gone after a reload, on /source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-console-reload-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'order.md'), '# Order\n\nThe motion to dismiss is granted.\n');
    const edited = await createPinpoint({ knowledgeDir: join(dir, 'kb'), dataDir: join(dir, 'data') });
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      const quoted = new Promise<void>((resolve) =>
        output.on('data', (chunk: Buffer) => {
          printed += chunk.toString();
          if (printed.includes('[1] “')) resolve();
        }),
      );
      const done = startConsoleChat({ core: edited, input, output, env: {} });
      input.write('Was the motion to dismiss granted?\n');
      await quoted;
      writeFileSync(join(dir, 'kb', 'order.md'), '# Order\n\nThe motion to dismiss is denied.\n');
      expect((await edited.reload()).ok).toBe(true);
      input.end('/source 1\n');
      await done;
      expect(printed).toContain('The documents changed since that answer, and the passage of quote [1] is gone: ask the question again.');
      expect(printed).not.toContain('No passage matches that reference');
    } finally {
      await edited.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks which document on /source with a label several documents hold, and opens it by title and label', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-console-labels-'));
    writeFileSync(join(dir, 'order.md'), '# Background\n\nThe motion is granted.\n');
    writeFileSync(join(dir, 'ruling.md'), '# Background\n\nThe appeal is dismissed.\n\nCosts are awarded.\n');
    const labelled = await createPinpoint({ knowledgeDir: dir });
    try {
      const printed = await chat(['/source para. 1', '/source order para. 1', '/source para. 2'], labelled);
      expect(printed).toContain('Which document? /source order para. 1 · /source ruling para. 1\n');
      expect(printed).toContain('[Background, para. 1] The motion is granted.');
      expect(printed).toContain('[Background, para. 2] Costs are awarded.');
      expect(printed).not.toContain('No passage matches that reference');
    } finally {
      await labelled.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('explains an unknown reference and stops at /quit', async () => {
    const printed = await chat(['/source nowhere', '/quit', 'never asked']);
    expect(printed).toContain('No passage matches that reference');
    expect(printed).not.toContain('never asked');
  });

  it('ends the prompt line when the input ends (Ctrl-D), and leaves no blank line after /quit', async () => {
    const ended = await chat(['/docs'], core, { tty: true });
    expect(ended.endsWith('\n')).toBe(true);
    expect(ended.slice(ended.lastIndexOf('\n', ended.length - 2))).toContain('? ');
    expect(await chat(['/quit'], core, { tty: true })).not.toMatch(/\n\n$/);
  });

  it('tells a mistyped command apart from a question, and keeps it out of the report', async () => {
    const printed = await chat(['/quti', '/sources para. 6', '/Docs']);
    expect(printed).toContain('There is no command /quti; /help lists them.');
    expect(printed).toContain('There is no command /sources; /help lists them.');
    expect(printed).toContain('• Court Documents Reveal Facebook Shared User DMs with Netflix for Content Tailoring');
    expect(printed).not.toContain('The documents do not answer that.');
    expect(core.answers.noMatchReport().map((entry) => entry.question)).not.toContain('/quti');
  });

  it('refuses a question longer than the core reads, naming the limit and its length', async () => {
    const words = 'Did Netflix have access to the private messages of Facebook users? ';
    const long = words.repeat(20).trim();
    expect(long.length).toBeGreaterThan(1000);
    const printed = await chat([long]);
    expect(printed).toContain(`Questions are limited to 1000 characters; yours has ${long.length}. Please shorten it.`);
    expect(printed).not.toContain('[1] “');
    // Counted as the core counts: the spaces it collapses do not count.
    const spaced = `${words.repeat(14).trim()}${' '.repeat(200)}?`;
    expect(await chat([spaced])).not.toContain('Questions are limited');
  });

  it('takes a line of invisible characters as a blank line, not as a question nobody answers', async () => {
    const printed = await chat(['\u200B\u00AD', '/more']);
    expect(printed).not.toContain('The documents do not answer that.');
    expect(printed).toContain('Ask a question first.');
  });

  it('shows the control characters of a document instead of sending them to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-console-hostile-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'order\u001b]0;x\u0007.txt'), 'The motion to dismiss is \u001b[8m denied \u001b[0m in full.\n');
    const hostile = await createPinpoint({ knowledgeDir: join(dir, 'kb'), dataDir: join(dir, 'data') });
    try {
      const printed = await chat(['Was the motion to dismiss denied?', '/docs', '/source para. 1'], hostile);
      expect(printed).toContain('“The motion to dismiss is ␛[8m denied ␛[0m in full.”');
      expect(printed).toContain('• order␛]0;x␇: 1 passage\n');
      expect(printed).toContain('[para. 1] The motion to dismiss is ␛[8m denied ␛[0m in full.');
      expect(printed.match(/(?!\n)\p{Cc}/gu)).toBeNull();
    } finally {
      await hostile.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows the direction overrides of a document instead of letting the terminal reorder its text', async () => {
    // U+202E (right-to-left override) makes a terminal with bidi support draw "deined" as "denied": a quote shown
    // otherwise than the document has it (Trojan Source). Isolates (U+2066–2069) and embeddings do the same.
    const dir = mkdtempSync(join(tmpdir(), 'pinpoint-console-bidi-'));
    mkdirSync(join(dir, 'kb'));
    writeFileSync(join(dir, 'kb', 'order\u2067.txt'), 'The motion to dismiss is \u202Edeined\u202C in full, \u2066so ordered\u2069.\n');
    const hostile = await createPinpoint({ knowledgeDir: join(dir, 'kb'), dataDir: join(dir, 'data') });
    try {
      const printed = await chat(['Was the motion to dismiss ordered?', '/docs', '/source para. 1'], hostile);
      expect(printed).toContain('[para. 1] The motion to dismiss is \uFFFDdeined\uFFFD in full, \uFFFDso ordered\uFFFD.');
      expect(printed).toContain('• order\uFFFD: 1 passage');
      expect(printed.match(/[\u202A-\u202E\u2066-\u2069]/gu)).toBeNull();
    } finally {
      await hostile.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on a terminal', () => {
    const answers = (printed: string) => printed.match(/\[1\] “/g)?.length ?? 0;
    /**
     * Writes each chunk as the terminal would hand it over: a paste in one piece, typed lines apart. A
     * chunk goes in once the one before it was answered, as a person types the next line after reading.
     */
    async function typed(chunks: string[]): Promise<string> {
      const input = new PassThrough();
      const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const done = startConsoleChat({ core, input, output, env: { NO_COLOR: '1' } });
      for (const [index, chunk] of chunks.entries()) {
        if (index > 0) await vi.waitFor(() => expect(answers(printed)).toBe(index), { timeout: 10_000 });
        input.write(chunk);
      }
      input.end();
      await done;
      return printed;
    }

    it('answers a pasted question of several lines once, as one question', async () => {
      const printed = await typed(["Did Netflix have access\nto Facebook users'\nprivate messages?\n"]);
      expect(answers(printed)).toBe(1);
      expect(printed).not.toContain('The documents do not answer that.');
    });

    it('drops the line being typed on Ctrl-C and goes on, and leaves on Ctrl-C at an empty prompt', async () => {
      const printed = await typed(["what did the judge eat for brea\u0003Did Netflix read Facebook users' private messages?\n", '\u0003never asked\n']);
      expect(answers(printed)).toBe(1);
      expect(printed).not.toContain('The documents do not answer that.');
      expect(printed).not.toContain('never asked');
      expect(core.answers.noMatchReport().map((entry) => entry.question).join('\n')).not.toContain('judge eat');
    });

    it('waits for Enter after a paste with no final line break, and asks the paste and what ends it as one question', async () => {
      // Copied text rarely ends with a line break: its last line stays at the prompt until Enter is pressed.
      const input = new PassThrough();
      const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const done = startConsoleChat({ core, input, output, env: { NO_COLOR: '1' } });
      input.write("Did Netflix have access\nto Facebook users'\nprivate messages?");
      // Enter comes later, as a separate keystroke (after the paste has been read, whatever the delay).
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(answers(printed)).toBe(0);
      input.end('\n');
      await done;
      expect(answers(printed)).toBe(1);
      expect(printed).not.toContain('The documents do not answer that.');
    });

    it('writes a line logged while someone types above the prompt, and draws the prompt again with what was typed', async () => {
      // The log line was printed over "? who sig", and the rest of the question ran on after the log's text.
      const screen = Object.assign(new PassThrough(), { isTTY: true, columns: 80 });
      let printed = '';
      screen.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const logs = createLogAbovePrompt(screen);
      const logger = createLogger({ level: 'warn', pretty: true, output: logs.stream });
      const input = new PassThrough();
      const done = startConsoleChat({ core, input, output: screen, env: { NO_COLOR: '1' }, logs });
      input.write('who sig');
      await vi.waitFor(() => expect(printed).toContain('who sig'));
      logger.warn({ warning: 'photo.png: skipped' }, 'knowledge warning');
      // The prompt line cleared (column 1, erase down), the log line, then the prompt again with the letters typed.
      expect(printed.replaceAll('\u001b', 'ESC')).toMatch(
        /\? ESC\[3Gwho sigESC\[1GESC\[0J\[[\d:.]+\] WARN: knowledge warning\n {4}warning: "photo.png: skipped"\nESC\[1GESC\[0J\? who sigESC\[10G$/,
      );
      input.end('ned the complaint?\n');
      await done;
      expect(printed).toContain('The documents never use “complaint”');
    });

    it('answers lines typed one after the other each on its own, and keeps the commands of a paste apart', async () => {
      expect(answers(await typed(['How much did Meta settle for?\n', 'Who filed the lawsuit?\n']))).toBe(2);
      const printed = await typed(['/docs\n/quit\nnever asked\n']);
      expect(printed).toContain('• Court Documents Reveal');
      expect(answers(printed)).toBe(0);
    });
  });

  it.each([
    ['on a terminal', true],
    ['from piped input', false],
  ])('ends the chat as at Ctrl-D when reading its input fails (the terminal went away, EIO), %s', async (_, tty) => {
    const input = Object.assign(new PassThrough(), tty ? { isTTY: true } : {});
    const output = Object.assign(new PassThrough(), tty ? { isTTY: true, columns: 80 } : {});
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = startConsoleChat({ core, input, output, env: { NO_COLOR: '1' } });
    input.write("Did Netflix read Facebook users' private messages?\n");
    await vi.waitFor(() => expect(printed).toContain('[1] “'), { timeout: 10_000 });
    input.destroy(Object.assign(new Error('read EIO'), { code: 'EIO', errno: -5, syscall: 'read' }));
    await expect(done).resolves.toBeUndefined();
    expect(printed.endsWith('\n')).toBe(true);
  });

  it('apologises and keeps chatting when the core throws on one question', async () => {
    let calls = 0;
    const failingOnce = new Proxy(core, {
      get(target, key, receiver) {
        if (key !== 'ask') return Reflect.get(target, key, receiver);
        return (...args: Parameters<Pinpoint['ask']>) => {
          calls += 1;
          if (calls === 1) throw new Error('pinpoint: the index is being rebuilt');
          return target.ask(...args);
        };
      },
    });
    const printed = await chat(['first question', 'What is the capital of France?'], failingOnce);
    expect(printed).toContain('Sorry, something went wrong while answering (pinpoint: the index is being rebuilt). Try again.');
    expect(printed).toContain('The documents do not answer that.');
    expect(printed).not.toContain('    at ');
  });
});
