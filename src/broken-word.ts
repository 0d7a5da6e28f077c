/**
 * Whether the white space in [gapStart, gapEnd) of `text` falls inside a word a line end broke with a hyphen, with a
 * blank line after the break, as text laid out from a PDF leaves one ("is constitu-" | "" | "tional under Grutter"):
 * a letter and a hyphen before it, a lowercase letter after it. The blank line then ends no paragraph and no sentence,
 * so no quote opens or closes in the middle of the word. A page break (form feed) still ends the page there.
 */
export function breaksWord(text: string, gapStart: number, gapEnd: number): boolean {
  return (
    text[gapStart - 1] === '-' &&
    /\p{L}/u.test(text[gapStart - 2] ?? '') &&
    /^\p{Ll}/u.test(text.slice(gapEnd, gapEnd + 2)) &&
    !text.slice(gapStart, gapEnd).includes('\f') &&
    /^[ \t]*\n/.test(text.slice(gapStart, gapEnd))
  );
}
