import type { RawEmbed, RawTargetMessage } from './interaction.js';
import { withoutMarkup } from './markup.js';

function embedText(embeds: readonly RawEmbed[] | undefined): string {
  return (embeds ?? []).flatMap((embed) => [embed.title ?? '', embed.description ?? '']).filter((text) => text !== '').join('\n');
}

/**
 * Text with words of its own: a message of only a link (its preview holds the words), mentions or custom emoji says
 * nothing to search for.
 */
function saying(text: string | undefined): string {
  return text !== undefined && withoutMarkup(text).trim() !== '' ? text : '';
}

/**
 * The text of the message Find sources was used on: what it says, else what it forwards (a forward holds the
 * text in its snapshot), else its embeds' titles and descriptions (a news feed or another bot posts only those, and
 * a shared link's preview holds the article's headline and summary).
 */
export function targetText(target: RawTargetMessage | undefined): string {
  const forwarded = target?.message_snapshots?.[0]?.message;
  return saying(target?.content) || saying(forwarded?.content) || embedText(target?.embeds) || embedText(forwarded?.embeds);
}
