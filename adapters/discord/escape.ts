/** Zero-width joiner: breaks `@everyone`, `<@123>` and friends without changing what people read. */
const ZWJ = '\u200D';

/**
 * Defuses everything Discord could turn into a ping or a rich mention: `@everyone`, `@here`,
 * `<@id>`, `<@!id>`, `<@&role>`, `<#channel>`, `</command:id>`. Quoted case text must never ping,
 * even if `allowed_mentions` were ever lost on the way.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@/g, `@${ZWJ}`).replace(/<([#/:])/g, `<${ZWJ}$1`);
}

/** Characters with inline markdown meaning in Discord. */
const INLINE_MARKDOWN = /[\\*_~`|[\]<>]/g;

/** Escapes markdown so quoted text shows literally, and neutralises mentions. */
export function escapeText(text: string): string {
  const escaped = text.replace(INLINE_MARKDOWN, (ch) => `\\${ch}`);
  // Line starts: headings, lists, sub-text and numbered lists only count there.
  const lineStarts = escaped.replace(/^(\s*)([#\-+]|\d+\.)(?=\s|#|$)/gm, (_m, ws: string, mark: string) =>
    mark.endsWith('.') ? `${ws}${mark.slice(0, -1)}\\.` : `${ws}\\${mark}`,
  );
  return neutralizeMentions(lineStarts);
}

/**
 * Escapes what a member typed, echoed in the bot's own words (a no-match reply, a title, a list), and breaks
 * the `://` of any link in it with the same invisible joiner: Discord makes a bare `https://…` in an embed
 * clickable, so a question could have the bot post someone's link as its own answer. Quoted documents keep
 * their links: the case's own sources.
 */
export function escapeAsked(text: string): string {
  return escapeText(text).replace(/:\/\//g, `:${ZWJ}//`);
}

/** Merges overlapping/adjacent ranges and clips them to [0, length). */
function normalizeRanges(ranges: readonly (readonly [number, number])[], length: number): [number, number][] {
  const sorted = ranges
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * A bare link as Discord makes it clickable: up to a space or `<`, less closing punctuation. Markdown inside it is
 * part of where it leads: `**` or a `\_` escape there would show in it and break it.
 */
const BARE_LINK = /https?:\/\/[^\s<]*[^\s<.,:;"')\]]/gi;

/**
 * The mentions a bare link can hold: it holds no `<`, so only `@everyone` and `@here`. Any other `@` is part of where
 * it leads ("https://mastodon.social/@netflix"): a joiner there would be too, and the link would open no such page.
 */
function neutralizeLinkMentions(link: string): string {
  return link.replace(/@(?=everyone|here)/gi, `@${ZWJ}`);
}

/** `escapeText` for document text: its bare links are left as they are (`@everyone` and `@here` in them still broken). */
function escapeQuoted(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(BARE_LINK)) {
    out += escapeText(text.slice(at, match.index)) + neutralizeLinkMentions(match[0]);
    at = match.index + match[0].length;
  }
  return out + escapeText(text.slice(at));
}

/** The ranges less the bare links of `line`: a matched word inside a link is not bolded, the rest of its range is. */
function outsideLinks(line: string, ranges: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const links = [...line.matchAll(BARE_LINK)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  if (links.length === 0) return [...ranges];
  const out: [number, number][] = [];
  for (const [rangeStart, end] of ranges) {
    let start = rangeStart;
    for (const [linkStart, linkEnd] of links) {
      if (linkEnd <= start || linkStart >= end) continue;
      if (linkStart > start) out.push([start, linkStart]);
      start = Math.max(start, linkEnd);
    }
    if (start < end) out.push([start, end]);
  }
  return out;
}

/**
 * Escapes one line of text and wraps the highlighted ranges in `**bold**`, none inside a bare link. Whitespace at the edges of
 * a highlight is moved outside the markers, because `** word**` does not render as bold.
 */
function formatLine(line: string, highlights: readonly (readonly [number, number])[]): string {
  let out = '';
  let at = 0;
  for (const [rawStart, rawEnd] of normalizeRanges(outsideLinks(line, highlights), line.length)) {
    let start = rawStart;
    let end = rawEnd;
    while (start < end && /\s/.test(line[start] ?? '')) start++;
    while (end > start && /\s/.test(line[end - 1] ?? '')) end--;
    if (end <= start) continue;
    out += `${escapeQuoted(line.slice(at, start))}**${escapeQuoted(line.slice(start, end))}**`;
    at = end;
  }
  return out + escapeQuoted(line.slice(at));
}

/**
 * Renders text as a Discord block quote: every line starts with `> `, so no part of a quote can
 * fall outside the quote. Blank lines are dropped (they would end the quote).
 */
export function formatQuote(text: string, highlights: readonly (readonly [number, number])[] = []): string {
  const lines: string[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const relative = highlights.map(([s, e]): [number, number] => [s - offset, e - offset]);
    offset += line.length + 1;
    if (line.trim() === '') continue;
    lines.push(`> ${formatLine(line.replace(/\s+$/, ''), relative)}`);
  }
  return lines.join('\n');
}
