import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PinpointError } from '../src/errors.js';
import { createAnalyzer } from '../src/search/analyzer.js';
import { ANY_CHANNEL, createState, IN_MEMORY, normalizeQuestion, STATE_FILE, type State, termSimilarity } from '../src/state/index.js';
import type { PinScope } from '../src/types.js';
import { excerptAnswer } from './fixtures/state/build.js';

const ORDER = 'The court granted the motion to dismiss with leave to amend. The plaintiffs filed the complaint on May 1.';
const RULING = 'Judge Smith denied the motion to compel discovery.';
const scope: PinScope = { platform: 'discord', server: 'guild-1', channel: 'general' };
const documents = new Map([
  ['order', { text: ORDER, hash: 'order-v1' }],
  ['ruling', { text: RULING, hash: 'ruling-v1' }],
]);

let clock = Date.parse('2026-01-01T00:00:00.000Z');
let state: State | undefined;

function open(): State {
  state = createState({
    dataDir: IN_MEMORY,
    analyze: createAnalyzer().terms,
    now: () => new Date((clock += 1000)),
  });
  state.pins.refreshStale(documents);
  return state;
}

function pinQuestion(s: State, question: string, where: PinScope = scope, quote = 'granted the motion to dismiss') {
  return pinWith(s, question, where, quote).pin;
}

function pinWith(s: State, question: string, where: PinScope = scope, quote = 'granted the motion to dismiss') {
  return s.pins.pin({
    scope: where,
    question,
    answer: excerptAnswer(question, [{ docId: 'order', text: ORDER, quote }]),
    pinnedBy: 'U-moderator',
    messageRef: 'msg-1',
  });
}

function errorOf(run: () => unknown): PinpointError {
  try {
    run();
  } catch (error) {
    if (error instanceof PinpointError) return error;
    throw error;
  }
  throw new Error('expected a PinpointError');
}

afterEach(() => state?.close());

describe('normalizeQuestion', () => {
  it.each([
    ['  When was the Complaint FILED?? ', 'when was the complaint filed'],
    ['What did the court’s order say?', 'what did the courts order say'],
    // Apostrophes as other keyboards type them: an acute accent, a backtick, a prime.
    ['What did the court´s order say?', 'what did the courts order say'],
    ['What did the court`s order say?', 'what did the courts order say'],
    ['What did the court′s order say?', 'what did the courts order say'],
    ['motion—to dismiss…', 'motion to dismiss'],
    ['ﬁled', 'filed'],
    ['?!', ''],
    // The signs name what a number counts: § 5 is a section, ¶ 5 a paragraph, as if written out.
    ['What does § 5 say?', 'what does section 5 say'],
    ['What do ¶¶ 4-6 say?', 'what do paragraph 4 6 say'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalizeQuestion(input)).toBe(expected);
  });
});

describe('termSimilarity', () => {
  it('is the Jaccard overlap of the term sets', () => {
    expect(termSimilarity(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(0.5);
    expect(termSimilarity(['a', 'a', 'b'], ['b', 'a'])).toBe(1);
  });

  it('is 0 when either side has no terms', () => {
    expect(termSimilarity([], ['a'])).toBe(0);
  });
});

describe('pins.pin', () => {
  it('stores scope, question, excerpts with source hash, moderator and message', () => {
    const s = open();
    const pin = pinQuestion(s, 'When was the complaint filed?');
    expect(pin).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{8}$/),
      scope,
      question: 'When was the complaint filed?',
      normalizedQuestion: 'when was the complaint filed',
      excerpts: [
        {
          passageId: 'order#1',
          docId: 'order',
          quote: 'granted the motion to dismiss',
          sourceHash: 'order-v1',
          citation: { docId: 'order', title: 'Title of order', label: 'para. 1' },
        },
      ],
      pinnedBy: 'U-moderator',
      pinnedAt: expect.stringMatching(/^2026-01-01T00:00:\d\d\.000Z$/),
      messageRef: 'msg-1',
      stale: false,
    });
    expect(s.pins.list(scope)).toEqual([pin]);
  });

  it('replaces the earlier pin when the same question is pinned again in the channel, and reports it', () => {
    const s = open();
    const first = pinQuestion(s, 'When was the complaint filed?');
    const second = pinWith(s, 'when was the complaint FILED', scope, 'filed the complaint on May 1');
    expect(s.pins.list(scope)).toEqual([second.pin]);
    expect(second.pin.id).not.toBe(first.id);
    // Its message is still pinned on the platform: the adapter needs the old record to unpin it.
    expect(second.replaced).toEqual([first]);
    expect(pinWith(s, 'What was granted?').replaced).toEqual([]);
  });

  it('replaces the pin of the question asked in a chat frame when it is pinned again without it', () => {
    const s = open();
    const framed = pinQuestion(s, 'hey pinpoint, quick question: when was the complaint filed? lol');
    const { pin, replaced } = pinWith(s, 'When was the complaint filed?');
    expect(replaced.map((old) => old.id)).toEqual([framed.id]);
    expect(s.pins.list(scope).map((kept) => kept.id)).toEqual([pin.id]);
  });

  it('refuses a no-match answer with a message naming the question', () => {
    const s = open();
    const error = errorOf(() =>
      s.pins.pin({
        scope,
        question: 'Who won?',
        answer: { kind: 'no-match', question: 'Who won?', suggestions: [] },
        pinnedBy: 'U1',
      }),
    );
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.message).toBe(
      'pinpoint: cannot pin the answer to "Who won?": it has no excerpts; pin an answer that quotes the documents',
    );
  });

  it.each([
    [{ ...scope, question: '   ' }, 'pinpoint: cannot pin an empty question; pin an answer to a question'],
    [{ ...scope, question: 'ok', channel: '' }, 'pinpoint: a pin scope needs a channel; got an empty channel'],
    [{ ...scope, question: 'ok', pinnedBy: ' ' }, 'pinpoint: a pin needs the id of the moderator who pinned it'],
  ])('refuses invalid input %#', (input, message) => {
    const s = open();
    const { question, pinnedBy = 'U1', ...where } = input as typeof input & { pinnedBy?: string };
    const error = errorOf(() =>
      s.pins.pin({
        scope: where,
        question,
        answer: excerptAnswer('q', [{ docId: 'order', text: ORDER, quote: 'granted' }]),
        pinnedBy,
      }),
    );
    expect([error.code, error.message]).toEqual(['INPUT_INVALID', message]);
  });

  it('marks a pin stale at once when its quote is not in the current document', () => {
    const s = open();
    s.pins.refreshStale(new Map([['order', { text: 'rewritten order', hash: 'order-v2' }]]));
    const pin = pinQuestion(s, 'What was granted?');
    expect(pin.stale).toBe(true);
    expect(pin.excerpts[0]?.sourceHash).toBe('order-v2');
  });
});

describe('pins.list and pins.unpin', () => {
  it('lists a server newest first, or one channel', () => {
    const s = open();
    const a = pinQuestion(s, 'first question');
    const b = pinQuestion(s, 'second question', { ...scope, channel: 'help' });
    const c = pinQuestion(s, 'third question');
    pinQuestion(s, 'other server', { ...scope, server: 'guild-2' });
    pinQuestion(s, 'other platform', { ...scope, platform: 'slack' });
    expect(s.pins.list({ platform: 'discord', server: 'guild-1' }).map((p) => p.id)).toEqual([c.id, b.id, a.id]);
    expect(s.pins.list({ platform: 'discord', server: 'guild-1', channel: 'help' }).map((p) => p.id)).toEqual([b.id]);
  });

  it('unpins only within the given server', () => {
    const s = open();
    const pin = pinQuestion(s, 'first question');
    expect(s.pins.unpin({ platform: 'discord', server: 'guild-2' }, pin.id)).toBe(false);
    expect(s.pins.unpin({ platform: 'slack', server: 'guild-1' }, pin.id)).toBe(false);
    expect(s.pins.list(scope)).toHaveLength(1);
    expect(s.pins.unpin({ platform: 'discord', server: 'guild-1' }, pin.id)).toBe(true);
    expect(s.pins.list(scope)).toEqual([]);
    expect(s.pins.unpin({ platform: 'discord', server: 'guild-1' }, pin.id)).toBe(false);
  });
});

describe('pins.match', () => {
  it.each([
    ['the same normalised question', 'WHEN was the complaint filed'],
    ['the same terms in another phrasing', 'the complaint: when was it filed?'],
    ['inflected forms', 'When were the complaints filing?'],
    ['a chat spelling of "when is"', 'whens the complaint filed'],
  ])('returns the pin for %s', (_, question) => {
    const s = open();
    const pin = pinQuestion(s, 'When was the complaint filed?');
    expect(s.pins.match(scope, question)?.id).toBe(pin.id);
  });

  it.each([
    ['"which" for "what"', 'What court heard the motion to dismiss?', 'Which court heard the motion to dismiss?'],
    ['the same numbers in another order', 'What did the court rule in ECF No. 396 on the motion to dismiss?', 'ECF No 396: what did the court rule on the motion to dismiss?'],
    ['"whom" for "who"', 'Who did the plaintiffs sue?', 'Whom did the plaintiffs sue?'],
    ['the same negation in other words', "Why didn't the court grant the injunction?", 'Why did the court not grant the injunction?'],
    ['a negation after "who", which still asks who did it', "Who didn't sign the order?", 'Who did not sign the order?'],
    ['"could" for "can"', 'Can the plaintiffs amend?', 'Could the plaintiffs amend?'],
    ['a modal put to the bot', 'When was the complaint filed?', 'Would you know when the complaint was filed?'],
    ['"can I" for "do I"', 'How do I join the class action?', 'How can I join the class action?'],
    ['"§" for "section"', 'What does section 5 of the license say?', 'What does § 5 of the license say?'],
  ])('returns the pin for a question asking the same with %s', (_, pinned, asked) => {
    const s = open();
    const pin = pinQuestion(s, pinned);
    expect(s.pins.match(scope, asked)?.id).toBe(pin.id);
  });

  it.each([
    ['a greeting, a preamble and a sign-off', 'hey pinpoint, quick question: when was the complaint filed? just curious'],
    ['an apology for asking', 'sry late to this, when was the complaint filed'],
    ['chat spellings and a "lol"', 'wen was the complaint filed lol'],
  ])('returns the pin for the question wrapped in %s, as the answer reads it', (_, question) => {
    const s = open();
    const pin = pinQuestion(s, 'When was the complaint filed?');
    expect(s.pins.match(scope, question)?.id).toBe(pin.id);
  });

  it('returns the pin of a question pinned in a chat frame for the plain question', () => {
    const s = open();
    const pin = pinQuestion(s, 'yes or no: was the motion to dismiss granted? thanks');
    expect(s.pins.match(scope, 'Was the motion to dismiss granted?')?.id).toBe(pin.id);
  });

  it('tolerates one extra term once three are shared (similarity 0.75)', () => {
    const s = open();
    const pin = pinQuestion(s, 'Did the court grant the motion to compel?');
    const question = 'Did the court grant the defendants motion to compel?';
    expect(termSimilarity(createAnalyzer().terms(pin.question), createAnalyzer().terms(question))).toBe(0.8);
    expect(s.pins.match(scope, question)?.id).toBe(pin.id);
  });

  it.each([
    ['adds a term to a two-term question (0.67)', 'When was the complaint filed?', 'When was the amended complaint filed?'],
    ['swaps the subject (0.6)', 'What did the court decide about the motion to dismiss?', 'What did the court decide about the motion to compel?'],
    ['shares one term (0.25)', 'What damages did the plaintiffs seek?', 'What damages were awarded?'],
    // The analyzer drops question words, contractions and "before"/"after" as stop words: the same terms ask another thing.
    ['asks who instead of when (same terms)', 'When was the complaint filed?', 'Who filed the complaint?'],
    ['asks why instead of when (same terms)', 'When did the court deny the motion?', 'Why did the court deny the motion?'],
    ['asks where instead of when (same terms)', 'When was the case filed?', 'Where was the case filed?'],
    ['asks how many instead of how much', 'How much did the plaintiffs seek in damages?', 'How many plaintiffs sought damages?'],
    // "Did" puts the subject after "who": who they sued, or who sued them.
    ['asks who sued them instead of whom they sued (same terms)', 'Who did the plaintiffs sue?', 'Who sues the plaintiffs?'],
    ['asks who paid them instead of whom they paid (same terms)', 'Who did Netflix pay?', 'Who paid Netflix?'],
    // The analyzer drops "can", "could", "should" and "would": whether they may, or should, is not whether they did.
    ['asks whether they can instead of whether they did (same terms)', 'Did the plaintiffs amend?', 'Can the plaintiffs amend?'],
    ['asks whether they could instead of whether they did (same terms)', 'Did the plaintiffs amend?', 'Could the plaintiffs amend?'],
    ['asks whether it should instead of whether it did (same terms)', 'Did the court dismiss the privacy claim?', 'Should the court dismiss the privacy claim?'],
    ['asks whether it would instead of whether it did (same terms)', 'Did the court dismiss the privacy claim?', 'Would the court dismiss the privacy claim?'],
    ['negates it (0.8)', 'Was the motion to dismiss granted?', 'Was the motion to dismiss not granted?'],
    ['negates it with a contraction (same terms)', 'Did the court grant the motion to compel?', "Didn't the court grant the motion to compel?"],
    ['negates it with an acute accent for its apostrophe', 'Did the court grant the motion to compel?', 'Didn´t the court grant the motion to compel?'],
    ['negates it with a backtick for its apostrophe', 'Did the court grant the motion to compel?', 'Didn`t the court grant the motion to compel?'],
    ['asks after instead of before (same terms)', 'What did the plaintiffs claim before the ruling?', 'What did the plaintiffs claim after the ruling?'],
    ['asks without instead of with (0.8)', 'Was the claim dismissed with prejudice?', 'Was the claim dismissed without prejudice?'],
    ['asks without instead of with (0.9)', 'Did the court dismiss the privacy claim with leave to amend?', 'Did the court dismiss the privacy claim without leave to amend?'],
    ['asks less instead of more (0.83)', 'Did the judge find the defendant more liable than the co-defendant?', 'Did the judge find the defendant less liable than the co-defendant?'],
    // "Against", "above", "below" and "until" are stop words too, and ask the opposite of "for", "below", "above" and "since".
    ['asks against instead of for (same terms)', 'Did the court rule for Meta?', 'Did the court rule against Meta?'],
    ['asks against instead of in favor of (0.75)', 'Did the judge rule in favor of the plaintiffs?', 'Did the judge rule against the plaintiffs?'],
    ['asks below instead of above (same terms)', 'Was the settlement above $5 million?', 'Was the settlement below $5 million?'],
    ['asks until instead of since (0.83)', 'Did Meta share messages with Netflix since 2015?', 'Did Meta share messages with Netflix until 2015?'],
    // Close by terms (0.78 and 0.86), yet another filing, year or claim: its pinned answer quotes something else.
    ['names another docket entry', 'What did the court rule in ECF No. 396 on the motion to dismiss?', 'What did the court rule in ECF No. 397 on the motion to dismiss?'],
    ['names another year', 'What did the court order about the motion to dismiss the privacy claim in 2019?', 'What did the court order about the motion to dismiss the privacy claim in 2020?'],
    ['names another count by its Roman numeral', 'What did the court decide on Count I of the complaint?', 'What did the court decide on Count II of the complaint?'],
    ['names a section where it named a paragraph', 'What does ¶ 5 of the complaint say?', 'What does § 5 of the complaint say?'],
    ['names another count by its Roman numerals', 'What did the court decide on Count IV of the complaint?', 'What did the court decide on Count VI of the complaint?'],
  ])('returns nothing when the question %s', (_, pinned, asked) => {
    const s = open();
    pinQuestion(s, pinned);
    expect(s.pins.match(scope, asked)).toBeUndefined();
  });

  it('returns nothing for a question with no terms and no exact twin', () => {
    const s = open();
    pinQuestion(s, 'When was the complaint filed?');
    expect(s.pins.match(scope, 'what is it?')).toBeUndefined();
    expect(s.pins.match(scope, '???')).toBeUndefined();
  });

  it('matches only in the pin channel, and everywhere in the server for an any-channel pin', () => {
    const s = open();
    pinQuestion(s, 'When was the complaint filed?');
    expect(s.pins.match({ ...scope, channel: 'help' }, 'When was the complaint filed?')).toBeUndefined();
    const serverWide = pinQuestion(s, 'When was the complaint filed?', { ...scope, channel: ANY_CHANNEL });
    expect(s.pins.match({ ...scope, channel: 'help' }, 'When was the complaint filed?')?.id).toBe(serverWide.id);
    expect(s.pins.match({ ...scope, server: 'guild-2' }, 'When was the complaint filed?')).toBeUndefined();
  });

  it('prefers the channel pin over the any-channel pin, and the closer question', () => {
    const s = open();
    const channelPin = pinQuestion(s, 'When was the complaint filed?');
    pinQuestion(s, 'When was the complaint filed?', { ...scope, channel: ANY_CHANNEL });
    expect(s.pins.match(scope, 'when was the complaint filed')?.id).toBe(channelPin.id);
    const exact = pinQuestion(s, 'Did the court grant the defendants motion to dismiss?');
    const loose = pinQuestion(s, 'Did the court grant the motion to dismiss?');
    expect(s.pins.match(scope, 'court granted motion to dismiss')?.id).toBe(loose.id);
    expect(s.pins.match(scope, 'court granted defendants motion to dismiss')?.id).toBe(exact.id);
  });
});

describe('pins.pinOfAnswer', () => {
  const pinPage = (s: State, answerId: string, answerOffset: number | undefined, where: PinScope = scope) =>
    s.pins.pin({
      scope: where,
      question: 'What was granted?',
      answer: excerptAnswer('What was granted?', [{ docId: 'order', text: ORDER, quote: 'granted the motion to dismiss' }]),
      pinnedBy: 'U-moderator',
      messageRef: 'general/msg-1',
      answerId,
      ...(answerOffset === undefined ? {} : { answerOffset }),
    }).pin;

  it("finds the channel's pin of that page of that answer, and nothing for another page, answer or channel", () => {
    const s = open();
    const pin = pinPage(s, 'answer-1', 3);
    expect(pin.answerOffset).toBe(3);
    expect(s.pins.pinOfAnswer(scope, 'answer-1', 3)).toEqual(pin);
    expect(s.pins.pinOfAnswer(scope, 'answer-1', 0)).toBeUndefined();
    expect(s.pins.pinOfAnswer(scope, 'answer-2', 3)).toBeUndefined();
    expect(s.pins.pinOfAnswer({ ...scope, channel: 'random' }, 'answer-1', 3)).toBeUndefined();
    expect(s.pins.pinOfAnswer({ ...scope, server: 'guild-2' }, 'answer-1', 3)).toBeUndefined();
  });

  it('finds nothing once the pin is stale: pinning that answer again is how a moderator renews it', () => {
    const s = open();
    pinPage(s, 'answer-1', 0);
    s.pins.refreshStale(new Map([['order', { text: 'The motion was withdrawn.', hash: 'order-v2' }]]));
    expect(s.pins.pinOfAnswer(scope, 'answer-1', 0)).toBeUndefined();
  });

  it('finds nothing for a pin made before pins kept their page (schema 4): its page is unknown', () => {
    const s = open();
    const pin = pinPage(s, 'answer-1', undefined);
    expect(pin).not.toHaveProperty('answerOffset');
    expect(s.pins.pinOfAnswer(scope, 'answer-1', 0)).toBeUndefined();
  });
});

describe('pins.refreshStale', () => {
  it('turns a pin stale when its document is edited under it, and back when the quote returns', () => {
    const s = open();
    const pin = pinQuestion(s, 'What was granted?');
    const edited = new Map([
      ['order', { text: ORDER.replace('granted the motion', 'denied the motion'), hash: 'order-v2' }],
      ['ruling', { text: RULING, hash: 'ruling-v1' }],
    ]);
    expect(s.pins.refreshStale(edited)).toEqual({ checked: 1, stale: 1, changed: [pin.id], updated: [], moved: [] });
    expect(s.pins.list(scope)[0]?.stale).toBe(true);
    expect(s.pins.listStale({ platform: 'discord', server: 'guild-1' }).map((p) => p.id)).toEqual([pin.id]);
    expect(s.pins.match(scope, 'What was granted?')).toMatchObject({ id: pin.id, stale: true });

    expect(s.pins.refreshStale(documents)).toEqual({ checked: 1, stale: 0, changed: [pin.id], updated: [], moved: [] });
    expect(s.pins.listStale({ platform: 'discord', server: 'guild-1' })).toEqual([]);
    expect(s.pins.refreshStale(documents)).toEqual({ checked: 1, stale: 0, changed: [], updated: [], moved: [] });
  });

  it('turns a pin stale when its document is removed', () => {
    const s = open();
    const pin = pinQuestion(s, 'What was granted?');
    expect(s.pins.refreshStale(new Map([['ruling', { text: RULING, hash: 'ruling-v1' }]])).changed).toEqual([pin.id]);
  });

  it('turns a pin stale when only one of its quotes is gone', () => {
    const s = open();
    const { pin } = s.pins.pin({
      scope,
      question: 'What happened to the motions?',
      answer: excerptAnswer('What happened to the motions?', [
        { docId: 'order', text: ORDER, quote: 'granted the motion to dismiss' },
        { docId: 'ruling', text: RULING, quote: 'denied the motion to compel' },
      ]),
      pinnedBy: 'U1',
    });
    s.pins.refreshStale(new Map([['order', { text: ORDER, hash: 'order-v1' }], ['ruling', { text: 'vacated', hash: 'r2' }]]));
    expect(s.pins.listStale({ platform: 'discord', server: 'guild-1' }).map((p) => p.id)).toEqual([pin.id]);
  });

  it('judges later pins by the documents of the last refresh it could write down', () => {
    // The core keeps the previous index serving when a refresh fails, so a pin made next is checked and
    // hashed against those documents. A trigger stands in for a full disk refusing the stale flag.
    const dataDir = mkdtempSync(join(tmpdir(), 'pinpoint-pins-'));
    try {
      const s = createState({ dataDir, analyze: createAnalyzer().terms });
      state = s;
      s.pins.refreshStale(documents);
      pinQuestion(s, 'What was granted?');
      const db = new Database(join(dataDir, STATE_FILE));
      db.exec(`CREATE TRIGGER disk_full BEFORE UPDATE ON pins BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
      db.close();
      const vacated = new Map([['order', { text: 'The order was vacated.', hash: 'order-v2' }]]);
      expect(() => s.pins.refreshStale(vacated)).toThrow('database or disk is full');

      const next = pinQuestion(s, 'Did the court grant the motion to dismiss?');
      expect(next.stale).toBe(false);
      expect(next.excerpts[0]?.sourceHash).toBe('order-v1');
    } finally {
      state?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
