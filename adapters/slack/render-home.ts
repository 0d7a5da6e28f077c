import type { types } from '@slack/bolt';
import type { DocumentSummary, Pin } from '../../src/index.js';
import { SLACK_LIMITS } from './limits.js';
import { escapeMrkdwn, link, truncate } from './mrkdwn.js';
import { Budget, citationText, contextBlock, sectionBlock, type KnownBlock } from './render.js';

/** The App Home tab: pinned answers of the workspace, then the documents the bot quotes from. */
export function toSlackHome(pins: readonly Pin[], documents: readonly DocumentSummary[]): types.HomeView {
  const budget = new Budget(SLACK_LIMITS.blocksPerView, SLACK_LIMITS.totalText);
  const blocks: KnownBlock[] = [];
  const push = (group: KnownBlock[]): boolean => {
    if (!budget.fits(group)) return false;
    budget.add(group);
    blocks.push(...group);
    return true;
  };
  push([{ type: 'header', text: { type: 'plain_text', text: '📌 Pinned answers' } }]);
  if (pins.length === 0) push([contextBlock('Nothing pinned yet. Moderators pin an answer with its 📌 Pin button.')]);
  for (const pin of pins) {
    const first = pin.excerpts[0];
    const lines = [`*${escapeMrkdwn(truncate(pin.question.replace(/\*/g, ''), 200))}*`];
    if (pin.stale) lines.push('⚠️ Source changed since pinning.');
    if (first !== undefined) lines.push(`> ${escapeMrkdwn(truncate(first.quote.replace(/\s+/g, ' '), 400))}`);
    const group = [sectionBlock(lines.join('\n'))];
    if (first !== undefined) group.push(contextBlock(citationText(first.citation)));
    if (!push(group)) break;
  }
  push([{ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: '📚 Documents' } }]);
  for (const doc of documents) {
    const details = [doc.kind, doc.date, `${doc.passages} passages`].filter((part) => part !== undefined);
    const text = `${link(doc.url, truncate(doc.title, 300))}\n${escapeMrkdwn(details.join(' · '))}`;
    if (!push([sectionBlock(text)])) break;
  }
  return { type: 'home', blocks };
}
