import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { MAX_QUOTE_CHARS } from '../src/answer/excerpt.js';
import { buildCorpus, type Corpus } from '../src/corpus.js';
import { hashText, type KnowledgePack } from '../src/knowledge/load.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import { silentLogger } from '../src/logger.js';
import type { Answer, Document } from '../src/types.js';
import { expectWellFormedHighlights } from './helpers/excerpts.js';

// Words a court document is made of: legal tokens, abbreviations that end with a period,
// unicode that changes length when folded, and plain words that the analyzer keeps.
const LEGAL = ['12(b)(6)', '3:20-cv-08570-JD', '§ 1983', '§§ 1030(a)(2)', '¶ 42', '$725 million', '€265', '1,190', '2.5', 'Rule 23(b)(3)'];
const ABBREVIATIONS = ['v.', 'No.', 'Inc.', 'U.S.C.', 'F. Supp.', 'N.D. Cal.', 'Id.', 'e.g.', 'et al.', 'Dec.', 'J.', 'Corp.'];
const UNICODE = ['naïve', 'café', 'Zürich', 'e\u0301te\u0301', 'ﬁnancial', '東京', '🙂', 'Facebook’s', "users'", '“Inbox API”', 'İstanbul', 'ß'];
const WORDS = ['Netflix', 'Meta', 'messages', 'private', 'direct', 'settled', 'court', 'plaintiffs', 'alleged', 'agreement', 'access', 'data', 'reports', 'privacy', 'board', 'litigation', 'DMs', 'inbox'];
// Names with their acronyms, defined terms and words a laid-out line broke with a hyphen.
const NAMES = ['University of Texas', 'UT', 'Attorney General', 'AG', '“Personal Achievement Index” (PAI)', 'PAI', 'Dis-\n  trict', 'race-\nbased', 'No. 11–345', 'Fifth Circuit'];

const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...LEGAL) },
  { weight: 2, arbitrary: fc.constantFrom(...ABBREVIATIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
);

const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 30 }), fc.constantFrom('.', '?', '!', '."', '.”', ''), fc.constantFrom(' ', ' ', '\n'))
  .map(([words, end, gap]) => `${words.join(gap)}${end}`);

// A run-on sentence longer than a quote may be, so the cut-around-the-match path runs too.
const runOn = fc.array(fc.constantFrom(...WORDS, ...LEGAL), { minLength: 90, maxLength: 160 }).map((words) => `${words.join(' ')}.`);

const paragraph = fc.oneof(
  { weight: 6, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 8 }).map((sentences) => sentences.join(' ')) },
  { weight: 1, arbitrary: runOn },
  { weight: 1, arbitrary: fc.array(sentence, { minLength: 30, maxLength: 50 }).map((sentences) => sentences.join(' ')) },
  { weight: 1, arbitrary: fc.nat({ max: 200 }).chain((n) => sentence.map((text) => `${n + 1}. ${text}`)) },
  { weight: 1, arbitrary: fc.constantFrom('# Facts', '## Claims for Relief', '[Page 3]', 'Page 2 of 9', '   ') },
);

const separator = fc.constantFrom('\n\n', '\n\n\n', '\n \n', '\f', '\n\f\n', '\n\n\n\n');

const documentText = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 12 }), fc.array(separator, { minLength: 12, maxLength: 12 }))
  .map(([paragraphs, separators]) => paragraphs.map((text, i) => `${text}${separators[i]}`).join(''))
  .filter((text) => /[\p{L}\p{N}]/u.test(text));

function packOf(texts: string[]): KnowledgePack {
  const documents: Document[] = texts.map((text, i) => ({ id: `doc-${i}`, path: `doc-${i}.md`, meta: { title: `Document ${i}` }, text, hash: hashText(text) }));
  return { dir: 'memory', manifest: packManifestSchema.parse({ aliases: [['DM', 'DMs', 'direct message', 'private message', 'inbox'], ['Meta', 'Facebook']] }), documents, warnings: [] };
}

function questionFrom(texts: string[], picks: number[], style: number): string {
  const words = texts.join(' ').split(/\s+/).filter(Boolean);
  const chosen = picks.map((pick) => words[pick % words.length]!);
  const acronym = chosen.map((word) => word[0] ?? '').join('').toUpperCase();
  // A typo: each word loses its second letter.
  const typos = chosen.map((word) => word.slice(0, 1) + word.slice(2)).join(' ').toLowerCase();
  const styles = [chosen.join(' '), `What did ${chosen.join(' ')} say?`, chosen.join(' ').toLowerCase(), `${chosen.join('  ')}??`];
  styles.push(`What does ${acronym} stand for?`, `Which court heard ${chosen.join(' ')}?`, `${typos} case number`);
  return styles[style % styles.length]!;
}

function checkAnswer(corpus: Corpus, answer: Answer): void {
  if (answer.kind === 'no-match') {
    expect(answer.suggestions.length).toBeGreaterThan(0);
    return;
  }
  for (const excerpt of answer.excerpts) {
    const document = corpus.documents.get(excerpt.citation.docId)!;
    const passage = corpus.passageById.get(excerpt.passageId)!;
    expect(excerpt.quote.length).toBeGreaterThan(0);
    expect(document.text.slice(excerpt.start, excerpt.start + excerpt.quote.length)).toBe(excerpt.quote);
    expect(excerpt.start).toBeGreaterThanOrEqual(passage.start);
    expect(excerpt.start + excerpt.quote.length).toBeLessThanOrEqual(passage.end);
    expect(excerpt.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expectWellFormedHighlights(excerpt);
  }
}

describe('verbatim quotes (property)', () => {
  it('quotes exact substrings of the document, with highlights inside the quote, for random documents and questions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(documentText, { minLength: 1, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        async (texts, picks, style) => {
          const corpus = await buildCorpus(packOf(texts), { logger: silentLogger });
          const question = questionFrom(texts, picks, style);
          const answer = answerQuestion(corpus, question, { limit: 5 });
          checkAnswer(corpus, answer);
          expect(answerQuestion(corpus, question, { limit: 5 })).toEqual(answer);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('quotes exact substrings when the question is a whole sentence of the document', async () => {
    await fc.assert(
      fc.asyncProperty(documentText, fc.nat(), async (text, pick) => {
        const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
        const passage = corpus.passages[pick % Math.max(1, corpus.passages.length)];
        fc.pre(passage !== undefined);
        const answer = answerQuestion(corpus, passage!.text.slice(0, 300));
        checkAnswer(corpus, answer);
      }),
      { numRuns: 80 },
    );
  });

  it('cuts a run-on sentence around the matched words and marks the cut', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `filler${i}`).join(' ');
    const text = `${filler} Netflix read private messages ${filler}.`;
    const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
    const answer = answerQuestion(corpus, 'Did Netflix read private messages?');
    checkAnswer(corpus, answer);
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    expect(first!.quote).toContain('Netflix read private messages');
    expect(first!.elidedStart).toBe(true);
    expect(first!.elidedEnd).toBe(true);
    expect(first!.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(first!.quote).toMatch(/^filler\d+ .* filler\d+$/);
  });

  it.each([':', ';'])('keeps the %j that closes a run-on sentence it cuts only before the matched words, with no ellipsis after it', async (mark) => {
    const filler = Array.from({ length: 50 }, (_, i) => `filler${i}`).join(' ');
    const text = `${filler} and the settlement administrator shall pay each class member as follows${mark}\n\n(a) fifty dollars to each claimant.`;
    const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
    const answer = answerQuestion(corpus, 'How shall the settlement administrator pay each class member?');
    checkAnswer(corpus, answer);
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    // The mark was trimmed as if the quote were cut there, and an ellipsis claimed words left out after it.
    expect(first!.quote.endsWith(`each class member as follows${mark}`)).toBe(true);
    expect(first!.elidedStart).toBe(true);
    expect(first!.elidedEnd).toBe(false);
  });

  it('keeps the name a who-question asks for when it cuts a run-on sentence', async () => {
    const filler = Array.from({ length: 40 }, (_, i) => `filler${i}`).join(' ');
    const text = `In 1955, Eero Saarinen was hired, and after long talks with trustees and deans and neighbours he was contracted to develop a second master plan ${filler}.`;
    const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
    const answer = answerQuestion(corpus, 'Who was assigned to develop a second master plan?');
    checkAnswer(corpus, answer);
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    expect(first!.quote).toContain('Eero Saarinen');
    expect(first!.quote).toContain('second master plan');
    expect(first!.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
  });

  it.each([
    ['emoji', '😀'],
    ['flags', '🇺🇸'],
    ['letters with a combining accent', 'e\u0301'],
  ])('cuts a run-on sentence with no space to snap to between whole characters, in a run of %s', async (_label, character) => {
    // A text message quoted in an exhibit: a link between long runs of one character, with no space in 300 of them.
    const run = character.repeat(200);
    const text = `The message read ${run}/contract/signed/denver/${run} and nothing else.`;
    const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
    const answer = answerQuestion(corpus, 'Was the contract signed in Denver?');
    checkAnswer(corpus, answer);
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    expect(first!.quote).toContain('/contract/signed/denver/');
    expect(first!.elidedStart && first!.elidedEnd).toBe(true);
    // The cut fell inside a character: half a surrogate pair (shown as "�"), or an accent without its letter.
    const whole = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((segment) => segment.index);
    expect(whole).toContain(first!.start);
    expect(whole).toContain(first!.start + first!.quote.length);
  });

  it('does not open a cut run-on sentence inside a name', async () => {
    const filler = Array.from({ length: 30 }, (_, i) => `filler${i}`).join(' ');
    const text = `${filler} and then travellers reach Port Lincoln Regional Harbour Airport, the busiest airport in the region by passenger volume, xxxxxxxx the busiest airport in the region by freight, the busiest airport in the region by runway length and the busiest airport in the region by number of gates, the busiest airport in the region ${filler}.`;
    const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
    const answer = answerQuestion(corpus, 'What is the busiest airport in the region?');
    checkAnswer(corpus, answer);
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    expect(first!.quote).toContain('Port Lincoln Regional Harbour Airport');
    expect(first!.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
  });

  // A paragraph with no sentence end is cut into passages at a space: a quote reaching the cut is elided.
  it('marks a quote that ends at a mid-sentence passage cut as elided', async () => {
    const filler = Array.from({ length: 120 }, (_, i) => `filler${i}`).join(' ');
    const text = `${filler} Netflix read private messages ${filler}.`;
    const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
    expect(corpus.passages.length).toBe(2);
    const answer = answerQuestion(corpus, 'Did Netflix read private messages?');
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    const document = corpus.documents.get(first!.citation.docId)!;
    const continues = document.text.slice(first!.start + first!.quote.length).trim() !== '.';
    expect(first!.elidedEnd).toBe(continues);
  });

  // A laid-out page ends mid-sentence; the next page goes on after its running header.
  it('marks both ends of a sentence a page break runs across as elided', async () => {
    const text = 'Because the Court of Appeals did not hold the University to the demanding burden articulated in Grutter and Bakke, nor apply the standard of strict\f\nscrutiny, so its decision affirming the grant of summary judgment was incorrect.\n\nThat decision is vacated.';
    const corpus = await buildCorpus(packOf([text]), { logger: silentLogger });
    expect(corpus.passages.map((passage) => [passage.cutBefore ?? false, passage.cutAfter ?? false])).toEqual([
      [false, true],
      [true, false],
      [false, false],
    ]);
    const answer = answerQuestion(corpus, 'Was the decision affirming summary judgment incorrect?');
    const [first] = answer.kind === 'excerpts' ? answer.excerpts : [];
    expect(first!.quote).toMatch(/^scrutiny, so its decision/);
    expect(first!.elidedStart).toBe(true);
  });
});
