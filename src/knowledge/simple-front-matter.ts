/**
 * Front matter of plain `key: value` lines (`title: "Order on the motion"`), read without the YAML
 * parser, which costs some 0.2 ms a file: most of re-reading a folder of a few hundred documents on a
 * restart. Returns undefined for anything else (a list, a comment, a number, an escape, a key twice),
 * for the YAML parser to read or to report; what it returns is what that parser would.
 */
export function simpleFrontMatter(yaml: string): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  let keys = 0;
  for (const line of yaml.split('\n')) {
    if (BLANK.test(line)) continue;
    const match = LINE.exec(line);
    if (!match) return undefined;
    const [, key, doubleQuoted, singleQuoted, plain] = match;
    // A plain true or null is not text, not even as a key; a key twice is an error the parser words.
    if (Object.hasOwn(values, key!) || NOT_TEXT.test(key!) || (plain !== undefined && NOT_TEXT.test(plain))) return undefined;
    values[key!] = doubleQuoted ?? singleQuoted ?? plain!;
    keys++;
  }
  return keys > 0 ? values : undefined;
}

const BLANK = /^ *$/;
// A quoted value without escapes or control characters, or a plain one that starts with a letter and
// holds no character YAML reads as syntax (": ", " #", "[", "{"), or a date.
const LINE = /^([a-z]+): +(?:"([^"\\\p{Cc}\uFEFF]*)"|'([^'\p{Cc}\uFEFF]*)'|(\p{L}[\p{L}\p{N} .,()/'’&-]*?|\d{4}-\d{2}-\d{2})) *$/u;
/** Plain words YAML's core schema reads as a boolean or null. */
const NOT_TEXT = /^(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;
