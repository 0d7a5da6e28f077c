import type { App, webApi } from '@slack/bolt';
import type { SlackDeps } from './deps.js';
import { PLATFORM } from './edge.js';
import { errorSummary } from './moderators.js';
import { NO_MATCH_REPORT_SIZE, toSlackHome, type ModeratorReport } from './render-home.js';

/**
 * Shown first when users.info failed: a moderator would otherwise get the member view without a word, and take the
 * missing report and Unpin buttons for a lost role.
 */
export const HOME_ROLE_UNCONFIRMED_TEXT =
  'Slack could not confirm just now whether you are a workspace admin or Pinpoint moderator, so the moderators’ report and Unpin buttons are not shown: open this tab again in a moment.';

/** Whose App Home tab to draw, in which workspace, and an optional line to show first. */
export interface HomeTarget {
  user: string;
  team: string | undefined;
  notice?: string;
}

/**
 * App Home tab: the pinned answers of the workspace's public channels and the documents, refreshed on each
 * visit. Moderators also see the questions nobody could answer in public channels, the pins whose source changed,
 * and the pins of other channels without their question.
 */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(client, deps, { user: event.user, team: body.team_id });
    } catch (error) {
      deps.logger.error({ what: 'home', err: errorSummary(error) }, 'slack: App Home update failed');
    }
  });
}

/**
 * Draws and publishes one user's App Home tab; moderators get their report and Unpin buttons. Everyone sees the
 * question and quote of public channels' pins only: a moderator need not be a member of a private channel either.
 * Moderators still get the other pins by channel and date alone, since this tab is the only place to unpin them.
 */
export async function publishHome(client: webApi.WebClient, deps: SlackDeps, target: HomeTarget): Promise<void> {
  const server = { platform: PLATFORM, server: target.team ?? 'unknown' };
  const role = await deps.moderators.role(client, target.user);
  const moderator = role === 'moderator';
  // A press's own notice comes first: after a refused Unpin it already says Slack could not confirm the role.
  const notice = target.notice ?? (role === 'unconfirmed' ? HOME_ROLE_UNCONFIRMED_TEXT : undefined);
  const { publicPins, otherPins } = await deps.publicChannels.split(client, deps.core.pins.list(server));
  const report: ModeratorReport | undefined = moderator
    ? {
        ...(await unansweredInPublic(client, deps, server)),
        stale: await deps.publicChannels.only(client, deps.core.pins.listStale(server)),
        notPublic: otherPins,
      }
    : undefined;
  const view = toSlackHome(publicPins, deps.core.documents(), report, {
    canUnpin: moderator,
    ...(notice === undefined ? {} : { notice }),
  });
  await client.views.publish({ user_id: target.user, view });
}

/**
 * The unanswered questions asked in public channels, and how many were asked only elsewhere. A question asked in a
 * private channel or a direct message is what someone said there: moderators need not be members (nor the asker's
 * correspondent), so it is counted, never shown; a channel Slack will not describe counts as private (fail closed).
 */
async function unansweredInPublic(
  client: webApi.WebClient,
  deps: SlackDeps,
  server: { platform: string; server: string },
): Promise<Pick<ModeratorReport, 'noMatch' | 'noMatchLeftOut'>> {
  const asked = deps.core.answers.noMatchChannels(server);
  const channels = [...(await deps.publicChannels.among(client, asked))];
  return {
    noMatch: channels.length === 0 ? [] : deps.core.answers.noMatchReport(NO_MATCH_REPORT_SIZE, { ...server, channels }),
    noMatchLeftOut: deps.core.answers.noMatchLeftOut(server, channels),
  };
}
