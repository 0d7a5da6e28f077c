import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/index.js';
import { slackErrorCode } from './slack-error.js';

/** A user's standing: `unconfirmed` when Slack could not say (users.info failed), which refuses like `member`. */
export type ModeratorRole = 'moderator' | 'member' | 'unconfirmed';

/** Who may pin: workspace admins/owners (users.info) or the user ids configured in SLACK_MODERATOR_IDS. */
export class ModeratorCheck {
  private readonly cache = new Map<string, { moderator: boolean; at: number }>();

  constructor(
    private readonly configuredIds: ReadonlySet<string>,
    private readonly logger: Logger,
    private readonly ttlMs = 5 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the user may pin; `unconfirmed` (refused, but worth another try) when Slack could not be asked. */
  async role(client: webApi.WebClient, userId: string): Promise<ModeratorRole> {
    if (this.configuredIds.has(userId)) return 'moderator';
    const cached = this.cache.get(userId);
    if (cached !== undefined && this.now() - cached.at < this.ttlMs) return cached.moderator ? 'moderator' : 'member';
    let moderator = false;
    try {
      const { user } = await client.users.info({ user: userId });
      moderator = user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
    } catch (error) {
      // Refuse when unsure: pinning is the one action that writes to a channel for everyone. Not cached: a blip passes.
      this.logger.warn({ err: errorSummary(error) }, 'slack: users.info failed; treating user as non-moderator');
      return 'unconfirmed';
    }
    this.cache.set(userId, { moderator, at: this.now() });
    return moderator ? 'moderator' : 'member';
  }
}

/** Comma- or space-separated Slack user ids (SLACK_MODERATOR_IDS) → a set. */
export function parseModeratorIds(value: string | readonly string[] | undefined): Set<string> {
  const parts = typeof value === 'string' ? value.split(/[\s,]+/) : (value ?? []);
  return new Set(parts.map((id) => id.trim()).filter((id) => id !== ''));
}

/** A short, secret-free description of an error for logs. */
export function errorSummary(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const slackCode = slackErrorCode(error);
    const platform = slackCode === undefined ? '' : ` (${slackCode})`;
    return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}${platform}`;
  }
  return String(error);
}
