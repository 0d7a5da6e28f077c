import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { createPinpoint } from '../src/pinpoint.js';
import type { Answer } from '../src/types.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const KB = fileURLToPath(new URL('./fixtures/core/kb', import.meta.url));
const EVAL = fileURLToPath(new URL('./fixtures/core/eval', import.meta.url));
const METRIC_KEYS = [
  'questions',
  'answerable',
  'containment_at_1',
  'containment_at_3',
  'recall_at_5',
  'mrr_at_10',
  'abstain_correct',
  'abstain_total',
  'false_abstain',
  'verbatim',
  'mean_quote_chars',
  'max_quote_chars',
  'p50_ms',
  'p99_ms',
  'build_ms',
];

let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'pinpoint-core-cli-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function run(argv: string[], options: { env?: Record<string, string>; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: { DATA_DIR: dataDir, ...options.env },
    stdout: { write: (text: string) => (stdout += text), ...(options.tty ? { isTTY: true } : {}) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Questions put to the bot itself (the terminal chat or a platform), which keeps those it cannot answer. */
async function askTheBot(questions: string[]): Promise<void> {
  const bot = await createPinpoint({ knowledgeDir: KB, dataDir });
  for (const question of questions) bot.ask(question);
  await bot.close();
}

function lastLineJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

describe('cli ask', () => {
  it('prints the numbered quote and its citation', async () => {
    const { code, stdout, stderr } = await run(['ask', "Who got access to users' direct messages?", '--knowledge', KB]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [first] = stdout.split('\n\n');
    expect(first).toMatch(/^\[1\] “.*Acme gave StreamCo Inc\. access to users' direct messages through a private "Inbox API" from 2013 until 2019\..*”\n/s);
    expect(first).toMatch(/\n {4}— Doe v\. Acme Messaging: Class Action Complaint \(complaint\), ¶ 2, ECF No\. 1 at 1, 2021-04-12, https:\/\/example\.com\/complaint\.pdf$/);
    expect(stdout).toMatch(/^\[2\] “/m);
    expect(stdout).not.toContain('\u001b[');
  });

  it('prints plain text on a terminal when NO_COLOR is set, and bolds when it is empty (no-color.org)', async () => {
    const question = ['ask', 'Was the motion under Rule 12(b)(6) denied?', '--knowledge', KB];
    const plain = await run(question, { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stdout.startsWith('[1] “The motion to dismiss under Rule 12(b)(6) is denied.')).toBe(true);
    expect(plain.stdout).not.toContain('\u001b');
    expect((await run(question, { tty: true, env: { NO_COLOR: '' } })).stdout).toContain('\u001b[1mmotion\u001b[0m');
  });

  it('bolds the matched words on a terminal', async () => {
    const { stdout } = await run(['ask', 'Was the motion under Rule 12(b)(6) denied?', '--knowledge', KB], { tty: true });
    expect(stdout.startsWith('[1] “The \u001b[1mmotion\u001b[0m to dismiss under \u001b[1mRule\u001b[0m \u001b[1m12(b)(6)\u001b[0m is \u001b[1mdenied\u001b[0m.')).toBe(true);
    expect(stdout).toContain('\u001b[2m    — Order Denying Motion to Dismiss (order), p. 1, para. 1, 2022-12-06\u001b[0m');
  });

  it('prints a parseable Answer with --json', async () => {
    const { code, stdout } = await run(['ask', '--json', '--knowledge', KB, 'How much in damages do plaintiffs seek?']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Answer;
    expect(answer.kind).toBe('excerpts');
    if (answer.kind !== 'excerpts') return;
    expect(answer.question).toBe('How much in damages do plaintiffs seek?');
    expect(answer.excerpts[0]!.quote).toContain('$725 million');
    expect(answer.excerpts[0]!.citation).toMatchObject({ docId: 'filings-complaint', label: '¶ 6, ECF No. 1 at 2' });
  });

  it('says the documents do not answer and lists the titles for an off-topic question', async () => {
    const { code, stdout } = await run(['ask', 'What is the capital of France?', '--knowledge', KB]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'The documents do not answer that.\nThe documents never use “capital” or “France”: try other words for them.\nYou could ask about:\n  • Doe v. Acme Messaging: Class Action Complaint\n  • Order Denying Motion to Dismiss\n',
    );
  });

  it("leaves the pins of a bot sharing its DATA_DIR alone, whatever folder it reads", async () => {
    const bot = await createPinpoint({ knowledgeDir: KB, dataDir });
    const scope = { platform: 'discord', server: 'guild-1', channel: 'general' };
    const question = 'Rule 12(b)(6)';
    bot.pins.pin({ scope, question, answer: bot.ask(question, { scope }), pinnedBy: 'moderator' });
    await bot.close();
    const other = join(dataDir, 'other-knowledge');
    mkdirSync(other);
    writeFileSync(join(other, 'note.md'), 'A different document about something else entirely.\n');
    expect((await run(['ask', 'something else', '--knowledge', other])).code).toBe(0);
    const reopened = await createPinpoint({ knowledgeDir: KB, dataDir, judgePins: false });
    expect(reopened.pins.list({ platform: 'discord', server: 'guild-1' }).map((pin) => pin.stale)).toEqual([false]);
    await reopened.close();
  });

  it("leaves its unanswered questions out of the moderators' report, whatever folder it reads", async () => {
    const other = join(dataDir, 'other-knowledge');
    mkdirSync(other);
    writeFileSync(join(other, 'note.md'), 'A different document about something else entirely.\n');
    expect((await run(['ask', 'What is the capital of France?', '--knowledge', KB])).code).toBe(0);
    expect((await run(['ask', 'Who won the super bowl?', '--knowledge', other])).code).toBe(0);
    expect(await run(['report', '--knowledge', KB])).toEqual({ code: 0, stdout: 'No questions went unanswered yet.\n', stderr: '' });
  });

  it('reads the knowledge folder from KNOWLEDGE_DIR when --knowledge is not given', async () => {
    const { code, stdout } = await run(['ask', 'Rule 12(b)(6)', '--json'], { env: { KNOWLEDGE_DIR: KB } });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Answer).kind).toBe('excerpts');
  });

  it('exits 2 with a message when the question is missing', async () => {
    const { code, stdout, stderr } = await run(['ask', '--knowledge', KB]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('pinpoint: ask needs a question, e.g. npm run ask -- "Did Netflix read private messages?"\n');
  });

  it('exits 1 with the pinpoint message when --knowledge points at a missing folder', async () => {
    const missing = join(dataDir, 'no-such-knowledge');
    const { code, stderr } = await run(['ask', 'anything', '--knowledge', missing]);
    expect(code).toBe(1);
    expect(stderr).toBe(`pinpoint: knowledge folder ${missing} does not exist; create it with the case documents or pass --knowledge a folder that exists\n`);
  });

  it('exits 2 with a pinpoint message and the usage on an unknown option', async () => {
    const { code, stderr } = await run(['ask', '--bogus', 'question']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^pinpoint: Unknown option '--bogus'/);
    expect(stderr).toContain('usage:');
  });

  it.each([[['ask', '--help']], [['eval', '-h']], [['report', '--help']], [['help']], [['--help']]])(
    'prints the usage on stdout and exits 0 for %j',
    async (argv) => {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^usage:\n {2}npm run ask -- "question" \[--json\] \[--knowledge DIR\]\n/);
    },
  );

  it('explains every flag its commands take, with the defaults the commands use', async () => {
    const { stdout } = await run(['--help']);
    const [commands = '', rest = ''] = stdout.split('\noptions:\n');
    const flags = new Set(commands.match(/--[a-z]+/g));
    expect([...flags].sort()).toEqual(['--check', '--json', '--knowledge', '--limit', '--questions', '--squad', '--strict']);
    const explained = new Set(rest.match(/^ {2}--[a-z]+/gm)?.map((flag) => flag.trim()));
    expect([...flags].filter((flag) => !explained.has(flag))).toEqual([]);
    expect(rest).toContain('(default: KNOWLEDGE_DIR, else ./knowledge)');
    expect(rest).toContain('DATA_DIR (default ./data)');
    expect(rest).toContain('report: how many questions to list (default 20)');
    expect(rest).toContain('npm run bench -- --help');
  });

  it('shows the usage in the form the CLI was run directly, as in the Docker image, with nothing to run through npm', async () => {
    let stdout = '';
    const code = await runCli(['--help'], { env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, program: 'node dist/bin/pinpoint.js' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage:\n {2}node dist\/bin\/pinpoint\.js ask "question" \[--json\] \[--knowledge DIR\]\n/);
    expect(stdout).toContain('  node dist/bin/pinpoint.js report [--limit N] [--knowledge DIR]\n');
    expect(stdout).toContain('  node dist/adapters/main.js [--check-config]  the bot');
    expect(stdout).not.toMatch(/npm run (ask|eval|index|report)|npm start/);
  });

  it('leaves the bench out of the usage of the compiled CLI, as the Docker image has no bench to run', async () => {
    const usageOf = async (program: string): Promise<string> => {
      let stdout = '';
      await runCli(['--help'], { env: {}, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => undefined }, program });
      return stdout;
    };
    expect(await usageOf('node dist/bin/pinpoint.js')).not.toContain('npm run');
    // From a checkout (tsx), the bench is there to run.
    expect(await usageOf('npx tsx bin/pinpoint.ts')).toContain('npm run bench -- --help');
  });

  it('exits 2 with the usage for an unknown command', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage:\n {2}npm run ask -- "question" \[--json\] \[--knowledge DIR\]\n/);
  });
});

describe('cli eval', () => {
  it('prints the metrics as the last line of stdout with --questions and --json', async () => {
    const { code, stdout, stderr } = await run(['eval', '--questions', join(EVAL, 'questions.jsonl'), '--knowledge', KB, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const metrics = lastLineJson(stdout);
    expect(Object.keys(metrics)).toEqual(expect.arrayContaining(METRIC_KEYS));
    for (const key of METRIC_KEYS) expect(typeof metrics[key], key).toBe('number');
    expect(metrics).toMatchObject({ questions: 4, answerable: 3, abstain_total: 1, verbatim: 1 });
    expect(metrics.max_quote_chars as number).toBeLessThanOrEqual(400);
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await run(['eval', '--questions', join(EVAL, 'questions.jsonl'), '--knowledge', KB]);
    expect(code).toBe(0);
    const rows = stdout.trimEnd().split('\n');
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(METRIC_KEYS);
    expect(rows[0]).toMatch(/^questions +4$/);
  });

  it('runs a SQuAD file with --squad', async () => {
    const { code, stdout } = await run(['eval', '--squad', join(EVAL, 'squad-tiny.json'), '--json']);
    expect(code).toBe(0);
    const metrics = lastLineJson(stdout);
    expect(Object.keys(metrics)).toEqual(expect.arrayContaining(METRIC_KEYS));
    expect(metrics).toMatchObject({ questions: 4, answerable: 4, abstain_total: 0, abstain_correct: 0, verbatim: 1 });
  });

  it('exits 2 when neither --squad nor --questions is given', async () => {
    const { code, stderr } = await run(['eval', '--json']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('pinpoint: eval needs --squad FILE.json or --questions FILE.jsonl');
  });

  it('exits 2 with the usage when --squad and --questions are both given', async () => {
    const { code, stdout, stderr } = await run(['eval', '--squad', join(EVAL, 'squad-tiny.json'), '--questions', join(EVAL, 'questions.jsonl'), '--knowledge', KB]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('pinpoint: eval takes either --squad or --questions, not both');
    expect(stderr).toContain('usage:');
  });

  it('exits 2 with the usage when --squad is given --knowledge, which only --questions reads', async () => {
    const { code, stdout, stderr } = await run(['eval', '--squad', join(EVAL, 'squad-tiny.json'), '--knowledge', KB]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('pinpoint: eval --squad reads its documents from the SQuAD file; --knowledge goes with --questions');
    expect(stderr).toContain('usage:');
  });

  it('still runs --squad when KNOWLEDGE_DIR is set in the environment', async () => {
    const { code } = await run(['eval', '--squad', join(EVAL, 'squad-tiny.json'), '--json'], { env: { KNOWLEDGE_DIR: KB } });
    expect(code).toBe(0);
  });

  it('names the file and line of a malformed JSONL line', async () => {
    const file = join(EVAL, 'bad-questions.jsonl');
    const { code, stdout, stderr } = await run(['eval', '--questions', file, '--knowledge', KB, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`pinpoint: ${file}:2: not JSON; write one {"id","question","answers","unanswerable"} object per line\n`);
  });

  it('names the file, line and field of a JSONL line with a bad value', async () => {
    const file = join(EVAL, 'bad-schema.jsonl');
    const { code, stderr } = await run(['eval', '--questions', file, '--knowledge', KB, '--json']);
    expect(code).toBe(1);
    expect(stderr).toBe(`pinpoint: ${file}:1: "question": expected the question as text, got the text ""\n`);
  });

  it('exits 1 with the pinpoint message when the --knowledge folder is missing', async () => {
    const missing = join(dataDir, 'gone');
    const { code, stderr } = await run(['eval', '--questions', join(EVAL, 'questions.jsonl'), '--knowledge', missing, '--json']);
    expect(code).toBe(1);
    expect(stderr).toBe(`pinpoint: knowledge folder ${missing} does not exist; create it with the case documents or pass --knowledge a folder that exists\n`);
  });

  // Bug: readQuestions/readSquad let ENOENT and JSON.parse errors escape as plain errors, so the CLI
  // crashes with a stack trace instead of a "pinpoint:" message and exit code 1.
  it('exits 1 with a pinpoint message when the --questions file does not exist [reported bug]', async () => {
    const missing = join(dataDir, 'missing.jsonl');
    const result = await run(['eval', '--questions', missing, '--knowledge', KB]).catch((error: Error) => ({ code: 'threw', stdout: '', stderr: error.message }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^pinpoint: .*${escapeRegExp(missing)}`));
  });

  it('exits 1 with a pinpoint message when the --squad file is not JSON [reported bug]', async () => {
    const notJson = join(KB, 'pack.yaml');
    const result = await run(['eval', '--squad', notJson]).catch((error: Error) => ({ code: 'threw', stdout: '', stderr: error.message }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^pinpoint: .*pack\.yaml/);
  });

  it('explains a JSON file that is not SQuAD', async () => {
    const notSquad = join(dataDir, 'not-squad.json');
    writeFileSync(notSquad, '{"version":"1.1","data":[{"title":"T"}]}');
    const { code, stderr } = await run(['eval', '--squad', notSquad]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^pinpoint: ${escapeRegExp(notSquad)} is not SQuAD v1.1 \\(.+\\); pass a SQuAD-format file to --squad\\n$`));
  });
});
  it('exits 1 naming a file that holds no questions instead of scoring nothing', async () => {
    const jsonl = join(dataDir, 'empty.jsonl');
    writeFileSync(jsonl, '\n\n');
    expect(await run(['eval', '--questions', jsonl, '--knowledge', KB, '--json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `pinpoint: ${jsonl} holds no questions; write one {"id","question","answers","unanswerable"} object per line\n`,
    });
    const squad = join(dataDir, 'empty.json');
    writeFileSync(squad, '{"version":"1.1","data":[{"title":"T","paragraphs":[{"context":"Text.","qas":[]}]}]}');
    expect(await run(['eval', '--squad', squad, '--json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `pinpoint: ${squad} holds no questions; a SQuAD file lists them in data[].paragraphs[].qas\n`,
    });
  });

  it('names where a SQuAD file breaks the format and what the value there should be', async () => {
    const file = join(dataDir, 'bad-squad.json');
    const qa = (id: unknown) => ({ id, question: 'Who?', answers: [{ text: 'Ada' }] });
    writeFileSync(file, JSON.stringify({ data: [{ title: 'T', paragraphs: [{ context: 'Ada did.', qas: [qa('a'), qa(5)] }] }] }));
    const wrongType = await run(['eval', '--squad', file, '--json']);
    expect([wrongType.code, wrongType.stdout]).toEqual([1, '']);
    expect(wrongType.stderr).toBe(`pinpoint: ${file} is not SQuAD v1.1 (data[0].paragraphs[0].qas[1].id: expected text, got the number 5); pass a SQuAD-format file to --squad\n`);
    writeFileSync(file, JSON.stringify({ data: [{ title: 'T', paragraphs: [{ context: 'Ada did.', qas: [qa('a')] }] }, { title: 'U' }] }));
    expect((await run(['eval', '--squad', file])).stderr).toContain('(data[1].paragraphs is missing)');
  });


describe('cli output of a document holding terminal control sequences', () => {
  // Only the bold, dim and reset the answer adds itself may reach a terminal as escape sequences.
  const withoutOwnStyles = (text: string) => ['\u001b[1m', '\u001b[2m', '\u001b[0m'].reduce((rest, style) => rest.replaceAll(style, ''), text);

  it('shows the escape and bell characters of a document and its file name instead of sending them', async () => {
    const kb = join(dataDir, 'hostile');
    mkdirSync(kb);
    writeFileSync(join(kb, 'settlement\u001b[2J.txt'), 'The settlement paid \u001b[31m$725 million\u001b[0m to the class. \u001b]0;pwned\u0007 The judge approved the settlement.\n');
    for (const tty of [false, true]) {
      const { code, stdout } = await run(['ask', 'How much was the settlement?', '--knowledge', kb], { tty });
      expect(code).toBe(0);
      expect(withoutOwnStyles(stdout)).toContain('paid ␛[31m$725 million␛[0m to the class. ␛]0;pwned␇ The judge');
      expect(withoutOwnStyles(stdout).match(/(?!\n)\p{Cc}/gu)).toBeNull();
    }
    const check = await run(['index', '--check', '--knowledge', kb]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('  settlement␛[2J.txt  “settlement␛[2J”');
    expect(check.stdout).not.toContain('\u001b');
  });
});

describe('cli index --check', () => {
  it('prints documents, passages and warnings of a pack', async () => {
    const { code, stdout } = await run(['index', '--check', '--knowledge', KB]);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      `${resolve(KB)}: 2 documents, 2 alias groups (analyzer ${stdout.match(/\(analyzer (\S+)\)/)?.[1]})`,
      '  filings/complaint.md  “Doe v. Acme Messaging: Class Action Complaint” [complaint]: 2 pages, 6 numbered paragraphs, 6 passages',
      '  order.txt  “Order Denying Motion to Dismiss” [order]: 2 pages, 0 numbered paragraphs, 2 passages',
      'ok: 8 passages, 0 warnings',
      '',
    ]);
  });

  it('lists the warnings of a pack', async () => {
    const dir = join(dataDir, 'kb');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), 'Text.');
    writeFileSync(join(dir, 'b.md'), '\n');
    const { code, stdout } = await run(['index', '--check', '--knowledge', dir]);
    expect(code).toBe(0);
    expect(stdout.startsWith(`${resolve(dir)}: 1 document, 0 alias groups (analyzer`)).toBe(true);
    expect(stdout).toContain(`  warning: ${join(dir, 'b.md')}: no text; skipped\n`);
    expect(stdout.endsWith('ok: 1 passage, 1 warning\n')).toBe(true);
  });

  it('reads KNOWLEDGE_DIR in quotes as the bot does, as `docker run --env-file` passes it', async () => {
    // The bot dropped the quotes; the CLI looked for a folder named with them: "knowledge folder \"/app/knowledge\" does not exist".
    const { code, stdout } = await run(['index', '--check'], { env: { KNOWLEDGE_DIR: `"${KB}"` } });
    expect(code).toBe(0);
    expect(stdout.startsWith(`${resolve(KB)}: 2 documents`)).toBe(true);
  });

  it('reads a KNOWLEDGE_DIR starting with ~ as under the home folder, as the bot does', async () => {
    const { code, stdout } = await run(['index', '--check'], { env: { KNOWLEDGE_DIR: `~/${relative(homedir(), resolve(KB))}` } });
    expect(code).toBe(0);
    expect(stdout.startsWith(`${resolve(KB)}: 2 documents`)).toBe(true);
  });

  it('exits 1 on warnings with --strict, for a CI step that keeps a pack clean, and 0 without them', async () => {
    const dir = join(dataDir, 'kb');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), 'Text.');
    writeFileSync(join(dir, 'b.md'), '\n');
    const warned = await run(['index', '--check', '--strict', '--knowledge', dir]);
    expect(warned.code).toBe(1);
    expect(warned.stdout).toContain(`  warning: ${join(dir, 'b.md')}: no text; skipped\n`);
    expect(warned.stdout.endsWith('failed (--strict): 1 passage, 1 warning\n')).toBe(true);
    const clean = await run(['index', '--check', '--strict', '--knowledge', KB]);
    expect(clean.code).toBe(0);
    expect(clean.stdout.endsWith('ok: 8 passages, 0 warnings\n')).toBe(true);
  });

  it('exits 1 naming the file and line of a malformed pack', async () => {
    const dir = join(dataDir, 'kb');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), '---\ntitle: A\nkind: memo\n---\nText.');
    const { code, stderr } = await run(['index', '--check', '--knowledge', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^pinpoint: ${escapeRegExp(join(dir, 'a.md'))}:3: "kind": expected one of `));
  });

  it('exits 2 without --check', async () => {
    const { code, stderr } = await run(['index', '--knowledge', KB]);
    expect(code).toBe(2);
    expect(stderr).toBe('pinpoint: index needs --check (validate a pack without starting the bot)\n');
  });
});

// The fix for a missing folder names what named it: telling someone who typed --knowledge to set a
// variable they never set sends them to the wrong place.
describe('cli with a missing knowledge folder', () => {
  const commands: [string, (knowledge: string[]) => string[]][] = [
    ['ask', (knowledge) => ['ask', 'anything', ...knowledge]],
    ['eval --questions', (knowledge) => ['eval', '--questions', join(EVAL, 'questions.jsonl'), ...knowledge]],
    ['index --check', (knowledge) => ['index', '--check', ...knowledge]],
  ];

  it.each(commands)('%s names --knowledge when the folder came from the flag', async (_name, argv) => {
    const missing = join(dataDir, 'nonexistent');
    const { code, stdout, stderr } = await run(argv(['--knowledge', missing]), { env: { KNOWLEDGE_DIR: KB } });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`pinpoint: knowledge folder ${missing} does not exist; create it with the case documents or pass --knowledge a folder that exists\n`);
  });

  it.each(commands)('%s names KNOWLEDGE_DIR when the folder came from the variable', async (_name, argv) => {
    const missing = join(dataDir, 'nonexistent');
    const { code, stdout, stderr } = await run(argv([]), { env: { KNOWLEDGE_DIR: missing } });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(`pinpoint: knowledge folder ${missing} does not exist; create it with the case documents or set KNOWLEDGE_DIR\n`);
  });

  // "pinpoint: knowledge folder  does not exist", with two spaces round a name that was not there.
  it.each(commands)('%s says an empty --knowledge needs a folder', async (_name, argv) => {
    for (const empty of ['--knowledge=', '--knowledge=  ']) {
      const { code, stdout, stderr } = await run(argv([empty]), { env: { KNOWLEDGE_DIR: KB } });
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toMatch(/^pinpoint: --knowledge needs a folder, e\.g\. --knowledge \.\/knowledge\nusage:\n/);
    }
  });

  it('report names --knowledge in its note when the folder came from the flag', async () => {
    await askTheBot([]);
    const missing = join(dataDir, 'nonexistent');
    const { code, stderr } = await run(['report', '--knowledge', missing], { env: { KNOWLEDGE_DIR: KB } });
    expect(code).toBe(0);
    expect(stderr).toBe(
      'pinpoint: the report lists the questions without the words the documents miss: ' +
        `pinpoint: knowledge folder ${missing} does not exist; create it with the case documents or pass --knowledge a folder that exists\n`,
    );
  });
});

describe('cli report', () => {
  it('lists the questions that got no match with the words the documents never use, and those words most asked first', async () => {
    await askTheBot(['What is the capital of France?', 'What is the capital of France?', 'Who won the super bowl?']);
    const { code, stdout, stderr } = await run(['report', '--knowledge', KB]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const today = new Date().toISOString().slice(0, 10);
    expect(stdout).toBe(
      'Questions that got no match (2, most asked first):\n' +
        `2×  What is the capital of France?  (last asked ${today}; never uses “capital”, “France”)\n` +
        `1×  Who won the super bowl?  (last asked ${today}; never uses “won”, “super”, “bowl”)\n` +
        '\n' +
        'Words the documents never use, most asked first: capital (2×), France (2×), bowl (1×), super (1×), won (1×).\n' +
        'Where the documents say the same in other words, an alias group in pack.yaml joins them.\n',
    );
  });

  // Number() reads all of these as whole numbers: "1e1" listed 10 questions instead of asking for digits.
  it.each([['1e1'], ['0x10'], ['5.0'], [' 5'], ['0'], ['99999999999999999999']])('refuses --limit %j, which is no whole number from 1 in digits', async (limit) => {
    const { code, stdout, stderr } = await run(['report', '--limit', limit, '--knowledge', KB]);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `pinpoint: --limit must be a whole number of at least 1, got "${limit}"\n` });
  });

  // Run from another folder, or with DATA_DIR mistyped, it made an empty database there and said "No questions went
  // unanswered yet.": the operator read that nobody had gone unanswered.
  it.each([
    ['a DATA_DIR that does not exist', () => join(dataDir, 'mistyped')],
    ['a DATA_DIR without the bot\'s database', () => dataDir],
  ])('says %s holds none of the bot\'s data, and creates nothing there', async (_label, folder) => {
    const { code, stdout, stderr } = await run(['report', '--knowledge', KB], { env: { DATA_DIR: folder() } });
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: `pinpoint: ${folder()} holds no data of the bot (no pinpoint.db): set DATA_DIR to the folder the bot keeps its data in\n`,
    });
    expect(existsSync(folder()) ? readdirSync(folder()) : 'absent').toEqual(folder() === dataDir ? [] : 'absent');
  });

  it("reads DATA_DIR in quotes as the bot does, and finds the bot's data there", async () => {
    await askTheBot(['What is the capital of France?']);
    const { code, stdout } = await run(['report', '--knowledge', KB], { env: { DATA_DIR: `'${dataDir}'` } });
    expect(code).toBe(0);
    expect(stdout).toContain('What is the capital of France?');
  });

  it('names a broken state database once, not as a problem with the documents', async () => {
    // The documents were fine; the report printed "the report lists the questions without the words the documents
    // miss: <the database error>", then the same error again.
    writeFileSync(join(dataDir, 'pinpoint.db'), 'not a database');
    const { code, stdout, stderr } = await run(['report', '--knowledge', KB]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^pinpoint: state database ${escapeRegExp(join(dataDir, 'pinpoint.db'))} is corrupt or not a SQLite database;[^\\n]*\\n$`));
  });

  it('still lists the questions when the documents cannot be read', async () => {
    await askTheBot(['What is the capital of France?']);
    const { code, stdout, stderr } = await run(['report', '--knowledge', join(dataDir, 'gone')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Questions that got no match \(1, most asked first\):\n1× {2}What is the capital of France\? {2}\(last asked \d{4}-\d{2}-\d{2}\)\n$/);
    expect(stderr).toMatch(/^pinpoint: the report lists the questions without the words the documents miss: /);
  });
});
