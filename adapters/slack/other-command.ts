import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { toSlackNotice } from './render.js';

/**
 * Slack sends this app only its own slash commands, so one named otherwise than SLACK_COMMAND means the app's
 * settings and SLACK_COMMAND disagree. Left unanswered, the person would see Slack's bare failure after 3 s and the
 * log would not say why: it is answered at once, privately, and the operator is told which setting to change.
 */
export function registerOtherCommands(app: App, deps: SlackDeps): void {
  app.command(/^\//, async ({ command, ack }) => {
    if (command.command === deps.commandName) return;
    const name = command.command.slice(0, 32);
    deps.logger.warn(
      { command: name, configured: deps.commandName },
      "slack: a slash command other than SLACK_COMMAND arrived; set SLACK_COMMAND to the command in the app's settings",
    );
    const notice = toSlackNotice(`Pinpoint is not set up to answer ${name} yet: whoever runs it should set SLACK_COMMAND=${name}.`);
    await ack({ response_type: 'ephemeral', ...notice });
  });
}
