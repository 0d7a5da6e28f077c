import type { RawEmbed, RawTargetMessage } from './interaction.js';

function embedText(embeds: readonly RawEmbed[] | undefined): string {
  return (embeds ?? []).flatMap((embed) => [embed.title ?? '', embed.description ?? '']).filter((text) => text !== '').join('\n');
}

/**
 * The text of the message Find sources was used on: what it says, else what it forwards (a forward holds the
 * text in its snapshot), else its embeds' titles and descriptions (a news feed or another bot posts only those).
 */
export function targetText(target: RawTargetMessage | undefined): string {
  const forwarded = target?.message_snapshots?.[0]?.message;
  return target?.content || forwarded?.content || embedText(target?.embeds) || embedText(forwarded?.embeds);
}
