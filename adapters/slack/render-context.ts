import type { PassageView } from '../../src/index.js';
import { SLACK_LIMITS } from './limits.js';
import { blockQuote, boldHighlights, escapeMrkdwn } from './mrkdwn.js';
import { truncate } from '../cut-text.js';
import { Budget, citationText, contextBlock, sectionBlock, type KnownBlock, type SlackMessage } from './render.js';

/**
 * The passages around a quote (Context button): the quoted passage as a block quote, its
 * neighbours as plain text, each with its citation. Whole passages are dropped, not cut, when
 * the message would exceed Slack's limits (a single passage is cut only past the section limit).
 */
export function toSlackContext(views: readonly PassageView[], focusPassageId: string): SlackMessage {
  const focus = views.find((view) => view.passage.id === focusPassageId);
  const title = focus?.citation.title ?? views[0]?.citation.title ?? 'the document';
  const head = contextBlock(`🧭 Context from ${escapeMrkdwn(truncate(title, 300))}`);
  const budget = new Budget();
  budget.add([head]);
  // Focus first so it always fits, then neighbours nearest first; shown in document order.
  const ordered = [...views].sort((a, b) => distance(a) - distance(b));
  const chosen = new Set<PassageView>();
  for (const view of ordered) {
    const blocks = passageBlocks(view, view.passage.id === focusPassageId);
    if (chosen.size > 0 && !budget.fits(blocks)) continue;
    budget.add(blocks);
    chosen.add(view);
  }
  const blocks: KnownBlock[] = [head];
  for (const view of views) if (chosen.has(view)) blocks.push(...passageBlocks(view, view.passage.id === focusPassageId));
  return { text: escapeMrkdwn(truncate(`Context from ${title}`, SLACK_LIMITS.fallbackText)), blocks };

  function distance(view: PassageView): number {
    const index = views.indexOf(view);
    const focusIndex = focus === undefined ? 0 : views.indexOf(focus);
    return Math.abs(index - focusIndex);
  }
}

function passageBlocks(view: PassageView, isFocus: boolean): KnownBlock[] {
  // A passage over the section limit is cut by `sectionBlock`, which never splits an escape or a link.
  const text = boldHighlights(view.passage.text, []);
  return [sectionBlock(isFocus ? blockQuote(text) : text), contextBlock(citationText(view.citation))];
}
