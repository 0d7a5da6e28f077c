import { SLACK_LIMITS } from './limits.js';

/** `action_id`s of the answer buttons; matched exactly by the Bolt listeners. */
export const ACTION_IDS = {
  share: 'pinpoint_share',
  more: 'pinpoint_more',
  context: 'pinpoint_context',
  pin: 'pinpoint_pin',
} as const;

export type SlackButton = keyof typeof ACTION_IDS;

/** `action_id`s of the 👍 / 👎 buttons under every answer; the vote is in the id, the answer in the value. */
export const VOTE_ACTION_IDS = {
  up: 'pinpoint_vote_up',
  down: 'pinpoint_vote_down',
} as const;

export type Vote = keyof typeof VOTE_ACTION_IDS;

/** `action_id` of the Unpin button beside each pin in the App Home tab (moderators only). */
export const UNPIN_ACTION_ID = 'pinpoint_unpin';

/**
 * Every `action_id` a listener here answers. Presses of any other (a button from an older version of a message)
 * are acknowledged by the fallback in unknown-action.ts; a listener added without its id here would be
 * acknowledged twice.
 */
export const HANDLED_ACTION_IDS: ReadonlySet<string> = new Set<string>([
  ...Object.values(ACTION_IDS),
  ...Object.values(VOTE_ACTION_IDS),
  UNPIN_ACTION_ID,
]);

/** Pin ids are short and plain (src/state/ids.ts); anything else in a value was not made here. */
const PIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An Unpin button's value: the pin id alone; undefined when it could not be a pin id (no button then). */
export function encodeUnpinValue(pinId: string): string | undefined {
  return PIN_ID.test(pinId) && pinId.length <= SLACK_LIMITS.buttonValue ? pinId : undefined;
}

/** The pin id an Unpin button carries; undefined for anything this app did not produce. */
export function decodeUnpinValue(raw: string | undefined): string | undefined {
  return raw !== undefined && PIN_ID.test(raw) ? raw : undefined;
}

/** `callback_id` of the "Find sources" message shortcut (must match slack-manifest.yaml). */
export const FIND_SOURCES_CALLBACK_ID = 'pinpoint_find_sources';

/**
 * What a button carries. Only ids and numbers: the answer itself is re-derived from the core's
 * answer log, so buttons keep working after a restart.
 */
export interface ButtonValue {
  answerId: string;
  /** Index of the first excerpt the button is about (More: the next one to show). */
  offset: number;
  /** Context: the passage to show around. */
  passageId?: string;
  /** How the answer was made: a question (default) or Find sources on a message. */
  source?: 'sources';
}

/** Compact JSON; undefined when it would break Slack's value limit (the button is then left out). */
export function encodeButtonValue(value: ButtonValue): string | undefined {
  const compact: { a: string; o: number; p?: string; s?: 1 } = { a: value.answerId, o: value.offset };
  if (value.passageId !== undefined) compact.p = value.passageId;
  if (value.source === 'sources') compact.s = 1;
  const encoded = JSON.stringify(compact);
  return encoded.length <= SLACK_LIMITS.buttonValue ? encoded : undefined;
}

/** Parses a button value; undefined for anything this app did not produce. */
export function decodeButtonValue(raw: string | undefined): ButtonValue | undefined {
  if (raw === undefined || raw.length > SLACK_LIMITS.buttonValue) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { a, o, p, s } = parsed as Record<string, unknown>;
  if (typeof a !== 'string' || a === '' || typeof o !== 'number' || !Number.isInteger(o) || o < 0) return undefined;
  if (p !== undefined && typeof p !== 'string') return undefined;
  const value: ButtonValue = { answerId: a, offset: o };
  if (typeof p === 'string') value.passageId = p;
  if (s === 1) value.source = 'sources';
  return value;
}
