/** The rows of the scale table, each measured in its own process (`--scale-row`). */
export const SCALE_ROWS = ['pinpoint', 'minisearch'] as const;
export type ScaleRowName = (typeof SCALE_ROWS)[number];
