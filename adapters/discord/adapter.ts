import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { PlatformAdapter } from '../platform.js';
import { createDiscordApi, createRest } from './api.js';
import { PinpointError, type Config, type Logger, type Pinpoint } from './core.js';
import { createInteractionHandler } from './handler.js';
import { createInteractionsRoute } from './http.js';
import { answerWhileStopping, tellUnanswered } from './stopping.js';
import type { Respond, Turn } from './turn.js';
import type { RawInteraction } from './interaction.js';
import { discordPublicKey } from './verify.js';

export type DiscordMode = 'gateway' | 'http';

/** The longest part of stop()'s time kept for telling members whose answers it cut off (see `stopping.ts`). */
const UNANSWERED_NOTE_MS = 1000;

/** Gateway close codes discord.js does not reconnect after, with what the operator has to change. */
const FATAL_CLOSE_FIXES: Record<number, string> = {
  4004: 'Discord rejected the token (4004), e.g. after it was reset; set the current bot token in DISCORD_TOKEN and restart',
  4010: 'Discord refused the shard (4010); restart',
  4011: 'Discord requires sharding for this bot (4011); Pinpoint runs one shard',
  4012: 'Discord refused the gateway API version (4012); upgrade discord.js',
  4013: 'Discord refused the intents (4013); upgrade Pinpoint',
  4014: 'Discord refused privileged intents (4014); Pinpoint needs none, so check the intents this build requests',
};

type DiscordConfig = Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_PUBLIC_KEY' | 'DISCORD_API_BASE'>;

export interface DiscordAdapterOptions {
  core: Pinpoint;
  config: DiscordConfig;
  logger: Logger;
  /** Default: 'http' when DISCORD_PUBLIC_KEY is set (the Interactions Endpoint URL wins), else 'gateway'. */
  mode?: DiscordMode;
  /** How long stop() waits for in-flight interactions when not told (default 3000 ms). */
  stopTimeoutMs?: number;
  /** REST retries on 5xx and timeouts (default 3). */
  restRetries?: number;
  /** Counts an error in the platform metrics (adapters/main.ts passes it). */
  reportError?: (kind?: string) => void;
  /** Clock in milliseconds for HTTP mode's signature timestamp window and the autocomplete limit (tests). */
  now?: () => number;
  /** Builds the gateway client from the adapter's options (tests observe the client); default `new Client(options)`. */
  createClient?: (options: ClientOptions) => Client;
}

/** The mode the configuration asks for, or a start-up error naming the variables to set. */
export function discordMode(config: DiscordConfig): DiscordMode {
  if (config.DISCORD_PUBLIC_KEY) return 'http';
  if (config.DISCORD_TOKEN) return 'gateway';
  throw new PinpointError(
    'CONFIG_INVALID',
    'pinpoint: Discord is not configured; set DISCORD_TOKEN (gateway) or DISCORD_PUBLIC_KEY + DISCORD_APPLICATION_ID (HTTP interactions)',
  );
}

/**
 * The Discord adapter. Gateway mode logs in with discord.js (no privileged intents) and handles
 * INTERACTION_CREATE; HTTP mode exposes POST /discord/interactions. Both share one interaction handler.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): PlatformAdapter {
  const { core, config, reportError } = options;
  const mode = options.mode ?? discordMode(config);
  const logger = options.logger.child({ adapter: 'discord', mode });
  const inFlight = new Set<Promise<void>>();
  const turns = new Set<Turn>();
  let accepting = false;
  let connected = false;
  const track = (work: Promise<void>): void => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
  };

  /** Waits for in-flight work; what is still "thinking…" near the end of `timeoutMs` is told to ask again. */
  async function drain(timeoutMs = options.stopTimeoutMs ?? 3000): Promise<void> {
    const noteMs = Math.min(UNANSWERED_NOTE_MS, Math.round(timeoutMs / 4));
    await waitForInFlight(timeoutMs - noteMs);
    await tellUnanswered(turns, config.DISCORD_API_BASE, logger, noteMs);
  }

  async function waitForInFlight(timeoutMs: number): Promise<void> {
    accepting = false;
    if (inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        timedOut = true;
        resolve();
      }, timeoutMs);
    });
    // Again until none is left: "restarting" answers sent meanwhile are waited for too.
    while (inFlight.size > 0 && !timedOut) await Promise.race([Promise.allSettled([...inFlight]), timeout]);
    clearTimeout(timer);
  }

  if (mode === 'http') {
    if (!config.DISCORD_PUBLIC_KEY) throw new PinpointError('CONFIG_INVALID', 'pinpoint: Discord HTTP mode needs DISCORD_PUBLIC_KEY; set it');
    const publicKey = discordPublicKey(config.DISCORD_PUBLIC_KEY);
    const rest = createRest(config.DISCORD_API_BASE, config.DISCORD_TOKEN, options.restRetries);
    const api = createDiscordApi(rest, Boolean(config.DISCORD_TOKEN));
    const handler = createInteractionHandler({ core, api, logger, turns, ...(reportError ? { reportError } : {}), ...(options.now ? { now: options.now } : {}) });
    const route = createInteractionsRoute({
      publicKey,
      handler,
      logger,
      track,
      accepting: () => accepting,
      ...(reportError ? { reportError } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    return {
      name: 'discord',
      routes: [route],
      async start() {
        accepting = true;
        logger.info({ path: route.path, pins: Boolean(config.DISCORD_TOKEN) }, 'discord HTTP interactions ready');
      },
      async stop(timeoutMs) {
        await drain(timeoutMs);
        rest.clearHashSweeper();
        rest.clearHandlerSweeper();
      },
      ready: () => accepting,
    };
  }

  const token = config.DISCORD_TOKEN;
  if (!token) throw new PinpointError('CONFIG_INVALID', 'pinpoint: Discord gateway mode needs DISCORD_TOKEN; set it');
  const clientOptions: ClientOptions = {
    // Interactions arrive without any intent; Guilds is not privileged and keeps channel data usable.
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_BASE, retries: options.restRetries ?? 3 },
    // The default for anything discord.js itself sends: our own messages set allowed_mentions, this covers the rest.
    allowedMentions: { parse: [] },
  };
  const client = options.createClient ? options.createClient(clientOptions) : new Client(clientOptions);
  const api = createDiscordApi(client.rest, true);
  const handler = createInteractionHandler({ core, api, logger, turns, ...(reportError ? { reportError } : {}), ...(options.now ? { now: options.now } : {}) });

  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (packet.t !== 'INTERACTION_CREATE') return;
    const interaction = packet.d as RawInteraction;
    const respond: Respond = (body) => api.callback(interaction.id, interaction.token, body);
    // The gateway delivers until destroy(): while stopping, a short answer beats Discord's "did not respond".
    track(accepting ? handler(interaction, respond) : answerWhileStopping(interaction, respond, logger));
  });
  client.on(Events.ShardReady, () => {
    connected = true;
  });
  client.on(Events.ShardResume, (_shard, replayed) => {
    connected = true;
    logger.info({ replayed }, 'discord gateway resumed');
  });
  client.on(Events.ShardDisconnect, (event) => {
    connected = false;
    // discord.js emits this only for close codes it does not reconnect after: until a restart with the
    // fix, this process hears nothing more from Discord, so it is an error and says what to change.
    const fix = FATAL_CLOSE_FIXES[event.code];
    if (fix === undefined) {
      logger.warn({ code: event.code }, 'discord gateway disconnected');
      return;
    }
    reportError?.('gateway');
    logger.error({ code: event.code }, `discord gateway closed for good: ${fix}; the bot no longer receives Discord interactions until restarted`);
  });
  client.on(Events.ShardReconnecting, () => {
    connected = false;
    logger.info({}, 'discord gateway reconnecting');
  });
  client.on(Events.Error, (error) => {
    reportError?.('gateway');
    logger.error({ err: error }, 'discord client error');
  });
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));

  return {
    name: 'discord',
    routes: [],
    async start() {
      accepting = true;
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(token);
      } catch (error) {
        accepting = false;
        throw new PinpointError(
          'CONFIG_INVALID',
          `pinpoint: Discord login failed (${error instanceof Error ? error.message : String(error)}); check DISCORD_TOKEN and DISCORD_API_BASE`,
          { cause: error },
        );
      }
      await ready;
      connected = true;
      logger.info({ user: client.user?.id, guilds: client.guilds.cache.size }, 'discord gateway ready');
    },
    async stop(timeoutMs) {
      await drain(timeoutMs);
      connected = false;
      await client.destroy();
    },
    ready: () => connected && accepting,
  };
}
