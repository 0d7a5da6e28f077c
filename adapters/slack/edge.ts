import type { RespondArguments, RespondFn } from '@slack/bolt';
import { isPinpointError, MAX_QUESTION_CHARS, questionTooLongText, type Logger, type PinScope, type Pinpoint } from '../../src/index.js';
import { errorSummary } from './moderators.js';
import { toSlackNotice, type SlackMessage } from './render.js';
import { slackErrorCode } from './slack-error.js';

export const PLATFORM = 'slack' as const;
export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';
const NOT_IN_CHANNEL = "I'm not in this channel yet: invite me with /invite, then try again.";
/** A direct message (its id starts with D) takes no app that is not part of it, and /invite cannot add one. */
const NOT_IN_DIRECT_MESSAGE =
  "I can't post in a direct message I'm not part of, so nothing was posted: ask in a channel I'm in to share an answer there.";
const POSTING_RESTRICTED = 'Slack does not let me post in this channel (posting here is restricted), so nothing was posted.';

/**
 * Slack's refusals to post that no retry cures, by error code: "try again in a moment" would send the person round
 * in circles (a read-only announcements channel, an archived one).
 */
const REFUSED_POST_TEXT: ReadonlyMap<string, string> = new Map([
  ['not_in_channel', NOT_IN_CHANNEL],
  ['channel_not_found', NOT_IN_CHANNEL],
  ['is_archived', 'This channel is archived, so nothing was posted in it.'],
  ['restricted_action', POSTING_RESTRICTED],
  ['restricted_action_read_only_channel', POSTING_RESTRICTED],
  ['restricted_action_thread_only_channel', POSTING_RESTRICTED],
  ['restricted_action_non_threadable_channel', POSTING_RESTRICTED],
]);

/** The pin/answer scope of a Slack conversation. */
export function scopeOf(teamId: string | undefined, channelId: string | undefined): PinScope {
  return { platform: PLATFORM, server: teamId ?? 'unknown', channel: channelId ?? 'unknown' };
}

/** Takes a cooldown token; returns the notice to show when the user must wait. */
export function cooldown(core: Pinpoint, user: string, channel: string | undefined): SlackMessage | undefined {
  const decision = core.limits.take({ platform: PLATFORM, user, channel: channel ?? 'unknown' });
  if (decision.ok) return undefined;
  const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  return toSlackNotice(`You're asking quickly: try again in ${seconds} s.`);
}

/**
 * The notice for a question longer than the core reads, else undefined: the core would answer its first
 * MAX_QUESTION_CHARS only, and echo the cut question as if that was what was asked. Counted as the core cuts.
 */
export function questionTooLong(question: string): SlackMessage | undefined {
  if (question.length <= MAX_QUESTION_CHARS) return undefined;
  return toSlackNotice(questionTooLongText(MAX_QUESTION_CHARS, question.length));
}

/** A private reply through response_url (slash commands, buttons, shortcuts). */
function ephemeral(message: SlackMessage, replaceOriginal = false): RespondArguments {
  return { response_type: 'ephemeral', replace_original: replaceOriginal, text: message.text, blocks: message.blocks };
}

/** Waits before each new try of a response_url post that failed on Slack's side. */
const RESPOND_RETRY_DELAYS_MS = [300, 1000];

/**
 * `ephemeral` posted through Bolt's `respond`, tried again after a 5xx or a failed connection: Bolt posts
 * once, so a hiccup at Slack would turn the answer into the apology.
 */
export async function respondPrivately(respond: RespondFn, message: SlackMessage, replaceOriginal = false): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await respond(ephemeral(message, replaceOriginal));
      return;
    } catch (error) {
      const delay = RESPOND_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !failedAtSlack(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** A 5xx from the response_url, or no answer at all (fetch failed): worth another try. */
function failedAtSlack(error: unknown): boolean {
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number') return status >= 500;
  return error instanceof TypeError && error.message === 'fetch failed';
}

/** What a person is told when `error` stopped their request in `channel`: never a stack trace. */
function userMessageFor(error: unknown, channel: string | undefined): string {
  if (isPinpointError(error) && (error.code === 'INPUT_INVALID' || error.code === 'RATE_LIMITED')) {
    return error.message.replace(/^pinpoint:\s*/, '');
  }
  const coded = error as { code?: unknown; retryAfter?: unknown };
  if (coded.code === 'slack_webapi_rate_limited_error') {
    const seconds = typeof coded.retryAfter === 'number' ? ` in ${coded.retryAfter} s` : ' in a moment';
    return `Slack is rate-limiting me right now: please try again${seconds}.`;
  }
  if (coded.code === 'slack_webapi_platform_error') {
    const code = slackErrorCode(error);
    if (code === 'ratelimited') return 'Slack is rate-limiting me right now: please try again in a moment.';
    if (code === 'channel_not_found' && channel?.startsWith('D')) return NOT_IN_DIRECT_MESSAGE;
    const refused = REFUSED_POST_TEXT.get(code ?? '');
    if (refused !== undefined) return refused;
  }
  return APOLOGY;
}

/**
 * Runs one request's work after the ack. Anything thrown is logged with context and turned into
 * a short private message through `tell`; if even that fails, it is only logged. `channel`: where the
 * request came from, when known (a refusal to post there is told apart in a direct message).
 */
export async function atTheEdge(
  logger: Logger,
  report: ((kind?: string) => void) | undefined,
  what: string,
  tell: (message: SlackMessage) => Promise<unknown>,
  work: () => Promise<void>,
  channel?: string,
): Promise<void> {
  const started = Date.now();
  try {
    await work();
    logger.info({ what, ms: Date.now() - started }, 'slack: handled');
  } catch (error) {
    logger.error({ what, err: errorSummary(error), ms: Date.now() - started }, 'slack: request failed');
    report?.(what);
    try {
      await tell(toSlackNotice(userMessageFor(error, channel)));
    } catch (second) {
      logger.error({ what, err: errorSummary(second) }, 'slack: could not tell the user about the failure');
    }
  }
}
