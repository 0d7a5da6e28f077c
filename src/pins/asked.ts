import { withoutChatFrame } from '../answer/chat-frame.js';
import { withChatSpellingsWrittenOut } from '../answer/chat-spelling.js';

/**
 * A question as the answer pipeline reads it: chat spellings written out, without the greeting, preamble and
 * sign-off a chat message wraps it in. Pins compare questions so, or "hey pinpoint, when was the complaint
 * filed? lol" would miss the pin of "When was the complaint filed?" though it gets the same quotes.
 */
export function questionAsAsked(question: string): string {
  return withoutChatFrame(withChatSpellingsWrittenOut(question));
}
