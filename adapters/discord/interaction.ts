import type { PinScope } from './core.js';

/** The fields of a Discord interaction payload this adapter reads (gateway and HTTP send the same JSON). */
export interface RawInteraction {
  id: string;
  application_id: string;
  type: number;
  token: string;
  guild_id?: string;
  channel_id?: string;
  /** Discord's partial channel: a thread's names the channel it belongs to. */
  channel?: { id: string; type?: number; parent_id?: string | null };
  /** The bot's permissions in the channel (decimal bitfield). */
  app_permissions?: string;
  member?: { user?: RawUser; permissions?: string };
  user?: RawUser;
  data?: {
    name?: string;
    type?: number;
    custom_id?: string;
    component_type?: number;
    target_id?: string;
    options?: RawOption[];
    resolved?: { messages?: Record<string, RawTargetMessage> };
  };
  message?: RawMessage;
}

/** The message a message command was used on; a forwarded one holds its text in its snapshot. */
export interface RawTargetMessage {
  id: string;
  content?: string;
  embeds?: RawEmbed[];
  message_snapshots?: { message?: { content?: string; embeds?: RawEmbed[] } }[];
}

/** The words of an embed (a news feed's or another bot's post). */
export interface RawEmbed {
  title?: string;
  description?: string;
}

/** The message a button sits on. */
export interface RawMessage {
  id: string;
  channel_id?: string;
  flags?: number;
  /** Set on interaction responses; `original_response_message_id` only on follow-ups (the first message is the original). */
  interaction_metadata?: { user?: RawUser; original_response_message_id?: string };
}

export interface RawUser {
  id: string;
  username?: string;
}

export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

export const INTERACTION = { ping: 1, command: 2, component: 3, autocomplete: 4, modal: 5 } as const;
export const RESPONSE = { pong: 1, message: 4, deferredMessage: 5, deferredUpdate: 6, autocomplete: 8 } as const;
export const COMMAND_TYPE = { chatInput: 1, user: 2, message: 3 } as const;

export function userOf(interaction: RawInteraction): RawUser {
  return interaction.member?.user ?? interaction.user ?? { id: 'unknown' };
}

export function channelOf(interaction: RawInteraction): string {
  return interaction.channel_id ?? interaction.channel?.id ?? 'unknown';
}

/** Discord's channel types of threads: announcement, public and private. */
const THREAD_TYPES: ReadonlySet<number> = new Set([10, 11, 12]);

/**
 * Pins and cooldowns are per server and channel; a DM is its own "server". A thread names its channel too: a
 * question asked there is answered by the channel's pins as well (everyone in a thread sees its channel).
 */
export function scopeOf(interaction: RawInteraction): PinScope {
  const { channel } = interaction;
  const parent = channel?.type !== undefined && THREAD_TYPES.has(channel.type) ? channel.parent_id : undefined;
  return {
    platform: 'discord',
    server: interaction.guild_id ?? `dm-${userOf(interaction).id}`,
    channel: channelOf(interaction),
    ...(parent ? { parentChannel: parent } : {}),
  };
}

/**
 * The first message of the answer a button sits on. A long answer is split over the interaction's
 * original response and follow-ups, with the buttons on the last one; a follow-up names the original.
 */
export function firstMessageIdOf(message: RawMessage): string {
  return message.interaction_metadata?.original_response_message_id ?? message.id;
}

export function option(interaction: RawInteraction, name: string): RawOption | undefined {
  return interaction.data?.options?.find((o) => o.name === name);
}

/** A short label for logs: the command name or the button's action; never what the user typed. */
export function describeInteraction(interaction: RawInteraction): string {
  if (interaction.type === INTERACTION.component) return `button:${(interaction.data?.custom_id ?? '').split(':')[1] ?? '?'}`;
  if (interaction.type === INTERACTION.autocomplete) return `autocomplete:${interaction.data?.name ?? '?'}`;
  if (interaction.type === INTERACTION.command) return `command:${interaction.data?.name ?? '?'}`;
  return `type:${interaction.type}`;
}
