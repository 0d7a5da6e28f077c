import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { PLATFORM } from './edge.js';
import { errorSummary } from './moderators.js';
import { NO_MATCH_REPORT_SIZE, toSlackHome, type ModeratorReport } from './render-home.js';

/**
 * App Home tab: the workspace's pinned answers and the documents, refreshed on each visit.
 * Moderators also see the questions nobody could answer and the pins whose source changed.
 */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      const server = { platform: PLATFORM, server: body.team_id };
      const report: ModeratorReport | undefined = (await deps.moderators.isModerator(client, event.user))
        ? { noMatch: deps.core.answers.noMatchReport(NO_MATCH_REPORT_SIZE, server), stale: deps.core.pins.listStale(server) }
        : undefined;
      const view = toSlackHome(deps.core.pins.list(server), deps.core.documents(), report);
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.logger.error({ what: 'home', err: errorSummary(error) }, 'slack: App Home update failed');
    }
  });
}
