import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinpoint, type Pinpoint } from '../src/index.js';

// Two orders whose titles overlap: the shorter title is part of the longer one.
const ORDER = `---
title: Order
kind: order
---
1. The court grants the motion in part.

2. Counsel shall file a joint status report.

3. The hearing set for March is vacated.

4. Each party shall bear its own costs.
`;
const STAY_ORDER = `---
title: Order on Stay
kind: order
---
1. The stay is lifted for discovery.

2. The parties shall meet and confer.

3. Discovery resumes on Monday.
`;

// Unnumbered paragraphs, cited "para. N".
const OPINION = `---
title: Opinion
kind: opinion
---
The court heard argument in May.

The motion was taken under submission.
`;

let dir: string;
let core: Pinpoint;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-views-'));
  await writeFile(path.join(dir, 'order.md'), ORDER);
  await writeFile(path.join(dir, 'stay-order.md'), STAY_ORDER);
  await writeFile(path.join(dir, 'opinion.md'), OPINION);
  core = await createPinpoint({ knowledgeDir: dir });
});

afterAll(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('resolveSource', () => {
  it.each([
    ['Order on Stay ¶ 3', 'Order on Stay', '3. Discovery resumes on Monday.'],
    ['order on stay, ¶ 3', 'Order on Stay', '3. Discovery resumes on Monday.'],
    ['stay-order ¶ 3', 'Order on Stay', '3. Discovery resumes on Monday.'],
    ['Order ¶ 3', 'Order', '3. The hearing set for March is vacated.'],
  ])('shows the passage of the document the reference names by its longest name (%s)', (ref, title, text) => {
    const view = core.resolveSource(ref);
    expect(view?.document.meta.title).toBe(title);
    expect(view?.passage.text).toBe(text);
  });

  it.each([
    ['Order on Stay ¶3', '3. Discovery resumes on Monday.'],
    ['¶4', '4. Each party shall bear its own costs.'],
    ['opinion para 2', 'The motion was taken under submission.'],
    ['Opinion, paragraph 2', 'The motion was taken under submission.'],
    ['para.2', 'The motion was taken under submission.'],
  ])('reads a label as readers type it (%s)', (ref, text) => {
    // "¶3" and "para 2" named no passage: only the label's own spelling, "¶ 3" and "para. 2", did.
    expect(core.resolveSource(ref)?.passage.text).toBe(text);
  });

  it('shows the passage of a bare label when only one document holds it', () => {
    expect(core.resolveSource('¶ 4')?.passage.text).toBe('4. Each party shall bear its own costs.');
    expect(core.findSource('¶ 4').choices).toEqual([]);
  });

  it('names no passage for a bare label several documents hold, and offers a reference to each', () => {
    expect(core.resolveSource('¶ 3')).toBeUndefined();
    expect(core.findSource('¶ 3').choices).toEqual(['Order ¶ 3', 'Order on Stay ¶ 3']);
    for (const choice of core.findSource('¶ 3').choices) expect(core.resolveSource(choice)?.passage.text).toMatch(/^3\. /);
  });

  it('shows nothing for a label the named document lacks, not the same label of a document whose title is part of its name', () => {
    expect(core.resolveSource('Order on Stay ¶ 4')).toBeUndefined();
    expect(core.findSource('Order on Stay ¶ 4').choices).toEqual([]);
  });

  it('cites the passage an answer cited, from the title and label the answer shows', () => {
    const answer = core.ask('When does discovery resume?');
    expect(answer.kind).toBe('excerpts');
    const { citation, passageId } = answer.kind === 'excerpts' ? answer.excerpts[0]! : ({} as never);
    expect(core.resolveSource(`${citation.title} ${citation.label}`)?.passage.id).toBe(passageId);
  });
});

describe('suggest', () => {
  it('reads the typed prefix as a question is read, so text pasted with invisible characters still completes', () => {
    expect(core.suggest('Order on')).toEqual(['Order on Stay']);
    // A zero-width space and a bidi mark, as text copied from a PDF or a web page carries them.
    expect(core.suggest('Order\u200B on\u200E')).toEqual(['Order on Stay']);
    expect(core.suggest('order  on')).toEqual(['Order on Stay']);
  });
});
