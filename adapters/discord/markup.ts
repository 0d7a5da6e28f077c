/**
 * Discord's markup in what a member wrote: mentions of members, roles and channels (`<@123…>`, `<@&…>`,
 * `<#…>`), command mentions (`</ask:…>`), custom emoji (`<:kek:…>`, `<a:…:…>`), timestamps (`<t:…:R>`),
 * server guide links (`<id:customize>`) and web links. They are ids and addresses, not words of a claim.
 */
const MARKUP = /<(?:@[!&]?\d+|#\d+|\/[^<>:]+:\d+|a?:\w+:\d+|t:-?\d+(?::[a-zA-Z])?|id:\w+)>|<?\bhttps?:\/\/[^\s<>]+>?/gi;

/**
 * The text a member wrote, without Discord's markup, for the search. Left in, a chat message such as
 * "<@123…> Netflix read our DMs <:kek:456…>" found nothing: the documents never use "123…" or "kek".
 */
export function withoutMarkup(text: string): string {
  return text.replace(MARKUP, ' ');
}
