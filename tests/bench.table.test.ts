import { describe, expect, it } from 'vitest';
import type { ScaleRowResult } from '../bench/scale/row-names.js';
import { scaleTable } from '../bench/scale/run-scale.js';
import { resultsTable } from '../bench/table.js';

/** A measured row; only `heapMb` matters here. */
function row(engine: string, heapMb: number): ScaleRowResult {
  return {
    engine,
    questions: 2,
    answerable: 2,
    containmentAt1: 1,
    containmentAt3: 1,
    recallAt5: 1,
    mrrAt10: 1,
    falseAbstain: 0,
    unanswerable: 0,
    abstainCorrect: Number.NaN,
    meanQuoteChars: 120,
    p50Ms: 1,
    p99Ms: 2,
    buildMs: 30,
    indexBytes: 2048,
    loadMs: 3,
    heapMb,
    warmup: 0,
    passages: 300,
    wordListMb: 0,
    wordListMs: 0,
  };
}

/** The cells of a Markdown table's row under `header`. */
function column(table: string, header: string): string[] {
  const [head = '', , ...rows] = table.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
  const at = head.indexOf(header);
  return rows.map((cells) => cells[at] ?? '');
}

describe('bench tables', () => {
  // The heap is a difference of two measurements: a collection between them can make it a few KB below zero.
  it('print a heap that rounds to zero as 0.0, not -0.0, and a real shrink with its sign', () => {
    expect(column(resultsTable([row('Pinpoint', -0.01), row('MiniSearch', -0.3)]), 'heap MB')).toEqual(['0.0', '-0.3']);
    const scale = scaleTable([{ size: 300, passages: 300, pinpoint: row('Pinpoint', -0.04), miniSearch: row('MiniSearch', 2), heapRatio: -0.002 }]);
    expect(column(scale, 'heap MB')).toEqual(['0.0', '2.0']);
    expect(column(scale, 'heap vs MiniSearch')).toEqual(['0.00×', '']);
  });
});
