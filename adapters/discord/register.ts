import { REST, Routes, type APIApplication } from 'discord.js';
import { PinpointError } from './core.js';
import { discordCommands } from './commands.js';

export interface RegisterOptions {
  token: string;
  apiBase: string;
  /** Looked up with the token when not given. */
  applicationId?: string;
  /** Register to one server (instant) instead of globally (can take up to an hour to show). */
  guildId?: string;
}

export interface RegisterResult {
  applicationId: string;
  scope: 'guild' | 'global';
  commands: number;
}

/** Overwrites the application's commands with `discordCommands` (a PUT is idempotent). */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const rest = new REST({ api: options.apiBase, retries: 1 }).setToken(options.token);
  let applicationId = options.applicationId;
  if (!applicationId) {
    const app = (await rest.get(Routes.currentApplication())) as APIApplication;
    applicationId = app.id;
  }
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  let saved: unknown;
  try {
    saved = await rest.put(route, { body: discordCommands });
  } catch (error) {
    throw new PinpointError(
      'INPUT_INVALID',
      `pinpoint: Discord refused the commands for application ${applicationId}${
        options.guildId ? ` in server ${options.guildId}` : ''
      } (${error instanceof Error ? error.message : String(error)}); check DISCORD_TOKEN, DISCORD_APPLICATION_ID and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope`,
      { cause: error },
    );
  }
  return {
    applicationId,
    scope: options.guildId ? 'guild' : 'global',
    commands: Array.isArray(saved) ? saved.length : discordCommands.length,
  };
}
