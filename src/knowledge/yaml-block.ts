import { isMap, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { PinpointError } from '../errors.js';

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
  const syntaxError = document.errors[0];
  if (syntaxError) {
    // yaml reports an unclosed quote or bracket at the end of the block: point at the last written line.
    const line = lineCounter.linePos(Math.min(syntaxError.pos[0], source.trimEnd().length)).line + where.firstLine - 1;
    const reason = syntaxError.message.split('\n')[0] ?? 'invalid YAML';
    throw new PinpointError(
      where.errorCode,
      `pinpoint: ${where.file}:${line}: invalid YAML (${reason}); fix the syntax, e.g. "title: My title"`,
    );
  }
  const data = document.toJS() ?? {};
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  const keyPath = issue.path.map(String);
  // An unknown key is reported on the parent; point at the key itself.
  const lookupPath = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...keyPath, issue.keys[0]] : keyPath;
  let line = where.firstLine;
  const node = lookupPath.length > 0 && isMap(document.contents) ? document.getIn(lookupPath, true) : undefined;
  const range = (node as { range?: [number, number, number] } | undefined)?.range;
  if (range) line = lineCounter.linePos(range[0]).line + where.firstLine - 1;
  else if (lookupPath.length > 0 && isMap(document.contents)) {
    const pair = document.contents.items.find((item) => String((item.key as { value?: unknown })?.value) === lookupPath[0]);
    const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    if (keyRange) line = lineCounter.linePos(keyRange[0]).line + where.firstLine - 1;
  }
  const field = keyPath.length > 0 ? `"${keyPath.join('.')}"` : where.errorCode === 'PACK_INVALID' ? 'the pack file' : 'the front matter';
  throw new PinpointError(where.errorCode, `pinpoint: ${where.file}:${line}: ${field}: ${describeIssue(issue)}`, {
    cause: result.error,
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')}; remove it or check the spelling`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `expected one of ${issue.values.map(String).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  return issue.message;
}
