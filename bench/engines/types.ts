import type { Passage } from '../../src/types.js';

/** A built peer index: passage ids best first. */
export interface PeerIndex {
  search(question: string, limit: number): string[];
  /** The index as it would be cached on disk. */
  serialize(): Promise<string>;
}

/** A lexical peer configured as its own docs recommend; it only retrieves, the shared picker quotes. */
export interface PeerEngine {
  name: string;
  build(passages: readonly Passage[]): Promise<PeerIndex>;
  load(serialized: string): Promise<PeerIndex>;
}
