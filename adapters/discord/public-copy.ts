import type { APIMessage } from 'discord.js';
import type { Answer } from './core.js';
import { decodeCustomId } from './custom-id.js';
import { describeError } from './errors.js';
import type { HandlerContext } from './handler-context.js';
import { toDiscordMessage, type DiscordMessage } from './render.js';
import type { Turn } from './turn.js';

/** A message the bot posted, by where it is. */
export type PostedMessage = Pick<APIMessage, 'id' | 'channel_id'>;

/** The buttons of a message that is being pinned: everything but Pin. */
function withoutPin(components: DiscordMessage['components']): DiscordMessage['components'] {
  return components
    .map((row) => ({ ...row, components: row.components.filter((b) => decodeCustomId(b.custom_id)?.action !== 'pin') }))
    .filter((row) => row.components.length > 0);
}

/**
 * A private answer cannot be pinned, so the Pin button posts it publicly first, with More when quotes are left past
 * its page (as the answer had), so readers of the pin reach them too. Returns the messages posted, first part first. A failure half-way removes the parts already posted, then throws.
 */
export async function postPublicCopy(
  ctx: HandlerContext,
  turn: Turn,
  answer: Answer,
  page: { answerId: string; offset: number; hasMore: boolean },
): Promise<PostedMessage[]> {
  const { core, api, pageSize } = ctx;
  const i = turn.interaction;
  // Edit first, so the follow-ups are public (the first follow-up of a deferral would take its visibility).
  await turn.progress('Posting the answer publicly and pinning it…');
  const messages = toDiscordMessage(answer, { stats: core.stats(), ...page, pageSize, private: false });
  const posted: PostedMessage[] = [];
  try {
    for (const message of messages) {
      posted.push(await api.followUp(i.application_id, i.token, { ...message, components: withoutPin(message.components) }));
    }
  } catch (error) {
    await deletePublicCopy(ctx, turn, posted);
    throw error;
  }
  return posted;
}

/**
 * Removes a public copy whose pin failed: left behind it would be a stray public answer, and pressing
 * Pin again would post another. Best effort: a message that cannot be deleted is only logged.
 */
export async function deletePublicCopy({ api, logger }: HandlerContext, turn: Turn, copy: readonly PostedMessage[]): Promise<void> {
  const i = turn.interaction;
  for (const message of copy) {
    try {
      await api.deleteFollowUp(i.application_id, i.token, message.id);
    } catch (error) {
      logger.warn({ interaction: i.id, error: describeError(error) }, 'discord: could not delete the public copy of an answer that was not pinned');
    }
  }
}
