import { cleanQuestion } from '../../src/index.js';

/**
 * Turns Slack's wire text (mrkdwn with `<…>` tokens and `&amp;` escapes) back into the plain
 * question a person typed: mentions dropped, links reduced to their label, entities decoded,
 * invisible and control characters removed. Empty when nothing visible is left.
 */
export function toPlainText(text: string): string {
  const plain = text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? ' ')
    .replace(/<![^>]*>/g, ' ')
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => (name === undefined ? ' ' : `#${name}`))
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return cleanQuestion(plain);
}
