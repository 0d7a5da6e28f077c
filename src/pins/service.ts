import { PinpointError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { PinInput, PinResult, PinService } from '../services.js';
import { shortId } from '../state/ids.js';
import type { Store } from '../state/store.js';
import type { Pin, PinnedExcerpt, PinScope } from '../types.js';
import { questionAsAsked } from './asked.js';
import { type Analyze, PIN_MATCH_THRESHOLD, questionFrame, termSimilarity } from './match.js';
import { normalizeQuestion } from './normalize.js';
import type { PlacesOf } from './places.js';
import { checkExcerpt, type DocumentTexts, excerptsCurrent } from './stale.js';

/** A pin with this channel applies to every channel of its server; a channel's own pin wins over it. */
export const ANY_CHANNEL = '*';

/**
 * The channels whose pins answer a question asked in `scope`, nearest first: its own, the channel a thread
 * belongs to (a thread inherits its channel's reference answers), then the server-wide ones.
 */
export function pinChannelsOf(scope: PinScope): string[] {
  return [scope.channel, ...(scope.parentChannel === undefined ? [] : [scope.parentChannel]), ANY_CHANNEL];
}

export interface StaleRefresh {
  checked: number;
  stale: number;
  /** Ids of the pins whose stale flag flipped (either way). */
  changed: string[];
  /** Ids of the pins whose stored quotes were brought up to date (a citation's title, kind, date or url). */
  updated: string[];
  /** Ids of the pins with a quote that followed its document to a new id (a renamed file). */
  moved: string[];
}

export interface PinStore extends PinService {
  /**
   * Re-checks every pin against the current documents and remembers them for later pins' source hashes.
   * Call it after every (re)load of the knowledge, the first one included; given `placesOf`, it checks the
   * citations too and stores a current quote's citation as the documents give it now.
   */
  refreshStale(documents: DocumentTexts, placesOf?: PlacesOf): StaleRefresh;
}

export interface PinServiceOptions {
  store: Store;
  analyze: Analyze;
  logger: Logger;
  now: () => Date;
}

interface PinRow {
  id: string;
  platform: string;
  server: string;
  channel: string;
  question: string;
  normalized_question: string;
  excerpts: string;
  pinned_by: string;
  pinned_at: string;
  message_ref: string | null;
  stale: number;
  answer_id: string | null;
  answer_offset: number | null;
}

const COLUMNS =
  'id, platform, server, channel, question, normalized_question, excerpts, pinned_by, pinned_at, message_ref, stale, answer_id, answer_offset';
/** The pins of one question in one channel: a re-pin replaces them. */
const SAME_QUESTION = 'platform = ? AND server = ? AND channel = ? AND normalized_question = ?';
/** The pin an answer showed first, when it is one of this channel's. */
const SHOWN_PIN = 'id = ? AND platform = ? AND server = ? AND channel = ?';
// rowid breaks ties between pins made within one millisecond.
const NEWEST_FIRST = 'ORDER BY pinned_at DESC, rowid DESC';

/** A pinned question as matching reads it: without its chat frame, normalised, and what it asks beyond its terms. */
interface ReadQuestion {
  asked: string;
  normalized: string;
  frame: string;
}

/** Bounds the pinned questions kept read: far more than any server pins, and a restart empties it anyway. */
const READ_PINS_LIMIT = 10_000;

function readQuestion(question: string): ReadQuestion {
  const asked = questionAsAsked(question);
  const normalized = normalizeQuestion(asked);
  return { asked, normalized, frame: questionFrame(normalized) };
}

export function createPinService(options: PinServiceOptions): PinStore {
  const { store, analyze, logger, now } = options;
  let documents: DocumentTexts | undefined;
  let placesOf: PlacesOf | undefined;

  const pin = (input: PinInput): PinResult => {
    const scope = checkScope(input.scope);
    const question = input.question.trim();
    if (question === '') {
      throw new PinpointError('INPUT_INVALID', 'pinpoint: cannot pin an empty question; pin an answer to a question');
    }
    const { answer } = input;
    if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) {
      throw new PinpointError(
        'INPUT_INVALID',
        `pinpoint: cannot pin the answer to "${question}": it has no excerpts; pin an answer that quotes the documents`,
      );
    }
    if (input.pinnedBy.trim() === '') {
      throw new PinpointError('INPUT_INVALID', 'pinpoint: a pin needs the id of the moderator who pinned it');
    }
    if (!documents) logger.warn({}, 'pinpoint: pinning before refreshStale(documents); source hashes left empty');
    const excerpts: PinnedExcerpt[] = answer.excerpts.map((excerpt) => {
      const { docId } = excerpt.citation;
      // Kept so the quote can follow its document to a new id (a renamed file) into the same passage text.
      const passageHash = placesOf?.(docId, excerpt.quote).find((place) => place.passageId === excerpt.passageId)?.passageHash;
      return {
        passageId: excerpt.passageId,
        docId,
        quote: excerpt.quote,
        sourceHash: documents?.get(docId)?.hash ?? '',
        ...(passageHash === undefined ? {} : { passageHash }),
        citation: excerpt.citation,
      };
    });
    const pinned: Pin = {
      id: shortId(8),
      scope,
      question,
      // As read, so pinning the question again in other chat words replaces this pin rather than adding a second.
      normalizedQuestion: readQuestion(question).normalized,
      excerpts,
      // Kept as the platform user id, not hashed: a pin is a moderation record and moderators must see who made it.
      pinnedBy: input.pinnedBy,
      pinnedAt: now().toISOString(),
      ...(input.messageRef === undefined ? {} : { messageRef: input.messageRef }),
      ...(input.answerId === undefined ? {} : { answerId: input.answerId }),
      ...(input.answerId === undefined || input.answerOffset === undefined ? {} : { answerOffset: input.answerOffset }),
      stale: documents ? !excerptsCurrent(excerpts, documents, placesOf) : false,
    };
    const sameQuestion = [scope.platform, scope.server, scope.channel, pinned.normalizedQuestion];
    // The pin the answer showed first in this channel is re-pinned too, whatever the wording: that is how a
    // moderator fixes a stale pin ("ask again and pin a fresh answer").
    const shown = [answer.pinned?.id ?? '', scope.platform, scope.server, scope.channel];
    const replaced = store.write(() => {
      // Re-pinning a question in the same channel replaces the old pin: one reference answer per question.
      const old = store.all<PinRow>(`SELECT ${COLUMNS} FROM pins WHERE (${SAME_QUESTION}) OR (${SHOWN_PIN})`, [...sameQuestion, ...shown]);
      store.run(`DELETE FROM pins WHERE (${SAME_QUESTION}) OR (${SHOWN_PIN})`, [...sameQuestion, ...shown]);
      store.run(
        `INSERT INTO pins (${COLUMNS}, stale_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          pinned.id,
          scope.platform,
          scope.server,
          scope.channel,
          pinned.question,
          pinned.normalizedQuestion,
          JSON.stringify(pinned.excerpts),
          pinned.pinnedBy,
          pinned.pinnedAt,
          pinned.messageRef ?? null,
          pinned.stale ? 1 : 0,
          pinned.answerId ?? null,
          pinned.answerOffset ?? null,
          pinned.stale ? pinned.pinnedAt : null,
        ],
      );
      return old.map(toPin);
    });
    logger.info({ pinId: pinned.id, excerpts: excerpts.length, stale: pinned.stale, replaced: replaced.length }, 'pinpoint: pinned');
    return { pin: pinned, replaced };
  };

  const unpin: PinService['unpin'] = (scope, pinId) => {
    const { changes } = store.run('DELETE FROM pins WHERE id = ? AND platform = ? AND server = ?', [
      pinId,
      scope.platform,
      scope.server,
    ]);
    return changes > 0;
  };

  const list: PinService['list'] = (scope) => {
    const rows =
      scope.channel === undefined
        ? store.all<PinRow>(`SELECT ${COLUMNS} FROM pins WHERE platform = ? AND server = ? ${NEWEST_FIRST}`, [
            scope.platform,
            scope.server,
          ])
        : store.all<PinRow>(
            `SELECT ${COLUMNS} FROM pins WHERE platform = ? AND server = ? AND channel = ? ${NEWEST_FIRST}`,
            [scope.platform, scope.server, scope.channel],
          );
    return rows.map(toPin);
  };

  const listStale: PinService['listStale'] = (scope) =>
    store
      .all<PinRow>(`SELECT ${COLUMNS} FROM pins WHERE platform = ? AND server = ? AND stale = 1 ${NEWEST_FIRST}`, [
        scope.platform,
        scope.server,
      ])
      .map(toPin);

  // Every question a scope's pins were made for is read for every question asked there: read each once.
  const readPins = new Map<string, ReadQuestion>();
  const readPin = (question: string): ReadQuestion => {
    let read = readPins.get(question);
    if (!read) {
      read = readQuestion(question);
      if (readPins.size >= READ_PINS_LIMIT) readPins.clear();
      readPins.set(question, read);
    }
    return read;
  };

  const match: PinService['match'] = (scope, question) => {
    const { asked, normalized, frame } = readQuestion(question);
    if (normalized === '') return undefined;
    // Nearest channel first (pinChannelsOf), then newest first: the first pin at the best score wins.
    const channels = pinChannelsOf(scope);
    const candidates = store
      .all<PinRow>(
        `SELECT ${COLUMNS} FROM pins WHERE platform = ? AND server = ? AND channel IN (${channels.map(() => '?').join(', ')})
         ${NEWEST_FIRST}`,
        [scope.platform, scope.server, ...channels],
      )
      .sort((a, b) => channels.indexOf(a.channel) - channels.indexOf(b.channel));
    // Read again, not taken from normalized_question: pins made before questions were read as asked kept their chat frame there.
    const read = candidates.map((row) => ({ row, ...readPin(row.question) }));
    const exact = read.find((pinned) => pinned.normalized === normalized);
    if (exact) return toPin(exact.row);
    const terms = analyze(asked);
    if (terms.length === 0) return undefined;
    // Close terms are not enough: "who filed the complaint" shares every term with "when was the complaint filed".
    let best: { row: PinRow; score: number } | undefined;
    for (const pinned of read) {
      if (pinned.frame !== frame) continue;
      const { row } = pinned;
      const score = termSimilarity(terms, analyze(pinned.asked));
      if (score >= PIN_MATCH_THRESHOLD && (!best || score > best.score)) best = { row, score };
    }
    return best ? toPin(best.row) : undefined;
  };

  const pinOfAnswer: PinService['pinOfAnswer'] = (scope, answerId, answerOffset) => {
    const row = store.get<PinRow>(
      `SELECT ${COLUMNS} FROM pins WHERE platform = ? AND server = ? AND channel = ? AND answer_id = ? AND answer_offset = ? AND stale = 0 ${NEWEST_FIRST}`,
      [scope.platform, scope.server, scope.channel, answerId, answerOffset],
    );
    return row ? toPin(row) : undefined;
  };

  const refreshStale = (current: DocumentTexts, currentPlaces?: PlacesOf): StaleRefresh => {
    const at = now().toISOString();
    const result: StaleRefresh = { checked: 0, stale: 0, changed: [], updated: [], moved: [] };
    store.write(() => {
      const rows = store.all<{ id: string; excerpts: string; stale: number }>('SELECT id, excerpts, stale FROM pins');
      for (const row of rows) {
        result.checked += 1;
        const checked = (JSON.parse(row.excerpts) as PinnedExcerpt[]).map((excerpt) => checkExcerpt(excerpt, current, currentPlaces));
        const stale = !checked.every((excerpt) => excerpt.current);
        if (stale) result.stale += 1;
        if (checked.some((excerpt) => excerpt.moved)) result.moved.push(row.id);
        const excerpts = JSON.stringify(checked.map((excerpt) => excerpt.excerpt));
        if (excerpts !== row.excerpts) {
          result.updated.push(row.id);
          store.run('UPDATE pins SET excerpts = ? WHERE id = ?', [excerpts, row.id]);
        }
        if (stale === (row.stale === 1)) continue;
        result.changed.push(row.id);
        store.run('UPDATE pins SET stale = ?, stale_since = ? WHERE id = ?', [stale ? 1 : 0, stale ? at : null, row.id]);
      }
    });
    // Only once the flags are written: a refresh that failed leaves later pins hashed against the documents still served.
    documents = current;
    placesOf = currentPlaces;
    if (result.changed.length > 0 || result.updated.length > 0) {
      const { checked, stale, changed, updated, moved } = result;
      logger.info(
        { checked, stale, changed: changed.length, updated: updated.length, moved: moved.length },
        'pinpoint: pins re-checked against the documents',
      );
    }
    return result;
  };

  return { pin, unpin, list, listStale, match, pinOfAnswer, refreshStale };
}

function checkScope(scope: PinScope): PinScope {
  for (const key of ['platform', 'server', 'channel'] as const) {
    if (scope[key].trim() === '') {
      throw new PinpointError('INPUT_INVALID', `pinpoint: a pin scope needs a ${key}; got an empty ${key}`);
    }
  }
  return { platform: scope.platform, server: scope.server, channel: scope.channel };
}

function toPin(row: PinRow): Pin {
  return {
    id: row.id,
    scope: { platform: row.platform, server: row.server, channel: row.channel },
    question: row.question,
    normalizedQuestion: row.normalized_question,
    excerpts: JSON.parse(row.excerpts) as PinnedExcerpt[],
    pinnedBy: row.pinned_by,
    pinnedAt: row.pinned_at,
    ...(row.message_ref === null ? {} : { messageRef: row.message_ref }),
    ...(row.answer_id === null ? {} : { answerId: row.answer_id }),
    ...(row.answer_offset === null ? {} : { answerOffset: row.answer_offset }),
    stale: row.stale === 1,
  };
}
