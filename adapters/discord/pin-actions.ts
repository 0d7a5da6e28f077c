import type { DiscordApi } from './api.js';
import { hasAnyPermission, PERMISSIONS } from './commands.js';
import { type Pin, quotesPassagesShown } from './core.js';
import { currentPinMessage, type PinnedMessage } from './current-pin.js';
import { describeError, discordCodeOf, MAX_PINS_REACHED, MISSING_ACCESS, statusOf, UNKNOWN_MESSAGE } from './errors.js';
import { isModerator, type HandlerContext } from './handler-context.js';
import { channelOf, firstMessageIdOf, scopeOf, userOf } from './interaction.js';
import { deletePublicCopy, postPublicCopy, type PostedMessage } from './public-copy.js';
import { EPHEMERAL_FLAG } from './render.js';
import { alreadyPinnedText, TEXT, unpinByHandText, unpinElsewhereText, unpinFailedText } from './text.js';
import type { Turn } from './turn.js';

/** What the answer log remembers of the answer under the Pin button. */
export interface ShownAnswer {
  question: string;
}

/** The Pin button (moderators): pins the answer's Discord message and records the pin in the core. */
export async function pin(ctx: HandlerContext, turn: Turn, remembered: ShownAnswer, answerId: string, offset: number): Promise<void> {
  const i = turn.interaction;
  if (!i.guild_id) return turn.notice(TEXT.guildOnly);
  // Checked at run time: admins can change who sees the commands, not who may pin.
  if (!isModerator(i)) return turn.notice(TEXT.notModerator);
  // Slash commands work in a private channel the bot's role may not see, but a pin there is refused (Missing Access).
  if (i.app_permissions !== undefined && !hasAnyPermission(i.app_permissions, [PERMISSIONS.ViewChannel])) return turn.notice(TEXT.botCannotSee);
  if (i.app_permissions !== undefined && !hasAnyPermission(i.app_permissions, [PERMISSIONS.PinMessages, PERMISSIONS.ManageMessages])) {
    return turn.notice(TEXT.botCannotPin);
  }
  if (!ctx.api.hasToken) return turn.notice(TEXT.noBotToken);
  turn.cutOffNote = TEXT.restartedBeforePin;
  await turn.defer(true);
  // A second press that arrives while the first still posts and pins waits for it, then finds its pin.
  const scope = scopeOf(i);
  await ctx.pinning.run(`${scope.server}/${scope.channel}`, () => pinOnce(ctx, turn, remembered, { answerId, offset }));
}

/** One press of the channel at a time: says so when this page is pinned already, else pins it. */
async function pinOnce(ctx: HandlerContext, turn: Turn, remembered: ShownAnswer, page: { answerId: string; offset: number }): Promise<void> {
  const { question } = remembered;
  const { answerId, offset } = page;
  const { core, api, answerPage } = ctx;
  const i = turn.interaction;
  const scope = scopeOf(i);
  let pinnedAlready: PinnedMessage | undefined;
  try {
    pinnedAlready = await currentPinMessage(ctx, scope, page);
  } catch (error) {
    const refusal = pinRefusal(error);
    if (refusal === undefined) throw error;
    return turn.edit(refusal);
  }
  if (pinnedAlready) {
    const { channelId, messageId } = pinnedAlready;
    return turn.edit(alreadyPinnedText(`https://discord.com/channels/${scope.server}/${channelId}/${messageId}`));
  }
  const { answer, hasMore } = answerPage(question, i, offset, { again: true });
  // The answer is asked again now: after a reload it may quote other passages than the moderator read (and
  // than a public message shows). A page shown before its passages were kept goes unchecked.
  if (!quotesPassagesShown(answer, core.answers.pagePassageIds(answerId, offset))) return turn.edit(TEXT.answerChanged);
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) return turn.edit(TEXT.nothingToPin);

  // The pin records the fresh quotes only, so its message shows them alone: not the earlier pin the answer
  // leads with (its header, stale warning and old quotes).
  const { pinned: earlier, ...fresh } = answer;
  // The first message of a split answer is the one readers see first, so that one gets pinned.
  const here: PostedMessage | undefined =
    i.message && ((i.message.flags ?? 0) & EPHEMERAL_FLAG) === 0
      ? { id: firstMessageIdOf(i.message), channel_id: i.message.channel_id ?? channelOf(i) }
      : undefined;
  // A public message is pinned as it is, unless the earlier pin is stale: the message then shows it (a Pin
  // button is drawn only beside no pin or a stale one) or is its own with the old quotes, so a fresh copy is pinned.
  const shown = earlier?.stale ? undefined : here;
  const copy = shown ? [] : await postPublicCopy(ctx, turn, fresh, { answerId, offset, hasMore });
  const target = shown ?? copy[0];
  if (!target) return turn.edit(TEXT.nothingToPin);
  try {
    await api.pin(target.channel_id, target.id);
  } catch (error) {
    await deletePublicCopy(ctx, turn, copy);
    const refusal = pinRefusal(error);
    if (refusal === undefined) throw error;
    return turn.edit(refusal);
  }
  const messageRef = `${target.channel_id}/${target.id}`;
  let replaced: readonly Pin[];
  try {
    ({ replaced } = core.pins.pin({ scope, question, answer, pinnedBy: userOf(i).id, messageRef, answerId, answerOffset: offset }));
  } catch (error) {
    // Not saved (the state database locked or full): a message pinned without its record would show nothing first
    // and a second press would pin another copy, so the Discord side is undone and the moderator can try again.
    ctx.logger.error({ interaction: i.id, error: describeError(error) }, 'discord: could not save the pin; undoing it on Discord');
    if (copy.length > 0) await deletePublicCopy(ctx, turn, copy);
    else await unpinUnsaved(ctx, messageRef);
    return turn.edit(TEXT.pinNotSaved);
  }
  const earlierLeft = await unpinReplaced(ctx, replaced, messageRef);
  await turn.edit(earlierLeft ? `${TEXT.pinned} ${TEXT.earlierPinLeft}` : TEXT.pinned);
}

/** Best effort: unpins the message of a pin that could not be saved; a failure is only logged. */
async function unpinUnsaved({ api, logger }: HandlerContext, messageRef: string): Promise<void> {
  try {
    if ((await unpinMessage(api, messageRef)) === 'unpinned') return;
  } catch (error) {
    logger.warn({ messageRef, error: describeError(error) }, 'discord: could not unpin the message of a pin that was not saved');
    return;
  }
  logger.warn({ messageRef }, 'discord: could not unpin the message of a pin that was not saved');
}

/** What to tell the moderator when Discord refused the pin; undefined for failures the apology covers. */
function pinRefusal(error: unknown): string | undefined {
  const code = discordCodeOf(error);
  if (code === MISSING_ACCESS) return TEXT.botCannotSee;
  if (statusOf(error) === 403) return TEXT.botCannotPin;
  if (code === MAX_PINS_REACHED) return TEXT.pinLimit;
  if (code === UNKNOWN_MESSAGE) return TEXT.pinnedMessageDeleted;
  return undefined;
}

/**
 * A re-pin replaces the pin record of the same question, but its message stays pinned on Discord until
 * unpinned here. The new pin stands either way; true when an earlier message is still pinned (logged).
 */
async function unpinReplaced({ api, logger }: HandlerContext, replaced: readonly Pin[], messageRef: string): Promise<boolean> {
  let left = false;
  for (const old of replaced) {
    // Pin pressed again on the pinned message itself: the record changed, the message stays pinned.
    if (old.messageRef === messageRef) continue;
    let unpinned = false;
    try {
      unpinned = (await unpinMessage(api, old.messageRef)) === 'unpinned';
    } catch (error) {
      logger.warn({ pinId: old.id, error: describeError(error) }, 'discord: could not unpin the message of the replaced pin');
    }
    left ||= !unpinned;
  }
  return left;
}

/**
 * Unpins a pin's message ("channel/message"). It stays pinned when Discord refused (403: no Pin Messages there;
 * `hidden` when the bot may not even see the channel) or there is no bot token (an interaction token cannot unpin).
 * A message deleted or unpinned already (404) counts as unpinned; other errors are thrown.
 */
async function unpinMessage(api: DiscordApi, messageRef: string | undefined): Promise<'unpinned' | 'kept' | 'hidden'> {
  const [channelId, messageId] = (messageRef ?? '').split('/');
  if (!channelId || !messageId) return 'unpinned';
  if (!api.hasToken) return 'kept';
  try {
    await api.unpin(channelId, messageId);
    return 'unpinned';
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) return 'unpinned';
    if (status === 403) return discordCodeOf(error) === MISSING_ACCESS ? 'hidden' : 'kept';
    throw error;
  }
}

/** The Unpin button under /pins (moderators): removes the pin from the core, then the Discord pin. */
export async function unpin(ctx: HandlerContext, turn: Turn, pinId: string): Promise<void> {
  const { core, api } = ctx;
  const i = turn.interaction;
  if (!i.guild_id) return turn.notice(TEXT.guildOnly);
  if (!isModerator(i)) return turn.notice(TEXT.notModeratorUnpin);
  turn.cutOffNote = TEXT.restartedBeforeUnpin;
  await turn.defer(true);
  const server = { platform: 'discord', server: i.guild_id };
  const existing = core.pins.list(server).find((p) => p.id === pinId);
  if (!existing) return turn.edit(TEXT.noLongerPinned);
  // The permissions checked above are those of this channel; an administrator's hold everywhere.
  if (existing.scope.channel !== channelOf(i) && !hasAnyPermission(i.member?.permissions, [PERMISSIONS.Administrator])) {
    return turn.edit(unpinElsewhereText(existing.scope.channel));
  }
  if (!core.pins.unpin(server, pinId)) return turn.edit(TEXT.noLongerPinned);
  // The record is gone already: a failure now (an archived thread, Discord down) must not read as "nothing happened,
  // try again", since pressing again finds no pin. The moderator gets the message's link to unpin it by hand.
  let outcome: Awaited<ReturnType<typeof unpinMessage>> | 'failed';
  try {
    outcome = await unpinMessage(api, existing.messageRef);
  } catch (error) {
    ctx.logger.warn({ pinId, error: describeError(error) }, 'discord: could not unpin the message of an unpinned answer');
    outcome = 'failed';
  }
  if (outcome === 'unpinned') return turn.edit(TEXT.unpinned);
  // unpinMessage keeps only a "channel/message" ref pinned, so this link is whole.
  const link = `https://discord.com/channels/${i.guild_id}/${existing.messageRef}`;
  const stays = !api.hasToken
    ? unpinByHandText(link)
    : outcome === 'failed'
      ? unpinFailedText(link)
      : outcome === 'hidden'
        ? TEXT.unpinCannotSee
        : TEXT.unpinRefused;
  await turn.edit(`${TEXT.unpinned} ${stays}`);
}
