// The composition root: wires the core to the platforms, loaded by adapters/main.ts once a stop signal is handled.
// One of the three entry points that read the environment, with bin/pinpoint.ts (the CLI) and
// adapters/discord/register-cli.ts (npm run discord:register).
import {
  createPinpoint,
  describeConfig,
  enabledPlatforms,
  isPinpointError,
  parseConfig,
  PinpointError,
  PLATFORM_VARIABLES,
  ratesOf,
  secretValues,
  type Config,
  type Logger,
  type Pinpoint,
  type PlatformPlan,
  wantsColor,
} from '../src/index.js';
import { exitQuietlyWhenOutputCloses } from '../bin/closed-output.js';
import { programName } from '../bin/program.js';
import { createLogAbovePrompt, type LogAbovePrompt } from './console/log-above-prompt.js';
import { loadEnvFile } from './env-file.js';
import { createHttpServer } from './http/server.js';
import { createLogger } from './logging/create-logger.js';
import { createMetrics, type ErrorReporter, type Metrics } from './metrics/create-metrics.js';
import { instrumentCore } from './metrics/instrument-core.js';
import { HTTP_ROUTE_PATHS, type PlatformAdapter } from './platform.js';
import { createShutdown, onShutdownSignals, type Shutdown, type ShutdownStep } from './shutdown.js';

/** What each platform adapter factory is handed. */
export interface AdapterDeps {
  core: Pinpoint;
  config: Config;
  logger: Logger;
  /** Counts one error of this platform in pinpoint_platform_errors_total{platform,kind}. */
  reportError: ErrorReporter;
}

/**
 * Loaded only when configured (dynamic import), so an unused platform never loads its SDK.
 * Each entry is type-checked against that adapter's factory.
 */
const ADAPTERS: Record<PlatformPlan['platform'], (plan: PlatformPlan, deps: AdapterDeps) => Promise<PlatformAdapter>> = {
  discord: async (plan, deps) => {
    const { createDiscordAdapter } = await import('./discord/index.js');
    return createDiscordAdapter({ ...deps, ...(plan.platform === 'discord' ? { mode: plan.mode } : {}) });
  },
  slack: async (_plan, deps) => {
    const { createSlackAdapter } = await import('./slack/index.js');
    return createSlackAdapter(deps);
  },
};

// Run directly (node dist/adapters/main.js, as the Docker image runs it), the usage shows that form: npm's
// "-- --check-config" would pass "--" on, which the bot refuses.
const program = programName(process.env, process.argv[1] ?? '', process.cwd(), new Set(['start']));
const START = program === undefined ? { command: 'npm start', form: 'npm start [-- --check-config]' } : { command: program, form: `${program} [--check-config]` };

const USAGE = `usage: ${START.form}
  The bot: every chat platform whose credentials are set (Discord, Slack), on one HTTP port;
  with none set, the terminal chat when stdin is a terminal.
options:
  --check-config   print the effective settings (secrets hidden) and the platforms that would start, then exit
  -h, --help       print this and exit
Settings come from the environment or .env: see Deploying in README.md and .env.example for each variable.
`;

type StartArgs = { command: 'start' | 'check-config' | 'help' } | { unknown: string };

/**
 * Strict on purpose: a typo such as --check-confg must not start the bot (bind the port, open the
 * database, connect to the platforms) when the user asked for something else.
 */
function parseStartArgs(argv: readonly string[]): StartArgs {
  let command: 'start' | 'check-config' | 'help' = 'start';
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { command: 'help' };
    if (arg === '--check-config') command = 'check-config';
    else return { unknown: arg };
  }
  return { command };
}

/** How long core.close() may take once the adapters have stopped. */
const CORE_CLOSE_MS = 1000;
/** Of that, how long a shutdown waits for an index still loading, so closing it still fits in CORE_CLOSE_MS. */
const LOADING_WAIT_MS = 750;
/** What an adapter's stop() may take past its wait for in-flight work (closing its connection). */
const ADAPTER_STOP_MARGIN_MS = 250;

function exit(code: number): never {
  process.exit(code);
}

/** One clear line on stderr (no stack trace for errors we made on purpose; the log has the rest). */
function reportStartupError(error: unknown, logger?: Logger): void {
  const message = isPinpointError(error)
    ? error.message
    : `pinpoint: start-up failed: ${error instanceof Error ? error.message : String(error)}`;
  if (logger && !isPinpointError(error)) logger.error({ err: error }, 'start-up failed');
  process.stderr.write(`${message}\n`);
}

function failStartup(error: unknown, logger?: Logger): never {
  reportStartupError(error, logger);
  exit(1);
}

async function runConsole(config: Config, logger: Logger, logs: LogAbovePrompt): Promise<void> {
  const { startConsoleChat } = await import('./console/index.js');
  const core = await createPinpoint({ knowledgeDir: config.KNOWLEDGE_DIR, dataDir: config.DATA_DIR, logger, rates: ratesOf(config), answerRetentionDays: config.ANSWER_RETENTION_DAYS, watch: true });
  const shutdown = createShutdown({
    logger,
    exit,
    steps: () => [{ name: 'close the core', run: () => core.close(), timeoutMs: CORE_CLOSE_MS }],
  });
  onShutdownSignals(shutdown, { exit, logger });
  await startConsoleChat({ core, input: process.stdin, output: process.stdout, logs });
  await shutdown.run('console closed');
}

async function runServer(config: Config, logger: Logger, plans: PlatformPlan[]): Promise<void> {
  const metrics: Metrics = createMetrics();
  let loading: Promise<Pinpoint> | undefined;
  let core: Pinpoint | undefined;
  const adapters = new Map<string, PlatformAdapter>();

  const http = createHttpServer({
    port: config.PORT,
    host: config.HOST,
    logger: logger.child({ component: 'http' }),
    metrics,
    pendingPaths: plans.filter((plan) => plan.mode === 'http').map((plan) => HTTP_ROUTE_PATHS[plan.platform]),
    readiness: () => {
      const checks: Record<string, boolean> = { core: core !== undefined };
      for (const plan of plans) checks[plan.platform] = adapters.get(plan.platform)?.ready() ?? false;
      return checks;
    },
  });

  // Signals are handled from here on, so a SIGTERM during start-up still shuts down cleanly.
  const shutdown: Shutdown = createShutdown({
    logger,
    exit,
    steps: () => {
      // One budget for draining HTTP and stopping the adapters (default 4 s): requests get three
      // quarters of it, the adapters' own in-flight work (replies after an ack) what is left.
      const budget = config.SHUTDOWN_TIMEOUT_MS;
      const deadline = Date.now() + budget;
      const remaining = (): number => Math.max(500, deadline - Date.now());
      return [
        {
          name: 'finish in-flight HTTP requests',
          run: () => http.drain(Math.round(budget * 0.75)),
          timeoutMs: Math.round(budget * 0.75) + 500,
        },
        {
          // The adapters wait for their in-flight answers as long as the budget has left, not a fixed time of their own.
          name: 'stop the platform adapters',
          run: () => {
            const left = remaining();
            return Promise.all([...adapters.values()].map((adapter) => adapter.stop(left)));
          },
          timeoutMs: () => remaining() + ADAPTER_STOP_MARGIN_MS,
        },
        {
          // Also when the signal came while the index was still loading: it gets LOADING_WAIT_MS to finish, and past
          // that the bot stops without it, which loses nothing (the index cache is written atomically, SQLite keeps
          // its journal). Waiting it out made a SIGTERM during a long first indexing fail with exit 1.
          name: 'close the core',
          run: async () => {
            const loaded = await loadedWithin(loading, LOADING_WAIT_MS);
            if (loaded === STILL_LOADING) logger.info({ waitedMs: LOADING_WAIT_MS }, 'stopping while the index is still loading');
            else await loaded?.close();
          },
          timeoutMs: CORE_CLOSE_MS,
        },
      ] satisfies ShutdownStep[];
    },
  });
  onShutdownSignals(shutdown, { exit, logger });

  const startServing = async (): Promise<void> => {
    const address = await http.listen();
    logger.info({ port: address.port, platforms: plans.map((p) => `${p.platform}:${p.mode}`) }, 'listening');

    const started = Date.now();
    // The long-running bot picks up edited knowledge without a restart.
    loading = createPinpoint({ knowledgeDir: config.KNOWLEDGE_DIR, dataDir: config.DATA_DIR, logger, rates: ratesOf(config), answerRetentionDays: config.ANSWER_RETENTION_DAYS, watch: true });
    const loaded = await loading;
    core = loaded;
    metrics.trackIndex(() => loaded.stats());
    const stats = loaded.stats();
    logger.info({ documents: stats.documents, passages: stats.passages, ms: Date.now() - started }, 'index loaded');

    for (const plan of plans) {
      if (shutdown.started) return;
      metrics.registerPlatform(plan.platform);
      const adapter = await ADAPTERS[plan.platform](plan, {
        core: instrumentCore(loaded, metrics, plan.platform),
        config,
        logger: logger.child({ platform: plan.platform }),
        reportError: metrics.errorReporter(plan.platform),
      });
      http.mount(adapter.routes);
      adapters.set(plan.platform, adapter);
      try {
        await adapter.start();
      } catch (error) {
        metrics.countError(plan.platform, 'start');
        throw error;
      }
      logger.info({ platform: plan.platform, mode: plan.mode, routes: adapter.routes.map((r) => r.path) }, 'platform started');
    }
    shutdownOnFatal(shutdown, logger);
  };

  try {
    await startServing();
  } catch (error) {
    // Release what did start (ports, gateway sessions, the store) before exiting 1.
    reportStartupError(error, logger);
    await shutdown.run('start-up failed', { failed: true });
  }
}

const STILL_LOADING = Symbol('still loading');

/** The core once loaded, undefined when loading failed or never began, or STILL_LOADING after `waitMs`. */
async function loadedWithin(loading: Promise<Pinpoint> | undefined, waitMs: number): Promise<Pinpoint | undefined | typeof STILL_LOADING> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<typeof STILL_LOADING>((resolve) => {
    timer = setTimeout(() => resolve(STILL_LOADING), waitMs);
  });
  try {
    return await Promise.race([loading?.catch(() => undefined), waited]);
  } finally {
    clearTimeout(timer);
  }
}

/** Errors nobody caught mean the process state is unknown: log them and shut down rather than limp on. */
function shutdownOnFatal(shutdown: Shutdown, logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.error({ err: error }, 'uncaught exception');
    void shutdown.run('uncaughtException', { failed: true });
  });
  process.on('unhandledRejection', (error) => {
    logger.error({ err: error }, 'unhandled rejection');
  });
}

async function main(argv: readonly string[]): Promise<void> {
  // Before .env and the settings: --help must work with a broken .env, and a bad argument starts nothing.
  const args = parseStartArgs(argv);
  if ('unknown' in args) {
    process.stderr.write(`pinpoint: ${START.command} does not take "${args.unknown}"\n${USAGE}`);
    exit(2);
  }
  if (args.command === 'help') {
    exitQuietlyWhenOutputCloses();
    process.stdout.write(USAGE);
    return;
  }
  let config: Config;
  let envFileRead = false;
  try {
    envFileRead = loadEnvFile();
    config = parseConfig(process.env);
  } catch (error) {
    failStartup(error);
  }
  if (args.command === 'check-config') {
    // Only for these one-shot prints: the bot's logs do not go through process.stdout, and the chat shuts down its own way.
    exitQuietlyWhenOutputCloses();
    process.stdout.write(`${describeConfig(config).join('\n')}\n`);
    return;
  }

  const plans = enabledPlatforms(config);
  const consoleMode = plans.length === 0;
  if (consoleMode && !process.stdin.isTTY) {
    // .env is read from the working folder, which a service manager sets elsewhere than the checkout (systemd starts
    // in /): its settings were never read, and nothing said so.
    const noEnvFile = envFileRead ? '' : `; there is no .env in ${process.cwd()}, the working folder it is read from`;
    failStartup(
      new PinpointError(
        'CONFIG_INVALID',
        `pinpoint: no chat platform is configured and stdin is not a terminal for the console chat; set ${PLATFORM_VARIABLES} (see .env.example)${noEnvFile}`,
      ),
    );
  }
  // In the console chat stdout is the conversation, so logs go to stderr, above the prompt.
  const logOutput = consoleMode ? process.stderr : process.stdout;
  const chatLogs = consoleMode ? createLogAbovePrompt(process.stderr) : undefined;
  const logger = createLogger({
    // In the console chat, info lines would interrupt the conversation: warn unless LOG_LEVEL is set.
    level: consoleMode && !process.env.LOG_LEVEL?.trim() ? 'warn' : config.LOG_LEVEL,
    ...(chatLogs ? { output: chatLogs.stream } : {}),
    pretty: config.LOG_PRETTY ?? Boolean(logOutput.isTTY),
    // LOG_PRETTY=true for a file or journald wants readable lines, not colour codes in them.
    color: wantsColor(logOutput, process.env),
    secrets: secretValues(config),
  });
  try {
    if (chatLogs) await runConsole(config, logger, chatLogs);
    else await runServer(config, logger, plans);
  } catch (error) {
    failStartup(error, logger);
  }
}

await main(process.argv.slice(2));
