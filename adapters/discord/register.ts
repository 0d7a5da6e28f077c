import { Routes, type APIApplication } from 'discord.js';
import { createRest } from './api.js';
import { discordCommands } from './commands.js';
import { describeRestFailure } from './errors.js';

/** Where DISCORD_TOKEN comes from, for messages about a missing or refused token. */
export const TOKEN_HINT = 'copy the bot token from the Developer Portal (Bot → Reset Token) into .env';

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
  const rest = createRest(options.apiBase, options.token, 1);
  let applicationId = options.applicationId;
  if (!applicationId) {
    try {
      const app = (await rest.get(Routes.currentApplication())) as APIApplication;
      applicationId = app.id;
    } catch (error) {
      throw describeRestFailure(error, options.apiBase, 'DISCORD_TOKEN', TOKEN_HINT);
    }
  }
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  let saved: unknown;
  try {
    saved = await rest.put(route, { body: discordCommands });
  } catch (error) {
    throw describeRestFailure(
      error,
      options.apiBase,
      `the commands for application ${applicationId}${options.guildId ? ` in server ${options.guildId}` : ''}`,
      'check DISCORD_TOKEN, DISCORD_APPLICATION_ID and that the bot was invited to DISCORD_GUILD_ID with the applications.commands scope',
    );
  }
  return {
    applicationId,
    scope: options.guildId ? 'guild' : 'global',
    commands: Array.isArray(saved) ? saved.length : discordCommands.length,
  };
}
