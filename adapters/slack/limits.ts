/**
 * Slack's limits, enforced by the renderers before anything is sent (Slack rejects the whole
 * message with `invalid_blocks` otherwise). Numbers from the Block Kit reference.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Blocks in one App Home view. */
  blocksPerView: 100,
  /** `text` of a section block. */
  sectionText: 3000,
  /** All text across a message's blocks: documented nowhere exactly, ~13k fails in practice. */
  totalText: 12_000,
  /** An actions block holds at most this many elements (buttons). */
  actionsElements: 25,
  /** A context block holds at most this many elements. */
  contextElements: 10,
  /** Plain text of a button label. */
  buttonText: 75,
  /** A button's `value`. */
  buttonValue: 2000,
  /** `action_id` and `block_id`. */
  actionId: 255,
  /** Top-level `text` (the notification fallback); kept short on purpose. */
  fallbackText: 300,
  /** Header block text. */
  headerText: 150,
} as const;
