/** The error code a Slack Web API call failed with (e.g. "already_pinned"), when Slack sent one. */
export function slackErrorCode(error: unknown): string | undefined {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}
