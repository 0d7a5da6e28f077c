import type { Logger, Pinpoint } from '../../src/index.js';
import type { KeyQueue } from '../key-queue.js';
import type { EventDeduper } from './dedupe.js';
import type { ModeratorCheck } from './moderators.js';
import type { PublicChannels } from './public-channels.js';

/** What every listener gets: the core, a logger, the moderator check and the settings. */
export interface SlackDeps {
  core: Pinpoint;
  logger: Logger;
  moderators: ModeratorCheck;
  /** Which channels' pins App Home may show everyone (see public-channels.ts). */
  publicChannels: PublicChannels;
  /** The slash command, e.g. "/ask". */
  commandName: string;
  /** Counts a platform error in the metrics (adapters/main.ts passes one). */
  reportError?: ((kind?: string) => void) | undefined;
  /** Pin presses of one channel run one at a time (see pin.ts). */
  pinning: KeyQueue;
  /** Share presses already taken, per message and answer page (see buttons.ts). */
  shares: EventDeduper;
}

/** Message options shared by every public post: no link previews, and never link_names. */
export const POST_OPTIONS = { unfurl_links: false, unfurl_media: false } as const;

/** Buttons on a private answer and on a public one (already shared: no Share). */
export const PRIVATE_BUTTONS = ['share', 'more', 'context', 'pin'] as const;
export const PUBLIC_BUTTONS = ['more', 'context', 'pin'] as const;
/** Find sources results: pinning is for answers to questions, so no Pin. */
export const SOURCES_BUTTONS = ['share', 'more', 'context'] as const;
export const PUBLIC_SOURCES_BUTTONS = ['more', 'context'] as const;
