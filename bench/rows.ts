/** What the bench sees of one answer: quotes as shown, ranked passage ids best first. */
export interface RowAnswer {
  quotes: string[];
  rankedIds: string[];
}

/** A built, queryable row. `answer` is synchronous so per-question timing measures only the answer. */
export interface ReadyRow {
  answer(question: string): RowAnswer;
  /** A passage's text by id, looked up after the timed answer (for recall and MRR). */
  passageText(passageId: string): string | undefined;
  /** Writes the serialized index (what a restart reads) and returns its size in bytes. */
  persist(): Promise<number>;
  close(): Promise<void>;
}

/** One row of the table: builds itself from the knowledge folder, or restarts from what it persisted. */
export interface BenchRow {
  name: string;
  build(knowledgeDir: string): Promise<ReadyRow>;
  /** A fresh start from the persisted index (the built instance is closed and dropped before). */
  restart(knowledgeDir: string): Promise<ReadyRow>;
}
