import fc from 'fast-check';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, decodeButtonValue, decodeUnpinValue, encodeButtonValue, encodeUnpinValue, UNPIN_ACTION_ID, VOTE_ACTION_IDS } from '../adapters/slack/actions.js';
import { truncateMrkdwn } from '../adapters/slack/mrkdwn.js';
import { blockTextLength, SLACK_LIMITS, toSlackBlocks, type KnownBlock } from '../adapters/slack/render.js';
import { toSlackContext } from '../adapters/slack/render-context.js';
import { NO_MATCH_HEADER, STALE_HEADER, STALE_WARNING_TEXT, toSlackHome } from '../adapters/slack/render-home.js';
import { createPinpoint, type Answer, type Excerpt, type PassageView, type Pin, type Pinpoint } from '../src/index.js';
import { isWellFormed } from './helpers/well-formed.js';

const KNOWLEDGE = path.join(import.meta.dirname, 'fixtures', 'slack');

function excerpt(quote: string, overrides: Partial<Excerpt> = {}): Excerpt {
  return {
    quote,
    passageId: 'p1',
    citation: { docId: 'd1', title: 'Complaint', label: '¶ 4, p. 2' },
    score: 1,
    start: 0,
    elidedStart: false,
    elidedEnd: false,
    highlights: [],
    ...overrides,
  };
}

function answerOf(excerpts: Excerpt[], extra: Partial<Extract<Answer, { kind: 'excerpts' }>> = {}): Answer {
  return { kind: 'excerpts', question: 'What happened?', excerpts, ...extra };
}

function texts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return [block.text?.text ?? ''];
    if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : ''));
    if (block.type === 'header') return [block.text.text];
    return [];
  });
}

function buttons(blocks: readonly KnownBlock[]) {
  return blocks.flatMap((block) => (block.type === 'actions' ? block.elements : [])).filter((e) => e.type === 'button');
}

/** Every `<` left in rendered text must open a link we made ourselves, or the sharer's own mention. */
function assertInert(text: string): void {
  for (const match of text.matchAll(/</g)) {
    const rest = text.slice(match.index);
    expect(rest).toMatch(/^<https?:\/\/[^\s<>|]+\|[^<>]*>/);
  }
}

const pin: Pin = {
  id: 'pin1',
  scope: { platform: 'slack', server: 'T1', channel: 'C1' },
  question: 'q',
  normalizedQuestion: 'q',
  excerpts: [],
  pinnedBy: 'U1',
  pinnedAt: '2026-01-01T00:00:00.000Z',
  stale: false,
};

let core: Pinpoint;
beforeAll(async () => {
  core = await createPinpoint({ knowledgeDir: KNOWLEDGE });
});
afterAll(async () => {
  await core?.close();
});

describe('toSlackBlocks', () => {
  it('block-quotes the real quote with matched words in bold and a linked citation', () => {
    const answer = core.ask('What was the Inbox API agreement?');
    if (answer.kind !== 'excerpts') throw new Error('fixture should answer');
    const first = answer.excerpts[0]!;
    const { blocks, text, shown } = toSlackBlocks(answer, { answerId: 'a1', buttons: ['more'] });
    const quoteBlock = texts(blocks).find((t) => t.startsWith('> Shortly after'));
    expect(quoteBlock?.replace(/\*/g, '')).toBe(`> ${first.quote}`);
    expect(first.highlights.length).toBeGreaterThan(0);
    for (const [start, end] of first.highlights) expect(quoteBlock).toContain(`*${first.quote.slice(start, end)}*`);
    expect(texts(blocks)).toContain(
      '📄 <https://example.com/klein-v-meta/complaint?part=1&amp;page=2|Klein v. Meta: Consolidated Complaint (excerpt)> · complaint · The Inbox API, para. 2 · 2023-04-14',
    );
    expect(text).toMatch(/^“Shortly after Reed Hastings/);
    expect(shown).toBe(answer.excerpts.length);
  });

  it('names each document’s kind in its citation, so an allegation reads apart from a news report', () => {
    const answer = core.ask('How much did Meta pay to settle the Cambridge Analytica litigation?');
    if (answer.kind !== 'excerpts') throw new Error('fixture should answer');
    const citations = texts(toSlackBlocks(answer).blocks).filter((t) => t.startsWith('📄'));
    expect(citations).toContain('📄 Regulatory fines against Meta · news-article · para. 2 · 2022-11-28');
    expect(citations.some((c) => c.includes('|Klein v. Meta: Consolidated Complaint (excerpt)> · complaint · '))).toBe(true);
  });

  it('escapes & < > so <!channel>, <!here> and <@U…> from a document or question stay inert', () => {
    const rendered = toSlackBlocks(
      answerOf([excerpt('Team: <!channel> & <!here> ask <@U024BE7LH> about <https://evil.example|this>', { highlights: [[6, 16]] })], {
        question: 'why <!everyone> & <@U1>?',
      }),
      { answerId: 'a1', buttons: ['share'] },
    );
    const all = [rendered.text, ...texts(rendered.blocks)].join('\n');
    // The document's link shows as the place it leads, its "|this" label as text: nothing reads otherwise than it leads.
    expect(all).toContain(
      '*&lt;!channel&gt;* &amp; &lt;!here&gt; ask &lt;@U024BE7LH&gt; about &lt;<https://evil.example|https://evil.example>|this&gt;',
    );
    expect(all).toContain('why &lt;!everyone&gt; &amp; &lt;@U1&gt;?');
    assertInert(all);
  });

  it('sends every mrkdwn text verbatim, so a plain "@channel" in a question or quote is never parsed as a mention', () => {
    const rendered = toSlackBlocks(answerOf([excerpt('Ask @channel and @here in #general')], { question: '@everyone what happened?' }), {
      answerId: 'a1',
      buttons: ['share'],
    });
    const mrkdwn = JSON.stringify(rendered.blocks).match(/\{"type":"mrkdwn"[^}]*\}/g) ?? [];
    expect(mrkdwn.length).toBeGreaterThan(0);
    for (const object of mrkdwn) expect(JSON.parse(object)).toMatchObject({ verbatim: true });
  });

  it('bolds no matched word inside code, where Slack would show the stars and not the bold', () => {
    // "Netflix used the `inbox_api` endpoint": the question matched "inbox", "api" and "endpoint".
    const quote = 'Netflix used the `inbox_api` endpoint, and ```a *fenced* api``` too.';
    const { blocks } = toSlackBlocks(answerOf([excerpt(quote, { highlights: [[18, 23], [24, 27], [29, 37], [57, 60]] })]));
    expect(texts(blocks)).toContain('> Netflix used the `inbox_api` *endpoint*, and ```a *fenced* api``` too.');
  });

  it('links the links a quote holds, which Slack leaves unclickable in verbatim text, with no matched word bolded inside', () => {
    const quote = 'The terms are at https://example.com/terms?a=1&b=2, and Netflix at https://mastodon.social/@netflix.';
    const { blocks } = toSlackBlocks(answerOf([excerpt(quote, { highlights: [[4, 9], [37, 42], [56, 63], [92, 99]] })]));
    expect(texts(blocks)).toContain(
      '> The *terms* are at <https://example.com/terms?a=1&amp;b=2|https://example.com/terms?a=1&amp;b=2>, and *Netflix* at ' +
        '<https://mastodon.social/@netflix|https://mastodon.social/@netflix>.',
    );
    // So does the Context button's passage.
    const views = [{ passage: { id: 'p1', text: quote }, citation: excerpt('').citation }] as unknown as PassageView[];
    expect(texts(toSlackContext(views, 'p1').blocks)).toContain(
      '> The terms are at <https://example.com/terms?a=1&amp;b=2|https://example.com/terms?a=1&amp;b=2>, and Netflix at ' +
        '<https://mastodon.social/@netflix|https://mastodon.social/@netflix>.',
    );
    // A link inside code stays code: Slack shows no link there.
    expect(texts(toSlackBlocks(answerOf([excerpt('Run `curl https://example.com/x` now')])).blocks)).toContain('> Run `curl https://example.com/x` now');
  });

  it('marks elided starts and ends of a quote', () => {
    const { blocks } = toSlackBlocks(answerOf([excerpt('middle of a sentence', { elidedStart: true, elidedEnd: true })]));
    expect(texts(blocks)).toContain('> …middle of a sentence…');
  });

  it('cuts an over-long quote of emoji between characters, never inside one', () => {
    // An odd number of units before the emoji puts the first cut (at four fifths) between the halves of one.
    const { blocks } = toSlackBlocks(answerOf([excerpt(`a${'🦞'.repeat(1600)}`)]));
    const section = texts(blocks).find((t) => t.startsWith('>'));
    expect(section?.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(section?.endsWith('🦞…')).toBe(true);
    expect(isWellFormed(section ?? '')).toBe(true);
  });

  it('cuts a single over-long quote inside its own section only', () => {
    const long = 'word & more '.repeat(600);
    const { blocks, shown } = toSlackBlocks(answerOf([excerpt(long)]));
    const section = texts(blocks).find((t) => t.startsWith('>'));
    expect(section?.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(section?.endsWith('…')).toBe(true);
    expect(shown).toBe(1);
  });

  it('keeps whole excerpts within 50 blocks and the total text budget, leaving the rest to More', () => {
    const many = Array.from({ length: 40 }, (_, i) => excerpt(`Quote number ${i} ${'x'.repeat(900)}`, { passageId: `p${i}` }));
    const { blocks, shown } = toSlackBlocks(answerOf(many), { answerId: 'a1', offset: 3, buttons: ['share', 'more', 'context', 'pin'] });
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(blockTextLength(blocks)).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
    expect(shown).toBeLessThan(40);
    const quotes = texts(blocks).filter((t) => t.startsWith('> Quote number'));
    const citations = texts(blocks).filter((t) => t.startsWith('📄'));
    expect(quotes).toHaveLength(shown);
    expect(citations).toHaveLength(shown);
    for (const quote of quotes) expect(quote).toMatch(/x{900}$/);
    const more = buttons(blocks).find((b) => b.action_id === ACTION_IDS.more);
    expect(decodeButtonValue(more?.value)).toEqual({ answerId: 'a1', offset: 3 + shown });
  });

  it('marks a pinned answer, and warns when the pin is stale', () => {
    const fresh = texts(toSlackBlocks(answerOf([excerpt('q')], { pinned: pin })).blocks);
    expect(fresh).toContain('📌 *Pinned answer*');
    expect(fresh.join('\n')).not.toContain('⚠️');
    const stale = texts(toSlackBlocks(answerOf([excerpt('q')], { pinned: { ...pin, stale: true } })).blocks);
    expect(stale).toContain(
      '⚠️ A source document changed since this answer was pinned: the quote may no longer match. Ask a moderator to re-pin it.',
    );
  });

  it('says no-match plainly with escaped suggestions and no buttons', () => {
    const { blocks, text } = toSlackBlocks(
      { kind: 'no-match', question: 'pope of mars', suggestions: ['Inbox <API> & more'] },
      { answerId: 'a1', buttons: ['more'] },
    );
    expect(text).toBe("I couldn't find that in the case documents.");
    expect(texts(blocks)).toContain('*Try asking:*\n• Inbox &lt;API&gt; &amp; more');
    expect(buttons(blocks)).toEqual([]);
  });

  it('names the words the documents never use, escaped', () => {
    const { blocks } = toSlackBlocks({ kind: 'no-match', question: 'antitrust?', suggestions: [], missingWords: ['antitrust', '<!here>'] }, { answerId: 'a1' });
    expect(texts(blocks)).toContain('The documents never use “antitrust” or “&lt;!here&gt;”: try other words for them.');
  });

  it('leaves out a button whose value would exceed Slack’s limit', () => {
    const { blocks } = toSlackBlocks(answerOf([excerpt('q', { passageId: 'p'.repeat(2100) })]), { answerId: 'a1', buttons: ['more', 'context'] });
    expect(buttons(blocks).map((b) => b.action_id)).toEqual([ACTION_IDS.more, VOTE_ACTION_IDS.up, VOTE_ACTION_IDS.down]);
  });

  it('puts 👍 and 👎 carrying the answer id after the other buttons', () => {
    const { blocks } = toSlackBlocks(answerOf([excerpt('q')]), { answerId: 'a1', offset: 2, buttons: ['share', 'more'] });
    const all = buttons(blocks);
    expect(all.map((b) => b.action_id)).toEqual([ACTION_IDS.share, ACTION_IDS.more, VOTE_ACTION_IDS.up, VOTE_ACTION_IDS.down]);
    expect(all.slice(2).map((b) => b.text.text)).toEqual(['👍', '👎']);
    for (const vote of all.slice(2)) expect(decodeButtonValue(vote.value)).toEqual({ answerId: 'a1', offset: 2 });
  });

  it('offers no votes without an answer id, when votes are off, or under no-match', () => {
    expect(buttons(toSlackBlocks(answerOf([excerpt('q')])).blocks)).toEqual([]);
    expect(buttons(toSlackBlocks(answerOf([excerpt('q')]), { answerId: 'a1', votes: false }).blocks)).toEqual([]);
    const noMatch = toSlackBlocks({ kind: 'no-match', question: 'pope of mars', suggestions: [] }, { answerId: 'a1' });
    expect(buttons(noMatch.blocks)).toEqual([]);
  });

  it('never puts more buttons in the actions block than Slack allows', () => {
    const many = Array.from({ length: 30 }, () => 'more' as const);
    const { blocks } = toSlackBlocks(answerOf([excerpt('q')]), { answerId: 'a1', buttons: many });
    expect(SLACK_LIMITS.actionsElements).toBe(25);
    expect(buttons(blocks)).toHaveLength(SLACK_LIMITS.actionsElements);
  });

  it("shows a pin's own quotes first, then fresh excerpts without repeating the pinned one", () => {
    const pinnedQuote = { passageId: 'p1', docId: 'd1', quote: 'The pinned <quote> & more', sourceHash: 'h', citation: { docId: 'd1', title: 'Complaint', label: '¶ 1' } };
    const answer = answerOf([excerpt('The pinned <quote> & more'), excerpt('A fresh quote', { passageId: 'p2' })], {
      pinned: { ...pin, excerpts: [pinnedQuote] },
    });
    const { blocks, shown } = toSlackBlocks(answer, { answerId: 'a1', buttons: ['more'] });
    const quotes = texts(blocks).filter((t) => t.startsWith('>'));
    expect(quotes).toEqual(['> The pinned &lt;quote&gt; &amp; more', '> A fresh quote']);
    expect(texts(blocks).indexOf('📌 *Pinned answer*')).toBeLessThan(texts(blocks).indexOf('> The pinned &lt;quote&gt; &amp; more'));
    expect(texts(blocks)).toContain('📄 Complaint · ¶ 1');
    expect(shown).toBe(2);
  });

  it('shows a stale pin with its warning and quote even when the question itself found nothing', () => {
    const stalePin: Pin = {
      ...pin,
      stale: true,
      excerpts: [{ passageId: 'p9', docId: 'd1', quote: 'Old wording', sourceHash: 'h', citation: { docId: 'd1', title: 'Complaint', label: '¶ 9' } }],
    };
    const { blocks, text } = toSlackBlocks(
      { kind: 'no-match', question: 'q', suggestions: ['x'], pinned: stalePin },
      { answerId: 'a1', buttons: ['share', 'more', 'context', 'pin'] },
    );
    const all = texts(blocks);
    expect(all).toContain(
      '⚠️ A source document changed since this answer was pinned: the quote may no longer match. Ask a moderator to re-pin it.',
    );
    expect(all).toContain('> Old wording');
    expect(all).not.toContain("I couldn't find that in the case documents.");
    expect(text).toBe('“Old wording” (Complaint, ¶ 9)');
    expect(buttons(blocks).map((b) => b.action_id)).toEqual([VOTE_ACTION_IDS.up, VOTE_ACTION_IDS.down]);
  });

  it('links only http(s) URLs, with the characters that would end a link percent-encoded', () => {
    const unsafe = excerpt('q', { citation: { docId: 'd', title: 'T', label: 'L', url: 'javascript:alert(1)' } });
    const odd = excerpt('q', { citation: { docId: 'd', title: 'T', label: 'L', url: 'https://a.example/x>y|z' } });
    expect(texts(toSlackBlocks(answerOf([unsafe])).blocks)).toContain('📄 T · L');
    expect(texts(toSlackBlocks(answerOf([odd])).blocks)).toContain('📄 <https://a.example/x%3Ey%7Cz|T> · L');
  });

  const LONG_URL = `https://example.com/${'a'.repeat(5000)}`;
  it.each([
    ['a 3,900-character title', { title: 'T'.repeat(3900) }, `📄 <https://example.com/c.pdf|${'T'.repeat(299)}…> · ¶ 4`],
    ['a 5,000-character URL', { url: LONG_URL }, '📄 Complaint · ¶ 4'],
    ['a URL of 500 ampersands, longer once escaped', { url: `https://example.com/?${'&'.repeat(500)}` }, '📄 Complaint · ¶ 4'],
    ['a 3,000-character label and date', { label: 'L'.repeat(3000), date: 'D'.repeat(3000) }, `📄 <https://example.com/c.pdf|Complaint> · ${'L'.repeat(199)}… · ${'D'.repeat(39)}…`],
  ])('renders the quote and a capped citation, title kept, for %s', (_name, fields, cited) => {
    const citation = { docId: 'd', title: 'Complaint', label: '¶ 4', url: 'https://example.com/c.pdf', ...fields };
    const { blocks, shown } = toSlackBlocks(answerOf([excerpt('The court granted the motion to dismiss.', { citation })]));
    expect(shown).toBe(1);
    expect(texts(blocks).slice(1)).toEqual(['> The court granted the motion to dismiss.', cited]);
  });

  it('stays inert and within every limit for arbitrary quotes, titles and questions', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '<', '>', '&', '!', '@', 'U', '|', '*', '\n', 'channel', 'é'), maxLength: 4000 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ quote: text, title: text, label: text, start: fc.nat(4000), len: fc.nat(50) }), { minLength: 1, maxLength: 30 }),
        text,
        fc.array(fc.record({ quote: text, title: text }), { maxLength: 3 }),
        fc.boolean(),
        (parts, question, pinnedParts, stale) => {
          const pinned: Pin | undefined =
            pinnedParts.length === 0
              ? undefined
              : {
                  ...pin,
                  stale,
                  excerpts: pinnedParts.map((p, i) => ({
                    passageId: `pin-p${i}`,
                    docId: 'd',
                    quote: p.quote,
                    sourceHash: 'h',
                    citation: { docId: 'd', title: p.title, label: 'L' },
                  })),
                };
          const excerpts = parts.map((p, i) =>
            excerpt(p.quote, {
              passageId: `p${i}`,
              citation: { docId: 'd', title: p.title, label: p.label, url: 'https://example.com/doc?a=1&b=2' },
              highlights: [[p.start, p.start + p.len]],
            }),
          );
          const rendered = toSlackBlocks(answerOf(excerpts, { question, ...(pinned ? { pinned } : {}) }), {
            answerId: 'a1',
            buttons: ['share', 'more', 'context', 'pin'],
            postedBy: { verb: 'Shared', name: question },
          });
          expect(rendered.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
          expect(blockTextLength(rendered.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
          for (const t of texts(rendered.blocks)) {
            expect(t.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
            assertInert(t);
          }
          expect(rendered.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
          assertInert(rendered.text);
          for (const b of buttons(rendered.blocks)) {
            expect(b.action_id?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.actionId);
            expect(b.value?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('toSlackContext', () => {
  it('block-quotes the focus passage between its neighbours, escaped', () => {
    const focus = core.ask('DM export for Netflix');
    if (focus.kind !== 'excerpts') throw new Error('fixture should answer');
    const passageId = focus.excerpts[0]!.passageId;
    const { blocks } = toSlackContext(core.context(passageId, 1), passageId);
    const all = texts(blocks).join('\n');
    expect(all).toContain('> An engineer wrote to the whole team: "&lt;!channel&gt; the DM export for Netflix &amp; partners');
    expect(all).toContain('Netflix used the message data');
    assertInert(all.replace(/📄 <https:[^>]*>/g, ''));
  });
});

describe('toSlackContext, long passages', () => {
  it('cuts a passage too long for one section near the section limit, not at a fifth of it', () => {
    const found = core.ask('DM export for Netflix');
    if (found.kind !== 'excerpts') throw new Error('fixture should answer');
    const [view] = core.context(found.excerpts[0]!.passageId, 0);
    const long = { ...view!, passage: { ...view!.passage, text: 'Netflix & Meta. '.repeat(200) } };
    const { blocks } = toSlackContext([long], long.passage.id);
    const [, quoted] = texts(blocks);
    expect(quoted!.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(quoted!.length).toBeGreaterThan(SLACK_LIMITS.sectionText - 100);
    expect(quoted).toMatch(/^> Netflix &amp; Meta\. .*…$/);
    // Cut between escapes, never inside one.
    expect(quoted).not.toMatch(/&[a-z]*…$/);
  });
});

describe('toSlackHome', () => {
  it('lists pins and documents within the view limits', () => {
    const pins = Array.from({ length: 120 }, (_, i) => ({
      ...pin,
      id: `pin${i}`,
      question: `Question <!here> ${i}`,
      excerpts: [{ passageId: 'p', docId: 'd', quote: 'Quote & <@U1>', sourceHash: 'h', citation: { docId: 'd', title: 'T', label: 'L' } }],
    }));
    const view = toSlackHome(pins, core.documents());
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerView);
    const all = texts(view.blocks as KnownBlock[]).join('\n');
    expect(all).toContain('*Question &lt;!here&gt; 0*\n> Quote &amp; &lt;@U1&gt;');
    expect(blockTextLength(view.blocks as KnownBlock[])).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
  });

  it('shows moderators the unanswered questions, escaped, and the stale pins with the warning', () => {
    const stalePin: Pin = {
      ...pin,
      stale: true,
      question: 'Who paid <!channel>?',
      scope: { platform: 'slack', server: 'T1', channel: 'C0GENERAL' },
      excerpts: [{ passageId: 'p', docId: 'd', quote: 'Old & gone', sourceHash: 'h', citation: { docId: 'd', title: 'T', label: 'L' } }],
    };
    const view = toSlackHome([stalePin], core.documents(), {
      noMatch: [
        { question: 'who is the pope of <@U1> & mars', count: 3, lastAsked: '2026-11-29T00:00:00.000Z' },
        { question: 'weather', count: 1, lastAsked: '2026-11-28T00:00:00.000Z', missingWords: ['weather', '<!here>'] },
      ],
      noMatchLeftOut: 0,
      stale: [stalePin],
      notPublic: [],
    });
    const all = texts(view.blocks as KnownBlock[]);
    expect(all.slice(0, 3)).toEqual([
      NO_MATCH_HEADER,
      'Asked most often in this workspace without a quote to answer them: the documents to add next.',
      '• *3×* who is the pope of &lt;@U1&gt; &amp; mars · last asked 2026-11-29\n• *1×* weather · last asked 2026-11-28 · never uses “weather”, “&lt;!here&gt;”',
    ]);
    expect(all).toContain(STALE_HEADER);
    expect(all).toContain(`⚠️ ${STALE_WARNING_TEXT}`);
    expect(all).toContain('*Who paid &lt;!channel&gt;?*\nPinned in <#C0GENERAL> on 2026-01-01.\n> Old &amp; gone');
    expect(all).toContain('*Who paid &lt;!channel&gt;?*\n⚠️ Source changed since pinning.\n> Old &amp; gone');
  });

  it('gives moderators an Unpin button per pin within the view limits, and shows a notice first', () => {
    const pins = Array.from({ length: 120 }, (_, i) => ({ ...pin, id: `pin${i}`, question: `Question ${i}` }));
    const view = toSlackHome(pins, core.documents(), { noMatch: [], noMatchLeftOut: 0, stale: pins.slice(0, 12), notPublic: pins.slice(12, 24) }, { canUnpin: true, notice: 'Done & dusted' });
    expect(view.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerView);
    expect(blockTextLength(view.blocks as KnownBlock[])).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
    expect(texts(view.blocks.slice(0, 1) as KnownBlock[])).toEqual(['Done &amp; dusted']);
    const unpins = (view.blocks as KnownBlock[]).flatMap((block) => (block.type === 'section' && block.accessory?.type === 'button' ? [block.accessory] : []));
    expect(unpins.length).toBeGreaterThan(10);
    for (const button of unpins) {
      expect(button).toMatchObject({ action_id: UNPIN_ACTION_ID, style: 'danger', text: { text: 'Unpin' } });
      expect(button.value).toMatch(/^pin\d+$/);
      expect(button.confirm?.text.text.length).toBeLessThanOrEqual(300);
    }
    const plainView = toSlackHome(pins, core.documents());
    expect((plainView.blocks as KnownBlock[]).some((block) => block.type === 'section' && block.accessory !== undefined)).toBe(false);
  });

  it('keeps the moderator sections out of the tab without a report', () => {
    const all = texts(toSlackHome([], core.documents()).blocks as KnownBlock[]).join('\n');
    expect(all).not.toContain(NO_MATCH_HEADER);
    expect(all).not.toContain(STALE_HEADER);
  });

  it('lists the documents when nothing is pinned', () => {
    const all = texts(toSlackHome([], core.documents()).blocks as KnownBlock[]).join('\n');
    expect(all).toContain('Nothing pinned yet.');
    expect(all).toContain('<https://example.com/klein-v-meta/complaint?part=1&amp;page=2|Klein v. Meta: Consolidated Complaint (excerpt)>');
    expect(all).toContain('Regulatory fines against Meta');
  });
});

describe('truncateMrkdwn', () => {
  it.each([
    ['an escape', 'Tom &amp; Jerry', 9, 'Tom …'],
    ['a link', 'see <https://example.com|the order> now', 20, 'see …'],
  ])('never leaves half of %s at the cut', (_label, text, max, expected) => {
    expect(truncateMrkdwn(text, max)).toBe(expected);
  });

  it('leaves text that fits alone, and cuts plain text as truncate does', () => {
    expect(truncateMrkdwn('Tom &amp; Jerry', 15)).toBe('Tom &amp; Jerry');
    expect(truncateMrkdwn('plain words here', 10)).toBe('plain wor…');
  });
});

describe('button values', () => {
  it.each([
    ['not json', 'nope'],
    ['no answer id', '{"o":1}'],
    ['negative offset', '{"a":"x","o":-1}'],
    ['fractional offset', '{"a":"x","o":1.5}'],
    ['non-string passage', '{"a":"x","o":1,"p":3}'],
  ])('rejects %s', (_name, raw) => {
    expect(decodeButtonValue(raw)).toBeUndefined();
  });

  it('carries a pin id in an Unpin value and rejects anything else', () => {
    expect(decodeUnpinValue(encodeUnpinValue('k3x9m2pq'))).toBe('k3x9m2pq');
    expect(encodeUnpinValue('x'.repeat(65))).toBeUndefined();
    expect(encodeUnpinValue('a b')).toBeUndefined();
    expect(decodeUnpinValue('{"a":"x","o":1}')).toBeUndefined();
    expect(decodeUnpinValue(undefined)).toBeUndefined();
  });

  it('round-trips what it encodes', () => {
    const value = { answerId: 'abc', offset: 3, passageId: 'p-1', source: 'sources' as const };
    expect(decodeButtonValue(encodeButtonValue(value))).toEqual(value);
  });
});
