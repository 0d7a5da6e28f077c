import type { types } from '@slack/bolt';
import { type Answer, type Excerpt, missingWordsSentence, type PinnedExcerpt } from '../../src/index.js';
import { ACTION_IDS, encodeButtonValue, VOTE_ACTION_IDS, type SlackButton, type Vote } from './actions.js';
import { SLACK_LIMITS } from './limits.js';
import { blockQuote, boldHighlights, escapeMrkdwn, link, truncateMrkdwn } from './mrkdwn.js';
import { splitsCharacter, truncate } from '../cut-text.js';

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
  /** Id from `core.answers.remember`; without it no buttons (not even 👍 / 👎) are rendered. */
  answerId?: string;
  /** Index of the answer's first excerpt among all excerpts for the question (More continues after). */
  offset?: number;
  /** Which buttons to offer, in this order. */
  buttons?: readonly SlackButton[];
  /** The answer came from Find sources (buttons re-run that, not a question). */
  source?: 'sources';
  /**
   * Who posted the answer to the channel and how ("Shared by alice", "Pinned by bob"). By name, not as a
   * mention: a mention notifies the person it names, and Slack has no mention that does not.
   */
  postedBy?: { verb: 'Shared' | 'Pinned'; name: string | undefined };
  /** 👍 / 👎 under the quotes; on by default whenever there is an `answerId`. */
  votes?: boolean;
  /**
   * Whether quotes are left after this page (see page.ts). False: More is offered only for the quotes Slack's limits
   * kept out of this message, so the last page has no More that could only say there is nothing more.
   */
  hasMore?: boolean;
}

const BUTTON_LABELS: Record<SlackButton, string> = {
  share: 'Share to channel',
  more: 'More',
  context: 'Context',
  pin: '📌 Pin',
};

const VOTE_LABELS: Record<Vote, string> = { up: '👍', down: '👎' };

const NO_MATCH_TEXT = "I couldn't find that in the case documents.";
const STALE_PIN_TEXT =
  '⚠️ A source document changed since this answer was pinned: the quote may no longer match. Ask a moderator to re-pin it.';

/**
 * Renders the core's Answer as Block Kit. Pure: the same answer gives the same blocks.
 * A pinned answer's own quotes come first, then the fresh excerpts (without repeating a pinned quote).
 * Quotes are added whole while they fit Slack's limits; the first one is always shown (cut
 * inside its own section only if it alone exceeds the section limit).
 */
export function toSlackBlocks(answer: Answer, options: SlackRenderOptions = {}): RenderedAnswer {
  const offset = options.offset ?? 0;
  const head: KnownBlock[] = [];
  head.push(contextBlock(`🔎 ${escapeMrkdwn(truncate(oneLine(answer.question), 280))}`));
  const poster = oneLine(options.postedBy?.name ?? '');
  if (options.postedBy !== undefined && poster !== '') {
    head.push(contextBlock(`${options.postedBy.verb} by ${escapeMrkdwn(truncate(poster, 80))}`));
  }
  const pinned = answer.pinned;
  if (pinned !== undefined) {
    head.push(contextBlock('📌 *Pinned answer*'));
    if (pinned.stale) head.push(sectionBlock(STALE_PIN_TEXT));
  }
  const pinnedQuotes = (pinned?.excerpts ?? []).map(fromPinned);
  const fresh = answer.kind === 'excerpts' ? answer.excerpts : [];

  if (answer.kind === 'no-match' && pinnedQuotes.length === 0) {
    const blocks = [...head, sectionBlock(NO_MATCH_TEXT)];
    const missing = missingWordsSentence(answer.missingWords ?? [], (word) => `“${escapeMrkdwn(truncate(oneLine(word), 60))}”`);
    if (missing) blocks.push(sectionBlock(missing));
    const suggestions = answer.suggestions.slice(0, 10).map((s) => `• ${escapeMrkdwn(truncate(oneLine(s), 200))}`);
    if (suggestions.length > 0) blocks.push(sectionBlock(`*Try asking:*\n${suggestions.join('\n')}`));
    return { text: NO_MATCH_TEXT, blocks, shown: 0 };
  }

  // Buttons that re-run the question only make sense when the question itself found excerpts.
  const navigation = answer.kind === 'excerpts';
  const focus = fresh[0] ?? pinnedQuotes[0];
  const actionsFor = (shown: number, more = shown < fresh.length || options.hasMore !== false) =>
    actionsBlock(options, { offset, next: offset + shown, passageId: focus?.passageId, navigation, more });
  const actions = actionsFor(fresh.length);
  // Counted with More, which a page cut short gets back.
  const widest = actionsFor(fresh.length, true);
  const budget = new Budget();
  budget.add([...head, ...(widest === undefined ? [] : [widest])]);
  let forced = true;
  const take = (blocks: KnownBlock[]): boolean => {
    if (!forced && !budget.fits(blocks)) return false;
    forced = false;
    budget.add(blocks);
    return true;
  };

  const body: KnownBlock[] = [];
  for (const quote of pinnedQuotes) {
    const blocks = excerptBlocks(quote);
    if (!take(blocks)) break;
    body.push(...blocks);
  }
  const repeatsPin = (excerpt: Excerpt) =>
    pinnedQuotes.some((quote) => quote.passageId === excerpt.passageId && quote.quote === excerpt.quote);
  let shown = 0;
  for (const excerpt of fresh) {
    if (repeatsPin(excerpt)) {
      shown += 1;
      continue;
    }
    const blocks = excerptBlocks(excerpt);
    if (!take(blocks)) break;
    body.push(...blocks);
    shown += 1;
  }
  const finalActions = shown < fresh.length ? actionsFor(shown) : actions;
  const blocks = [...head, ...body, ...(finalActions === undefined ? [] : [finalActions])];
  return { text: fallbackText(fresh[0] ?? pinnedQuotes[0]), blocks, shown };
}

/** A short notice (refusals, apologies, hints): one escaped section. */
export function toSlackNotice(text: string): SlackMessage {
  const safe = escapeMrkdwn(truncate(text, SLACK_LIMITS.sectionText));
  return { text: truncateMrkdwn(safe, SLACK_LIMITS.fallbackText), blocks: [sectionBlock(safe)] };
}

/** The quote of one excerpt plus its citation: always two blocks, never split. */
export function excerptBlocks(excerpt: Excerpt): KnownBlock[] {
  return [sectionBlock(quoteText(excerpt)), contextBlock(citationText(excerpt.citation))];
}

/** Block-quoted excerpt with bold matches, cut inside the quote only if Slack's section limit forces it. */
function quoteText(excerpt: Excerpt): string {
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
    // Never between the two halves of an emoji: Slack would show "�".
    if (splitsCharacter(excerpt.quote, length)) length -= 1;
  }
}

/** "📄 <url|Title> · complaint · ¶ 42, p. 12 · 2024-05-01": the kind tells an allegation from a finding. */
export function citationText(citation: Excerpt['citation']): string {
  const parts = [`📄 ${link(citation.url, truncate(citation.title, 300))}`];
  if (citation.kind !== undefined) parts.push(escapeMrkdwn(truncate(citation.kind, 40)));
  parts.push(escapeMrkdwn(truncate(citation.label, 200)));
  if (citation.date !== undefined) parts.push(escapeMrkdwn(truncate(citation.date, 40)));
  return truncateMrkdwn(parts.join(' · '), SLACK_LIMITS.sectionText);
}

/** A pinned quote as an excerpt: verbatim, no highlights (the pin was made for another wording). */
function fromPinned(quote: PinnedExcerpt): Excerpt {
  return {
    quote: quote.quote,
    passageId: quote.passageId,
    citation: quote.citation,
    score: 0,
    start: 0,
    elidedStart: false,
    elidedEnd: false,
    highlights: [],
  };
}

interface ActionState {
  offset: number;
  /** Offset of the first excerpt not shown (the More button). */
  next: number;
  /** The passage the Context button shows. */
  passageId: string | undefined;
  /** Offer the buttons that re-run the question (Share, More, Context, Pin). */
  navigation: boolean;
  /** Offer More: quotes are left to show. */
  more: boolean;
}

/** The answer's buttons, then 👍 / 👎; never more than an actions block holds. */
function actionsBlock(options: SlackRenderOptions, state: ActionState): KnownBlock | undefined {
  const { answerId } = options;
  if (answerId === undefined) return undefined;
  const elements: types.Button[] = [];
  const source = options.source === undefined ? {} : { source: options.source };
  for (const kind of state.navigation ? (options.buttons ?? []) : []) {
    if (kind === 'context' && state.passageId === undefined) continue;
    if (kind === 'more' && !state.more) continue;
    const value = encodeButtonValue(
      kind === 'more'
        ? { answerId, offset: state.next, ...source }
        : kind === 'context' && state.passageId !== undefined
          ? { answerId, offset: state.offset, passageId: state.passageId, ...source }
          : { answerId, offset: state.offset, ...source },
    );
    if (value === undefined) continue;
    elements.push(button(ACTION_IDS[kind], BUTTON_LABELS[kind], value));
  }
  const voteValue = encodeButtonValue({ answerId, offset: state.offset });
  if (options.votes !== false && voteValue !== undefined) {
    for (const vote of Object.keys(VOTE_ACTION_IDS) as Vote[]) {
      elements.push(button(VOTE_ACTION_IDS[vote], VOTE_LABELS[vote], voteValue));
    }
  }
  const allowed = elements.slice(0, SLACK_LIMITS.actionsElements);
  return allowed.length === 0 ? undefined : { type: 'actions', elements: allowed };
}

function button(actionId: string, label: string, value: string): types.Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text: label, emoji: true }, value };
}

function fallbackText(first: Excerpt | undefined): string {
  if (first === undefined) return NO_MATCH_TEXT;
  const label = first.citation.label === '' ? first.citation.title : `${first.citation.title}, ${first.citation.label}`;
  return escapeMrkdwn(truncate(`“${truncate(oneLine(first.quote), 200)}” (${label})`, SLACK_LIMITS.fallbackText));
}

// `verbatim` stops Slack from turning a plain "@channel" or "#general" typed in a question (or written in a
// document) into a mention or a link; the `<…>` links this adapter writes itself still render.
export function sectionBlock(text: string, accessory?: types.Button): KnownBlock {
  const block: types.SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.sectionText), verbatim: true } };
  if (accessory !== undefined) block.accessory = accessory;
  return block;
}

export function contextBlock(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.sectionText), verbatim: true }] };
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

/** Characters of visible text in blocks (section/context/header text and button labels, accessories included). */
export function blockTextLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  for (const block of blocks) {
    if (block.type === 'section' && block.text) total += block.text.text.length;
    if (block.type === 'section' && block.accessory?.type === 'button') total += block.accessory.text.text.length;
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
