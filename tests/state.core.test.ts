import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinpoint, type Pin, type Pinpoint } from '../src/index.js';
import { STATE_FILE } from '../src/state/index.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/state/knowledge', import.meta.url));
const QUOTED = 'The court denies the motion to dismiss the privacy claim';
const scope = { platform: 'discord', server: 'guild-1', channel: 'general' };

let root: string;
let knowledgeDir: string;
let dataDir: string;
const cores: Pinpoint[] = [];

async function start(): Promise<Pinpoint> {
  const core = await createPinpoint({ knowledgeDir, dataDir });
  cores.push(core);
  return core;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pinpoint-core-state-'));
  knowledgeDir = join(root, 'knowledge');
  dataDir = join(root, 'data');
  cpSync(FIXTURE, knowledgeDir, { recursive: true });
});

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('state through the core', () => {
  it('keeps a pin across a restart, shows it first for a paraphrase, and turns it stale and back with its source', async () => {
    const first = await start();
    const question = 'Did the court dismiss the privacy claim?';
    const answer = first.ask(question, { scope });
    expect(answer.kind).toBe('excerpts');
    expect(answer.pinned).toBeUndefined();
    const { pin } = first.pins.pin({ scope, question, answer, pinnedBy: 'U-moderator', messageRef: '1234' });
    expect(pin.excerpts[0]?.quote).toContain(QUOTED);
    await first.close();

    const core = await start();
    expect(core.pins.list(scope)).toEqual([pin]);
    const again = core.ask('Was the privacy claim dismissed by the court?', { scope });
    expect(again.pinned).toMatchObject({ id: pin.id, stale: false });
    expect(core.ask('Was the privacy claim dismissed by the court?', { scope: { ...scope, server: 'guild-2' } }).pinned).toBeUndefined();

    const file = join(knowledgeDir, 'order.md');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(QUOTED, 'The court grants the motion to dismiss the privacy claim'));
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    expect(core.pins.listStale(scope).map((stale) => stale.id)).toEqual([pin.id]);
    const staleAnswer = core.ask(question, { scope });
    expect(staleAnswer.pinned).toMatchObject({ id: pin.id, stale: true });
    // Stale, not wrong: the pin still shows what was pinned, flagged, never a silently rewritten quote.
    expect(staleAnswer.pinned?.excerpts[0]?.quote).toBe(pin.excerpts[0]?.quote);

    writeFileSync(file, original);
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    expect(core.pins.listStale(scope)).toEqual([]);
    expect(core.ask(question, { scope }).pinned).toMatchObject({ id: pin.id, stale: false });
  });

  it('replaces the stale pin an answer showed when a moderator pins that answer to a paraphrase', async () => {
    const core = await start();
    const question = 'Did the court dismiss the privacy claim?';
    const { pin: old } = core.pins.pin({ scope, question, answer: core.ask(question, { scope }), pinnedBy: 'U-moderator', messageRef: 'c/1' });
    const file = join(knowledgeDir, 'order.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(QUOTED, 'The court grants the motion to dismiss the privacy claim'));
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });

    // The moderator asks again in their own words, sees the stale pin first, and pins the fresh answer.
    const paraphrase = 'Was the privacy claim dismissed by the court?';
    const shown = core.ask(paraphrase, { scope });
    expect(shown.pinned).toMatchObject({ id: old.id, stale: true });
    const { pin, replaced } = core.pins.pin({ scope, question: paraphrase, answer: shown, pinnedBy: 'U-moderator', messageRef: 'c/2' });
    expect(replaced.map((p) => p.id)).toEqual([old.id]);
    expect(core.pins.list(scope).map((p) => p.id)).toEqual([pin.id]);
    expect(core.pins.listStale(scope)).toEqual([]);
    expect(core.ask(question, { scope }).pinned).toMatchObject({ id: pin.id, stale: false });
  });

  it('turns a pin stale when its quote moves so that its citation points elsewhere, not when the document only grows', async () => {
    const core = await start();
    const question = 'Did the court dismiss the privacy claim?';
    const { pin } = core.pins.pin({ scope, question, answer: core.ask(question, { scope }), pinnedBy: 'U-moderator', messageRef: 'c/1' });
    const [excerpt] = pin.excerpts;
    expect(excerpt?.quote).toContain(QUOTED);
    expect(excerpt?.citation.label).toBe('Discussion, para. 4');

    const file = join(knowledgeDir, 'order.md');
    const original = readFileSync(file, 'utf8');
    // A paragraph added at the end, and a new document: every pinned citation still points at its quote.
    writeFileSync(file, `${original}\nThe clerk shall serve this order on all parties.\n`);
    writeFileSync(join(knowledgeDir, 'notice.md'), 'The hearing set for May 2 is vacated.\n');
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    expect(core.pins.listStale(scope)).toEqual([]);

    // A paragraph inserted before it: the quote is still verbatim, but now in para. 5, not the cited para. 4.
    writeFileSync(file, original.replace('## Discussion\n', '## Discussion\n\nThe parties agreed to a stay of discovery.\n'));
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    const fresh = core.ask(question, { scope });
    expect(fresh.kind === 'excerpts' ? fresh.excerpts[0]?.citation.label : undefined).toBe('Discussion, para. 5');
    expect(core.pins.listStale(scope).map((stale) => stale.id)).toEqual([pin.id]);
  });

  it('keeps a pin current when an edit earlier in its long paragraph moves a passage boundary into its quote', async () => {
    const findings = [
      'The magistrate reviewed the billing records of the receiver', 'The trustee objected to the fee application of counsel',
      'The auditor traced the wire transfers to an offshore account', 'The parties disputed the valuation of the warehouse inventory',
      'The expert testified about the depreciation schedule used', 'The clerk docketed the amended scheduling order that week',
      'The court found the escrow agreement ambiguous as drafted', 'The lender produced the loan servicing notes in discovery',
      'The receiver sold the fleet of delivery vans at auction', 'The guarantor argued that the guaranty had been released',
      'The insurer denied coverage for the flood damage claim', 'The landlord sought rent for the months after rejection',
      'The debtor moved to extend the exclusivity period again', 'The committee challenged the liens of the secured creditor',
      'The examiner reported on the intercompany transfers made',
    ].map((finding) => `${finding} during the relevant period.`);
    // One paragraph longer than a passage: it is cut into two at a sentence start, both cited "Findings, para. 2".
    const receivership = (paragraph: string) =>
      `---\ntitle: "Receivership Order"\nkind: order\n---\n## Findings\n\nThe court held a hearing on the motion.\n\n${paragraph}\n`;
    const file = join(knowledgeDir, 'receivership.md');
    writeFileSync(file, receivership(findings.join(' ')));
    const core = await start();
    const question = 'Who sold the fleet of delivery vans at auction?';
    const { pin } = core.pins.pin({ scope, question, answer: core.ask(question, { scope }), pinnedBy: 'U-moderator', messageRef: 'c/1' });
    const [excerpt] = pin.excerpts;
    expect(excerpt?.quote).toBe(`${findings[7]} ${findings[8]}`);
    expect(excerpt?.citation.label).toBe('Findings, para. 2');

    // A sentence added at the paragraph's start moves the cut between the two sentences quoted.
    writeFileSync(file, receivership(`Aside. ${'word '.repeat(91)}end. ${findings.join(' ')}`));
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    const fresh = core.ask(question, { scope });
    const pieces = fresh.kind === 'excerpts' ? core.context(fresh.excerpts[0]!.passageId, 5) : [];
    expect(pieces.filter((view) => view.citation.label === 'Findings, para. 2')).toHaveLength(2);
    expect(pieces.some((view) => view.passage.text.includes(excerpt!.quote))).toBe(false);

    // Still verbatim in its document, in the paragraph it cites: current, on the passage where it starts.
    expect(core.pins.listStale(scope)).toEqual([]);
    const [kept] = core.pins.list(scope);
    expect(kept?.excerpts[0]).toMatchObject({ quote: excerpt?.quote, citation: { label: 'Findings, para. 2' } });
    expect(core.passage(kept!.excerpts[0]!.passageId)?.passage.text).toContain(findings[7]);
  });

  it('keeps a pin current when its paragraph is edited outside the quote and an earlier paragraph holds the same words', async () => {
    // Orders repeat their rulings: the same two sentences close para. 1 and open para. 3.
    const ruling = 'The request for attorney fees is denied without prejudice. The plaintiffs may renew it once the appeal is decided.';
    const feeOrder = (closing: string) =>
      `---\ntitle: "Fee Order"\nkind: order\n---\n## Discussion\n\nThe plaintiffs asked for costs of the deposition of the expert witness in Denver and of the mediation in Chicago. ${ruling}\n\nThe court held a hearing in March.\n\n${ruling} The clerk shall close the file on ${closing}.\n`;
    const file = join(knowledgeDir, 'fees.md');
    writeFileSync(file, feeOrder('May 2'));
    const core = await start();
    const question = 'Was the request for attorney fees denied without prejudice?';
    const { pin } = core.pins.pin({ scope, question, answer: core.ask(question, { scope }), pinnedBy: 'U-moderator', messageRef: 'c/1' });
    expect(pin.excerpts[0]).toMatchObject({ quote: ruling, citation: { label: 'Discussion, para. 3' } });

    // A date fixed in para. 3, after the quote: the quote is still verbatim where its citation points.
    writeFileSync(file, feeOrder('June 9'));
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    expect(core.pins.listStale(scope)).toEqual([]);
    const [kept] = core.pins.list(scope);
    expect(kept?.excerpts[0]).toMatchObject({ quote: ruling, citation: { label: 'Discussion, para. 3' } });
    expect(core.passage(kept!.excerpts[0]!.passageId)?.passage.text).toContain('June 9');
  });

  it("shows a pinned citation with its document's current title, kind, date and url after a front-matter edit", async () => {
    const core = await start();
    const question = 'Did the court dismiss the privacy claim?';
    const { pin } = core.pins.pin({ scope, question, answer: core.ask(question, { scope }), pinnedBy: 'U-moderator', messageRef: 'c/1' });
    expect(pin.excerpts[0]?.citation).toEqual({
      docId: 'order',
      title: 'Order Granting in Part Motion to Dismiss',
      kind: 'order',
      date: '2023-01-20',
      label: 'Discussion, para. 4',
    });

    const file = join(knowledgeDir, 'order.md');
    const retitled = readFileSync(file, 'utf8')
      .replace('title: "Order Granting in Part Motion to Dismiss"', 'title: "Amended Order on the Motion to Dismiss"\nurl: https://example.test/order')
      .replace('kind: order', 'kind: opinion')
      .replace('date: 2023-01-20', 'date: 2023-02-03');
    writeFileSync(file, retitled);
    expect(await core.reload()).toMatchObject({ ok: true, changed: true });
    const current = { title: 'Amended Order on the Motion to Dismiss', url: 'https://example.test/order', date: '2023-02-03', kind: 'opinion' };
    const expected = pin.excerpts.map((excerpt) => [excerpt.quote, { ...excerpt.citation, ...current }]);
    const shown = core.ask(question, { scope }).pinned;
    expect(shown).toMatchObject({ id: pin.id, stale: false });
    expect(shown?.excerpts.map((excerpt) => [excerpt.quote, excerpt.citation])).toEqual(expected);
    // Stored, not only shown: the pin lists and a restart show it too.
    await core.close();
    cores.splice(0);
    expect((await start()).pins.list(scope)[0]?.excerpts.map((excerpt) => [excerpt.quote, excerpt.citation])).toEqual(expected);
  });

  describe('a pin whose document was renamed', () => {
    const question = 'Did the court dismiss the privacy claim?';
    const pinIt = (core: Pinpoint): Pin =>
      core.pins.pin({ scope, question, answer: core.ask(question, { scope }), pinnedBy: 'U-moderator', messageRef: 'c/1' }).pin;
    const renameOrder = (to = 'rulings/Order 2023.md'): void => {
      mkdirSync(join(knowledgeDir, 'rulings'), { recursive: true });
      renameSync(join(knowledgeDir, 'order.md'), join(knowledgeDir, to));
    };

    it('follows its quotes to the new document id, passage and citation instead of turning stale', async () => {
      const core = await start();
      const pin = pinIt(core);
      expect(pin.excerpts.map((excerpt) => excerpt.quote)).toContainEqual(expect.stringContaining(QUOTED));
      expect(new Set(pin.excerpts.map((excerpt) => excerpt.docId))).toEqual(new Set(['order']));
      renameOrder();
      const reloaded = await core.reload();
      expect(reloaded).toMatchObject({ ok: true, changed: true });

      expect(core.pins.listStale(scope)).toEqual([]);
      const [moved] = core.pins.list(scope);
      expect(moved).toMatchObject({ id: pin.id, stale: false });
      // Every quote follows: a pin that lost one would still read as current.
      expect(moved?.excerpts).toHaveLength(pin.excerpts.length);
      for (const [i, excerpt] of (moved?.excerpts ?? []).entries()) {
        const before = pin.excerpts[i]!;
        expect([excerpt.docId, excerpt.quote, excerpt.citation]).toEqual(['rulings-order-2023', before.quote, { ...before.citation, docId: 'rulings-order-2023' }]);
        // The new passage id resolves, to the passage that holds the quote: Context and /source keep working.
        expect(excerpt.passageId).not.toBe(before.passageId);
        expect(core.passage(excerpt.passageId)?.passage.text).toContain(excerpt.quote);
      }
      expect(core.ask(question, { scope }).pinned).toMatchObject({ id: pin.id, stale: false });
    });

    it('keeps a current quote on the passage holding it when its paragraph is edited around it, and follows a later rename', async () => {
      const core = await start();
      const pin = pinIt(core);
      const file = join(knowledgeDir, 'order.md');
      // The quoted paragraph gains a sentence: the quote is verbatim and where its citation points, in a passage of new text.
      writeFileSync(file, readFileSync(file, 'utf8').replace('has long recognised.', 'has long recognised. The defendant shall answer within 14 days.'));
      expect(await core.reload()).toMatchObject({ ok: true, changed: true });
      expect(core.pins.listStale(scope)).toEqual([]);
      const [kept] = core.pins.list(scope);
      expect(kept?.excerpts.map((excerpt) => excerpt.quote)).toEqual(pin.excerpts.map((excerpt) => excerpt.quote));
      // The passage id names the passage that holds the quote now: Context works, and the fresh excerpt of the same
      // quote is known as the pinned one rather than shown twice.
      for (const excerpt of kept?.excerpts ?? []) expect(core.passage(excerpt.passageId)?.passage.text).toContain(excerpt.quote);

      renameOrder();
      expect(await core.reload()).toMatchObject({ ok: true, changed: true });
      expect(core.pins.listStale(scope)).toEqual([]);
      expect(core.pins.list(scope)[0]?.excerpts.map((excerpt) => excerpt.docId)).toEqual(pin.excerpts.map(() => 'rulings-order-2023'));
    });

    it('follows its quotes when its file is moved and a new file is written at its old path', async () => {
      const core = await start();
      const pin = pinIt(core);
      renameOrder();
      writeFileSync(join(knowledgeDir, 'order.md'), '---\ntitle: "Scheduling Order"\nkind: order\n---\n\nThe hearing set for May 2 is vacated.\n');
      expect(await core.reload()).toMatchObject({ ok: true, changed: true });

      expect(core.pins.listStale(scope)).toEqual([]);
      const [moved] = core.pins.list(scope);
      expect(moved).toMatchObject({ id: pin.id, stale: false });
      expect(moved?.excerpts.map((excerpt) => [excerpt.docId, excerpt.quote])).toEqual(pin.excerpts.map((excerpt) => ['rulings-order-2023', excerpt.quote]));
    });

    it.each([
      ['several documents hold the quote', () => writeFileSync(join(knowledgeDir, 'rulings', 'copy.md'), readFileSync(join(knowledgeDir, 'rulings', 'Order 2023.md')))],
      ['no document holds it', () => rmSync(join(knowledgeDir, 'rulings', 'Order 2023.md'))],
      [
        'the one document holding it has other text in its passage',
        () => {
          const file = join(knowledgeDir, 'rulings', 'Order 2023.md');
          writeFileSync(file, readFileSync(file, 'utf8').replace(QUOTED, `For these reasons: ${QUOTED}`));
        },
      ],
    ])('stays stale when %s', async (_, change) => {
      const core = await start();
      writeFileSync(join(knowledgeDir, 'notice.md'), 'The hearing set for May 2 is vacated.\n');
      const pin = pinIt(core);
      renameOrder();
      change();
      expect(await core.reload()).toMatchObject({ ok: true });
      expect(core.pins.listStale(scope).map((stale) => stale.id)).toEqual([pin.id]);
      const privacy = (excerpts: readonly { quote: string }[] | undefined) => excerpts?.find((excerpt) => excerpt.quote.includes(QUOTED));
      expect(privacy(pin.excerpts)).toBeDefined();
      expect(privacy(core.pins.list(scope)[0]?.excerpts)).toEqual(privacy(pin.excerpts));
    });

    it('follows a pin kept before passage texts were: by its quotes, once its passages are known by their text', async () => {
      const first = await start();
      const pin = pinIt(first);
      await first.close();
      // As such a pin was stored: without the hashes of the passages it quotes.
      const db = new Database(join(dataDir, STATE_FILE));
      const legacy = pin.excerpts.map(({ passageHash: _, ...excerpt }) => excerpt);
      expect(legacy).not.toEqual(pin.excerpts);
      db.prepare('UPDATE pins SET excerpts = ? WHERE id = ?').run(JSON.stringify(legacy), pin.id);
      db.close();

      // Renamed while the bot was down, with the paragraph quoted edited too: only the quote is known to follow by.
      renameOrder();
      const file = join(knowledgeDir, 'rulings', 'Order 2023.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(QUOTED, `For these reasons: ${QUOTED}`));
      const core = await start();
      expect(core.pins.list(scope)[0]).toMatchObject({ id: pin.id, stale: false });
      expect(core.pins.list(scope)[0]?.excerpts.map((excerpt) => excerpt.docId)).toEqual(pin.excerpts.map(() => 'rulings-order-2023'));
    });

    it('learns the passage texts of a pin kept before them while its document is in place, and then follows only into them', async () => {
      const first = await start();
      const pin = pinIt(first);
      await first.close();
      const db = new Database(join(dataDir, STATE_FILE));
      db.prepare('UPDATE pins SET excerpts = ? WHERE id = ?').run(JSON.stringify(pin.excerpts.map(({ passageHash: _, ...excerpt }) => excerpt)), pin.id);
      db.close();

      const core = await start();
      expect(core.pins.list(scope)[0]?.excerpts).toEqual(pin.excerpts.map((excerpt) => expect.objectContaining({ passageHash: excerpt.passageHash })));
      renameOrder();
      const file = join(knowledgeDir, 'rulings', 'Order 2023.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(QUOTED, `For these reasons: ${QUOTED}`));
      expect(await core.reload()).toMatchObject({ ok: true });
      expect(core.pins.listStale(scope).map((stale) => stale.id)).toEqual([pin.id]);
    });
  });

  it("asks again for a moderator's Pin like ask, pin first, but keeps no no-match of it for the report", async () => {
    const core = await start();
    const question = 'Did the court dismiss the privacy claim?';
    const pin = core.pins.pin({ scope, question, answer: core.ask(question, { scope }), pinnedBy: 'U-moderator' }).pin;
    expect(core.askAgain(question, { scope })).toEqual(core.ask(question, { scope }));
    expect(core.askAgain(question, { scope }).pinned?.id).toBe(pin.id);
    expect(core.askAgain('Who is the bailiff?', { scope }).kind).toBe('no-match');
    expect(core.answers.noMatchReport()).toEqual([]);
  });

  it('keeps remembered answers, votes and the no-match report across a restart', async () => {
    const first = await start();
    const answer = first.ask('When was the complaint filed?', { scope });
    const remembered = first.answers.remember('When was the complaint filed?', answer, scope);
    first.answers.feedback(remembered.id, { platform: 'discord', id: 'U-reader' }, 'up');
    expect(first.ask('Who is the bailiff?').kind).toBe('no-match');
    expect(first.ask('who is the bailiff').kind).toBe('no-match');
    await first.close();

    const core = await start();
    expect(core.answers.get(remembered.id)).toEqual(remembered);
    expect(core.answers.noMatchReport()).toEqual([
      { question: 'who is the bailiff', count: 2, lastAsked: expect.any(String), missingWords: ['bailiff'] },
    ]);
  });
});
