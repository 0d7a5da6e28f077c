/** Turns a question into the analyzer's terms (stemmed, stop words removed); injected by the core. */
export type Analyze = (text: string) => string[];

/**
 * Jaccard overlap of the two term sets at or above which a new question reuses a pin.
 * 0.75 accepts the same terms in any order or inflection, and one extra term once three are shared
 * ("how did the court rule on the motion to dismiss" ~ "court ruling on motion to dismiss") but
 * rejects a question that adds a term to a two-term one ("when was the amended complaint filed" is
 * not "when was the complaint filed", 2/3 ≈ 0.67) or swaps one (2/4 = 0.5). A wrong pin shown first is
 * worse than a missed one: fresh excerpts still follow.
 */
export const PIN_MATCH_THRESHOLD = 0.75;

export function termSimilarity(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const term of left) if (right.has(term)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/**
 * Words the analyzer drops as stop words (or that weigh one term among many) yet change what a question asks:
 * "who filed the complaint" and "when was the complaint filed" share every term, as do "did the court grant"
 * and "didn't the court grant". Spellings that ask the same map to one word ("which" is "what").
 * Keys are words of `normalizeQuestion`'s output, whose apostrophes are dropped ("didn't" → "didnt").
 */
const ASKS: ReadonlyMap<string, string> = new Map([
  ...['who', 'whom', 'whose', 'whos'].map((word) => [word, 'who'] as const),
  ...['what', 'which', 'whats'].map((word) => [word, 'what'] as const),
  ...['when', 'whens'].map((word) => [word, 'when'] as const),
  ...['where', 'wheres'].map((word) => [word, 'where'] as const),
  ...['why', 'whys'].map((word) => [word, 'why'] as const),
  ...['how', 'hows'].map((word) => [word, 'how'] as const),
  // "Dismissed without prejudice" is not "dismissed with prejudice", nor "more liable" "less liable", nor a ruling
  // "against Meta" one "for Meta" (or "in favor of" it), nor "above $5 million" "below", nor "until 2021" "since 2021".
  ...['much', 'many', 'before', 'after', 'without', 'more', 'most', 'less', 'least', 'fewer', 'against', 'above', 'below', 'until'].map(
    (word) => [word, word] as const,
  ),
  ...[
    'not', 'no', 'never', 'nor', 'cannot', 'aint', 'arent', 'cant', 'couldnt', 'didnt', 'doesnt', 'dont', 'hadnt',
    'hasnt', 'havent', 'isnt', 'mustnt', 'shant', 'shouldnt', 'wasnt', 'werent', 'wont', 'wouldnt',
  ].map((word) => [word, 'not'] as const),
]);

/**
 * Modal verbs, by what they ask: "can the plaintiffs amend" asks whether they may, "did the plaintiffs amend" whether
 * they did, and the analyzer drops "can", "could", "should" and "would" as stop words. Spellings that ask alike map to
 * one word; a negated one ("can't") negates too (see ASKS).
 */
const MODALS: ReadonlyMap<string, string> = new Map([
  ...['can', 'could', 'may', 'might', 'cannot', 'cant', 'couldnt'].map((word) => [word, 'can'] as const),
  ...['must', 'should', 'shall', 'ought', 'mustnt', 'shouldnt', 'shant'].map((word) => [word, 'must'] as const),
  ...['will', 'would', 'wont', 'wouldnt'].map((word) => [word, 'will'] as const),
]);

/** Who a modal is put to when it asks the bot, not about the case: "could you say when …", "can I ask who …". */
const ASKED_OF = new Set(['you', 'u', 'ya', 'someone', 'somebody', 'anyone', 'anybody', 'i']);

/**
 * "Do" after "who" puts the subject after it: "who did the plaintiffs sue" asks whom they sued, "who sued the
 * plaintiffs" who sued them, with the same terms. Not a negated one: "who didn't (did not) sign" asks the signer.
 */
const OBJECT_DO = new Set(['do', 'does', 'did']);

/**
 * Roman numerals of two letters or more up to 39 ("ii", "iv", "xii"): how pleadings number counts and claims. A lone
 * "i" is the pronoun as often, and "v" is "versus"; "Count I" still differs from "Count II", which has one.
 */
const ROMAN_NUMERAL = /^(?=[ivx]{2})x{0,3}(ix|iv|v?i{0,3})$/;

/** A word that names a number: one with a digit ("396", "12b"), or a Roman numeral (see ROMAN_NUMERAL). */
function isNumber(word: string): boolean {
  return /\d/.test(word) || ROMAN_NUMERAL.test(word);
}

/**
 * What a normalised question asks beyond its terms (its question words, whom "who" asks for, a modal, a negation,
 * before or after, without, more or less, and the numbers it names), as a key: a pin matched by its terms must ask
 * the same. "No." before a number ("ECF No. 396") negates nothing. A number is one term among many, yet "ECF No. 396"
 * is not "ECF No. 397", nor 2019 2020, nor Count I Count II.
 */
export function questionFrame(normalized: string): string {
  const words = normalized.split(' ');
  const asks = new Set<string>();
  const numbers = new Set<string>();
  words.forEach((word, at) => {
    if (isNumber(word)) numbers.add(word);
    const next = words[at + 1] ?? '';
    const ask = ASKS.get(word);
    if (ask === 'who' && OBJECT_DO.has(next) && ASKS.get(words[at + 2] ?? '') !== 'not') asks.add('whom');
    const modal = MODALS.get(word);
    if (modal !== undefined && !ASKED_OF.has(next)) asks.add(modal);
    if (ask === undefined || (word === 'no' && /^\d/.test(next))) return;
    asks.add(ask);
  });
  return `${[...asks].sort().join(' ')}#${[...numbers].sort().join(' ')}`;
}
