import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { POST_OPTIONS, PUBLIC_BUTTONS } from './deps.js';
import { atTheEdge, cooldown, PLATFORM, questionTooLong, scopeOf } from './edge.js';
import { errorSummary } from './moderators.js';
import { PAGE_LIMIT, pageOf } from './page.js';
import { toSlackBlocks, toSlackNotice, type SlackMessage } from './render.js';
import { toPlainText } from './text.js';

/** `@Pinpoint question`: answered in the thread of the mention (follow-ups in the thread too). */
export function registerMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client, body }) => {
    const channel = event.channel;
    // One answer per message (workspace, channel, ts), kept in the state database: Slack sends app_mention again,
    // with a new event id, each time a message holding the mention is edited, and retries an event whose ack it
    // missed, perhaps to the next process after a restart. A message edited to add the mention is still answered.
    if (!firstAnswer(deps, `${PLATFORM}/${body.team_id ?? 'unknown'}/${channel}/${event.ts}`)) {
      deps.logger.info({ channel }, 'slack: mention answered already (a retry, or an edit of its message); ignored');
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
      const tooLong = questionTooLong(question);
      if (tooLong !== undefined) {
        await privately(tooLong);
        return;
      }
      const wait = cooldown(deps.core, user, channel);
      if (wait !== undefined) {
        await privately(wait);
        return;
      }
      const scope = scopeOf(body.team_id, channel);
      const { answer, hasMore } = pageOf(deps.core.ask(question, { scope, limit: PAGE_LIMIT }));
      const remembered = deps.core.answers.remember(question, answer, scope);
      await inThread(toSlackBlocks(answer, { answerId: remembered.id, buttons: PUBLIC_BUTTONS, hasMore }));
    });
  });
}

/** Whether this message is still to be answered; when the state database cannot say, it is (a repeat beats silence). */
function firstAnswer(deps: SlackDeps, key: string): boolean {
  try {
    return deps.core.answers.firstDelivery(key);
  } catch (error) {
    deps.logger.warn({ err: errorSummary(error) }, 'slack: could not note the mention as answered; answering it anyway');
    return true;
  }
}
