import type { BlockAction, webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.js';
import type { ButtonValue } from './actions.js';
import { POST_OPTIONS, type SlackDeps } from './deps.js';
import type { SlackMessage } from './render.js';

/** Where a pressed button's message lives, and who pressed it. */
export interface Origin {
  channel: string;
  team: string | undefined;
  user: string;
  /** The presser's Slack username, to credit them in a post without a mention (which would notify). */
  userName: string | undefined;
  messageTs: string | undefined;
  threadTs: string | undefined;
  ephemeral: boolean;
}

/** One press of an answer button, with what its handler needs. */
export interface Press {
  deps: SlackDeps;
  value: ButtonValue;
  question: string;
  origin: Origin;
  client: webApi.WebClient;
  tell: (message: SlackMessage, replaceOriginal?: boolean) => Promise<unknown>;
  /**
   * Asks the remembered question (or Find sources message) again from `offset`. `again`: the press shows again
   * what was asked (Share), which the metrics do not count; More is a reader's next page, counted as `more`.
   */
  rerun: (offset: number, how?: { again: boolean }) => Answer;
}

export function originOf(body: BlockAction): Origin {
  const container = (body.container ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    channel: body.channel?.id ?? text(container.channel_id) ?? 'unknown',
    team: body.team?.id ?? text(body.user.team_id),
    user: body.user.id,
    userName: text(body.user.username) ?? text(body.user.name),
    messageTs: text(container.message_ts) ?? body.message?.ts,
    threadTs: text(container.thread_ts) ?? text(body.message?.thread_ts),
    ephemeral: container.is_ephemeral === true || body.message === undefined,
  };
}

/** Posts `message` publicly where the button was pressed (in its thread, if any). */
export function post(client: webApi.WebClient, origin: Origin, message: SlackMessage) {
  return client.chat.postMessage({
    channel: origin.channel,
    ...(origin.threadTs === undefined ? {} : { thread_ts: origin.threadTs }),
    text: message.text,
    blocks: message.blocks,
    ...POST_OPTIONS,
  });
}
