import type { webApi } from '@slack/bolt';
import type { PinScope } from '../../src/index.js';
import type { ButtonValue } from './actions.js';
import type { SlackDeps } from './deps.js';
import { errorSummary } from './moderators.js';
import { slackErrorCode } from './slack-error.js';

/** Where a pinned message is, as Slack names it. */
export interface PinnedMessage {
  channel: string;
  ts: string;
}

/**
 * The message of the channel's current pin of this answer page, if there is one: pressing Pin on that page
 * again would only post a second copy. Its message is pinned again on the way: `already_pinned` says it still
 * is, and one a moderator unpinned by hand is pinned back, as the press asks. One deleted by hand
 * (`message_not_found`) counts as no pin, so the press pins a fresh copy and that replaces the record.
 */
export async function currentPinMessage(
  client: webApi.WebClient,
  deps: SlackDeps,
  scope: PinScope,
  value: Pick<ButtonValue, 'answerId' | 'offset'>,
): Promise<PinnedMessage | undefined> {
  const [channel, ts] = (deps.core.pins.pinOfAnswer(scope, value.answerId, value.offset)?.messageRef ?? '').split('/');
  if (!channel || !ts) return undefined;
  try {
    await client.pins.add({ channel, timestamp: ts });
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'message_not_found') return undefined;
    if (code !== 'already_pinned') throw error;
  }
  return { channel, ts };
}

/** A link to the message, for the moderator; undefined when Slack gives none (only logged: the reply works without). */
export async function permalinkOf(client: webApi.WebClient, deps: SlackDeps, message: PinnedMessage): Promise<string | undefined> {
  try {
    return (await client.chat.getPermalink({ channel: message.channel, message_ts: message.ts })).permalink;
  } catch (error) {
    deps.logger.warn({ channel: message.channel, err: errorSummary(error) }, 'slack: chat.getPermalink failed; the pinned message is named without a link');
    return undefined;
  }
}
