import type { Pin } from './core.js';
import { escapeAsked, escapeText } from './escape.js';
import { DISCORD_LIMITS } from './limits.js';
import { mayRead, type Reader } from './reader.js';
import { button, COLORS, EPHEMERAL_FLAG, packBlocks, pinLine, rowsOf, STALE_PIN_NOTE, unpinButtons, type DiscordMessage } from './render.js';
import { truncate } from '../cut-text.js';

/** One row of the core's no-match report (`core.answers.noMatchReport`). */
export interface GapEntry {
  question: string;
  count: number;
  lastAsked: string;
  /** Words of the question the documents never use. */
  missingWords?: string[];
}

export interface ReportRenderOptions {
  /** Who runs /report: decides which questions they may read. */
  reader: Reader;
  /** Unanswered questions left out of `gaps` because they were asked only in channels `reader` may not read. */
  gapsLeftOut?: number;
  /** Stale pins listed (and given Unpin buttons) on one page at most. */
  limit?: number;
  /** More unanswered questions follow `gaps`: a More questions button lists them. */
  moreGaps?: boolean;
  /** `gaps` hold the questions of this channel's public threads too (for a reader who sees this channel only). */
  withThreads?: boolean;
  /**
   * A next page, asked for by a More button: the unanswered questions `gaps` from the one at `offset`, or the stale
   * pins from `offset`, alone. Default: the first page of both.
   */
  page?: { of: 'gaps' | 'stale'; offset: number };
}

/**
 * Said to a moderator who is no Administrator about the unanswered questions asked in other channels: any of
 * them may come from a private channel the moderator cannot see.
 */
export function gapsElsewhere(count: number): string {
  const questions = count === 1 ? '1 more question' : `${count} more questions`;
  return (
    `${questions} asked in other channels: shown to administrators only, since some may come from channels you ` +
    'cannot see. A server administrator can run /report, or the operator `npm run report`.'
  );
}

export const REPORT_TITLE = 'Gaps and stale pins';

/** A question on one line: a newline would break the numbered list (and could start a heading). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** " · never uses “nickname”": what an alias in pack.yaml could join to the documents' own word. */
function neverUses(words: readonly string[]): string {
  return words.length === 0 ? '' : ` · never uses ${words.map((word) => `“${escapeAsked(truncate(oneLine(word), 60))}”`).join(', ')}`;
}

/**
 * The head and one block per question, so that no block can outgrow an embed whatever was asked. `gaps` are the
 * server's, or (to a moderator who is no Administrator) only this channel's, with how many were left out; they
 * are numbered from `offset` + 1.
 */
function gapBlocks(
  gaps: readonly GapEntry[],
  reader: Reader,
  page: { leftOut: number; offset: number; more: boolean; withThreads: boolean },
): string[] {
  const where = reader.everyChannel ? 'in this server' : page.withThreads ? 'in this channel and its public threads' : 'in this channel';
  const elsewhere = page.leftOut > 0 ? [gapsElsewhere(page.leftOut)] : [];
  if (gaps.length === 0 && page.offset > 0) return [`**Questions that got no match** ${where}: ${LIST_CHANGED}`];
  if (gaps.length === 0) return [`**Questions that got no match** ${where}: none yet.`, ...elsewhere];
  const lines = gaps.map(
    (gap, i) =>
      `**${page.offset + i + 1}.** ${gap.count}× ${escapeAsked(truncate(oneLine(gap.question), 200))} · last asked ${escapeText(gap.lastAsked.slice(0, 10))}` +
      neverUses(gap.missingWords ?? []),
  );
  const head =
    page.offset === 0
      ? `**Questions that got no match** ${where}, most asked first. Documents that answer them are the ones to add next:`
      : `**Questions that got no match** ${where}, from the ${ordinal(page.offset + 1)} most asked:`;
  const next = page.more ? [`Press **${MORE_GAPS}** for the next ones.`] : [];
  return [head, ...lines, ...next, ...elsewhere];
}

/** The server's stale pins from `offset`, `limit` of them, with where the page is in the list. */
function staleBlocks(stale: readonly Pin[], reader: Reader, page: { offset: number; limit: number }): string[] {
  const { offset, limit } = page;
  if (stale.length === 0) return ['**Stale pins in this server**: none. Every pinned quote still matches its source.'];
  const shown = stale.slice(offset, offset + limit);
  if (shown.length === 0) return [`**Stale pins in this server**: ${LIST_CHANGED}`];
  const lines = shown.map((pin, i) => pinLine(pin, offset + i + 1, mayRead(reader, pin.scope.channel)));
  const blocks = ['**Stale pins in this server**:', ...lines];
  const next = offset + shown.length;
  if (shown.length < stale.length) {
    blocks.push(`Stale pins ${offset + 1}–${next} of ${stale.length}.${next < stale.length ? ` Press **${MORE_STALE}** for the next ones.` : ''}`);
  }
  blocks.push(STALE_PIN_NOTE);
  return blocks;
}

const MORE_GAPS = 'More questions';
const MORE_STALE = 'More stale pins';
/** A More pressed on a list that has since shrunk (questions answered, pins unpinned or refreshed). */
const LIST_CHANGED = 'the list changed since it was shown, and has no more. Use /report again.';

/** "11th", "21st", "2nd": where a next page of questions starts. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * /report for moderators: the questions that most often got no match (what documents to add) and the
 * server's stale pins, with Unpin buttons for those; only the questions `reader` may read. Each list a page at a
 * time, with a More button for its next page (`options.page`), so every question and stale pin stays in reach.
 * Private; every Discord limit holds (packBlocks).
 */
export function toReportMessage(gaps: readonly GapEntry[], stale: readonly Pin[], options: ReportRenderOptions): DiscordMessage[] {
  const limit = options.limit ?? 20;
  const page = options.page;
  const gapsOffset = page?.of === 'gaps' ? page.offset : 0;
  const staleOffset = page?.of === 'stale' ? page.offset : 0;
  const showGaps = page?.of !== 'stale';
  const showStale = page?.of !== 'gaps';
  const moreGaps = showGaps && gaps.length > 0 && options.moreGaps === true;
  const shownStale = showStale ? stale.slice(staleOffset, staleOffset + limit) : [];
  const nextStale = staleOffset + shownStale.length;
  const moreStale = shownStale.length > 0 && nextStale < stale.length;
  const gapsPage = { leftOut: page ? 0 : (options.gapsLeftOut ?? 0), offset: gapsOffset, more: moreGaps, withThreads: options.withThreads === true };
  const blocks = [
    ...(showGaps ? gapBlocks(gaps, options.reader, gapsPage) : []),
    ...(showStale ? staleBlocks(stale, options.reader, { offset: staleOffset, limit }) : []),
  ];
  const messages = packBlocks(blocks, {
    title: REPORT_TITLE,
    color: shownStale.length > 0 ? COLORS.stale : COLORS.none,
    flags: EPHEMERAL_FLAG,
  });
  const last = messages[messages.length - 1];
  if (!last) return messages;
  const more = [
    ...(moreGaps ? [button(MORE_GAPS, { action: 'gaps', offset: gapsOffset + gaps.length }, 1)] : []),
    ...(moreStale ? [button(MORE_STALE, { action: 'stale', offset: nextStale }, 1)] : []),
  ];
  // The More buttons take a row of their own, so the Unpin buttons get one row fewer.
  const room = (DISCORD_LIMITS.actionRows - (more.length > 0 ? 1 : 0)) * DISCORD_LIMITS.buttonsPerRow;
  last.components = [...rowsOf(unpinButtons(shownStale, room, staleOffset + 1)), ...rowsOf(more)];
  return messages;
}
