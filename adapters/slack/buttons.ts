import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import type { Answer } from '../../src/index.js';
import { ACTION_IDS, decodeButtonValue, type ButtonValue, type SlackButton } from './actions.js';
import {
  POST_OPTIONS,
  PRIVATE_BUTTONS,
  PUBLIC_BUTTONS,
  PUBLIC_SOURCES_BUTTONS,
  SOURCES_BUTTONS,
  type SlackDeps,
} from './deps.js';
import { atTheEdge, cooldown, respondPrivately, scopeOf } from './edge.js';
import { toSlackContext } from './render-context.js';
import { toSlackBlocks, toSlackNotice, type SlackMessage } from './render.js';

const EXPIRED_TEXT = 'This answer has expired: ask the question again.';
const PIN_REFUSED_TEXT = 'Only workspace admins and Pinpoint moderators can pin answers.';
const PINNED_TEXT = '📌 Pinned: later questions like this one get this answer first.';
const NO_MORE_TEXT = 'No more quotes for this question.';
const SHARED_TEXT = 'Shared in the channel.';

/** Where a pressed button's message lives. */
interface Origin {
  channel: string;
  team: string | undefined;
  user: string;
  messageTs: string | undefined;
  threadTs: string | undefined;
  ephemeral: boolean;
}

interface Press {
  deps: SlackDeps;
  value: ButtonValue;
  question: string;
  origin: Origin;
  client: webApi.WebClient;
  tell: (message: SlackMessage, replaceOriginal?: boolean) => Promise<unknown>;
  rerun: (offset: number) => Answer;
}

const HANDLERS: Record<SlackButton, (press: Press) => Promise<void>> = { share, more, context, pin };

/** Share / More / Context / Pin. State comes from the core's answer log, so old buttons still work. */
export function registerButtons(app: App, deps: SlackDeps): void {
  for (const kind of Object.keys(ACTION_IDS) as SlackButton[]) {
    app.action<BlockAction<ButtonAction>>(ACTION_IDS[kind], async ({ ack, body, action, respond, client }) => {
      await ack();
      const tell = (message: SlackMessage, replaceOriginal = false) => respondPrivately(respond, message, replaceOriginal);
      await atTheEdge(deps.logger, deps.reportError, `button:${kind}`, tell, async () => {
        const value = decodeButtonValue(action.value);
        const remembered = value === undefined ? undefined : deps.core.answers.get(value.answerId);
        if (value === undefined || remembered === undefined) {
          await tell(toSlackNotice(EXPIRED_TEXT));
          return;
        }
        const origin = originOf(body);
        const scope = remembered.scope ?? scopeOf(origin.team, origin.channel);
        const question = remembered.question;
        const rerun = (offset: number): Answer =>
          value.source === 'sources'
            ? deps.core.findSources(question, { scope, offset })
            : deps.core.ask(question, { scope, offset });
        await HANDLERS[kind]({ deps, value, question, origin, client, tell, rerun });
      });
    });
  }
}

async function more({ deps, value, origin, tell, rerun }: Press): Promise<void> {
  const wait = cooldown(deps.core, origin.user, origin.channel);
  if (wait !== undefined) return void (await tell(wait));
  const answer = rerun(value.offset);
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) return void (await tell(toSlackNotice(NO_MORE_TEXT)));
  const buttons = value.source === 'sources' ? SOURCES_BUTTONS : PRIVATE_BUTTONS;
  await tell(toSlackBlocks(answer, { answerId: value.answerId, offset: value.offset, buttons, source: value.source }));
}

async function context({ deps, value, tell }: Press): Promise<void> {
  const views = value.passageId === undefined ? [] : deps.core.context(value.passageId, 1);
  if (value.passageId === undefined || views.length === 0) {
    return void (await tell(toSlackNotice('That passage is no longer in the documents: ask the question again.')));
  }
  await tell(toSlackContext(views, value.passageId));
}

async function share({ deps, value, origin, client, tell, rerun }: Press): Promise<void> {
  const wait = cooldown(deps.core, origin.user, origin.channel);
  if (wait !== undefined) return void (await tell(wait));
  const answer = rerun(value.offset);
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) return void (await tell(toSlackNotice(EXPIRED_TEXT)));
  const buttons = value.source === 'sources' ? PUBLIC_SOURCES_BUTTONS : PUBLIC_BUTTONS;
  const message = toSlackBlocks(answer, {
    answerId: value.answerId,
    offset: value.offset,
    buttons,
    source: value.source,
    sharedBy: origin.user,
  });
  await post(client, origin, message);
  await tell(toSlackNotice(SHARED_TEXT), origin.ephemeral);
}

/** Moderators only: others are refused before anything is posted, pinned or stored. */
async function pin({ deps, value, question, origin, client, tell }: Press): Promise<void> {
  if (!(await deps.moderators.isModerator(client, origin.user))) {
    return void (await tell(toSlackNotice(PIN_REFUSED_TEXT)));
  }
  const scope = scopeOf(origin.team, origin.channel);
  const answer = deps.core.ask(question, { scope, offset: value.offset });
  if (answer.kind !== 'excerpts' || answer.excerpts.length === 0) {
    return void (await tell(toSlackNotice('There is nothing to pin in this answer.')));
  }
  let ts = origin.ephemeral ? undefined : origin.messageTs;
  if (ts === undefined) {
    // A private answer cannot be pinned: post it to the channel first, then pin that message.
    const message = toSlackBlocks(answer, {
      answerId: value.answerId,
      offset: value.offset,
      buttons: ['more', 'context'],
      sharedBy: origin.user,
    });
    ts = (await post(client, origin, message)).ts;
  }
  if (ts === undefined) throw new Error('chat.postMessage returned no ts');
  try {
    await client.pins.add({ channel: origin.channel, timestamp: ts });
  } catch (error) {
    if ((error as { data?: { error?: unknown } }).data?.error !== 'already_pinned') throw error;
  }
  deps.core.pins.pin({ scope, question, answer, pinnedBy: origin.user, messageRef: `${origin.channel}/${ts}` });
  deps.logger.info({ channel: origin.channel }, 'slack: answer pinned');
  await tell(toSlackNotice(PINNED_TEXT));
}

function post(client: webApi.WebClient, origin: Origin, message: SlackMessage) {
  return client.chat.postMessage({
    channel: origin.channel,
    ...(origin.threadTs === undefined ? {} : { thread_ts: origin.threadTs }),
    text: message.text,
    blocks: message.blocks,
    ...POST_OPTIONS,
  });
}

function originOf(body: BlockAction): Origin {
  const container = (body.container ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  return {
    channel: body.channel?.id ?? text(container.channel_id) ?? 'unknown',
    team: body.team?.id ?? text(body.user.team_id),
    user: body.user.id,
    messageTs: text(container.message_ts) ?? body.message?.ts,
    threadTs: text(container.thread_ts) ?? text(body.message?.thread_ts),
    ephemeral: container.is_ephemeral === true || body.message === undefined,
  };
}
