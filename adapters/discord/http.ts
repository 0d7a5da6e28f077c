import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { APIInteractionResponse } from 'discord.js';
import { throttledWarning } from '../logging/throttled-warning.js';
import { HTTP_ROUTE_PATHS, type Route } from '../platform.js';
import type { FirstResponse } from './api.js';
import type { Logger } from './core.js';
import type { InteractionHandler } from './handler.js';
import { INTERACTION, RESPONSE, type RawInteraction } from './interaction.js';
import { createSeenInteractions } from './seen-interactions.js';
import { verifyDiscordSignature } from './verify.js';

export const DISCORD_INTERACTIONS_PATH = HTTP_ROUTE_PATHS.discord;

/** Signed JSON that is an object with the two fields everything else reads; anything else is not an interaction. */
function isInteraction(value: unknown): value is RawInteraction {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { id, type } = value as { id?: unknown; type?: unknown };
  return typeof id === 'string' && typeof type === 'number';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Settles once the connection is done with: true when the response went out, false when the client closed
 * the connection first (Discord gives up after 3 s). Node never calls `end`'s callback on a closed
 * connection, so waiting for that callback would leave the interaction's work pending forever.
 */
function sendJson(res: ServerResponse, status: number, body: unknown): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    res.once('close', () => resolve(res.writableFinished));
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
}

export interface HttpRouteOptions {
  publicKey: KeyObject;
  handler: InteractionHandler;
  logger: Logger;
  /** Called with each interaction's work so stop() can wait for it. */
  track: (work: Promise<void>) => void;
  /** False while stopping: new interactions get 503 so Discord shows its own error instead of hanging. */
  accepting: () => boolean;
  /** Counts errors at the adapter's edge (`pinpoint_platform_errors_total`); a bad signature is `signature`. */
  reportError?: (kind?: string) => void;
  /** Clock in milliseconds for the timestamp window and the rejection warning (tests). */
  now?: () => number;
}

/**
 * POST /discord/interactions: Ed25519-verified; PING → PONG; anything else goes to the shared handler,
 * whose first response becomes this HTTP response (later messages go through the REST API).
 */
export function createInteractionsRoute(options: HttpRouteOptions): Route {
  const { publicKey, handler, logger } = options;
  const clock = options.now === undefined ? {} : { now: options.now };
  // Discord sends some on purpose; if every interaction is refused, the key (or the clock) is wrong. Anyone
  // who knows the URL can send more, so after the first they are counted, not each logged.
  const warnBadSignature = throttledWarning(
    logger,
    "discord interaction rejected: bad signature or timestamp; if every interaction is rejected, check that DISCORD_PUBLIC_KEY is this application's Public Key and that this machine's clock is right",
    clock,
  );
  const warnReplay = throttledWarning(
    logger,
    'discord interaction rejected: an interaction id already received (a replayed request); Discord sends each interaction once',
    clock,
  );
  const seen = createSeenInteractions(clock);
  return {
    method: 'POST',
    path: DISCORD_INTERACTIONS_PATH,
    async handle(req, res, rawBody) {
      const verdict = verifyDiscordSignature({
        key: publicKey,
        signatureHex: header(req, 'x-signature-ed25519'),
        timestamp: header(req, 'x-signature-timestamp'),
        rawBody,
        nowMs: options.now?.(),
      });
      if (!verdict.ok) {
        warnBadSignature({ reason: verdict.reason, bytes: rawBody.length });
        options.reportError?.('signature');
        await sendJson(res, 401, { error: 'invalid request signature' });
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody.toString('utf8'));
      } catch {
        await sendJson(res, 400, { error: 'body is not JSON' });
        return;
      }
      // Signed, so it came from Discord (or our key leaked): refused as a client error, not logged as ours.
      if (!isInteraction(parsed)) {
        await sendJson(res, 400, { error: 'body is not a Discord interaction' });
        return;
      }
      const interaction = parsed;
      if (interaction.type === INTERACTION.ping) {
        await sendJson(res, 200, { type: RESPONSE.pong });
        return;
      }
      // A captured request stays validly signed for the whole timestamp window. Discord never sends an
      // interaction twice, so a repeat is refused like any request Discord did not send (401), before it
      // can run (a second Pin or Unpin); nobody waits for its answer.
      if (!seen.first(interaction.id, verdict.validUntilMs)) {
        warnReplay({ interaction: interaction.id, kind: interaction.type });
        options.reportError?.('replay');
        await sendJson(res, 401, { error: 'interaction already received' });
        return;
      }
      if (!options.accepting()) {
        await sendJson(res, 503, { error: 'shutting down' });
        return;
      }
      let responded = false;
      const respond = async (body: APIInteractionResponse): Promise<FirstResponse> => {
        if (responded) throw new Error('discord interaction already answered over HTTP');
        responded = true;
        // Thrown so the handler logs the lost interaction and counts it, instead of waiting forever.
        if (!(await sendJson(res, 200, body))) throw new Error('discord closed the interaction request before the first response was sent (it waits 3 s)');
        return 'sent';
      };
      const work = handler(interaction, respond).finally(async () => {
        // The handler always answers; this only guards against a path that forgot to.
        if (!responded) {
          logger.error({ interaction: interaction.id }, 'discord interaction finished without a response');
          await sendJson(res, 500, { error: 'no response' });
        }
      });
      options.track(work);
      await work;
    },
  };
}
