import type { NoMatchEntry } from './answers.js';

/** How many missing words the report's summary lists. */
const MAX_SUMMARY_WORDS = 10;

/**
 * The `npm run report` text: questions nobody could answer, most asked first, to show what documents to
 * add, each with the words of it the documents never use; the words asked most are listed at the end,
 * for an alias group in `pack.yaml` when the documents say the same thing in other words.
 */
export function formatNoMatchReport(entries: readonly NoMatchEntry[]): string {
  if (entries.length === 0) return 'No questions went unanswered yet.\n';
  const width = String(Math.max(...entries.map((entry) => entry.count))).length;
  const asked = new Map<string, { word: string; count: number }>();
  const lines = entries.map((entry) => {
    const missing = entry.missingWords ?? [];
    for (const word of missing) {
      const tally = asked.get(word.toLowerCase()) ?? { word, count: 0 };
      tally.count += entry.count;
      asked.set(word.toLowerCase(), tally);
    }
    const never = missing.length > 0 ? `; never uses ${missing.map((word) => `“${oneLine(word)}”`).join(', ')}` : '';
    return `${String(entry.count).padStart(width)}×  ${oneLine(entry.question)}  (last asked ${entry.lastAsked.slice(0, 10)}${never})`;
  });
  const report = [`Questions that got no match (${entries.length}, most asked first):`, ...lines];
  if (asked.size > 0) {
    const top = [...asked.values()].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, MAX_SUMMARY_WORDS);
    report.push(
      '',
      `Words the documents never use, most asked first: ${top.map(({ word, count }) => `${oneLine(word)} (${count}×)`).join(', ')}.`,
      'Where the documents say the same in other words, an alias group in pack.yaml joins them.',
    );
  }
  return [...report, ''].join('\n');
}

// A question with a newline would break the one-question-per-line layout.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
