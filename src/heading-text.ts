// The attributes Pandoc, kramdown and MkDocs write after a heading, which no reader sees: "## Background {#background}",
// "{.unnumbered}", "{-}", "{: #facts .lead}".
const ATTRIBUTE = String.raw`(?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|[^\s}]+)|-)`;
const ATTRIBUTES = new RegExp(String.raw`\s+\{:?\s*${ATTRIBUTE}(?:\s+${ATTRIBUTE})*\s*\}\s*$`);

/**
 * The words of a heading as a reader of the rendered document sees them, for citations to name its section:
 * "**FACTS**" → "FACTS", "*Background*" → "Background", "[Discussion](#discussion)" → "Discussion",
 * "`Section 2` Terms" → "Section 2 Terms", "Background {#background}" → "Background". Quotes stay verbatim; a section
 * is a name, not a quote.
 */
export function headingText(heading: string): string {
  const plain = heading
    .replace(ATTRIBUTES, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  // Markup alone ("***", "[]()") leaves the heading as it was rather than no name at all.
  return /[\p{L}\p{N}]/u.test(plain) ? plain : heading;
}
