/**
 * Phrases that mean the same thing in court documents, whatever the case: a reader asks about "the
 * majority opinion" or "free speech", the opinion says "the opinion of the Court" and "the First
 * Amendment". Only true equivalents belong here; a pack's own alias groups take precedence over these.
 */
export const LEGAL_ALIASES: readonly (readonly string[])[] = [
  ['majority opinion', 'opinion of the Court', "Court's opinion"],
  // A Supreme Court opinion says who wrote it as "KENNEDY, J., delivered the opinion of the Court".
  ['wrote the opinion', 'wrote the majority opinion', 'authored the opinion', 'delivered the opinion'],
  ['U.S.', 'United States', 'USA', 'United States of America'],
  ['Supreme Court', 'highest court', 'SCOTUS'],
  ['court of appeals', 'appeals court', 'appellate court'],
  ['free speech', 'freedom of speech', 'First Amendment'],
  ['photo', 'photograph', 'picture', 'snapshot'],
  // Readers ask whom a voter may "pick"; statutes speak of a person of the voter's "choice".
  ['choose', 'chose', 'chosen', 'chooses', 'choice', 'pick', 'picked', 'picks'],
  ['uphold', 'upheld', 'affirm', 'affirmed'],
  ['overturn', 'overturned', 'reverse', 'reversed'],
  ['remand', 'remanded', 'sent back'],
  // Stemming keeps a verb and its noun apart ("decided" → decid, "decision" → decis); courts use both.
  ['decide', 'decided', 'decision', 'decisions'],
  ['argue', 'argued', 'argument', 'arguments'],
  ['conclude', 'concluded', 'conclusion'],
  ['determine', 'determined', 'determination'],
  // Readers say a court "threw out", "tossed" or "dropped" what it dismissed.
  ['dismiss', 'dismissed', 'dismissal', 'throw out', 'threw out', 'thrown out', 'toss', 'tossed', 'drop', 'dropped'],
  ['deny', 'denied', 'denial'],
  ['sign', 'signed', 'signature'],
  ['appeal', 'appealed', 'appellate'],
  // How readers say what filings say: "the top lawyer", "the photo ban", "why did she sue".
  ['lawyer', 'attorney'],
  ['attorney general', 'AG', 'top lawyer', "state's lawyer"],
  // The "Chief" of an office or a division ("Chief, Opinions Division") is its head.
  ['head', 'heads', 'chief'],
  ['absentee ballot', 'mail-in ballot', 'mail ballot', 'ballot by mail'],
  ['ban', 'banned', 'prohibit', 'prohibited', 'prohibition'],
  // An opinion's header says who "Requested" it; readers ask who "asked for" it.
  ['asked for', 'request', 'requested', 'requests'],
  // A license speaks of instituting "litigation" where readers ask what happens if they sue.
  ['sue', 'sued', 'file suit', 'filed suit', 'brought suit', 'litigation'],
  // Readers say "lawsuit"; filings say "suit".
  ['lawsuit', 'lawsuits', 'suit', 'suits'],
  // What the law says "constitutes" electioneering is what readers ask "counts as" electioneering.
  ['constitute', 'constitutes', 'constituted', 'count as', 'counts as', 'counted as', 'amount to', 'amounts to', 'amounted to'],
  // A license or an agreement "terminates"; readers ask when their rights "end".
  ['terminate', 'terminated', 'terminates', 'termination', 'end', 'ends', 'ended'],
  // What a plaintiff asks a court for is the "relief" sought; readers ask what "remedy" she wanted.
  ['remedy', 'remedies', 'relief'],
  // What a suit "alleges" someone did is what readers say they are "accused" of.
  ['accuse', 'accused', 'accuses', 'allege', 'alleged', 'alleges', 'allegation', 'allegations'],
  // A license or an elections board lets you "cure" a breach or a defect; readers ask how to "fix" it.
  ['cure', 'cured', 'fix', 'fixed'],
  // A contract calls failing to comply with it a "breach".
  ['breach', 'breached', 'breaches', 'non-compliance', 'noncompliance', 'fail to comply', 'failure to comply'],
  // Stemming keeps "comply", "compliance" and "compliant" apart; readers ask if they are "compliant".
  ['comply', 'complies', 'complied', 'complying', 'compliance', 'compliant'],
];
