import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PinpointError } from '../src/errors.js';

/** One document of a bench corpus, before it is written to a knowledge folder. */
export interface BenchDocument {
  title: string;
  text: string;
}

/** One question with its gold strings; unanswerable questions expect no-match and are not scored here. */
export interface BenchQuestion {
  id: string;
  question: string;
  answers: string[];
  unanswerable: boolean;
}

interface SquadFile {
  data: { title: string; paragraphs: { context: string; qas: { id: string; question: string; answers: { text: string }[]; is_impossible?: boolean }[] }[] }[];
}

function isSquad(value: unknown): value is SquadFile {
  if (typeof value !== 'object' || value === null) return false;
  const data = (value as { data?: unknown }).data;
  return Array.isArray(data) && data.every((a) => typeof a?.title === 'string' && Array.isArray(a?.paragraphs));
}

/** SQuAD v1.1: each article is one document titled `title`, its paragraph contexts joined by blank lines. */
export async function loadSquad(file: string): Promise<{ documents: BenchDocument[]; questions: BenchQuestion[] }> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isSquad(parsed)) {
    throw new PinpointError('INPUT_INVALID', `pinpoint: ${file} is not SQuAD v1.1 JSON ({"data":[{"title","paragraphs"}]}); pass a SQuAD file to --squad or use --questions with --knowledge`);
  }
  const documents: BenchDocument[] = [];
  const questions: BenchQuestion[] = [];
  for (const article of parsed.data) {
    documents.push({ title: article.title, text: article.paragraphs.map((p) => p.context).join('\n\n') });
    for (const paragraph of article.paragraphs) {
      for (const qa of paragraph.qas) {
        const unanswerable = qa.is_impossible === true;
        questions.push({ id: qa.id, question: qa.question, answers: unanswerable ? [] : qa.answers.map((a) => a.text), unanswerable });
      }
    }
  }
  return { documents, questions };
}

/** JSONL, one `{"id","question","answers":[…],"unanswerable"}` a line (quality.md). */
export async function loadJsonlQuestions(file: string): Promise<BenchQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const questions: BenchQuestion[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let row: { id?: unknown; question?: unknown; answers?: unknown; unanswerable?: unknown };
    try {
      row = JSON.parse(line) as typeof row;
    } catch (cause) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: ${file}:${index + 1} is not JSON; write one question object per line`, { cause });
    }
    if (typeof row.question !== 'string' || (row.answers !== undefined && !Array.isArray(row.answers))) {
      throw new PinpointError('INPUT_INVALID', `pinpoint: ${file}:${index + 1} needs "question" (string) and "answers" (array of strings)`);
    }
    const answers = ((row.answers as unknown[] | undefined) ?? []).filter((a): a is string => typeof a === 'string');
    questions.push({
      id: typeof row.id === 'string' ? row.id : `q${index + 1}`,
      question: row.question,
      answers: row.unanswerable === true ? [] : answers,
      unanswerable: row.unanswerable === true,
    });
  });
  return questions;
}

/** Writes documents as Markdown files with a `title` front matter, the format the core's loader reads. */
export async function writeKnowledge(documents: readonly BenchDocument[], dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const width = String(documents.length).length;
  await Promise.all(
    documents.map((doc, index) => {
      const slug = doc.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'doc';
      const name = `${String(index + 1).padStart(width, '0')}-${slug}.md`;
      return writeFile(join(dir, name), `---\ntitle: ${JSON.stringify(doc.title)}\n---\n\n${doc.text}\n`);
    }),
  );
}
