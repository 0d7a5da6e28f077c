import { type Document, isCollection, isMap, isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { describeValue } from '../describe-value.js';
import { PinpointError } from '../errors.js';
import { NO_FRONT_MATTER } from './front-matter.js';
import { documentMetaSchema, packManifestSchema } from './schema.js';

/**
 * Parses YAML and validates it with a zod schema; any problem becomes one error that names the
 * file, the line and what to write instead. `firstLine` is where the YAML starts in the file.
 */
export function parseYamlBlock<T>(
  source: string,
  schema: z.ZodType<T>,
  where: { file: string; firstLine: number; errorCode: 'DOCUMENT_INVALID' | 'PACK_INVALID' },
): T {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const isPack = where.errorCode === 'PACK_INVALID';
  if (document.errors.length > 0) {
    const problem = syntaxProblem(source, document, lineCounter, isPack ? PACK_SYNTAX_EXAMPLE : `"${FRONT_MATTER_EXAMPLE}"`, where.firstLine);
    throw new PinpointError(where.errorCode, `pinpoint: ${where.file}:${problem.line + where.firstLine - 1}: invalid YAML (${problem.reason}); ${problem.fix}`);
  }
  const data = document.toJS() ?? {};
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  const keyPath = issue.path.map(String);
  // An unknown key is reported on the parent; point at the key itself, not at its value, which may start lines below.
  const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const offset = unknownKey === undefined ? valueOffset(document, keyPath) : keyOffset(document, keyPath, unknownKey);
  const line = offset === undefined ? where.firstLine : lineCounter.linePos(offset).line + where.firstLine - 1;
  const field = issue.path.length > 0 ? fieldName(issue.path) : isPack ? 'the pack file' : 'the front matter';
  const shape = isPack ? packShape(issue.path) : undefined;
  const keys = isPack && issue.path.length === 0 ? PACK_KEYS : DOCUMENT_KEYS;
  // Plain text between two "---" lines is no metadata at all: the file may only open with a rule.
  const orNone = !isPack && issue.path.length === 0 && issue.code === 'invalid_type' && typeof issue.input === 'string' ? `; ${NO_FRONT_MATTER}` : '';
  throw new PinpointError(where.errorCode, `pinpoint: ${where.file}:${line}: ${field}: ${describeIssue(issue, isPack ? PACK_EXAMPLE : FRONT_MATTER_EXAMPLE, shape, keys)}${orNone}`, {
    cause: result.error,
  });
}

/** Where the value at `keyPath` starts in the block; that of its top-level key when the value is empty. */
function valueOffset(document: Document, keyPath: readonly string[]): number | undefined {
  if (keyPath.length === 0 || !isMap(document.contents)) return undefined;
  const node = document.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
  if (node?.range) return node.range[0];
  const pair = document.contents.items.find((item) => isScalar(item.key) && String(item.key.value) === keyPath[0]);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

/** Where the key `key` of the map at `parentPath` (the top level when empty) is written in the block. */
function keyOffset(document: Document, parentPath: readonly string[], key: string): number | undefined {
  const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

/** The keys of the pack file, and of a document's front matter or entry in it. */
const PACK_KEYS = Object.keys(packManifestSchema.shape);
const DOCUMENT_KEYS = Object.keys(documentMetaSchema.shape);

/** Lines to copy from, in the errors of each kind of block. */
const FRONT_MATTER_EXAMPLE = 'title: My title';
const PACK_EXAMPLE = 'name: My case';
const PACK_SYNTAX_EXAMPLE = `"${PACK_EXAMPLE}", or "aliases:" over "  - [Meta, Facebook]"`;

/**
 * What the pack's alias groups and documents look like, as lines to copy under their key: "a list" for
 * `aliases: [Meta, Facebook]` led to the same error again, and "record" or "name: My case" for `documents`
 * named no fix, or a key a document entry does not take.
 */
function packShape(path: readonly PropertyKey[]): string | undefined {
  const [key] = path;
  if (key === 'aliases' && path.length === 1) return 'alias groups, one a line under it such as "  - [Meta, Facebook]"';
  if (key === 'aliases' && path.length === 2) return 'a group of phrases in brackets on its own line, such as "  - [Meta, Facebook]"';
  if (key === 'documents' && path.length === 1) return 'file names with their details, one a line under it such as "  complaint.pdf: { title: Complaint }"';
  if (key === 'documents' && path.length === 2) return 'its details after the file name, such as "  complaint.pdf: { title: Complaint, kind: complaint }"';
  return undefined;
}

/**
 * A key path as people count: `"aliases" item 2` for the second alias group (zod counts from 0), and
 * `"documents.a.pdf.kind"` for keys.
 */
function fieldName(path: readonly PropertyKey[]): string {
  const keys = path.filter((part) => typeof part !== 'number').map(String);
  const items = path.filter((part) => typeof part === 'number').map((index) => ` item ${index + 1}`);
  return `"${keys.join('.')}"${items.join(',')}`;
}

/**
 * The line (1-based, within the block) a YAML syntax error is about, what is wrong and what to write; a line the
 * reason names is counted in the file, whose line `firstLine` the block starts on.
 */
function syntaxProblem(
  source: string,
  document: Document,
  lineCounter: LineCounter,
  example: string,
  firstLine: number,
): { line: number; reason: string; fix: string } {
  const errors: readonly YAMLError[] = document.errors;
  const first = errors[0]!;
  // The line yaml reports, and its text, as most of the fixes below quote it.
  const line = lineCounter.linePos(first.pos[0]).line;
  const lineText = source.split('\n')[line - 1] ?? '';
  // yaml's "Map keys must be unique" named no key, and "fix the syntax, e.g. aliases:" suggested writing it once more.
  const twice = first.code === 'DUPLICATE_KEY' ? duplicateKeyAt(document, first.pos[0]) : undefined;
  if (twice) {
    const reason = `"${twice.key}" is written twice, first on line ${lineCounter.linePos(twice.firstAt).line + firstLine - 1}`;
    const fix = twice.holdsLines ? `keep one "${twice.key}:" and move the lines under the other one under it` : `keep one of the two "${twice.key}:" lines`;
    return { line, reason, fix };
  }
  // "title: A" over "  kind: order": yaml reads the indented key as more of the value above and reports that
  // line; the run-on error that comes with it ends on the indented key.
  const runOn = errors.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY');
  if (first.code === 'BLOCK_AS_IMPLICIT_KEY' && runOn) {
    const keyLine = lineCounter.linePos(runOn.pos[1]).line;
    const key = source.split('\n')[keyLine - 1]?.trim() ?? '';
    return { line: keyLine, reason: 'a key indented under a line that already has a value', fix: `start it at the beginning of its line: "${key}"` };
  }
  // "title: Doe v. Acme: Complaint": yaml reads the second ": " as a key inside the value, and its own words
  // ("Nested mappings are not allowed in compact mappings") do not say that quotes are the fix.
  if (first.code === 'BLOCK_AS_IMPLICIT_KEY') {
    const fixed = quotedValueLine(lineText);
    if (fixed !== undefined) return { line, reason: 'a value holding ": " without quotes', fix: `put the value in quotes: ${fixed}` };
  }
  // "complaint.pdf: { title: Doe v. Acme: Complaint }": the same inside braces, where yaml speaks of "block collections".
  if (first.code === 'BLOCK_IN_FLOW') {
    const fixed = quotedFlowValueLine(lineText);
    if (fixed !== undefined) return { line, reason: 'a value holding ": " without quotes', fix: `put the value in quotes: ${fixed.trim()}` };
  }
  // "title: 'Plaintiff's Motion'" (a quote inside the same quotes) or "title: @Meta" (a character YAML reserves):
  // quoting the value the other way is the fix, which yaml's words ("Unexpected scalar at node end") do not say.
  if (first.code === 'UNEXPECTED_TOKEN' || first.code === 'BAD_SCALAR_START' || first.code === 'BAD_ALIAS') {
    const fixed = quotedValueLine(lineText);
    if (fixed !== undefined) return { line, reason: first.message.split('\n')[0] ?? 'invalid YAML', fix: `put the value in quotes: ${fixed}` };
  }
  // yaml reports an unclosed quote or bracket where the block ends: point at the line that opened it.
  const at = openerOf(source, first.message) ?? Math.min(first.pos[0], source.trimEnd().length);
  return { line: lineCounter.linePos(at).line, reason: first.message.split('\n')[0] ?? 'invalid YAML', fix: `fix the syntax, e.g. ${example}` };
}

/**
 * "title: A: B" as "title: \"A: B\"" (in single quotes when the value holds a double quote), the quotes it was
 * written in, if any, dropped ("'Plaintiff's Motion'" meant "Plaintiff's Motion"); undefined for another line.
 */
function quotedValueLine(line: string): string | undefined {
  const match = /^\s*(?:-\s+)?([\w.-]+):\s+(\S.*?)\s*$/.exec(line);
  if (!match) return undefined;
  const [, key, written] = match;
  // A comment after the value stays out of the quotes.
  const quote = written!.startsWith('"') || written!.startsWith("'") ? written![0]! : undefined;
  const closing = quote === undefined ? -1 : written!.lastIndexOf(quote);
  const quotedWhole = closing > 0 && /^\s*(?:#.*)?$/.test(written!.slice(closing + 1));
  const value = quotedWhole ? written!.slice(1, closing) : written!.replace(/\s+#.*$/, '');
  return `${key}: ${quoted(value)}`;
}

/** A value in YAML quotes: single when it holds a double quote (and no single one), else double, escaped. */
function quoted(value: string): string {
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A line with braces whose first unquoted value holds ": " ("{ title: A: B, kind: order }"), that value quoted;
 * undefined when there is none.
 */
function quotedFlowValueLine(line: string): string | undefined {
  const match = /([{,]\s*[\w.-]+:\s+)([^"'\s,{}][^,{}]*?:\s[^,{}]*?)(\s*[,}])/.exec(line);
  if (!match) return undefined;
  const [whole, before, value, after] = match;
  return line.replace(whole, `${before}${quoted(value!)}${after}`);
}

/**
 * The key a duplicate-key error at offset `at` is about, where it was first written, and whether it holds lines
 * under it (aliases, documents) rather than a value.
 */
function duplicateKeyAt(document: Document, at: number): { key: string; firstAt: number; holdsLines: boolean } | undefined {
  let found: { key: string; firstAt: number; holdsLines: boolean } | undefined;
  visit(document, {
    Map(_, map) {
      const repeated = map.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === at);
      if (!repeated || !isScalar(repeated.key)) return undefined;
      const key = repeated.key.value;
      const first = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
      const firstAt = isScalar(first?.key) ? first.key.range?.[0] : undefined;
      if (firstAt === undefined) return visit.BREAK;
      found = { key: String(key), firstAt, holdsLines: isCollection(first?.value) || isCollection(repeated.value) };
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * Where the quote or bracket that yaml says is never closed was opened: the first line whose value
 * opens a quote it does not close ("title: \"Unclosed"), or opens more brackets than it closes.
 */
function openerOf(source: string, message: string): number | undefined {
  const quote = message.includes('closing "quote') ? '"' : message.includes("closing 'quote") ? "'" : undefined;
  const bracket = message.includes('end with a ]') ? ['[', ']'] : message.includes('end with a }') ? ['{', '}'] : undefined;
  if (quote === undefined && bracket === undefined) return undefined;
  // A value that opens with the quote: "key: 'text" or "- 'text".
  const opensQuote = quote === undefined ? undefined : new RegExp(`^\\s*(?:-\\s+|[^:#]+:\\s+)${quote}`);
  let offset = 0;
  for (const line of source.split('\n')) {
    if (quote !== undefined && opensQuote !== undefined) {
      const opening = opensQuote.exec(line);
      if (opening && line.slice(opening[0].length).split(quote).length % 2 === 1) return offset + opening[0].length - 1;
    } else if (bracket && line.split(bracket[0]!).length > line.split(bracket[1]!).length) {
      return offset + line.indexOf(bracket[0]!);
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * `shape` is what the value must look like where the schema's type says too little; `keys` are the keys the
 * block takes where the issue is.
 */
function describeIssue(issue: z.core.$ZodIssue, example: string, shape: string | undefined, keys: readonly string[]): string {
  if (issue.code === 'unrecognized_keys') {
    const unknown = issue.keys.map((key) => `"${key}"`).join(', ');
    // "Title:" from a blog's front matter: the key meant is certain, so name it.
    const meant = issue.keys.length === 1 ? spelledAs(issue.keys[0]!, keys) : undefined;
    return `unknown key ${unknown}; ${meant === undefined ? 'remove it or check the spelling' : `write it as "${meant}"`}`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const meant = typeof issue.input === 'string' ? spelledAs(issue.input, issue.values.map(String)) : undefined;
    return `expected one of ${issue.values.map(String).join(', ')}${meant === undefined ? '' : `; write it as "${meant}"`}`;
  }
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    const expected = shape ?? (issue.expected === 'object' ? `key: value lines such as "${example}"` : (EXPECTED_TYPES[issue.expected] ?? issue.expected));
    const phrase = issue.expected === 'string' ? phraseWithColon(issue.input) : undefined;
    const hint =
      issue.expected === 'string' && (typeof issue.input === 'number' || typeof issue.input === 'boolean')
        ? `; put it in quotes: "${String(issue.input)}"`
        : phrase !== undefined
          ? `; put it in quotes: "${phrase}"`
          : (issue.expected === 'number' || issue.expected === 'int') && typeof issue.input === 'string' && /^\d+$/.test(issue.input.trim())
          ? '; remove the quotes'
          : '';
    return `expected ${expected}, got ${describeValue(issue.input)}${hint}`;
  }
  // zod's own words for an empty text ("Too small: expected string to have >=1 characters") name no fix; a
  // schema's own message ("expected a non-empty title") stays.
  if (issue.code === 'too_small' && issue.origin === 'string' && issue.message.startsWith('Too small')) {
    return typeof issue.path.at(-1) === 'number' ? 'is an empty phrase; remove it from the group' : 'is empty; write it, or remove the line';
  }
  return issue.message;
}

/**
 * The text YAML read as one key and its value, as it was written: "[Section 230: immunity, …]" holds the phrase
 * "Section 230: immunity", which without quotes is a key "Section 230" with the value "immunity".
 */
function phraseWithColon(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const entries = Object.entries(input);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0]!;
  if (typeof value === 'object' && value !== null) return undefined;
  return value === null ? `${key}:` : `${key}: ${String(value)}`;
}

/** The one of `words` that `written` spells with capitals, spaces or underscores ("News Article" → "news-article"). */
function spelledAs(written: string, words: readonly string[]): string | undefined {
  const lowered = written.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return words.find((word) => word === lowered);
}

/** What a YAML value is called in an error, for the types the schemas use. */
const EXPECTED_TYPES: Partial<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list such as [Meta, Facebook]',
};
