import { join, resolve } from 'node:path';

/** The repository's own data, so the bench's defaults work on a fresh clone (see eval/court/README.md). */
const EVAL_DIR = resolve(import.meta.dirname, '../eval');

/** 90 questions over four long court opinions: the default question set. */
export const SHIPPED_COURT_QUESTIONS = join(EVAL_DIR, 'court/questions.jsonl');
/** The four opinions: the knowledge folder of those questions, and the court text --scale recombines. */
export const SHIPPED_COURT_KNOWLEDGE = join(EVAL_DIR, 'court/knowledge');
