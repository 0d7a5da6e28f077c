// Reading Discord REST errors (@discordjs/rest DiscordAPIError / HTTPError) without depending on their classes.
import { PinpointError } from './core.js';

// Discord's JSON error codes the adapter reacts to (https://discord.com/developers/docs/topics/opcodes-and-status-codes).
/** "Maximum number of pins reached (50)": the channel holds as many pins as Discord allows. */
export const MAX_PINS_REACHED = 30003;
/** "Missing Access": the bot may not see the channel (no View Channel there). */
export const MISSING_ACCESS = 50001;
/** "Unknown Message": the message was deleted. */
export const UNKNOWN_MESSAGE = 10008;
/** "Interaction has already been acknowledged." */
export const ALREADY_ACKNOWLEDGED = 40060;

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A failed Discord REST call in words an operator can act on: Discord answered, so it refused `what` and
 * `fix` says which settings to change; or it never answered, so DISCORD_API_BASE (or the network) is wrong.
 */
export function describeRestFailure(error: unknown, apiBase: string, what: string, fix: string): PinpointError {
  const reason = error instanceof Error ? error.message : String(error);
  const message =
    statusOf(error) === undefined
      ? `pinpoint: cannot reach Discord at ${apiBase} (${reason}); check the network, or DISCORD_API_BASE if it is set`
      : `pinpoint: Discord refused ${what} (${reason}); ${fix}`;
  return new PinpointError('CONFIG_INVALID', message, { cause: error });
}

/**
 * What the log gets for an error: enough to act on, but not the request body (it holds quoted text and
 * the question) nor the interaction token that Discord's error URLs contain.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { status?: unknown; code?: unknown; method?: unknown; url?: unknown };
  const summary: Record<string, unknown> = { type: e.name, message: e.message };
  if (e.status !== undefined) summary.status = e.status;
  if (e.code !== undefined) summary.code = e.code;
  if (typeof e.method === 'string') summary.method = e.method;
  if (typeof e.url === 'string') summary.url = e.url.replace(/\/(webhooks\/\d+|interactions\/\d+)\/[^/?]+/, '/$1/<token>');
  if (e.stack && !('status' in e)) summary.stack = e.stack;
  return summary;
}

/** Discord's JSON error code (e.g. {@link MAX_PINS_REACHED}). */
export function discordCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}
