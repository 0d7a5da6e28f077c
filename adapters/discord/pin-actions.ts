import { hasAnyPermission, PERMISSIONS } from './commands.js';
import { decodeCustomId } from './custom-id.js';
import { discordCodeOf, MAX_PINS_REACHED, statusOf } from './errors.js';
import { isModerator, type HandlerContext } from './handler-context.js';
import { channelOf, firstMessageIdOf, scopeOf, userOf } from './interaction.js';
import { EPHEMERAL_FLAG, toDiscordMessage } from './render.js';
import { TEXT } from './text.js';
import type { Turn } from './turn.js';

/** The Pin button (moderators): pins the answer's Discord message and records the pin in the core. */
export async function pin(ctx: HandlerContext, turn: Turn, question: string, answerId: string, offset: number): Promise<void> {
  const { core, api, pageSize, answerPage } = ctx;
  const i = turn.interaction;
  if (!i.guild_id) return turn.notice(TEXT.guildOnly);
  // Checked at run time: admins can change who sees the commands, not who may pin.
  if (!isModerator(i)) return turn.notice(TEXT.notModerator);
  if (i.app_permissions !== undefined && !hasAnyPermission(i.app_permissions, [PERMISSIONS.PinMessages, PERMISSIONS.ManageMessages])) {
    return turn.notice(TEXT.botCannotPin);
  }
  if (!api.hasToken) return turn.notice(TEXT.noBotToken);
  await turn.defer(true);
  const scope = scopeOf(i);
  const { answer } = answerPage(question, i, offset);
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) return turn.edit(TEXT.nothingToPin);

  let channelId = i.message?.channel_id ?? channelOf(i);
  // The first message of a split answer is the one readers see first, so that one gets pinned.
  let messageId = i.message ? firstMessageIdOf(i.message) : undefined;
  if (!messageId || ((i.message?.flags ?? 0) & EPHEMERAL_FLAG) !== 0) {
    // A private answer cannot be pinned: post it publicly first (edit first, so the follow-ups are public).
    await turn.edit('Posting the answer publicly and pinning it…');
    const messages = toDiscordMessage(answer, { stats: core.stats(), answerId, offset, pageSize, private: false });
    let first: { id: string; channel_id: string } | undefined;
    for (const message of messages) {
      message.components = message.components
        .map((row) => ({ ...row, components: row.components.filter((b) => decodeCustomId(b.custom_id)?.action !== 'pin') }))
        .filter((row) => row.components.length > 0);
      const posted = await api.followUp(i.application_id, i.token, message);
      first ??= posted;
    }
    if (!first) return turn.edit(TEXT.nothingToPin);
    channelId = first.channel_id;
    messageId = first.id;
  }
  try {
    await api.pin(channelId, messageId);
  } catch (error) {
    if (statusOf(error) === 403) return turn.edit(TEXT.botCannotPin);
    if (discordCodeOf(error) === MAX_PINS_REACHED) return turn.edit(TEXT.pinLimit);
    throw error;
  }
  core.pins.pin({ scope, question, answer, pinnedBy: userOf(i).id, messageRef: `${channelId}/${messageId}` });
  await turn.edit('📌 Pinned. From now on /ask with this question (or a close one) shows this answer first.');
}

/** The Unpin button under /pins (moderators): removes the pin from the core, then the Discord pin. */
export async function unpin(ctx: HandlerContext, turn: Turn, pinId: string): Promise<void> {
  const { core, api } = ctx;
  const i = turn.interaction;
  if (!i.guild_id) return turn.notice(TEXT.guildOnly);
  if (!isModerator(i)) return turn.notice(TEXT.notModeratorUnpin);
  await turn.defer(true);
  const server = { platform: 'discord', server: i.guild_id };
  const existing = core.pins.list(server).find((p) => p.id === pinId);
  if (!existing || !core.pins.unpin(server, pinId)) return turn.edit('That answer is no longer pinned.');
  const [channelId, messageId] = (existing.messageRef ?? '').split('/');
  let note = '';
  if (channelId && messageId && api.hasToken) {
    try {
      await api.unpin(channelId, messageId);
    } catch (error) {
      const status = statusOf(error);
      if (status !== 403 && status !== 404) throw error;
      note = status === 403 ? ' I could not unpin the Discord message itself (I lack Pin Messages there).' : '';
    }
  }
  await turn.edit(`Unpinned. /ask no longer shows that answer first.${note}`);
}
