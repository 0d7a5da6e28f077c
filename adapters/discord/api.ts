import { REST, Routes, type APIChannel, type APIMessage, type APIInteractionResponse } from 'discord.js';
import { ALREADY_ACKNOWLEDGED, discordCodeOf } from './errors.js';
import type { DiscordMessage } from './render.js';

/** How a first response went: sent now, or refused because one had reached Discord before (perhaps this one, on a retry). */
export type FirstResponse = 'sent' | 'already-acknowledged';

/** The few Discord REST calls the interaction handler makes, over @discordjs/rest (rate limits, retries). */
export interface DiscordApi {
  /**
   * Initial response through the callback endpoint (gateway mode; HTTP mode answers in the response body).
   * 'already-acknowledged' when Discord refused it because a first response is there already.
   */
  callback(interactionId: string, token: string, body: APIInteractionResponse): Promise<FirstResponse>;
  editOriginal(applicationId: string, token: string, message: DiscordMessage): Promise<void>;
  followUp(applicationId: string, token: string, message: DiscordMessage): Promise<Pick<APIMessage, 'id' | 'channel_id'>>;
  deleteFollowUp(applicationId: string, token: string, messageId: string): Promise<void>;
  pin(channelId: string, messageId: string): Promise<void>;
  unpin(channelId: string, messageId: string): Promise<void>;
  /** A channel's type and, for a thread, the channel it is in (bot token). */
  channel(channelId: string): Promise<{ type: number; parentId?: string }>;
  /** False in HTTP mode without DISCORD_TOKEN: bot-authenticated calls (pins) are impossible. */
  readonly hasToken: boolean;
}

/** Interaction tokens authorise the webhook routes; the bot token must not be sent there. */
export function createDiscordApi(rest: REST, hasToken: boolean): DiscordApi {
  return {
    hasToken,
    async callback(interactionId, token, body) {
      try {
        await rest.post(Routes.interactionCallback(interactionId, token), { body, auth: false });
        return 'sent';
      } catch (error) {
        // The REST client retries a callback after a 5xx, a timeout or a reset. When Discord had taken the
        // first attempt, the retry is refused as already acknowledged: the interaction is acknowledged, so
        // the answer must still follow instead of an apology.
        if (discordCodeOf(error) === ALREADY_ACKNOWLEDGED) return 'already-acknowledged';
        throw error;
      }
    },
    async editOriginal(applicationId, token, message) {
      await rest.patch(Routes.webhookMessage(applicationId, token, '@original'), { body: message, auth: false });
    },
    async followUp(applicationId, token, message) {
      const saved = (await rest.post(Routes.webhook(applicationId, token), { body: message, auth: false })) as APIMessage;
      return { id: saved.id, channel_id: saved.channel_id };
    },
    async deleteFollowUp(applicationId, token, messageId) {
      await rest.delete(Routes.webhookMessage(applicationId, token, messageId), { auth: false });
    },
    async pin(channelId, messageId) {
      await rest.put(Routes.channelMessagesPin(channelId, messageId), { reason: 'Pinpoint: a moderator pinned an answer' });
    },
    async unpin(channelId, messageId) {
      await rest.delete(Routes.channelMessagesPin(channelId, messageId), { reason: 'Pinpoint: a moderator unpinned an answer' });
    },
    async channel(channelId) {
      const channel = (await rest.get(Routes.channel(channelId))) as APIChannel;
      const parentId = 'parent_id' in channel ? channel.parent_id : undefined;
      return { type: channel.type, ...(parentId ? { parentId } : {}) };
    },
  };
}

/**
 * A REST client for `DISCORD_API_BASE`; `token` is optional (HTTP mode may run without one). `timeoutMs`
 * bounds each request (default: @discordjs/rest's 15 s).
 */
export function createRest(apiBase: string, token?: string, retries = 3, timeoutMs?: number): REST {
  const rest = new REST({ api: apiBase, retries, ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) });
  return token ? rest.setToken(token) : rest;
}
