import type { DiscordApi } from './api.js';
import { hasAnyPermission, MODERATOR_BITS, PERMISSIONS, COMMAND_NAMES } from './commands.js';
import type { Answer, Logger, Pinpoint } from './core.js';
import { cleanQuestion, isPinpointError } from './core.js';
import { decodeCustomId, type ButtonAction } from './custom-id.js';
import { describeError, discordCodeOf, MAX_PINS_REACHED, statusOf } from './errors.js';
import {
  channelOf,
  COMMAND_TYPE,
  describeInteraction,
  firstMessageIdOf,
  INTERACTION,
  option,
  RESPONSE,
  scopeOf,
  userOf,
  type RawInteraction,
} from './interaction.js';
import { characterCount, DISCORD_LIMITS, firstCharacters, PINPOINT_DISCORD_LIMITS } from './limits.js';
import { EPHEMERAL_FLAG, toDiscordMessage, toDocumentsMessage, toPassagesMessage, toPinsMessage } from './render.js';
import { toReportMessage } from './render-report.js';
import { cooldownText, TEXT } from './text.js';
import { truncate } from '../cut-text.js';
import { Turn, type Respond } from './turn.js';

export type InteractionHandler = (interaction: RawInteraction, respond: Respond) => Promise<void>;

export interface HandlerDeps {
  core: Pinpoint;
  api: DiscordApi;
  logger: Logger;
  /** Counts an error for metrics (adapters/main.ts passes one per platform). */
  reportError?: (kind?: string) => void;
}

function isModerator(interaction: RawInteraction): boolean {
  return hasAnyPermission(interaction.member?.permissions, MODERATOR_BITS);
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
    const question = cleanQuestion(String(option(i, 'question')?.value ?? ''));
    const privately = option(i, 'private')?.value === true;
    if (question === '') return turn.notice(TEXT.emptyQuestion);
    const characters = characterCount(question);
    if (characters > PINPOINT_DISCORD_LIMITS.questionChars) {
      return turn.notice(
        `Questions are limited to ${PINPOINT_DISCORD_LIMITS.questionChars} characters; yours has ${characters}. Please shorten it.`,
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
    const text = cleanQuestion(target?.content ?? '');
    if (text === '') return turn.notice(TEXT.noText);
    const refused = cooled(turn);
    if (refused) return refused;
    await turn.defer(true);
    const answer = core.findSources(text, { scope: scopeOf(i), limit: pageSize });
    const title = `Sources for: “${truncate(text, 80)}”`;
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

  /** /report: moderators only, re-checked here because server admins can change who sees the command. */
  async function report(turn: Turn): Promise<void> {
    const i = turn.interaction;
    if (!i.guild_id) return turn.notice(TEXT.guildOnlyReport);
    if (!isModerator(i)) return turn.notice(TEXT.notModeratorReport);
    await turn.defer(true);
    const server = { platform: 'discord', server: i.guild_id };
    const gaps = core.answers.noMatchReport(PINPOINT_DISCORD_LIMITS.reportQuestions, server);
    const stale = core.pins.listStale(server);
    await turn.send(toReportMessage(gaps, stale, { limit: PINPOINT_DISCORD_LIMITS.listItems }));
  }

  /**
   * 👍/👎: recorded per answer and user (a second vote replaces the first), answered privately so the
   * answer message stays as it is. No cooldown: a vote is one small write, no search.
   */
  async function vote(turn: Turn, answerId: string, choice: 'up' | 'down'): Promise<void> {
    try {
      core.answers.feedback(answerId, { platform: 'discord', id: userOf(turn.interaction).id }, choice);
    } catch (error) {
      if (isPinpointError(error) && error.code === 'NOT_FOUND') return turn.notice(TEXT.voteExpired);
      throw error;
    }
    return turn.notice(TEXT.voteThanks);
  }

  async function autocomplete(turn: Turn): Promise<void> {
    const i = turn.interaction;
    const focused = i.data?.options?.find((o) => o.focused);
    const prefix = firstCharacters(String(focused?.value ?? ''), PINPOINT_DISCORD_LIMITS.questionChars);
    let suggestions: string[] = [];
    try {
      suggestions = core.suggest(prefix, { scope: scopeOf(i), limit: DISCORD_LIMITS.autocompleteChoices });
    } catch (error) {
      logger.warn({ error: describeError(error), interaction: i.id }, 'discord autocomplete failed; offering no choices');
    }
    const seen = new Set<string>();
    const choices = [];
    for (const suggestion of suggestions) {
      const value = firstCharacters(suggestion, DISCORD_LIMITS.choiceValue);
      if (value.trim() === '' || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name: firstCharacters(suggestion, DISCORD_LIMITS.choiceName), value });
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
    // The first message of a split answer is the one readers see first, so that one gets pinned.
    let messageId = i.message ? firstMessageIdOf(i.message) : undefined;
    if (!messageId || ((i.message?.flags ?? 0) & EPHEMERAL_FLAG) !== 0) {
      // A private answer cannot be pinned: post it publicly first (edit first, so the follow-ups are public).
      await turn.edit('Posting the answer publicly and pinning it…');
      const messages = toDiscordMessage(answer, { stats: core.stats(), answerId, offset, pageSize, private: false });
      let first: { id: string; channel_id: string } | undefined;
      for (const message of messages) {
        message.components = message.components
          .map((row) => ({ ...row, components: row.components.filter((b) => decodeCustomId(b.custom_id)?.action !== 'pin') }))
          .filter((row) => row.components.length > 0);
        const posted = await api.followUp(i.application_id, i.token, message);
        first ??= posted;
      }
      if (!first) return turn.edit(TEXT.nothingToPin);
      channelId = first.channel_id;
      messageId = first.id;
    }
    try {
      await api.pin(channelId, messageId);
    } catch (error) {
      if (statusOf(error) === 403) return turn.edit(TEXT.botCannotPin);
      if (discordCodeOf(error) === MAX_PINS_REACHED) return turn.edit(TEXT.pinLimit);
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

  /** Out-of-date commands or buttons: the member gets a next step, the log gets the operator's fix. */
  function unknown(turn: Turn): Promise<void> {
    logger.warn(
      { interaction: turn.interaction.id, kind: describeInteraction(turn.interaction) },
      'discord: unknown command or button; the registered commands may be out of date: run npm run discord:register',
    );
    return turn.notice(TEXT.unknown);
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
          case COMMAND_NAMES.report:
            return report(turn);
          default:
            return unknown(turn);
        }
      }
      case INTERACTION.component: {
        const action = decodeCustomId(i.data?.custom_id ?? '');
        if (!action) return unknown(turn);
        if (action.action === 'unpin') return unpin(turn, action.pinId);
        if (action.action === 'up' || action.action === 'down') return vote(turn, action.answerId, action.action);
        return answerButton(turn, action);
      }
      default:
        return unknown(turn);
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
