import type { APIInteractionResponse } from 'discord.js';
import type { DiscordApi, FirstResponse } from './api.js';
import { RESPONSE, type RawInteraction } from './interaction.js';
import { EPHEMERAL_FLAG, toNotice, type DiscordMessage } from './render.js';
import { TEXT } from './text.js';

/** Sends the first response: the HTTP response body in HTTP mode, the callback endpoint in gateway mode. */
export type Respond = (body: APIInteractionResponse) => Promise<FirstResponse>;

/** Edits may not carry the ephemeral flag: the deferral already decided who sees the message. */
function forEdit(message: DiscordMessage): DiscordMessage {
  const { flags: _flags, ...rest } = message;
  return rest;
}

const noticeResponse = (text: string) => ({ type: RESPONSE.message, data: toNotice(text) }) as APIInteractionResponse;

/** One interaction: remembers whether it was acknowledged, so errors are answered the right way. */
export class Turn {
  acknowledged = false;
  /** Part of an answer is on screen: an apology must not replace it. */
  private delivered = false;
  /** A deferral reached Discord: the member sees "thinking…" until an edit replaces it. */
  private deferred = false;
  /** Something final replaced "thinking…": an answer, a notice or an apology (not a progress note). */
  private replied = false;
  /** What a shutdown that cuts this turn off tells the member instead (see stopping.ts): a Pin press is no question. */
  cutOffNote: string = TEXT.restartedBeforeAnswer;

  constructor(
    readonly interaction: RawInteraction,
    private readonly respond: Respond,
    private readonly api: DiscordApi,
  ) {}

  async ack(body: APIInteractionResponse): Promise<void> {
    await this.firstResponse(body);
  }

  private async firstResponse(body: APIInteractionResponse): Promise<FirstResponse> {
    const response = await this.respond(body);
    // Only once delivered: until then no `@original` exists, so an apology must be a first response too.
    this.acknowledged = true;
    return response;
  }

  /** "Thinking…" within the 3-second window; the answer follows as an edit. */
  async defer(privately: boolean): Promise<void> {
    await this.ack({ type: RESPONSE.deferredMessage, data: privately ? { flags: EPHEMERAL_FLAG } : {} });
    this.deferred = true;
  }

  /** Deferred, and nothing final has replaced "thinking…" (or a progress note) yet. */
  get unfinished(): boolean {
    return this.deferred && !this.replied;
  }

  /** An immediate private notice (refusals, cooldowns): nothing else is called. */
  notice(text: string): Promise<void> {
    return this.ack(noticeResponse(text));
  }

  /** After a deferral: the first message replaces "thinking…", the rest follow with the same visibility. */
  async send(messages: DiscordMessage[]): Promise<void> {
    const [first, ...rest] = messages;
    if (!first) return;
    await this.api.editOriginal(this.interaction.application_id, this.interaction.token, forEdit(first));
    this.delivered = true;
    this.replied = true;
    for (const next of rest) await this.api.followUp(this.interaction.application_id, this.interaction.token, next);
  }

  /**
   * Replaces "thinking…" with a note of the work under way. The turn stays unfinished: a shutdown that cuts it
   * off replaces the note with `cutOffNote`, instead of leaving "…pinning it…" on screen for good.
   */
  async progress(text: string): Promise<void> {
    await this.api.editOriginal(this.interaction.application_id, this.interaction.token, forEdit(toNotice(text)));
  }

  /**
   * Replaces "thinking…" (or an earlier notice) with `text`. `api`: another client than the turn's own, for the
   * shutdown, whose note must not queue behind this interaction's stuck answer.
   */
  async edit(text: string, api: DiscordApi = this.api): Promise<void> {
    await api.editOriginal(this.interaction.application_id, this.interaction.token, forEdit(toNotice(text)));
    this.replied = true;
  }

  /**
   * Says something went wrong: as the first response when none was sent, as a new private message once
   * part of an answer is delivered (an edit would replace that part and orphan the parts after it), and
   * otherwise in place of "thinking…" or a progress note.
   */
  async apologize(text: string): Promise<void> {
    // A first response that seemed to fail may have reached Discord ("thinking…" is on screen): the apology replaces it.
    if (!this.acknowledged && (await this.firstResponse(noticeResponse(text))) !== 'already-acknowledged') return;
    if (!this.delivered) return this.edit(text);
    await this.api.followUp(this.interaction.application_id, this.interaction.token, toNotice(text));
  }
}
