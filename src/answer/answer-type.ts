import { isEnglishWord } from '../search/english-words.js';
import { STOP_WORDS } from '../search/stopwords.js';

/** What kind of thing a question asks for, read from its wh-words. */
export type AnswerType = 'definition' | 'meaning' | 'docket' | 'citation' | 'statute' | 'case' | 'court' | 'author' | 'requester' | 'subject' | 'role' | 'person' | 'date' | 'duration' | 'frequency' | 'nationality' | 'purpose' | 'view' | 'number' | 'place' | 'which' | 'any';

/**
 * "Which party …?", "What kind of lawsuit …?", terse "type of lawsuit": the noun the question picks one
 * of, and the word after it (for "What German ruler …"). Letters only: the noun goes into a pattern.
 */
const WHICH_NOUN = /(?:\b(?:what|which)\s+(?:(?:kind|type|sort|form)s?\s+of\s+)?|^\W*(?:kind|type|sort)s?\s+of\s+)(\p{L}+)(?:\s+(\p{L}+))?/iu;
/** "lawsuit type", "case kind": the terse way to ask which kind. */
const TERSE_KIND = /^\W*(\p{L}+)\s+(?:type|kind|sort)\W*$/iu;
/** "What kind of case …?" asks which kind, not for a case's name: it is read as a "which" question. */
const NOT_KIND_OF = String.raw`(?!(?:kind|type|sort|form)s? of\b)`;
/** Not right after "the" or "a" and up to three words ("the student", "a candidate", "the limits on"), or after "people". */
const NOT_AFTER_A_NOUN = String.raw`(?<!\b(?:a|an|the|this|that|those|these|any|every|each|some|people|someone|anyone|everyone|persons|person|man|woman|men|women)(?:\s+[\p{L}'’-]+){0,3}\s+)`;
/** "In what year", "which century", "on what date": the kind of time a question asks for. */
export const TIME_ASKED_FOR = /\b(?:what|which)\s+(?:year|date|day|month|decade|century|time)s?\b/gi;
/** "define …", "the meaning of", "what counts as", "which licenses count as": asking what a term means. */
const DEFINE_WORDS = String.raw`^\W*define\b|\b(?:definition|meaning) of\b|\b(?:what|which [\w-]+) counts? as\b`;
/** "How does the GPL define …?", "how is it defined": the "how" that opens it. */
const HOW_DEFINED_OPENING = String.raw`\bhow (?:does|do|did|is|are|was|were)\b[^?]{1,60}`;
/**
 * "define …", "how does it define …", "the meaning of", "what counts as", "what does X stand for": asking
 * for a definition, not topic words ("stand" would match "standing").
 */
// The look-behinds come after the word they qualify: before it, one would be tried at every position of the question.
export const MEANING_ASKED_FOR = new RegExp(
  String.raw`${DEFINE_WORDS}|\bstands? for\b(?<=\bwhat (?:does|do|did)\b[^?]{1,40}\bstands? for)|\bdefined?\b(?<=${HOW_DEFINED_OPENING}\bdefined?)`,
  'gi',
);
const TYPE_PATTERNS: [AnswerType, RegExp][] = [
  // "What does PAI stand for?", "What is the SBOE?": case-sensitive, an acronym is in capitals.
  ['definition', /\b[Ww]hat (does|do|did|is|are) (an? |the )?\p{Lu}{2,6}\b( (stand for|mean)\b|\s*\?*$)/u],
  ['docket', /\b((case|docket|file|civil action) (number|no\.?)|docket)\b/i],
  // "fisher 5th circuit opinion cite", "What is the citation of the district court's opinion?": where it is
  // reported. Not "what reason did they cite", nor a news reporter.
  ['citation', /\bcitations?\b|\b(?:opinion|case|decision|reporter|official|the|its|a|full)\s+cite\b|\bcite\W*$/i],
  // Not a program's "source code" or "object code".
  ['statute', /\b((which|what) ((?!(?:do|does|did|is|are|was|were)\b)\w+ ){0,2}(statute|provision|section|rule|regulation|(?<!\b(?:source|object|machine|binary|program|computer|sample) )code|subsection|clause)s?\b|\bcodified\b)/i],
  // "Which Michigan district court case …?", "Which old Kentucky high court case …?", not "Which court is the
  // case in?", "Which court heard the case?" or "What happened in the case?".
  ['case', new RegExp(String.raw`\b(which|what) ${NOT_KIND_OF}((?!(did|does|do|was|were|is|are|has|had|will|would|can|happen\w*)\b|court\b(?! (?:case|decision|precedent)s?\b))[\w-]+ ){0,4}(case|decision|precedent)s?\b(?! (number|no\.))`, 'i')],
  // "Which court", "what other state's top court", not "what did the court …".
  ['court', new RegExp(String.raw`\b(which|what) ${NOT_KIND_OF}((?!(did|does|do|was|were|is|are|has|had|will|would|can|the|a|an)\b)[\w'’-]+ ){0,3}court\b`, 'i')],
  // "How long …?", "how much time …?": answered by a span of time or a length ("approximately 45 seconds", "since 1967", "6,400 km").
  ['duration', /\bhow (?:long|much time)\b/i],
  // "How often …?", "report frequency": answered by "bi-weekly", "every two weeks", "twice a year".
  ['frequency', /\b(how (often|frequently)|frequency)\b/i],
  // "What nationality is Hoesung Lee?": answered by "Korean", "US citizens".
  ['nationality', /\b(nationality|nationalities|citizenship)\b/i],
  // "Why would Netflix want to read chats?", "How come …?", "For what purpose …?", "… wat for": answered by what it was
  // done for ("to tailor its content offerings", "in order to", "because").
  ['purpose', /\bwhy\b|\bhow come\b|\b(?:for )?what (?:purpose|reason|end)\b|\bwhat for\W*$|\b(?:hop(?:e|es|ed|ing)|want(?:s|ed)?|trying|tried|seek(?:s|ing)?|aim(?:s|ed|ing)?) to (?:gain|achieve|accomplish|get out of)\b|\b(?:goal|aim|purpose|point|motive) (?:of|behind)\b|\bwant(?:s|ed)? to do with\b|\b(?:use|used|using)\b[^?]{0,60}\bfor\W*$/i],
  // "Who wrote the majority opinion?", "OAG 18-011 author", "who is the judge in …", "who dissented": the author of a
  // filing, named where filings name them ("JUSTICE KENNEDY delivered the opinion", "Written by: …",
  // "OSTEEN, JR., District Judge"). Not a probate judge, whom an opinion answers.
  [
    'author',
    /\bwho (?:is|was) the (?:(?!probate\b)[\w-]+ )?judge\b(?! of (?:probate|elections?)\b)|\bwho (?:else )?(?:dissented|dissents|concurred|concurs)\b|\bwho signed(?: (?:it|this|that|off))?\s*\??\s*$|\b(?:who|which (?:[\w-]+ ){0,2}(?:judge|justice|attorney|lawyer|official|AG))\b[^?]{0,120}\b(?:wrote|written|write|writes|authored|delivered|penned|signed)\b[^?]{0,120}\b(?:opinion|order|memorandum|decision|ruling|dissent|concurrence|letter|OAG|AGO)s?\b|\b(?:opinion|order|memorandum|decision|ruling|dissent|OAG|AGO)\b[^?]{0,120}\b(?:author|written by|authored by)\b|\bauthor of\b[^?]{0,120}\b(?:opinion|order|memorandum|decision|ruling|dissent|concurrence|letter|OAG|AGO)s?\b/i,
  ],
  // "Who requested OAG 18-011?", "OAG 18-011 requested by": the official an opinion answers, named in its
  // header ("Requested by: Hon. Alison Lundergan Grimes", "Honorable Michael Armstead").
  ['requester', /\b(?:who|which (?:[\w-]+ ){0,3}(?:judge|official|officer|person|clerk|lawmaker|legislator|senator|representative|attorney|county|city|office|board))\b[^?]{0,120}\b(?:requested|asked for|sought)\b[^?]{0,120}\b(?:opinion|OAG|AGO)\b|\b(?:opinion|OAG|AGO)\b[^?]{0,120}\brequested by\b/i],
  // "What is the subject of OAG 18-011?", "AGO 2015-059 topic?": answered by the line a letter or an
  // opinion states it on ("Subject: Whether elections officers may provide …", "Re: …").
  ['subject', /\bthe (?:subject|topic) of\b|(?<!\b(?:a|an|data)\s)\b(?:subject|topic)\W*$/i],
  // "hastings role at netflix", "what was Freeman's job?": answered by the office or title someone holds
  // ("Netflix co-founder Reed Hastings", "Wake County District Attorney").
  ['role', /\b(?:role|job) (?:at|in|with|on|of)\b|\b(?:role|job)\W*$|['’]s (?:role|job)\b/i],
  // "What's a covered work?", "what is object code", "define contributor", "what does propagate mean",
  // 'what is the "Original Code"' (quoted: a term, not a thing); not "what is meta accused of":
  // answered where the documents define the term ('A "covered work" means …', '"Contributor" shall
  // mean …'). After the kinds a term may name ("what is the case number", "what is section 5").
  [
    'meaning',
    new RegExp(
      String.raw`${DEFINE_WORDS}|${HOW_DEFINED_OPENING}\bdefined?\b|\bwhat (?:does|do) ["“']?\p{L}[\p{L}\s'’-]{0,40}["”']? mean\b|\bwhat (?:is|are) (?![^?]*\b(?:of|for|by|with|about|to|from|on|at|into)\W*$)(?:an? )?["“']?(?!(?:the|this|that|these|those|it|he|she|they|his|her|their|its|my|your|our)\b)\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,2}["”']?(?:\s+(?:in|under|per|according to)\s+[^?]{1,40})?\W*$|\bwhat (?:is|are) the ["“][^"”?]{1,40}["”]`,
      'iu',
    ),
  ],
  ['number', /\b(how (much|many|long|old|far|big|large)|what (percentage|percent|amount|number|fine|sum|price|size)|what (?:did|does|do|will|would) (?:[\w'’-]+ ){1,3}(?:pay|spend|charge|owe|cost)\b|how much money|what(?: is|'s| was|s) the (?:maximum|minimum|max|min|total))\b/i],
  // "When …?", "how and when …", not the "when" of a clause after another question word ("Who was
  // president when the law passed?", "What did she do when the poll worker came?") or about the asker
  // ("do I need the notice when I redistribute?").
  ['date', new RegExp(String.raw`^(?:(?!\b(?:what|who|whom|whose|which|how|why|where)\b)[^])*?\bwhen\b(?!\s+(?:i|i'm|you|we)\b)|\b(?:and|or|&)\s+when\b|${TIME_ASKED_FOR.source}|\bdates?\b`, 'i')],
  // "Which district judge …", "which State Board official …": a role, with up to three words before it.
  // A terse office, "Limestone County probate judge in 2015?", "netflix ceo", asks who held it.
  // Not "who" after a noun ("a candidate who fails", "the limits on who may deliver"): that "who" opens a
  // clause about the noun, and the question asks what its first word asks.
  [
    'person',
    new RegExp(
      String.raw`\b(?=who)${NOT_AFTER_A_NOUN}(?:who|whom|whose)\b|\b(?:which (?:[\w-]+ ){0,3}?(?:person|company|firm|people|judge|justice|lawyer|attorney|official|officer|investigator|employee)s?\b(?!['’])|what (?:is|was|are|were) the (?:full )?names? of)\b|^(?![^?]*\b(?:what|who|whom|whose|which|how|why|where|when|is|are|was|were|do|does|did|can|could|should|will|would)\b)[^?]{0,80}\b(?:judge|justice|attorney general|AG|secretary of state|governor|ceo|president|chair(?:man|woman)?|superintendent|clerk|sheriff|lawyer|counsel|mayor|commissioner)s?(?:\s+(?:in|as of|at the time)\b[^?]{0,20})?\W*$`,
      'iu',
    ),
  ],
  ['place', /\b(where|what (country|city|state|place|court)|which (country|city|state))\b/i],
  // "What do some believe the Treaty assisted in?", "What did the IPCC say …?": answered by a quote that
  // reports a view ("is often cited as", "believed", "suggest"). After the kinds that say more: "when
  // did he say …" asks for a date, "who said …" for a name. After a possessive, "which" or "what" the word is a
  // noun ("the plaintiffs' claims", "her views", "which claims survived").
  ['view', /(?<!(?:['’]s?|\b(?:his|her|their|its|our|your|which|what))\s)\b(?:believe|believed|believes|think|thinks|thought|argue|argued|argues|claim|claimed|claims|say|said|says|contend|contended|contends|view|views)\b/i],
  // "Which party is strongest …?", "What kind of lawsuit is it?": answered by the word in front of the
  // noun, "the Liberal Party", "a class-action lawsuit". Last: "what year" or "which court" say more.
  ['which', WHICH_NOUN],
  ['which', TERSE_KIND],
];

let answerTypeWordList: readonly string[] | undefined;

/**
 * The words the kinds above are read from ("opinion", "wrote", "statute", "nationality"), for fixing their
 * typos before a question is read: "who wrote the opinon?" asks for an author too. Worked out on first use:
 * the English word list it reads is loaded when the bot starts, not when this module is imported.
 */
export function answerTypeWords(): readonly string[] {
  answerTypeWordList ??= [...new Set(TYPE_PATTERNS.flatMap(([, pattern]) => pattern.source.replace(/\\[a-z]/g, ' ').toLowerCase().match(/[a-z]{4,}/g) ?? []))].filter(isEnglishWord);
  return answerTypeWordList;
}

// "When UT said it wanted X, what did it call that?": a clause that sets the scene, then the question.
const LEADING_CLAUSE = /^\s*(?:when|if|after|before|since|while|once|as)\b[^?,]*,\s*(?=(?:what|who|whom|whose|which|where|how|why)\b)/i;

export function expectedAnswerType(question: string): AnswerType {
  // Chat drops the apostrophe: "whens the hearing", "whos the judge"; "what's" is read as "what is".
  const spelled = question.replace(/\b(what|when|where|who|how|why)(?:['’]?s)\b/gi, '$1 is').replace(LEADING_CLAUSE, '');
  const type = TYPE_PATTERNS.find(([, pattern]) => pattern.test(spelled))?.[0] ?? 'any';
  return type === 'which' && !nounAskedAbout(spelled) ? 'any' : type;
}

/**
 * Answers recognised by their shape ("§ 163-166.3(c)", "Hopwood v. Texas", "No. 11–345", "the Fifth
 * Circuit", "JUSTICE KENNEDY delivered the opinion", "Requested by: Hon. …"): text holding one is far
 * likelier to answer than text that only repeats more of the question's words, unlike text that merely
 * holds some name or number.
 */
const SHAPED_TYPES: ReadonlySet<AnswerType> = new Set(['meaning', 'statute', 'case', 'docket', 'citation', 'court', 'author', 'requester', 'subject']);

export function isShapedType(type: AnswerType): boolean {
  return SHAPED_TYPES.has(type);
}

const MONTH = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
const YEAR = /\b(?:1[0-9]\d\d|20\d\d)s?\b(?!-\d{1,3}\b)/;
// "12/06/22", and "2023-04-20" as front matter and logs write a date (a year alone before "-04" names a docket, "No. 2018-046").
const SLASH_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b(?:1[6-9]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/;
// "A one-way street", "two-sided", "a one-off" count nothing.
const NUMBER = /[$€£]\s?\d|\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|none|zero)\b(?!-(?:way|sided|off|on-one|stop)\b)/i;
// "§ 1983", "42 U.S.C.", "Section 208", "Rule 12(b)(6)", "KRS 117.235", "163-166.3(c)".
const STATUTE = /§|\bU\.\s?S\.\s?C\.|\b(Section|Rule|Article|Title)\s+\d|\b[A-Z]{2,5}\s+\d+[.\d]*|\b\d+-\d+(\.\d+)*(\([a-z0-9]+\))?/;
// A docket number: "3:20-cv-08570-JD", "1:20CV457", "No. 11–345", "Case No. 24-1".
const DOCKET = /\b\d{1,2}:\d{2}[-–]?[a-z]{2,4}[-–]?\d{2,6}|\bNos?\.\s?\d{1,4}[-–]\d{1,6}\b/i;
// Where an opinion or a statute is reported: "631 F. 3d 213", "590 F.Supp.3d 850", "570 U. S. ____", "52 U.S.C. § 10508".
const REPORTER_CITATION =
  /\b\d{1,4}\s+(?:U\.\s?S\.(?!\s?C)|S\.\s?Ct\.|L\.\s?Ed\.|F\.(?:\s?Supp\.)?|S\.\s?W\.|So\.|N\.\s?[EW]\.|S\.\s?E\.|P\.|A\.)\s?(?:2d|3d|4th)?,?\s+(?:\d+|_{2,})|\b\d+\s+U\.\s?S\.\s?C\.\s*§+\s*\d+/;
// A court's name: "Supreme Court", "Court of Appeals", "Fifth Circuit", "Western District of Texas".
const COURT = /\b(?:Supreme|District|Circuit|Superior|Bankruptcy|Chancery|Appellate|High|Trial|Federal|County|Tax|Claims)\s+Court\b|\bCourt of\s+(?:the\s+)?\p{Lu}|\b\p{Lu}[\p{L}.]*\s+Circuit\b|\bDistrict of\s+\p{Lu}/u;
// A case name: "Hopwood v. Texas", "Gratz v. Bollinger".
const CASE_NAME = /\b\p{Lu}[\p{L}.'’&-]*(?:\s\p{Lu}[\p{L}.'’&-]*)*\s+v\.\s+\p{Lu}/u;
// An acronym in brackets after what it stands for: '("PAI")', '(MATs)', '(CNRI, see https://…)'.
const ACRONYM_IN_PARENTHESES = /\(\s*[“"]?(\p{Lu}{2,6})s?[”"]?\s*[),;]/gu;
const CAPITALISED_WORD = /\p{Lu}[\p{L}'’-]*/gu;
const WORD = /\p{L}[\p{L}'’-]*/gu;
const FREQUENCY = /\b(?:(?:bi-?|semi-?)?(?:hourly|daily|weekly|monthly|quarterly|annually|yearly|nightly)|fortnightly|biennially|every\s+(?:\w+\s+)?(?:hour|day|week|month|quarter|year|decade|time)s?|(?:once|twice|\w+\s+times)\s+(?:a|an|per|each|every)\s+\w+|per\s+(?:hour|day|week|month|year|annum)|each\s+(?:day|week|month|year)|regularly|periodically|routinely)\b/i;
// What something is done for: a purpose clause ("to tailor its content", "in order to"), or a reason ("because").
const PURPOSE =
  /\b(?:because|due to|owing to|as a result of|in order to|so as to|so that|in an effort to|for the purpose of|(?:aim(?:s|ed|ing)?|seek(?:s|ing)?|sought|intend(?:s|ed)?|meant) to|the reason)\b|\bto\s+(?!(?:the|a|an|its|their|his|her|our|your|my|this|that|these|those|them|him|us|me|it|be|all|any|each|every|some|no|one|more|date)\b)\p{Ll}{3,}\b(?<!s)(?!\s+(?:of|for|and)\b)/u;
const VIEW =
  /\b(?:said|says|say|stated|states|argue[sd]?|argu(?:ing|ment)|contend\w*|maintain\w*|insist\w*|claim\w*|believ\w*|thinks?|thought|suggest\w*|cited as|regarded as|considered|viewed as|held that|holds that|concluded|according to|in (?:his|her|their|its) view)\b/i;
const NATIONALITY = /\b(?:citizens?|nationals?)\b|\b\p{Lu}\p{Ll}+(?:an|ese|ish|ch|i)\b/u;
// Where a filing names its author: "KENNEDY, J., delivered the opinion", "Written by : Marc G. Farris",
// "OSTEEN, JR., District Judge", "JUSTICE GINSBURG, dissenting", "Marc G. Farris, Assistant Attorney General",
// "STEVE MARSHALL Attorney General".
const AUTHOR_LINE = new RegExp(
  [
    String.raw`\bdelivered the opinion\b`,
    String.raw`\b[Ww]ritten by\b`,
    String.raw`\b(?:District|Circuit|Magistrate|Chief|Senior|Bankruptcy) Judge\b`,
    String.raw`\bJUSTICE \p{Lu}{2,},? (?:dissenting|concurring)\b`,
    String.raw`\b\p{Lu}{2,},? (?:C\. )?J\., (?:filed|dissenting|concurring)\b`,
    String.raw`\b\p{Lu}\p{Ll}+(?: \p{Lu}\.)? \p{Lu}\p{Ll}+, (?:Assistant |Deputy )?Attorney General\b`,
    String.raw`\b(?!OF\b|THE\b)\p{Lu}{2,}(?: \p{Lu}\.)? (?!OF\b|THE\b)\p{Lu}{2,},? (?:Assistant |Deputy )?Attorney General\b`,
  ].join('|'),
  'u',
);
// A span of time or a length: "approximately 45 seconds", "twelve (12) months" (as contracts write it), "since 1967",
// "at most 25 words".
const DURATION =
  /(?:\b\d[\d,.]*(?:\s*[-–]\s*\d[\d,.]*)?|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|thousand|million|several|few|many)\b(?:\s*\(\d+\))?)[\s-]+(?:(?:more|additional|full)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century|millennia|nights?|generations?|km|kilometres?|kilometers?|miles?|metres?|meters?|feet|foot|yards?|inches|words|characters|pages|lines)\b|\b(?:decade|year|month|week|day|hour|century)-long\b|\bsince\s+(?:\p{Lu}\p{Ll}+\s+(?:\d{1,2},\s+)?)?\d{4}\b|\b(?:from|between)\s+\d{4}\s*(?:to|until|through|and|[-–])\s*\d{4}\b/iu;
const DURATION_GLOBAL = new RegExp(DURATION.source, 'giu');
const SUBJECT_LINE = /(?:^|\n)[^\S\n]*(?:Subject|SUBJECT|Re|RE)[^\S\n]*:/;
const ROLE = /\b(?:co-?founder|founder|CEO|chief executive|chair(?:man|woman|person)?|president|vice president|director|board member|member of the board|executive|officer|mogul|owner|partner|judge|justice|attorney|counsel|lawyer|secretary|commissioner|clerk|superintendent|governor|senator|representative|professor|dean|spokes(?:man|woman|person))s?\b/i;
const REQUESTER_LINE = /\bRequested by\b|\b(?:Hon\.|Honorable)\s+\p{Lu}/u;
const NUMBER_GLOBAL = new RegExp(NUMBER.source, 'gi');
// Names in Latin, Greek and Cyrillic script, spelled out rather than as \p{Lu} and \p{L}: V8 compiles a
// regular expression again after garbage collections have dropped its code, and one over all of
// Unicode's letters took 3–5 ms to compile (a first "who …?" question after a while paid some 15 ms).
const UPPER = String.raw`A-Z\u00C0-\u00D6\u00D8-\u00DE\u0391-\u03A9\u0400-\u042F`;
const LETTER = String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF\u1E00-\u1EFF`;
// "\b" before the capital as the pattern always had it: only an ASCII capital starts a word after a non-letter.
const CAPITALISED = new RegExp(String.raw`(?<!^|[.!?]\s)\b[A-Z][${LETTER}'’-]+`, 'g');

/** True when the text holds something of the expected type that the question itself does not. */
export function offersAnswerType(text: string, type: AnswerType, questionWords: QuestionWords): boolean {
  const pattern = SHAPE_OF_KIND[type];
  if (pattern) return pattern.test(text);
  switch (type) {
    case 'date':
      return YEAR.test(text) || MONTH.test(text) || SLASH_DATE.test(text);
    case 'definition':
      return definesAcronym(text, questionWords);
    case 'meaning':
      // "what is cnri": an acronym means what it stands for.
      return definesTerm(text, questionWords) || definesAcronym(text, questionWords);
    case 'number':
      return [...text.matchAll(NUMBER_GLOBAL)].some((match) => !questionWords.has(match[0].toLowerCase()));
    case 'person':
      return personNameStarts(text, questionWords).length > 0;
    case 'place':
      return [...text.matchAll(CAPITALISED)].some((match) => !questionWords.has(match[0].toLowerCase()));
    case 'which':
      return qualifierStarts(text, questionWords).length > 0;
    default:
      return false;
  }
}

/** The kinds one pattern recognises in text, whatever the question's own words. */
const SHAPE_OF_KIND: Partial<Record<AnswerType, RegExp>> = {
  duration: DURATION,
  frequency: FREQUENCY,
  purpose: PURPOSE,
  view: VIEW,
  nationality: NATIONALITY,
  docket: DOCKET,
  citation: REPORTER_CITATION,
  court: COURT,
  statute: STATUTE,
  case: CASE_NAME,
  author: AUTHOR_LINE,
  requester: REQUESTER_LINE,
  subject: SUBJECT_LINE,
  role: ROLE,
};

/** Words in front of a noun that count or compare it but do not say which one: "two different teams". */
const NOT_A_KIND = /^(?:different|other|another|several|various|multiple|many|numerous|same|certain|each|every|both|all|some|any|such|own|few|more|most|less|fewer|new|old|first|second|third|last|next|previous|former|latter|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?)$/;

// The word in front of a noun, and the space between them.
const WORD_BEFORE = /([\p{L}\d%'’-]+)\s+$/u;
// A name right after a noun: "defendant Jackson", "CEO Satya Nadella", "the Battle of Dalan Balzhut".
const NAME_AFTER = /^\s+(?:of\s+(?:the\s+)?)?(\p{Lu}[\p{L}'’-]+)/u;

/**
 * Where a word picks out the noun a "which X" question names: "class-action" in "a class-action lawsuit",
 * or a name after it, "Jackson" in "defendant Jackson".
 */
function qualifierStarts(text: string, questionWords: QuestionWords): number[] {
  if (!questionWords.qualifiedNoun) return [];
  const starts: number[] = [];
  for (const match of text.matchAll(questionWords.qualifiedNoun)) {
    const end = match.index + match[0].length;
    const name = NAME_AFTER.exec(text.slice(end, end + 40));
    if (name && !questionWords.has(name[1]!.toLowerCase())) {
      starts.push(end + name[0].length - name[1]!.length);
      continue;
    }
    const before = WORD_BEFORE.exec(text.slice(Math.max(0, match.index - 40), match.index));
    if (!before) continue;
    const modifier = before[1]!.toLowerCase();
    if (!STOP_WORDS.has(modifier) && !questionWords.has(modifier) && !NOT_A_KIND.test(modifier)) starts.push(match.index - before[0].length);
  }
  return starts;
}

// Numbers that name rather than count: a docket, bill, section, count, exhibit or paragraph number, a
// year, the day of a date, a reporter citation ("539 U. S. 306"). "How many …?" is not answered by
// "SB 683", "in 2020" or "on June 11"; nor by a footnote's marker ("[1]", "n. 4") or a list's or
// subsection's number ("KRS 117.265(2), (3)"), unless it repeats a number word ("two (2) officers").
const LABEL_NUMBER = new RegExp(
  [
    String.raw`\[\d{1,3}\]|(?<!(?:one|wo|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s)\(\d{1,3}\)|\bnn?\.\s?\d+`,
    String.raw`(?:\b(?:Nos?\.|Sections?|Rule|Article|Title|Chapter|Counts?|SB|HB|[HS]\.\s?B\.|Bill|KRS|Docket|Doc\.|Case|OAG|ECF|Exhibit|Ex\.|Id\.)\s*|§+\s*)\d[\w.:()–-]*`,
    String.raw`(?:${DOCKET.source})\S*`,
    String.raw`\b(?:1[6-9]\d\d|20\d\d)\b`,
    String.raw`¶+\s*\d[\d,–-]*`,
    String.raw`(?:${MONTH.source})\.?\s+\d{1,2}\b`,
    String.raw`\b\d+\s+(?:U\.\s?S\.|F\.|S\.\s?Ct\.|N\.C\.|F\.\s?Supp\.)[^;,)]*`,
  ].join('|'),
  'gi',
);

/** True when the text holds a count the question does not: a number that is not a label, a year or a citation. */
export function offersCount(text: string, questionWords: QuestionWords): boolean {
  return offersAnswerType(text.replace(LABEL_NUMBER, ' '), 'number', questionWords);
}

// '"Contributor" shall mean', 'To "propagate" a work means', 'A "Transparent" copy of the Document means': a
// quoted term, then the definition.
const QUOTED_TERM_DEFINED = /["“‘']([^"”’'\n]{1,60})["”’'](?:\s+[\p{L}-]+){0,5}?\s+(?:means|shall mean|refers to|is defined as)\b/gu;
// 'A "User Product" is either', '1.5. "Executable" is': a quoted term opening a sentence or a numbered
// clause. Not 'A copy that is not "Transparent" is called "Opaque"', which defines another term.
const QUOTED_TERM_OPENS_DEFINITION = /(?<=(?:^|[.;:]\s+|\d\.\s+|\(\w\)\s+)(?:(?:An?|The)\s+)?)["“‘']([^"”’'\n]{1,60})["”’']\s+(?:is|are|includes|shall include)\b/gu;
// 'Licensor means …' opening a sentence, 'the term Work refers to': the word right before the definition.
const TERM_DEFINED = /(?:^|[.;:]\s+|\b(?:term|word|phrase)\s+)(\p{L}[\p{L}-]*)\s+(?:means|shall mean|refers to|is defined as)\b/gu;

/** Whether the text defines a term the question names (each word of it, singular or plural). */
function definesTerm(text: string, questionWords: QuestionWords): boolean {
  const named = (word: string) => {
    const lower = word.toLowerCase();
    return questionWords.has(lower) || questionWords.has(`${lower}s`) || questionWords.has(lower.replace(/s$/, ''));
  };
  for (const pattern of [QUOTED_TERM_DEFINED, QUOTED_TERM_OPENS_DEFINITION, TERM_DEFINED]) {
    for (const match of text.matchAll(pattern)) {
      const words = match[1]!.split(/[\s-]+/).filter((word) => word.length > 2 && !STOP_WORDS.has(word.toLowerCase()));
      if (words.length > 0 && words.every(named)) return true;
    }
  }
  return false;
}

/** True when the text spells out an acronym the question asks about: 'Personal Achievement Index” (PAI)'. */
function definesAcronym(text: string, questionWords: QuestionWords): boolean {
  for (const match of text.matchAll(ACRONYM_IN_PARENTHESES)) {
    const acronym = match[1]!;
    if (!questionWords.has(acronym.toLowerCase())) continue;
    const before = text.slice(Math.max(0, match.index - 160), match.index);
    const capitalised = before.match(CAPITALISED_WORD) ?? [];
    if (capitalised.slice(-acronym.length).map((word) => word[0]).join('') === acronym) return true;
    // "multipartisan assistance teams ("MATs")": the words right before it, whatever their case.
    const words = before.match(WORD) ?? [];
    if (words.slice(-acronym.length).map((word) => word[0]!.toUpperCase()).join('') === acronym) return true;
  }
  return false;
}

// Three or more capitalised words in a row, "of", "the" and the like allowed between them: "League of
// Women Voters of North Carolina".
const CAPITALISED_RUN = new RegExp(String.raw`[${UPPER}][${LETTER}'’-]*(?:\s+(?:(?:of|the|and|for|de|von|van)\s+)*[${UPPER}][${LETTER}'’-]*){2,}`, 'g');

/**
 * Where the text names someone the question does not: a capitalised word that is not everyday English
 * ("Kennedy", "Qwest") or that stands in a longer name ("League of Women Voters"). "Court", "Appeals"
 * or "University" alone name no one, and legal text capitalises them everywhere.
 */
function personNameStarts(text: string, questionWords: QuestionWords): number[] {
  let runs: RegExpExecArray[] | undefined;
  const starts: number[] = [];
  for (const match of text.matchAll(CAPITALISED)) {
    const word = match[0].toLowerCase();
    if (questionWords.has(word)) continue;
    if (!isEnglishWord(word)) starts.push(match.index);
    else {
      runs ??= [...text.matchAll(CAPITALISED_RUN)];
      if (runs.some((run) => run.index <= match.index && match.index < run.index + run[0].length)) starts.push(match.index);
    }
  }
  return starts;
}

const DATE_GLOBAL = new RegExp(`${YEAR.source}|${MONTH.source}|${SLASH_DATE.source}`, 'g');
const EVIDENCE: Partial<Record<AnswerType, RegExp>> = { number: NUMBER_GLOBAL, date: DATE_GLOBAL, duration: DURATION_GLOBAL, place: CAPITALISED };

/**
 * Where in the text a number, date or name of the kind asked for starts (one the question does not
 * hold); undefined for the kinds found by shape alone (statutes, dockets, courts, definitions).
 */
export function answerTypeStarts(text: string, type: AnswerType, questionWords: QuestionWords): number[] | undefined {
  if (type === 'person') return personNameStarts(text, questionWords);
  if (type === 'which') return qualifierStarts(text, questionWords);
  const pattern = EVIDENCE[type];
  if (!pattern) return undefined;
  const starts: number[] = [];
  for (const match of text.matchAll(pattern)) if (!questionWords.has(match[0].toLowerCase())) starts.push(match.index);
  return starts;
}

/** What a question asks for: the kind of answer, and its own words. Worked out once per answer. */
export interface QuestionReading {
  type: AnswerType;
  words: QuestionWords;
}

export function readQuestion(question: string): QuestionReading {
  return { type: expectedAnswerType(question), words: questionWordSet(question) };
}

/** The question's words, lowercased; for "which X", also a pattern that finds X. */
export interface QuestionWords extends ReadonlySet<string> {
  /** The noun the question picks one of ("which party"), singular or plural. */
  readonly qualifiedNoun?: RegExp;
}

export function questionWordSet(question: string): QuestionWords {
  const words = new Set(question.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? []);
  const noun = nounAskedAbout(question);
  if (!noun) return words;
  // Compiled once per question: the picker tries it on every sentence of the top passages.
  const singular = noun.replace(/e?s$/, '');
  return Object.assign(words, { qualifiedNoun: new RegExp(`\\b${singular}(?:e?s)?\\b`, 'giu') });
}

/** "Which party …" → party; "What German ruler …" → ruler (a capitalised word first qualifies the next); "What is …" → none. */
function nounAskedAbout(question: string): string | undefined {
  const terse = TERSE_KIND.exec(question)?.[1];
  if (terse && !STOP_WORDS.has(terse.toLowerCase())) return terse.toLowerCase();
  const [, first, next] = WHICH_NOUN.exec(question) ?? [];
  if (!first || STOP_WORDS.has(first.toLowerCase())) return undefined;
  return (next && /^\p{Lu}/u.test(first) && !STOP_WORDS.has(next.toLowerCase()) ? next : first).toLowerCase();
}

const PRESENT_QUESTION = /\b(still|currently|anymore|any longer|nowadays|presently)\b/i;
const PRESENT_EVIDENCE = /\b(still|current|currently|now|today|remains?|continues?|ongoing|presently|nowadays|as of)\b/gi;

/** "Is he still on the board?", "Who currently leads …?": the question asks how things stand now. */
export function asksAboutPresent(question: string): boolean {
  return PRESENT_QUESTION.test(question);
}

/**
 * Whether the text says something holds at the time it was written ("remains lawful", "is currently").
 * A word the question itself uses, other than the
 * "still" it asks with, is what the text was found by, not evidence: "the ongoing challenges
 * tech companies face" does not say that the case asked about "is still ongoing".
 */
export function speaksOfPresent(text: string, questionWords: ReadonlySet<string>): boolean {
  for (const [word] of text.matchAll(PRESENT_EVIDENCE)) if (PRESENT_QUESTION.test(word) || !questionWords.has(word.toLowerCase())) return true;
  return false;
}
