import { stem } from 'porter2';

/**
 * Past forms of irregular English verbs and their base form ("wrote", "written" → "write"), which no
 * stemmer joins: a question asks who "wrote" an opinion that the document says was "written by" someone.
 * Forms that are also everyday words of another meaning are left out: "found", "left", "saw", "felt",
 * "lay", "rose", "fell", "bore", "ground", "wound", "lit", "bit", "shot", "thought", "fed" (the Fed) and
 * "sat" (the SAT).
 */
const FORMS = `write wrote written | win won | begin began begun | hold held | teach taught | fight fought |
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
mislead misled | overtake overtook overtaken | overthrow overthrew overthrown | rebuild rebuilt | rewrite rewrote rewritten`;

const BASE_FORM: ReadonlyMap<string, string> = new Map(
  FORMS.split('|').flatMap((group) => {
    const [base, ...past] = group.trim().split(/\s+/);
    return past.map((form) => [form, base!] as const);
  }),
);

/** The stem of a lowercase word, an irregular past form read as its base form first ("wrote" → "write"). */
export function stemWord(word: string): string {
  return stem(BASE_FORM.get(word) ?? word);
}
