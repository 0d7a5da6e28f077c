import { cleanQuestion } from '../../src/index.js';

/**
 * Emoji as Slack writes them in message text (`:eyes:`, `:+1::skin-tone-2:`; one typed as a picture arrives so too).
 * Not words of the question: left in, the documents "never use" “eyes”. Only whole runs between spaces or
 * punctuation, so a time ("10:30:45") or a docket number ("3:20-cv-08570:") stays.
 */
const EMOJI_CODES = /(?<![\w:]):[a-z0-9_+-]+:(?::[a-z0-9_+-]+:)*(?![\w:])/g;

/**
 * Turns Slack's wire text (mrkdwn with `<…>` tokens and `&amp;` escapes) back into the plain
 * question a person typed: mentions dropped, links and dates reduced to their label, entities decoded,
 * emoji codes and invisible and control characters removed. Empty when nothing visible is left.
 */
export function toPlainText(text: string): string {
  const plain = text
    .replace(/<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? ' ')
    // A date Slack shows in the reader's time zone: its fallback text is the date as the asker wrote it.
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, (_m, fallback: string) => fallback)
    .replace(/<![^>]*>/g, ' ')
    // Slack often sends a channel without its name (`<#C123|>`): dropped like `<#C123>`, not left as a lone "#".
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => (name ? `#${name}` : ' '))
    // A link of any scheme (https:, mailto:, tel: for a phone number) reads as its label; one with an empty label
    // reads as its URL, as Slack shows it, instead of vanishing. Typed "<" arrives as "&lt;", so none is text.
    .replace(/<([a-z][a-z0-9+.-]*:[^|>]+)(?:\|([^>]*))?>/gi, (_m, url: string, label?: string) => label || url)
    .replace(EMOJI_CODES, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return cleanQuestion(plain);
}
