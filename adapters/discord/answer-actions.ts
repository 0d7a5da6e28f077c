import { type Answer, cleanQuestion, isPinpointError, pageOf, questionTooLongText, quotesPassagesShown } from './core.js';
import type { ButtonAction } from './custom-id.js';
import { describeError } from './errors.js';
import type { HandlerContext } from './handler-context.js';
import { option, RESPONSE, scopeOf, userOf } from './interaction.js';
import { choiceText, wholeChoice } from './choice-text.js';
import { characterCount, DISCORD_LIMITS, firstCharacters, PINPOINT_DISCORD_LIMITS } from './limits.js';
import { withoutMarkup } from './markup.js';
import { pin } from './pin-actions.js';
import { toDiscordMessage, toPassagesMessage, type DiscordMessage } from './render.js';
import { targetText } from './target-text.js';
import { TEXT } from './text.js';
import { truncate } from '../cut-text.js';
import type { Turn } from './turn.js';

/** /ask: the first page of the answer, publicly unless the member asked privately. */
export async function ask(ctx: HandlerContext, turn: Turn): Promise<void> {
  const { core, pageSize, cooled, answerPage } = ctx;
  const i = turn.interaction;
  const scope = scopeOf(i);
  const typed = cleanQuestion(withoutMarkup(String(option(i, 'question')?.value ?? '')));
  // A choice picked from autocomplete was cut to Discord's 100 characters: the whole one is what was offered.
  const question = wholeChoice(typed, (prefix) => core.suggest(prefix, { scope, limit: DISCORD_LIMITS.autocompleteChoices }));
  const privately = option(i, 'private')?.value === true;
  if (question === '') return turn.notice(TEXT.emptyQuestion);
  const characters = characterCount(question);
  if (characters > PINPOINT_DISCORD_LIMITS.questionChars) {
    return turn.notice(
      questionTooLongText(PINPOINT_DISCORD_LIMITS.questionChars, characters),
    );
  }
  const refused = cooled(turn);
  if (refused) return refused;
  await turn.defer(privately);
  const { answer, hasMore } = answerPage(question, i, 0);
  const remembered = core.answers.remember(question, answer, scope);
  await turn.send(
    toDiscordMessage(answer, {
      stats: core.stats(),
      answerId: remembered.id,
      offset: 0,
      pageSize,
      hasMore,
      private: privately,
      inServer: i.guild_id !== undefined,
    }),
  );
}

/** The "Find sources" message command: passages for the text of the message it was used on. */
export async function findSources(ctx: HandlerContext, turn: Turn): Promise<void> {
  const { core, cooled } = ctx;
  const i = turn.interaction;
  const target = i.data?.target_id ? i.data.resolved?.messages?.[i.data.target_id] : undefined;
  const text = cleanQuestion(withoutMarkup(targetText(target)));
  if (text === '') return turn.notice(TEXT.noText);
  const refused = cooled(turn);
  if (refused) return refused;
  await turn.defer(true);
  const { answer, hasMore } = sourcesPage(ctx, text, turn, 0);
  // Remembered so More can search the text again: a button press does not carry the message it was used on.
  const remembered = core.answers.remember(text, answer, scopeOf(i));
  await turn.send(sourcesMessage(ctx, text, answer, { answerId: remembered.id, offset: 0, hasMore }));
}

/** More under a Find sources reply: the next page of passages for the remembered text. */
export async function moreSources(ctx: HandlerContext, turn: Turn, action: { answerId: string; offset: number }): Promise<void> {
  const { core, cooled } = ctx;
  const remembered = core.answers.get(action.answerId);
  if (!remembered) return turn.notice(TEXT.sourcesExpired);
  const refused = cooled(turn);
  if (refused) return refused;
  await turn.defer(true);
  const { answer, hasMore } = sourcesPage(ctx, remembered.question, turn, action.offset);
  if (answer.kind === 'excerpts' && answer.excerpts.length === 0) return turn.edit(TEXT.noMoreSources);
  await turn.send(sourcesMessage(ctx, remembered.question, answer, { answerId: action.answerId, offset: action.offset, hasMore }));
}

/** One page of Find sources, asking one passage more than the page holds to learn whether More has any to show. */
function sourcesPage({ core, pageSize }: HandlerContext, text: string, turn: Turn, offset: number): { answer: Answer; hasMore: boolean } {
  return pageOf(core.findSources(text, { scope: scopeOf(turn.interaction), offset, limit: pageSize + 1 }), pageSize);
}

function sourcesMessage(
  { core, pageSize }: HandlerContext,
  text: string,
  answer: Answer,
  page: { answerId: string; offset: number; hasMore: boolean },
): DiscordMessage[] {
  const title = `Sources for: “${truncate(text, 80)}”`;
  return toDiscordMessage(answer, { stats: core.stats(), title, private: true, sources: true, pageSize, ...page });
}

/**
 * 👍/👎: recorded per answer and user (a second vote replaces the first), answered privately so the
 * answer message stays as it is. No cooldown: a vote is one small write, no search.
 */
export async function vote(ctx: HandlerContext, turn: Turn, answerId: string, choice: 'up' | 'down'): Promise<void> {
  const { core } = ctx;
  try {
    core.answers.feedback(answerId, { platform: 'discord', id: userOf(turn.interaction).id }, choice);
  } catch (error) {
    if (isPinpointError(error) && error.code === 'NOT_FOUND') return turn.notice(TEXT.voteExpired);
    throw error;
  }
  return turn.notice(TEXT.voteThanks);
}

/**
 * Question suggestions while the member types /ask; a failing suggester offers no choices, and so does a
 * keystroke past the member's autocomplete limit (the next allowed one shows choices again).
 */
export async function autocomplete(ctx: HandlerContext, turn: Turn): Promise<void> {
  const { core, logger } = ctx;
  const i = turn.interaction;
  if (!ctx.suggestionAllowed(i)) return turn.ack({ type: RESPONSE.autocomplete, data: { choices: [] } });
  const focused = i.data?.options?.find((o) => o.focused);
  const prefix = firstCharacters(String(focused?.value ?? ''), PINPOINT_DISCORD_LIMITS.questionChars);
  let suggestions: string[] = [];
  try {
    suggestions = core.suggest(prefix, { scope: scopeOf(i), limit: DISCORD_LIMITS.autocompleteChoices });
  } catch (error) {
    logger.warn({ error: describeError(error), interaction: i.id }, 'discord autocomplete failed; offering no choices');
  }
  const seen = new Set<string>();
  const choices = [];
  for (const suggestion of suggestions) {
    const value = choiceText(suggestion);
    if (value.trim() === '' || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: value, value });
    if (choices.length === DISCORD_LIMITS.autocompleteChoices) break;
  }
  await turn.ack({ type: RESPONSE.autocomplete, data: { choices } });
}

/** The buttons under an answer (More, Context, Share, Pin): each works on the remembered question. */
export async function answerButton(
  ctx: HandlerContext,
  turn: Turn,
  action: Extract<ButtonAction, { answerId: string }>,
): Promise<void> {
  const remembered = ctx.core.answers.get(action.answerId);
  if (!remembered) return turn.notice(TEXT.expired);
  if (action.action === 'pin') return pin(ctx, turn, remembered, action.answerId, action.offset);
  if (action.action === 'share') return shareOnce(ctx, turn, () => showPage(ctx, turn, remembered, action));
  await showPage(ctx, turn, remembered, action);
}

/**
 * Share, once per member and answer page: Discord leaves the button of a private answer live, so a double click
 * would post the answer twice. A press that posted nothing (refused, failed) may be made again.
 */
async function shareOnce(ctx: HandlerContext, turn: Turn, share: () => Promise<boolean>): Promise<void> {
  const i = turn.interaction;
  const key = `${userOf(i).id}/${i.data?.custom_id ?? ''}`;
  if (!ctx.shares.first(key)) return turn.notice(TEXT.sharedAlready);
  let posted = false;
  try {
    posted = await share();
  } finally {
    if (!posted) ctx.shares.forget(key);
  }
}

/** More, Context or Share: the page of the remembered question; true when it was posted (Share). */
async function showPage(
  ctx: HandlerContext,
  turn: Turn,
  remembered: { question: string },
  action: Extract<ButtonAction, { answerId: string }>,
): Promise<boolean> {
  const { core, pageSize, cooled, answerPage } = ctx;
  const i = turn.interaction;
  const refused = cooled(turn);
  if (refused) return refused.then(() => false);
  const share = action.action === 'share';
  // Share and Context show again what was asked, as Pin does: no reader's new question, so the metrics do not
  // count it. More asks for the next page, which they count as `more`.
  const how = { again: action.action !== 'more' };
  // Share's deferral is public, so its page is read first: a page the documents no longer hold (they
  // changed since the answer) is said privately instead of being posted empty to the channel.
  const early = share ? answerPage(remembered.question, i, action.offset, how) : undefined;
  if (early && isEmptyPage(early.answer)) return turn.notice(TEXT.noMoreQuotes).then(() => false);
  // Share posts under the presser's name: after a reload the page may quote other passages than they read, which
  // Pin checks too. A page shown before its passages were kept goes unchecked.
  if (early && !quotesPassagesShown(early.answer, core.answers.pagePassageIds(action.answerId, action.offset))) {
    return turn.notice(TEXT.shareChanged).then(() => false);
  }
  await turn.defer(!share);
  const { answer, hasMore } = early ?? answerPage(remembered.question, i, action.offset, how);
  if (isEmptyPage(answer)) return turn.edit(TEXT.noMoreQuotes).then(() => false);
  if (action.action === 'context') {
    const ids = [
      ...(answer.pinned?.excerpts ?? []).map((e) => e.passageId),
      ...(answer.kind === 'excerpts' ? answer.excerpts.map((e) => e.passageId) : []),
    ];
    const found = [...new Set(ids)].map((id) => core.passage(id)).filter((v) => v !== undefined);
    const title = `Context: ${remembered.question}`;
    await turn.send(toPassagesMessage(found, { stats: core.stats(), title }));
    return false;
  }
  // Pin under this page checks the passages it shows now.
  core.answers.rememberPage(action.answerId, action.offset, answer);
  await turn.send(
    toDiscordMessage(answer, {
      stats: core.stats(),
      answerId: action.answerId,
      offset: action.offset,
      pageSize,
      hasMore,
      private: !share,
      inServer: i.guild_id !== undefined,
    }),
  );
  return share;
}

/** A page of an answer with quotes that now has none: the documents changed under an older button. */
function isEmptyPage(answer: Answer): boolean {
  return answer.kind === 'excerpts' && answer.excerpts.length === 0 && answer.pinned === undefined;
}
