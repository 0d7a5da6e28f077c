import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { withIdiomsSaidPlainly } from '../src/answer/idioms.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('idioms said plainly', () => {
  it('replaces whole idioms with the plain words documents use', () => {
    expect(withIdiomsSaidPlainly('How did Meta handle it behind closed doors?')).toBe('How did Meta handle it internally?');
    expect(withIdiomsSaidPlainly('was palantir mixed up in this too?')).toBe('was palantir involved in this too?');
    expect(withIdiomsSaidPlainly('how long were fb and netflix in bed together lol')).toBe('how long were fb and netflix in partnership lol');
    expect(withIdiomsSaidPlainly('was netflix in bed with facebook')).toBe('was netflix in partnership with facebook');
    expect(withIdiomsSaidPlainly('how much did meta cough up')).toBe('how much did meta pay');
    expect(withIdiomsSaidPlainly('meta shelled out how much?')).toBe('meta paid how much?');
    expect(withIdiomsSaidPlainly('who is on the hook for the fine')).toBe('who is liable for the fine');
    expect(withIdiomsSaidPlainly('who took meta to court')).toBe('who sued meta');
    expect(withIdiomsSaidPlainly('who brought the suit')).toBe('who sued');
    expect(withIdiomsSaidPlainly('which country hit Meta with a huge penalty')).toBe('which country fined Meta');
    expect(withIdiomsSaidPlainly('did the deal give its ads a leg up')).toBe('did the deal give its ads a boost');
    expect(withIdiomsSaidPlainly('was it totally one sided')).toBe('was it totally one-way');
    expect(withIdiomsSaidPlainly('does the clause kick in if I sue')).toBe('does the clause apply if I sue');
    expect(withIdiomsSaidPlainly('can I tweak the text')).toBe('can I modify the text');
    expect(withIdiomsSaidPlainly('if I ship binaries only')).toBe('if I distribute binaries only');
    expect(withIdiomsSaidPlainly('can we ship it in a closed-source app for free')).toBe('can we distribute it in a proprietary app free of charge');
    expect(withIdiomsSaidPlainly('can I charge money for a fork of it')).toBe('can I charge a fee for a modified version of it');
    expect(withIdiomsSaidPlainly('do i have to give credit to the authors')).toBe('do i have to provide attribution to the authors');
    expect(withIdiomsSaidPlainly('how much wiggle room did the court give')).toBe('how much discretion did the court give');
    expect(withIdiomsSaidPlainly('can i strip out the copyright notice')).toBe('can i remove the copyright notice');
    expect(withIdiomsSaidPlainly('can i mess with the code')).toBe('can i modify the code');
    expect(withIdiomsSaidPlainly('were netflix and fb in cahoots')).toBe('were netflix and fb in partnership');
    expect(withIdiomsSaidPlainly('how did netflix get their hands on the dms')).toBe('how did netflix access the dms');
    expect(withIdiomsSaidPlainly('when did the deal kick off')).toBe('when did the deal start');
    expect(withIdiomsSaidPlainly('when did it come to light')).toBe('when did it be revealed');
    expect(withIdiomsSaidPlainly('why did meta pull the plug on the api')).toBe('why did meta end the api');
    expect(withIdiomsSaidPlainly('did meta turn a blind eye to it')).toBe('did meta ignore it');
    expect(withIdiomsSaidPlainly('when did they strike a deal')).toBe('when did they make an agreement');
    expect(withIdiomsSaidPlainly('whose friendship paved the way for the deals?')).toBe('whose friendship lead to the deals?');
    expect(withIdiomsSaidPlainly('when did they ask to jump into the lawsuit')).toBe('when did they ask to intervene in the lawsuit');
    expect(withIdiomsSaidPlainly('did scalia go along with the majority')).toBe('did scalia joined the majority');
    expect(withIdiomsSaidPlainly('why did the judge let the attorney general out of the lawsuit')).toBe('why did the judge dismissed the attorney general from the lawsuit');
    expect(withIdiomsSaidPlainly('must officials hang up the list')).toBe('must officials post the list');
    expect(withIdiomsSaidPlainly('what brought the arrangement to a close?')).toBe('what end the arrangement?');
    expect(withIdiomsSaidPlainly('when did the reports come to an end')).toBe('when did the reports end');
    expect(withIdiomsSaidPlainly('what happens if i break the gpl')).toBe('what happens if i violate the gpl');
    expect(withIdiomsSaidPlainly('why did the court send the fisher case back')).toBe('why did the court remanded the fisher case');
    expect(withIdiomsSaidPlainly("she wasn't buying it, right?")).toBe("she wasn't believe it, right?");
    expect(withIdiomsSaidPlainly("what's the copyright line at the top of the node license")).toBe("what's the copyright line in the node license");
    expect(withIdiomsSaidPlainly("did the court buy the university's argument")).toBe("did the court believe the university's argument");
    expect(withIdiomsSaidPlainly('why did they send it back')).toBe('why did they remanded it');
    expect(withIdiomsSaidPlainly('what if i broke the license terms')).toBe('what if i violate the license terms');
    expect(withIdiomsSaidPlainly('What led Irish authorities to hit Meta with that big penalty?')).toBe('What led Irish authorities to fined Meta?');
    expect(withIdiomsSaidPlainly('which justice sat out fisher')).toBe('which justice took no part in fisher');
  });

  it('leaves the words alone outside the idiom', () => {
    for (const question of ['Which doors were closed?', 'Who went to bed early?', 'Was the data mixed with other data?', 'What did the cough medicine cost?', 'Which ship sank?', 'Where did the ship dock?', 'Who controls the Gaza Strip?', 'What a mess!', 'Did sales jump in 2020?', 'Why did voters put up with it?', 'Did they give credit card numbers?', 'Who broke the news?', 'Did she break the law?', 'Did they send the money back?', 'Who can buy the software?', 'Did Meta buy it in 2012?', 'Who is at the top of the list?', 'Did they sit outside the courthouse?', 'Who hit the ball with a bat?', 'did the court give him credit for time served?', 'did they give her credit toward the fine?', 'did the jury give any credit to his testimony?', 'who put up the bond?', 'how much bond did he have to put up?', 'did he put up $10,000?']) {
      expect(withIdiomsSaidPlainly(question)).toBe(question);
    }
  });
});

describe('a court\'s credit, not an author\'s', () => {
  it('is asked about in the words the judgment uses', async () => {
    const corpus = await corpusOfParagraphs(['The defendant is sentenced to 24 months in prison. The defendant shall receive credit for time served in pretrial detention, 112 days.', 'The court orders restitution of $4,500 to the victim.'], 'Judgment');
    const answer = answerQuestion(corpus, 'did the court give him credit for time served?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('credit for time served');
  });
});

describe('money put up, not a notice', () => {
  it('is asked about in the words the judgment uses', async () => {
    const corpus = await corpusOfParagraphs(['The defendant shall put up a bond of $10,000 pending appeal.', 'The court orders restitution of $4,500 to the victim.'], 'Judgment');
    for (const question of ['who put up the bond?', 'how much bond did he have to put up?']) {
      const answer = answerQuestion(corpus, question);
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote, question).toContain('put up a bond');
    }
  });
});
