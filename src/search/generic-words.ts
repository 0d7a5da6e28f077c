import { stemWord } from './irregular-forms.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Everyday words people put in questions that rarely name what the question is about ("what did
 * they get to see", "why did they want to read"). When the documents never use one of them, it
 * should not count as evidence that the documents miss the topic: words like "trial", "judge" or
 * "Spotify" should, and they are not in this list. Nor are outcomes ("won", "lost"): "Who won the
 * lawsuit?" asks about winning, and documents that never say who won do not answer it. Words for the
 * documents themselves ("in the article", "according to the docs") and for how they put things ("How
 * does the article describe X?" asks about X) say where to look, not what; so do prepositions and chat
 * words ("the guy behind the suit", "thanks"), and company suffixes ("Energiprojekt AB", "Acme Inc."),
 * whose name before them says which company.
 */
const GENERIC_WORDS = `get got gets getting see saw seen sees want wanted wants make made makes do done happen happened
happens use used uses take took taken give gave given go went gone come came say said says tell told show showed
shown know knew known think thought keep kept keeps send sent sends put find found call called try tried ask asked
need needed feel felt become became leave left mean meant let begin began seem seemed help helped talk talked turn
turned start started run ran move moved like live lived believe held hold bring brought write wrote sit stand
meet met include included continue continued set learn change changed lead led understand watch watched follow
followed stop stopped create created speak spoke read allow allowed add added spend spent grow grew open opened
offer offered remember consider considered appear appeared expect expected stay stayed reach reached remain
remained suggest suggested pass passed require required decide decided deal dealt look looked work worked
people person persons thing things way ways kind kinds type types sort sorts part parts lot lots fact facts point points place
stuff anything something everything someone anyone everyone nothing whole main big new old good bad real true
huge large larger largest small smaller smallest little tiny massive enormous bigger biggest couple few many much bunch very quite pretty literally country countries city cities
ultimately originally exactly basically actually really truly probably possibly likely roughly approximately else supposed suppose regarding concerning
about around back again still ever even end ended happening involved involve involving role
date dates time times year years day days amount number name named called total sum often frequently frequency nationality nationalities citizenship
purpose purposes reason reasons motive motives achieve achieved accomplish accomplished hope hopes hoped hoping
one two three four five six seven eight nine ten eleven twelve several both first second third last
inc llc ltd corp gmbh plc ab
article articles document documents doc docs story stories text texts source sources passage passages
according mention mentioned mentions describe described describes portray portrayed portrays characterize characterized characterizes depict depicted depicts
behind beside besides among amongst across toward towards upon via onto within without throughout beyond
guy guys folks hi thanks okay ok ppl yr yrs amt`.split(/\s+/);

export const GENERIC_TERMS: ReadonlySet<string> = new Set(GENERIC_WORDS.map(stemWord));

/**
 * Each generic word, and each longer stop word ("because", "their"), as typed and with any one letter
 * left out: a typo of one shares a spelling with it.
 */
const TYPO_PRONE_WORDS = [...GENERIC_WORDS, ...[...STOP_WORDS].filter((word) => /^[a-z]{5,}$/.test(word))];
const GENERIC_SPELLINGS: ReadonlySet<string> = new Set(TYPO_PRONE_WORDS.flatMap((word) => [word, ...oneLetterOut(word)]));

function oneLetterOut(word: string): string[] {
  return [...word].map((_, i) => word.slice(0, i) + word.slice(i + 1));
}

/**
 * Whether a word is one slip (a letter added, dropped, changed or two swapped) from a generic word or a
 * stop word: "nmae" is "name", "exacly" is "exactly" and "becuase" is "because", no more evidence of a
 * missing topic than they are.
 */
export function isGenericTypo(word: string): boolean {
  return word.length >= 4 && (GENERIC_SPELLINGS.has(word) || oneLetterOut(word).some((spelling) => GENERIC_SPELLINGS.has(spelling)));
}
