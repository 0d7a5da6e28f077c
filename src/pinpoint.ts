import path from 'node:path';
import { answerQuestion } from './answer/answer.js';
import { citationOf } from './answer/citation.js';
import { buildCorpus, type Corpus } from './corpus.js';
import { loadKnowledge } from './knowledge/load.js';
import { watchFolder } from './watch-folder.js';
import { loadEnglishWords } from './search/english-words.js';
import { silentLogger, type Logger } from './logger.js';
import type { AskOptions, PassageView, Pinpoint, ReloadResult } from './services.js';
import { createState, IN_MEMORY, type Rates } from './state/index.js';
import type { Answer, DocumentSummary } from './types.js';

export interface PinpointOptions {
  knowledgeDir: string;
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
  rates?: Rates;
}

/** How long unanswered questions wait to be written together. */
const UNANSWERED_WRITE_DELAY_MS = 1000;
/** Waits this long after the last file event before reloading: editors write files in bursts. */
const RELOAD_DEBOUNCE_MS = 300;

/** Completions `suggest` offers unless asked for fewer: as many as an autocomplete list shows. */
const DEFAULT_SUGGESTIONS = 25;

/** Builds the core: loads and indexes the knowledge, opens the state, and answers. */
export async function createPinpoint(options: PinpointOptions): Promise<Pinpoint> {
  const logger = (options.logger ?? silentLogger).child({ component: 'core' });
  const cacheDir = options.dataDir ? path.join(options.dataDir, 'index-cache') : undefined;
  const load = async (): Promise<Corpus> => {
    const started = performance.now();
    const pack = await loadKnowledge(options.knowledgeDir);
    for (const warning of pack.warnings) logger.warn({ warning }, 'knowledge warning');
    const built = await buildCorpus(pack, { ...(cacheDir ? { cacheDir } : {}), logger });
    logger.info(
      { documents: built.documents.size, passages: built.passages.length, index: built.source, ms: Math.round(performance.now() - started) },
      'knowledge indexed',
    );
    return built;
  };

  let corpus = await load();
  // Read now, not on the first "who" question or misspelling: that user would wait 50 ms for it.
  loadEnglishWords();
  const state = createState({
    dataDir: options.dataDir ?? IN_MEMORY,
    analyze: (text) => corpus.analyzer.terms(text),
    logger,
    ...(options.rates ? { rates: options.rates } : {}),
  });
  const judgePins = options.judgePins !== false;
  try {
    if (judgePins) state.pins.refreshStale(corpus.documents);
  } catch (error) {
    // Start-up fails (a full disk refuses the stale flags): the database is not left open behind it.
    state.close();
    throw error;
  }

  let reloading: Promise<ReloadResult> | undefined;
  let closed = false;
  const reload = async (): Promise<ReloadResult> => {
    try {
      const next = await load();
      // Pins are checked against the new documents before they serve: when that cannot be written down
      // (a full DATA_DIR), the previous index keeps serving rather than a pin marked current next to
      // documents that no longer hold its quote.
      const stale = judgePins ? state.pins.refreshStale(next.documents) : undefined;
      const changed = next.hash !== corpus.hash;
      corpus = next;
      logger.info({ changed, stale }, 'knowledge reloaded');
      return { ok: true, documents: next.documents.size, passages: next.passages.length, changed };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: error }, 'knowledge reload failed; the previous index keeps serving');
      return { ok: false, error: message };
    }
  };
  const start = (): Promise<ReloadResult> => {
    // The state is closed: a change noticed during shutdown is not loaded, nor written to DATA_DIR.
    if (closed) return Promise.resolve({ ok: false, error: 'pinpoint: the core is closed; nothing was reloaded' });
    reloading = reload().finally(() => (reloading = undefined));
    return reloading;
  };
  // One reload at a time. Calls made while one runs share a single reload after it, which reads every
  // change made in the meantime.
  let queued: Promise<ReloadResult> | undefined;
  const serialReload = (): Promise<ReloadResult> => {
    // Checked first: between the running reload's end and the queued one's start, neither is set in `reloading`.
    if (queued) return queued;
    if (!reloading) return start();
    queued = reloading.then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };

  let reloadTimer: NodeJS.Timeout | undefined;
  const reloadSoon = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void serialReload(), RELOAD_DEBOUNCE_MS);
  };
  const watcher = options.watch ? watchFolder(options.knowledgeDir, reloadSoon, logger) : undefined;

  const view = (passageId: string): PassageView | undefined => {
    const passage = corpus.passageById.get(passageId);
    const document = passage && corpus.documents.get(passage.docId);
    return passage && document ? { passage, document, citation: citationOf(document, passage) } : undefined;
  };

  // Unanswered questions are written a moment later, together: the answer need not wait for a disk
  // sync, and a report (or close) writes whatever is still waiting first.
  const unanswered: { question: string; scope: AskOptions['scope'] }[] = [];
  let unansweredTimer: NodeJS.Timeout | undefined;
  const writeUnanswered = () => {
    clearTimeout(unansweredTimer);
    unansweredTimer = undefined;
    const waiting = unanswered.splice(0);
    let written = 0;
    try {
      for (const { question, scope } of waiting) {
        state.answers.recordNoMatch(question, scope);
        written += 1;
      }
    } catch (error) {
      // This runs from a timer: a full or read-only DATA_DIR costs the report these questions, not the bot its process.
      logger.warn({ err: error, dropped: waiting.length - written }, 'could not write down unanswered questions; the no-match report will miss them');
    }
  };

  const ask = (question: string, askOptions: AskOptions = {}): Answer => {
    const answer = answerQuestion(corpus, question, askOptions);
    const first = (askOptions.offset ?? 0) === 0;
    if (answer.kind === 'no-match' && first) {
      unanswered.push({ question: answer.question, scope: askOptions.scope });
      unansweredTimer ??= setTimeout(writeUnanswered, UNANSWERED_WRITE_DELAY_MS).unref();
    }
    const pinned = askOptions.scope && first ? state.pins.match(askOptions.scope, answer.question) : undefined;
    return pinned ? { ...answer, pinned } : answer;
  };

  return {
    ask,
    findSources: (message, askOptions = {}) => answerQuestion(corpus, message, askOptions),
    documents: (): DocumentSummary[] =>
      [...corpus.documents.values()].map((document) => {
        const passages = corpus.passagesByDoc.get(document.id)?.length ?? 0;
        const headings = corpus.headingsByDoc.get(document.id) ?? [];
        const summary: DocumentSummary = { id: document.id, title: document.meta.title, passages, headings };
        if (document.meta.kind) summary.kind = document.meta.kind;
        if (document.meta.date) summary.date = document.meta.date;
        if (document.meta.url) summary.url = document.meta.url;
        return summary;
      }),
    passage: view,
    context(passageId, radius = 1) {
      const passage = corpus.passageById.get(passageId);
      if (!passage) return [];
      const siblings = corpus.passagesByDoc.get(passage.docId) ?? [];
      const at = siblings.indexOf(passage);
      return siblings.slice(Math.max(0, at - radius), at + radius + 1).flatMap((sibling) => view(sibling.id) ?? []);
    },
    resolveSource(ref) {
      const direct = view(ref.trim());
      if (direct) return direct;
      const wanted = normalizeRef(ref);
      if (wanted === '') return undefined;
      // Only the documents the reference names (or the one document there is) are searched for the label.
      const named = [...corpus.documents.values()].filter(
        (document) => corpus.documents.size === 1 || wanted.includes(normalizeRef(document.meta.title)) || wanted.includes(document.id),
      );
      for (const document of named) {
        for (const passage of corpus.passagesByDoc.get(document.id) ?? []) {
          const found = view(passage.id)!;
          const label = normalizeRef(found.citation.label);
          if (label !== '' && (wanted === label || wanted.endsWith(` ${label}`))) return found;
        }
      }
      return undefined;
    },
    suggest(prefix, suggestOptions = {}) {
      const limit = suggestOptions.limit ?? DEFAULT_SUGGESTIONS;
      const wanted = prefix.trim().toLowerCase();
      const scope = suggestOptions.scope;
      const pinned = scope ? state.pins.list({ platform: scope.platform, server: scope.server }).map((pin) => pin.question) : [];
      const headings = [...corpus.documents.values()].flatMap((document) => [document.meta.title, ...(corpus.headingsByDoc.get(document.id) ?? [])]);
      return [...new Set([...pinned, ...headings])].filter((option) => option.toLowerCase().includes(wanted)).slice(0, limit);
    },
    stats: () => ({
      documents: corpus.documents.size,
      passages: corpus.passages.length,
      indexedAt: corpus.builtAt.toISOString(),
      knowledgeHash: corpus.hash,
    }),
    pins: state.pins,
    limits: state.limits,
    answers: {
      ...state.answers,
      noMatchReport: (limit, scope) => {
        writeUnanswered();
        return state.answers.noMatchReport(limit, scope);
      },
    },
    reload: serialReload,
    async close() {
      closed = true;
      watcher?.close();
      clearTimeout(reloadTimer);
      await reloading;
      await queued;
      writeUnanswered();
      state.close();
    },
  };
}

function normalizeRef(text: string): string {
  return text.toLowerCase().replace(/[“”"'’]/g, '').replace(/\s+/g, ' ').trim();
}
