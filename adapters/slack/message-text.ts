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
 * The wire text of the message Find sources was used on: what it says, else its attachments' words. A news feed
 * (Slack's RSS app) or a forwarded message holds them there, with no text of its own.
 */
export function shortcutMessageText(message: ShortcutMessage): string {
  return message.text || attachmentText(message.attachments);
}
