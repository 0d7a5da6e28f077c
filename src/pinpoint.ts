import path from 'node:path';
import { answerQuestion } from './answer/answer.js';
import { buildCorpus, type Corpus } from './corpus.js';
import { createCorpusViews } from './corpus-views.js';
import { unmatchableAliasWarnings } from './knowledge/alias-warnings.js';
import { loadKnowledge, type KnowledgeOrigin } from './knowledge/load.js';
import { createNewWarnings } from './knowledge/new-warnings.js';
import { type FolderWatch, watchFolder } from './watch-folder.js';
import { loadEnglishWords } from './search/english-words.js';
import { silentLogger, type Logger } from './logger.js';
import { createReloadQueue } from './reload-queue.js';
import type { AskOptions, Pinpoint, ReloadResult } from './services.js';
import { createState, IN_MEMORY, type Rates } from './state/index.js';
import { createUnansweredBuffer } from './unanswered-buffer.js';
import { placesIn } from './pins/places.js';
import type { Answer } from './types.js';

export interface PinpointOptions {
  knowledgeDir: string;
  /** What named knowledgeDir, for the fix when it is missing (default KNOWLEDGE_DIR); the CLI passes its --knowledge. */
  knowledgeOrigin?: KnowledgeOrigin;
  /** DATA_DIR: pins, feedback and the index cache. Omit to keep state in memory and skip the cache. */
  dataDir?: string;
  logger?: Logger;
  /** Watch the knowledge folder and reload on change (the long-running bot does; the CLI does not). */
  watch?: boolean;
  /**
   * Mark the pins in DATA_DIR stale against this process's documents (default true). The CLI says no: it
   * may read another folder than the bot sharing its DATA_DIR, and would mark all the bot's pins stale.
   */
  judgePins?: boolean;
  /**
   * Keep questions that got no match for `npm run report` (default true). The one-shot `npm run ask` says no:
   * its questions are an operator's tests, often of another folder, not gaps readers ran into.
   */
  recordUnanswered?: boolean;
  rates?: Rates;
  /** ANSWER_RETENTION_DAYS: days an unpinned answer (its id for buttons, its votes) is kept. */
  answerRetentionDays?: number;
}

/** Builds the core: loads and indexes the knowledge, opens the state, and answers. */
export async function createPinpoint(options: PinpointOptions): Promise<Pinpoint> {
  const logger = (options.logger ?? silentLogger).child({ component: 'core' });
  const cacheDir = options.dataDir ? path.join(options.dataDir, 'index-cache') : undefined;
  // Each warning is logged once while it stands, not again on every reload.
  const newWarnings = createNewWarnings();
  const load = (inUse?: string): Promise<Corpus> => loadCorpus(options.knowledgeDir, options.knowledgeOrigin, cacheDir, inUse, logger, newWarnings);

  let corpus = await load();
  // Read now, not on the first "who" question or misspelling: that user would wait 50 ms for it.
  loadEnglishWords();
  const state = createState({
    dataDir: options.dataDir ?? IN_MEMORY,
    analyze: (text) => corpus.analyzer.terms(text),
    logger,
    ...(options.rates ? { rates: options.rates } : {}),
    ...(options.answerRetentionDays === undefined ? {} : { answerRetentionDays: options.answerRetentionDays }),
  });
  const judgePins = options.judgePins !== false;
  try {
    if (judgePins) state.pins.refreshStale(corpus.documents, placesIn(corpus));
  } catch (error) {
    // Start-up fails (a full disk refuses the stale flags): the database is not left open behind it.
    state.close();
    throw error;
  }

  const reload = async (): Promise<ReloadResult> => {
    try {
      // The index serving now keeps its cache file: a reload that fails after writing the next one leaves it serving.
      const next = await load(corpus.hash);
      // Pins are checked against the new documents before they serve: when that cannot be written down
      // (a full DATA_DIR), the previous index keeps serving rather than a pin marked current next to
      // documents that no longer hold its quote.
      const stale = judgePins ? state.pins.refreshStale(next.documents, placesIn(next)) : undefined;
      const changed = next.hash !== corpus.hash;
      corpus = next;
      folderWatch?.follow(next.pack.linkedFolders ?? []);
      logger.info({ changed, stale }, 'knowledge reloaded');
      return { ok: true, documents: next.documents.size, passages: next.passages.length, changed };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: error }, 'knowledge reload failed; the previous index keeps serving');
      return { ok: false, error: message };
    }
  };
  // The watch also follows the folders links lead into, as each load finds them.
  let folderWatch: FolderWatch | undefined;
  const watch = (onChange: () => void): FolderWatch => {
    folderWatch = watchFolder(options.knowledgeDir, onChange, logger);
    folderWatch.follow(corpus.pack.linkedFolders ?? []);
    return folderWatch;
  };
  const reloads = createReloadQueue(reload, options.watch ? watch : undefined);
  const unanswered = createUnansweredBuffer(state.answers, logger);
  const recordUnanswered = options.recordUnanswered !== false;

  const answerWithPin = (question: string, askOptions: AskOptions, keepUnanswered: boolean): Answer => {
    const answer = answerQuestion(corpus, question, askOptions);
    const first = (askOptions.offset ?? 0) === 0;
    if (answer.kind === 'no-match' && first && keepUnanswered) unanswered.add(answer.question, askOptions.scope);
    const pinned = askOptions.scope && first ? state.pins.match(askOptions.scope, answer.question) : undefined;
    return pinned ? { ...answer, pinned } : answer;
  };

  return {
    ask: (question, askOptions = {}) => answerWithPin(question, askOptions, recordUnanswered),
    askAgain: (question, askOptions = {}) => answerWithPin(question, askOptions, false),
    findSources: (message, askOptions = {}) => answerQuestion(corpus, message, askOptions),
    findSourcesAgain: (message, askOptions = {}) => answerQuestion(corpus, message, askOptions),
    ...createCorpusViews(() => corpus, state.pins),
    pins: state.pins,
    limits: state.limits,
    answers: {
      ...state.answers,
      noMatchReport: (limit, scope, offset) => {
        unanswered.flush();
        // Asked again of the documents as they are now: a question they answer since is no gap of words.
        return state.answers.noMatchReport(limit, scope, offset).map((entry) => {
          const answer = answerQuestion(corpus, entry.question);
          return { ...entry, missingWords: answer.kind === 'no-match' ? (answer.missingWords ?? []) : [] };
        });
      },
      noMatchChannels: (scope) => {
        unanswered.flush();
        return state.answers.noMatchChannels(scope);
      },
      noMatchLeftOut: (scope, channels) => {
        unanswered.flush();
        return state.answers.noMatchLeftOut(scope, channels);
      },
    },
    reload: reloads.reload,
    async close() {
      // No reload may start or still run when the state closes; the questions waiting are written before it does.
      await reloads.close();
      unanswered.flush();
      state.close();
    },
  };
}

/**
 * Loads and indexes the knowledge folder, logging the warnings `newWarnings` lets through and the time it took;
 * `cacheDir` keeps serialized indexes, never pruning the one `inUse` names.
 */
async function loadCorpus(
  knowledgeDir: string,
  origin: KnowledgeOrigin | undefined,
  cacheDir: string | undefined,
  inUse: string | undefined,
  logger: Logger,
  newWarnings: (warnings: readonly string[]) => string[],
): Promise<Corpus> {
  const started = performance.now();
  const pack = await loadKnowledge(knowledgeDir, { origin });
  const built = await buildCorpus(pack, { ...(cacheDir ? { cacheDir } : {}), ...(inUse ? { inUse } : {}), logger });
  const warnings = [...pack.warnings, ...unmatchableAliasWarnings(pack, (text) => built.analyzer.terms(text))];
  for (const warning of newWarnings(warnings)) logger.warn({ warning }, 'knowledge warning');
  logger.info(
    { documents: built.documents.size, passages: built.passages.length, warnings: warnings.length, index: built.source, ms: Math.round(performance.now() - started) },
    'knowledge indexed',
  );
  return built;
}
