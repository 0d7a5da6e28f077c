import { App, type webApi } from '@slack/bolt';
import { PinpointError, type Logger, type Pinpoint } from '../../src/index.js';
import { createKeyQueue } from '../key-queue.js';
import type { PlatformAdapter } from '../platform.js';
import { registerAsk } from './ask.js';
import { toBoltLogger } from './bolt-logger.js';
import { registerButtons } from './buttons.js';
import { EventDeduper } from './dedupe.js';
import { registerFeedback } from './feedback.js';
import type { SlackDeps } from './deps.js';
import { registerHome } from './home.js';
import { registerMention } from './mention.js';
import { ModeratorCheck, errorSummary, parseModeratorIds } from './moderators.js';
import { registerOtherCommands } from './other-command.js';
import { PublicChannels } from './public-channels.js';
import { RouteReceiver } from './receiver.js';
import { registerFindSources } from './shortcut.js';
import { SocketConnection } from './socket.js';
import { initWithRetries } from './init-retry.js';
import { describeStartError } from './startup.js';
import { registerUnknownActions } from './unknown-action.js';
import { registerUnknownShortcuts } from './unknown-shortcut.js';
import { registerUnpin } from './unpin.js';

/** The settings the Slack adapter reads (a subset of the parsed config; the last one is an optional extra). */
export interface SlackAdapterConfig {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_API_URL?: string | undefined;
  LOG_LEVEL?: string | undefined;
  /** Slash command name; the settings schema defaults it to "/ask". */
  SLACK_COMMAND: string;
  /** Extra moderators: Slack user ids, separated by commas or spaces. */
  SLACK_MODERATOR_IDS?: string | readonly string[] | undefined;
}

export interface SlackAdapterOptions {
  core: Pinpoint;
  config: SlackAdapterConfig;
  logger: Logger;
  /** Counts platform errors (pinpoint_platform_errors_total); adapters/main.ts passes one. */
  reportError?: (kind?: string) => void;
  /** Merged into the WebClient options (tests pass `retryConfig: { retries: 0 }`). */
  clientOptions?: webApi.WebClientOptions;
  /** How long stop() waits for answers already acknowledged when not told (default 3000 ms). */
  stopTimeoutMs?: number;
  /**
   * The wait before retrying a failed auth.test at start-up or (Socket Mode) a failed reconnect, doubled each time
   * up to 30 s (default 1000 ms).
   */
  reconnectDelayMs?: number;
}

/** Socket Mode when an app-level token is set, HTTP mode with a signing secret, else not configured. */
function slackMode(config: SlackAdapterConfig): 'socket' | 'http' | undefined {
  if (!config.SLACK_BOT_TOKEN) return undefined;
  if (config.SLACK_APP_TOKEN) return 'socket';
  if (config.SLACK_SIGNING_SECRET) return 'http';
  return undefined;
}

/** How long a Share press is remembered: a double click arrives within it, and the shared message has no Share button. */
const SHARE_MEMORY_MS = 10 * 60 * 1000;

/** Interactive answers should fail fast rather than wait in a retry queue for minutes. */
const DEFAULT_CLIENT_OPTIONS: webApi.WebClientOptions = {
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 },
  timeout: 10_000,
};

/**
 * The Slack platform adapter: a Bolt app on the shared server's POST /slack/events (HTTP mode)
 * or on a Socket Mode connection. Thin: Slack events in, core calls, Block Kit out.
 */
export function createSlackAdapter(options: SlackAdapterOptions): PlatformAdapter {
  const { core, config } = options;
  const logger = options.logger.child({ adapter: 'slack' });
  const mode = slackMode(config);
  if (mode === undefined) {
    throw new PinpointError(
      'CONFIG_INVALID',
      'pinpoint: Slack is not configured; set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP mode) or with SLACK_APP_TOKEN (Socket Mode)',
    );
  }
  const commandName = config.SLACK_COMMAND;
  if (!/^\/[a-z0-9_-]{1,31}$/.test(commandName)) {
    throw new PinpointError(
      'CONFIG_INVALID',
      `pinpoint: SLACK_COMMAND "${commandName}" is not a slash command; use a lowercase name starting with "/", e.g. /ask`,
    );
  }
  const boltLogger = toBoltLogger(logger, config.LOG_LEVEL);
  const clientOptions: webApi.WebClientOptions = {
    ...DEFAULT_CLIENT_OPTIONS,
    ...(config.SLACK_API_URL ? { slackApiUrl: withSlash(config.SLACK_API_URL) } : {}),
    ...options.clientOptions,
  };
  const apiUrl = clientOptions.slackApiUrl ?? 'https://slack.com/api/';
  const receiver =
    mode === 'http'
      ? new RouteReceiver({ signingSecret: config.SLACK_SIGNING_SECRET ?? '', logger, boltLogger, reportError: options.reportError })
      : undefined;
  // Socket Mode reconnects itself (see socket.ts): the client's own reconnect gives up after one failure.
  const socket =
    mode === 'socket'
      ? new SocketConnection({
          appToken: config.SLACK_APP_TOKEN ?? '',
          logger,
          boltLogger,
          clientOptions,
          reconnectDelayMs: options.reconnectDelayMs ?? 1000,
          apiUrl,
          reportError: options.reportError,
        })
      : undefined;
  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    logger: boltLogger,
    clientOptions,
    // auth.test runs in start(), so a bad token fails start-up instead of an unhandled rejection.
    deferInitialization: true,
    receiver: receiver ?? socket?.receiver,
  });

  const deps: SlackDeps = {
    core,
    logger,
    commandName,
    reportError: options.reportError,
    moderators: new ModeratorCheck(parseModeratorIds(config.SLACK_MODERATOR_IDS), logger),
    publicChannels: new PublicChannels(logger),
    pinning: createKeyQueue(),
    shares: new EventDeduper(SHARE_MEMORY_MS),
  };
  const deduper = new EventDeduper();
  // Work acknowledged to Slack and not answered yet: stop() waits for it (in Socket Mode nothing else does).
  const inFlight = new Set<Promise<void>>();
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !deduper.first(eventId)) {
      logger.info({ eventId }, 'slack: duplicate delivery ignored');
      return;
    }
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  registerAsk(app, deps);
  registerOtherCommands(app, deps);
  registerMention(app, deps);
  registerFindSources(app, deps);
  registerUnknownShortcuts(app, deps);
  registerButtons(app, deps);
  registerFeedback(app, deps);
  registerHome(app, deps);
  registerUnpin(app, deps);
  registerUnknownActions(app, deps);
  app.error(async (error) => {
    logger.error({ err: errorSummary(error) }, 'slack: unhandled error');
    options.reportError?.('unhandled');
  });

  let started = false;
  // stop() during start-up ends the wait between auth.test attempts.
  const stopping = new AbortController();
  return {
    name: 'slack',
    routes: receiver === undefined ? [] : [receiver.route],
    async start() {
      try {
        await initWithRetries(() => app.init(), {
          logger,
          delayMs: options.reconnectDelayMs ?? 1000,
          signal: stopping.signal,
          reportError: options.reportError,
        });
      } catch (error) {
        throw describeStartError(error, 'SLACK_BOT_TOKEN', apiUrl);
      }
      if (socket !== undefined) await socket.connect(() => app.start());
      else await app.start();
      started = true;
      logger.info({ mode, command: commandName }, 'slack: ready');
    },
    async stop(timeoutMs = options.stopTimeoutMs ?? 3000) {
      started = false;
      stopping.abort();
      const deadline = Date.now() + timeoutMs;
      // First no new work (HTTP: 503; Socket Mode: the connection closes), then the answers already acknowledged.
      if (socket !== undefined) await socket.stop();
      else await app.stop(timeoutMs);
      await settle(inFlight, Math.max(0, deadline - Date.now()));
    },
    // Socket Mode is ready only while its connection is up (it drops and reconnects while running).
    ready: () => started && (socket === undefined || socket.connected),
  };
}

/** Waits for `work` to settle, at most `timeoutMs`. */
async function settle(work: ReadonlySet<Promise<unknown>>, timeoutMs: number): Promise<void> {
  if (work.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled([...work]),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

