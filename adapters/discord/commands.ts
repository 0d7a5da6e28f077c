import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { PINPOINT_DISCORD_LIMITS } from './limits.js';

/** Permission bits, as Discord defines them (discord.js `PermissionFlagsBits`). */
export const PERMISSIONS = {
  /** Every permission in every channel of the server. */
  Administrator: 1n << 3n,
  ViewChannel: 1n << 10n,
  ManageMessages: 1n << 13n,
  /** Split from MANAGE_MESSAGES in 2025; pinning needs it. */
  PinMessages: 1n << 51n,
} as const;

export const COMMAND_NAMES = {
  ask: 'ask',
  source: 'source',
  docs: 'docs',
  pins: 'pins',
  report: 'report',
  findSources: 'Find sources',
} as const;

const APPLICATION_COMMAND = { chatInput: 1, message: 3 } as const;
const OPTION = { string: 3, boolean: 5 } as const;
/** Guild, bot DM and private channel: the bot works wherever it is installed. */
const CONTEXTS = [0, 1, 2];

/**
 * The commands `npm run discord:register` installs. Moderator-only commands carry ONE permission bit in
 * `default_member_permissions` (Discord requires ALL listed bits); the handler re-checks at run time
 * because server admins can override these defaults.
 */
export const discordCommands: RESTPostAPIApplicationCommandsJSONBody[] = [
  {
    type: APPLICATION_COMMAND.chatInput,
    name: COMMAND_NAMES.ask,
    description: 'Ask about the case; the answer quotes the documents with citations',
    contexts: CONTEXTS,
    options: [
      {
        type: OPTION.string,
        name: 'question',
        description: 'Your question, e.g. "When was the complaint filed?"',
        required: true,
        autocomplete: true,
        max_length: PINPOINT_DISCORD_LIMITS.questionChars,
      },
      { type: OPTION.boolean, name: 'private', description: 'Show the answer only to you', required: false },
    ],
  },
  {
    type: APPLICATION_COMMAND.chatInput,
    name: COMMAND_NAMES.source,
    description: 'Show a cited passage with its neighbours (only to you)',
    contexts: CONTEXTS,
    options: [
      {
        type: OPTION.string,
        name: 'ref',
        description: 'A citation from an answer, e.g. "Complaint ¶ 3", or a passage id',
        required: true,
        max_length: 200,
      },
    ],
  },
  {
    type: APPLICATION_COMMAND.chatInput,
    name: COMMAND_NAMES.docs,
    description: 'List the case documents the bot quotes from',
    contexts: CONTEXTS,
  },
  {
    type: APPLICATION_COMMAND.chatInput,
    name: COMMAND_NAMES.pins,
    description: "List this server's pinned answers (moderators can unpin)",
    contexts: [0],
  },
  {
    type: APPLICATION_COMMAND.chatInput,
    name: COMMAND_NAMES.report,
    description: 'Moderators: questions the documents could not answer, and stale pins (only to you)',
    contexts: [0],
    default_member_permissions: PERMISSIONS.ManageMessages.toString(),
  },
  {
    type: APPLICATION_COMMAND.message,
    name: COMMAND_NAMES.findSources,
    contexts: [0],
    default_member_permissions: PERMISSIONS.ManageMessages.toString(),
  },
];

/** "/ask, /source, …, Find sources": how users type or find each command (the register script prints it). */
export function commandList(commands: readonly RESTPostAPIApplicationCommandsJSONBody[] = discordCommands): string {
  return commands.map((c) => (c.type === APPLICATION_COMMAND.chatInput || c.type === undefined ? `/${c.name}` : c.name)).join(', ');
}

/** What the bot needs in a channel: see it, and pin answers. Interaction replies need no more. */
export const BOT_PERMISSIONS = PERMISSIONS.ViewChannel | PERMISSIONS.PinMessages;

/** The invite link with the minimal permissions and the two scopes the bot uses. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

/** True when the permission bitfield (a decimal string, as Discord sends it) has any of `bits`. */
export function hasAnyPermission(bitfield: string | undefined, bits: bigint[]): boolean {
  if (!bitfield || !/^\d+$/.test(bitfield)) return false;
  const value = BigInt(bitfield);
  const administrator = 1n << 3n;
  return (value & administrator) !== 0n || bits.some((bit) => (value & bit) !== 0n);
}

export const MODERATOR_BITS = [PERMISSIONS.PinMessages, PERMISSIONS.ManageMessages];
