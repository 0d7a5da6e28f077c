import { parse as parseQuery } from 'node:querystring';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPResponseAck, type App, type Receiver } from '@slack/bolt';
import type { Logger } from '../../src/index.js';
import { throttledWarning } from '../logging/throttled-warning.js';
import { HTTP_ROUTE_PATHS, type Route } from '../platform.js';
import { errorSummary } from './moderators.js';
import { verifySlackSignature } from './verify.js';

export const SLACK_EVENTS_PATH = HTTP_ROUTE_PATHS.slack;

/** What a slash command sent while the receiver takes no work (stopping, or not started yet) is told. */
export const RESTARTING_TEXT = 'Pinpoint is restarting. Please ask again in a moment.';

export interface RouteReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Bolt-shaped logger for Bolt's own ack helper. */
  boltLogger: ConstructorParameters<typeof HTTPResponseAck>[0]['logger'];
  path?: string;
  reportError?: ((kind?: string) => void) | undefined;
  /** Clock in milliseconds for the timestamp window and the rejection warning (tests). */
  now?: () => number;
}

/**
 * A Bolt receiver that lives on the shared HTTP server as a Route instead of opening its own
 * port. It verifies signatures itself so timestamps are checked in both directions.
 */
export class RouteReceiver implements Receiver {
  readonly route: Route;
  private app: App | undefined;
  private accepting = false;
  private readonly inFlight = new Set<Promise<void>>();
  /** Anyone who knows the URL can send bad requests: after the first, they are counted, not each logged. */
  private readonly warnRejected: (fields: object) => void;

  constructor(private readonly options: RouteReceiverOptions) {
    this.warnRejected = throttledWarning(
      options.logger,
      "slack: request rejected: bad signature or timestamp; if every request is rejected, check SLACK_SIGNING_SECRET (the app's Signing Secret) and the clock",
      options.now === undefined ? {} : { now: options.now },
    );
    this.route = {
      method: 'POST',
      path: options.path ?? SLACK_EVENTS_PATH,
      handle: (req, res, rawBody) => this.handle(req, res, rawBody),
    };
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    this.accepting = true;
  }

  /** Stops taking requests, then waits up to `timeoutMs` for requests being answered. */
  async stop(timeoutMs = 5000): Promise<void> {
    this.accepting = false;
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  private verify(req: IncomingMessage, rawBody: Buffer): ReturnType<typeof verifySlackSignature> {
    return verifySlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      timestamp: req.headers['x-slack-request-timestamp'],
      signature: req.headers['x-slack-signature'],
      nowMs: this.options.now?.(),
    });
  }

  /**
   * A request while no work is taken (shutting down, or not started yet). Slack retries events, so they get 503 and
   * the next instance answers the retry. A slash command is never retried, and a 503 shows the person only
   * "dispatch_failed": a signed one gets a 200 with a private message to ask again. Interactive payloads (button
   * presses) keep the 503: their response body is not shown to anyone, and the warning icon Slack shows tells the
   * person the press did nothing, so they press again. Unsigned requests get 503 as before, unlogged.
   */
  private turnAway(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): void {
    if (!this.verify(req, rawBody).ok || !isSlashCommand(rawBody, req.headers['content-type'])) {
      reply(res, 503);
      return;
    }
    this.options.logger.info({}, 'slack: slash command arrived while not taking requests; told to ask again');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ response_type: 'ephemeral', text: RESTARTING_TEXT }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
    const log = this.options.logger;
    if (!this.accepting || this.app === undefined) {
      this.turnAway(req, res, rawBody);
      return;
    }
    const verdict = this.verify(req, rawBody);
    if (!verdict.ok) {
      this.warnRejected({ reason: verdict.reason, bytes: rawBody.length });
      this.options.reportError?.('signature');
      reply(res, 401);
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(rawBody, req.headers['content-type']);
    } catch {
      reply(res, 400);
      return;
    }
    if (body.ssl_check === '1') {
      reply(res, 200);
      return;
    }
    // Slack's notice that it is dropping this app's events for a minute: no event inside for Bolt to route, so
    // nothing would acknowledge it. Operators need to hear of it; Slack needs a 200.
    if (body.type === 'app_rate_limited') {
      log.warn(
        { minuteRateLimited: body.minute_rate_limited },
        'slack: Slack is rate-limiting events to this app (over 30,000 an hour); events are being dropped until the next minute',
      );
      this.options.reportError?.('app_rate_limited');
      reply(res, 200);
      return;
    }
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: req as never,
      httpRequestBody: body,
      httpResponse: res,
      unhandledRequestHandler: () => {
        log.error({ type: body.type }, 'slack: request not acknowledged within 3 s');
        reply(res, 404);
      },
    });
    const retry = req.headers['x-slack-retry-num'];
    const work = this.app
      .processEvent({
        body,
        ack: ack.bind(),
        retryNum: typeof retry === 'string' ? Number.parseInt(retry, 10) : undefined,
        retryReason: headerText(req.headers['x-slack-retry-reason']),
      })
      .catch((error: unknown) => {
        log.error({ err: errorSummary(error), type: body.type }, 'slack: event processing failed');
        reply(res, 500);
      });
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }
}

/** A slash command's form body: a `command` field and no interactive `payload`. */
function isSlashCommand(rawBody: Buffer, contentType: string | undefined): boolean {
  if (contentType?.split(';')[0]?.trim() !== 'application/x-www-form-urlencoded') return false;
  const form = parseQuery(rawBody.toString('utf8'));
  return typeof form.command === 'string' && form.command.startsWith('/') && form.payload === undefined;
}

function parseBody(rawBody: Buffer, contentType: string | undefined): Record<string, unknown> {
  const text = rawBody.toString('utf8');
  if (contentType?.split(';')[0]?.trim() === 'application/x-www-form-urlencoded') {
    const form = parseQuery(text);
    if (typeof form.payload === 'string') return objectOnly(JSON.parse(form.payload));
    return form as Record<string, unknown>;
  }
  return objectOnly(JSON.parse(text));
}

/**
 * Bolt reads the body, and an event's `event`, as objects: `null` there is a TypeError, and a number,
 * string or array matches no listener, so nothing acknowledges it and the request hangs for 3 s.
 */
function objectOnly(parsed: unknown): Record<string, unknown> {
  if (!isObject(parsed)) throw new Error('not an object');
  if ('event' in parsed && !isObject(parsed.event)) throw new Error('event is not an object');
  return parsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function reply(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}
