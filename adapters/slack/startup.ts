import { PinpointError } from '../../src/index.js';
import { slackErrorCode } from './slack-error.js';

/** What Slack answers when a token is wrong, revoked or belongs to a disabled account. */
const REFUSED_TOKEN = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
  'user_removed_from_team',
  'team_disabled',
]);

const WHERE_TO_COPY: Record<string, string> = {
  SLACK_BOT_TOKEN: 'copy the Bot User OAuth Token (xoxb-…) again from your app at https://api.slack.com/apps (OAuth & Permissions)',
  SLACK_APP_TOKEN:
    'copy an App-Level Token (xapp-…) with the connections:write scope from your app at https://api.slack.com/apps (Basic Information)',
};

interface WebApiErrorShape {
  code?: unknown;
  original?: { message?: unknown };
  statusCode?: unknown;
}

function platformError(error: unknown): string | undefined {
  return (error as WebApiErrorShape | undefined)?.code === 'slack_webapi_platform_error' ? slackErrorCode(error) : undefined;
}

/** True when Slack refused the token itself (as opposed to being unreachable or busy). */
export function isRefusedToken(error: unknown): boolean {
  const refused = platformError(error);
  return refused !== undefined && REFUSED_TOKEN.has(refused);
}

/**
 * Failures worth waiting out at start-up, as the Socket Mode client itself does: rate limits, Slack's
 * own temporary errors, and a WebSocket that did not open. Refused tokens, HTTP errors and an
 * unreachable API base are not: start-up stops with a message instead.
 */
export function isTransientStartError(error: unknown): boolean {
  if (error === undefined) return true;
  const e = error as WebApiErrorShape;
  if (e.code === 'slack_webapi_rate_limited_error') return true;
  return platformError(error) !== undefined && !isRefusedToken(error);
}

/** Slack's own words for a failure on its side that passes (Web API error codes). */
const TEMPORARY_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

/**
 * Failures of auth.test worth another try at start-up: a rate limit, a 5xx, a request that got no answer (a network
 * blip, a timeout) and Slack's own temporary errors. A refused token or a 4xx (a wrong SLACK_API_URL) is not.
 */
export function isTransientInitError(error: unknown): boolean {
  const e = error as WebApiErrorShape | undefined;
  if (e?.code === 'slack_webapi_rate_limited_error' || e?.code === 'slack_webapi_request_error') return true;
  if (e?.code === 'slack_webapi_http_error') return typeof e.statusCode === 'number' && e.statusCode >= 500;
  const refused = platformError(error);
  return refused !== undefined && TEMPORARY_PLATFORM_ERRORS.has(refused);
}

/**
 * A start-up failure in words an operator can act on: which variable Slack refused, or that the API
 * base cannot be reached. Anything else is returned as it is.
 */
export function describeStartError(error: unknown, variable: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', apiUrl: string): unknown {
  const e = error as WebApiErrorShape | undefined;
  const refused = platformError(error);
  if (refused !== undefined && REFUSED_TOKEN.has(refused)) {
    return new PinpointError('CONFIG_INVALID', `pinpoint: Slack refused ${variable} (${refused}); ${WHERE_TO_COPY[variable]}`, { cause: error });
  }
  if (refused !== undefined) {
    return new PinpointError('CONFIG_INVALID', `pinpoint: Slack answered "${refused}" at start-up; check ${variable} and the app's scopes`, {
      cause: error,
    });
  }
  if (e?.code === 'slack_webapi_request_error') {
    const reason = typeof e.original?.message === 'string' ? e.original.message : 'request failed';
    return new PinpointError(
      'CONFIG_INVALID',
      `pinpoint: cannot reach Slack at ${apiUrl} (${reason}); check the network, or SLACK_API_URL if it is set`,
      { cause: error },
    );
  }
  if (e?.code === 'slack_webapi_http_error') {
    return new PinpointError(
      'CONFIG_INVALID',
      `pinpoint: Slack at ${apiUrl} answered HTTP ${String(e.statusCode)} at start-up; try again later, or check SLACK_API_URL if it is set`,
      { cause: error },
    );
  }
  if (error === undefined) {
    return new PinpointError('CONFIG_INVALID', 'pinpoint: the Slack Socket Mode connection closed before it opened; check the network');
  }
  return error;
}
