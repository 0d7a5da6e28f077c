import type { DiscordApi } from './api.js';
import { answerButton, ask, autocomplete, findSources, moreSources, vote } from './answer-actions.js';
import { COMMAND_NAMES } from './commands.js';
import type { Logger, Pinpoint } from './core.js';
import { isPinpointError } from './core.js';
import { decodeCustomId } from './custom-id.js';
import { describeError } from './errors.js';
import { createHandlerContext, type HandlerContext } from './handler-context.js';
import { channelOf, COMMAND_TYPE, describeInteraction, INTERACTION, RESPONSE, userOf, type RawInteraction } from './interaction.js';
import { unpin } from './pin-actions.js';
import { docs, pins, report, source } from './read-commands.js';
import { TEXT } from './text.js';
import { Turn, type Respond } from './turn.js';

export type InteractionHandler = (interaction: RawInteraction, respond: Respond) => Promise<void>;

export interface HandlerDeps {
  core: Pinpoint;
  api: DiscordApi;
  logger: Logger;
  /** Counts an error for metrics (adapters/main.ts passes one per platform). */
  reportError?: (kind?: string) => void;
  /** Clock in milliseconds for the autocomplete limit (tests). */
  now?: () => number;
  /** Holds each interaction while it is handled, so a shutdown that cannot wait for it can tell its member. */
  turns?: Set<Turn>;
}

/** Out-of-date commands or buttons: the member gets a next step, the log gets the operator's fix. */
function unknown({ logger }: HandlerContext, turn: Turn): Promise<void> {
  logger.warn(
    { interaction: turn.interaction.id, kind: describeInteraction(turn.interaction) },
    'discord: unknown command or button; the registered commands may be out of date: run npm run discord:register',
  );
  return turn.notice(TEXT.unknown);
}

/** Sends each interaction to the command or button flow that answers it. */
async function route(ctx: HandlerContext, turn: Turn): Promise<void> {
  const i = turn.interaction;
  switch (i.type) {
    case INTERACTION.ping:
      return turn.ack({ type: RESPONSE.pong });
    case INTERACTION.autocomplete:
      return autocomplete(ctx, turn);
    case INTERACTION.command: {
      if (i.data?.type === COMMAND_TYPE.message && i.data.name === COMMAND_NAMES.findSources) return findSources(ctx, turn);
      switch (i.data?.name) {
        case COMMAND_NAMES.ask:
          return ask(ctx, turn);
        case COMMAND_NAMES.source:
          return source(ctx, turn);
        case COMMAND_NAMES.docs:
          return docs(ctx, turn);
        case COMMAND_NAMES.pins:
          return pins(ctx, turn);
        case COMMAND_NAMES.report:
          return report(ctx, turn);
        default:
          return unknown(ctx, turn);
      }
    }
    case INTERACTION.component: {
      const action = decodeCustomId(i.data?.custom_id ?? '');
      if (!action) return unknown(ctx, turn);
      if (action.action === 'unpin') return unpin(ctx, turn, action.pinId);
      if (action.action === 'docs') return docs(ctx, turn, action.offset);
      if (action.action === 'pins') return pins(ctx, turn, action.offset);
      if (action.action === 'gaps' || action.action === 'stale') return report(ctx, turn, { of: action.action, offset: action.offset });
      if (action.action === 'up' || action.action === 'down') return vote(ctx, turn, action.answerId, action.action);
      if (action.action === 'sources') return moreSources(ctx, turn, action);
      return answerButton(ctx, turn, action);
    }
    default:
      return unknown(ctx, turn);
  }
}

/**
 * The one interaction handler both modes share. It acknowledges first (deferring when it will post),
 * turns the interaction into core calls and the core's answers into Discord messages, and catches at
 * the edge: the user gets a short apology, the log gets the context.
 */
export function createInteractionHandler({ core, api, logger, reportError, now, turns }: HandlerDeps): InteractionHandler {
  const ctx = createHandlerContext(core, api, logger, now);

  return async function handle(interaction, respond) {
    const turn = new Turn(interaction, respond, api);
    turns?.add(turn);
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
      await route(ctx, turn);
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
        } else await turn.apologize(TEXT.apology);
      } catch (apologyError) {
        logger.warn({ ...context, error: describeError(apologyError) }, 'discord apology could not be sent');
      }
    } finally {
      turns?.delete(turn);
    }
  };
}
