/** Whether `text` holds no half of a surrogate pair (`String.prototype.isWellFormed`, which the ES2022 typings lack). */
export function isWellFormed(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}
