import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { type Answer, type Citation, counted, type DocumentSummary, type IndexStats, missingWordsSentence, type PassageView, type Pin } from './core.js';
import { encodeCustomId, type ButtonAction } from './custom-id.js';
import { cutMarkdown } from './cut-markdown.js';
import { escapeAsked, escapeText, formatQuote } from './escape.js';
import { DISCORD_LIMITS, PINPOINT_DISCORD_LIMITS } from './limits.js';
import { mayRead, type Reader } from './reader.js';
import { splitQuote } from './split.js';
import { truncate } from '../cut-text.js';
import { linkableUrl } from '../link-url.js';

/** A message body as Discord's REST API takes it (interaction edits, follow-ups, callbacks). */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

export const EPHEMERAL_FLAG = 64;

export const COLORS = { answer: 0x5865f2, pinned: 0xf1c40f, stale: 0xe67e22, none: 0x99aab5 } as const;

export interface AnswerRenderOptions {
  stats: IndexStats;
  /** Id from `core.answers.remember`; without it no buttons are rendered. */
  answerId?: string;
  /** Index of the first excerpt shown (citations are numbered from offset + 1). */
  offset?: number;
  /** Page size, for the More button's next offset. */
  pageSize?: number;
  /** Whether more excerpts exist after this page. */
  hasMore?: boolean;
  /** The answer is shown only to the asker: offers Share and sets the ephemeral flag. */
  private?: boolean;
  /** Overrides the embed title (default: the question). */
  title?: string;
  /** A Find sources reply: its only button is More, which searches the text again from the next page. */
  sources?: boolean;
  /**
   * False outside a server (a DM): pins belong to a server's channels, and Share would only post the answer into
   * the same DM, so neither button is offered.
   */
  inServer?: boolean;
}

/** Allowed mentions for every message this bot sends: nobody is ever pinged. */
const NO_MENTIONS = { parse: [] as [] } as const;

/** Only plain http(s) links of a sane length are shown, wrapped in <> so Discord shows no preview. */
function safeLink(url: string | undefined): string | undefined {
  const href = linkableUrl(url);
  if (href === undefined || href.length > PINPOINT_DISCORD_LIMITS.linkChars) return undefined;
  return `<${href}>`;
}

/** "**[1]** Title · complaint · 2024-01-05 · ¶ 3 · <https://…>", each part capped so the quote keeps its room. */
function formatCitation(label: string, citation: Citation): string {
  const { citationText, citationTag } = PINPOINT_DISCORD_LIMITS;
  const parts = [`**[${label}]** ${escapeText(truncate(citation.title, citationText))}`];
  if (citation.kind) parts.push(escapeText(truncate(citation.kind, citationTag)));
  if (citation.date) parts.push(escapeText(truncate(citation.date, citationTag)));
  if (citation.label) parts.push(escapeText(truncate(citation.label, citationText)));
  const link = safeLink(citation.url);
  if (link) parts.push(link);
  return parts.join(' · ');
}

export function footerText(stats: IndexStats): string {
  const when = stats.indexedAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  return truncate(`${counted(stats.documents, 'document')} indexed · ${counted(stats.passages, 'passage')} · updated ${when}`, DISCORD_LIMITS.footerText);
}

/** A quote (with elision marks) and its citation, labelled "1" or "📌", split into blocks that each fit `budget`. */
function excerptBlocks(
  label: string,
  quote: string,
  highlights: readonly (readonly [number, number])[],
  citation: Citation,
  elided: { start: boolean; end: boolean },
  budget: number,
): string[] {
  const prefix = elided.start ? '…' : '';
  const text = `${prefix}${quote}${elided.end ? '…' : ''}`;
  const shifted = highlights.map(([s, e]): [number, number] => [s + prefix.length, e + prefix.length]);
  // Never more than half the block, so the quote always has room (its pieces vanish at a budget of 0).
  const cite = cutMarkdown(formatCitation(label, citation), Math.floor(budget / 2));
  const pieces = splitQuote(text, shifted, budget - cite.length - 1);
  return pieces.map((p, i) => {
    const quoted = formatQuote(p.text, p.highlights);
    return i === pieces.length - 1 ? `${quoted}\n${cite}` : quoted;
  });
}

function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

interface PackOptions {
  title: string;
  color: number;
  footer?: string;
  timestamp?: string;
  flags?: number;
}

/** Largest description a block may need, leaving room for the title and footer in the 6000 total. */
function blockBudget(options: Pick<PackOptions, 'title' | 'footer'>): number {
  const title = Math.min(options.title.length, DISCORD_LIMITS.embedTitle);
  const footer = options.footer?.length ?? 0;
  return Math.min(DISCORD_LIMITS.embedDescription, DISCORD_LIMITS.embedTotal - title - footer);
}

/**
 * Packs blocks (each already within `blockBudget`) into embeds and messages within every limit:
 * description 4096, 10 embeds and 6000 characters per message. A block over the budget anyway is cut as markdown.
 */
export function packBlocks(blocks: string[], options: PackOptions): DiscordMessage[] {
  const descriptions: string[] = [];
  let current = '';
  const budget = blockBudget(options);
  for (const block of blocks) {
    const joined = current === '' ? block : `${current}\n\n${block}`;
    if (joined.length <= budget) current = joined;
    else {
      if (current !== '') descriptions.push(current);
      current = cutMarkdown(block, budget);
    }
  }
  if (current !== '' || descriptions.length === 0) descriptions.push(current);

  const title = cutMarkdown(options.title, DISCORD_LIMITS.embedTitle);
  const embeds: APIEmbed[] = descriptions.map((description, i) => {
    const embed: APIEmbed = { color: options.color };
    if (i === 0) embed.title = title;
    if (description !== '') embed.description = description;
    if (i === descriptions.length - 1 && options.footer) {
      embed.footer = { text: options.footer };
      if (options.timestamp) embed.timestamp = options.timestamp;
    }
    return embed;
  });

  const messages: DiscordMessage[] = [];
  let group: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const s = embedSize(embed);
    if (group.length > 0 && (group.length === DISCORD_LIMITS.embedsPerMessage || size + s > DISCORD_LIMITS.embedTotal)) {
      messages.push(message(group, options.flags));
      group = [];
      size = 0;
    }
    group.push(embed);
    size += s;
  }
  messages.push(message(group, options.flags));
  return messages;
}

function message(embeds: APIEmbed[], flags: number | undefined): DiscordMessage {
  const msg: DiscordMessage = { embeds, components: [], allowed_mentions: NO_MENTIONS };
  if (flags !== undefined) msg.flags = flags;
  return msg;
}

export function button(label: string, action: ButtonAction, style = 2, emoji?: string): APIButtonComponentWithCustomId {
  const b: APIButtonComponentWithCustomId = { type: 2, style, label, custom_id: encodeCustomId(action) };
  if (emoji) b.emoji = { name: emoji };
  return b;
}

/** An emoji-only button (the votes): Discord accepts a button with an emoji and no label. */
function emojiButton(emoji: string, action: ButtonAction): APIButtonComponentWithCustomId {
  return { type: 2, style: 2, emoji: { name: emoji }, custom_id: encodeCustomId(action) };
}

/** Buttons in rows of at most 5, and at most 5 rows (Discord's limits). */
export function rowsOf(buttons: APIButtonComponentWithCustomId[]): DiscordMessage['components'] {
  const rows: DiscordMessage['components'] = [];
  for (let i = 0; i < buttons.length; i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: 1, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows.slice(0, DISCORD_LIMITS.actionRows);
}

/** "Unpin 1", "Unpin 2"… numbered like the list above them, from `first` (moderators only). */
export function unpinButtons(pins: readonly Pin[], max: number = DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow, first = 1): APIButtonComponentWithCustomId[] {
  return pins.slice(0, max).map((pin, i) => button(`Unpin ${first + i}`, { action: 'unpin', pinId: pin.id }, 4));
}

export function unpinRows(pins: readonly Pin[], max?: number): DiscordMessage['components'] {
  return rowsOf(unpinButtons(pins, max));
}

function answerButtons(answer: Answer, options: AnswerRenderOptions): DiscordMessage['components'] {
  const id = options.answerId;
  if (!id) return [];
  const offset = options.offset ?? 0;
  const pageSize = options.pageSize ?? 3;
  const hasExcerpts = answer.kind === 'excerpts' || answer.pinned !== undefined;
  if (!hasExcerpts) return [];
  if (options.sources) {
    return options.hasMore ? rowsOf([button('More', { action: 'sources', answerId: id, offset: offset + pageSize }, 1)]) : [];
  }
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (options.hasMore) buttons.push(button('More', { action: 'more', answerId: id, offset: offset + pageSize }, 1));
  buttons.push(button('Context', { action: 'context', answerId: id, offset }));
  const inServer = options.inServer !== false;
  if (options.private && inServer) buttons.push(button('Share', { action: 'share', answerId: id, offset }));
  const pinnable = inServer && (!answer.pinned || answer.pinned.stale);
  if (pinnable) buttons.push(button('Pin', { action: 'pin', answerId: id, offset }, 2, '📌'));
  // The votes get their own row: with More, Context, Share and Pin one row would need 6 of its 5 places.
  const votes = [emojiButton('👍', { action: 'up', answerId: id, offset }), emojiButton('👎', { action: 'down', answerId: id, offset })];
  return [
    { type: 1, components: buttons.slice(0, DISCORD_LIMITS.buttonsPerRow) },
    { type: 1, components: votes },
  ];
}

/** What a pinned quote is labelled with in place of a number. */
const PIN_LABEL = '📌';

function pinHeader(pin: Pin): string[] {
  const day = pin.pinnedAt.slice(0, 10);
  const lines = [`📌 **Pinned answer**: chosen by the moderators of this server on ${escapeText(day)}.`];
  if (pin.stale) {
    lines.push(
      '⚠️ **The documents changed since this was pinned**: a quote may no longer match its source. ' +
        'Check the citations; a moderator can pin a fresh answer.',
    );
  }
  return [lines.join('\n')];
}

/**
 * The core's Answer as Discord messages: block-quoted excerpts with the matched words in bold,
 * numbered citations, a footer with the index size and time, and buttons on the last message.
 * Pure: same input, same output; every limit in DISCORD_LIMITS holds for every message.
 */
export function toDiscordMessage(answer: Answer, options: AnswerRenderOptions): DiscordMessage[] {
  const footer = footerText(options.stats);
  const pinned = answer.pinned;
  const titleText = options.title ?? (pinned ? `📌 ${answer.question}` : answer.question);
  const title = escapeAsked(titleText);
  const budget = blockBudget({ title, footer });
  const blocks: string[] = [];
  const offset = options.offset ?? 0;
  const shown = new Set<string>();

  if (pinned) {
    blocks.push(...pinHeader(pinned));
    for (const excerpt of pinned.excerpts) {
      shown.add(`${excerpt.passageId}\u0000${excerpt.quote}`);
      blocks.push(...excerptBlocks(PIN_LABEL, excerpt.quote, [], excerpt.citation, { start: false, end: false }, budget));
    }
  }
  if (answer.kind === 'excerpts') {
    answer.excerpts.forEach((excerpt, i) => {
      if (shown.has(`${excerpt.passageId}\u0000${excerpt.quote}`)) return;
      const elided = { start: excerpt.elidedStart, end: excerpt.elidedEnd };
      // Numbered by its place in the answer, as More numbers the next page from its offset: pinned quotes take no
      // number, or the next page would repeat the last ones of this one.
      blocks.push(...excerptBlocks(String(offset + i + 1), excerpt.quote, excerpt.highlights, excerpt.citation, elided, budget));
    });
  } else if (!pinned) {
    blocks.push(...noMatchBlocks(answer, budget));
  }

  const color = pinned ? (pinned.stale ? COLORS.stale : COLORS.pinned) : answer.kind === 'excerpts' ? COLORS.answer : COLORS.none;
  const messages = packBlocks(blocks, {
    title,
    color,
    footer,
    timestamp: options.stats.indexedAt,
    ...(options.private ? { flags: EPHEMERAL_FLAG } : {}),
  });
  const last = messages[messages.length - 1];
  if (last) last.components = answerButtons(answer, options);
  return messages;
}

function noMatchBlocks({ question, suggestions, missingWords = [] }: Extract<Answer, { kind: 'no-match' }>, budget: number): string[] {
  const missing = missingWordsSentence(missingWords, (word) => `“${escapeAsked(truncate(word, 60))}”`);
  const blocks = [
    cutMarkdown(
      `Nothing in the case documents answers “${escapeAsked(truncate(question, 300))}”. ` +
        (missing || 'Try other words, or ask about something the documents cover.'),
      budget,
    ),
  ];
  if (suggestions.length > 0) {
    const list = suggestions.slice(0, 10).map((s) => `• ${escapeText(truncate(s, 200))}`);
    blocks.push(`**Try one of these:**\n${list.join('\n')}`);
  }
  return blocks;
}

/** The line over the passage a /source reference names, among its neighbours. */
const FOCUS_MARK = '**▶ cited passage**\n';

/** Whole passages (the Context button, /source), each quoted with its citation; `focus` is marked. */
export function toPassagesMessage(
  views: PassageView[],
  options: { stats: IndexStats; title: string; focusId?: string; private?: boolean },
): DiscordMessage[] {
  const footer = footerText(options.stats);
  const title = escapeAsked(options.title);
  const budget = blockBudget({ title, footer });
  const blocks: string[] = [];
  views.forEach((view, i) => {
    const pieces = excerptBlocks(String(i + 1), view.passage.text, [], view.citation, { start: false, end: false }, budget);
    if (options.focusId !== undefined && view.passage.id === options.focusId && views.length > 1) {
      const first = pieces[0];
      // Only where the mark fits: a block over the budget is cut at its end, which holds the citation.
      if (first !== undefined && FOCUS_MARK.length + first.length <= budget) pieces[0] = `${FOCUS_MARK}${first}`;
    }
    blocks.push(...pieces);
  });
  if (blocks.length === 0) blocks.push('No passage to show.');
  return packBlocks(blocks, {
    title,
    color: COLORS.answer,
    footer,
    timestamp: options.stats.indexedAt,
    ...(options.private === false ? {} : { flags: EPHEMERAL_FLAG }),
  });
}

/** /docs: one page of documents, a line each (title, kind, date, passages, link), with More for the next page. */
export function toDocumentsMessage(docs: DocumentSummary[], stats: IndexStats, page: { offset?: number; limit?: number } = {}): DiscordMessage[] {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 20;
  const footer = footerText(stats);
  const title = 'Case documents';
  const budget = blockBudget({ title, footer });
  const shown = docs.slice(offset, offset + limit);
  const { citationText, citationTag } = PINPOINT_DISCORD_LIMITS;
  const lines = shown.map((doc, i) => {
    // Capped as in a citation: a very long title would push its passage count and link out of the line.
    const parts = [`**${offset + i + 1}.** ${escapeText(truncate(doc.title, citationText))}`];
    if (doc.kind) parts.push(escapeText(truncate(doc.kind, citationTag)));
    if (doc.date) parts.push(escapeText(truncate(doc.date, citationTag)));
    parts.push(counted(doc.passages, 'passage'));
    const link = safeLink(doc.url);
    if (link) parts.push(link);
    return cutMarkdown(parts.join(' · '), budget);
  });
  const next = offset + shown.length;
  // Every document stays in reach: More lists the next ones, however many the knowledge folder holds.
  if (shown.length > 0 && shown.length < docs.length) {
    lines.push(`Documents ${offset + 1}–${next} of ${docs.length}.${next < docs.length ? ' Press More for the next ones.' : ''}`);
  }
  if (docs.length === 0) lines.push('No documents are indexed. Add files to the knowledge folder.');
  else if (shown.length === 0) lines.push('The documents changed since this list was shown, and it has no more. Use /docs again.');
  const messages = packBlocks(lines, { title, color: COLORS.answer, footer, timestamp: stats.indexedAt, flags: EPHEMERAL_FLAG });
  const last = messages[messages.length - 1];
  if (last && shown.length > 0 && next < docs.length) last.components = rowsOf([button('More', { action: 'docs', offset: next }, 1)]);
  return messages;
}

/** What a stale pin's ⚠️ means, said once under any list that shows one. */
export const STALE_PIN_NOTE =
  '⚠️ **stale**: the documents changed since it was pinned, so a quote may no longer match its source. ' +
  'Check its citations; a moderator can unpin it or pin a fresh answer.';

/** Said in place of a pin's question the reader may not be allowed to see (see reader.ts). */
export const QUESTION_WITHHELD = '_question shown in its own channel_';

/**
 * One numbered pin line: question (⚠️ stale when it is), quote count, channel and date. `withQuestion`
 * false: the question is left out, for a reader who may not see the pin's channel.
 */
export function pinLine(pin: Pin, n: number, withQuestion = true): string {
  const stale = pin.stale ? ' ⚠️ stale' : '';
  const where = pin.scope.channel ? ` in <#${pin.scope.channel.replace(/\D/g, '')}>` : '';
  const question = withQuestion ? escapeAsked(truncate(pin.question, 200)) : QUESTION_WITHHELD;
  return cutMarkdown(
    `**${n}.** ${question}${stale}\n` +
      `${counted(pin.excerpts.length, 'quote')}${where}, pinned ${escapeText(pin.pinnedAt.slice(0, 10))}`,
    DISCORD_LIMITS.embedDescription,
  );
}

/**
 * /pins: this server's pinned answers, stale ones marked, with Unpin buttons for moderators; the questions of
 * other channels' pins only where `reader` may read them (reader.ts). A page at a time, from `offset`, with More
 * for the next: every pin stays in reach of its Unpin button.
 */
export function toPinsMessage(
  pins: Pin[],
  options: { canUnpin: boolean; reader: Reader; offset?: number; limit?: number; buttons?: number },
): DiscordMessage[] {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? 20;
  const shownPins = pins.slice(offset, offset + limit);
  const next = offset + shownPins.length;
  const lines = shownPins.map((pin, i) => pinLine(pin, offset + i + 1, mayRead(options.reader, pin.scope.channel)));
  if (shownPins.length > 0 && shownPins.length < pins.length) {
    lines.push(`Pins ${offset + 1}–${next} of ${pins.length}.${next < pins.length ? ' Press More for the next ones.' : ''}`);
  }
  if (pins.length === 0) lines.push('No answers are pinned in this server yet. Moderators can press 📌 Pin under an answer.');
  else if (shownPins.length === 0) lines.push('The pins changed since this list was shown, and it has no more. Use /pins again.');
  if (shownPins.some((pin) => pin.stale)) lines.push(STALE_PIN_NOTE);
  const messages = packBlocks(lines, { title: 'Pinned answers', color: COLORS.pinned, flags: EPHEMERAL_FLAG });
  const last = messages[messages.length - 1];
  if (!last) return messages;
  const more = next < pins.length ? [button('More', { action: 'pins', offset: next }, 1)] : [];
  // More takes a row of its own, so the Unpin buttons get one row fewer.
  const room = (DISCORD_LIMITS.actionRows - (more.length > 0 ? 1 : 0)) * DISCORD_LIMITS.buttonsPerRow;
  const unpins = options.canUnpin ? rowsOf(unpinButtons(shownPins, Math.min(options.buttons ?? room, room), offset + 1)) : [];
  last.components = [...unpins, ...(more.length > 0 ? rowsOf(more) : [])];
  return messages;
}

/** A short plain notice (refusals, apologies, confirmations). */
export function toNotice(text: string, options: { private?: boolean } = {}): DiscordMessage {
  const msg: DiscordMessage = {
    content: truncate(text, DISCORD_LIMITS.content),
    embeds: [],
    components: [],
    allowed_mentions: NO_MENTIONS,
  };
  if (options.private !== false) msg.flags = EPHEMERAL_FLAG;
  return msg;
}
