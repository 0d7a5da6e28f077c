import type { Analyzer } from '../search/analyzer.js';
import { STOP_WORDS } from '../search/stopwords.js';
import { type AnswerType, asksAboutPresent, expectedAnswerType, offersAnswerType, offersCount, questionWordSet, speaksOfPresent } from './answer-type.js';

/** "How did Netflix respond to the allegations?", "Has Meta issued a statement?": asks what a party said back. */
const RESPONSE_QUESTION =
  /\b(?:respond|responds|responded|react|reacts|reacted|reply|replies|replied|comment|commented|deny|denies|denied)\b(?! (?:by|in|that|whether)\b)|\b(?:issued?|made?|gave|give|any|official|public)\s+(?:an?\s+|any\s+)?(?:response|reaction|reply|statement|comment|denial)\b|\b(?:his|her|its|their|[\p{L}]+['’]s)\s+(?:response|reaction|reply|statement|denial)\b/iu;
/** How a text reports what someone said back. */
const REPORTED_SPEECH =
  /\b(?:said|says|say|stated|states|statement|respond\w*|response|repl(?:y|ied|ies)|react\w*|told|comment\w*|den(?:y|ies|ied|ial)|spokes\w+|declined to|argue[sd]?|contend\w*|maintain\w*|insist\w*)\b/i;

/**
 * "How did the Fifth Circuit rule on remand?", "Did the Board adopt it after this opinion?", "After OAG
 * 18-011, did the Board adopt a regulation?", "what did the Fifth Circuit decide when it reconsidered the
 * case after the Court sent it back?", "did the Board ever adopt the regulation the Attorney General
 * recommended?": asks what came after an opinion, which only a text telling of later events answers. An
 * opinion's own "the case is remanded" or "we recommend" says what was to come, not what came.
 */
const AFTERMATH_QUESTION =
  /\b(?:on remand|after (?:the|this|that|its) (?:[\w-]+ )?(?:opinion|decision|ruling|recommendation|order|judgment)|after (?:OAG|AGO) \d+|after (?:the |this |that |its )?(?:[\w.-]+ ){0,3}(?:remanded|recommended)|when it reconsidered|ever (?:adopt|adopted|follow|followed|implement|implemented|act on|acted on))\b/i;
/** "Did the Board adopt …?", "how did the court rule …?": asks what happened; "how much time do we have to answer after this order?" asks what the order sets. */
const ASKS_OF_THE_PAST = /\b(?:did|was|were|ever)\b/i;
const TELLS_AFTERMATH = /\b(?:on remand|subsequently|thereafter|later|afterwards?|after|since|following|ended up|eventually|ultimately|again)\b/i;

/** "What is the name of Hutchins's wife / the nursing home?": the thing whose name is asked for. */
const NAME_OF = /\bname of (?:the |(?:(?:\p{L}+ ){0,3}\p{L}+['’]s?|his|her|their|its) )((?:[\p{L}-]+ ){0,2}[\p{L}-]+)/iu;

/** Capitalised words that name no one: citation signals and the pronoun "I". */
const NOT_A_NAME: ReadonlySet<string> = new Set(['Id', 'Ibid', 'See', 'Doc', 'I']);
/** How many words either side of a thing its name may stand ("their castle: Afranji", "Satyagraha"). */
const NAME_REACH = 6;

/**
 * Whether the quote tells of the thing only as one of its kind ("lives in a nursing home", "with the
 * assistance of his wife"), with no name within a few words of it: it says there is one, not what it is
 * called. A mention with "the" ("the binary alphabet") has picked one out, which may be the answer,
 * unless it only points back to the unnamed one ("a poll worker approached … the poll worker").
 */
function mentionsUnnamed(question: string, quote: string): boolean {
  const phrase = NAME_OF.exec(question)?.[1];
  if (!phrase) return false;
  const words = phrase.toLowerCase().split(' ');
  const end = words.findIndex((word) => STOP_WORDS.has(word));
  const noun = (end === -1 ? words : words.slice(0, end)).at(-1)?.replace(/s$/, '');
  if (!noun) return false;
  const isNoun = new RegExp(String.raw`^\W*${noun}s?\b`, 'iu');
  const asked = new Set(question.toLowerCase().match(/\p{L}+/gu) ?? []);
  const tokens = quote.split(/\s+/);
  let unnamed = false;
  for (let i = 0; i < tokens.length; i++) {
    if (!isNoun.test(tokens[i]!)) continue;
    const before = [tokens[i - 1] ?? '', tokens[i - 2] ?? ''];
    if (before.some((word) => /^the$/i.test(word))) {
      if (unnamed && pointsBack(before, asked)) continue;
      return false;
    }
    if (!before.some((word) => /^(?:an?|his|her|their|its)$/i.test(word))) continue;
    if (namesNear(tokens, i, asked)) return false;
    unnamed = true;
  }
  return unnamed;
}

/** "the worker", "the poll worker": "the" with nothing before the noun the question does not say, unlike "the binary alphabet". */
function pointsBack([wordBefore]: readonly string[], asked: ReadonlySet<string>): boolean {
  const modifier = wordBefore!.toLowerCase().replace(/\W+/g, '');
  return modifier === 'the' || asked.has(modifier);
}

/** Whether a capitalised word the question does not hold stands within NAME_REACH words of token `at`, not opening a sentence. */
function namesNear(tokens: readonly string[], at: number, asked: ReadonlySet<string>): boolean {
  for (let j = Math.max(0, at - NAME_REACH); j <= Math.min(tokens.length - 1, at + NAME_REACH); j++) {
    const word = tokens[j]!.replace(/^\W+|\W+$/g, '');
    if (j === at || !/^\p{Lu}/u.test(word) || NOT_A_NAME.has(word) || asked.has(word.toLowerCase())) continue;
    // A quote's first word opens a sentence too.
    if (j === 0 || /[.!?]\W*$/.test(tokens[j - 1]!)) continue;
    return true;
  }
  return false;
}

/** A question that asks yes or no, not what, when or who: "Did Hastings leave the board?". */
const YES_NO_QUESTION = /^\W*(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)\b/i;
const OPPOSITE_EVENTS: readonly (readonly [RegExp, RegExp])[] = [
  [/\b(?:join|joins|joined|joining)\b/i, /\b(?:leave|leaves|left|leaving|quit|quits|resign|resigns|resigned|depart|departs|departed|step(?:s|ped)? down)\b/i],
  [/\b(?:hire|hires|hired)\b/i, /\b(?:fire|fires|fired|dismiss|dismissed|lay off|laid off)\b/i],
  [/\b(?:buy|buys|bought|acquire|acquired)\b/i, /\b(?:sell|sells|sold)\b/i],
  [/\b(?:born)\b/i, /\b(?:die|dies|died|death)\b/i],
];

/**
 * "When did Hastings leave the board?" is not answered by "Hastings joined the board": a quote that tells
 * the opposite event, and not the one asked about, answers another question.
 */
function tellsOppositeEvent(question: string, quote: string): boolean {
  if (YES_NO_QUESTION.test(question)) return false;
  return OPPOSITE_EVENTS.some(
    ([one, other]) => (one.test(question) && !other.test(question) && other.test(quote) && !one.test(quote)) || (other.test(question) && !one.test(question) && one.test(quote) && !other.test(quote)),
  );
}

/**
 * How far a quote falls short of what its question asks for, whatever else it matches: `weak` (a
 * "when" answer without a date) costs confidence, `decisive` makes the answer no-match.
 */
export type Shortfall = 'none' | 'weak' | 'decisive';

/** "How many …?" asks for a count. */
const COUNT_QUESTION = /\bhow many\b/i;
/** "What year …?", "what date …?", "settlement date?" ask for a date, which a quote with none does not give ("Meta settled for $725 million"). */
const DATE_ASKED = /\b(?:what|which) years?\b|\bdates?\b/i;
/**
 * "When was GPL version 2 published?", "when were the bylaws adopted?": asks the date of a single act, which a
 * text gives as a date; "When did the glacial end?" may be answered "~11,600 BP", "shortly after he joined".
 */
const DATED_ACT_QUESTION =
  /\bwhen (?:was|were) (?:[\p{L}\d'’.-]+ ){1,8}?(?:released|published|founded|established|born|signed|enacted|passed|issued|filed|adopted|created|launched|introduced|approved|ratified|decided|announced|incorporated)\b/iu;
/** "How old …?" asks for an age, which a text gives with its unit ("at age 39", "515 million years"). */
const AGE_QUESTION = /\bhow old\b/i;
const AGE_WORD = /\b(?:age|aged|ages|years?|year-old|months?|old)\b/i;
/** "How much did Meta pay …?", "What fine …?", "how much did facebook make?": asks for a sum of money, which a text gives with its currency. */
const MONEY_QUESTION =
  /\bhow much\b.*\b(?:pay|paid|cost|costs|fine|fined|spend|spent|worth|price|money|damages|award|awarded|fee|fees|charge|charged|earn|earned|settle|settled|settlement)\b|\bwhat (?:fine|price|sum)\b|\bhow much (?:did|does|do|will|would|could|can|has|have|had)\s+(?:[\p{L}'’-]+\s+){1,3}(?:make|makes|made|get|gets|got|receive|receives|received|lose|loses|lost|owe|owes|owed|gain|gains|gained|pocket|pocketed)\b/iu;
/** "What is the deadline to file the declaration?": asks by when. */
const DEADLINE_QUESTION = /\bdeadlines?\b/i;
/** A time limit as a text sets one: "no later than 5 p.m.", "not later than", "within seven days", "by the second Friday". */
const TIME_LIMIT = /\b(?:not? later than|prior to|by|before|within|until)\b[^.]{0,40}?(?:\d|\b(?:noon|midnight|day|week|month|year)s?\b)|\d\s?[ap]\.m\./i;
/** "What is Monet Gaines's phone number?", "the clerk's email address", "her Twitter handle": asks how to reach someone. */
const CONTACT_QUESTION = /\b(?:phone|telephone|fax|cell) (?:number|no\.?)|\be-?mail address|\bweb(?:site)? address\b|\b(?:postal|mailing|street|physical|office|home) address\b|\b(?:twitter|instagram|tiktok|social media|account) (?:handle|name)\b|\buser ?name\b/i;
/** A phone number, an email address, a handle ("@hogarth"), a web address or a street address ("51 Franklin Street", "P.O. Box 12") as a text writes it. */
const CONTACT = /\b\d+\s+(?:[\p{Lu}][\p{L}.'’-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Way|Place|Square|Plaza)|\bP\.?\s?O\.?\s+Box\b|\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b|[\w.+-]*@[\w-]+(?:\.[\w.]+)?|\bhttps?:\/\/|\bwww\.|\b[\w-]+\.(?:com|org|gov|net|edu)\b/iu;
/** A sum of money as a text writes it: "$725 million", "€265", "40 dollars". */
const MONEY_AMOUNT = /[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|[mbk]n?)\b)?|\b\d[\d,.]*\s?(?:million |billion |thousand )?(?:dollars?|euros?|pounds|cents?|USD|EUR|GBP)\b/gi;
const MONEY = /[$€£¥]|\b(?:dollars?|euros?|pounds|cents?|USD|EUR|GBP|percent)\b|%/i;
/**
 * "Which Python versions are supported?", "in which release will it be removed?", "what version number …?": asks
 * for a version, which a text gives as one ("3.8", "version 4", "v2") or by a rule ("you may follow any version").
 */
const VERSION_QUESTION = /\b(?:which|what)\s+(?:[\p{L}.-]+\s+){0,3}?(?:versions?|releases?)\b|\bversion numbers?\b/iu;
const VERSION = /\b\d+(?:\.\d+)+\b|\bv\d+\b|\b(?:version|release)\s+\d|\b(?:any|every|either|the latest|the current|the most recent)\s+(?:later\s+)?(?:versions?|releases?)\b/i;
/** "Who signed the agreement on behalf of NVIDIA?": asks for a name, which "the parties signed it" does not give. */
const SIGNER_QUESTION = /\bwho\s+signed\b/i;

/** "How do I join …?", "How can we stop …?": asks for a way to do something, which its verb names. */
const METHOD_QUESTION = /^\s*how (?:do|does|can|could|should|would|might|may|must) (?:i|we|you|one)\s+([\p{L}'’-]+)/iu;

/** "Can I join the lawsuit?", "am I part of it?", "should I …", "do we have to credit zlib?": asks what the asker may, must or can do. */
const ASKS_ABOUT_ASKER = /\b(?:can|could|may|should)\s+(?:i|we)\b|\bam\s+i\b|\b(?:do|does|must|should)\s+(?:i|we)\s+(?:have|need)\s+to\b|\b(?:i|we)\s+(?:can|could|may|have to|need to)\b/i;
/** A text that speaks to its reader ("you may"), to anyone ("any person obtaining a copy") or sets a rule ("must", "are permitted"). */
const SPEAKS_TO_READER = /\b(?:you|your|yours|yourself|any person|anyone|anybody|whoever|licensee|recipient|must|shall|may|permitted|permission|entitled to|eligible|required to|obliged to|allowed to)\b/i;

/**
 * A quote that lacks what its question asks for does not answer it:
 * - "What is the case number?", "Which court …?": a docket number, a court's name;
 * - "How many …?": a count (a year, "SB 683" or "€265 million" is no count); "How old …?": an age;
 * - "What year …?", "When was it published?": a date;
 * - "Who wrote the order?", "Who requested the opinion?": the line naming its author or its requester;
 * - "How much did they pay?": a sum with its currency;
 * - "What is her phone number?", "… email address?", "… postal address?": a phone number or an address, not "please contact her";
 * - "Which version …?": a version number, or a rule ("any version"); "Who signed …?": a name;
 * - "When was version 3 released?": that version, not only another ("Version 2.1, February 1999");
 * - "What is the deadline to file …?": a date, a time or a span ("within seven days"), not the duty alone;
 * - "Is he still …?": something said of the present, not only the past;
 * - "How do I join …?": the verb (or an alias of it): a quote naming the class action does not say how
 *   to join it. A verb the analyzer drops (a stop word) sets no condition.
 * - "How did Netflix respond?": a reported reply, not the allegation itself;
 * - "When did he leave the board?": not only the opposite event ("he joined the board");
 * - "How did the court rule on remand?": a later event, not the remand or a recommendation;
 * - "What is the name of his wife?": a name, not just "his wife".
 * - "Can I join the lawsuit?", "Do I have to credit zlib?": a text speaking to its reader or setting a rule,
 *   not "Hastings joined Facebook's board".
 * "How much …?", "When …?" or "How often …?" answered with no number, date or frequency is only weak.
 */
export function quoteShortfall(question: string, quote: string, analyzer: Analyzer): Shortfall {
  if (asksAboutPresent(question) && !speaksOfPresent(quote, questionWordSet(question))) return 'decisive';
  if (MONEY_QUESTION.test(question) && !MONEY.test(quote)) return 'decisive';
  if (CONTACT_QUESTION.test(question) && !CONTACT.test(quote)) return 'decisive';
  if (DEADLINE_QUESTION.test(question) && !setsTimeLimit(quote)) return 'decisive';
  if (missesMethodVerb(question, quote, analyzer) || tellsOppositeEvent(question, quote)) return 'decisive';
  if (RESPONSE_QUESTION.test(question) && !REPORTED_SPEECH.test(quote)) return 'decisive';
  if (AFTERMATH_QUESTION.test(question) && ASKS_OF_THE_PAST.test(question) && !TELLS_AFTERMATH.test(quote)) return 'decisive';
  if (mentionsUnnamed(question, quote)) return 'decisive';
  if (VERSION_QUESTION.test(question) && !VERSION.test(quote)) return 'decisive';
  if (SIGNER_QUESTION.test(question) && !namesSomeone(quote, question)) return 'decisive';
  if (namesOtherVersion(question, quote)) return 'decisive';
  if (ASKS_ABOUT_ASKER.test(question) && !SPEAKS_TO_READER.test(quote)) return 'decisive';
  const type = expectedAnswerType(question);
  const aging = type === 'number' && AGE_QUESTION.test(question);
  const counting = (type === 'number' && COUNT_QUESTION.test(question)) || aging;
  const shortfall: Shortfall = type === 'docket' || type === 'court' || asksOnlyWho(question, type) || counting || (type === 'date' && asksForDate(question)) ? 'decisive' : type === 'number' || type === 'date' || type === 'frequency' ? 'weak' : 'none';
  if (shortfall === 'none') return 'none';
  if (aging && !AGE_WORD.test(quote)) return shortfall;
  const words = questionWordSet(question);
  // "How many users …?" is not answered by "a €265 million fine", unless it asks how many dollars.
  const countable = counting && !MONEY.test(question) ? quote.replace(MONEY_AMOUNT, ' ') : quote;
  return (counting ? offersCount(countable, words) : offersAnswerType(quote, type, words)) ? 'none' : shortfall;
}

/** The first question word: "what did the complaint say, and who signed it?" asks "what" first. */
const FIRST_QUESTION_WORD = /\b(?:what|when|where|why|how|who|whom|whose|which)\b/i;
const WHO_WORDS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'which']);

/**
 * "Which judge signed the order?", "OAG 18-011 written by?": asks only who wrote or requested a filing,
 * which its author's or requester's line answers. A question asking "what" first is answered in part by the rest.
 */
function asksOnlyWho(question: string, type: AnswerType): boolean {
  if (type !== 'author' && type !== 'requester') return false;
  const first = FIRST_QUESTION_WORD.exec(question)?.[0].toLowerCase();
  return first === undefined || WHO_WORDS.has(first);
}

/** "What year …?", "When was it published?": a question only a date answers. */
export function asksForDate(question: string): boolean {
  return DATE_ASKED.test(question) || DATED_ACT_QUESTION.test(question);
}

const VERSION_NAMED = /\b(?:version|v\.?|release)\s*(\d+(?:\.\d+)*)\b/gi;

/** "When was version 3 released?" is not answered by "Version 2.1, February 1999": the quote names another version only. */
function namesOtherVersion(question: string, quote: string): boolean {
  const asked = new Set([...question.matchAll(VERSION_NAMED)].map((match) => match[1]!));
  if (asked.size === 0) return false;
  const named = [...quote.matchAll(VERSION_NAMED)].map((match) => match[1]!);
  return named.length > 0 && !named.some((version) => asked.has(version));
}

/** Whether the quote names a person, or is the line naming who wrote a filing ("LUTHER STRANGE, Attorney General."). */
function namesSomeone(quote: string, question: string): boolean {
  return offersAnswerType(quote, 'author', NO_QUESTION_WORDS) || offersAnswerType(quote, 'person', questionWordSet(question));
}

/** Dates and spans of time are found by their shape alone: the question's words play no part. */
const NO_QUESTION_WORDS: ReadonlySet<string> = new Set();

/** Whether the quote gives a time limit, a date or a span of time. */
function setsTimeLimit(quote: string): boolean {
  return TIME_LIMIT.test(quote) || offersAnswerType(quote, 'date', NO_QUESTION_WORDS) || offersAnswerType(quote, 'duration', NO_QUESTION_WORDS);
}

function missesMethodVerb(question: string, quote: string, analyzer: Analyzer): boolean {
  const verb = METHOD_QUESTION.exec(question)?.[1];
  const verbTerms = verb ? analyzer.terms(verb) : [];
  return verbTerms.length > 0 && !analyzer.terms(quote).some((term) => verbTerms.includes(term));
}
