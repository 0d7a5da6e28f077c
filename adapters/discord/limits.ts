/**
 * Every Discord limit the adapter relies on, in one place. discord.js builders do not check the
 * 6000-character total across embeds, so the renderer enforces all of these itself before sending.
 */
export const DISCORD_LIMITS = {
  /** Message `content`. */
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Characters across title, description, field names/values, footer and author of all embeds. */
  embedTotal: 6000,
  customId: 100,
  buttonsPerRow: 5,
  actionRows: 5,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** The first response must arrive within this many milliseconds. */
  ackWindowMs: 3000,
} as const;

/** Pinpoint's own caps, chosen to keep answers readable in a chat. */
export const PINPOINT_DISCORD_LIMITS = {
  /** Longest question accepted from /ask, in characters as `characterCount` counts them (also the option's max_length). */
  questionChars: 300,
  /** Excerpts per answer page (the More button shows the next page). */
  excerptsPerPage: 3,
  /** Documents on one page of /docs, and pins listed by /pins. */
  listItems: 20,
  /** Neighbouring passages shown by /source on each side. */
  sourceRadius: 1,
  /** Pins with an Unpin button in one /pins reply (5 rows of 5 buttons). */
  unpinButtons: 25,
  /** Questions listed by /report (the most frequent no-match questions). */
  reportQuestions: 10,
  /** A citation's document title and its ¶/page label, before "…": a longer one would crowd out the quote. */
  citationText: 200,
  /** A citation's document kind and date, before "…". */
  citationTag: 40,
  /** Autocomplete requests a member may send at once (one per keystroke while typing /ask)… */
  autocompleteBurst: 10,
  /** …then this many a minute; past that a keystroke gets no choices until the next one is allowed. */
  autocompletePerMinute: 60,
  /** Longest link shown (citations, /docs): a longer URL is left out, since a cut link is a broken one. */
  linkChars: 512,
} as const;

/**
 * Characters as Discord counts them for limits such as an option's `max_length`: Unicode code points
 * (the API measures with Python's len()), not UTF-16 units, so one 🦞 is 1 here, not 2.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _codePoint of text) count += 1;
  return count;
}

/** The first `max` characters as `characterCount` counts them: never half of an emoji's surrogate pair. */
export function firstCharacters(text: string, max: number): string {
  let count = 0;
  let end = 0;
  for (const codePoint of text) {
    if (count === max) break;
    count += 1;
    end += codePoint.length;
  }
  return text.slice(0, end);
}
