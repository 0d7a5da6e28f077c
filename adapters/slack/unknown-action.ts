import type { App, BlockAction } from '@slack/bolt';
import { HANDLED_ACTION_IDS } from './actions.js';
import type { SlackDeps } from './deps.js';

/**
 * Presses of buttons no listener here answers: an `action_id` from an older version of a message, or one another
 * version of the app put there. Bolt would leave them unacknowledged, so Slack would show the person a warning
 * icon and the receiver would log an error after 3 s. They are acknowledged at once and noted at debug level.
 */
export function registerUnknownActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction>({ type: 'block_actions' }, async ({ ack, action }) => {
    if (HANDLED_ACTION_IDS.has(action.action_id)) return;
    await ack();
    deps.logger.debug(
      { actionId: action.action_id.slice(0, 255), actionType: action.type },
      'slack: press of a button this version does not handle (from an older message?); acknowledged, nothing done',
    );
  });
}
