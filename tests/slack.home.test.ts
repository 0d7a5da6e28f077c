import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSlackHome } from '../adapters/slack/render-home.js';
import { blockTextLength, SLACK_LIMITS, type KnownBlock } from '../adapters/slack/render.js';
import { createPackCore, type PackCore } from './helpers/pack-core.js';

// A short filing is one passage; a longer one several.
const NOTICE = `---
title: Notice of Appearance
kind: other
date: 2024-02-02
---
Jane Roe appears as counsel for the plaintiffs.
`;
const ORDER = `---
title: Scheduling Order
kind: order
date: 2024-03-01
---
The parties shall complete discovery by June 1.

Dispositive motions are due by July 15.
`;

let pack: PackCore;
beforeAll(async () => {
  pack = await createPackCore({ 'notice.md': NOTICE, 'order.md': ORDER });
});
afterAll(() => pack?.close());

function sectionTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : []));
}

describe('the Slack App Home tab', () => {
  it('counts one passage in the singular, as Discord’s /docs does', () => {
    const texts = sectionTexts(toSlackHome([], pack.core.documents()).blocks as KnownBlock[]);
    expect(texts).toContain('Notice of Appearance\nother · 2024-02-02 · 1 passage');
    expect(texts).toContain('Scheduling Order\norder · 2024-03-01 · 2 passages');
  });
});

describe('the moderators’ unanswered questions in the App Home tab', () => {
  it('adds no markup after a question, so an `_` or `*` in it has nothing to pair with', () => {
    const server = { platform: 'slack', server: 'T-home' } as const;
    for (const question of ['is _foo a bar', 'what about *stars here']) {
      expect(pack.core.ask(question, { scope: { ...server, channel: 'C1' } }).kind).toBe('no-match');
    }
    const noMatch = pack.core.answers.noMatchReport(10, server);
    const texts = sectionTexts(toSlackHome([], pack.core.documents(), { noMatch, noMatchLeftOut: 0, stale: [], notPublic: [] }).blocks as KnownBlock[]);
    const lines = texts.find((text) => text.startsWith('• '))?.split('\n') ?? [];
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const entry = noMatch.find((e) => line.includes(e.question));
      expect(entry, line).toBeDefined();
      expect(line.startsWith(`• *${entry?.count}×* ${entry?.question}`)).toBe(true);
      // Everything the line adds after the question is plain: no `_` to end the italics the question opened.
      expect(line.slice(line.indexOf(entry?.question ?? '') + (entry?.question.length ?? 0))).not.toMatch(/[_*~`]/);
    }
  });
});

describe('the App Home tab with more pins than it holds', () => {
  it('keeps the documents listed and says how many pins it left out', () => {
    const server = { platform: 'slack', server: 'T-many' } as const;
    const answer = pack.core.ask('When must the parties complete discovery?');
    expect(answer.kind).toBe('excerpts');
    for (let i = 0; i < 60; i++) {
      const question = `When must the parties complete discovery under the scheduling order, asked in channel ${i}?`;
      pack.core.pins.pin({ scope: { ...server, channel: `C${i}` }, question, answer, pinnedBy: 'U1' });
    }
    const pins = pack.core.pins.list(server);
    expect(pins).toHaveLength(60);
    const view = toSlackHome(pins, pack.core.documents());
    const blocks = view.blocks as KnownBlock[];
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerView);
    expect(blockTextLength(blocks)).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
    const texts = sectionTexts(blocks);
    const shown = texts.filter((text) => text.includes('asked in channel')).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
    expect(texts).toContain('Notice of Appearance\nother · 2024-02-02 · 1 passage');
    expect(texts).toContain('Scheduling Order\norder · 2024-03-01 · 2 passages');
    expect(JSON.stringify(blocks)).toContain(`…and ${60 - shown} more pinned answers.`);
  });
});
