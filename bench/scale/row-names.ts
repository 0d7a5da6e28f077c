import type { RowResult } from '../evaluate.js';

/** The rows of the scale table, each measured in its own process (`--scale-row`). */
export const SCALE_ROWS = ['pinpoint', 'minisearch'] as const;
export type ScaleRowName = (typeof SCALE_ROWS)[number];

/** One scale row's result, with the passages it indexed: the core's splitter merges or cuts a few generated paragraphs. */
export interface ScaleRowResult extends RowResult {
  passages: number;
  /** Of `heapMb`, Pinpoint's English word list, read once per process before the measured build (0 for MiniSearch). */
  wordListMb: number;
  /**
   * Of `buildMs` and `loadMs`, the milliseconds reading that list took: `createPinpoint` reads it at every start
   * of a process, but this process read it before the measured build and restart (0 for MiniSearch).
   */
  wordListMs: number;
}
