import { FAKE_IDS, messageFields } from './discord.js';

/** Interaction payloads shaped like Discord's (the same JSON arrives over the gateway and over HTTP). */

/** Computed channel permissions as Discord sends them (decimal bitfields). */
export const PERMS = {
  /** VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY */
  member: String((1n << 10n) | (1n << 11n) | (1n << 16n)),
  /** member + PIN_MESSAGES */
  moderator: String((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 51n)),
  /** member + MANAGE_MESSAGES only (before the 2025 split) */
  legacyModerator: String((1n << 10n) | (1n << 11n) | (1n << 13n) | (1n << 16n)),
  /** member + ADMINISTRATOR: sees every channel of the server. */
  administrator: String((1n << 3n) | (1n << 10n) | (1n << 11n) | (1n << 16n)),
  /** What the bot has when invited with the minimal permissions. */
  bot: String((1n << 10n) | (1n << 51n)),
  botWithoutPin: String(1n << 10n),
  /** Pin Messages from its role, but a private channel's overwrite hides the channel from the bot. */
  botWithoutView: String(1n << 51n),
} as const;

let counter = 0;

export interface Who {
  userId?: string;
  permissions?: string;
  appPermissions?: string;
  guildId?: string | null;
  channelId?: string;
  /** Asked in a public thread of this channel. */
  threadOf?: string;
}

function base(type: number, who: Who = {}): Record<string, unknown> {
  counter += 1;
  const userId = who.userId ?? FAKE_IDS.member;
  const user = { id: userId, username: `user${userId.slice(-2)}`, discriminator: '0', global_name: null, avatar: null };
  const channelId = who.channelId ?? FAKE_IDS.channel;
  const guild = who.guildId === null ? undefined : (who.guildId ?? FAKE_IDS.guild);
  return {
    id: String(1300000000000000000n + BigInt(counter)),
    application_id: FAKE_IDS.application,
    type,
    token: `itoken-${counter}-${'x'.repeat(20)}`,
    version: 1,
    channel_id: channelId,
    channel: who.threadOf
      ? { id: channelId, type: 11, guild_id: guild, name: 'a thread', parent_id: who.threadOf }
      : { id: channelId, type: 0, guild_id: guild, name: 'general' },
    app_permissions: who.appPermissions ?? PERMS.bot,
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': guild ?? userId },
    context: guild ? 0 : 1,
    ...(guild
      ? {
          guild_id: guild,
          guild_locale: 'en-US',
          member: {
            user,
            roles: [],
            permissions: who.permissions ?? PERMS.member,
            joined_at: '2024-01-01T00:00:00.000Z',
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { user }),
  };
}

export function askPayload(question: string, options: { private?: boolean } & Who = {}): Record<string, unknown> {
  const opts: Record<string, unknown>[] = [{ name: 'question', type: 3, value: question }];
  if (options.private !== undefined) opts.push({ name: 'private', type: 5, value: options.private });
  return { ...base(2, options), data: { id: '100', name: 'ask', type: 1, options: opts } };
}

export function commandPayload(name: string, options: Record<string, string> = {}, who: Who = {}): Record<string, unknown> {
  const opts = Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value }));
  return { ...base(2, who), data: { id: '101', name, type: 1, ...(opts.length ? { options: opts } : {}) } };
}

export function autocompletePayload(prefix: string, who: Who = {}): Record<string, unknown> {
  return {
    ...base(4, who),
    data: { id: '100', name: 'ask', type: 1, options: [{ name: 'question', type: 3, value: prefix, focused: true }] },
  };
}

/** A message as Discord includes it in component and context-menu interactions. */
export function messagePayload(
  id: string,
  options: { content?: string; flags?: number; authorId?: string; originalResponseId?: string } = {},
): Record<string, unknown> {
  return {
    ...messageFields(),
    id,
    channel_id: FAKE_IDS.channel,
    author: { id: options.authorId ?? FAKE_IDS.bot, username: 'someone', discriminator: '0', global_name: null, avatar: null },
    content: options.content ?? '',
    timestamp: '2026-01-01T00:00:00.000Z',
    flags: options.flags ?? 0,
    // A follow-up to an interaction names the interaction's original response (the answer's first message).
    ...(options.originalResponseId === undefined
      ? {}
      : {
          webhook_id: FAKE_IDS.application,
          interaction_metadata: {
            id: '1300000000000000999',
            type: 2,
            user: { id: FAKE_IDS.member, username: 'user02', discriminator: '0', global_name: null, avatar: null },
            authorizing_integration_owners: { '0': FAKE_IDS.guild },
            original_response_message_id: options.originalResponseId,
          },
        }),
  };
}

export function buttonPayload(
  customId: string,
  options: { messageId?: string; messageFlags?: number; originalResponseId?: string } & Who = {},
): Record<string, unknown> {
  return {
    ...base(3, options),
    message: messagePayload(options.messageId ?? '400000000000000001', {
      flags: options.messageFlags ?? 0,
      ...(options.originalResponseId === undefined ? {} : { originalResponseId: options.originalResponseId }),
    }),
    data: { custom_id: customId, component_type: 2 },
  };
}

export function findSourcesPayload(content: string, who: Who = {}): Record<string, unknown> {
  const target = '400000000000000099';
  return {
    ...base(2, who),
    data: {
      id: '102',
      name: 'Find sources',
      type: 3,
      target_id: target,
      resolved: { messages: { [target]: messagePayload(target, { content, authorId: FAKE_IDS.member }) } },
    },
  };
}
