import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { splitSentences } from '../../src/answer/sentences.js';
import { PinpointError } from '../../src/errors.js';
import { splitFrontMatter } from '../../src/knowledge/front-matter.js';

/** mulberry32: a small seeded PRNG, so every run generates the same corpus and questions. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of real court text to recombine: whitespace collapsed, 40–400 characters. */
export async function courtSentences(dir: string): Promise<string[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.txt')).sort();
  const sentences: string[] = [];
  for (const name of files) {
    // The shipped opinions open with front matter (title, kind, court): metadata, not court sentences.
    const text = splitFrontMatter(await readFile(join(dir, name), 'utf8'), join(dir, name)).body;
    for (const paragraph of text.split(/\n\s*\n/)) {
      const flat = paragraph.replace(/\s+/g, ' ').trim();
      for (const span of splitSentences(flat)) {
        const sentence = flat.slice(span.start, span.end);
        if (sentence.length >= 40 && sentence.length <= 400 && /[a-z]{3}/.test(sentence)) sentences.push(sentence);
      }
    }
  }
  if (sentences.length < 100) {
    throw new PinpointError('KNOWLEDGE_MISSING', `pinpoint: ${dir} has too little court text to generate a corpus (${sentences.length} sentences); pass --court DIR with the court .txt files`);
  }
  return sentences;
}

export interface GeneratedCorpus {
  /** Paragraphs per document; each paragraph is meant to become one passage. */
  documents: string[][];
  /** The SCALE_QUESTIONS questions every row is timed on, no two alike. */
  questions: string[];
  /**
   * Questions of the same kind for the untimed answers before the timed ones (`--warmup`), none of them
   * one of `questions`: a question answered twice is answered the second time from what the first left
   * in the row's caches (Pinpoint's passage tokens and spelling fixes), not as a user's question is.
   */
  warmUpQuestions: string[];
}

const PASSAGES_PER_DOCUMENT = 50;
/** Timed questions per size. */
export const SCALE_QUESTIONS = 200;

/**
 * `passages` paragraphs of 2–4 court sentences picked at random, numbers re-drawn so the vocabulary
 * grows with the corpus as real filings do (dates, dockets, amounts, page cites differ). Questions
 * are runs of 3–6 words taken from random generated sentences, asked as a user would; the warm-up
 * questions are drawn after the timed ones, so asking for them leaves the timed ones as they were.
 */
export function generateCorpus(sentences: readonly string[], passages: number, seed = 42, warmUpQuestions = 0): GeneratedCorpus {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const redrawNumbers = (text: string): string => text.replace(/\d+/g, (digits) => String(Math.floor(random() * 10 ** digits.length)).padStart(digits.length, '0'));
  const documents: string[][] = [];
  for (let made = 0; made < passages; made += PASSAGES_PER_DOCUMENT) {
    const count = Math.min(PASSAGES_PER_DOCUMENT, passages - made);
    const paragraphs: string[] = [];
    for (let i = 0; i < count; i++) {
      const size = 2 + Math.floor(random() * 3);
      paragraphs.push(Array.from({ length: size }, () => redrawNumbers(pick(sentences))).join(' '));
    }
    documents.push(paragraphs);
  }
  const nextQuestion = (): string | undefined => {
    const words = pick(pick(documents)).split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length > 0);
    const length = 3 + Math.floor(random() * 4);
    if (words.length < length) return undefined;
    const from = Math.floor(random() * (words.length - length + 1));
    const run = words.slice(from, from + length);
    if (run.filter((w) => w.length >= 4).length < 2) return undefined;
    return `What does the court say about ${run.join(' ')}?`;
  };
  // Distinct: a question drawn twice was timed twice, the second time answered from what the first left in
  // the row's caches (1,000 and 10,000 passages each drew one). Bounded: a corpus of a few passages may not
  // hold that many different questions, and gets fewer, which RowResult.questions shows.
  const timed = new Set<string>();
  for (let tries = 0; timed.size < SCALE_QUESTIONS && tries < 100 * SCALE_QUESTIONS; tries++) {
    const question = nextQuestion();
    if (question !== undefined) timed.add(question);
  }
  const questions = [...timed];
  const warmUp: string[] = [];
  // Bounded: a corpus too small to hold that many other questions gets fewer, which RowResult.warmup shows.
  for (let tries = 0; warmUp.length < warmUpQuestions && tries < 100 * warmUpQuestions; tries++) {
    const question = nextQuestion();
    if (question !== undefined && !timed.has(question)) warmUp.push(question);
  }
  return { documents, questions, warmUpQuestions: warmUp };
}

/** Writes the generated documents as Markdown files with a title, paragraphs separated by blank lines. */
export async function writeGenerated(corpus: GeneratedCorpus, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all(
    corpus.documents.map((paragraphs, index) =>
      writeFile(join(dir, `opinion-${String(index + 1).padStart(5, '0')}.md`), `---\ntitle: "Generated opinion ${index + 1}"\n---\n\n${paragraphs.join('\n\n')}\n`),
    ),
  );
}
