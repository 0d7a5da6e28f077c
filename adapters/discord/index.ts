export { createDiscordAdapter, discordMode, type DiscordAdapterOptions, type DiscordMode } from './adapter.js';
export { discordCommands, commandList, inviteUrl, BOT_PERMISSIONS } from './commands.js';
export { registerCommands, TOKEN_HINT, type RegisterOptions, type RegisterResult } from './register.js';
export type { DiscordMessage } from './render.js';
