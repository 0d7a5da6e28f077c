import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { MAX_QUESTION_CHARS, MAX_QUOTE_CHARS, cleanQuestion, createPinpoint, type Answer, type Pinpoint } from '../src/index.js';
import { corpusOfParagraphs } from './helpers/corpus.js';
import { expectWellFormedHighlights } from './helpers/excerpts.js';
import { isWellFormed } from './helpers/well-formed.js';

const SHIPPED = fileURLToPath(new URL('../knowledge', import.meta.url));

let core: Pinpoint;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pinpoint-hostile-'));
  // On disk, as the bot runs: the report keeps no-match questions in SQLite, which stores UTF-8.
  core = await createPinpoint({ knowledgeDir: SHIPPED, dataDir });
});

afterAll(async () => {
  await core?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// What a hostile or careless user types: case words, legal tokens, mention syntax, markdown, and the
// characters that break naive text handling (invisible, bidi, combining, astral, control, lone halves).
const PIECES = [
  'Netflix', 'Facebook', 'DMs', 'private messages', 'What', 'did', 'who', '?', 'complaint', 'Inbox API',
  '12(b)(6)', '(b)(6)', '§', '§§ 1030(a)(2)', '¶ 42', '$725', '1.2.3.4', '3:20-cv-08570-JD', '163-273(a)(1)', 'U.S.', '5th',
  '@everyone', '@here', '<@123>', '<@&456>', '<#789>', '<!channel>', '<!here>', '<!subteam^S1>', '＠everyone', '@\u200Beveryone',
  '**', '__', '~~', '`', '```', '||', '> ', '# ', '- ', '1. ', '[x](https://evil.example)', '<https://evil.example|x>', '&amp;', '&', '\\',
  '\u200B', '\u200D', '\u00AD', '\u202E', '\u2066', '\uFEFF', '\u061C', '\u034F', '\u3164', '\u0301', '\u0000', '\u0007', '\u001B[31m', '\r\n', '\t', '\u2028',
  '🙂', '👨‍👩‍👧', '🇺🇸', '\uD83D', '\uDE00', 'שלום', 'مرحبا', '東京', 'İ', 'ß', 'ﬁ', "O'Brien’s", "'", '’',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  // Long runs of one piece: catastrophic backtracking and walls of text past the question limit.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 2, max: 400 })).map(([text, times]) => text.repeat(times)) },
);

const hostileQuestion = fc
  .tuple(fc.array(piece, { maxLength: 25 }), fc.constantFrom(' ', '', '  ', '\n', '\u00A0'))
  .map(([pieces, gap]) => pieces.join(gap));

/** A well-formed answer: quotes are exact text of their documents, highlights inside them, the echo is clean. */
function expectWellFormed(question: string, answer: Answer): void {
  expect(['excerpts', 'no-match']).toContain(answer.kind);
  expect(answer.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  expect(answer.question).toBe(answer.question.trim());
  expect(answer.question).not.toMatch(/\p{Cc}|[\u034F\u061C\u200B\u202A-\u202E\u2066-\u2069\u3164\uFEFF]/u);
  // Half an emoji is shown as "�" wherever the question is echoed or stored.
  if (isWellFormed(question)) expect(isWellFormed(answer.question), JSON.stringify(answer.question.slice(-4))).toBe(true);
  if (answer.kind === 'no-match') {
    expect(answer.suggestions.length).toBeGreaterThan(0);
    return;
  }
  expect(answer.excerpts.length).toBeGreaterThan(0);
  for (const excerpt of answer.excerpts) {
    const view = core.passage(excerpt.passageId);
    expect(view).toBeDefined();
    expect(view!.document.text.slice(excerpt.start, excerpt.start + excerpt.quote.length)).toBe(excerpt.quote);
    expect(excerpt.quote.length).toBeGreaterThan(0);
    expect(excerpt.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expectWellFormedHighlights(excerpt);
  }
}

describe('hostile questions over the shipped knowledge (property)', () => {
  it('answers any question with a well-formed answer, the same one each time', () => {
    fc.assert(
      fc.property(hostileQuestion, (question) => {
        const answer = core.ask(question);
        expectWellFormed(question, answer);
        expect(core.ask(question)).toEqual(answer);
      }),
      { numRuns: 300 },
    );
  });
});

describe('questions longer than the limit', () => {
  it.each([
    ['an emoji', `${'x'.repeat(MAX_QUESTION_CHARS - 1)}🙂 and more`, 'x'.repeat(MAX_QUESTION_CHARS - 1)],
    ['a space', `Did Netflix read DMs ${'x'.repeat(MAX_QUESTION_CHARS - 22)} tail`, `Did Netflix read DMs ${'x'.repeat(MAX_QUESTION_CHARS - 22)}`],
  ])('cuts the question whole where the limit falls inside %s', (_where, question, cut) => {
    const answer = core.ask(question);
    expect(answer.question).toBe(cut);
    expect(isWellFormed(answer.question)).toBe(true);
  });

  it('keeps a cut no-match question for the report as it was asked, without "�"', () => {
    const question = `${'q'.repeat(MAX_QUESTION_CHARS - 1)}🙂 and more`;
    const scope = { platform: 'discord', server: 'report-server', channel: 'c1' };
    expect(core.ask(question, { scope }).kind).toBe('no-match');
    expect(core.answers.noMatchReport(5, scope).map((entry) => entry.question)).toEqual(['q'.repeat(MAX_QUESTION_CHARS - 1)]);
  });
});

describe('invisible characters in a question', () => {
  it('answers a question with an Arabic letter mark, a grapheme joiner or a Hangul filler inside its words as if typed plainly', () => {
    const typed = core.ask('Did Netflix read Facebook private messages?');
    expect(typed.kind).toBe('excerpts');
    const pasted = core.ask('Did Net\u061Cflix read Face\u034Fbook pri\u3164vate messages?\u061C');
    expect(pasted).toEqual(typed);
  });

  it.each([['\u3164'], ['\u115F\u1160'], ['\uFFA0 \u17B4'], ['\u061C\u034F']])('reads %j, which shows nothing, as no question', (question) => {
    expect(cleanQuestion(question)).toBe('');
  });
});

describe('combining marks', () => {
  const composed = 'The settlement was approved by the court in Zürich after the hearing on damages.';
  const decomposed = composed.normalize('NFD');
  const others = ['Another paragraph about the weather in Geneva and the lake.', 'A third paragraph on procedure and motions to dismiss.'];

  // macOS and PDF text often write "ü" as "u" plus a combining diaeresis; readers type it either way.
  it.each([
    ['a decomposed question', composed, 'Zu\u0308rich'],
    ['a question', decomposed, 'Zürich'],
  ])('finds a word %s spells with other marks than the document', async (_what, document, question) => {
    const corpus = await corpusOfParagraphs([document, ...others]);
    const answer = answerQuestion(corpus, question);
    expect(answer.kind).toBe('excerpts');
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    expect(first!.quote).toBe(document);
    expect(first!.highlights.map(([start, end]) => first!.quote.slice(start, end))).toEqual([document.includes('Zürich') ? 'Zürich' : 'Zu\u0308rich']);
  });
});
