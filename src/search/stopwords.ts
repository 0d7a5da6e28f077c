/**
 * English stop words dropped from indexing and queries: MiniSearch multiplies a passage's score
 * by the number of query terms it matches, so "the" or "did" would otherwise distort the ranking.
 * Negations stay out of the list on purpose ("not", "no", "never") — legal text turns on them. Chat
 * spells "who's" as "whos" and "what did" as "what'd": those are stop words too, as are chat's
 * interjections ("lol", "tbh", "ok"), which say nothing of the topic, and "whose" and "though". So are
 * hedges ("reportedly", "allegedly", "generally"), which say how sure or how general a statement is;
 * "reportedly" would stem to "report", "generally" to the "general" of an attorney general. The plural
 * particles of hyphenated nouns ("write-ins", "add-ons") would stem to stop words ("in", "on") and
 * count as unknown topics.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during
each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers
herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more
most mustn't my myself nor of off on once only or other ought our ours ourselves out over own same shan't
she she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those through to too under until up very was
wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while who who's
whom whose why why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
s t also just really actually ever much many tell me please know though although
reportedly allegedly supposedly purportedly apparently seemingly ostensibly
generally usually typically normally largely mainly mostly primarily particularly especially essentially
whats whens wheres whos hows whys what'd who'd where'd when'd how'd why'd
ins ons outs ups offs
lol lmao tbh ngl omg idk imo btw bruh yo hey pls plz thx rn smth yeah ya gonna wanna kinda sorta lemme ok okay hmm um uh anyway`
    .split(/\s+/)
    .filter(Boolean),
);
