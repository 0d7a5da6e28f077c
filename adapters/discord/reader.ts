import { hasAnyPermission, PERMISSIONS } from './commands.js';
import { channelOf, type RawInteraction } from './interaction.js';

/**
 * Who reads a list of the server's questions (/report, /pins). Discord tells a bot the member's permissions
 * in the channel of the interaction only, and a server's private channels hold questions others may not
 * read: so a question is shown when it was asked in this channel (the member sees it), in one of its public
 * threads (public-threads.ts) when those were looked up, or to an Administrator (who sees every channel);
 * otherwise it is left out.
 */
export interface Reader {
  /** The channel the command runs in. */
  channel: string;
  /** Administrator: every channel of the server is visible to them. */
  everyChannel: boolean;
  /** Public threads of `channel`: Discord shows them to everyone who sees it. */
  threads?: readonly string[];
}

export function readerOf(interaction: RawInteraction): Reader {
  return {
    channel: channelOf(interaction),
    everyChannel: hasAnyPermission(interaction.member?.permissions, [PERMISSIONS.Administrator]),
  };
}

/** Whether `reader` may read a question asked in `channel` (undefined: no channel recorded). */
export function mayRead(reader: Reader, channel: string | undefined): boolean {
  return reader.everyChannel || channel === reader.channel || (channel !== undefined && (reader.threads ?? []).includes(channel));
}
