/**
 * Phrases that mean the same thing in court documents, whatever the case: a reader asks about "the
 * majority opinion" or "free speech", the opinion says "the opinion of the Court" and "the First
 * Amendment". Only true equivalents belong here; a pack's own alias groups take precedence over these.
 */
export const LEGAL_ALIASES: readonly (readonly string[])[] = [
  ['majority opinion', 'opinion of the Court', "Court's opinion"],
  ['Supreme Court', 'highest court', 'SCOTUS'],
  ['court of appeals', 'appeals court', 'appellate court'],
  ['free speech', 'freedom of speech', 'First Amendment'],
  ['photo', 'photograph', 'picture', 'snapshot'],
  ['uphold', 'upheld', 'affirm', 'affirmed'],
  ['overturn', 'overturned', 'reverse', 'reversed'],
  ['remand', 'remanded', 'sent back'],
];
