/**
 * Everyday idioms a reader puts a question in, said plainly before the question is analysed: their
 * words ("closed", "doors", "bed") are not what the question is about, and the documents say the plain
 * word ("internally", "involved", "paid"). Only whole phrases; everything else stays as typed.
 */
const IDIOMS: readonly (readonly [RegExp, string])[] = [
  [/\bbehind closed doors\b/giu, 'internally'],
  [/\bmixed up in\b/giu, 'involved in'],
  [/\bin bed (?:together )?with\b/giu, 'in partnership with'],
  [/\bin bed together\b/giu, 'in partnership'],
  [/\bin cahoots with\b/giu, 'in partnership with'],
  [/\bin cahoots\b/giu, 'in partnership'],
  // "paid" and "pay" stem apart: each tense keeps its own.
  [/\b(?:cough up|fork (?:over|out)|shell out|pony up)\b/giu, 'pay'],
  [/\b(?:coughed up|forked (?:over|out)|shelled out|ponied up)\b/giu, 'paid'],
  [/\bon the hook for\b/giu, 'liable for'],
  // "sued": "sue" stems apart from it, and alias groups ("plaintiffs", "sued") name the past.
  [/\b(?:take|took|taken|takes|taking) ([^?.,;]{1,30}?) to court\b/giu, 'sued $1'],
  // The stemmer reads "start" and "started" alike, so one plain form serves every tense.
  [/\b(?:get|got|gets) (?:their|its|his|her|the|our|my) hands on\b/giu, 'access'],
  [/\bkick(?:ed|s)? off\b/giu, 'start'],
  [/\b(?:came|come|comes) to light\b/giu, 'be revealed'],
  [/\bpull(?:ed|s)? the plug on\b/giu, 'end'],
  [/\bturn(?:ed|s)? a blind eye to\b/giu, 'ignore'],
  [/\bstr(?:uck|ike|ikes) a deal\b/giu, 'make an agreement'],
  [/\bpav(?:e|ed|es|ing) the way for\b/giu, 'lead to'],
  // How readers tell what courts and officials did: "jump into the lawsuit" is to intervene in it.
  [/\bjump(?:ed|s|ing)? in(?:to)?\b/giu, 'intervene in'],
  [/\b(?:sign(?:ed|s|ing)? on to|(?:go|goes|went|gone|going) along with)\b/giu, 'joined'],
  [/\blet ([^?.,;]{1,30}?) out of\b/giu, 'dismissed $1 from'],
  [/\b(?:hang|hung|hangs|hanging|put|puts|putting) up\b/giu, 'post'],
  [/\b(?:bring|brought|brings) ([^?.,;]{1,40}?) to (?:a close|an end|a halt)\b/giu, 'end $1'],
  [/\b(?:came|come|comes) to (?:a close|an end|a halt)\b/giu, 'end'],
];

/** The question with the idioms above said plainly. */
export function withIdiomsSaidPlainly(question: string): string {
  return IDIOMS.reduce((text, [idiom, plain]) => text.replace(idiom, plain), question);
}
