import type { NoMatchEntry } from './answers.js';

/** The `npm run report` text: questions nobody could answer, most asked first, to show what documents to add. */
export function formatNoMatchReport(entries: readonly NoMatchEntry[]): string {
  if (entries.length === 0) return 'No questions went unanswered yet.\n';
  const width = String(Math.max(...entries.map((entry) => entry.count))).length;
  const lines = entries.map(
    (entry) =>
      `${String(entry.count).padStart(width)}×  ${oneLine(entry.question)}  (last asked ${entry.lastAsked.slice(0, 10)})`,
  );
  return [`Questions that got no match (${entries.length}, most asked first):`, ...lines, ''].join('\n');
}

// A question with a newline would break the one-question-per-line layout.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
