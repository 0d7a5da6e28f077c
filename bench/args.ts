import { parseArgs } from 'node:util';
import { PinpointError } from '../src/errors.js';
import { SCALE_ROWS, type ScaleRowName } from './scale/row-names.js';

export interface BenchArgs {
  squad?: string;
  questions?: string;
  knowledge?: string;
  /** Court .txt files for --scale. */
  court?: string;
  json: boolean;
  scale: boolean;
  /** Ask each SQuAD article's questions of a pack without it. */
  unanswerable: boolean;
  /** Internal: set by the --scale parent on the child process that measures this one row. */
  scaleRow?: ScaleRowName;
  /** Passage counts for --scale. */
  sizes: number[];
  warmup: number;
  help: boolean;
}

const DEFAULT_SIZES = '1000,2500,10000,100000';

export const USAGE = `usage: npm run bench -- [--squad FILE.json | --questions FILE.jsonl --knowledge DIR] [--json]
       npm run bench -- --scale [--sizes 1000,2500,10000,100000] [--court DIR] [--json]
       npm run bench -- --unanswerable --squad FILE.json [--json]
With no data flag, the court set in eval/court (questions.jsonl over knowledge/); --court defaults to eval/court/knowledge.
  --warmup N   questions a row answers untimed before its own timed answers (default 50);
               the quality table's p50/p99 come from the engines answering side by side
               after a warm-up round, --scale's from these`;

/** Untimed answers before a --scale row's timed ones, when --warmup is not given. */
const DEFAULT_WARMUP = 50;

/** `--warmup N`: digits only, 0 allowed. Number('') and Number(' ') are 0, so `--warmup=` meant no warm-up. */
function warmUpCount(raw: string): number {
  if (/^\d+$/.test(raw)) return Number(raw);
  throw new PinpointError('INPUT_INVALID', `pinpoint: --warmup ${raw.trim() === '' ? JSON.stringify(raw) : raw} is not a whole number of questions (0 or more); pass e.g. --warmup 50`);
}

/** Digits only, as `--warmup`: Number() also reads "1e3", "0x10" and "5.0" as whole numbers. */
function positiveInt(flag: string, raw: string): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new PinpointError('INPUT_INVALID', `pinpoint: ${flag} ${raw} is not a positive integer; pass e.g. ${flag} 1000`);
  }
  return value;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const parsed = (() => {
    try {
      return parseArgs({
        args: [...argv],
        options: {
          squad: { type: 'string' },
          questions: { type: 'string' },
          knowledge: { type: 'string' },
          court: { type: 'string' },
          json: { type: 'boolean', default: false },
          scale: { type: 'boolean', default: false },
          unanswerable: { type: 'boolean', default: false },
          'scale-row': { type: 'string' },
          // No default here: --sizes without --scale must be refused, not ignored.
          sizes: { type: 'string' },
          // No default here: --warmup with --unanswerable, which times nothing, must be refused, not ignored.
          warmup: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
        strict: true,
        allowPositionals: false,
      });
    } catch (cause) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: ${(cause as Error).message}\n${USAGE}`, { cause });
    }
  })();
  const { values } = parsed;
  // A flag another mode reads would otherwise be ignored without a word, and the run measure something else.
  if (values.scale) {
    const other = (['squad', 'questions', 'knowledge', 'unanswerable'] as const).find((flag) => values[flag] !== undefined && values[flag] !== false);
    if (other) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: --scale generates its corpora from the court texts (--court DIR); it takes no --${other}\n${USAGE}`);
    }
  } else {
    const scaleOnly = (['sizes', 'court'] as const).find((flag) => values[flag] !== undefined);
    if (scaleOnly) throw new PinpointError('INPUT_INVALID', `pinpoint: --${scaleOnly} goes with --scale\n${USAGE}`);
  }
  if (values.squad !== undefined && values.questions !== undefined) {
    throw new PinpointError('INPUT_INVALID', 'pinpoint: pass either --squad or --questions, not both');
  }
  if (values.unanswerable && values.questions !== undefined) {
    throw new PinpointError('INPUT_INVALID', 'pinpoint: --unanswerable takes SQuAD articles (--squad FILE.json), not --questions');
  }
  if (values.unanswerable && values.warmup !== undefined) {
    throw new PinpointError('INPUT_INVALID', `pinpoint: --unanswerable counts declines and times nothing; it takes no --warmup\n${USAGE}`);
  }
  if (values.unanswerable && values.squad === undefined) {
    throw new PinpointError('INPUT_INVALID', 'pinpoint: --unanswerable leaves each SQuAD article out of the pack in turn: pass --squad FILE.json (XQuAD\'s xquad.en.json, for one)');
  }
  if (values.knowledge !== undefined && values.questions === undefined) {
    throw new PinpointError('INPUT_INVALID', `pinpoint: --knowledge ${values.knowledge} needs --questions FILE.jsonl (the questions about those documents)`);
  }
  if (values.questions !== undefined && values.knowledge === undefined) {
    throw new PinpointError('INPUT_INVALID', `pinpoint: --questions ${values.questions} needs --knowledge DIR (the documents the questions are about)`);
  }
  return {
    ...(values.squad !== undefined ? { squad: values.squad } : {}),
    ...(values.questions !== undefined ? { questions: values.questions } : {}),
    ...(values.knowledge !== undefined ? { knowledge: values.knowledge } : {}),
    ...(values.court !== undefined ? { court: values.court } : {}),
    json: values.json,
    scale: values.scale,
    unanswerable: values.unanswerable,
    ...(values['scale-row'] !== undefined ? { scaleRow: scaleRowName(values['scale-row']) } : {}),
    sizes: (values.sizes ?? DEFAULT_SIZES).split(',').map((s) => positiveInt('--sizes', s.trim())),
    warmup: values.warmup === undefined ? DEFAULT_WARMUP : warmUpCount(values.warmup),
    help: values.help,
  };
}

function scaleRowName(value: string): ScaleRowName {
  const row = SCALE_ROWS.find((name) => name === value);
  if (!row) throw new PinpointError('INPUT_INVALID', `pinpoint: --scale-row takes ${SCALE_ROWS.join(' or ')} (got ${value})`);
  return row;
}
