import type { SentenceSpan } from './sentences.js';

/**
 * "This short provision states that:" and "This license applies to the code from the … repository:"
 * introduce what follows them, on the next line or after a blank one: alone they repeat the question
 * and leave out the answer. A label ("Notes:", "Held:") introduces nothing a sentence says.
 */
export function introducesWhatFollows(sentence: string): boolean {
  return sentence.endsWith(':') && sentence.split(/\s+/, 5).length === 5;
}

/** Joins each introducing sentence to the sentence after it while the two fit in `maxChars`, so the pair reads as the one sentence it is. */
export function withIntroductionsJoined(text: string, spans: readonly SentenceSpan[], maxChars: number): SentenceSpan[] {
  const joined: SentenceSpan[] = [];
  for (const span of spans) {
    const previous = joined.at(-1);
    if (previous && span.end - previous.start <= maxChars && introducesWhatFollows(text.slice(previous.start, previous.end))) {
      joined[joined.length - 1] = { start: previous.start, end: span.end };
    } else joined.push(span);
  }
  return joined;
}
