import type { App, MessageShortcut } from '@slack/bolt';
import { FIND_SOURCES_CALLBACK_ID } from './actions.js';
import { SOURCES_BUTTONS, type SlackDeps } from './deps.js';
import { atTheEdge, cooldown, respondPrivately, scopeOf } from './edge.js';
import { PAGE_LIMIT, pageOf } from './page.js';
import { toSlackBlocks, toSlackNotice, type SlackMessage } from './render.js';
import { shortcutMessageText } from './message-text.js';
import { toPlainText } from './text.js';

/** Message shortcut "Find sources": quotes the passages bearing on the chosen message, privately. */
export function registerFindSources(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>(FIND_SOURCES_CALLBACK_ID, async ({ shortcut, ack, respond }) => {
    await ack();
    const tell = (message: SlackMessage) => respondPrivately(respond, message);
    await atTheEdge(deps.logger, deps.reportError, 'shortcut', tell, async () => {
      const text = toPlainText(shortcutMessageText(shortcut.message));
      if (text === '') {
        await tell(toSlackNotice('That message has no text to find sources for.'));
        return;
      }
      const wait = cooldown(deps.core, shortcut.user.id, shortcut.channel.id);
      if (wait !== undefined) {
        await tell(wait);
        return;
      }
      const scope = scopeOf(shortcut.team?.id, shortcut.channel.id);
      const { answer, hasMore } = pageOf(deps.core.findSources(text, { scope, limit: PAGE_LIMIT }));
      const remembered = deps.core.answers.remember(text, answer, scope);
      await tell(toSlackBlocks(answer, { answerId: remembered.id, buttons: SOURCES_BUTTONS, source: 'sources', hasMore }));
    });
  });
}
