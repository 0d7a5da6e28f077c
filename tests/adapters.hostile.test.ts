import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../adapters/discord/limits.js';
import { toDiscordMessage, toPassagesMessage, type DiscordMessage } from '../adapters/discord/render.js';
import { blockTextLength, SLACK_LIMITS, toSlackBlocks, type KnownBlock } from '../adapters/slack/render.js';
import { toSlackContext } from '../adapters/slack/render-context.js';
import { answerQuestion } from '../src/answer/answer.js';
import { citationOf } from '../src/answer/citation.js';
import type { IndexStats, PassageView } from '../src/index.js';
import { corpusOfParagraphs } from './helpers/corpus.js';
import { isWellFormed } from './helpers/well-formed.js';

const stats: IndexStats = { documents: 1, passages: 3, indexedAt: '2026-01-02T03:04:05.678Z', knowledgeHash: 'h' };

const HOSTILE = [
  'Netflix', 'read', 'private', 'messages', 'court', '.', '@everyone', '@here', '<@123>', '<@!123>', '<@&456>', '<#789>', '</ask:1>', '<!channel>', '<!here>', '<!subteam^S1|@team>',
  '<https://evil.example|click>', '[click](https://evil.example)', '**', '*', '_', '~~', '`', '```', '||', '\\', '>', '>>>', '# ', '-# ', '- ', '1. ', '&', '&amp;', '&lt;',
  '\n', '\n\n', '🙂', '👨‍👩‍👧', '🇺🇸', 'e\u0301', '\u200B', '\u200D', '\u202E', 'שלום', '＠everyone', '@\u200Beveryone', ' ',
];
const hostileText = fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 300 }).map((parts) => parts.join(' '));

function discordTexts(messages: DiscordMessage[]): string[] {
  return messages.flatMap((m) => [m.content ?? '', ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? ''])]);
}

function slackTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return [block.text?.text ?? ''];
    if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : ''));
    return [];
  });
}

function expectDiscordSafe(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.allowed_mentions).toEqual({ parse: [] });
    let total = 0;
    for (const embed of message.embeds) {
      expect((embed.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      total += (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length;
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    expect(message.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  }
  for (const text of discordTexts(messages)) {
    expect(isWellFormed(text), text).toBe(true);
    expect(text).not.toMatch(/@(?!\u200D)|<(?!\u200D|https?:)(?<!\\<)/);
    expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
  }
}

function expectSlackSafe(blocks: readonly KnownBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
  expect(blockTextLength(blocks)).toBeLessThanOrEqual(SLACK_LIMITS.totalText);
  for (const text of slackTexts(blocks)) {
    expect(isWellFormed(text), text).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    for (const match of text.matchAll(/</g)) expect(text.slice(match.index)).toMatch(/^<https?:\/\/[^\s<>|]+\|[^<>]*>/);
  }
}

describe('hostile documents and questions through rendering', () => {
  it('renders answers over hostile document text inert and within limits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 4 }), hostileText, async (paragraphs, question) => {
        const corpus = await corpusOfParagraphs(paragraphs, paragraphs[0]!.slice(0, 300));
        for (const asked of [question, paragraphs[0]!.slice(0, 200), `What about ${paragraphs[0]!.split(' ').slice(0, 4).join(' ')}?`]) {
          const answer = answerQuestion(corpus, asked, { limit: 5 });
          expectDiscordSafe(toDiscordMessage(answer, { stats, answerId: 'a1', hasMore: true }));
          expectSlackSafe(toSlackBlocks(answer, { answerId: 'a1', buttons: ['share', 'more', 'context', 'pin'] }).blocks);
        }
        // The Context button and /source show whole passages, hostile text and all.
        const views: PassageView[] = corpus.passages.map((passage) => {
          const document = corpus.documents.get(passage.docId)!;
          return { passage, document, citation: citationOf(document, passage) };
        });
        const focus = views[Math.floor(views.length / 2)]?.passage.id ?? 'none';
        expectDiscordSafe(toPassagesMessage(views, { stats, title: `Context: ${question}`, focusId: focus }));
        expectSlackSafe(toSlackContext(views, focus).blocks);
      }),
      { numRuns: Number(process.env.RUNS ?? 60) },
    );
  });
});
