import { throttledWarning } from '../logging/throttled-warning.js';
import type { DiscordApi } from './api.js';
import type { Logger } from './core.js';
import { describeError } from './errors.js';

/** Discord's channel types of threads everyone who sees their channel sees: announcement and public threads. */
const PUBLIC_THREAD_TYPES: ReadonlySet<number> = new Set([10, 11]);
/** Channels one /report asks Discord about at most, beyond those known: a server with many keeps it quick. */
const LOOKUPS_PER_CALL = 25;
/** Lookups sent at once: quick, and far below the REST rate limit. */
const LOOKUPS_AT_ONCE = 4;
/** Channels remembered at most; past it the oldest is forgotten (asked again when needed). */
const MAX_REMEMBERED = 10_000;

export interface PublicThreads {
  /**
   * Those of `channels` that are public threads of `parent`. A private thread is not (only its members see it),
   * nor a channel Discord will not describe (fail closed), nor one left unasked past the lookups of one call.
   */
  of(parent: string, channels: readonly string[]): Promise<string[]>;
}

/**
 * Which channels are public threads of a channel: a question asked there is one a moderator of the channel
 * may read, since Discord shows a public thread to everyone who sees its channel. A thread's channel and
 * type never change, so Discord's word is kept; a failed lookup is not, and is asked again next time.
 */
export function createPublicThreads(api: DiscordApi, logger: Logger): PublicThreads {
  // Channel id → the channel it is a public thread of, or null when it is none.
  const known = new Map<string, string | null>();
  const warnFailed = throttledWarning(logger, "discord: could not look up a channel; /report leaves out that thread's questions");

  async function lookUp(channelId: string): Promise<void> {
    try {
      const { type, parentId } = await api.channel(channelId);
      if (known.size >= MAX_REMEMBERED) known.delete(known.keys().next().value ?? '');
      known.set(channelId, PUBLIC_THREAD_TYPES.has(type) && parentId ? parentId : null);
    } catch (error) {
      warnFailed({ channel: channelId, error: describeError(error) });
    }
  }

  return {
    async of(parent, channels) {
      if (!api.hasToken) return [];
      // Snowflakes only: questions kept before channels were have "", and a lookup of anything else is pointless.
      const candidates = [...new Set(channels)].filter((id) => id !== parent && /^\d{1,20}$/.test(id));
      const unknown = candidates.filter((id) => !known.has(id)).slice(0, LOOKUPS_PER_CALL);
      for (let i = 0; i < unknown.length; i += LOOKUPS_AT_ONCE) {
        await Promise.all(unknown.slice(i, i + LOOKUPS_AT_ONCE).map(lookUp));
      }
      return candidates.filter((id) => known.get(id) === parent);
    },
  };
}
