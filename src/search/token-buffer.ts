import type { TokenList } from './analyzer.js';

/** Past this many tokens a buffer is let go after use, so one huge text does not stay in memory. */
const KEEP_TOKENS = 1 << 16;

/**
 * Tokens as they are found, in arrays reused from one text to the next and copied out at their exact
 * size: the analyzer reads the passages of every answer, and growing fresh arrays for each was much of
 * what an answer allocated. Holds one text at a time; read it before the next `reset`.
 */
export class TokenBuffer {
  length = 0;
  terms: string[] = [];
  starts: Int32Array = new Int32Array(256);
  ends: Int32Array = new Int32Array(256);

  reset(): this {
    if (this.starts.length > KEEP_TOKENS) {
      this.terms = [];
      this.starts = new Int32Array(256);
      this.ends = new Int32Array(256);
    }
    this.length = 0;
    return this;
  }

  push(term: string, start: number, end: number): void {
    if (this.length === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    this.terms[this.length] = term;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /** The first `count` tokens of `other`. */
  copyFrom(other: TokenBuffer, count: number): void {
    this.reset();
    for (let i = 0; i < count; i++) this.push(other.terms[i]!, other.starts[i]!, other.ends[i]!);
  }

  termsCopy(): string[] {
    return this.terms.slice(0, this.length);
  }

  toList(): TokenList {
    return { length: this.length, terms: this.termsCopy(), starts: this.starts.slice(0, this.length), ends: this.ends.slice(0, this.length) };
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
