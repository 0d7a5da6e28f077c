import type { RowResult } from './evaluate.js';

interface Column {
  header: string;
  cell(row: RowResult): string;
}

/**
 * `value` to `digits` decimals, "n/a" when it is none. One that rounds to zero prints unsigned: a heap measured
 * as a difference can come out a few KB below zero, which toFixed prints "-0.0".
 */
export const fixed =
  (digits: number) =>
  (value: number): string =>
    Number.isFinite(value) ? value.toFixed(digits).replace(/^-(?=0(?:\.0*)?$)/, '') : 'n/a';
const ratio = fixed(3);
const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
const bytes = (value: number): string =>
  value >= 2 ** 20 ? `${(value / 2 ** 20).toFixed(1)} MB` : value >= 1024 ? `${(value / 1024).toFixed(0)} KB` : `${value} B`;

const COLUMNS: Column[] = [
  { header: 'engine', cell: (r) => r.engine },
  { header: 'containment@1', cell: (r) => ratio(r.containmentAt1) },
  { header: 'containment@3', cell: (r) => ratio(r.containmentAt3) },
  { header: 'passage recall@5', cell: (r) => ratio(r.recallAt5) },
  { header: 'MRR@10', cell: (r) => ratio(r.mrrAt10) },
  { header: 'p50 ms', cell: (r) => ms(r.p50Ms) },
  { header: 'p99 ms', cell: (r) => ms(r.p99Ms) },
  { header: 'build ms', cell: (r) => ms(r.buildMs) },
  { header: 'index bytes', cell: (r) => bytes(r.indexBytes) },
  { header: 'load ms', cell: (r) => ms(r.loadMs) },
  { header: 'heap MB', cell: (r) => fixed(1)(r.heapMb) },
  { header: 'false abstain', cell: (r) => ratio(r.falseAbstain) },
  { header: 'abstain correct', cell: (r) => ratio(r.abstainCorrect) },
  { header: 'mean quote chars', cell: (r) => fixed(0)(r.meanQuoteChars) },
];

/** A Markdown table (readable in a terminal, pasteable into an issue); the first `leftColumns` align left. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < leftColumns ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

export function resultsTable(results: readonly RowResult[]): string {
  return markdownTable(
    COLUMNS.map((c) => c.header),
    results.map((r) => COLUMNS.map((c) => c.cell(r))),
  );
}

const round = (value: number, digits: number): number | null => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);

/** A row with the eval command's snake_case keys (quality.md) plus the bench's own. */
export function rowJson(r: RowResult): Record<string, string | number | null> {
  return {
    engine: r.engine,
    questions: r.questions,
    answerable: r.answerable,
    containment_at_1: round(r.containmentAt1, 4),
    containment_at_3: round(r.containmentAt3, 4),
    recall_at_5: round(r.recallAt5, 4),
    mrr_at_10: round(r.mrrAt10, 4),
    false_abstain: round(r.falseAbstain, 4),
    abstain_correct: round(r.abstainCorrect, 4),
    abstain_total: r.unanswerable,
    mean_quote_chars: round(r.meanQuoteChars, 1),
    p50_ms: round(r.p50Ms, 3),
    p99_ms: round(r.p99Ms, 3),
    build_ms: round(r.buildMs, 1),
    index_bytes: r.indexBytes,
    load_ms: round(r.loadMs, 1),
    heap_mb: round(r.heapMb, 1),
  };
}
