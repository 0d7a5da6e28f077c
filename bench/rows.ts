/** What the bench sees of one answer: quotes as shown, ranked passage texts best first. */
export interface RowAnswer {
  quotes: string[];
  ranked: string[];
}

/** A built, queryable row. `answer` is synchronous so per-question timing measures only the answer. */
export interface ReadyRow {
  answer(question: string): RowAnswer;
  /** Writes the serialized index (what a restart would read) and returns its size in bytes. */
  persist(): Promise<number>;
  /** A restart from what `persist` wrote: resolves when the row is ready to answer again. */
  restart(): Promise<ReadyRow>;
  close(): Promise<void>;
}

/** One row of the table: builds itself from the knowledge folder. */
export interface BenchRow {
  name: string;
  build(knowledgeDir: string): Promise<ReadyRow>;
}
