import { QUESTION_OPENING_WORDS } from './question-text.js';

/**
 * The words a chat message wraps a question in: a greeting to the bot ("hey pinpoint,"), a preamble
 * ("quick question:", "does anyone know", "i was wondering if", "can you tell me") and a sign-off
 * ("asking for a friend", "just curious", "thanks"). They say nothing of the topic, and as words the
 * documents never use they would count against the question. Only whole phrases at the start or the
 * end; everything else stays as typed.
 */

// What may follow a preamble that is also an everyday word ("quick", "curious", "help"): a question
// word, a verb or a pronoun opening the question itself. "Curious George" or "help desk hours" stay.
const QUESTION_OPENING = String.raw`(?=(?:${QUESTION_OPENING_WORDS}|will|would|should|if|whether|i|you|we|they|he|she|it|this|that|the)\b)`;
const PUNCTUATION = String.raw`[\s,.:;!?-]`;

// Whom a greeting is put to: "hey all", "morning team", "hi pinpoint".
const AUDIENCE = "(?:pinpoint|bot|there|all|everyone|everybody|folks|guys|team|people|friends|y'?all)";
// What ends a greeting: "hey, …", "hey — …" (a dash as chat and phones type it), not the hyphen of "hi-res".
const GREETING_END = String.raw`(?:[\s,.:;!?—–]|-(?![a-z]))+`;

const GREETING = [
  // Typed drawn out as often as not: "hiii", "heyyy", "hellooo". Not "hi-res".
  String.raw`(?:hey+|hi+|hel+o+|yo+|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening))(?:\s+${AUDIENCE})?${GREETING_END}`,
  // "gm," and "morning all!": only with a mark or an audience after them, as "GM recall" and "morning session" are topics.
  String.raw`(?:gm|morning|afternoon|evening)(?:\s+${AUDIENCE}${GREETING_END}|[,.:;!?—–]${GREETING_END}?)`,
  // The bot addressed by name: "@Pinpoint who …", "ok pinpoint, how much …"; not "pinpoint citation format?".
  String.raw`(?:(?:ok|okay|so)\s+)?@?(?:pinpoint|bot)\b(?:\s*[,.:;!?-]+\s*|\s+${QUESTION_OPENING})`,
  // With the "@" it is a mention whatever follows: "@Pinpoint hey how many …".
  String.raw`@(?:pinpoint|bot)\b[\s,.:;!?-]*`,
].join('|');
// "question", "I have a question", "one more question", "got a follow-up question": a question announced.
const ASKER_QUESTION = String.raw`(?:(?:i\s+(?:have|had|got)|i'?ve\s+got|got|here'?s)\s+)?(?:(?:a|one|another|my)\s+)?(?:(?:more|other|last|genuine|general|legit|follow[- ]?up|small)\s+)*(?:question|qn)`;
const PREAMBLES = [
  // "quick question:", "dumb q -", "real quick,"
  String.raw`(?:quick|random|dumb|stupid|silly|serious|honest|simple|noob|newbie)\s+(?:question|q|qn)\b${PUNCTUATION}*(?:but\b${PUNCTUATION}*)?`,
  // "sorry if this was asked already,", "sry late to this -": an apology for asking, up to its comma.
  String.raw`(?:sorry|sry|soz)\b(?:[^,.:;!?]{0,40}[,.:;!?]+|\s+${QUESTION_OPENING})\s*`,
  String.raw`(?:real|really|super)\s+quick${PUNCTUATION}+`,
  String.raw`(?:question|q)\s*:\s*`,
  // "I have a question:", "one more question -", "genuine question,", "question for you:": only with the mark after
  // it, as "question presented" is a topic.
  String.raw`${ASKER_QUESTION}(?:\s+for\s+(?:you|pinpoint|the\s+bot|y'?all|everyone|all))?\s*[:,.!—–-]+\s*`,
  String.raw`my\s+question\s+is\b[\s,:—–-]*`,
  // "can I ask who …", "may I ask you something: …"; not "can I ask questions here?"
  String.raw`(?:(?:can|could|may|might)\s+i|let\s+me)\s+ask(?:\s+(?:you|something|a\s+question))*(?:\s*[,:—–-]+\s*|\s+${QUESTION_OPENING})`,
  // "yes or no: did …", "y/n - did …": the shape of the answer wanted, not its topic.
  String.raw`(?:yes\s+or\s+no|yes/no|y/n)\s*[,.:;!?-]+\s*`,
  // "question about the case:", "briefly,", "eli5": how to answer, not what about. A topic of its own stays: "question
  // about the settlement: how much?" asks how much the settlement was.
  String.raw`(?:(?:a|one|my)\s+)?question\s+(?:about|on|re|regarding)\s+(?:(?:the|this)\s+(?:case|lawsuit|suit|litigation|article|documents?|opinion|order|ruling|decision)\s*:\s*)?`,
  String.raw`(?:briefly|in short|in brief|in a nutshell|eli5|tl;?dr)\b${PUNCTUATION}*`,
  String.raw`(?:(?:i\s+was|i'?m|i\s+am|just)\s+)?(?:wondering|curious)(?:\s+(?:about|as\s+to))?${PUNCTUATION}*${QUESTION_OPENING}`,
  String.raw`(?:(?:does|do)\s+(?:anyone|anybody|someone|somebody|you|y'?all)|anyone|anybody)\s+know\b${PUNCTUATION}*`,
  String.raw`any\s+ideas?\b${PUNCTUATION}*`,
  String.raw`(?:(?:can|could|would|will)\s+(?:someone|somebody|anyone|anybody|you)\s+)?(?:please\s+|pls\s+|plz\s+)?(?:tell|remind|explain\s+to)\s+me\b${PUNCTUATION}*(?=\S)`,
  String.raw`(?:help\s+me\s+understand|i(?:\s+(?:want|wanna|need|would\s+(?:like|love))|'?d\s+(?:like|love))\s+to\s+know)\b${PUNCTUATION}*`,
  `help${PUNCTUATION}+${QUESTION_OPENING}`,
  // "asking for a friend: …" says who asks, as it does after the question.
  String.raw`asking\s+for\s+a\s+friend\b(?!['’])${PUNCTUATION}*`,
];
// "i was wondering if netflix read dms": the "if" belongs to the preamble.
// "ok", "so", "lol" before a preamble or the question: "ok dumb q but …", "lol what …"; "nvm, …" and "fyi" as chat
// opens a new question.
const INTERJECTION = `(?:ok|okay|so|alright|um+|uh+|hm+|lol|lmao|nvm|nevermind|never mind|fyi|btw|anyways?)${GREETING_END}`;
const OPENING = new RegExp(String.raw`^\s*(?:${GREETING}|${INTERJECTION})*(?:(?:${PREAMBLES.join('|')})(?:(?:if|whether)\s+)?)?`, 'i');

// A sign-off after the question, or several ("asking for a friend lol", "thx in advance!! cheers"). Not "anyone"
// or "please" alone, which may end the question itself.
// Thanks may be put to the bot or to all: "thanks pinpoint!", "cheers all".
const SIGN_OFF_PHRASE = `asking for a friend|just (?:curious|wondering|asking)|(?:i'?m|i am) (?:curious|wondering)|(?:(?:thanks|thx|thnx|thank you|ty)(?: (?:so much|very much|a lot|a bunch|a ton))?(?: in advance)?|tysm|tia|cheers)(?: ${AUDIENCE})?|any help (?:is |would be )?appreciated|(?:much|greatly) appreciated|appreciate it|(?:(?:does|do) )?(?:anyone|anybody|someone|somebody) know|lol|lmao|haha+|xd`;
// The bot addressed after the question: "who sued meta, pinpoint?", "… @Pinpoint".
const ADDRESSED = String.raw`\s*(?:@|,\s*)(?:pinpoint|bot)\b`;
// In brackets too, as an aside: "(asking for a friend)", "(thanks!)".
const SIGN_OFF = new RegExp(String.raw`(?:(?:[\s,.;:!?(-]*\b(?:${SIGN_OFF_PHRASE})|${ADDRESSED})[\s.!?]*\)?)+[\s.!?]*$`, 'i');

/** The question without the greeting, preamble and sign-off a chat message wraps it in. */
export function withoutChatFrame(question: string): string {
  // Read with straight apostrophes, as phones type "I’m curious" curly; the words kept are as typed (same length).
  const straight = question.replace(/[’ʼ]/g, "'");
  const start = OPENING.exec(straight)?.[0].length ?? 0;
  const end = start + (SIGN_OFF.exec(straight.slice(start))?.index ?? straight.length - start);
  const unwrapped = question.slice(start, end);
  // A message that is nothing but its frame ("thanks!") is left as typed.
  return /\p{L}/u.test(unwrapped) ? unwrapped : question;
}
