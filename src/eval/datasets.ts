import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { describeValue } from '../describe-value.js';
import { PinpointError } from '../errors.js';
import { hashText } from '../knowledge/load.js';
import type { Document } from '../types.js';

export interface EvalQuestion {
  id: string;
  question: string;
  answers: string[];
  unanswerable: boolean;
  /** The document the question was written about, when the data set says (SQuAD articles). */
  docId?: string;
}

/** A gold answer: a blank one is a substring of every quote, so it would score every answer as right. */
const goldText = z.string().regex(/\S/, 'text that is not blank (a blank answer is found in every quote)');

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string(),
      paragraphs: z.array(
        z.object({
          context: z.string(),
          qas: z.array(z.object({ id: z.string(), question: z.string(), answers: z.array(z.object({ text: goldText })) })),
        }),
      ),
    }),
  ),
});

/** A file's text, without the byte-order mark Windows editors put before UTF-8 (JSON.parse rejects it). */
async function readInput(file: string, flag: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new PinpointError('INPUT_INVALID', `pinpoint: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check the path given to ${flag}`, { cause: error });
  }
}

const EXPECTED_TYPE: Record<string, string> = { string: 'text', array: 'a list', object: 'an object' };

/**
 * Where a SQuAD file goes wrong and how, such as `data[3].paragraphs[0].qas[7].id: expected text, got the number 12`:
 * a file of thousands of questions cannot be searched for "expected string, received number".
 */
function describeSquadProblem(issue: z.core.$ZodIssue): string {
  const where = issue.path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('') || 'the file';
  if (issue.input === undefined) return `${where} is missing`;
  const expected = issue.code === 'invalid_type' ? (EXPECTED_TYPE[issue.expected] ?? issue.expected) : issue.message;
  return `${where}: expected ${expected}, got ${describeValue(issue.input, 'an object')}`;
}

/** SQuAD v1.1: each article one document titled `title`, its paragraphs joined by blank lines. */
export async function readSquad(file: string): Promise<{ documents: Document[]; questions: EvalQuestion[] }> {
  let json: unknown;
  try {
    json = JSON.parse(await readInput(file, '--squad'));
  } catch (error) {
    if (error instanceof PinpointError) throw error;
    throw new PinpointError('INPUT_INVALID', `pinpoint: ${file} is not JSON (${(error as Error).message}); pass a SQuAD v1.1 file to --squad`, { cause: error });
  }
  const parsed = squadSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    throw new PinpointError('INPUT_INVALID', `pinpoint: ${file} is not SQuAD v1.1 (${describeSquadProblem(parsed.error.issues[0]!)}); pass a SQuAD-format file to --squad`);
  }
  const documents: Document[] = [];
  const questions: EvalQuestion[] = [];
  parsed.data.data.forEach((article, index) => {
    const text = article.paragraphs.map((paragraph) => paragraph.context.trim()).join('\n\n');
    const docId = `squad-${index}`;
    documents.push({ id: docId, path: `${article.title}.txt`, meta: { title: article.title.replace(/_/g, ' ') }, text, hash: hashText(text) });
    for (const paragraph of article.paragraphs) {
      for (const qa of paragraph.qas) {
        questions.push({ id: qa.id, question: qa.question, answers: qa.answers.map((answer) => answer.text), unanswerable: qa.answers.length === 0, docId });
      }
    }
  });
  if (questions.length === 0) throw noQuestions(file, 'a SQuAD file lists them in data[].paragraphs[].qas');
  return { documents, questions };
}

const questionLineSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  answers: z.array(goldText).default([]),
  // Left out, it follows the answers, as in SQuAD: a question nothing answers is unanswerable.
  unanswerable: z.boolean().optional(),
});

type QuestionField = keyof z.input<typeof questionLineSchema>;

/** What each field of a JSONL line holds, said when it holds something else. */
const FIELD_EXPECTS: Record<QuestionField, string> = {
  id: 'a name for the question, such as "q1"',
  question: 'the question as text',
  answers: 'a list of the texts that answer it, such as ["$725 million"] ([] when nothing does)',
  unanswerable: 'true or false',
};

/** A line's first problem in plain words: `"answers": expected a list of …, got the text "x"`. */
function describeLineProblem(issue: z.core.$ZodIssue): string {
  const [field, item] = issue.path;
  const got = describeValue(issue.input, 'an object');
  if (field === undefined) return `expected one {"id","question","answers","unanswerable"} object, got ${got}`;
  if (typeof item === 'number') return `"${String(field)}" item ${item + 1}: expected ${issue.code === 'invalid_type' ? 'text' : issue.message}, got ${got}`;
  const expects = FIELD_EXPECTS[field as QuestionField];
  return issue.input === undefined ? `"${String(field)}" is missing: add ${expects}` : `"${String(field)}": expected ${expects}, got ${got}`;
}

/** JSONL, one `{"id","question","answers","unanswerable"}` a line; a bad line names file and line. */
export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const lines = (await readInput(file, '--questions')).split('\n');
  const questions: EvalQuestion[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new PinpointError('INPUT_INVALID', `pinpoint: ${file}:${index + 1}: not JSON; write one {"id","question","answers","unanswerable"} object per line`);
    }
    const parsed = questionLineSchema.safeParse(json, { reportInput: true });
    if (!parsed.success) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: ${file}:${index + 1}: ${describeLineProblem(parsed.error.issues[0]!)}`);
    }
    const { unanswerable, ...question } = parsed.data;
    // An answerable question without a gold string could only ever count as missed.
    if (unanswerable === false && question.answers.length === 0) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: ${file}:${index + 1}: "answers" is empty but "unanswerable" is false: list the texts that answer it, or set "unanswerable": true`);
    }
    questions.push({ ...question, unanswerable: unanswerable ?? question.answers.length === 0 });
  });
  if (questions.length === 0) throw noQuestions(file, 'write one {"id","question","answers","unanswerable"} object per line');
  return questions;
}

/** Scores of no questions are all zeros and a verbatim of 1: a run that looks done and measured nothing. */
function noQuestions(file: string, fix: string): PinpointError {
  return new PinpointError('INPUT_INVALID', `pinpoint: ${file} holds no questions; ${fix}`);
}
