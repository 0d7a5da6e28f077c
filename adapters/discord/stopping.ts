import type { APIInteractionResponse } from 'discord.js';
import { createDiscordApi, createRest } from './api.js';
import type { Logger } from './core.js';
import { describeError } from './errors.js';
import { describeInteraction, INTERACTION, RESPONSE, type RawInteraction } from './interaction.js';
import { toNotice } from './render.js';
import { TEXT } from './text.js';
import type { Respond, Turn } from './turn.js';

/**
 * Gateway mode while stopping: the connection still delivers interactions until the client is destroyed,
 * and one left unanswered shows "The application did not respond". The member is told to try again instead
 * (privately; autocomplete gets no choices). HTTP mode answers 503 and Discord shows its own error.
 */
export async function answerWhileStopping(interaction: RawInteraction, respond: Respond, logger: Logger): Promise<void> {
  const body: APIInteractionResponse =
    interaction.type === INTERACTION.autocomplete
      ? { type: RESPONSE.autocomplete, data: { choices: [] } }
      : ({ type: RESPONSE.message, data: toNotice(TEXT.restarting) } as APIInteractionResponse);
  const context = { interaction: interaction.id, kind: describeInteraction(interaction) };
  try {
    await respond(body);
    logger.info(context, 'discord interaction turned away: stopping');
  } catch (error) {
    logger.warn({ ...context, error: describeError(error) }, 'discord could not say it is restarting');
  }
}

/**
 * The shutdown's wait ran out with answers or pins still under way: their members would watch "thinking…" (or
 * "Posting…") for good (the process exits, and Discord never replaces a deferral by itself). Each is told the bot
 * restarted and what to do again (its turn's `cutOffNote`), within `timeoutMs`. Through a REST client of its own:
 * the adapter's queues the requests of one interaction token one after another, so this edit would wait behind
 * the very answer that is stuck.
 */
export async function tellUnanswered(turns: Iterable<Turn>, apiBase: string, logger: Logger, timeoutMs: number): Promise<void> {
  const waiting = [...turns].filter((turn) => turn.unfinished);
  if (waiting.length === 0) return;
  const api = createDiscordApi(createRest(apiBase, undefined, 0, timeoutMs), false);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  const told = Promise.allSettled(waiting.map((turn) => turn.edit(turn.cutOffNote, api)));
  const outcome = await Promise.race([told, deadline]).finally(() => clearTimeout(timer));
  const failed = outcome === 'late' ? waiting.length : outcome.filter((r) => r.status === 'rejected').length;
  const context = { interactions: waiting.map((turn) => turn.interaction.id), failed };
  if (failed === 0) logger.info(context, 'discord answers cut off by the shutdown: members told to ask again');
  else logger.warn(context, 'discord answers cut off by the shutdown: not every member could be told to ask again');
}
