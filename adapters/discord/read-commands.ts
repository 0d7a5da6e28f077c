import { isModerator, type HandlerContext } from './handler-context.js';
import { channelOf, option } from './interaction.js';
import { cutMarkdown } from './cut-markdown.js';
import { escapeText } from './escape.js';
import { DISCORD_LIMITS, PINPOINT_DISCORD_LIMITS } from './limits.js';
import { readerOf } from './reader.js';
import { toDocumentsMessage, toPassagesMessage, toPinsMessage } from './render.js';
import { toReportMessage } from './render-report.js';
import { TEXT } from './text.js';
import type { Turn } from './turn.js';

/** /source: the passage a citation names, with its neighbours. */
export async function source(ctx: HandlerContext, turn: Turn): Promise<void> {
  const { core } = ctx;
  const ref = String(option(turn.interaction, 'ref')?.value ?? '').trim();
  await turn.defer(true);
  // A bare label ("para. 2") several documents hold names no passage: ask which, naming each the way /source takes it.
  const { view, choices } = ref === '' ? { view: undefined, choices: [] } : core.findSource(ref);
  if (choices.length > 0) {
    const listed = choices.map((choice) => `• /source ref: ${escapeText(choice)}`).join('\n');
    return turn.edit(cutMarkdown(`Which document? That label is in several:\n${listed}`, DISCORD_LIMITS.content));
  }
  if (!view) {
    return turn.edit(
      'No passage matches that reference. Use a citation from an answer, e.g. "Complaint ¶ 3", or see /docs for the titles.',
    );
  }
  const views = core.context(view.passage.id, PINPOINT_DISCORD_LIMITS.sourceRadius);
  const title = `${view.citation.title} · ${view.citation.label}`;
  await turn.send(toPassagesMessage(views.length > 0 ? views : [view], { stats: core.stats(), title, focusId: view.passage.id }));
}

/** /docs: the documents the bot answers from, a page at a time; its More button asks for the page at `offset`. */
export async function docs(ctx: HandlerContext, turn: Turn, offset = 0): Promise<void> {
  const { core } = ctx;
  await turn.defer(true);
  await turn.send(toDocumentsMessage(core.documents(), core.stats(), { offset, limit: PINPOINT_DISCORD_LIMITS.listItems }));
}

/** /pins: this server's pinned answers, this channel's first, with Unpin buttons for moderators; More asks for `offset`. */
export async function pins(ctx: HandlerContext, turn: Turn, offset = 0): Promise<void> {
  const { core } = ctx;
  const i = turn.interaction;
  if (!i.guild_id) return turn.notice(TEXT.guildOnly);
  await turn.defer(true);
  const list = core.pins.list({ platform: 'discord', server: i.guild_id });
  // Unpin works in a pin's own channel only, so this channel's pins come first: in a server with more pins
  // than the list shows, the old ones of this channel would otherwise be out of every /pins reach.
  const here = channelOf(i);
  const ordered = [...list.filter((p) => p.scope.channel === here), ...list.filter((p) => p.scope.channel !== here)];
  // A member of #general must not read what was pinned in a private channel, but reads what was pinned in its
  // public threads: see reader.ts.
  const reader = readerOf(i);
  const threads = reader.everyChannel ? [] : await ctx.threads.of(here, list.map((p) => p.scope.channel));
  await turn.send(
    toPinsMessage(ordered, { canUnpin: isModerator(i), reader: { ...reader, threads }, offset, limit: PINPOINT_DISCORD_LIMITS.listItems }),
  );
}

/**
 * /report: moderators only, re-checked here because server admins can change who sees the command (and a
 * More button under it can be pressed again later, by then perhaps without the permission). `page`: what a
 * More button asks for, the next questions or the next stale pins.
 */
export async function report(ctx: HandlerContext, turn: Turn, page?: { of: 'gaps' | 'stale'; offset: number }): Promise<void> {
  const { core } = ctx;
  const i = turn.interaction;
  if (!i.guild_id) return turn.notice(TEXT.guildOnlyReport);
  if (!isModerator(i)) return turn.notice(TEXT.notModeratorReport);
  await turn.defer(true);
  const server = { platform: 'discord', server: i.guild_id };
  // A moderator who is no Administrator reads the questions asked in this channel and its public threads only
  // (Discord shows those to everyone who sees the channel; a private thread only to its members): see reader.ts.
  const reader = readerOf(i);
  const threads = reader.everyChannel ? [] : await ctx.threads.of(reader.channel, core.answers.noMatchChannels(server));
  const channels = [reader.channel, ...threads];
  const readable = reader.everyChannel ? server : { ...server, channels };
  const perPage = PINPOINT_DISCORD_LIMITS.reportQuestions;
  const wantGaps = page?.of !== 'stale';
  const gapsOffset = page?.of === 'gaps' ? page.offset : 0;
  // One more than the page holds, to learn whether More questions has any to show.
  const fetched = wantGaps ? core.answers.noMatchReport(perPage + 1, readable, gapsOffset) : [];
  const gapsLeftOut = reader.everyChannel || page ? 0 : core.answers.noMatchLeftOut(server, channels);
  const stale = page?.of === 'gaps' ? [] : core.pins.listStale(server);
  await turn.send(
    toReportMessage(fetched.slice(0, perPage), stale, {
      reader,
      gapsLeftOut,
      limit: PINPOINT_DISCORD_LIMITS.listItems,
      moreGaps: fetched.length > perPage,
      withThreads: threads.length > 0,
      ...(page ? { page } : {}),
    }),
  );
}
