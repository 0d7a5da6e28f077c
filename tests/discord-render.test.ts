import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCustomId, encodeCustomId } from '../adapters/discord/custom-id.js';
import { cutMarkdown } from '../adapters/discord/cut-markdown.js';
import { escapeText, formatQuote, neutralizeMentions } from '../adapters/discord/escape.js';
import { DISCORD_LIMITS } from '../adapters/discord/limits.js';
import {
  COLORS,
  packBlocks,
  toDiscordMessage,
  toDocumentsMessage,
  toNotice,
  toPassagesMessage,
  toPinsMessage,
  QUESTION_WITHHELD,
  STALE_PIN_NOTE,
  type DiscordMessage,
} from '../adapters/discord/render.js';
import { gapsElsewhere, REPORT_TITLE, toReportMessage } from '../adapters/discord/render-report.js';
import { splitQuote } from '../adapters/discord/split.js';
import type { Answer, Excerpt, IndexStats, Pin } from '../src/index.js';

const stats: IndexStats = { documents: 2, passages: 7, indexedAt: '2026-01-02T03:04:05.678Z', knowledgeHash: 'h' };

function excerpt(quote: string, over: Partial<Excerpt> = {}): Excerpt {
  return {
    quote,
    passageId: 'p1',
    citation: { docId: 'd', title: 'Complaint', label: '¶ 4', kind: 'complaint', url: 'https://example.com/c.pdf' },
    score: 1,
    start: 0,
    elidedStart: false,
    elidedEnd: false,
    highlights: [],
    ...over,
  };
}

/** Every limit Discord enforces on a message, checked on what the renderer produced. */
function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect((message.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    let total = 0;
    for (const embed of message.embeds) {
      expect((embed.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
      expect((embed.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields);
      total += (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length;
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(message.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
    for (const row of message.components) {
      expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
      for (const b of row.components) expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    }
  }
}

/** Undoes the rendering of one quoted line: drops bold markers, escapes and the mention-breaking joiners. */
function unrender(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (ch === '\\') {
      out += line[i + 1] ?? '';
      i++;
    } else if (ch === '*' && line[i + 1] === '*') i++;
    else out += ch;
  }
  return out.replace(/([@<])\u200D/g, '$1');
}

/** The quoted text of all messages, in order, as plain text with whitespace collapsed. */
function quotedText(messages: DiscordMessage[]): string {
  const lines = messages
    .flatMap((m) => m.embeds.map((e) => e.description ?? ''))
    .join('\n')
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => unrender(line.slice(2)));
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('escapeText', () => {
  it.each([
    ['@everyone look', '@\u200Deveryone look'],
    ['@here', '@\u200Dhere'],
    ['hi <@123> and <@!45> and <@&678>', 'hi \\<@\u200D123\\> and \\<@\u200D!45\\> and \\<@\u200D&678\\>'],
    ['see <#999> and </ask:1>', 'see \\<\u200D#999\\> and \\<\u200D/ask:1\\>'],
    ['**bold** _it_ ~~s~~ `c` ||spoiler||', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\|'],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['# Heading', '\\# Heading'],
    ['-# small', '\\-# small'],
    ['- item', '\\- item'],
    ['12. item', '12\\. item'],
    ['> not a quote', '\\> not a quote'],
    ['a back\\slash', 'a back\\\\slash'],
  ])('renders %j as %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('neutralises every @ so no mention survives', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(neutralizeMentions(text)).not.toMatch(/@(?!\u200D)/);
      }),
    );
  });
});

describe('formatQuote', () => {
  it('quotes every line, drops blank lines and bolds highlights line by line', () => {
    const text = 'First line about Netflix.\n\nSecond line, Netflix again.';
    expect(formatQuote(text, [[17, 24], [40, 47], [16, 44]])).toBe('> First line about **Netflix.**\n> **Second line, Netflix** again.');
  });

  it('keeps bold markers off surrounding whitespace', () => {
    expect(formatQuote('a  word  b', [[1, 8]])).toBe('> a  **word**  b');
  });

  it('bolds no matched word inside a link, whose markers Discord would take into the link and show', () => {
    // "how do I install the tool with npm": a code line quoted whole, its link holding a matched word.
    const text = 'git clone https://example.com/tool.git\nnpm install tool';
    expect(formatQuote(text, [[30, 34], [39, 42], [43, 50], [51, 55]])).toBe(
      '> git clone https://example.com/tool.git\n> **npm** **install** **tool**',
    );
    // A match running into a link is bolded up to it only.
    expect(formatQuote('see https://example.com/tool', [[0, 28]])).toBe('> **see** https://example.com/tool');
  });

  it('leaves a quoted link as the document has it: a `\\_` inside it would be part of where it leads', () => {
    const text = 'Exhibit_A is at https://example.com/IMG_1000_final.png, see *p. 2*.';
    expect(formatQuote(text)).toBe('> Exhibit\\_A is at https://example.com/IMG_1000_final.png, see \\*p. 2\\*.');
    expect(formatQuote('(https://example.com/a_b) [x](https://example.com/c_d)')).toBe(
      '> (https://example.com/a_b) \\[x\\](https://example.com/c_d)',
    );
    // Mentions stay broken inside a link too.
    expect(formatQuote('https://example.com/@everyone')).toBe('> https://example.com/@\u200Deveryone');
  });

  it('leaves the `@` of a quoted link, which names a page and pings nobody, while `@everyone` and `@here` stay broken', () => {
    const text = 'Netflix posted at https://mastodon.social/@netflix/110 and https://example.com/@Here, mail press@netflix.com.';
    expect(formatQuote(text)).toBe(
      '> Netflix posted at https://mastodon.social/@netflix/110 and https://example.com/@\u200DHere, mail press@\u200Dnetflix.com.',
    );
  });
});

/** Markdown as Discord reads it: no `\` left escaping the "…", and every `**` closed. */
function expectWholeMarkdown(cut: string): void {
  const trailingBackslashes = /(\\*)…$/.exec(cut)?.[1]?.length ?? 0;
  expect(trailingBackslashes % 2, cut.slice(-20)).toBe(0);
  const markers = cut.replace(/\\[\s\S]/gu, '').match(/\*\*/g) ?? [];
  expect(markers.length % 2, cut.slice(-20)).toBe(0);
}

describe('cutMarkdown', () => {
  it.each([
    ['an escape', `${'a'.repeat(8)}\\*tail`, 10, `${'a'.repeat(8)}…`],
    ['an escaped backslash', `${'a'.repeat(7)}\\\\\\*tail`, 11, `${'a'.repeat(7)}\\\\…`],
    ['a bold run', `x **${'b'.repeat(20)}** y`, 12, `x **bbbbb**…`],
    ['a bold marker', `${'a'.repeat(8)}**b** z`, 10, `${'a'.repeat(8)}…`],
    ['an emoji', `${'a'.repeat(8)}🦞 tail`, 10, `${'a'.repeat(8)}…`],
  ])('never cuts through %s', (_what, text, max, cut) => {
    expect(cutMarkdown(text, max)).toBe(cut);
  });

  it('leaves text within the limit as it is', () => {
    expect(cutMarkdown('**a** \\*', 8)).toBe('**a** \\*');
  });

  it('keeps any escaped, highlighted quote whole as markdown, within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(fc.tuple(fc.nat(80), fc.nat(20))), fc.nat(120), (text, ranges, max) => {
        const markdown = formatQuote(text, ranges.map(([s, n]) => [s, s + n]));
        const cut = cutMarkdown(markdown, max + 1);
        expect(cut.length).toBeLessThanOrEqual(max + 1);
        if (markdown.length <= max + 1) expect(cut).toBe(markdown);
        else expectWholeMarkdown(cut);
      }),
    );
  });
});

describe('packBlocks', () => {
  it('cuts a block over the budget without breaking an escape or a bold run', () => {
    // A title and footer that leave 4000 characters for a description.
    const options = { title: 'Title', footer: 'F'.repeat(1995), color: COLORS.answer };
    const escapes = `${'a'.repeat(3998)}\\*${'b'.repeat(100)}`;
    const bold = `${'a'.repeat(3990)} **${'b'.repeat(100)}**`;
    for (const block of [escapes, bold]) {
      const description = packBlocks([block], options)[0]?.embeds[0]?.description ?? '';
      expect(description.length).toBeLessThanOrEqual(4000);
      expect(description.endsWith('…')).toBe(true);
      expectWholeMarkdown(description);
    }
  });
});

describe('splitQuote', () => {
  it('splits at sentence ends when the quote is too long', () => {
    const text = 'One sentence here. Two sentences here. Three sentences here.';
    const pieces = splitQuote(text, [[4, 12]], 45);
    expect(pieces.map((p) => p.text)).toEqual(['One sentence here. Two sentences here. ', 'Three sentences here.']);
    expect(pieces[0]?.highlights).toEqual([[4, 12]]);
  });

  it('splits an over-long sentence at spaces, never inside a word', () => {
    const text = `${'word '.repeat(60)}end.`;
    const pieces = splitQuote(text, [], 100);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(formatQuote(p.text).length).toBeLessThanOrEqual(100);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.every((p, i) => i === pieces.length - 1 || p.text.endsWith(' '))).toBe(true);
  });

  it('cuts a blob without spaces by characters only as a last resort', () => {
    const blob = '@'.repeat(5000);
    const pieces = splitQuote(blob, [[0, 5000]], 1000);
    for (const p of pieces) expect(formatQuote(p.text, p.highlights).length).toBeLessThanOrEqual(1000);
    expect(pieces.map((p) => p.text).join('')).toBe(blob);
  });

  it('moves highlights with their text', () => {
    const text = 'Alpha beta. Gamma delta.';
    expect(splitQuote(text, [[18, 23]], 20)).toEqual([
      { text: 'Alpha beta. ', highlights: [] },
      { text: 'Gamma delta.', highlights: [[6, 11]] },
    ]);
  });
});

describe('toDiscordMessage', () => {
  const answer: Answer = {
    kind: 'excerpts',
    question: 'Who tagged @everyone?',
    excerpts: [excerpt('They tagged <@123> and @everyone.', { highlights: [[5, 11]], elidedStart: true })],
  };

  it('renders a block-quoted, bolded, cited excerpt with a footer and buttons', () => {
    const [message, ...rest] = toDiscordMessage(answer, { stats, answerId: 'abc123', private: true, hasMore: true });
    expect(rest).toEqual([]);
    expect(message).toEqual({
      embeds: [
        {
          color: COLORS.answer,
          title: 'Who tagged @\u200Deveryone?',
          description:
            '> …They **tagged** \\<@\u200D123\\> and @\u200Deveryone.\n' +
            '**[1]** Complaint · complaint · ¶ 4 · <https://example.com/c.pdf>',
          footer: { text: '2 documents indexed · 7 passages · updated 2026-01-02 03:04 UTC' },
          timestamp: '2026-01-02T03:04:05.678Z',
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 1, label: 'More', custom_id: 'pp:m:abc123:3' },
            { type: 2, style: 2, label: 'Context', custom_id: 'pp:c:abc123:0' },
            { type: 2, style: 2, label: 'Share', custom_id: 'pp:s:abc123:0' },
            { type: 2, style: 2, label: 'Pin', custom_id: 'pp:p:abc123:0', emoji: { name: '📌' } },
          ],
        },
        {
          type: 1,
          components: [
            { type: 2, style: 2, emoji: { name: '👍' }, custom_id: 'pp:y:abc123:0' },
            { type: 2, style: 2, emoji: { name: '👎' }, custom_id: 'pp:n:abc123:0' },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
  });

  it('says no-match plainly and lists the suggestions, without buttons', () => {
    const [message] = toDiscordMessage(
      { kind: 'no-match', question: 'pizza?', suggestions: ['Complaint', 'Order *draft*'] },
      { stats, answerId: 'abc' },
    );
    expect(message?.embeds[0]?.description).toBe(
      'Nothing in the case documents answers “pizza?”. Try other words, or ask about something the documents cover.\n\n' +
        '**Try one of these:**\n• Complaint\n• Order \\*draft\\*',
    );
    expect(message?.components).toEqual([]);
    expect(message?.embeds[0]?.color).toBe(COLORS.none);
  });

  it("never lets a member's link in a question become a clickable link in the bot's reply", () => {
    const question = 'Claim your Klein payout at https://klein-payout.example/claim or <http://x.example>';
    const [message] = toDiscordMessage({ kind: 'no-match', question, suggestions: [], missingWords: ['https://klein-payout.example'] }, { stats });
    const pin: Pin = {
      id: 'pin1',
      scope: { platform: 'discord', server: 'g', channel: '42' },
      question,
      normalizedQuestion: '',
      excerpts: [],
      pinnedBy: 'u',
      pinnedAt: '2026-01-01T00:00:00.000Z',
      stale: false,
    };
    const [pins] = toPinsMessage([pin], { canUnpin: false, reader: { channel: '42', everyChannel: false } });
    const [report] = toReportMessage([{ question, count: 2, lastAsked: '2026-02-03T04:05:06.000Z' }], [], { reader: { channel: '42', everyChannel: true } });
    const shown = [message, pins, report].flatMap((m) => m?.embeds ?? []).map((e) => `${e.title ?? ''}\n${e.description ?? ''}`);
    expect(shown.join('\n')).toContain('klein-payout.example/claim');
    // Discord links a bare scheme:// in an embed; broken by an invisible joiner, it is only text.
    for (const text of shown) expect(text).not.toMatch(/https?:\/\//);
    expect(message?.embeds[0]?.description).toContain('https:\u200D//klein-payout.example/claim');
  });

  it('names the words the documents never use, escaped, in place of the generic advice', () => {
    const [message] = toDiscordMessage(
      { kind: 'no-match', question: 'nickname?', suggestions: [], missingWords: ['nickname', '*bold*'] },
      { stats, answerId: 'abc' },
    );
    expect(message?.embeds[0]?.description).toBe(
      'Nothing in the case documents answers “nickname?”. The documents never use “nickname” or “\\*bold\\*”: try other words for them.',
    );
  });

  it('marks a pinned answer, warns when it is stale, and does not repeat its quotes', () => {
    const pin: Pin = {
      id: 'pin1',
      scope: { platform: 'discord', server: 'g', channel: 'c' },
      question: 'who tagged',
      normalizedQuestion: 'tag',
      excerpts: [{ passageId: 'p1', docId: 'd', quote: 'They tagged <@123> and @everyone.', sourceHash: 'x', citation: answer.kind === 'excerpts' ? answer.excerpts[0]!.citation : ({} as never) }],
      pinnedBy: 'u',
      pinnedAt: '2026-01-01T10:00:00.000Z',
      stale: true,
    };
    const [message] = toDiscordMessage({ ...answer, pinned: pin }, { stats, answerId: 'abc' });
    const description = message?.embeds[0]?.description ?? '';
    expect(message?.embeds[0]?.title).toBe('📌 Who tagged @\u200Deveryone?');
    expect(description.startsWith('📌 **Pinned answer**: chosen by the moderators of this server on 2026-01-01.\n⚠️ **The documents changed since this was pinned**')).toBe(true);
    // The pin repeats the answer's only quote: it is shown once, under the pin's label.
    expect(description.match(/\*\*\[[^\]]+\]\*\*/g)).toEqual(['**[📌]**']);
    expect(message?.embeds[0]?.color).toBe(COLORS.stale);
    expect(message?.components[0]?.components.map((b) => b.label)).toEqual(['Context', 'Pin']);
    expect(message?.components[1]?.components.map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
  });

  it('numbers quotes by their place in the answer, so the page More shows after a pinned answer repeats no number', () => {
    const quote = (text: string, passageId: string) => excerpt(text, { passageId });
    const pin: Pin = {
      id: 'pin1',
      scope: { platform: 'discord', server: 'g', channel: 'c' },
      question: 'what happened',
      normalizedQuestion: 'happen',
      excerpts: [{ passageId: 'p9', docId: 'd', quote: 'Pinned quote.', sourceHash: 'x', citation: excerpt('').citation }],
      pinnedBy: 'u',
      pinnedAt: '2026-01-01T10:00:00.000Z',
      stale: false,
    };
    const labels = (messages: DiscordMessage[]) => messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n').match(/\*\*\[[^\]]+\]\*\*/g);
    const first: Answer = { kind: 'excerpts', question: 'what happened', excerpts: [quote('One.', 'p1'), quote('Two.', 'p2'), quote('Three.', 'p3')], pinned: pin };
    const next: Answer = { kind: 'excerpts', question: 'what happened', excerpts: [quote('Four.', 'p4')] };
    const [page] = toDiscordMessage(first, { stats, answerId: 'abc', hasMore: true });
    expect(labels([page!])).toEqual(['**[📌]**', '**[1]**', '**[2]**', '**[3]**']);
    expect(page?.components[0]?.components[0]?.custom_id).toBe('pp:m:abc:3');
    expect(labels(toDiscordMessage(next, { stats, answerId: 'abc', offset: 3 }))).toEqual(['**[4]**']);
  });

  it('cuts a long title without keeping half of an escape, which would show a stray backslash', () => {
    const [message] = toDiscordMessage({ ...answer, question: '*'.repeat(300) }, { stats, answerId: 'abc' });
    const title = message?.embeds[0]?.title ?? '';
    expect(title.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect(title).toMatch(/^(?:\\\*)+…$/);
  });

  it('puts 👍/👎 on a row of their own, for the page shown, and none without an answer id', () => {
    const [paged] = toDiscordMessage(answer, { stats, answerId: 'abc', offset: 3, hasMore: true, private: true });
    expect(paged?.components.map((row) => row.components.map((b) => b.custom_id))).toEqual([
      ['pp:m:abc:6', 'pp:c:abc:3', 'pp:s:abc:3', 'pp:p:abc:3'],
      ['pp:y:abc:3', 'pp:n:abc:3'],
    ]);
    expectWithinLimits([paged as DiscordMessage]);
    const [unsaved] = toDiscordMessage(answer, { stats });
    expect(unsaved?.components).toEqual([]);
  });

  it('splits an oversized answer within every limit, at sentence ends, keeping every quote whole', () => {
    const sentence = (i: number): string => `Sentence ${i} says **that** @everyone was <@${i}> told_about it. `;
    const long = Array.from({ length: 120 }, (_, i) => sentence(i)).join('').trim();
    const big: Answer = {
      kind: 'excerpts',
      question: 'q'.repeat(400),
      excerpts: [0, 1, 2].map((n) => excerpt(long, { passageId: `p${n}`, highlights: [[0, 8], [30, 2000]] })),
    };
    const messages = toDiscordMessage(big, { stats, answerId: 'abc', hasMore: true, private: false });
    expect(messages.length).toBeGreaterThan(3);
    expectWithinLimits(messages);
    expect(quotedText(messages)).toBe(collapse([long, long, long].join(' ')));
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? ''));
    for (const d of descriptions) {
      for (const line of d.split('\n')) expect(line.startsWith('> ') || line.startsWith('**[')).toBe(true);
      // A piece ends at a sentence end: the last quoted line of each description closes a sentence.
      const quoted = d.split('\n').filter((l) => l.startsWith('> '));
      expect(unrender(quoted.at(-1) ?? '').trimEnd()).toMatch(/\.$/);
    }
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)?.components[0]?.components.map((b) => b.label)).toEqual(['More', 'Context', 'Pin']);
    expect(messages.at(-1)?.components[1]?.components.map((b) => b.custom_id)).toEqual(['pp:y:abc:0', 'pp:n:abc:0']);
    expect(messages[0]?.embeds[0]?.title).toHaveLength(DISCORD_LIMITS.embedTitle);
  });

  const LONG_URL = `https://example.com/${'a'.repeat(5000)}`;
  it.each([
    ['a 3,900-character title', { title: 'T'.repeat(3900) }, `**[1]** ${'T'.repeat(199)}… · complaint · ¶ 4 · <https://example.com/c.pdf>`],
    ['a title of 2,000 characters Discord escapes', { title: '*@'.repeat(1000) }, `**[1]** ${'\\*@\u200D'.repeat(99)}\\*… · complaint · ¶ 4 · <https://example.com/c.pdf>`],
    ['a 5,000-character URL', { url: LONG_URL }, '**[1]** Complaint · complaint · ¶ 4'],
    ['a 3,000-character label and date', { label: 'L'.repeat(3000), date: 'D'.repeat(3000) }, `**[1]** Complaint · complaint · ${'D'.repeat(39)}… · ${'L'.repeat(199)}… · <https://example.com/c.pdf>`],
  ])('renders the quote and a capped citation for %s', (_name, fields, cited) => {
    const quote = 'The court granted the motion to dismiss.';
    const citation = { docId: 'd', title: 'Complaint', label: '¶ 4', kind: 'complaint', url: 'https://example.com/c.pdf', ...fields };
    const messages = toDiscordMessage({ kind: 'excerpts', question: 'q', excerpts: [excerpt(quote, { citation })] }, { stats, answerId: 'id' });
    expectWithinLimits(messages);
    expect(messages.flatMap((m) => m.embeds.map((e) => e.description))).toEqual([`> ${quote}\n${cited}`]);
  });

  it('stays within limits and keeps quotes whole for any text, highlights and elision', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\n', '*', '_', '@', '<', '>', '#', '-', '1', '\\', '`', '|', 'é'), maxLength: 6000 });
    const range = fc.tuple(fc.nat(6000), fc.nat(300)).map(([s, n]): [number, number] => [s, s + n]);
    fc.assert(
      fc.property(fc.array(fc.record({ quote: text, highlights: fc.array(range, { maxLength: 8 }), elidedStart: fc.boolean(), elidedEnd: fc.boolean() }), { minLength: 1, maxLength: 4 }), (items) => {
        const quotes = items.filter((item) => item.quote.trim() !== '');
        const a: Answer = {
          kind: 'excerpts',
          question: 'q',
          excerpts: quotes.map((item, i) => excerpt(item.quote, { passageId: `p${i}`, highlights: item.highlights, elidedStart: item.elidedStart, elidedEnd: item.elidedEnd })),
        };
        const messages = toDiscordMessage(a, { stats, answerId: 'id' });
        expectWithinLimits(messages);
        const expected = quotes.map((item) => `${item.elidedStart ? '…' : ''}${item.quote}${item.elidedEnd ? '…' : ''}`).join(' ');
        expect(quotedText(messages)).toBe(collapse(expected));
        expect(JSON.stringify(messages)).not.toMatch(/@(?!\\u200D|\u200D)/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('toPassagesMessage', () => {
  it('splits a long whole passage within limits and marks the cited one', () => {
    const long = Array.from({ length: 300 }, (_, i) => `Paragraph sentence ${i} about the Inbox API.`).join(' ');
    const view = (id: string, text: string) => ({
      passage: { id, docId: 'd', text, start: 0, end: text.length, locator: {} },
      document: { id: 'd', path: 'd.md', meta: { title: 'Complaint' }, text, hash: 'h' },
      citation: { docId: 'd', title: 'Complaint', label: `para. ${id}` },
    });
    const messages = toPassagesMessage([view('1', 'Short one.'), view('2', long)], { stats, title: 'Context', focusId: '2' });
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.flags === 64)).toBe(true);
    expect(quotedText(messages)).toBe(collapse(`Short one. ${long}`));
    expect(messages[0]?.embeds[0]?.description).toContain('\n\n**▶ cited passage**\n> Paragraph sentence 0');
  });
});

describe('toPassagesMessage with a cited passage that nearly fills an embed', () => {
  it.each([16, 18, 20, 24])('keeps the citation of a passage %i characters short of the limit', (short) => {
    const view = (id: string, text: string) => ({
      passage: { id, docId: 'd', text, start: 0, end: text.length, locator: {} },
      document: { id: 'd', path: 'd.md', meta: { title: 'Complaint' }, text, hash: 'h' },
      citation: { docId: 'd', title: 'Complaint', label: `para. ${id}` },
    });
    // Its block: "> " + the text, then "\n" and the citation "**[2]** Complaint · para. 2" (27 characters).
    const text = 'a'.repeat(DISCORD_LIMITS.embedDescription - short - 2 - 1 - 27);
    const messages = toPassagesMessage([view('1', 'Short one.'), view('2', text)], { stats, title: 'Context', focusId: '2' });
    expectWithinLimits(messages);
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? ''));
    expect(descriptions.find((d) => d.includes(text))).toMatch(/\n\*\*\[2\]\*\* Complaint · para\. 2$/);
  });
});

describe('toDocumentsMessage', () => {
  it('lists at most the limit, says which of how many, and offers More for the rest', () => {
    const docs = Array.from({ length: 25 }, (_, i) => ({ id: `d${i}`, title: `Doc ${i}`, passages: 1, headings: [] }));
    const [message] = toDocumentsMessage(docs, stats, { limit: 20 });
    const lines = (message?.embeds[0]?.description ?? '').split('\n\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('**1.** Doc 0 · 1 passage');
    expect(lines[20]).toBe('Documents 1–20 of 25. Press More for the next ones.');
    expect(message?.components).toEqual([{ type: 1, components: [{ type: 2, style: 1, label: 'More', custom_id: 'pp:d:20' }] }]);
  });

  it('says the list changed when More asks for a page the documents no longer fill', () => {
    const docs = Array.from({ length: 3 }, (_, i) => ({ id: `d${i}`, title: `Doc ${i}`, passages: 1, headings: [] }));
    const [message] = toDocumentsMessage(docs, stats, { offset: 20, limit: 20 });
    expect(message?.embeds[0]?.description).toBe('The documents changed since this list was shown, and it has no more. Use /docs again.');
    expect(message?.components).toEqual([]);
  });
});

describe('toPinsMessage', () => {
  it('offers Unpin buttons only to moderators, at most 5 per row', () => {
    const pins = Array.from({ length: 7 }, (_, i): Pin => ({
      id: `pin${i}`,
      scope: { platform: 'discord', server: 'g', channel: '42' },
      question: `question ${i} @everyone`,
      normalizedQuestion: '',
      excerpts: [],
      pinnedBy: 'u',
      pinnedAt: '2026-01-01T00:00:00.000Z',
      stale: i === 0,
    }));
    const here = { channel: '42', everyChannel: false };
    const [forModerators] = toPinsMessage(pins, { canUnpin: true, reader: here });
    expect(forModerators?.components.map((row) => row.components.length)).toEqual([5, 2]);
    expect(forModerators?.embeds[0]?.description?.split('\n\n')[0]).toBe('**1.** question 0 @\u200Deveryone ⚠️ stale\n0 quotes in <#42>, pinned 2026-01-01');
    const [forMembers] = toPinsMessage(pins, { canUnpin: false, reader: here });
    expect(forMembers?.components).toEqual([]);
  });

  it('lists 20 pins a page with their Unpin buttons and a More button for the rest', () => {
    const pins = Array.from({ length: 23 }, (_, i): Pin => ({
      id: `pin${i + 1}`,
      scope: { platform: 'discord', server: 'g', channel: '42' },
      question: `question ${i + 1}`,
      normalizedQuestion: '',
      excerpts: [],
      pinnedBy: 'u',
      pinnedAt: '2026-01-01T00:00:00.000Z',
      stale: false,
    }));
    const here = { channel: '42', everyChannel: false };
    const labels = (m: DiscordMessage | undefined) => (m?.components ?? []).map((row) => row.components.map((b) => `${b.label}=${b.custom_id}`));
    const [first] = toPinsMessage(pins, { canUnpin: true, reader: here, limit: 20 });
    const firstLines = first?.embeds[0]?.description?.split('\n\n') ?? [];
    expect(firstLines).toHaveLength(21);
    expect(firstLines[20]).toBe('Pins 1–20 of 23. Press More for the next ones.');
    expect(labels(first)).toEqual([
      ...[0, 5, 10, 15].map((start) => Array.from({ length: 5 }, (_, i) => `Unpin ${start + i + 1}=pp:u:pin${start + i + 1}`)),
      ['More=pp:l:20'],
    ]);
    const [second] = toPinsMessage(pins, { canUnpin: true, reader: here, offset: 20, limit: 20 });
    expect(second?.embeds[0]?.description?.split('\n\n')).toEqual([
      '**21.** question 21\n0 quotes in <#42>, pinned 2026-01-01',
      '**22.** question 22\n0 quotes in <#42>, pinned 2026-01-01',
      '**23.** question 23\n0 quotes in <#42>, pinned 2026-01-01',
      'Pins 21–23 of 23.',
    ]);
    expect(labels(second)).toEqual([['Unpin 21=pp:u:pin21', 'Unpin 22=pp:u:pin22', 'Unpin 23=pp:u:pin23']]);
  });

  it('explains the stale mark once, only when a listed pin is stale', () => {
    const pin = (stale: boolean): Pin => ({
      id: stale ? 'old' : 'new',
      scope: { platform: 'discord', server: 'g', channel: '42' },
      question: stale ? 'stale one' : 'fresh one',
      normalizedQuestion: '',
      excerpts: [],
      pinnedBy: 'u',
      pinnedAt: '2026-01-01T00:00:00.000Z',
      stale,
    });
    const blocks = (pins: Pin[]) => toPinsMessage(pins, { canUnpin: false, reader: { channel: '42', everyChannel: false } })[0]?.embeds[0]?.description?.split('\n\n') ?? [];
    expect(blocks([pin(false), pin(true)])).toEqual([
      '**1.** fresh one\n0 quotes in <#42>, pinned 2026-01-01',
      '**2.** stale one ⚠️ stale\n0 quotes in <#42>, pinned 2026-01-01',
      STALE_PIN_NOTE,
    ]);
    expect(blocks([pin(false)])).toEqual(['**1.** fresh one\n0 quotes in <#42>, pinned 2026-01-01']);
  });
});

describe('toReportMessage', () => {
  const ADMINISTRATOR = { channel: '42', everyChannel: true };
  const stalePin = (i: number, question = `pinned question ${i}`): Pin => ({
    id: `pin${i}`,
    scope: { platform: 'discord', server: 'g', channel: '42' },
    question,
    normalizedQuestion: '',
    excerpts: [],
    pinnedBy: 'u',
    pinnedAt: '2026-01-01T00:00:00.000Z',
    stale: true,
  });

  it('lists the no-match questions escaped on one line each and the stale pins with the warning and Unpin buttons', () => {
    const gaps = [
      { question: 'Who is   <@123>\n# and @everyone?', count: 3, lastAsked: '2026-02-03T04:05:06.000Z' },
      { question: 'pizza', count: 1, lastAsked: '2026-02-01T00:00:00.000Z', missingWords: ['pizza', '*everyone*'] },
    ];
    const [message, ...rest] = toReportMessage(gaps, [stalePin(1, 'what *now*')], { reader: ADMINISTRATOR });
    expect(rest).toEqual([]);
    expect(message?.flags).toBe(64);
    expect(message?.allowed_mentions).toEqual({ parse: [] });
    expect(message?.embeds[0]?.title).toBe(REPORT_TITLE);
    expect(message?.embeds[0]?.color).toBe(COLORS.stale);
    expect(message?.embeds[0]?.description?.split('\n\n')).toEqual([
      '**Questions that got no match** in this server, most asked first. ' +
        'Documents that answer them are the ones to add next:',
      '**1.** 3× Who is \\<@\u200D123\\> # and @\u200Deveryone? · last asked 2026-02-03',
      '**2.** 1× pizza · last asked 2026-02-01 · never uses “pizza”, “\\*everyone\\*”',
      '**Stale pins in this server**:',
      '**1.** what \\*now\\* ⚠️ stale\n0 quotes in <#42>, pinned 2026-01-01',
      STALE_PIN_NOTE,
    ]);
    expect(message?.components).toEqual([
      { type: 1, components: [{ type: 2, style: 4, label: 'Unpin 1', custom_id: 'pp:u:pin1' }] },
    ]);
  });

  it("shows a moderator who is no administrator this channel's unanswered questions, how many others there are, and other channels' stale pins without their question", () => {
    const gaps = [{ question: 'when is the layoff announced?', count: 3, lastAsked: '2026-02-03T04:05:06.000Z' }];
    const elsewhere = { ...stalePin(1, 'what did the mods decide?'), scope: { platform: 'discord', server: 'g', channel: '77' } };
    const reader = { channel: '42', everyChannel: false };
    const [message] = toReportMessage(gaps, [stalePin(2, 'what *now*'), elsewhere], { reader, gapsLeftOut: 2 });
    expect(message?.embeds[0]?.description?.split('\n\n')).toEqual([
      '**Questions that got no match** in this channel, most asked first. Documents that answer them are the ones to add next:',
      '**1.** 3× when is the layoff announced? · last asked 2026-02-03',
      gapsElsewhere(2),
      '**Stale pins in this server**:',
      '**1.** what \\*now\\* ⚠️ stale\n0 quotes in <#42>, pinned 2026-01-01',
      `**2.** ${QUESTION_WITHHELD} ⚠️ stale\n0 quotes in <#77>, pinned 2026-01-01`,
      STALE_PIN_NOTE,
    ]);
  });

  it('says so when nothing went unanswered and no pin is stale', () => {
    const [message] = toReportMessage([], [], { reader: ADMINISTRATOR });
    expect(message?.embeds[0]?.description).toBe(
      '**Questions that got no match** in this server: none yet.\n\n**Stale pins in this server**: none. Every pinned quote still matches its source.',
    );
    expect(message?.embeds[0]?.color).toBe(COLORS.none);
    expect(message?.components).toEqual([]);
  });

  it('stays within every Discord limit for long, markup-heavy questions and many stale pins', () => {
    const nasty = '@everyone <@1> *_~`|# '.repeat(20);
    const gaps = Array.from({ length: 10 }, (_, i) => ({ question: `${i} ${nasty}`, count: 100 - i, lastAsked: '2026-02-03T00:00:00.000Z' }));
    const pins = Array.from({ length: 45 }, (_, i) => stalePin(i, nasty));
    const messages = toReportMessage(gaps, pins, { reader: ADMINISTRATOR, limit: 30 });
    expectWithinLimits(messages);
    const all = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('\n\n');
    expect(all).not.toMatch(/@everyone|<@\d+>/);
    expect(all).toContain('Stale pins 1–30 of 45. Press **More stale pins** for the next ones.');
    // The More button takes the last row, so 20 of the 30 pins listed get an Unpin button here.
    expect(messages.at(-1)?.components.flatMap((row) => row.components.map((b) => b.label))).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `Unpin ${i + 1}`),
      'More stale pins',
    ]);
  });

  it('lists the next stale pins from the offset their More button carries, numbered on, each with its Unpin button', () => {
    const pins = Array.from({ length: 25 }, (_, i) => stalePin(i + 1));
    const first = toReportMessage([], pins, { reader: ADMINISTRATOR });
    const firstButtons = first.at(-1)?.components.flatMap((row) => row.components) ?? [];
    expect(firstButtons.at(-1)).toEqual({ type: 2, style: 1, label: 'More stale pins', custom_id: 'pp:t:20' });
    expect(firstButtons).toHaveLength(21);

    const [next, ...rest] = toReportMessage([], pins, { reader: ADMINISTRATOR, page: { of: 'stale', offset: 20 } });
    expect(rest).toEqual([]);
    expect(next?.embeds[0]?.description?.split('\n\n')).toEqual([
      '**Stale pins in this server**:',
      ...[21, 22, 23, 24, 25].map((n) => `**${n}.** pinned question ${n} ⚠️ stale\n0 quotes in <#42>, pinned 2026-01-01`),
      'Stale pins 21–25 of 25.',
      STALE_PIN_NOTE,
    ]);
    expect(next?.components.flatMap((row) => row.components.map((b) => `${b.label} ${b.custom_id}`))).toEqual(
      [21, 22, 23, 24, 25].map((n) => `Unpin ${n} pp:u:pin${n}`),
    );
  });

  it('numbers a next page of questions on, and says so when the list shrank since its More was shown', () => {
    const gaps = [{ question: 'eleventh', count: 1, lastAsked: '2026-02-03T04:05:06.000Z' }];
    const [next] = toReportMessage(gaps, [stalePin(1)], { reader: ADMINISTRATOR, page: { of: 'gaps', offset: 10 }, gapsLeftOut: 3 });
    expect(next?.embeds[0]?.description?.split('\n\n')).toEqual([
      '**Questions that got no match** in this server, from the 11th most asked:',
      '**11.** 1× eleventh · last asked 2026-02-03',
    ]);
    expect(next?.components).toEqual([]);
    const [gone] = toReportMessage([], [], { reader: ADMINISTRATOR, page: { of: 'gaps', offset: 10 } });
    expect(gone?.embeds[0]?.description).toBe(
      '**Questions that got no match** in this server: the list changed since it was shown, and has no more. Use /report again.',
    );
  });
});

describe('toNotice', () => {
  it('is private by default and never mentions', () => {
    expect(toNotice('x'.repeat(3000))).toEqual({
      content: `${'x'.repeat(1999)}…`,
      embeds: [],
      components: [],
      allowed_mentions: { parse: [] },
      flags: 64,
    });
  });
});

describe('custom ids', () => {
  it.each([
    [{ action: 'more', answerId: 'a1', offset: 3 } as const, 'pp:m:a1:3'],
    [{ action: 'context', answerId: 'a:b', offset: 0 } as const, 'pp:c:a:b:0'],
    [{ action: 'unpin', pinId: 'p:9' } as const, 'pp:u:p:9'],
    [{ action: 'up', answerId: 'a1', offset: 0 } as const, 'pp:y:a1:0'],
    [{ action: 'down', answerId: 'a1', offset: 3 } as const, 'pp:n:a1:3'],
    [{ action: 'docs', offset: 20 } as const, 'pp:d:20'],
    [{ action: 'pins', offset: 20 } as const, 'pp:l:20'],
    [{ action: 'sources', answerId: 'a1', offset: 3 } as const, 'pp:f:a1:3'],
    [{ action: 'gaps', offset: 10 } as const, 'pp:g:10'],
    [{ action: 'stale', offset: 20 } as const, 'pp:t:20'],
  ])('round-trips %j as %s', (action, id) => {
    expect(encodeCustomId(action)).toBe(id);
    expect(decodeCustomId(id)).toEqual(action);
  });

  it.each(['', 'other:m:a:1', 'pp:x:a:1', 'pp:m:a:-1', 'pp:m::1', 'pp:u:', 'pp:m:a', 'pp:d:', 'pp:d:x', 'pp:d:1:2'])('ignores %j', (id) => {
    expect(decodeCustomId(id)).toBeUndefined();
  });

  it('refuses ids longer than Discord allows', () => {
    expect(() => encodeCustomId({ action: 'pin', answerId: 'x'.repeat(95), offset: 0 })).toThrow(
      `pinpoint: button id "pp:p:${'x'.repeat(35)}…" is 102 characters; Discord allows 100. Use shorter answer or pin ids`,
    );
  });
});
