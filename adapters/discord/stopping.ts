import type { APIInteractionResponse } from 'discord.js';
import type { Logger } from './core.js';
import { describeError } from './errors.js';
import { describeInteraction, INTERACTION, RESPONSE, type RawInteraction } from './interaction.js';
import { toNotice } from './render.js';
import { TEXT } from './text.js';
import type { Respond } from './turn.js';

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
