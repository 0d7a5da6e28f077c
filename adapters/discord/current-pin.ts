import type { PinScope } from './core.js';
import { statusOf } from './errors.js';
import type { HandlerContext } from './handler-context.js';

/** Where a pinned message is, as its Discord ids. */
export interface PinnedMessage {
  channelId: string;
  messageId: string;
}

/**
 * The message of the channel's current pin of this answer page, if there is one: pressing Pin on that page
 * again would only post a second copy. Its message is pinned again on the way, since Discord takes a pin
 * of a pinned message: one a moderator unpinned by hand is pinned back, as the press asks. One deleted by
 * hand (404) counts as no pin, so the press pins a fresh copy and that replaces the record.
 */
export async function currentPinMessage(
  { core, api }: HandlerContext,
  scope: PinScope,
  page: { answerId: string; offset: number },
): Promise<PinnedMessage | undefined> {
  const [channelId, messageId] = (core.pins.pinOfAnswer(scope, page.answerId, page.offset)?.messageRef ?? '').split('/');
  if (!channelId || !messageId) return undefined;
  try {
    await api.pin(channelId, messageId);
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  return { channelId, messageId };
}
