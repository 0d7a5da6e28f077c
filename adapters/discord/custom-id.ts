import { PinpointError } from './core.js';
import { DISCORD_LIMITS } from './limits.js';

/**
 * What a button does, carried entirely in its `custom_id` (plus the answer id the core's AnswerLog
 * remembers in DATA_DIR), so buttons keep working after a restart. Not on another replica with its own
 * DATA_DIR: Pinpoint runs one instance per DATA_DIR.
 */
export type ButtonAction =
  | { action: AnswerButton; answerId: string; offset: number }
  | { action: 'unpin'; pinId: string }
  /** The next page of /docs or /pins, from the item at `offset`. */
  | { action: 'docs'; offset: number }
  | { action: 'pins'; offset: number }
  /** /report's next unanswered questions, or its next stale pins, from the one at `offset`. */
  | { action: 'gaps'; offset: number }
  | { action: 'stale'; offset: number };

/** The actions whose only argument is the offset of a list's next page. */
type PageAction = Extract<ButtonAction, { action: 'docs' | 'pins' | 'gaps' | 'stale' }>['action'];
const PAGE_ACTIONS: ReadonlySet<string> = new Set<PageAction>(['docs', 'pins', 'gaps', 'stale']);
const isPageAction = (action: string): action is PageAction => PAGE_ACTIONS.has(action);

/**
 * Buttons under an answer; `up`/`down` are the 👍/👎 votes (the offset only tells the page apart), `sources` the
 * More under a Find sources reply (the remembered text is searched as Find sources searches it, not asked).
 */
export type AnswerButton = 'more' | 'context' | 'share' | 'pin' | 'up' | 'down' | 'sources';

const PREFIX = 'pp';
const CODES = { more: 'm', context: 'c', share: 's', pin: 'p', up: 'y', down: 'n', sources: 'f', unpin: 'u', docs: 'd', pins: 'l', gaps: 'g', stale: 't' } as const;
const ACTIONS = Object.fromEntries(Object.entries(CODES).map(([action, code]) => [code, action])) as Record<
  string,
  ButtonAction['action']
>;

/** The text after the action's code. */
function argumentsOf(action: ButtonAction): string {
  if (action.action === 'unpin') return action.pinId;
  if ('answerId' in action) return `${action.answerId}:${action.offset}`;
  return String(action.offset);
}

/** `pp:m:<answerId>:<offset>`, `pp:u:<pinId>`, or `pp:d:<offset>` for a list's next page; throws if it would exceed Discord's 100 characters. */
export function encodeCustomId(action: ButtonAction): string {
  const id = `${PREFIX}:${CODES[action.action]}:${argumentsOf(action)}`;
  if (id.length > DISCORD_LIMITS.customId) {
    throw new PinpointError(
      'INPUT_INVALID',
      `pinpoint: button id "${id.slice(0, 40)}…" is ${id.length} characters; Discord allows ${DISCORD_LIMITS.customId}. Use shorter answer or pin ids`,
    );
  }
  return id;
}

/** The action of a custom_id this adapter made, or undefined for anything else. */
export function decodeCustomId(customId: string): ButtonAction | undefined {
  const parts = customId.split(':');
  if (parts[0] !== PREFIX || parts.length < 3) return undefined;
  const action = ACTIONS[parts[1] ?? ''];
  if (!action) return undefined;
  if (action === 'unpin') {
    const pinId = parts.slice(2).join(':');
    return pinId ? { action, pinId } : undefined;
  }
  if (isPageAction(action)) return parts.length === 3 && /^\d{1,6}$/.test(parts[2] ?? '') ? { action, offset: Number(parts[2]) } : undefined;
  if (parts.length < 4) return undefined;
  const offsetText = parts[parts.length - 1] ?? '';
  const answerId = parts.slice(2, -1).join(':');
  if (!/^\d{1,4}$/.test(offsetText) || !answerId) return undefined;
  return { action, answerId, offset: Number(offsetText) };
}
