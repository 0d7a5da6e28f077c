/**
 * Turns Slack's wire text (mrkdwn with `<…>` tokens and `&amp;` escapes) back into the plain
 * question a person typed: mentions dropped, links reduced to their label, entities decoded.
 */
export function toPlainText(text: string): string {
  return text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? ' ')
    .replace(/<![^>]*>/g, ' ')
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => (name === undefined ? ' ' : `#${name}`))
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
