import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { decodeUnpinValue, UNPIN_ACTION_ID } from './actions.js';
import type { SlackDeps } from './deps.js';
import { APOLOGY, PLATFORM } from './edge.js';
import { publishHome } from './home.js';
import { removeSlackPin } from './remove-pin.js';
import { errorSummary } from './moderators.js';

export const UNPINNED_TEXT = '✅ Unpinned: later questions like it no longer get that answer first.';
export const UNPIN_REFUSED_TEXT = 'Only workspace admins and Pinpoint moderators can unpin answers. Nothing was changed.';
export const UNPIN_UNCONFIRMED_TEXT =
  'Slack could not confirm just now that you are a workspace admin or Pinpoint moderator, so nothing was unpinned: try again in a moment.';
export const NOT_PINNED_TEXT = 'That answer is no longer pinned.';
export const SLACK_PIN_LEFT_TEXT =
  ' The message itself is still pinned in its channel: unpin it there from the message menu if you want it gone.';

/**
 * The App Home tab's Unpin button. The button is drawn for moderators only, but a payload can be
 * forged, so the check runs again here and fails closed. The outcome is shown at the top of the
 * re-published tab: a Home tab action has no response_url, and the tab is private to its viewer.
 */
export function registerUnpin(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(UNPIN_ACTION_ID, async ({ ack, body, action, client }) => {
    await ack();
    const started = Date.now();
    const target = { user: body.user.id, team: body.team?.id ?? body.user.team_id };
    let notice: string;
    try {
      notice = await unpin(client, deps, target.user, target.team, action.value);
    } catch (error) {
      deps.logger.error({ what: 'button:unpin', err: errorSummary(error) }, 'slack: request failed');
      deps.reportError?.('button:unpin');
      notice = APOLOGY;
    }
    try {
      await publishHome(client, deps, { ...target, notice });
      deps.logger.info({ what: 'button:unpin', ms: Date.now() - started }, 'slack: handled');
    } catch (error) {
      deps.logger.error({ what: 'button:unpin', err: errorSummary(error) }, 'slack: App Home update failed');
      deps.reportError?.('button:unpin');
    }
  });
}

/** Removes the pin record of this workspace, then the Slack pin; returns what to tell the moderator. */
async function unpin(
  client: webApi.WebClient,
  deps: SlackDeps,
  user: string,
  team: string | undefined,
  value: string | undefined,
): Promise<string> {
  const role = await deps.moderators.role(client, user);
  if (role !== 'moderator') return role === 'unconfirmed' ? UNPIN_UNCONFIRMED_TEXT : UNPIN_REFUSED_TEXT;
  const pinId = decodeUnpinValue(value);
  const server = { platform: PLATFORM, server: team ?? 'unknown' };
  const existing = pinId === undefined ? undefined : deps.core.pins.list(server).find((pin) => pin.id === pinId);
  if (existing === undefined || !deps.core.pins.unpin(server, existing.id)) return NOT_PINNED_TEXT;
  deps.logger.info({ pinId: existing.id }, 'slack: answer unpinned');
  const removed = await removeSlackPin(client, deps, existing);
  return removed ? UNPINNED_TEXT : `${UNPINNED_TEXT}${SLACK_PIN_LEFT_TEXT}`;
}
