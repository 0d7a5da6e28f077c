import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { POST_OPTIONS, PUBLIC_BUTTONS } from './deps.js';
import { EventDeduper } from './dedupe.js';
import { atTheEdge, cooldown, scopeOf } from './edge.js';
import { toSlackBlocks, toSlackNotice, type SlackMessage } from './render.js';
import { toPlainText } from './text.js';

/** `@Pinpoint question`: answered in the thread of the mention (follow-ups in the thread too). */
export function registerMention(app: App, deps: SlackDeps): void {
  // Slack sends app_mention again, with a new event id, each time a message holding the mention is edited:
  // one answer per message (channel + ts). A message edited to add the mention is still answered.
  const answered = new EventDeduper();
  app.event('app_mention', async ({ event, client, body }) => {
    const channel = event.channel;
    if (!answered.first(`${channel}/${event.ts}`)) {
      deps.logger.info({ channel }, 'slack: mention in an edited message answered already; ignored');
      return;
    }
    const threadTs = event.thread_ts ?? event.ts;
    const user = event.user ?? 'unknown';
    const inThread = (message: SlackMessage) =>
      client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, ...POST_OPTIONS });
    const privately = (message: SlackMessage) =>
      client.chat.postEphemeral({ channel, user, thread_ts: threadTs, text: message.text, blocks: message.blocks });
    // A failure is the asker's business alone: the apology goes to them, not to everyone in the thread.
    await atTheEdge(deps.logger, deps.reportError, 'mention', privately, async () => {
      const question = toPlainText(event.text);
      if (question === '') {
        await privately(toSlackNotice('Ask me a question about the case after the mention.'));
        return;
      }
      const wait = cooldown(deps.core, user, channel);
      if (wait !== undefined) {
        await privately(wait);
        return;
      }
      const scope = scopeOf(body.team_id, channel);
      const answer = deps.core.ask(question, { scope });
      const remembered = deps.core.answers.remember(question, answer, scope);
      await inThread(toSlackBlocks(answer, { answerId: remembered.id, buttons: PUBLIC_BUTTONS }));
    });
  });
}
