import type { types } from '@slack/bolt';
import type { Answer, Excerpt } from '../../src/index.js';
import { ACTION_IDS, encodeButtonValue, type SlackButton } from './actions.js';
import { SLACK_LIMITS } from './limits.js';
import { blockQuote, boldHighlights, escapeMrkdwn, link, truncate } from './mrkdwn.js';

export { SLACK_LIMITS } from './limits.js';

export type KnownBlock = types.KnownBlock;

/** A Slack message body: `text` is the notification fallback, `blocks` what people see. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderedAnswer extends SlackMessage {
  /** How many excerpts made it into the message (the rest are left for the More button). */
  shown: number;
}

export interface SlackRenderOptions {
  /** Id from `core.answers.remember`; without it no buttons are rendered. */
  answerId?: string;
  /** Index of the answer's first excerpt among all excerpts for the question (More continues after). */
  offset?: number;
  /** Which buttons to offer, in this order. */
  buttons?: readonly SlackButton[];
  /** The answer came from Find sources (buttons re-run that, not a question). */
  source?: 'sources';
  /** A Slack user id to credit ("shared by"); rendered as a mention of that user only. */
  sharedBy?: string;
}

const BUTTON_LABELS: Record<SlackButton, string> = {
  share: 'Share to channel',
  more: 'More',
  context: 'Context',
  pin: '📌 Pin',
};

export const NO_MATCH_TEXT = "I couldn't find that in the case documents.";
export const STALE_PIN_TEXT =
  '⚠️ A source document changed since this answer was pinned: the quote may no longer match. Ask a moderator to re-pin it.';

/**
 * Renders the core's Answer as Block Kit. Pure: the same answer gives the same blocks.
 * Excerpts are added whole while they fit Slack's limits; the first one is always shown (cut
 * inside its own section only if it alone exceeds the section limit).
 */
export function toSlackBlocks(answer: Answer, options: SlackRenderOptions = {}): RenderedAnswer {
  const offset = options.offset ?? 0;
  const budget = new Budget();
  const head: KnownBlock[] = [];
  head.push(contextBlock(`🔎 ${escapeMrkdwn(truncate(oneLine(answer.question), 280))}`));
  if (options.sharedBy !== undefined && /^[UW][A-Z0-9]+$/.test(options.sharedBy)) {
    head.push(contextBlock(`Shared by <@${options.sharedBy}>`));
  }
  if (answer.pinned !== undefined) {
    head.push(contextBlock('📌 *Pinned answer*'));
    if (answer.pinned.stale) head.push(sectionBlock(STALE_PIN_TEXT));
  }

  if (answer.kind === 'no-match') {
    const blocks = [...head, sectionBlock(NO_MATCH_TEXT)];
    const suggestions = answer.suggestions.slice(0, 10).map((s) => `• ${escapeMrkdwn(truncate(oneLine(s), 200))}`);
    if (suggestions.length > 0) blocks.push(sectionBlock(`*Try asking:*\n${suggestions.join('\n')}`));
    return { text: NO_MATCH_TEXT, blocks, shown: 0 };
  }

  const actions = actionsBlock(answer, options, offset);
  const reserved = actions === undefined ? [] : [actions];
  budget.add([...head, ...reserved]);
  const body: KnownBlock[] = [];
  let shown = 0;
  for (const excerpt of answer.excerpts) {
    const blocks = excerptBlocks(excerpt);
    if (shown > 0 && !budget.fits(blocks)) break;
    budget.add(blocks);
    body.push(...blocks);
    shown += 1;
  }
  const finalActions = shown < answer.excerpts.length ? actionsBlock(answer, options, offset, shown) : actions;
  const blocks = [...head, ...body, ...(finalActions === undefined ? [] : [finalActions])];
  return { text: fallbackText(answer.excerpts[0]), blocks, shown };
}

/** A short notice (refusals, apologies, hints): one escaped section. */
export function toSlackNotice(text: string): SlackMessage {
  const safe = escapeMrkdwn(truncate(text, SLACK_LIMITS.sectionText));
  return { text: truncate(safe, SLACK_LIMITS.fallbackText), blocks: [sectionBlock(safe)] };
}

/** The quote of one excerpt plus its citation: always two blocks, never split. */
export function excerptBlocks(excerpt: Excerpt): KnownBlock[] {
  return [sectionBlock(quoteText(excerpt)), contextBlock(citationText(excerpt.citation))];
}

/** Block-quoted excerpt with bold matches, cut inside the quote only if Slack's section limit forces it. */
export function quoteText(excerpt: Excerpt): string {
  let length = excerpt.quote.length;
  for (;;) {
    const cut = length < excerpt.quote.length;
    const quote = excerpt.quote.slice(0, length);
    const highlights = excerpt.highlights.filter(([, end]) => end <= length);
    const text = blockQuote(
      `${excerpt.elidedStart ? '…' : ''}${boldHighlights(quote, highlights)}${excerpt.elidedEnd || cut ? '…' : ''}`,
    );
    if (text.length <= SLACK_LIMITS.sectionText) return text;
    length = Math.floor(length * 0.8);
  }
}

/** "📄 <url|Title> · ¶ 42, p. 12 · 2024-05-01" */
export function citationText(citation: Excerpt['citation']): string {
  const parts = [`📄 ${link(citation.url, truncate(citation.title, 300))}`, escapeMrkdwn(truncate(citation.label, 200))];
  if (citation.date !== undefined) parts.push(escapeMrkdwn(truncate(citation.date, 40)));
  return truncate(parts.join(' · '), SLACK_LIMITS.sectionText);
}

function actionsBlock(
  answer: Extract<Answer, { kind: 'excerpts' }>,
  options: SlackRenderOptions,
  offset: number,
  shown = answer.excerpts.length,
): KnownBlock | undefined {
  const { answerId } = options;
  if (answerId === undefined || !options.buttons?.length) return undefined;
  const first = answer.excerpts[0];
  const elements: types.Button[] = [];
  const source = options.source === undefined ? {} : { source: options.source };
  for (const kind of options.buttons) {
    const value = encodeButtonValue(
      kind === 'more'
        ? { answerId, offset: offset + shown, ...source }
        : kind === 'context' && first !== undefined
          ? { answerId, offset, passageId: first.passageId, ...source }
          : { answerId, offset, ...source },
    );
    if (value === undefined) continue;
    elements.push({
      type: 'button',
      action_id: ACTION_IDS[kind],
      text: { type: 'plain_text', text: BUTTON_LABELS[kind], emoji: true },
      value,
    });
  }
  return elements.length === 0 ? undefined : { type: 'actions', elements };
}

function fallbackText(first: Excerpt | undefined): string {
  if (first === undefined) return NO_MATCH_TEXT;
  const label = first.citation.label === '' ? first.citation.title : `${first.citation.title}, ${first.citation.label}`;
  return escapeMrkdwn(truncate(`“${truncate(oneLine(first.quote), 200)}” (${label})`, SLACK_LIMITS.fallbackText));
}

export function sectionBlock(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } };
}

export function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) }] };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Counts blocks and characters of block text against the per-message limits. */
export class Budget {
  private blocks = 0;
  private chars = 0;

  constructor(
    private readonly maxBlocks: number = SLACK_LIMITS.blocksPerMessage,
    private readonly maxChars: number = SLACK_LIMITS.totalText,
  ) {}

  fits(blocks: readonly KnownBlock[]): boolean {
    return this.blocks + blocks.length <= this.maxBlocks && this.chars + blockTextLength(blocks) <= this.maxChars;
  }

  add(blocks: readonly KnownBlock[]): void {
    this.blocks += blocks.length;
    this.chars += blockTextLength(blocks);
  }
}

/** Characters of visible text in blocks (section/context/header text and button labels). */
export function blockTextLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  for (const block of blocks) {
    if (block.type === 'section' && block.text) total += block.text.text.length;
    if (block.type === 'header') total += block.text.text.length;
    if (block.type === 'context') {
      for (const element of block.elements) if ('text' in element) total += element.text.length;
    }
    if (block.type === 'actions') {
      for (const element of block.elements) if (element.type === 'button') total += element.text.text.length;
    }
  }
  return total;
}
