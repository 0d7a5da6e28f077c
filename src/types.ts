/** A page of a document: the half-open character range [start, end) of `Document.text`. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** Metadata a document may carry (front matter or a pack manifest). Unknown kinds are not guessed. */
export interface DocumentMeta {
  title: string;
  kind?: string;
  date?: string;
  url?: string;
  court?: string;
  docket?: string;
  ecf?: number;
}

/** One case document as the bot shows it: `text` is what quotes are exact substrings of. */
export interface Document {
  id: string;
  /** Path relative to the knowledge folder, with forward slashes. */
  path: string;
  meta: DocumentMeta;
  text: string;
  /** Present when the source marks pages (form feeds, page markers, PDF pages). */
  pages?: PageSpan[];
  /** Byte-level hash of `text`, used for stale-pin detection and index caching. */
  hash: string;
}

export interface Locator {
  page?: number;
  paragraph?: number;
  /** True when `paragraph` is the filing's own number (¶ 42), false when it is an ordinal. */
  numbered?: boolean;
  section?: string;
}

export interface Passage {
  id: string;
  docId: string;
  /** Exactly `document.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  locator: Locator;
  /** A long paragraph was cut into passages mid-sentence: this one starts or ends inside a sentence. */
  cutBefore?: boolean;
  cutAfter?: boolean;
}

export interface Citation {
  docId: string;
  title: string;
  /** Pinpoint label in legal style, e.g. "¶ 42, p. 12" or "ECF No. 396 at 4" or "para. 3". */
  label: string;
  url?: string;
  date?: string;
  kind?: string;
}

export interface Excerpt {
  quote: string;
  passageId: string;
  citation: Citation;
  score: number;
  /** Offset of `quote` in the source document's text. */
  start: number;
  elidedStart: boolean;
  elidedEnd: boolean;
  /** [start, end) character ranges inside `quote` of the matched words. */
  highlights: [number, number][];
}

export interface PinScope {
  platform: string;
  server: string;
  channel: string;
  /** Asked in a thread: the channel it belongs to, whose pins answer there too (after the thread's own). */
  parentChannel?: string;
}

export interface PinnedExcerpt {
  passageId: string;
  docId: string;
  quote: string;
  /** Hash of the source document text the quote came from. */
  sourceHash: string;
  /**
   * Hash of the text of the passage quoted (pins made before it was kept lack it until re-checked): a quote
   * follows its document to a new id only into a passage with this text.
   */
  passageHash?: string;
  citation: Citation;
}

export interface Pin {
  id: string;
  scope: PinScope;
  question: string;
  normalizedQuestion: string;
  excerpts: PinnedExcerpt[];
  pinnedBy: string;
  pinnedAt: string;
  messageRef?: string;
  /** The remembered answer it was pinned from: its question outlives the expiry while pinned. */
  answerId?: string;
  /** Which page of that answer: the index of its first excerpt (0, or where More started). */
  answerOffset?: number;
  /** True when a quote is no longer an exact substring of its source document, or no longer where its citation points. */
  stale: boolean;
}

export type Answer =
  | { kind: 'excerpts'; question: string; excerpts: Excerpt[]; pinned?: Pin; candidates?: RankedPassage[] }
  | {
      kind: 'no-match';
      question: string;
      suggestions: string[];
      /** Words of the question the documents never use ("nickname"): what to say otherwise. */
      missingWords?: string[];
      pinned?: Pin;
      candidates?: RankedPassage[];
    };

/** A passage as the answer step ranked it (exposed for evaluation: recall@5, MRR@10). */
export interface RankedPassage {
  passageId: string;
  score: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  kind?: string;
  date?: string;
  url?: string;
  passages: number;
  headings: string[];
}
