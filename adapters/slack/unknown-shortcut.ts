import type { App, SlackShortcut } from '@slack/bolt';
import { FIND_SOURCES_CALLBACK_ID } from './actions.js';
import type { SlackDeps } from './deps.js';
import { respondPrivately } from './edge.js';
import { toSlackNotice } from './render.js';
import { errorSummary } from './moderators.js';

export const UNKNOWN_SHORTCUT_TEXT = 'Pinpoint does not know this shortcut. Use Find sources from the message menu, or ask with the slash command.';
export const UNKNOWN_SHORTCUT_LOG =
  "slack: a shortcut this version does not handle arrived; the app's settings (slack-manifest.yaml) should list only Find sources";

/**
 * Shortcuts with a callback_id no listener answers: one the app's settings hold from another version, or added by
 * hand. Bolt leaves them unacknowledged, so the person saw Slack's bare failure after 3 s and the log said only that
 * a request was not acknowledged. They are acknowledged at once, the person is told privately when Slack gives a way
 * to (a message shortcut's response_url), and the operator is told which callback_id to fix.
 */
export function registerUnknownShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut<SlackShortcut>(/^/, async ({ shortcut, ack, respond }) => {
    if (shortcut.callback_id === FIND_SOURCES_CALLBACK_ID) return;
    await ack();
    deps.logger.warn({ callbackId: shortcut.callback_id.slice(0, 255), handled: FIND_SOURCES_CALLBACK_ID }, UNKNOWN_SHORTCUT_LOG);
    if (shortcut.type !== 'message_action') return;
    try {
      await respondPrivately(respond, toSlackNotice(UNKNOWN_SHORTCUT_TEXT));
    } catch (error) {
      deps.logger.error({ what: 'shortcut', err: errorSummary(error) }, 'slack: could not tell the user about the failure');
    }
  });
}
