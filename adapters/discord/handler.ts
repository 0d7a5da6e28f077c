import type { APIInteractionResponse } from 'discord.js';
import type { DiscordApi } from './api.js';
import { hasAnyPermission, MODERATOR_BITS, PERMISSIONS, COMMAND_NAMES } from './commands.js';
import type { Answer, Logger, Pinpoint } from './core.js';
import { isPinpointError } from './core.js';
import { decodeCustomId, type ButtonAction } from './custom-id.js';
import {
  channelOf,
  COMMAND_TYPE,
  describeInteraction,
  INTERACTION,
  option,
  RESPONSE,
  scopeOf,
  userOf,
  type RawInteraction,
} from './interaction.js';
import { DISCORD_LIMITS, PINPOINT_DISCORD_LIMITS } from './limits.js';
import {
  EPHEMERAL_FLAG,
  toDiscordMessage,
  toDocumentsMessage,
  toNotice,
  toPassagesMessage,
  toPinsMessage,
  type DiscordMessage,
} from './render.js';

/** Sends the first response: the HTTP response body in HTTP mode, the callback endpoint in gateway mode. */
export type Respond = (body: APIInteractionResponse) => Promise<void>;

export type InteractionHandler = (interaction: RawInteraction, respond: Respond) => Promise<void>;

export interface HandlerDeps {
  core: Pinpoint;
  api: DiscordApi;
  logger: Logger;
  /** Counts an error for metrics (adapters/main.ts passes one per platform). */
  reportError?: (kind?: string) => void;
}

export const TEXT = {
  apology: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  notModerator:
    'Only moderators can pin answers (the Pin Messages or Manage Messages permission in this channel). Nothing was pinned.',
  notModeratorUnpin: 'Only moderators can unpin answers (the Pin Messages or Manage Messages permission). Nothing was changed.',
  botCannotPin:
    'I cannot pin messages in this channel. Give my role the **Pin Messages** permission here ' +
    '(Server Settings → Roles → my role, or this channel → Edit Channel → Permissions), then press 📌 Pin again.',
  noBotToken:
    'Pinning needs the bot token: this deployment runs without DISCORD_TOKEN. Ask the operator to set it, then press 📌 Pin again.',
  pinLimit: 'This channel has reached Discord\'s limit of pinned messages. Unpin an old message here, then press 📌 Pin again.',
  guildOnly: 'Pins belong to a server; this works in a server channel, not in direct messages.',
  expired: 'This answer is no longer available. Ask again with /ask.',
  nothingToPin: 'Only an answer with quotes can be pinned; this one has none.',
  emptyQuestion: 'Please type a question, e.g. /ask question: When was the complaint filed?',
  noText: 'That message has no text to check against the documents.',
  unknown: 'I do not know that command. Re-register the commands with `npm run discord:register`.',
} as const;

function cooldownText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You are asking quickly. Please wait ${seconds} s and try again.`;
}

/** Edits may not carry the ephemeral flag: the deferral already decided who sees the message. */
function forEdit(message: DiscordMessage): DiscordMessage {
  const { flags: _flags, ...rest } = message;
  return rest;
}

/** One interaction: remembers whether it was acknowledged, so errors are answered the right way. */
class Turn {
  acknowledged = false;

  constructor(
    readonly interaction: RawInteraction,
    private readonly respond: Respond,
    private readonly api: DiscordApi,
  ) {}

  async ack(body: APIInteractionResponse): Promise<void> {
    this.acknowledged = true;
    await this.respond(body);
  }

  /** "Thinking…" within the 3-second window; the answer follows as an edit. */
  defer(privately: boolean): Promise<void> {
    return this.ack({ type: RESPONSE.deferredMessage, data: privately ? { flags: EPHEMERAL_FLAG } : {} });
  }

  /** An immediate private notice (refusals, cooldowns): nothing else is called. */
  notice(text: string): Promise<void> {
    return this.ack({ type: RESPONSE.message, data: toNotice(text) } as APIInteractionResponse);
  }

  /** After a deferral: the first message replaces "thinking…", the rest follow with the same visibility. */
  async send(messages: DiscordMessage[]): Promise<void> {
    const [first, ...rest] = messages;
    if (!first) return;
    await this.api.editOriginal(this.interaction.application_id, this.interaction.token, forEdit(first));
    for (const next of rest) await this.api.followUp(this.interaction.application_id, this.interaction.token, next);
  }

  edit(text: string): Promise<void> {
    return this.api.editOriginal(this.interaction.application_id, this.interaction.token, forEdit(toNotice(text)));
  }
}

function isModerator(interaction: RawInteraction): boolean {
  return hasAnyPermission(interaction.member?.permissions, MODERATOR_BITS);
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * What the log gets for an error: enough to act on, but not the request body (it holds quoted text and
 * the question) nor the interaction token that Discord's error URLs contain.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { status?: unknown; code?: unknown; method?: unknown; url?: unknown };
  const summary: Record<string, unknown> = { type: e.name, message: e.message };
  if (e.status !== undefined) summary.status = e.status;
  if (e.code !== undefined) summary.code = e.code;
  if (typeof e.method === 'string') summary.method = e.method;
  if (typeof e.url === 'string') summary.url = e.url.replace(/\/(webhooks\/\d+|interactions\/\d+)\/[^/?]+/, '/$1/<token>');
  if (e.stack && !('status' in e)) summary.stack = e.stack;
  return summary;
}

/** Discord's JSON error code (e.g. 30003 "maximum number of pins reached"). */
function discordCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * The one interaction handler both modes share. It acknowledges first (deferring when it will post),
 * turns the interaction into core calls and the core's answers into Discord messages, and catches at
 * the edge: the user gets a short apology, the log gets the context.
 */
export function createInteractionHandler({ core, api, logger, reportError }: HandlerDeps): InteractionHandler {
  const pageSize = PINPOINT_DISCORD_LIMITS.excerptsPerPage;

  /** Takes a token from the core's limiter; when refused, answers privately and returns that reply. */
  function cooled(turn: Turn): Promise<void> | undefined {
    const i = turn.interaction;
    const decision = core.limits.take({ platform: 'discord', user: userOf(i).id, channel: channelOf(i) });
    return decision.ok ? undefined : turn.notice(cooldownText(decision.retryAfterMs));
  }

  /**
   * One page of the answer: asks for one excerpt more than the page holds to learn whether More has
   * anything to show (one core call, so metrics count one question). `pinned` only on the first page.
   */
  function answerPage(question: string, i: RawInteraction, offset: number): { answer: Answer; hasMore: boolean } {
    let answer = core.ask(question, { scope: scopeOf(i), offset, limit: pageSize + 1 });
    let hasMore = false;
    if (answer.kind === 'excerpts' && answer.excerpts.length > pageSize) {
      hasMore = true;
      answer = { ...answer, excerpts: answer.excerpts.slice(0, pageSize) };
    }
    if (offset > 0 && answer.pinned) {
      const { pinned: _pinned, ...rest } = answer;
      answer = rest as Answer;
    }
    return { answer, hasMore };
  }

  async function ask(turn: Turn): Promise<void> {
    const i = turn.interaction;
    const question = String(option(i, 'question')?.value ?? '').trim();
    const privately = option(i, 'private')?.value === true;
    if (question === '') return turn.notice(TEXT.emptyQuestion);
    if (question.length > PINPOINT_DISCORD_LIMITS.questionChars) {
      return turn.notice(
        `Questions are limited to ${PINPOINT_DISCORD_LIMITS.questionChars} characters; yours has ${question.length}. Please shorten it.`,
      );
    }
    const refused = cooled(turn);
    if (refused) return refused;
    await turn.defer(privately);
    const scope = scopeOf(i);
    const { answer, hasMore } = answerPage(question, i, 0);
    const remembered = core.answers.remember(question, answer, scope);
    await turn.send(
      toDiscordMessage(answer, { stats: core.stats(), answerId: remembered.id, offset: 0, pageSize, hasMore, private: privately }),
    );
  }

  async function findSources(turn: Turn): Promise<void> {
    const i = turn.interaction;
    const target = i.data?.target_id ? i.data.resolved?.messages?.[i.data.target_id] : undefined;
    const text = (target?.content ?? '').trim();
    if (text === '') return turn.notice(TEXT.noText);
    const refused = cooled(turn);
    if (refused) return refused;
    await turn.defer(true);
    const answer = core.findSources(text.slice(0, 2000), { scope: scopeOf(i), limit: pageSize });
    const title = `Sources for: “${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
    await turn.send(toDiscordMessage(answer, { stats: core.stats(), title, private: true }));
  }

  async function source(turn: Turn): Promise<void> {
    const ref = String(option(turn.interaction, 'ref')?.value ?? '').trim();
    await turn.defer(true);
    const view = ref === '' ? undefined : core.resolveSource(ref);
    if (!view) {
      return turn.edit(
        'No passage matches that reference. Use a citation from an answer, e.g. "Complaint ¶ 3", or see /docs for the titles.',
      );
    }
    const views = core.context(view.passage.id, PINPOINT_DISCORD_LIMITS.sourceRadius);
    const title = `${view.citation.title} · ${view.citation.label}`;
    await turn.send(toPassagesMessage(views.length > 0 ? views : [view], { stats: core.stats(), title, focusId: view.passage.id }));
  }

  async function docs(turn: Turn): Promise<void> {
    await turn.defer(true);
    await turn.send(toDocumentsMessage(core.documents(), core.stats(), PINPOINT_DISCORD_LIMITS.listItems));
  }

  async function pins(turn: Turn): Promise<void> {
    const i = turn.interaction;
    if (!i.guild_id) return turn.notice(TEXT.guildOnly);
    await turn.defer(true);
    const list = core.pins.list({ platform: 'discord', server: i.guild_id });
    await turn.send(toPinsMessage(list, { canUnpin: isModerator(i), limit: PINPOINT_DISCORD_LIMITS.listItems }));
  }

  async function autocomplete(turn: Turn): Promise<void> {
    const i = turn.interaction;
    const focused = i.data?.options?.find((o) => o.focused);
    const prefix = String(focused?.value ?? '').slice(0, PINPOINT_DISCORD_LIMITS.questionChars);
    let suggestions: string[] = [];
    try {
      suggestions = core.suggest(prefix, { scope: scopeOf(i), limit: DISCORD_LIMITS.autocompleteChoices });
    } catch (error) {
      logger.warn({ error: describeError(error), interaction: i.id }, 'discord autocomplete failed; offering no choices');
    }
    const seen = new Set<string>();
    const choices = [];
    for (const suggestion of suggestions) {
      const value = suggestion.slice(0, DISCORD_LIMITS.choiceValue);
      if (value.trim() === '' || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name: suggestion.slice(0, DISCORD_LIMITS.choiceName), value });
      if (choices.length === DISCORD_LIMITS.autocompleteChoices) break;
    }
    await turn.ack({ type: RESPONSE.autocomplete, data: { choices } });
  }

  async function answerButton(turn: Turn, action: Extract<ButtonAction, { answerId: string }>): Promise<void> {
    const i = turn.interaction;
    const remembered = core.answers.get(action.answerId);
    if (!remembered) return turn.notice(TEXT.expired);
    if (action.action === 'pin') return pin(turn, remembered.question, action.answerId, action.offset);
    const refused = cooled(turn);
    if (refused) return refused;
    const share = action.action === 'share';
    await turn.defer(!share);
    const { answer, hasMore } = answerPage(remembered.question, i, action.offset);
    if (action.action === 'context') {
      const ids = [
        ...(answer.pinned?.excerpts ?? []).map((e) => e.passageId),
        ...(answer.kind === 'excerpts' ? answer.excerpts.map((e) => e.passageId) : []),
      ];
      const found = [...new Set(ids)].map((id) => core.passage(id)).filter((v) => v !== undefined);
      const title = `Context: ${remembered.question}`;
      return turn.send(toPassagesMessage(found, { stats: core.stats(), title }));
    }
    await turn.send(
      toDiscordMessage(answer, {
        stats: core.stats(),
        answerId: action.answerId,
        offset: action.offset,
        pageSize,
        hasMore,
        private: !share,
      }),
    );
  }

  async function pin(turn: Turn, question: string, answerId: string, offset: number): Promise<void> {
    const i = turn.interaction;
    if (!i.guild_id) return turn.notice(TEXT.guildOnly);
    // Checked at run time: admins can change who sees the commands, not who may pin.
    if (!isModerator(i)) return turn.notice(TEXT.notModerator);
    if (i.app_permissions !== undefined && !hasAnyPermission(i.app_permissions, [PERMISSIONS.PinMessages, PERMISSIONS.ManageMessages])) {
      return turn.notice(TEXT.botCannotPin);
    }
    if (!api.hasToken) return turn.notice(TEXT.noBotToken);
    await turn.defer(true);
    const scope = scopeOf(i);
    const { answer } = answerPage(question, i, offset);
    if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) return turn.edit(TEXT.nothingToPin);

    let channelId = i.message?.channel_id ?? channelOf(i);
    let messageId = i.message?.id;
    if (!messageId || ((i.message?.flags ?? 0) & EPHEMERAL_FLAG) !== 0) {
      // A private answer cannot be pinned: post it publicly first (edit first, so the follow-up is public).
      await turn.edit('Posting the answer publicly and pinning it…');
      const [publicMessage] = toDiscordMessage(answer, { stats: core.stats(), answerId, offset, pageSize, private: false });
      if (!publicMessage) return turn.edit(TEXT.nothingToPin);
      publicMessage.components = publicMessage.components
        .map((row) => ({ ...row, components: row.components.filter((b) => !b.custom_id.startsWith('pp:p:')) }))
        .filter((row) => row.components.length > 0);
      const posted = await api.followUp(i.application_id, i.token, publicMessage);
      channelId = posted.channel_id;
      messageId = posted.id;
    }
    try {
      await api.pin(channelId, messageId);
    } catch (error) {
      if (statusOf(error) === 403) return turn.edit(TEXT.botCannotPin);
      if (discordCodeOf(error) === 30003) return turn.edit(TEXT.pinLimit);
      throw error;
    }
    core.pins.pin({ scope, question, answer, pinnedBy: userOf(i).id, messageRef: `${channelId}/${messageId}` });
    await turn.edit('📌 Pinned. From now on /ask with this question (or a close one) shows this answer first.');
  }

  async function unpin(turn: Turn, pinId: string): Promise<void> {
    const i = turn.interaction;
    if (!i.guild_id) return turn.notice(TEXT.guildOnly);
    if (!isModerator(i)) return turn.notice(TEXT.notModeratorUnpin);
    await turn.defer(true);
    const server = { platform: 'discord', server: i.guild_id };
    const existing = core.pins.list(server).find((p) => p.id === pinId);
    if (!existing || !core.pins.unpin(server, pinId)) return turn.edit('That answer is no longer pinned.');
    const [channelId, messageId] = (existing.messageRef ?? '').split('/');
    let note = '';
    if (channelId && messageId && api.hasToken) {
      try {
        await api.unpin(channelId, messageId);
      } catch (error) {
        const status = statusOf(error);
        if (status !== 403 && status !== 404) throw error;
        note = status === 403 ? ' I could not unpin the Discord message itself (I lack Pin Messages there).' : '';
      }
    }
    await turn.edit(`Unpinned. /ask no longer shows that answer first.${note}`);
  }

  async function route(turn: Turn): Promise<void> {
    const i = turn.interaction;
    switch (i.type) {
      case INTERACTION.ping:
        return turn.ack({ type: RESPONSE.pong });
      case INTERACTION.autocomplete:
        return autocomplete(turn);
      case INTERACTION.command: {
        if (i.data?.type === COMMAND_TYPE.message && i.data.name === COMMAND_NAMES.findSources) return findSources(turn);
        switch (i.data?.name) {
          case COMMAND_NAMES.ask:
            return ask(turn);
          case COMMAND_NAMES.source:
            return source(turn);
          case COMMAND_NAMES.docs:
            return docs(turn);
          case COMMAND_NAMES.pins:
            return pins(turn);
          default:
            return turn.notice(TEXT.unknown);
        }
      }
      case INTERACTION.component: {
        const action = decodeCustomId(i.data?.custom_id ?? '');
        if (!action) return turn.notice(TEXT.unknown);
        if (action.action === 'unpin') return unpin(turn, action.pinId);
        return answerButton(turn, action);
      }
      default:
        return turn.notice(TEXT.unknown);
    }
  }

  return async function handle(interaction, respond) {
    const turn = new Turn(interaction, respond, api);
    const started = Date.now();
    const kind = describeInteraction(interaction);
    const context = {
      interaction: interaction.id,
      kind,
      guild: interaction.guild_id,
      channel: channelOf(interaction),
      user: userOf(interaction).id,
    };
    try {
      await route(turn);
      logger.info({ ...context, ms: Date.now() - started }, 'discord interaction handled');
    } catch (error) {
      reportError?.('interaction');
      logger.error(
        {
          ...context,
          ms: Date.now() - started,
          acknowledged: turn.acknowledged,
          code: isPinpointError(error) ? error.code : undefined,
          error: describeError(error),
        },
        'discord interaction failed',
      );
      try {
        if (interaction.type === INTERACTION.autocomplete && !turn.acknowledged) {
          await turn.ack({ type: RESPONSE.autocomplete, data: { choices: [] } });
        } else if (!turn.acknowledged) await turn.notice(TEXT.apology);
        else await turn.edit(TEXT.apology);
      } catch (apologyError) {
        logger.warn({ ...context, error: describeError(apologyError) }, 'discord apology could not be sent');
      }
    }
  };
}
