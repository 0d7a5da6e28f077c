import type { webApi } from '@slack/bolt';
import { type Answer, type Pin, type PinScope, quotesPassagesShown } from '../../src/index.js';
import { currentPinMessage, type PinnedMessage, permalinkOf } from './current-pin.js';
import type { SlackDeps } from './deps.js';
import { scopeOf } from './edge.js';
import { errorSummary } from './moderators.js';
import { PAGE_LIMIT, pageOf } from './page.js';
import { post, type Press } from './press.js';
import { removeSlackPin } from './remove-pin.js';
import { link } from './mrkdwn.js';
import { sectionBlock, toSlackBlocks, toSlackNotice, type SlackMessage } from './render.js';
import { slackErrorCode } from './slack-error.js';

export const PIN_REFUSED_TEXT = 'Only workspace admins and Pinpoint moderators can pin answers.';
export const PIN_UNCONFIRMED_TEXT =
  'Slack could not confirm just now that you are a workspace admin or Pinpoint moderator, so nothing was pinned: try again in a moment.';
export const PINNED_TEXT = '📌 Pinned: later questions like this one get this answer first.';
export const PIN_NOT_SAVED_TEXT = 'Could not save the pin, so nothing was pinned: try again in a moment.';
export const ANSWER_CHANGED_TEXT =
  'The documents changed since this answer was given, so nothing was pinned: ask again and pin the new answer.';
/** Pin pressed on an answer page this channel has pinned already: nothing is posted. */
export function alreadyPinnedText(permalink: string | undefined): string {
  return alreadyPinned(permalink === undefined ? 'in this channel (see its pinned messages)' : `in this channel: ${permalink}`);
}

/**
 * That notice with the pinned message as a link: Slack links no bare URL in the verbatim text of blocks (render.ts),
 * so the moderator could not open it. `alreadyPinnedText` stays the notification text.
 */
function alreadyPinnedNotice(permalink: string | undefined): SlackMessage {
  const notice = toSlackNotice(alreadyPinnedText(permalink));
  const linked = permalink === undefined ? undefined : link(permalink, 'the pinned message');
  if (linked === undefined || !linked.startsWith('<')) return notice;
  return { text: notice.text, blocks: [sectionBlock(alreadyPinned(`in this channel: ${linked}`))] };
}

function alreadyPinned(where: string): string {
  return `📌 This answer is already pinned ${where}. Nothing new was posted.`;
}

export const EARLIER_PIN_LEFT_TEXT =
  ' The message pinned earlier for this question is still pinned in its channel: unpin it there from the message menu if you want it gone.';

/** What to tell the moderator when Slack refuses pins.add, by Slack's error code. Nothing was pinned. */
export const PIN_FAILURE_TEXT: ReadonlyMap<string, string> = new Map([
  ['missing_scope', 'I cannot pin: my Slack app lacks the pins:write scope. Ask a workspace admin to reinstall Pinpoint with it, then press 📌 Pin again.'],
  ['permission_denied', 'Slack does not let me pin messages in this channel, so nothing was pinned.'],
  ['not_pinnable', 'Slack does not allow pinning this message, so nothing was pinned.'],
  ['message_not_found', 'That answer message was deleted, so there is nothing to pin. Ask again and pin the new answer.'],
]);

/** Moderators only: others are refused before anything is posted, pinned or stored. */
export async function pin(press: Press): Promise<void> {
  const { deps, origin, client, tell } = press;
  const role = await deps.moderators.role(client, origin.user);
  if (role !== 'moderator') {
    return void (await tell(toSlackNotice(role === 'unconfirmed' ? PIN_UNCONFIRMED_TEXT : PIN_REFUSED_TEXT)));
  }
  const scope = scopeOf(origin.team, origin.channel);
  // A second press that arrives while the first still posts and pins waits for it, then finds its pin.
  await deps.pinning.run(`${scope.server}/${scope.channel}`, () => pinOnce(press, scope));
}

/** One press of the channel at a time: says so when this page is pinned already, else pins it. */
async function pinOnce(press: Press, scope: PinScope): Promise<void> {
  const { deps, value, question, origin, client, tell } = press;
  let pinnedAlready: PinnedMessage | undefined;
  try {
    pinnedAlready = await currentPinMessage(client, deps, scope, value);
  } catch (error) {
    const refusal = PIN_FAILURE_TEXT.get(slackErrorCode(error) ?? '');
    if (refusal === undefined) throw error;
    return void (await tell(toSlackNotice(refusal)));
  }
  if (pinnedAlready) {
    return void (await tell(alreadyPinnedNotice(await permalinkOf(client, deps, pinnedAlready))));
  }
  const { answer, hasMore } = pageOf(deps.core.askAgain(question, { scope, offset: value.offset, limit: PAGE_LIMIT }));
  // The answer is asked again now: after a reload it may quote other passages than the moderator read (and
  // than a public message shows). A page shown before its passages were kept goes unchecked.
  if (!quotesPassagesShown(answer, deps.core.answers.pagePassageIds(value.answerId, value.offset))) {
    return void (await tell(toSlackNotice(ANSWER_CHANGED_TEXT)));
  }
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) {
    return void (await tell(toSlackNotice('There is nothing to pin in this answer.')));
  }
  // The pin records the fresh quotes only, so its message shows them alone: not the earlier pin the answer
  // leads with (its header, stale warning and old quotes).
  const { pinned: earlier, ...fresh } = answer;
  // A private answer cannot be pinned: post it to the channel first, then pin that message. So is a public
  // one beside a stale pin: it shows that pin's old quotes, or is that pin's own message.
  const copyTs = origin.ephemeral || origin.messageTs === undefined || earlier?.stale ? await postCopy(press, fresh, hasMore) : undefined;
  const ts = copyTs ?? origin.messageTs;
  if (ts === undefined) throw new Error('chat.postMessage returned no ts');
  // Pinned by hand before the press: not this press's to undo.
  let pinnedBefore = false;
  try {
    await client.pins.add({ channel: origin.channel, timestamp: ts });
  } catch (error) {
    const code = slackErrorCode(error);
    pinnedBefore = code === 'already_pinned';
    if (!pinnedBefore) {
      // Left behind, the copy would be a stray public answer, and pressing Pin again would post another.
      if (copyTs !== undefined) await deleteCopy(client, deps, origin.channel, copyTs);
      const refusal = code === undefined ? undefined : PIN_FAILURE_TEXT.get(code);
      if (refusal === undefined) throw error;
      return void (await tell(toSlackNotice(refusal)));
    }
  }
  const messageRef = `${origin.channel}/${ts}`;
  let replaced: readonly Pin[];
  try {
    ({ replaced } = deps.core.pins.pin({
      scope,
      question,
      answer,
      pinnedBy: origin.user,
      messageRef,
      answerId: value.answerId,
      answerOffset: value.offset,
    }));
  } catch (error) {
    // Not saved (the state database locked or full): a message pinned without its record would show nothing first
    // and a second press would pin another copy, so the Slack side is undone and the moderator can try again.
    deps.logger.error({ channel: origin.channel, err: errorSummary(error) }, 'slack: could not save the pin; undoing it in Slack');
    if (copyTs !== undefined) await deleteCopy(client, deps, origin.channel, copyTs);
    else if (!pinnedBefore) await removeSlackPin(client, deps, { messageRef });
    return void (await tell(toSlackNotice(PIN_NOT_SAVED_TEXT)));
  }
  deps.logger.info({ channel: origin.channel, replaced: replaced.length }, 'slack: answer pinned');
  const earlierLeft = await unpinReplaced(client, deps, replaced, messageRef);
  await tell(toSlackNotice(earlierLeft ? `${PINNED_TEXT}${EARLIER_PIN_LEFT_TEXT}` : PINNED_TEXT));
}

/** Posts the answer being pinned to the channel, crediting the moderator by name; returns its ts. */
async function postCopy({ client, origin, value }: Press, answer: Answer, hasMore: boolean): Promise<string | undefined> {
  const message = toSlackBlocks(answer, {
    answerId: value.answerId,
    offset: value.offset,
    buttons: ['more', 'context'],
    hasMore,
    postedBy: { verb: 'Pinned', name: origin.userName },
  });
  return (await post(client, origin, message)).ts;
}

/**
 * A re-pin replaces the pin record of the same question, but its message stays pinned in Slack until
 * unpinned here. The new pin stands either way; true when an earlier message is still pinned.
 */
async function unpinReplaced(client: webApi.WebClient, deps: SlackDeps, replaced: readonly Pin[], messageRef: string): Promise<boolean> {
  let left = false;
  for (const old of replaced) {
    // Pin pressed again on the pinned message itself: the record changed, the message stays pinned.
    if (old.messageRef === messageRef) continue;
    left = !(await removeSlackPin(client, deps, old)) || left;
  }
  return left;
}

/** Best effort: deletes the public copy of an answer that could not be pinned; a failure is only logged. */
async function deleteCopy(client: webApi.WebClient, deps: SlackDeps, channel: string, ts: string): Promise<void> {
  try {
    await client.chat.delete({ channel, ts });
  } catch (error) {
    deps.logger.warn({ channel, err: errorSummary(error) }, 'slack: could not delete the public copy of an answer that was not pinned');
  }
}
