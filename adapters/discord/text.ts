/** Everything the bot says that is not an answer: short, plain, and saying what to do next. */
export const TEXT = {
  apology: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  notModerator:
    'Only moderators can pin answers (the Pin Messages or Manage Messages permission in this channel). Nothing was pinned.',
  notModeratorUnpin: 'Only moderators can unpin answers (the Pin Messages or Manage Messages permission). Nothing was changed.',
  botCannotPin:
    'I cannot pin messages in this channel. Give my role the **Pin Messages** permission here ' +
    '(Server Settings → Roles → my role, or this channel → Edit Channel → Permissions), then press 📌 Pin again.',
  botCannotSee:
    'I cannot see this channel, so I cannot pin here. Give my role the **View Channel** permission here ' +
    '(this channel → Edit Channel → Permissions), then press 📌 Pin again.',
  noBotToken:
    'Pinning needs the bot token: this deployment runs without DISCORD_TOKEN. Ask the operator to set it, then press 📌 Pin again.',
  pinned: '📌 Pinned. From now on /ask with this question (or a close one) shows this answer first.',
  earlierPinLeft:
    'The message pinned earlier for this question is still pinned in its channel; unpin it there if you want it gone.',
  pinnedMessageDeleted: 'That answer message was deleted, so there is nothing to pin. Ask again with /ask and pin the new answer.',
  unpinned: 'Unpinned. /ask no longer shows that answer first.',
  unpinRefused: 'I could not unpin the Discord message itself (I lack Pin Messages there).',
  unpinCannotSee: 'I could not unpin the Discord message itself: I cannot see that channel (my role lacks View Channel there).',
  noLongerPinned: 'That answer is no longer pinned.',
  pinLimit: 'This channel has reached Discord\'s limit of pinned messages. Unpin an old message here, then press 📌 Pin again.',
  guildOnly: 'Pins belong to a server; this works in a server channel, not in direct messages.',
  expired: 'This answer is no longer available. Ask again with /ask.',
  noMoreQuotes: 'The documents changed since this answer, and this page of it has no quotes left. Ask again with /ask.',
  sourcesExpired: 'These sources are no longer available. Use Find sources on the message again.',
  noMoreSources: 'The documents changed since these sources were found, and this page has none left. Use Find sources on the message again.',
  nothingToPin: 'Only an answer with quotes can be pinned; this one has none.',
  answerChanged: 'The documents changed since this answer was given, so nothing was pinned: ask again and pin the new answer.',
  sharedAlready: 'You shared this answer in the channel already, so it was not posted again.',
  shareChanged: 'The documents changed since this answer was given, so nothing was shared: ask again and share the new answer.',
  pinNotSaved: 'Could not save the pin, so nothing was pinned: try again in a moment.',
  emptyQuestion: 'Please type a question, e.g. /ask question: When was the complaint filed?',
  noText: 'That message has no text to check against the documents.',
  notModeratorReport:
    'Only moderators can see the report (the Pin Messages or Manage Messages permission in this channel).',
  guildOnlyReport: 'The report belongs to a server; use /report in a server channel, not in direct messages.',
  voteThanks: 'Thanks — noted.',
  voteExpired: 'This answer is no longer available, so your vote was not recorded. Ask again with /ask.',
  restarting: 'Pinpoint is restarting. Please try again in a moment.',
  restartedBeforeAnswer: 'Pinpoint restarted before this answer was ready. Please ask again in a moment.',
  restartedBeforePin:
    'Pinpoint restarted before this pin was done, so it may not be saved. Press 📌 Pin again in a moment: if the answer is pinned, you get its link.',
  restartedBeforeUnpin: 'Pinpoint restarted while unpinning. Run /pins in a moment to see whether the answer is still pinned.',
  unknown:
    "This command or button is out of date, so I cannot run it. Please let a server admin know that Pinpoint's commands need updating.",
} as const;

/** Pin pressed on an answer page this channel has pinned already: nothing is posted. */
export function alreadyPinnedText(messageUrl: string): string {
  return `📌 This answer is already pinned in this channel: ${messageUrl}. Nothing new was posted.`;
}

/** After Unpin without DISCORD_TOKEN: the pin is gone from Pinpoint, its Discord message is not. */
export function unpinByHandText(messageUrl: string): string {
  return (
    'The message stays pinned on Discord: unpinning it needs the bot token, and this deployment runs without ' +
    `DISCORD_TOKEN. You can unpin it by hand: ${messageUrl} (⋯ → Unpin Message).`
  );
}

/** After Unpin, when Discord failed to unpin the message (an archived thread, an outage): the pin is gone from Pinpoint. */
export function unpinFailedText(messageUrl: string): string {
  return `Discord did not let me unpin the message itself just now. You can unpin it by hand: ${messageUrl} (⋯ → Unpin Message).`;
}

/**
 * Unpin pressed outside the pin's channel: Discord sends the member's permissions in the channel of the
 * press only, so Pin Messages there says nothing about the channel the pin is in.
 */
export function unpinElsewhereText(channelId: string): string {
  return `That answer is pinned in <#${channelId.replace(/\D/g, '')}>. Use /pins in that channel to unpin it: your permissions there decide. Nothing was changed.`;
}

export function cooldownText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You are asking quickly. Please wait ${seconds} s and try again.`;
}
