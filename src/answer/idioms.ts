/**
 * Everyday idioms a reader puts a question in, said plainly before the question is analysed: their
 * words ("closed", "doors", "bed") are not what the question is about, and the documents say the plain
 * word ("internally", "involved", "paid"). Only whole phrases; everything else stays as typed.
 */
/** The plain words, or what to put for an idiom found at `offset` of `text` (where the words before may tell it is none). */
type Plain = string | ((idiom: string, offset: number, text: string) => string);

const IDIOMS: readonly (readonly [RegExp, Plain])[] = [
  [/\bbehind closed doors\b/gi, 'internally'],
  [/\bmixed up in\b/gi, 'involved in'],
  [/\bin (?:bed (?:together )?|cahoots )with\b/gi, 'in partnership with'],
  [/\bin (?:bed together|cahoots)\b/gi, 'in partnership'],
  // "paid" and "pay" stem apart: each tense keeps its own.
  [/\b(?:cough up|fork (?:over|out)|shell out|pony up)\b/gi, 'pay'],
  [/\b(?:coughed up|forked (?:over|out)|shelled out|ponied up)\b/gi, 'paid'],
  [/\bon the hook for\b/gi, 'liable for'],
  [/\b(?:a|an) leg up\b/gi, 'a boost'],
  [/\bhit (\w+(?: \w+)?) with (?:a |an |that |the |this |such a |such )?(?:\w+ )?(?:penalty|fine)\b/gi, 'fined $1'],
  // A justice who "sat out" a case "took no part" in it, as opinions say.
  [/\b(?:sat|sit|sits|sitting) out\b/gi, 'took no part in'],
  [/\bone[- ]sided\b/gi, 'one-way'],
  [/\bwiggle room\b/gi, 'discretion'],
  [/\bkick(?:s|ed|ing)? in\b/gi, 'apply'],
  [/\btweak(?:s|ed|ing)?\b/gi, 'modify'],
  [/\bmess(?:ed|es|ing)? (?:with|around with)\b/gi, 'modify'],
  // A verb only: "strip the notice", not "the Gaza Strip".
  [/\bstrip(?:s|ped|ping)?(?: out| off| away)?(?= (?:the|a|an|all|any|my|our|your|their|its|it|them|this|that|these|those)\b)/gi, 'remove'],
  // How developers talk about licenses: to "ship" code is to distribute it.
  [/(?<=\b(?:i|we|you|they|to) )ship\b|\bship(?:s|ped|ping)?(?= (?:it|them|my|our|your|their|this|that|only|binaries|code|software)\b)/gi, 'distribute'],
  [/\bclosed[- ]source\b/gi, 'proprietary'],
  [/\bcharge (?:money|cash)\b/gi, 'charge a fee'],
  [/\bfor free\b/gi, 'free of charge'],
  [/\ba fork of\b/gi, 'a modified version of'],
  // Not a court's credit: "credit for time served", "credit toward the sentence", "no credit to his testimony".
  [
    /\b(?:give|gives|giving|gave) (?:\w+ )?credit\b(?! cards?\b| (?:for|towards?|against|on) (?:[\w'’]+ ){0,3}?(?:time|days?|weeks?|months?|years?|sentence|fine|judgment|debt|amount|restitution)\b| to (?:[\w'’]+ ){0,3}?(?:testimony|evidence|account|story|statements?|claims?)\b)/gi,
    'provide attribution',
  ],
  // "sued": "sue" stems apart from it, and alias groups ("plaintiffs", "sued") name the past.
  [/\b(?:take|took|taken|takes|taking) ([^?.,;]{1,30}?) to court\b/gi, 'sued $1'],
  [/\b(?:bring|brought|brings|bringing) (?:the |this |a )?(?:suit|lawsuit|case)\b/gi, 'sued'],
  // The stemmer reads "start" and "started" alike, so one plain form serves every tense.
  [/\b(?:get|got|gets) (?:their|its|his|her|the|our|my) hands on\b/gi, 'access'],
  [/\bkick(?:ed|s)? off\b/gi, 'start'],
  [/\b(?:came|come|comes) to light\b/gi, 'be revealed'],
  [/\bpull(?:ed|s)? the plug on\b/gi, 'end'],
  [/\bturn(?:ed|s)? a blind eye to\b/gi, 'ignore'],
  [/\bstr(?:uck|ike|ikes) a deal\b/gi, 'make an agreement'],
  [/\bpav(?:e|ed|es|ing) the way for\b/gi, 'lead to'],
  // How readers tell what courts and officials did: "jump into the lawsuit" is to intervene in it.
  [/\bjump(?:ed|s|ing)? in(?:to| on)\b/gi, 'intervene in'],
  [/\b(?:sign(?:ed|s|ing)? on to|(?:go|goes|went|gone|going) along with)\b/gi, 'joined'],
  [/\blet ([^?.,;]{1,30}?) out of\b/gi, 'dismissed $1 from'],
  // Where in a text: "at the top of the license" asks what the license says there; "the top of the list" is its first.
  [/\bat the (?:very )?(?:top|bottom|start|beginning) of(?= (?:the|this|that|a|an|its|their|his|her) (?:[\w.'’-]+ ){0,2}(?:license|licence|notice|file|page|document|opinion|order|article|agreement|text|readme)s?\b)/gi, 'in'],
  // "She wasn't buying it", "did the court buy their argument": believe it. Not "did Meta buy it in 2012".
  [/\b(?:buy|buying|buys|bought) (?=(?:the|their|his|her|its) (?:[\w'’-]+ )?(?:argument|claim|excuse|story|explanation|reasoning|theory)s?\b)|(?<=(?:n't|\bnot|\bnever) (?:really )?)(?:buy|buying|buys|bought) (?=(?:it|that|this)\b)/gi, 'believe '],
  // A higher court that "sends a case back" remands it.
  [/\b(?:send|sent|sends|sending) ((?:the |this |that |her |his |their |its )?(?:[\w.'’-]+ ){0,2}?(?:case|suit|lawsuit|matter|it|them)) back\b/gi, 'remanded $1'],
  // Not "put up with" (tolerate), nor money put up ("put up a $10,000 bond", "how much bail did he put up"): documents
  // say that as typed.
  [
    /\b(?:hang|hung|hangs|hanging|put|puts|putting) up\b(?! with\b| (?:a |an |the |his |her |their |its |any |\$?[\d,.]+ )*(?:bond|bail|money|cash|collateral|security|deposit|funds?)\b| \$)/gi,
    (idiom, offset, text) => (MONEY_BEFORE.test(text.slice(0, offset)) ? idiom : 'post'),
  ],
  // To "break" a license or the rules is to violate them; not "break the news" or "a break in the case".
  [/\b(?:break|breaks|breaking|broke|broken) (?=(?:the|a|an|this|that|its|their|your|my|our|any) (?:[\w.-]+ )?(?:license|licence|rules?|terms|agreement|contract|gpl|lgpl|mpl|eula)\b)/gi, 'violate '],
  [/\b(?:bring|brought|brings) ([^?.,;]{1,40}?) to (?:a close|an end|a halt)\b/gi, 'end $1'],
  [/\b(?:came|come|comes) to (?:a close|an end|a halt)\b/gi, 'end'],
];

/** Money named earlier in the sentence: "how much bond did he have to put up?". */
const MONEY_BEFORE = /\b(?:bond|bail|money|cash|collateral|deposit)\b[^?.!]*$/i;

/** Any of them: one pass over a question that holds none (most), instead of one per idiom. */
const ANY_IDIOM = new RegExp(IDIOMS.map(([idiom]) => idiom.source).join('|'), 'i');

/** The question with the idioms above said plainly. */
export function withIdiomsSaidPlainly(question: string): string {
  if (!ANY_IDIOM.test(question)) return question;
  return IDIOMS.reduce((text, [idiom, plain]) => (typeof plain === 'string' ? text.replace(idiom, plain) : text.replace(idiom, plain)), question);
}
