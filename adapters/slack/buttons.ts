import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { type Answer, quotesPassagesShown } from '../../src/index.js';
import { ACTION_IDS, decodeButtonValue, type SlackButton } from './actions.js';
import { PRIVATE_BUTTONS, PUBLIC_BUTTONS, PUBLIC_SOURCES_BUTTONS, SOURCES_BUTTONS, type SlackDeps } from './deps.js';
import { atTheEdge, cooldown, respondPrivately, scopeOf } from './edge.js';
import { PAGE_LIMIT, pageOf } from './page.js';
import { pin } from './pin.js';
import { originOf, post, type Press } from './press.js';
import { toSlackContext } from './render-context.js';
import { toSlackBlocks, toSlackNotice, type SlackMessage } from './render.js';

const EXPIRED_TEXT = 'This answer has expired: ask the question again.';
const NO_MORE_TEXT = 'No more quotes for this question.';
const SHARED_TEXT = 'Shared in the channel.';
export const SHARE_CHANGED_TEXT =
  'The documents changed since this answer was given, so nothing was shared: ask again and share the new answer.';

const HANDLERS: Record<SlackButton, (press: Press) => Promise<void>> = { share, more, context, pin };

/** Share / More / Context / Pin. State comes from the core's answer log, so old buttons still work. */
export function registerButtons(app: App, deps: SlackDeps): void {
  for (const kind of Object.keys(ACTION_IDS) as SlackButton[]) {
    app.action<BlockAction<ButtonAction>>(ACTION_IDS[kind], async ({ ack, body, action, respond, client }) => {
      await ack();
      const tell = (message: SlackMessage, replaceOriginal = false) => respondPrivately(respond, message, replaceOriginal);
      const origin = originOf(body);
      const work = async () => {
        const value = decodeButtonValue(action.value);
        const remembered = value === undefined ? undefined : deps.core.answers.get(value.answerId);
        if (value === undefined || remembered === undefined) {
          await tell(toSlackNotice(EXPIRED_TEXT));
          return;
        }
        const scope = remembered.scope ?? scopeOf(origin.team, origin.channel);
        const question = remembered.question;
        const rerun = (offset: number, how = { again: false }): Answer => {
          const options = { scope, offset, limit: PAGE_LIMIT };
          if (value.source === 'sources') return how.again ? deps.core.findSourcesAgain(question, options) : deps.core.findSources(question, options);
          return how.again ? deps.core.askAgain(question, options) : deps.core.ask(question, options);
        };
        await HANDLERS[kind]({ deps, value, question, origin, client, tell, rerun });
      };
      await atTheEdge(deps.logger, deps.reportError, `button:${kind}`, tell, work, origin.channel);
    });
  }
}

async function more({ deps, value, origin, tell, rerun }: Press): Promise<void> {
  const wait = cooldown(deps.core, origin.user, origin.channel);
  if (wait !== undefined) return void (await tell(wait));
  const { answer, hasMore } = pageOf(rerun(value.offset));
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) return void (await tell(toSlackNotice(NO_MORE_TEXT)));
  const buttons = value.source === 'sources' ? SOURCES_BUTTONS : PRIVATE_BUTTONS;
  // Pin under this page checks the passages it shows now.
  deps.core.answers.rememberPage(value.answerId, value.offset, answer);
  await tell(toSlackBlocks(answer, { answerId: value.answerId, offset: value.offset, buttons, source: value.source, hasMore }));
}

async function context({ deps, value, tell }: Press): Promise<void> {
  const views = value.passageId === undefined ? [] : deps.core.context(value.passageId, 1);
  if (value.passageId === undefined || views.length === 0) {
    return void (await tell(toSlackNotice('That passage is no longer in the documents: ask the question again.')));
  }
  await tell(toSlackContext(views, value.passageId));
}

async function share(press: Press): Promise<void> {
  const { deps, value, origin } = press;
  // Slack keeps a button live while its first press is being answered: a double click would post the answer
  // twice. A press that posted nothing (refused, failed) may be repeated, e.g. after inviting the bot.
  const key = [origin.user, origin.channel, origin.messageTs ?? '', value.answerId, value.offset, value.source ?? ''].join('/');
  if (!deps.shares.first(key)) {
    deps.logger.info({ channel: origin.channel }, 'slack: repeated Share press ignored');
    return;
  }
  let posted = false;
  try {
    posted = await shareOnce(press);
  } finally {
    if (!posted) deps.shares.forget(key);
  }
  if (posted) await press.tell(toSlackNotice(SHARED_TEXT), origin.ephemeral);
}

/** Posts the answer page to the channel; false when nothing was posted. */
async function shareOnce({ deps, value, origin, client, tell, rerun }: Press): Promise<boolean> {
  const wait = cooldown(deps.core, origin.user, origin.channel);
  if (wait !== undefined) {
    await tell(wait);
    return false;
  }
  // Share posts again what was asked: no reader's new question, so the metrics do not count it.
  const { answer, hasMore } = pageOf(rerun(value.offset, { again: true }));
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) {
    await tell(toSlackNotice(EXPIRED_TEXT));
    return false;
  }
  // Asked again now: after a reload it may quote other passages than the person read before sharing it under
  // their name, as Pin checks too. A page shown before its passages were kept goes unchecked.
  if (!quotesPassagesShown(answer, deps.core.answers.pagePassageIds(value.answerId, value.offset))) {
    await tell(toSlackNotice(SHARE_CHANGED_TEXT));
    return false;
  }
  const buttons = value.source === 'sources' ? PUBLIC_SOURCES_BUTTONS : PUBLIC_BUTTONS;
  deps.core.answers.rememberPage(value.answerId, value.offset, answer);
  const message = toSlackBlocks(answer, {
    answerId: value.answerId,
    offset: value.offset,
    buttons,
    source: value.source,
    hasMore,
    postedBy: { verb: 'Shared', name: origin.userName },
  });
  await post(client, origin, message);
  return true;
}
