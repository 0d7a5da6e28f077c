import type { webApi } from '@slack/bolt';
import type { Pin } from '../../src/index.js';
import type { SlackDeps } from './deps.js';
import { errorSummary } from './moderators.js';
import { slackErrorCode } from './slack-error.js';

/** Slack's answers to pins.remove that mean the message is no longer pinned anyway. */
const ALREADY_GONE = new Set(['no_pin', 'message_not_found']);

/**
 * Unpins in Slack the message a pin record was made on (`messageRef` is "channel/ts"), once the record
 * is gone (unpinned, or replaced by a re-pin). A failure is logged and reported, never undone.
 * False when the message is still pinned.
 */
export async function removeSlackPin(
  client: webApi.WebClient,
  deps: SlackDeps,
  // No id for the message of a pin that could not be saved.
  pin: Pick<Pin, 'messageRef'> & Partial<Pick<Pin, 'id'>>,
): Promise<boolean> {
  const [channel, timestamp] = (pin.messageRef ?? '').split('/');
  if (!channel || !timestamp) return true;
  try {
    await client.pins.remove({ channel, timestamp });
    return true;
  } catch (error) {
    // Someone already unpinned or deleted it in Slack: the outcome is the one asked for.
    if (ALREADY_GONE.has(slackErrorCode(error) ?? '')) return true;
    deps.logger.warn({ pinId: pin.id, channel, err: errorSummary(error) }, 'slack: pins.remove failed; the pin record is removed anyway');
    deps.reportError?.('pins.remove');
    return false;
  }
}
