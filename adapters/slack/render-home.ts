import type { types } from '@slack/bolt';
import { counted, type DocumentSummary, type Pin } from '../../src/index.js';
import { encodeUnpinValue, UNPIN_ACTION_ID } from './actions.js';
import { SLACK_LIMITS } from './limits.js';
import { escapeMrkdwn, link } from './mrkdwn.js';
import { truncate } from '../cut-text.js';
import { Budget, citationText, contextBlock, sectionBlock, type KnownBlock } from './render.js';

/** How many unanswered questions the moderators' report lists. */
export const NO_MATCH_REPORT_SIZE = 10 as const;
/** Documents the pinned answers always leave room for (a longer list gets what room is left, then a count). */
const DOCUMENTS_KEPT = 10 as const;
/** Stale pins listed one by one; the rest are counted. */
const STALE_PINS_SHOWN = 10 as const;
/** Pins of channels that are not public listed one by one; the rest are counted. */
const NOT_PUBLIC_PINS_SHOWN = 10 as const;

const UNPIN_LABEL = 'Unpin';
export const NO_MATCH_HEADER = '❓ Questions without an answer';
export const STALE_HEADER = '⚠️ Stale pins';
const NO_MATCH_EMPTY_TEXT = 'No question has gone unanswered yet.';
const NO_MATCH_PUBLIC_EMPTY_TEXT = 'No question asked in a public channel has gone unanswered yet.';
const STALE_EMPTY_TEXT = 'No stale pins: every pinned quote still matches its source.';
export const STALE_WARNING_TEXT =
  'The source document changed since these answers were pinned: their quotes may no longer match. Ask the question again and pin a fresh answer.';
const SOURCE_CHANGED_NOTE = '⚠️ Source changed since pinning.';
export const NOT_PUBLIC_HEADER = '🔒 Pins outside public channels';
const NOT_PUBLIC_TEXT =
  'Pins of private channels, direct messages and channels Slack would not describe. Their question and quote stay out of this tab: read them in the channel.';

/**
 * What only moderators see: the questions that got no match most often, the pins whose source changed, and the
 * pins of channels that are not public (shown by channel and date only, never their question or quote).
 */
export interface ModeratorReport {
  /** Unanswered questions asked in public channels. */
  noMatch: readonly { question: string; count: number; lastAsked: string; missingWords?: string[] }[];
  /** Unanswered questions asked only in private channels, direct messages or channels Slack would not describe. */
  noMatchLeftOut: number;
  stale: readonly Pin[];
  notPublic: readonly Pin[];
}

export interface HomeOptions {
  /** Moderators get an Unpin button beside each pin. */
  canUnpin?: boolean;
  /** A line shown first, e.g. the outcome of an Unpin press (the tab is the only place to say it). */
  notice?: string;
}

/**
 * The App Home tab: an optional notice, for moderators their report, then the workspace's pinned
 * answers and the documents the bot quotes from.
 */
export function toSlackHome(
  pins: readonly Pin[],
  documents: readonly DocumentSummary[],
  report?: ModeratorReport,
  options: HomeOptions = {},
): types.HomeView {
  const canUnpin = options.canUnpin === true;
  const budget = new Budget(SLACK_LIMITS.blocksPerView, SLACK_LIMITS.totalText);
  const blocks: KnownBlock[] = [];
  const push = (group: KnownBlock[]): boolean => {
    if (!budget.fits(group)) return false;
    budget.add(group);
    blocks.push(...group);
    return true;
  };
  if (options.notice !== undefined) push([sectionBlock(escapeMrkdwn(truncate(options.notice, SLACK_LIMITS.sectionText)))]);
  if (report !== undefined) {
    for (const group of moderatorGroups(report, canUnpin)) if (!push(group)) break;
    push([{ type: 'divider' }]);
  }
  push([header('📌 Pinned answers')]);
  if (pins.length === 0) push([contextBlock('Nothing pinned yet. Moderators pin an answer with its 📌 Pin button.')]);
  // Pins stop while the documents' heading and first entries still fit: a long pin list must not crowd them out.
  const documentsHead: KnownBlock[] = [{ type: 'divider' }, header('📚 Documents')];
  const keptDocuments = documents.slice(0, DOCUMENTS_KEPT).map(documentBlock);
  if (documents.length > DOCUMENTS_KEPT) keptDocuments.push(moreLine(documents.length, 'document'));
  let pinsShown = 0;
  for (const pin of pins) {
    const group = pinGroup(pin, pin.stale ? SOURCE_CHANGED_NOTE : undefined, canUnpin);
    const more = pinsShown + 1 < pins.length ? [moreLine(pins.length, 'pinned answer')] : [];
    if (!budget.fits([...group, ...more, ...documentsHead, ...keptDocuments])) break;
    push(group);
    pinsShown += 1;
  }
  if (pinsShown < pins.length) push([moreLine(pins.length - pinsShown, 'pinned answer')]);
  push(documentsHead);
  let documentsShown = 0;
  for (const doc of documents) {
    const block = documentBlock(doc);
    const more = documentsShown + 1 < documents.length ? [moreLine(documents.length, 'document')] : [];
    if (!budget.fits([block, ...more])) break;
    push([block]);
    documentsShown += 1;
  }
  if (documentsShown < documents.length) push([moreLine(documents.length - documentsShown, 'document')]);
  return { type: 'home', blocks };
}

/** A document's linked title, then its kind, date and size. */
function documentBlock(doc: DocumentSummary): KnownBlock {
  const details = [doc.kind, doc.date, counted(doc.passages, 'passage')].filter((part) => part !== undefined);
  return sectionBlock(`${link(doc.url, truncate(doc.title, 300))}\n${escapeMrkdwn(details.join(' · '))}`);
}

/** "…and 3 more pinned answers.": what the tab had no room for, so nobody takes the list for all there is. */
function moreLine(count: number, noun: string): KnownBlock {
  return contextBlock(`…and ${counted(count, `more ${noun}`)}.`);
}

/** The moderators' part of the tab, as groups of blocks that are shown whole or not at all. */
function moderatorGroups(report: ModeratorReport, canUnpin: boolean): KnownBlock[][] {
  const groups: KnownBlock[][] = [];
  const gaps = noMatchLines(report.noMatch);
  const leftOut = report.noMatchLeftOut;
  const empty = leftOut > 0 ? NO_MATCH_PUBLIC_EMPTY_TEXT : NO_MATCH_EMPTY_TEXT;
  groups.push([
    header(NO_MATCH_HEADER),
    contextBlock('Asked most often in this workspace without a quote to answer them: the documents to add next.'),
    gaps === '' ? contextBlock(empty) : sectionBlock(gaps),
    ...(leftOut > 0 ? [contextBlock(leftOutText(leftOut))] : []),
  ]);
  if (report.stale.length === 0) {
    groups.push([header(STALE_HEADER), contextBlock(STALE_EMPTY_TEXT)]);
  } else {
    groups.push([header(STALE_HEADER), sectionBlock(`⚠️ ${escapeMrkdwn(STALE_WARNING_TEXT)}`)]);
    for (const pin of report.stale.slice(0, STALE_PINS_SHOWN)) groups.push(pinGroup(pin, where(pin), canUnpin));
    const rest = report.stale.length - STALE_PINS_SHOWN;
    if (rest > 0) groups.push([moreLine(rest, 'stale pin')]);
  }
  // Only when there are some: most workspaces pin in public channels, and the section is for unpinning.
  if (report.notPublic.length > 0) {
    groups.push([header(NOT_PUBLIC_HEADER), contextBlock(NOT_PUBLIC_TEXT)]);
    for (const pin of report.notPublic.slice(0, NOT_PUBLIC_PINS_SHOWN)) groups.push(notPublicPinGroup(pin, canUnpin));
    const rest = report.notPublic.length - NOT_PUBLIC_PINS_SHOWN;
    if (rest > 0) groups.push([moreLine(rest, 'pin')]);
  }
  return groups;
}

/**
 * "• *3×* question · last asked 2026-11-29 · never uses “x”" lines, as many as fit one section. No markup follows
 * the question: an `_` or `*` in it would pair with it (Slack has no escape) and turn the rest of the line italic.
 */
function noMatchLines(entries: ModeratorReport['noMatch']): string {
  const lines: string[] = [];
  let length = 0;
  for (const entry of entries) {
    const question = escapeMrkdwn(truncate(entry.question.replace(/\s+/g, ' ').trim(), 200));
    const never = (entry.missingWords ?? []).map((word) => `“${escapeMrkdwn(truncate(word.replace(/\s+/g, ' ').trim(), 60))}”`).join(', ');
    const line = `• *${entry.count}×* ${question} · last asked ${escapeMrkdwn(entry.lastAsked.slice(0, 10))}${never ? ` · never uses ${never}` : ''}`;
    if (length + line.length + 1 > SLACK_LIMITS.sectionText) break;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** The questions kept out of the list: counted, so nobody takes the list for all there is, but never shown. */
function leftOutText(count: number): string {
  return `🔒 Not shown: ${counted(count, 'unanswered question')} asked only in private channels or direct messages, or before Pinpoint noted the channel.`;
}

/** A pin's question in bold, an optional note, its first quote and that quote's citation; Unpin beside it for moderators. */
function pinGroup(pin: Pin, note: string | undefined, canUnpin: boolean): KnownBlock[] {
  const first = pin.excerpts[0];
  const lines = [`*${escapeMrkdwn(truncate(pin.question.replace(/\*/g, '').replace(/\s+/g, ' '), 200))}*`];
  if (note !== undefined) lines.push(note);
  if (first !== undefined) lines.push(`> ${escapeMrkdwn(truncate(first.quote.replace(/\s+/g, ' '), 400))}`);
  const confirm = `Later questions like “${pin.question.replace(/\s+/g, ' ')}” will no longer get this answer first.`;
  // An accessory, not an actions block: the button costs no block of the view's 100.
  const group = [sectionBlock(lines.join('\n'), canUnpin ? unpinButton(pin, confirm) : undefined)];
  if (first !== undefined) group.push(contextBlock(citationText(first.citation)));
  return group;
}

/**
 * A pin of a channel that is not public: where and when it was pinned, whether it is stale, and Unpin. Its question
 * and quote stay out, the Unpin confirmation included: the moderator may not be a member of that channel.
 */
function notPublicPinGroup(pin: Pin, canUnpin: boolean): KnownBlock[] {
  const text = pin.stale ? `${where(pin)} ${SOURCE_CHANGED_NOTE}` : where(pin);
  const confirm = 'Later questions like the one pinned there will no longer get this answer first.';
  return [sectionBlock(text, canUnpin ? unpinButton(pin, confirm) : undefined)];
}

/** A red Unpin button that asks once (`confirm`) before acting; undefined when the pin id cannot be carried. */
function unpinButton(pin: Pin, confirm: string): types.Button | undefined {
  const value = encodeUnpinValue(pin.id);
  if (value === undefined) return undefined;
  return {
    type: 'button',
    action_id: UNPIN_ACTION_ID,
    text: { type: 'plain_text', text: UNPIN_LABEL },
    style: 'danger',
    value,
    confirm: {
      title: { type: 'plain_text', text: 'Unpin this answer?' },
      text: { type: 'plain_text', text: truncate(confirm, 300) },
      confirm: { type: 'plain_text', text: UNPIN_LABEL },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    },
  };
}

/**
 * "Pinned in <#C123> on 2026-11-29": the channel as a Slack link when its id looks like one (Slack shows its name to
 * members, "private channel" to others); a direct message is only named as one.
 */
function where(pin: Pin): string {
  const id = pin.scope.channel;
  const channel = /^[CG][A-Z0-9]+$/.test(id) ? ` in <#${id}>` : /^D[A-Z0-9]+$/.test(id) ? ' in a direct message' : '';
  return `Pinned${channel} on ${escapeMrkdwn(pin.pinnedAt.slice(0, 10))}.`;
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText), emoji: true } };
}
