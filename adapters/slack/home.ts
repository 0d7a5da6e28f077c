import type { App } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { PLATFORM } from './edge.js';
import { errorSummary } from './moderators.js';
import { toSlackHome } from './render-home.js';

/** App Home tab: the workspace's pinned answers and the documents, refreshed on each visit. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      const pins = deps.core.pins.list({ platform: PLATFORM, server: body.team_id });
      const view = toSlackHome(pins, deps.core.documents());
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      deps.logger.error({ what: 'home', err: errorSummary(error) }, 'slack: App Home update failed');
    }
  });
}
