// The --scale heap column: what Pinpoint's measured build holds, module-level caches included.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateRow } from '../bench/evaluate.js';
import { pinpointRow } from '../bench/pinpoint-row.js';
import { courtSentences, generateCorpus, writeGenerated } from '../bench/scale/generate.js';
import { runScaleRow } from '../bench/scale/run-scale.js';

/** Court-like sentences over a vocabulary of made-up words, so the word cache weighs a lot next to the index. */
function madeUpCourt(letters: string): string {
  const word = (n: number): string => Array.from({ length: 9 }, (_, i) => letters[Math.floor(n / 7 ** i) % 7]).join('');
  const sentences = Array.from({ length: 1_500 }, (_, s) => `The court found ${Array.from({ length: 12 }, (_, w) => word(s * 12 + w)).join(' ')} here.`);
  return sentences.join(' ');
}

const dir = await mkdtemp(join(tmpdir(), 'bench-scale-heap-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function court(name: string, letters: string): Promise<string> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'opinion.txt'), madeUpCourt(letters));
  return folder;
}

/** Pinpoint's heap over the size's generated corpus, built in this process as the scale row builds it. */
async function pinpointHeapMb(courtDir: string, size: number, name: string): Promise<number> {
  const corpus = generateCorpus(await courtSentences(courtDir), size, 42);
  const workDir = join(dir, name);
  await writeGenerated(corpus, join(workDir, 'knowledge'));
  const questions = corpus.questions.map((question, i) => ({ id: `q${i}`, question, answers: [], unanswerable: false }));
  return (await evaluateRow(pinpointRow(workDir), join(workDir, 'knowledge'), questions, { warmUpQuestions: [] })).heapMb;
}

describe('bench --scale heap', () => {
  it("counts the words Pinpoint's measured corpus puts in its word cache, though its warm-up analysed them first", async () => {
    // Compiled first on other words, so both measurements below run warm code.
    await runScaleRow(await court('compile', 'cdhjnqx'), 400, join(dir, 'compile'), 0, 'pinpoint');
    const row = await runScaleRow(await court('measured', 'bdfgklm'), 400, join(dir, 'scale'), 0, 'pinpoint');
    // The same corpus in shape, over words nothing in this process has analysed yet.
    const fresh = await pinpointHeapMb(await court('fresh', 'prstvwz'), 400, 'fresh');
    // Leaving out the cache the warm-up filled read some 19% less; the rest is the cache's table growing.
    expect(row.heapMb).toBeGreaterThan(fresh * 0.9);
  }, 60_000);
});
