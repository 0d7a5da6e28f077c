import type { Answer, Citation, Document, DocumentSummary, Passage, Pin, PinScope } from './types.js';

/** What every adapter talks to. Built by `createPinpoint` (src/pinpoint.ts). */
export interface Pinpoint {
  /** Answers a question; `scope` lets a matching pin come first; `offset` skips excerpts (the More button). */
  ask(question: string, options?: AskOptions): Answer;
  /**
   * The same answer as `ask`, for an action on an answer already given (Pin asks again to pin fresh quotes,
   * Share posts it): no reader asked it, so a no-match is not kept for the report and metrics do not count it.
   */
  askAgain(question: string, options?: AskOptions): Answer;
  /** Quotes the passages that bear on a chat message (the Find sources command). */
  findSources(message: string, options?: AskOptions): Answer;
  /** The same answer as `findSources`, for an action on one already given (Share): metrics do not count it. */
  findSourcesAgain(message: string, options?: AskOptions): Answer;
  documents(): DocumentSummary[];
  /** A passage with its document and citation, by passage id. */
  passage(passageId: string): PassageView | undefined;
  /** The passage plus up to `radius` passages on each side in the same document. */
  context(passageId: string, radius?: number): PassageView[];
  /**
   * Resolves what a user typed in /source: a passage id, or a "Title ¶ 3"-style citation; a bare label ("¶ 3")
   * when only one document holds it.
   */
  resolveSource(ref: string): PassageView | undefined;
  /**
   * What /source shows for `ref`, in one pass over the passages: the passage `resolveSource` gives, or, for a bare
   * label several documents hold, a reference to each ("Order ¶ 3") to ask which.
   */
  findSource(ref: string): SourceMatch;
  /** Autocomplete: pinned questions of the scope and document headings matching `prefix`, at most `limit`. */
  suggest(prefix: string, options?: { scope?: PinScope; limit?: number }): string[];
  stats(): IndexStats;
  readonly pins: PinService;
  readonly limits: RateLimiter;
  readonly answers: AnswerLog;
  /** Re-reads the knowledge folder; the old index keeps serving if the new one fails. */
  reload(): Promise<ReloadResult>;
  close(): Promise<void>;
}

export interface AskOptions {
  scope?: PinScope;
  /** Index of the first excerpt to return (More button). Default 0. */
  offset?: number;
  /** How many excerpts at most. Default 3. */
  limit?: number;
}

export interface PassageView {
  passage: Passage;
  document: Document;
  citation: Citation;
}

/** What a /source reference names: its passage, or, for a bare label several documents hold, the references to choose from. */
export interface SourceMatch {
  view?: PassageView;
  /** "Order ¶ 3", "Order on Stay ¶ 3": one per document holding the label, each naming its passage alone. */
  choices: string[];
}

export interface IndexStats {
  documents: number;
  passages: number;
  /** ISO time the current index was built or loaded. */
  indexedAt: string;
  /** Hash of all document texts: changes when the knowledge changes. */
  knowledgeHash: string;
}

export type ReloadResult =
  | { ok: true; documents: number; passages: number; changed: boolean }
  | { ok: false; error: string };

export interface PinInput {
  scope: PinScope;
  question: string;
  /** Must be an `excerpts` answer. */
  answer: Answer;
  pinnedBy: string;
  messageRef?: string;
  /** The remembered answer pinned (AnswerLog): kept while pinned, so the buttons of the pinned message keep working. */
  answerId?: string;
  /** The page of that answer pinned (the offset of its first excerpt), so pressing Pin on it again can tell. */
  answerOffset?: number;
}

export interface PinResult {
  pin: Pin;
  /**
   * The pins this one replaced (the same question in the same channel, and the channel's pin `answer` showed). Their records are gone, but
   * their messages are still pinned on the platform: the adapter unpins them.
   */
  replaced: Pin[];
}

export interface PinService {
  pin(input: PinInput): PinResult;
  unpin(scope: Pick<PinScope, 'platform' | 'server'>, pinId: string): boolean;
  /** Pins of a server, or of one channel when `channel` is given; newest first. */
  list(scope: Pick<PinScope, 'platform' | 'server'> & { channel?: string }): Pin[];
  listStale(scope: Pick<PinScope, 'platform' | 'server'>): Pin[];
  /** The pin whose question matches (same normalised form or close by the analyzer), if any. */
  match(scope: PinScope, question: string): Pin | undefined;
  /**
   * The channel's pin made from this page of this answer, unless it is stale: pressing Pin on that page again
   * has nothing to add (a stale one is renewed by pinning again).
   */
  pinOfAnswer(scope: PinScope, answerId: string, answerOffset: number): Pin | undefined;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Takes one token from the user's and the channel's buckets. */
  take(key: { platform: string; user: string; channel: string }): RateDecision;
}

export interface RememberedAnswer {
  id: string;
  question: string;
  scope?: PinScope;
  createdAt: string;
  /** The passages its first page quoted: Pin checks the documents still give that answer before pinning it. */
  passageIds: string[];
}

/** Short ids for answers so buttons (custom_id ≤ 100 chars) keep working after a restart. */
export interface AnswerLog {
  /** Never fails for the database (a full disk): the answer is still sent, and its buttons then say it expired. */
  remember(question: string, answer: Answer, scope?: PinScope): RememberedAnswer;
  get(id: string): RememberedAnswer | undefined;
  /**
   * Keeps the passages a later page of the answer (More, Share) quotes, the first time that page is shown: Pin on
   * it checks the documents still give them. The first page's are kept by `remember`. A database failure is only
   * logged: the page is shown, and Pin on it goes unchecked.
   */
  rememberPage(answerId: string, offset: number, answer: Answer): void;
  /** The passages the page of the answer at `offset` quoted when first shown; undefined for a page shown before they were kept. */
  pagePassageIds(answerId: string, offset: number): string[] | undefined;
  feedback(answerId: string, user: { platform: string; id: string }, vote: 'up' | 'down'): void;
  /** Votes recorded for one answer (one per user; a later vote replaces the earlier one). */
  feedbackCounts(answerId: string): { up: number; down: number };
  /**
   * The questions that got no-match most often in one server (or, without a scope, everywhere; with `channels`, only
   * what was asked in those), most frequent first; through the core, each with the words of it the documents never use
   * (`missingWords`). `offset` skips that many of the list (a next page).
   */
  noMatchReport(
    limit?: number,
    scope?: Pick<PinScope, 'platform' | 'server'> & { channels?: readonly string[] },
    offset?: number,
  ): { question: string; count: number; lastAsked: string; missingWords?: string[] }[];
  /** The channels a server's unanswered questions were asked in ("" for those kept before channels were). */
  noMatchChannels(scope: Pick<PinScope, 'platform' | 'server'>): string[];
  /** How many of a server's unanswered questions were never asked in any of `channels`: a report of those leaves them out. */
  noMatchLeftOut(scope: Pick<PinScope, 'platform' | 'server'>, channels: readonly string[]): number;
  /**
   * True the first time a chat message (its platform's key for it) is offered for an answer, false for a repeat
   * within days: a platform's retry or an edit of the message, after a restart too.
   */
  firstDelivery(key: string): boolean;
}
