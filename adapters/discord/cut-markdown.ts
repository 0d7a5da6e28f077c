/**
 * Cuts Discord markdown this adapter wrote (escaped text with `**bold**`) to at most `max` UTF-16 units,
 * ending with "…" when something was cut. Unlike a plain cut it never keeps half of a `\x` escape (the
 * lone `\` would escape the "…" and drop the character), half of a `**` marker or half of an emoji, and
 * closes a bold run it cut through, so the rest of the message does not turn bold or show stray stars.
 */
export function cutMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  let best = 0;
  let bestBold = false;
  let bold = false;
  let at = 0;
  // A boundary right after an opening `**` is skipped: "****…" would show as stars.
  let afterOpening = false;
  while (at < text.length) {
    const room = max - 1 - (bold ? 2 : 0);
    if (at <= room && !afterOpening) {
      best = at;
      bestBold = bold;
    }
    if (at > max) break;
    const unit = tokenLength(text, at);
    afterOpening = false;
    if (text.startsWith('**', at)) {
      bold = !bold;
      afterOpening = bold;
    }
    at += unit;
  }
  return `${text.slice(0, best)}${bestBold ? '**' : ''}…`;
}

/** The units that must stay together at `at`: an escape with what it escapes, a `**` marker, or one code point. */
function tokenLength(text: string, at: number): number {
  const codePointLength = (i: number): number => ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
  if (text[at] === '\\' && at + 1 < text.length) return 1 + codePointLength(at + 1);
  if (text.startsWith('**', at)) return 2;
  return codePointLength(at);
}
