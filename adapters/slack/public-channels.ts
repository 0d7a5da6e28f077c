import type { webApi } from '@slack/bolt';
import type { Logger, Pin } from '../../src/index.js';
import { throttledWarning } from '../logging/throttled-warning.js';
import { errorSummary } from './moderators.js';
import { slackErrorCode } from './slack-error.js';

/**
 * How long Slack's word on a channel is kept. Every visit to App Home would otherwise ask once per pinned
 * channel; a few minutes keeps a busy workspace far below the method's rate limit, and a channel turned
 * private stops showing its pins within that time.
 */
const CHANNEL_ANSWER_TTL_MS = 5 * 60 * 1000;
/** conversations.info calls one tab makes at once: enough to be quick, few enough not to trip Slack's rate limit. */
const LOOKUPS_AT_ONCE = 4;
/** The scope conversations.info needs for public channels, the only ones whose pins App Home shows. */
export const PUBLIC_CHANNEL_SCOPE = 'channels:read';
/** Scopes Slack names for private channels, DMs and group DMs: needing one means the channel is not public. */
const PRIVATE_CONVERSATION_SCOPES = ['groups:read', 'im:read', 'mpim:read'];

/** Whether a channel is public, and whether that answer may be kept (Slack said so, or said why not). */
interface ChannelAnswer {
  isPublic: boolean;
  keep: boolean;
}

/**
 * Which pins everyone in the workspace may see: those of public channels. A pin's question and quote are
 * what someone asked in its channel, so a pin of a private channel, DM or group DM stays out of App Home,
 * and so does one whose channel Slack cannot vouch for (fail closed).
 */
export class PublicChannels {
  private readonly answers = new Map<string, { isPublic: Promise<boolean>; at: number }>();
  private readonly warnMissingScope: (fields: object) => void;
  private readonly warnFailed: (fields: object) => void;

  constructor(
    logger: Logger,
    private readonly ttlMs = CHANNEL_ANSWER_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.warnMissingScope = throttledWarning(
      logger,
      `slack: App Home hides every pin: add the ${PUBLIC_CHANNEL_SCOPE} scope to the app and reinstall it`,
    );
    this.warnFailed = throttledWarning(logger, "slack: conversations.info failed; App Home hides that channel's pins");
  }

  /** The pins whose channel is public, in their order. */
  async only<T extends Pick<Pin, 'scope'>>(client: webApi.WebClient, pins: readonly T[]): Promise<T[]> {
    return (await this.split(client, pins)).publicPins;
  }

  /**
   * The pins of public channels and the others (private channels, DMs, channels Slack will not describe), each in
   * their order; each distinct channel is looked up once.
   */
  async split<T extends Pick<Pin, 'scope'>>(
    client: webApi.WebClient,
    pins: readonly T[],
  ): Promise<{ publicPins: T[]; otherPins: T[] }> {
    const publicChannels = await this.among(client, pins.map((pin) => pin.scope.channel));
    const isPublic = (pin: T): boolean => publicChannels.has(pin.scope.channel);
    return { publicPins: pins.filter(isPublic), otherPins: pins.filter((pin) => !isPublic(pin)) };
  }

  /** The public ones among `channels`; each distinct channel is looked up once. */
  async among(client: webApi.WebClient, channels: readonly string[]): Promise<Set<string>> {
    const publicChannels = new Set<string>();
    await forEachAtMost([...new Set(channels)], LOOKUPS_AT_ONCE, async (channel) => {
      if (await this.isPublic(client, channel)) publicChannels.add(channel);
    });
    return publicChannels;
  }

  private isPublic(client: webApi.WebClient, channel: string): Promise<boolean> {
    // A direct message (D…) is never public, and "" is a question kept before its channel was: no call for either,
    // so a workspace whose members ask the bot in DMs does not spend the method's rate limit on them.
    if (channel === '' || channel.startsWith('D')) return Promise.resolve(false);
    const known = this.answers.get(channel);
    if (known !== undefined && this.now() - known.at < this.ttlMs) return known.isPublic;
    // The promise is kept, not its result, so tabs opened together share one call.
    const lookup = this.lookUp(client, channel);
    const isPublic = lookup.then((answer) => answer.isPublic);
    this.answers.set(channel, { isPublic, at: this.now() });
    void lookup.then((answer) => {
      // A timeout or rate limit says nothing about the channel: ask again on the next visit.
      if (!answer.keep && this.answers.get(channel)?.isPublic === isPublic) this.answers.delete(channel);
    });
    return isPublic;
  }

  private async lookUp(client: webApi.WebClient, channel: string): Promise<ChannelAnswer> {
    try {
      const info = await client.conversations.info({ channel });
      const c = info.channel;
      // Archived public channels show: their pins were public when made and still are.
      const isPublic = c !== undefined && c.is_private !== true && c.is_im !== true && c.is_mpim !== true;
      return { isPublic, keep: true };
    } catch (error) {
      const code = slackErrorCode(error);
      if (code === 'missing_scope') {
        const needed = String((error as { data?: { needed?: unknown } }).data?.needed ?? '');
        // Slack asks for groups:read (or im/mpim:read) about a private conversation: hidden, as it should be.
        if (!PRIVATE_CONVERSATION_SCOPES.some((scope) => needed.includes(scope))) {
          this.warnMissingScope({ channel, scope: PUBLIC_CHANNEL_SCOPE });
        }
      } else {
        this.warnFailed({ channel, err: errorSummary(error) });
      }
      return { isPublic: false, keep: code !== undefined };
    }
  }
}

/** Runs `work` on every item, at most `limit` at a time. */
async function forEachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
