import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { isPinpointError } from '../../src/index.js';
import { decodeButtonValue, VOTE_ACTION_IDS, type Vote } from './actions.js';
import type { SlackDeps } from './deps.js';
import { atTheEdge, PLATFORM, respondPrivately } from './edge.js';
import { toSlackNotice, type SlackMessage } from './render.js';

export const VOTED_TEXT = 'Thanks — noted.';
export const VOTE_EXPIRED_TEXT = 'This answer is no longer on record, so the vote was not counted.';

/**
 * 👍 / 👎: records one vote per person and answer (a second press replaces the first) and
 * acknowledges privately; the answer message itself is left as it is.
 */
export function registerFeedback(app: App, deps: SlackDeps): void {
  for (const vote of Object.keys(VOTE_ACTION_IDS) as Vote[]) {
    app.action<BlockAction<ButtonAction>>(VOTE_ACTION_IDS[vote], async ({ ack, body, action, respond }) => {
      await ack();
      const tell = (message: SlackMessage) => respondPrivately(respond, message);
      await atTheEdge(deps.logger, deps.reportError, `vote:${vote}`, tell, async () => {
        const value = decodeButtonValue(action.value);
        if (value === undefined) return void (await tell(toSlackNotice(VOTE_EXPIRED_TEXT)));
        try {
          deps.core.answers.feedback(value.answerId, { platform: PLATFORM, id: body.user.id }, vote);
        } catch (error) {
          if (isPinpointError(error) && error.code === 'NOT_FOUND') return void (await tell(toSlackNotice(VOTE_EXPIRED_TEXT)));
          throw error;
        }
        await tell(toSlackNotice(VOTED_TEXT));
      });
    });
  }
}
