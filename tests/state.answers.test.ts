import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PinpointError } from '../src/errors.js';
import { createState, DEFAULT_ANSWER_RETENTION_DAYS, formatNoMatchReport, IN_MEMORY, NO_MATCH_QUESTIONS_PER_SERVER, QUESTION_TTL_MS, STATE_FILE, type State } from '../src/state/index.js';
import type { Answer } from '../src/types.js';
import { DELIVERY_MEMORY_MS } from '../src/state/deliveries.js';
import { excerptAnswer } from './fixtures/state/build.js';

const ORDER = 'The court granted the motion to dismiss with leave to amend.';
const answer = excerptAnswer('What was granted?', [{ docId: 'order', text: ORDER, quote: 'granted the motion' }]);
const noMatch: Answer = { kind: 'no-match', question: 'Who is the bailiff?', suggestions: [] };
const scope = { platform: 'slack', server: 'T1', channel: 'C1' };

let dir: string;
let clock: number;
const opened: State[] = [];

function open(dataDir = dir, answerRetentionDays?: number): State {
  const state = createState({ dataDir, analyze: () => [], now: () => new Date(clock), ...(answerRetentionDays === undefined ? {} : { answerRetentionDays }) });
  opened.push(state);
  return state;
}

function rows<T>(sql: string): T[] {
  const db = new Database(join(dir, STATE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pinpoint-answers-'));
  clock = Date.parse('2026-03-01T12:00:00.000Z');
});

afterEach(() => {
  for (const state of opened.splice(0)) state.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('answers.remember', () => {
  it('gives a short id that still resolves after a restart', () => {
    const first = open();
    const remembered = first.answers.remember('What was granted?', answer, scope);
    expect(remembered).toEqual({
      id: expect.stringMatching(/^[0-9a-z]{10}$/),
      question: 'What was granted?',
      scope,
      createdAt: '2026-03-01T12:00:00.000Z',
      passageIds: answer.kind === 'excerpts' ? answer.excerpts.map((excerpt) => excerpt.passageId) : [],
    });
    expect(`more:${remembered.id}:3`.length).toBeLessThanOrEqual(100);
    first.close();
    expect(open().answers.get(remembered.id)).toEqual(remembered);
  });

  it('fails rather than hand out an id it did not keep when the write is refused for another reason than room or a lock', () => {
    const state = open();
    // A trigger stands in for a refusal such as an id taken already: buttons under that id would act on another answer.
    const db = new Database(join(dir, STATE_FILE));
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON answers BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    db.close();
    expect(() => state.answers.remember('What was granted?', answer, scope)).toThrow('refused');
  });

  it('remembers an answer without a scope', () => {
    const state = open();
    const remembered = state.answers.remember('What was granted?', answer);
    expect(state.answers.get(remembered.id)).toEqual({
      id: remembered.id,
      question: 'What was granted?',
      createdAt: '2026-03-01T12:00:00.000Z',
      passageIds: remembered.passageIds,
    });
  });

  it('gives distinct ids to many answers', () => {
    const state = open();
    const ids = new Set(Array.from({ length: 200 }, () => state.answers.remember('q', answer).id));
    expect(ids.size).toBe(200);
  });

  it('returns nothing for an unknown id', () => {
    expect(open().answers.get('nope')).toBeUndefined();
  });

  it('erases the question once it expires and keeps the row for feedback', () => {
    const state = open();
    const old = state.answers.remember('What was granted?', answer, scope);
    clock += QUESTION_TTL_MS - 1;
    expect(state.answers.get(old.id)?.question).toBe('What was granted?');
    clock += 1;
    expect(state.answers.get(old.id)).toBeUndefined();
    state.answers.remember('A later question', noMatch, scope);
    expect(rows<{ id: string; question: string | null }>('SELECT id, question FROM answers ORDER BY created_at')).toEqual([
      { id: old.id, question: null },
      { id: expect.any(String), question: 'A later question' },
    ]);
    state.answers.feedback(old.id, { platform: 'slack', id: 'U1' }, 'up');
    expect(state.answers.feedbackCounts(old.id)).toEqual({ up: 1, down: 0 });
  });

  it('erases the questions that expired while the bot was stopped when it starts, before any question', () => {
    const state = open();
    state.answers.remember('What was granted?', answer, scope);
    state.close();
    clock += QUESTION_TTL_MS;
    open();
    expect(rows<{ question: string | null }>('SELECT question FROM answers')).toEqual([{ question: null }]);
  });
});

describe('answers.rememberPage', () => {
  /** An answer quoting the passages with these ids. */
  const withIds = (ids: string[]): Answer => {
    const built = excerptAnswer('What was granted?', ids.map(() => ({ docId: 'order', text: ORDER, quote: 'granted the motion' })));
    return built.kind === 'excerpts' ? { ...built, excerpts: built.excerpts.map((excerpt, i) => ({ ...excerpt, passageId: ids[i]! })) } : built;
  };

  it('keeps the passages of a later page as first shown, across a restart; the first page is the one remembered', () => {
    const state = open();
    const remembered = state.answers.remember('What was granted?', withIds(['p1', 'p2', 'p3']), scope);
    expect(state.answers.pagePassageIds(remembered.id, 0)).toEqual(['p1', 'p2', 'p3']);
    expect(state.answers.pagePassageIds(remembered.id, 3)).toBeUndefined();
    state.answers.rememberPage(remembered.id, 3, withIds(['p4', 'p5']));
    // Shown again after a reload with other passages: Pin under either message must not pin what one did not show.
    state.answers.rememberPage(remembered.id, 3, withIds(['p9']));
    state.answers.rememberPage(remembered.id, 0, withIds(['p9']));
    state.close();
    const reopened = open();
    expect(reopened.answers.pagePassageIds(remembered.id, 3)).toEqual(['p4', 'p5']);
    expect(reopened.answers.pagePassageIds(remembered.id, 0)).toEqual(['p1', 'p2', 'p3']);
    expect(reopened.answers.pagePassageIds(remembered.id, 6)).toBeUndefined();
  });

  it('keeps no page of an unknown or expired answer, and forgets the pages with the question', () => {
    const state = open();
    state.answers.rememberPage('no-such-answer', 3, withIds(['p4']));
    expect(state.answers.pagePassageIds('no-such-answer', 3)).toBeUndefined();
    const old = state.answers.remember('What was granted?', answer, scope);
    state.answers.rememberPage(old.id, 3, withIds(['p4']));
    clock += QUESTION_TTL_MS;
    state.answers.remember('A later question', noMatch, scope);
    expect(rows('SELECT * FROM answer_pages')).toEqual([]);
    state.answers.rememberPage(old.id, 6, withIds(['p7']));
    expect(rows('SELECT * FROM answer_pages')).toEqual([]);
  });
});

describe('answers of pinned messages', () => {
  it('keeps the question behind a pinned answer past its expiry, until it is unpinned', () => {
    const state = open();
    const pinned = state.answers.remember('What was granted?', answer, scope);
    const { pin } = state.pins.pin({ scope, question: 'What was granted?', answer, pinnedBy: 'U-mod', answerId: pinned.id });
    expect(pin.answerId).toBe(pinned.id);
    clock += QUESTION_TTL_MS;
    state.answers.remember('A later question', noMatch, scope);
    // The pinned message's More and Context buttons keep working: the pin keeps the question anyway.
    expect(state.answers.get(pinned.id)).toEqual(pinned);
    state.close();
    expect(open().answers.get(pinned.id)).toEqual(pinned);

    const reopened = opened.at(-1)!;
    expect(reopened.pins.unpin(scope, pin.id)).toBe(true);
    expect(reopened.answers.get(pinned.id)).toBeUndefined();
    reopened.answers.remember('Another question', noMatch, scope);
    expect(rows<{ question: string | null }>(`SELECT question FROM answers WHERE id = '${pinned.id}'`)).toEqual([{ question: null }]);
  });
});

describe('answer retention', () => {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const ids = () => rows<{ id: string }>('SELECT id FROM answers ORDER BY created_at').map((row) => row.id);

  it('deletes an unpinned answer with its votes and pages once older than the retention, and keeps a pinned one', () => {
    const state = open();
    const old = state.answers.remember('What was granted?', answer, scope);
    state.answers.rememberPage(old.id, 3, answer);
    state.answers.feedback(old.id, { platform: 'slack', id: 'U1' }, 'up');
    const pinned = state.answers.remember('What was granted?', answer, scope);
    state.pins.pin({ scope, question: 'What was granted?', answer, pinnedBy: 'U-mod', answerId: pinned.id });

    clock += DEFAULT_ANSWER_RETENTION_DAYS * DAY_MS - 1;
    const recent = state.answers.remember('A later question', noMatch, scope);
    expect(ids()).toEqual([old.id, pinned.id, recent.id]);

    clock += 1;
    const latest = state.answers.remember('Another question', noMatch, scope);
    expect(ids()).toEqual([pinned.id, recent.id, latest.id]);
    expect(rows('SELECT * FROM feedback')).toEqual([]);
    expect(rows('SELECT * FROM answer_pages')).toEqual([]);
    expect(state.answers.feedbackCounts(old.id)).toEqual({ up: 0, down: 0 });
    // The pinned message's buttons still work, across a restart too.
    state.close();
    expect(open().answers.get(pinned.id)).toEqual(pinned);
  });

  it('keeps answers for ANSWER_RETENTION_DAYS when set', () => {
    const state = open(dir, 30);
    const old = state.answers.remember('What was granted?', answer, scope);
    clock += 30 * DAY_MS;
    const later = state.answers.remember('A later question', noMatch, scope);
    expect(ids()).toEqual([later.id]);
    expect(old.id).not.toBe(later.id);
  });
});

describe('answers.firstDelivery', () => {
  it('takes a message once, across a restart, and again once its memory has expired', () => {
    const state = open();
    expect(state.answers.firstDelivery('slack/T1/C1/1700000000.000100')).toBe(true);
    expect(state.answers.firstDelivery('slack/T1/C1/1700000000.000100')).toBe(false);
    expect(state.answers.firstDelivery('slack/T1/C1/1700000000.000200')).toBe(true);
    state.close();
    const reopened = open();
    clock += DELIVERY_MEMORY_MS - 1;
    expect(reopened.answers.firstDelivery('slack/T1/C1/1700000000.000100')).toBe(false);
    clock += 1;
    expect(reopened.answers.firstDelivery('slack/T1/C1/1700000000.000100')).toBe(true);
    expect(rows<{ key: string }>('SELECT key FROM deliveries')).toEqual([{ key: 'slack/T1/C1/1700000000.000100' }]);
  });

  it('takes a message again once its memory has expired, while older expired ones still wait to be deleted', () => {
    const state = open();
    // More expired keys than one delivery deletes, the message's the newest of them.
    for (let n = 0; n <= 100; n += 1) {
      clock += 1;
      state.answers.firstDelivery(`slack/T1/C1/${n}`);
    }
    clock += DELIVERY_MEMORY_MS;
    expect(state.answers.firstDelivery('slack/T1/C1/100')).toBe(true);
    expect(state.answers.firstDelivery('slack/T1/C1/100')).toBe(false);
  });
});

describe('answers.feedback', () => {
  it('records one vote per user per answer, the latest winning', () => {
    const state = open();
    const { id } = state.answers.remember('What was granted?', answer, scope);
    state.answers.feedback(id, { platform: 'slack', id: 'U1' }, 'up');
    state.answers.feedback(id, { platform: 'slack', id: 'U2' }, 'up');
    state.answers.feedback(id, { platform: 'slack', id: 'U1' }, 'down');
    expect(state.answers.feedbackCounts(id)).toEqual({ up: 1, down: 1 });
    expect(state.answers.feedbackCounts('other')).toEqual({ up: 0, down: 0 });
  });

  it('stores user ids only as salted hashes, stable across restarts and unique to the database', () => {
    const first = open();
    const a = first.answers.remember('q', answer);
    first.answers.feedback(a.id, { platform: 'slack', id: 'U0SECRET1' }, 'up');
    first.close();
    const second = open();
    const b = second.answers.remember('q', answer);
    second.answers.feedback(b.id, { platform: 'slack', id: 'U0SECRET1' }, 'down');
    const hashes = rows<{ user_hash: string }>('SELECT user_hash FROM feedback').map((row) => row.user_hash);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[1]).toBe(hashes[0]);

    const db = new Database(join(dir, STATE_FILE), { readonly: true });
    const dump = db.serialize().toString('latin1');
    db.close();
    expect(dump).not.toContain('U0SECRET1');

    const otherDir = mkdtempSync(join(tmpdir(), 'pinpoint-answers-other-'));
    try {
      const other = open(otherDir);
      const c = other.answers.remember('q', answer);
      other.answers.feedback(c.id, { platform: 'slack', id: 'U0SECRET1' }, 'up');
      other.close();
      const otherDb = new Database(join(otherDir, STATE_FILE), { readonly: true });
      const otherHash = (otherDb.prepare('SELECT user_hash FROM feedback').get() as { user_hash: string }).user_hash;
      otherDb.close();
      expect(otherHash).not.toBe(hashes[0]);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('hashes the same id on two platforms differently', () => {
    const state = open();
    const { id } = state.answers.remember('q', answer);
    state.answers.feedback(id, { platform: 'slack', id: 'U1' }, 'up');
    state.answers.feedback(id, { platform: 'discord', id: 'U1' }, 'up');
    expect(state.answers.feedbackCounts(id)).toEqual({ up: 2, down: 0 });
  });

  it('refuses an unknown answer id and a bad vote', () => {
    const state = open();
    const { id } = state.answers.remember('q', answer);
    const unknown = (() => {
      try {
        state.answers.feedback('zzzz', { platform: 'slack', id: 'U1' }, 'up');
      } catch (error) {
        return error as PinpointError;
      }
    })();
    expect([unknown?.code, unknown?.message]).toEqual([
      'NOT_FOUND',
      'pinpoint: answer zzzz is unknown; ask the question again to vote',
    ]);
    expect(() => state.answers.feedback(id, { platform: 'slack', id: 'U1' }, 'meh' as 'up')).toThrow(
      'pinpoint: vote "meh" is not "up" or "down"',
    );
  });
});

describe('answers.noMatchReport', () => {
  it('counts no-match questions by normalised form, most asked first, latest phrasing kept', () => {
    const state = open();
    state.answers.recordNoMatch('Who is the bailiff?');
    clock += 60_000;
    state.answers.recordNoMatch('What did the jury eat?');
    clock += 60_000;
    state.answers.recordNoMatch('who is the BAILIFF');
    clock += 60_000;
    state.answers.recordNoMatch('Where is the courthouse?');
    state.answers.recordNoMatch('   ?  ');
    expect(state.answers.noMatchReport()).toEqual([
      { question: 'who is the BAILIFF', count: 2, lastAsked: '2026-03-01T12:02:00.000Z' },
      { question: 'Where is the courthouse?', count: 1, lastAsked: '2026-03-01T12:03:00.000Z' },
      { question: 'What did the jury eat?', count: 1, lastAsked: '2026-03-01T12:01:00.000Z' },
    ]);
    expect(state.answers.noMatchReport(1)).toHaveLength(1);
  });

  it.each([0, -1, 1.5])('refuses limit %s', (limit) => {
    expect(() => open().answers.noMatchReport(limit)).toThrow(
      `pinpoint: report limit ${limit} is not a whole number of at least 1`,
    );
  });

  it('keeps the most asked and latest unanswered questions of a server, so a flood of distinct ones cannot grow it without end', () => {
    const state = open();
    state.answers.recordNoMatch('Who is the bailiff?', scope);
    state.answers.recordNoMatch('Who is the bailiff?', scope);
    for (let n = 1; n <= NO_MATCH_QUESTIONS_PER_SERVER; n++) {
      clock += 1000;
      state.answers.recordNoMatch(`Question number ${n}?`, scope);
    }
    state.answers.recordNoMatch('What did the jury eat?', { platform: 'slack', server: 'T2' });

    const kept = state.answers.noMatchReport(NO_MATCH_QUESTIONS_PER_SERVER + 10, scope).map((entry) => entry.question);
    expect(kept).toHaveLength(NO_MATCH_QUESTIONS_PER_SERVER);
    // The oldest of those asked once made way; the one asked twice stays first, though asked before all.
    expect(kept[0]).toBe('Who is the bailiff?');
    expect(kept).not.toContain('Question number 1?');
    expect(kept).toContain('Question number 2?');
    expect(kept).toContain(`Question number ${NO_MATCH_QUESTIONS_PER_SERVER}?`);
    // Another server's questions are its own and are not pruned for this one's.
    expect(state.answers.noMatchReport(10, { platform: 'slack', server: 'T2' }).map((entry) => entry.question)).toEqual(['What did the jury eat?']);
    expect(rows<{ n: number }>('SELECT count(*) AS n FROM no_match_by_channel')).toEqual([{ n: NO_MATCH_QUESTIONS_PER_SERVER + 1 }]);
  });

  it('keeps no-match questions in memory mode too', () => {
    const state = open(IN_MEMORY);
    state.answers.recordNoMatch('Who is the bailiff?');
    expect(state.answers.noMatchReport()).toHaveLength(1);
  });
});

describe('answers.noMatchReport by channel', () => {
  const server = { platform: 'slack', server: 'T1' };
  const inChannel = (channel: string) => ({ ...server, channel });

  it('counts only what was asked in the channels given, in the phrasing asked there, and the questions left out', () => {
    const state = open();
    state.answers.recordNoMatch('who is the bailiff', inChannel('C0PUBLIC'));
    clock += 60_000;
    state.answers.recordNoMatch('Who is the BAILIFF??', inChannel('G0SECRET'));
    clock += 60_000;
    state.answers.recordNoMatch('what did my ex say', inChannel('D0DIRECT'));
    clock += 60_000;
    state.answers.recordNoMatch('what did my ex say', inChannel('G0SECRET'));
    clock += 60_000;
    state.answers.recordNoMatch('where is the courthouse', inChannel('C0OTHER'));

    expect(state.answers.noMatchChannels(server)).toEqual(['C0OTHER', 'C0PUBLIC', 'D0DIRECT', 'G0SECRET']);
    expect(state.answers.noMatchReport(10, { ...server, channels: ['C0PUBLIC', 'C0OTHER'] })).toEqual([
      { question: 'where is the courthouse', count: 1, lastAsked: '2026-03-01T12:04:00.000Z' },
      { question: 'who is the bailiff', count: 1, lastAsked: '2026-03-01T12:00:00.000Z' },
    ]);
    // "what did my ex say", asked twice, only outside those channels: one question left out.
    expect(state.answers.noMatchLeftOut(server, ['C0PUBLIC', 'C0OTHER'])).toBe(1);
    expect(state.answers.noMatchReport(10, { ...server, channels: [] })).toEqual([]);
    expect(state.answers.noMatchLeftOut(server, [])).toBe(3);
    // The whole server, as Discord's /report reads it: each question once, over all its channels.
    expect(state.answers.noMatchReport(10, server).map((entry) => [entry.question, entry.count])).toEqual([
      ['what did my ex say', 2],
      ['Who is the BAILIFF??', 2],
      ['where is the courthouse', 1],
    ]);
  });
});

describe('formatNoMatchReport', () => {
  it('prints one aligned line per question', () => {
    expect(
      formatNoMatchReport([
        { question: 'Who is the\nbailiff?', count: 12, lastAsked: '2026-03-01T12:02:00.000Z' },
        { question: 'What did the jury eat?', count: 3, lastAsked: '2026-02-27T09:00:00.000Z' },
      ]),
    ).toBe(
      'Questions that got no match (2, most asked first):\n' +
        '12×  Who is the bailiff?  (last asked 2026-03-01)\n' +
        ' 3×  What did the jury eat?  (last asked 2026-02-27)\n',
    );
  });

  it('names the words each question used that the documents never do, and sums them up most asked first', () => {
    expect(
      formatNoMatchReport([
        { question: 'Who is the bailiff?', count: 2, lastAsked: '2026-03-01T12:02:00.000Z', missingWords: ['bailiff'] },
        { question: 'Was the bailiff\nsworn?', count: 1, lastAsked: '2026-02-27T09:00:00.000Z', missingWords: ['Bailiff', 'sworn'] },
        { question: 'Who won?', count: 1, lastAsked: '2026-02-26T09:00:00.000Z', missingWords: [] },
      ]),
    ).toBe(
      'Questions that got no match (3, most asked first):\n' +
        '2×  Who is the bailiff?  (last asked 2026-03-01; never uses “bailiff”)\n' +
        '1×  Was the bailiff sworn?  (last asked 2026-02-27; never uses “Bailiff”, “sworn”)\n' +
        '1×  Who won?  (last asked 2026-02-26)\n' +
        '\n' +
        'Words the documents never use, most asked first: bailiff (3×), sworn (1×).\n' +
        'Where the documents say the same in other words, an alias group in pack.yaml joins them.\n',
    );
  });

  it('says so when nothing went unanswered', () => {
    expect(formatNoMatchReport([])).toBe('No questions went unanswered yet.\n');
  });
});

describe('answers.noMatchReport per server', () => {
  it('shows a server only its own unanswered questions, and the operator all of them', () => {
    const state = createState({ dataDir: IN_MEMORY, analyze: (text) => text.toLowerCase().split(/\W+/).filter(Boolean) });
    const discordA = { platform: 'discord', server: 'A' };
    const slackB = { platform: 'slack', server: 'B' };
    state.answers.recordNoMatch('Who is the bailiff?', discordA);
    state.answers.recordNoMatch('who is the BAILIFF', slackB);
    state.answers.recordNoMatch('Where is the courthouse?', slackB);

    expect(state.answers.noMatchReport(10, discordA).map((entry) => [entry.question, entry.count])).toEqual([['Who is the bailiff?', 1]]);
    expect(state.answers.noMatchReport(10, slackB).map((entry) => entry.question).sort()).toEqual(['Where is the courthouse?', 'who is the BAILIFF']);
    expect(state.answers.noMatchReport(10).map((entry) => entry.count)).toEqual([2, 1]);
    state.close();
  });

  it('shows the operator the phrasing asked last across servers', () => {
    const state = open();
    state.answers.recordNoMatch('who is the bailiff', { platform: 'discord', server: 'A' });
    clock += 60_000;
    state.answers.recordNoMatch('Who is the bailiff?', { platform: 'slack', server: 'B' });
    clock += 60_000;
    state.answers.recordNoMatch('where is the courthouse', { platform: 'slack', server: 'B' });
    clock += 60_000;
    state.answers.recordNoMatch('Where is the courthouse?', { platform: 'discord', server: 'A' });
    expect(state.answers.noMatchReport(10).map((entry) => [entry.question, entry.count, entry.lastAsked])).toEqual([
      ['Where is the courthouse?', 2, '2026-03-01T12:03:00.000Z'],
      ['Who is the bailiff?', 2, '2026-03-01T12:01:00.000Z'],
    ]);
  });
});
