import { toPlainText } from './text.js';

/** An attachment's words: a news feed's post (title and summary) or a forwarded message (its text). */
interface AttachmentText {
  title?: string;
  pretext?: string;
  text?: string;
  fallback?: string;
}

/** The parts of a message shortcut's `message` that carry its words, as Slack sends them. */
export interface ShortcutMessage {
  text?: string;
  attachments?: AttachmentText[];
}

function attachmentText(attachments: readonly AttachmentText[] | undefined): string {
  return (attachments ?? [])
    .map((a) => [a.pretext, a.title, a.text].filter((part) => part !== undefined && part !== '').join('\n') || (a.fallback ?? ''))
    .filter((text) => text !== '')
    .join('\n');
}

/**
 * Wire text with words of its own. Links without a label, mentions and emoji say nothing to search for: a message of
 * only a link has its words in the link's unfurl (an attachment), and the address alone ("nyti.ms/3xYz") finds nothing.
 */
function saying(text: string | undefined): string {
  return text !== undefined && toPlainText(text.replace(/<[^|>]*>/g, ' ')) !== '' ? text : '';
}

/**
 * The wire text of the message Find sources was used on: what it says, else its attachments' words. A news feed
 * (Slack's RSS app) or a forwarded message holds them there, with no text of its own, and so does a shared link's
 * unfurl (the article's headline and summary).
 */
export function shortcutMessageText(message: ShortcutMessage): string {
  return saying(message.text) || attachmentText(message.attachments) || (message.text ?? '');
}
