// `npm run discord:register` (or the compiled register-cli.js run directly): installs the slash commands and prints the invite link (a CLI entry point).
import { exitQuietlyWhenOutputCloses } from '../../bin/closed-output.js';
import { programName } from '../../bin/program.js';
import { commandList, inviteUrl, registerCommands, TOKEN_HINT } from './index.js';
import { loadEnvFile } from '../env-file.js';
import { isPinpointError, parseConfig } from '../../src/index.js';

// Run directly (node dist/adapters/discord/register-cli.js, as in the Docker image, which has no tsx), the usage
// shows that form: npm run's would not work there.
const COMMAND = programName(process.env, process.argv[1] ?? '', process.cwd(), new Set(['discord:register'])) ?? 'npm run discord:register';

const USAGE = `usage: ${COMMAND}
  Registers the slash commands with Discord (on the server DISCORD_GUILD_ID names, else globally) and prints
  the invite link. Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID, DISCORD_GUILD_ID and DISCORD_API_BASE from
  the environment or .env.
options:
  -h, --help   print this and exit
`;

/** Exit codes as `npm start` and `npm run ask`: 2 for a command line it does not take. */
const USAGE_ERROR = 2;

async function main(argv: readonly string[]): Promise<number> {
  // Before .env and any request: asking for help, or a mistyped flag, must not register anything with Discord.
  if (argv.some((arg) => arg === '--help' || arg === '-h')) {
    exitQuietlyWhenOutputCloses();
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`pinpoint: ${COMMAND} does not take "${argv[0]}"\n${USAGE}`);
    return USAGE_ERROR;
  }
  // Read as the bot reads it: a UTF-16 .env too, and an unreadable one is an error, not silently no settings.
  loadEnvFile();
  const config = parseConfig(process.env);
  if (!config.DISCORD_TOKEN) {
    console.error(`pinpoint: DISCORD_TOKEN is not set; ${TOKEN_HINT}`);
    return 1;
  }
  const result = await registerCommands({
    token: config.DISCORD_TOKEN,
    apiBase: config.DISCORD_API_BASE,
    ...(config.DISCORD_APPLICATION_ID ? { applicationId: config.DISCORD_APPLICATION_ID } : {}),
    ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
  });
  const where =
    result.scope === 'guild'
      ? `to server ${config.DISCORD_GUILD_ID ?? ''} (available now)`
      : 'globally (Discord can take up to an hour to show them everywhere)';
  console.log(`Registered ${result.commands} commands (${commandList()}) ${where} for application ${result.applicationId}.`);
  console.log(`Invite the bot with the minimal permissions (View Channel, Pin Messages):\n${inviteUrl(result.applicationId)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Ours already say what to fix; anything else still gets the prefix and a non-zero exit.
    console.error(
      isPinpointError(error)
        ? error.message
        : `pinpoint: registering the Discord commands failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  },
);
