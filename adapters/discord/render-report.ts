import type { Pin } from './core.js';
import { escapeAsked, escapeText } from './escape.js';
import { DISCORD_LIMITS } from './limits.js';
import { mayRead, type Reader } from './reader.js';
import { COLORS, EPHEMERAL_FLAG, packBlocks, pinLine, STALE_PIN_NOTE, unpinRows, type DiscordMessage } from './render.js';
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
  /** Stale pins listed (and given Unpin buttons) at most. */
  limit?: number;
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
 * server's, or (to a moderator who is no Administrator) only this channel's, with how many were left out.
 */
function gapBlocks(gaps: readonly GapEntry[], reader: Reader, leftOut: number): string[] {
  const where = reader.everyChannel ? 'in this server' : 'in this channel';
  const elsewhere = leftOut > 0 ? [gapsElsewhere(leftOut)] : [];
  if (gaps.length === 0) return [`**Questions that got no match** ${where}: none yet.`, ...elsewhere];
  const lines = gaps.map(
    (gap, i) =>
      `**${i + 1}.** ${gap.count}× ${escapeAsked(truncate(oneLine(gap.question), 200))} · last asked ${escapeText(gap.lastAsked.slice(0, 10))}` +
      neverUses(gap.missingWords ?? []),
  );
  const head = `**Questions that got no match** ${where}, most asked first. Documents that answer them are the ones to add next:`;
  return [head, ...lines, ...elsewhere];
}

function staleBlocks(stale: readonly Pin[], limit: number, reader: Reader): string[] {
  if (stale.length === 0) return ['**Stale pins in this server**: none. Every pinned quote still matches its source.'];
  const lines = stale.slice(0, limit).map((pin, i) => pinLine(pin, i + 1, mayRead(reader, pin.scope.channel)));
  const blocks = ['**Stale pins in this server**:', ...lines];
  if (stale.length > limit) blocks.push(`…and ${stale.length - limit} more.`);
  blocks.push(STALE_PIN_NOTE);
  return blocks;
}

/**
 * /report for moderators: the questions that most often got no match (what documents to add) and the
 * server's stale pins, with Unpin buttons for those; only the questions `reader` may read. Private; every
 * Discord limit holds (packBlocks).
 */
export function toReportMessage(gaps: readonly GapEntry[], stale: readonly Pin[], options: ReportRenderOptions): DiscordMessage[] {
  const limit = options.limit ?? 20;
  const messages = packBlocks([...gapBlocks(gaps, options.reader, options.gapsLeftOut ?? 0), ...staleBlocks(stale, limit, options.reader)], {
    title: REPORT_TITLE,
    color: stale.length > 0 ? COLORS.stale : COLORS.none,
    flags: EPHEMERAL_FLAG,
  });
  const last = messages[messages.length - 1];
  if (last) last.components = unpinRows(stale.slice(0, limit), DISCORD_LIMITS.actionRows * DISCORD_LIMITS.buttonsPerRow);
  return messages;
}
