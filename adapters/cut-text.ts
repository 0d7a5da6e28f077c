/**
 * Whether `index` falls between the two UTF-16 halves of one character (an emoji, a rare CJK
 * ideograph). Text cut there carries half a character, which chat platforms show as "�" or refuse.
 */
export function splitsCharacter(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Cuts `text` to at most `max` UTF-16 units, ending with "…" when something was cut, never inside a character. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (splitsCharacter(text, end)) end -= 1;
  return `${text.slice(0, end)}…`;
}
