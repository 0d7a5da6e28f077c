import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { PRIVATE_BUTTONS } from './deps.js';
import { atTheEdge, cooldown, questionTooLong, respondPrivately, scopeOf } from './edge.js';
import { PAGE_LIMIT, pageOf } from './page.js';
import { toSlackBlocks, toSlackNotice } from './render.js';
import { toPlainText } from './text.js';

/** `/ask <question>`: ack at once, then a private answer with buttons through response_url. */
export function registerAsk(app: App, deps: SlackDeps): void {
  app.command(deps.commandName, async ({ command, ack, respond }) => {
    await ack();
    const tell = (message: ReturnType<typeof toSlackNotice>) => respondPrivately(respond, message);
    await atTheEdge(deps.logger, deps.reportError, 'command', tell, async () => {
      const question = toPlainText(command.text);
      if (question === '') {
        await tell(toSlackNotice(`Ask me about the case, e.g. ${deps.commandName} when was the complaint filed?`));
        return;
      }
      const tooLong = questionTooLong(question);
      if (tooLong !== undefined) {
        await tell(tooLong);
        return;
      }
      const wait = cooldown(deps.core, command.user_id, command.channel_id);
      if (wait !== undefined) {
        await tell(wait);
        return;
      }
      const scope = scopeOf(command.team_id, command.channel_id);
      const { answer, hasMore } = pageOf(deps.core.ask(question, { scope, limit: PAGE_LIMIT }));
      const remembered = deps.core.answers.remember(question, answer, scope);
      deps.logger.info({ kind: answer.kind, chars: question.length }, 'slack: /ask answered');
      await tell(toSlackBlocks(answer, { answerId: remembered.id, buttons: PRIVATE_BUTTONS, hasMore }));
    });
  });
}
