import { describe, expect, it } from 'vitest';
import { quoteShortfall } from '../src/answer/quote-needs.js';
import { createAnalyzer } from '../src/search/analyzer.js';

const analyzer = createAnalyzer({ aliases: [['join', 'sign up']] });

describe('quoteShortfall', () => {
  it.each([
    // Case numbers, courts, counts, ages and sums of money.
    ['What is the case number?', 'The case is No. 3:20-cv-08570-JD.', 'none'],
    ['What is the case number?', 'The case was filed in California.', 'decisive'],
    ['Which court is the case in?', 'It is pending in the Northern District of California.', 'none'],
    ['How many briefs supported the University?', 'Seventy-three amici briefs were filed; 73 in all.', 'none'],
    ['How many briefs supported the University?', 'SB 683 was enacted in 2019.', 'decisive'],
    ['How many users were affected by the breach?', 'Ireland fined Meta €265 million after a data breach.', 'decisive'],
    ['How many users were affected by the breach?', 'Meta paid $725 million; 87 million users were affected.', 'none'],
    ['How many dollars did Meta pay?', 'Meta paid $725 million.', 'none'],
    ['How old was Fisher when she applied?', 'She applied at age 18.', 'none'],
    ['How old was Fisher when she applied?', 'She applied in 2008 under No. 11–345.', 'decisive'],
    ['How much did Meta pay to settle?', 'Meta paid $725 million.', 'none'],
    ['How much did Meta pay to settle?', 'Meta settled 4 suits.', 'decisive'],
    // "one-way" counts nothing; "how much did they make" asks for money.
    ['How many reports did Netflix send?', 'It was not a one-way street; Netflix sent bi-weekly reports.', 'decisive'],
    ['How many reports did Netflix send?', 'It was not a one-way street; Netflix sent two reports.', 'none'],
    ['how much did facebook make from the netflix deal', 'It was not a one-way street; Netflix sent bi-weekly reports.', 'decisive'],
    ['how much did facebook make from the netflix deal', 'Facebook made $10 million from the deal.', 'none'],
    // A phone number or an address, not a mention of whom to contact.
    ["What is Monet Gaines's phone number?", 'If this Office can be of further assistance, please contact Monet Gaines of my staff.', 'decisive'],
    ["What is the clerk's phone number?", 'Call the clerk at (334) 242-7300.', 'none'],
    ["What is the administrator's email address?", 'Write to info@settlement-example.com with questions.', 'none'],
    ['What is the website address for claims?', 'Claims are filed on the settlement website.', 'decisive'],
    ["What was Hogarth's Twitter handle?", 'Plaintiff shared the photograph on the social network formerly known as twitter.', 'decisive'],
    ["What was Hogarth's Twitter handle?", 'She posted it as @SusanHogarth on X.', 'none'],
    ["What is the Free Software Foundation's postal address?", 'The Free Software Foundation may publish new versions of the License.', 'decisive'],
    ["What is the Free Software Foundation's postal address?", 'Write to the Free Software Foundation, 51 Franklin Street, Fifth Floor, Boston.', 'none'],
    // A version asked for is a version number; a signer, a name.
    ['Which Python versions are supported by this version of Requests?', 'Requests also supports proxies using the SOCKS protocol.', 'decisive'],
    ['In which pyparsing release will the old synonyms be removed?', 'The synonyms will be removed in a future release.', 'decisive'],
    ['In which pyparsing release will the old synonyms be removed?', 'The synonyms will be removed in version 4.0.', 'none'],
    ['Which version of requests added SOCKS proxy support?', '.. versionadded:: 2.10.0', 'none'],
    ['When was version 3 of the Lesser GPL released?', 'GNU LESSER GENERAL PUBLIC LICENSE Version 2.1, February 1999', 'decisive'],
    ['When was version 2.1 of the Lesser GPL released?', 'GNU LESSER GENERAL PUBLIC LICENSE Version 2.1, February 1999', 'none'],
    ['What changed in version 3?', 'Version 3 added the patent clause that version 2 lacked.', 'none'],
    ['No version is stated: which version applies?', 'If no version is stated, you may choose any version ever published.', 'none'],
    ['Who signed the license agreement on behalf of NVIDIA?', 'The terms in this supplement govern your use of the toolkit under your license agreement.', 'decisive'],
    ['Who signed the license agreement on behalf of NVIDIA?', 'Signed for NVIDIA Corporation by Jensen Huang, its chief executive.', 'none'],
    ['How did the court handle the motion?', 'The court denied the motion.', 'none'],
    // A deadline is a date, a time or a span, not the duty it limits.
    ['What is the deadline to file the declaration of intent?', 'Write-in candidates must file a declaration of intent with the Secretary of State.', 'decisive'],
    ['What is the deadline to file the declaration of intent?', 'The declaration must be filed no later than 4 p.m. on the fourth Friday before the election.', 'none'],
    ['What is the deadline for MAT assistance?', 'A voter may get help if no team is available within seven days of a request.', 'none'],
    ['What is the absentee ballot deadline?', 'Ballots must arrive by November 6, 2020.', 'none'],
    ['What is the deadline to file the declaration of intent?', 'The declaration shall be filed not later than the tenth day after the primary.', 'none'],
    // "What year" asks for a date; "when" may be answered without one, at a cost.
    ['What year did Meta agree to the $725 million settlement?', 'Meta settled related litigation for $725 million.', 'decisive'],
    ['What year did Meta agree to the settlement?', 'Meta settled in 2022 for $725 million.', 'none'],
    // So does "what date", or a terse "… date?".
    ['cambridge analytica settlement date?', 'Meta settled related litigation for $725 million.', 'decisive'],
    ['On what date did she file her complaint?', 'In complaint filed August 22, 2024, plaintiff seeks relief.', 'none'],
    ['When did Meta agree to the settlement?', 'Meta settled related litigation for $725 million.', 'weak'],
    // The date of a single act ("when was it published?") is a date; how a period ended may not be.
    ['When was GPL version 2 published?', 'You may follow any later version published by the Free Software Foundation.', 'decisive'],
    ['When was version 2.1 of the Lesser GPL published?', 'Version 2.1, February 1999.', 'none'],
    ['When did the last glacial end?', 'It ran until the end of the Pleistocene (~11,600 BP).', 'weak'],
    // Who wrote or signed an order is named where an order names its author, not by its findings.
    ['Which judge signed the order in Hogarth v. Bell?', 'As plaintiff took her last photograph, a poll worker ordered her to delete it. (Id. ¶ 14).', 'decisive'],
    ['Which judge signed the order in Hogarth v. Bell?', 'Catherine C. Eagles, United States District Judge', 'none'],
    ['Who requested OAG 18-011?', 'The Board asked whether poll workers may help a voter.', 'decisive'],
    ['What did the complaint say about the agreement, and who signed it?', 'The complaint says the agreement gave Netflix access.', 'none'],
    // The present, and the way to do something.
    ["Is Reed Hastings still on Meta's board?", 'Hastings joined the board in 2011.', 'decisive'],
    ["Is Reed Hastings still on Meta's board?", 'Hastings remains on the board.', 'none'],
    ['How do I join the class action?', 'The class action was filed in 2022.', 'decisive'],
    ['How do I join the class action?', 'Users can sign up on the settlement website.', 'none'],
    // What the asker may, must or can do is answered by a text that speaks to its reader or sets a rule.
    ['Can I join the lawsuit?', 'Shortly after Hastings joined Facebook’s board, the companies inked an agreement.', 'decisive'],
    ['am I part of the lawsuit', 'Filed in April as part of a major anti-trust case against Meta.', 'decisive'],
    ['do i have to credit zlib if i ship node with it?', 'Node ships zlib.', 'decisive'],
    ['what should I do if I used facebook messenger?', 'The companies inked an Inbox API agreement.', 'decisive'],
    ['Can I sell copies of the program?', 'You may charge any price or no price for each copy that you convey.', 'none'],
    ['Can we bundle BSD code in our product?', 'Redistribution and use in source and binary forms are permitted provided that the notice is retained.', 'none'],
    ['Who do I contact for the source code?', 'Write to the company at its address.', 'none'],
    // The opposite event answers another question, unless the question asks yes or no.
    ["When did Reed Hastings leave Facebook's board?", 'Shortly after Hastings joined Facebook’s board, they signed a deal.', 'decisive'],
    ['When did Hastings step down from the board?', 'Hastings joined the board in 2011 and left it in 2019.', 'none'],
    ['When did Hastings join the board?', 'Hastings joined the board in 2011.', 'none'],
    ['When did Tesla die?', 'Tesla was born in 1856 in Smiljan.', 'decisive'],
    ['Who bought the company?', 'The founders sold the company in 1999.', 'decisive'],
    ["Did Hastings leave Facebook's board?", 'Hastings joined the board in 2011.', 'none'],
    // "How did X respond?" is answered by what X said back.
    ['How did Netflix respond to the allegations?', 'The lawsuit alleges Netflix could read private messages.', 'decisive'],
    ['Has Netflix issued any statement about the lawsuit?', 'The lawsuit was filed in April.', 'decisive'],
    ['How did Netflix respond to the allegations?', 'A Netflix spokesperson said the claims were false.', 'none'],
    ['How did the defendants respond to the motion?', 'Defendants argue that the plaintiffs lack standing.', 'none'],
    ['Who responded by filing a motion?', 'The State filed a motion to dismiss.', 'none'],
    // What came after an opinion is told by a later event, not by the remand or a recommendation.
    ['How did the Fifth Circuit rule on remand?', 'The judgment is vacated, and the case is remanded.', 'decisive'],
    ['Did the Board adopt a regulation after this opinion?', 'We recommend that the Board promulgate a regulation.', 'decisive'],
    ['How did the Fifth Circuit rule on remand?', 'On remand, the Fifth Circuit again upheld the plan.', 'none'],
    ['After OAG 18-011, when did the Board adopt a regulation?', 'The Board may adopt a regulation excepting the list from electioneering.', 'decisive'],
    ['What did the Fifth Circuit decide when it reconsidered the case after the Supreme Court remanded it?', 'The judgment is vacated, and the case is remanded.', 'decisive'],
    ['Did the Board ever adopt the regulation the Attorney General recommended?', 'We recommend that the Board promulgate a regulation.', 'decisive'],
    ['After the judge ruled on the motions, how long did the officials get to answer?', 'Remaining defendants shall have 14 days from the date of this order to answer.', 'none'],
    ['After the order, did the county change its rules?', 'The county may change its rules.', 'decisive'],
    ["I'm a defendant left in the case: how much time do we have to answer after this order?", "Remaining defendants shall have 14 days from the date of this court's order to answer.", 'none'],
    ['What did the opinion recommend?', 'We recommend that the Board promulgate a regulation.', 'none'],
    // "What is the name of X?" is not answered by "a X" or "his X" with no name near it.
    ["What is the name of Walter Hutchins's wife?", 'He voted with the assistance of his wife and his nursing home staff.', 'decisive'],
    ['What is the name of the nursing home where Hutchins lives?', 'Hutchins is legally blind and lives in a nursing home. ( Id. ¶ 11.)', 'decisive'],
    ['What was the name of the poll worker?', 'A poll worker approached her and told her to delete the photo. She told the poll worker no.', 'decisive'],
    ['What was the name of the Norman castle?', 'They lent their ethnicity to the name of their castle: Afranji, meaning "Franks."', 'none'],
    ['What is the name of the alphabet used?', 'A problem instance is a string over an alphabet. Usually, the alphabet is the binary alphabet.', 'none'],
    ['What was the name of the doctrine?', 'Gandhi took it up in his doctrine of Satyagraha.', 'none'],
    // A "when" answer without a date is weak; a "what" question needs nothing in particular.
    ['When did the users sue?', 'The users sued over their messages.', 'weak'],
    ['When was the lawsuit filed?', 'The lawsuit was filed by two users.', 'decisive'],
    ['When was the lawsuit filed?', 'The lawsuit was filed in April 2023.', 'none'],
    ['What did Netflix get?', 'Netflix got access to messages.', 'none'],
  ] as const)('%s ← "%s": %s', (question, quote, expected) => {
    expect(quoteShortfall(question, quote, analyzer)).toBe(expected);
  });
});
