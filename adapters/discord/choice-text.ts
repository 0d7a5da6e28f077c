import { cleanQuestion } from './core.js';
import { characterCount, DISCORD_LIMITS, firstCharacters, PINPOINT_DISCORD_LIMITS } from './limits.js';

/** A choice's name and value are the same text, so it fits both. */
const CHOICE_CHARS = Math.min(DISCORD_LIMITS.choiceName, DISCORD_LIMITS.choiceValue);

/**
 * An autocomplete choice holds at most 100 characters, but a pinned question may have up to 300. Picked as
 * a plain cut, the choice would ask another question, one the pin no longer matches, so the member would
 * not get the pinned answer the list offered. A cut choice ends in "…" instead, and /ask reads it back as
 * the whole suggestion (see `wholeChoice`).
 */
export function choiceText(suggestion: string): string {
  if (characterCount(suggestion) <= CHOICE_CHARS) return suggestion;
  return `${firstCharacters(suggestion, CHOICE_CHARS - 1).trimEnd()}…`;
}

/**
 * The suggestion a cut choice stands for (`suggest` is the core's, for this channel), or `question` as it is:
 * a question that is no cut choice, or whose suggestion is gone (unpinned since) or too long to ask.
 */
export function wholeChoice(question: string, suggest: (prefix: string) => string[]): string {
  if (!question.endsWith('…') || characterCount(question) > CHOICE_CHARS) return question;
  const whole = suggest(question.slice(0, -1)).find((suggestion) => cleanQuestion(choiceText(suggestion)) === question);
  return whole !== undefined && characterCount(whole) <= PINPOINT_DISCORD_LIMITS.questionChars ? whole : question;
}
