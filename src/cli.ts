import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { terminalSafe, toTerminalText, wantsColor } from './answer/format-text.js';
import { DEFAULT_DATA_DIR, DEFAULT_KNOWLEDGE_DIR, settingValue, withHome } from './config.js';
import { isPinpointError, type PinpointErrorCode } from './errors.js';
import type { EvalMetrics } from './eval/metrics.js';
import { runEval } from './eval/run-eval.js';
import { unmatchableAliasWarnings } from './knowledge/alias-warnings.js';
import { loadKnowledge, type KnowledgeOrigin } from './knowledge/load.js';
import { splitPassages } from './passages.js';
import { createPinpoint } from './pinpoint.js';
import { counted } from './counted.js';
import { createAnalyzer } from './search/analyzer.js';
import type { Pinpoint } from './services.js';
import { createState, formatNoMatchReport, type NoMatchEntry, STATE_FILE } from './state/index.js';

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** How the CLI was run when not through `npm run` ("node dist/bin/pinpoint.js"): its usage and hints show that form. */
  program?: string;
}

/**
 * The usage in the form the CLI was run: `npm run ask -- …`, or `node dist/bin/pinpoint.js ask …` when `program`
 * says it was run directly (the Docker image has no npm run), so every line can be copied as it is.
 */
function usage(program: string | undefined): string {
  const run = (command: string): string => (program === undefined ? `npm run ${command} --` : `${program} ${command}`);
  const start = program === undefined ? 'npm start -- [--check-config]' : `${botOf(program)} [--check-config]`;
  // The compiled CLI (the Docker image) has no bench beside it: bench/ is neither compiled nor copied there.
  const bench = program === undefined || !program.startsWith('node ') ? '\n  npm run bench -- --help         the benchmarks and their flags' : '';
  return `usage:
  ${run('ask')} "question" [--json] [--knowledge DIR]
  ${run('eval')} --squad FILE.json [--json]
  ${run('eval')} --questions FILE.jsonl [--knowledge DIR] [--json]
  ${run('index')} --check [--strict] [--knowledge DIR]
  ${run('report')} [--limit N] [--knowledge DIR]
options:
  --knowledge DIR       the case documents (default: KNOWLEDGE_DIR, else ./knowledge); pins, the index cache and
                        the unanswered questions live in DATA_DIR (default ./data)
  --json                ask: the Answer object; eval: the metrics as one JSON object on the last line of stdout
  --squad FILE.json     eval: a SQuAD v1.1 file, each article one document
  --questions FILE.jsonl
                        eval: one {"id","question","answers":[…],"unanswerable":false} a line, over --knowledge
  --check               index: read and split the documents, print what was found, start nothing
  --strict              index: exit 1 when there are warnings, for a CI step that must keep a pack clean
  --limit N             report: how many questions to list (default 20)
also:
  ${start.padEnd(30)}  the bot (see README.md); --check-config prints its settings and exits${bench}
`;
}

/** The bot beside the CLI run directly: "node dist/bin/pinpoint.js" → "node dist/adapters/main.js". */
function botOf(program: string): string {
  return program.replace(/bin([\\/])pinpoint(\.[cm]?[jt]s)$/, 'adapters$1main$2');
}

/** The knowledge folder a command reads, and what named it: a missing folder's fix names the flag or the variable. */
interface KnowledgeChoice {
  dir: string;
  origin: KnowledgeOrigin;
}

function knowledgeFrom(flag: string | undefined, knowledgeDefault: string): KnowledgeChoice {
  // "--knowledge=" (a variable that was not set, in a script) named no folder: "knowledge folder  does not exist".
  if (flag?.trim() === '') {
    throw Object.assign(new Error('--knowledge needs a folder, e.g. --knowledge ./knowledge'), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
  }
  return flag === undefined ? { dir: knowledgeDefault, origin: { variable: 'KNOWLEDGE_DIR' } } : { dir: flag, origin: { flag: '--knowledge' } };
}

/**
 * Whether the command line asks for the usage: then it is shown before any option parsing (`npm run ask -- --help`
 * must not say "Unknown option '--help'") and before .env is read (a broken one must not hide it).
 */
export function asksForHelp(argv: readonly string[]): boolean {
  return argv[0] === 'help' || argv.some((arg) => arg === '--help' || arg === '-h');
}

/** The command line: ask, eval, index --check, report. Returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (asksForHelp(argv)) {
    io.stdout.write(usage(io.program));
    return 0;
  }
  // The two settings the CLI reads, read as the bot reads them (blank is unset, quotes are dropped, ~ is the home
  // folder), with its defaults.
  const knowledgeDefault = withHome(settingValue(io.env, 'KNOWLEDGE_DIR')?.trim() ?? DEFAULT_KNOWLEDGE_DIR);
  const dataDir = withHome(settingValue(io.env, 'DATA_DIR')?.trim() ?? DEFAULT_DATA_DIR);
  try {
    switch (command) {
      case 'ask':
        return await ask(rest, io, knowledgeDefault, dataDir);
      case 'eval':
        return await evaluate(rest, io, knowledgeDefault);
      case 'index':
        return await checkIndex(rest, io, knowledgeDefault);
      case 'report':
        return await report(rest, io, knowledgeDefault, dataDir);
      default:
        io.stderr.write(usage(io.program));
        return 2;
    }
  } catch (error) {
    if (isPinpointError(error)) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`pinpoint: ${(error as Error).message}\n${usage(io.program)}`);
      return 2;
    }
    throw error;
  }
}

async function ask(args: string[], io: CliIo, knowledgeDefault: string, dataDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    // No default for --knowledge: a missing folder's fix names the flag only when it was given.
    options: { json: { type: 'boolean', default: false }, knowledge: { type: 'string' } },
  });
  const question = positionals.join(' ').trim();
  if (question === '') {
    io.stderr.write(`pinpoint: ask needs a question, e.g. ${io.program === undefined ? 'npm run ask --' : `${io.program} ask`} "Did Netflix read private messages?"\n`);
    return 2;
  }
  const knowledge = knowledgeFrom(values.knowledge, knowledgeDefault);
  const core = await createPinpoint({ knowledgeDir: knowledge.dir, knowledgeOrigin: knowledge.origin, dataDir, judgePins: false, recordUnanswered: false });
  try {
    const answer = core.ask(question);
    io.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `${toTerminalText(answer, { color: wantsColor(io.stdout, io.env) })}\n`);
    return 0;
  } finally {
    await core.close();
  }
}

async function evaluate(args: string[], io: CliIo, knowledgeDefault: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      squad: { type: 'string' },
      questions: { type: 'string' },
      // No default here: --squad must be able to tell an explicit --knowledge from KNOWLEDGE_DIR.
      knowledge: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.squad && !values.questions) {
    io.stderr.write(`pinpoint: eval needs --squad FILE.json or --questions FILE.jsonl\n${usage(io.program)}`);
    return 2;
  }
  if (values.squad && values.questions) {
    io.stderr.write(`pinpoint: eval takes either --squad or --questions, not both\n${usage(io.program)}`);
    return 2;
  }
  if (values.squad && values.knowledge !== undefined) {
    io.stderr.write(`pinpoint: eval --squad reads its documents from the SQuAD file; --knowledge goes with --questions\n${usage(io.program)}`);
    return 2;
  }
  const knowledge = knowledgeFrom(values.knowledge, knowledgeDefault);
  const run = await runEval(
    values.squad ? { squad: values.squad } : { questions: values.questions!, knowledgeDir: knowledge.dir, knowledgeOrigin: knowledge.origin },
  );
  io.stdout.write(values.json ? `${JSON.stringify(run.metrics)}\n` : metricsTable(run.metrics));
  return 0;
}

function metricsTable(metrics: EvalMetrics): string {
  const width = Math.max(...Object.keys(metrics).map((key) => key.length));
  return `${Object.entries(metrics).map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n')}\n`;
}

async function checkIndex(args: string[], io: CliIo, knowledgeDefault: string): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { check: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false }, knowledge: { type: 'string' } },
  });
  if (!values.check) {
    io.stderr.write(`pinpoint: index needs --check (validate a pack without starting the bot)\n`);
    return 2;
  }
  const knowledge = knowledgeFrom(values.knowledge, knowledgeDefault);
  const pack = await loadKnowledge(knowledge.dir, { origin: knowledge.origin });
  const analyzer = createAnalyzer({ aliases: pack.manifest.aliases });
  io.stdout.write(`${path.resolve(knowledge.dir)}: ${counted(pack.documents.length, 'document')}, ${counted(pack.manifest.aliases.length, 'alias group')} (analyzer ${analyzer.version.split(':')[0]})\n`);
  let total = 0;
  for (const document of pack.documents) {
    const passages = splitPassages(document);
    total += passages.length;
    const numbered = passages.filter((passage) => passage.locator.numbered).length;
    const pages = document.pages?.length ?? new Set(passages.flatMap((passage) => passage.locator.page ?? [])).size;
    io.stdout.write(
      terminalSafe(
        `  ${document.path}  “${document.meta.title}”${document.meta.kind ? ` [${document.meta.kind}]` : ''}: ${counted(pages, 'page')}, ${counted(numbered, 'numbered paragraph')}, ${counted(passages.length, 'passage')}\n`,
      ),
    );
  }
  const warnings = [...pack.warnings, ...unmatchableAliasWarnings(pack, (text) => analyzer.terms(text))];
  for (const warning of warnings) io.stdout.write(`  warning: ${terminalSafe(warning)}\n`);
  const summary = `${counted(total, 'passage')}, ${counted(warnings.length, 'warning')}`;
  // Warnings do not stop the bot, so by default they do not fail the check; --strict makes them fail it.
  if (values.strict && warnings.length > 0) {
    io.stdout.write(`failed (--strict): ${summary}\n`);
    return 1;
  }
  io.stdout.write(`ok: ${summary}\n`);
  return 0;
}

async function report(args: string[], io: CliIo, knowledgeDefault: string, dataDir: string): Promise<number> {
  const { values } = parseArgs({ args, options: { limit: { type: 'string', default: '20' }, knowledge: { type: 'string' } } });
  // Digits only: Number() also reads "1e1", "0x10", "5.0" and " 5" as whole numbers.
  const limit = /^\d+$/.test(values.limit) ? Number(values.limit) : Number.NaN;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    io.stderr.write(`pinpoint: --limit must be a whole number of at least 1, got "${values.limit}"\n`);
    return 2;
  }
  // Opening the state makes an empty one: run from another folder, or with DATA_DIR mistyped, the report made one
  // there and said no question went unanswered.
  if (!existsSync(path.join(dataDir, STATE_FILE))) {
    io.stderr.write(`pinpoint: ${path.resolve(dataDir)} holds no data of the bot (no ${STATE_FILE}): set DATA_DIR to the folder the bot keeps its data in\n`);
    return 1;
  }
  io.stdout.write(formatNoMatchReport(await unanswered(limit, knowledgeFrom(values.knowledge, knowledgeDefault), dataDir, io)));
  return 0;
}

/** The errors of reading the knowledge folder, without which the report still lists the questions. */
const KNOWLEDGE_ERRORS: ReadonlySet<PinpointErrorCode> = new Set(['KNOWLEDGE_MISSING', 'KNOWLEDGE_EMPTY', 'DOCUMENT_INVALID', 'PACK_INVALID']);

/**
 * The questions through the core, which asks each again of the documents as they are now for the words
 * they never use; without readable documents, straight from the state, with the questions alone.
 */
async function unanswered(limit: number, knowledge: KnowledgeChoice, dataDir: string, io: CliIo): Promise<NoMatchEntry[]> {
  let core: Pinpoint;
  try {
    core = await createPinpoint({ knowledgeDir: knowledge.dir, knowledgeOrigin: knowledge.origin, dataDir, judgePins: false });
  } catch (error) {
    // Only the documents have a way round; a broken state database is the report's own error, said once.
    if (!isPinpointError(error) || !KNOWLEDGE_ERRORS.has(error.code)) throw error;
    io.stderr.write(`pinpoint: the report lists the questions without the words the documents miss: ${error.message}\n`);
    const state = createState({ dataDir, analyze: createAnalyzer().terms });
    try {
      return state.answers.noMatchReport(limit);
    } finally {
      state.close();
    }
  }
  try {
    return core.answers.noMatchReport(limit);
  } finally {
    await core.close();
  }
}
