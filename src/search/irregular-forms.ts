import { stem } from 'porter2';
import { KEPT_APART_TERMS } from './kept-apart.js';

/**
 * Irregular English forms and the word they inflect, which no stemmer joins: past forms of verbs
 * ("wrote", "written" → "write"), so a question about who "wrote" an opinion meets "written by", and
 * plurals of nouns ("children" → "child", "criteria" → "criterion", "amici" → "amicus"). Forms that are also everyday words
 * of another meaning are left out: "found", "left", "saw", "felt", "lay", "rose", "fell", "bore",
 * "ground", "wound", "lit", "bit", "shot", "thought", "fed" (the Fed), "sat" (the SAT), "leaves", "lives",
 * "bases", "axes", "media", "data".
 */
export const IRREGULAR_FORMS = `write wrote written | win won | begin began begun | hold held | teach taught | fight fought |
buy bought | sell sold | tell told | build built | give gave given | take took taken | choose chose chosen |
grow grew grown | drive drove driven | speak spoke spoken | steal stole stolen | break broke broken |
freeze froze frozen | forget forgot forgotten | forbid forbade forbidden | arise arose arisen | rise risen |
fly flew flown | draw drew drawn | throw threw thrown | know knew known | blow blew blown | show shown |
sing sang sung | ring rang rung | swim swam swum | drink drank | sink sank sunk | shrink shrank shrunk |
run ran | come came | become became | eat ate eaten | fall fallen | forgive forgave forgiven | hide hid hidden |
bite bitten | ride rode ridden | shake shook shaken | wake woke woken | wear wore worn | tear tore torn |
swear swore sworn | seek sought | bring brought | catch caught | keep kept | sleep slept | sweep swept |
weep wept | meet met | flee fled | lend lent | send sent | spend spent | bend bent | mean meant | deal dealt |
lead led | lose lost | pay paid | say said | make made | stand stood | understand understood | strike struck |
stick stuck | hang hung | swing swung | dig dug | hear heard | slay slew slain | undertake undertook undertaken |
overcome overcame | withdraw withdrew withdrawn | withhold withheld | uphold upheld | foresee foresaw foreseen |
mislead misled | overtake overtook overtaken | overthrow overthrew overthrown | rebuild rebuilt | rewrite rewrote rewritten |
child children | man men | woman women | foot feet | tooth teeth | mouse mice | goose geese | criterion criteria |
phenomenon phenomena | crisis crises | analysis analyses | thesis theses | hypothesis hypotheses | index indices |
appendix appendices | matrix matrices | vertex vertices | alumnus alumni | fungus fungi | nucleus nuclei |
radius radii | stimulus stimuli | larva larvae | wolf wolves | knife knives | wife wives | half halves |
self selves | shelf shelves | thief thieves | amicus amici | dictum dicta`;

/**
 * Nouns of the action of a verb that Porter2 leaves whole or stems apart ("settlement", "payment",
 * "decision" → "decis" while "decided" → "decid"), so "did they agree to settle?" never met "the
 * settlement agreement" nor "decision date" "Decided June 24, 2013". Read as their verb, plural included.
 * Not those with a meaning of their own: "statement" (state), "judgment" (judge), "government", "discovery",
 * "provision", "procedure", "subscription", "suit".
 */
export const ACTION_NOUNS = `agree agreement | disagree disagreement | argue argument | treat treatment | settle settlement |
move movement | pay payment | require requirement | enforce enforcement | infringe infringement | amend amendment |
punish punishment | employ employment | develop development | improve improvement | replace replacement |
invest investment | commit commitment | announce announcement | establish establishment | involve involvement |
entitle entitlement | decide decision | conclude conclusion | include inclusion | exclude exclusion |
intervene intervention | extend extension | suspend suspension | permit permission | admit admission | omit omission |
submit submission | transmit transmission | describe description | assume assumption | presume presumption |
redeem redemption | compel compulsion | destroy destruction | reduce reduction | introduce introduction |
apply application | deny denial | comply compliance | rely reliance | deceive deception | perceive perception |
consume consumption | expel expulsion | acquire acquisition | disclose disclosure | expose exposure | fail failure |
seize seizure | retain retention | detain detention | deliver delivery | recover recovery | injure injury |
pursue pursuit | compete competition | repeat repetition | define definition | oppose opposition | impose imposition`;

/**
 * Words of one idea that Porter2 stems apart, read as the first of their group: "liable" and "liability" ("liabl",
 * "liabil"), "discrimination" and "discriminatory", "prosecutor" and "prosecutorial", "testify" and "testimony", so
 * "is Meta liable?" meets "liability" and "retaliation" meets "retaliatory conduct".
 */
export const DERIVED_FORMS = `liable liability liabilities | viable viability | discriminate discriminatory |
retaliate retaliatory | defame defamatory | regulate regulatory | statute statutory | prosecutor prosecutorial |
fraud fraudulent fraudulently | compensate compensatory | accuse accusatory | declare declaratory |
explain explanatory explanation explanations | contract contractual contractually | deceive deceptive deceptively |
testify testimony testimonies`;

const BASE_FORM: ReadonlyMap<string, string> = new Map(
  [IRREGULAR_FORMS, DERIVED_FORMS, ACTION_NOUNS.replace(/(\w+) (\w+)/g, (_, verb: string, noun: string) => `${verb} ${noun} ${noun.replace(/y$/, 'ie')}s`)].join('|').split('|').flatMap((group) => {
    const [base, ...forms] = group.trim().split(/\s+/);
    return forms.map((form) => [form, base!] as const);
  }),
);

/**
 * The stem of a lowercase word, an irregular form read as the word it inflects first ("wrote" → "write"), and a word
 * Porter2 would merge with another of a different meaning as a term of its own ("authority" apart from "author").
 */
export function stemWord(word: string): string {
  return KEPT_APART_TERMS.get(word) ?? stem(BASE_FORM.get(word) ?? word);
}
