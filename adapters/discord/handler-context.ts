import { createKeyQueue, type KeyQueue } from '../key-queue.js';
import type { DiscordApi } from './api.js';
import { createAutocompleteLimit } from './autocomplete-limit.js';
import { hasAnyPermission, MODERATOR_BITS } from './commands.js';
import { type Answer, type Logger, pageOf, type Pinpoint } from './core.js';
import { channelOf, scopeOf, userOf, type RawInteraction } from './interaction.js';
import { PINPOINT_DISCORD_LIMITS } from './limits.js';
import { createPublicThreads, type PublicThreads } from './public-threads.js';
import { createSharePresses, type SharePresses } from './share-presses.js';
import { cooldownText } from './text.js';
import type { Turn } from './turn.js';

/** What the command and button flows share: one per handler, built by `createHandlerContext`. */
export interface HandlerContext {
  core: Pinpoint;
  api: DiscordApi;
  logger: Logger;
  /** Excerpts per answer page. */
  pageSize: number;
  /** Takes a token from the core's limiter; when refused, answers privately and returns that reply. */
  cooled: (turn: Turn) => Promise<void> | undefined;
  /** Takes an autocomplete token for the member; false when they are typing faster than suggestions are given. */
  suggestionAllowed: (i: RawInteraction) => boolean;
  /**
   * One page of the answer to `question`, and whether More has anything to show (see below). `again`: a
   * moderator's action asks again (Pin), which no reader asked: not counted, nor kept when unanswered.
   */
  answerPage: (question: string, i: RawInteraction, offset: number, how?: { again: boolean }) => { answer: Answer; hasMore: boolean };
  /** Pin presses of one channel run one at a time (see pin-actions.ts). */
  pinning: KeyQueue;
  /** Which channels are public threads of a channel: /report counts their questions as the channel's. */
  threads: PublicThreads;
  /** Share presses already taken, per member and answer page (see answer-actions.ts). */
  shares: SharePresses;
}

export function isModerator(interaction: RawInteraction): boolean {
  return hasAnyPermission(interaction.member?.permissions, MODERATOR_BITS);
}

export function createHandlerContext(core: Pinpoint, api: DiscordApi, logger: Logger, now?: () => number): HandlerContext {
  const pageSize = PINPOINT_DISCORD_LIMITS.excerptsPerPage;
  const autocompleteLimit = createAutocompleteLimit(now ? { now } : {});
  const suggestionAllowed = (i: RawInteraction): boolean => autocompleteLimit.take(userOf(i).id);

  function cooled(turn: Turn): Promise<void> | undefined {
    const i = turn.interaction;
    const decision = core.limits.take({ platform: 'discord', user: userOf(i).id, channel: channelOf(i) });
    return decision.ok ? undefined : turn.notice(cooldownText(decision.retryAfterMs));
  }

  /**
   * One page of the answer: asks for one excerpt more than the page holds to learn whether More has
   * anything to show (one core call, so metrics count one question). `pinned` only on the first page.
   */
  function answerPage(question: string, i: RawInteraction, offset: number, how = { again: false }): { answer: Answer; hasMore: boolean } {
    const options = { scope: scopeOf(i), offset, limit: pageSize + 1 };
    const page = pageOf(how.again ? core.askAgain(question, options) : core.ask(question, options), pageSize);
    if (offset > 0 && page.answer.pinned) {
      const { pinned: _pinned, ...rest } = page.answer;
      return { answer: rest as Answer, hasMore: page.hasMore };
    }
    return page;
  }

  const threads = createPublicThreads(api, logger);
  const shares = createSharePresses(now ? { now } : {});
  return { core, api, logger, pageSize, cooled, suggestionAllowed, answerPage, pinning: createKeyQueue(), threads, shares };
}
