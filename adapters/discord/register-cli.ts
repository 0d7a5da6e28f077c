// `npm run discord:register`: installs the slash commands and prints the invite link (a CLI entry point).
import dotenv from 'dotenv';
import { commandList, inviteUrl, registerCommands, TOKEN_HINT } from './index.js';
import { isPinpointError, parseConfig } from '../../src/index.js';

dotenv.config({ quiet: true });

async function main(): Promise<number> {
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

main().then(
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
