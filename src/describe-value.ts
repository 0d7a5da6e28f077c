/**
 * A parsed value as an error calls it ("got the number 1984"), for YAML front matter, pack.yaml and JSONL
 * lines; `mapping` is what the format calls a map ("key: value lines" in YAML).
 */
export function describeValue(value: unknown, mapping = 'key: value lines'): string {
  if (value === null) return 'nothing (an empty value)';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  return mapping;
}
