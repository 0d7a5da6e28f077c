import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { withChatSpellingsWrittenOut } from '../src/answer/chat-spelling.js';
import { corpusOfParagraphs } from './helpers/corpus.js';

describe('chat spellings of everyday words', () => {
  it('writes them out as whole lowercase words', () => {
    expect(withChatSpellingsWrittenOut('wat did u see, cuz every1 asks w/ me')).toBe('what did you see, because everyone asks with me');
    expect(withChatSpellingsWrittenOut('w/o consent b4 2021')).toBe('without consent before 2021');
    expect(withChatSpellingsWrittenOut('wat nationality r the ppl suing')).toBe('what nationality are the ppl suing');
    expect(withChatSpellingsWrittenOut('which justice didnt vote, thats weird')).toBe("which justice didn't vote, that's weird");
    expect(withChatSpellingsWrittenOut('so the DA wont prosecute her?')).toBe("so the DA won't prosecute her?");
    expect(withChatSpellingsWrittenOut('the netflix guy buddies w zuck')).toBe('the netflix guy buddies with zuck');
    expect(withChatSpellingsWrittenOut('wen was the lawsuit filed, and wer')).toBe('when was the lawsuit filed, and where');
  });

  it('writes out "hw" before what follows a "how", "wot", and the shortened "when", "where", "should" and "would"', () => {
    expect(withChatSpellingsWrittenOut('hw much did meta pay to settle?')).toBe('how much did meta pay to settle?');
    expect(withChatSpellingsWrittenOut('so hw did netflix get the dms')).toBe('so how did netflix get the dms');
    expect(withChatSpellingsWrittenOut('wot did netflix get, whn and whr')).toBe('what did netflix get, when and where');
    expect(withChatSpellingsWrittenOut('shud meta pay? wud it')).toBe('should meta pay? would it');
    expect(withChatSpellingsWrittenOut('which hw revision? hw 3')).toBe('which hw revision? hw 3');
  });

  it('writes out a question word\'s contraction ("who\'re", "what\'ll", "who’ve")', () => {
    expect(withChatSpellingsWrittenOut("who're the plaintiffs?")).toBe('who are the plaintiffs?');
    expect(withChatSpellingsWrittenOut('Who’re the plaintiffs?')).toBe('Who are the plaintiffs?');
    expect(withChatSpellingsWrittenOut("what'll happen, and who've they sued?")).toBe('what will happen, and who have they sued?');
    expect(withChatSpellingsWrittenOut("they're suing")).toBe("they're suing");
  });

  it('answers a question opening with one, rather than declining it as never using "who\'re"', async () => {
    const corpus = await corpusOfParagraphs(['The plaintiffs are Maximilian Klein and Sarah Grabert, who sued Meta in 2020.']);
    const answer = answerQuestion(corpus, "who're the plaintiffs?");
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toContain('Maximilian Klein');
  });

  it('reads "vs", "vs." and "versus" between two names as the "v." of a case name, and no other "vs"', () => {
    expect(withChatSpellingsWrittenOut('which judge decided hogarth vs bell?')).toBe('which judge decided hogarth v. bell?');
    expect(withChatSpellingsWrittenOut('who wrote Fisher Vs. University of Texas')).toBe('who wrote Fisher v. University of Texas');
    expect(withChatSpellingsWrittenOut('Hogarth versus Bell ruling')).toBe('Hogarth v. Bell ruling');
    expect(withChatSpellingsWrittenOut('vs what?')).toBe('vs what?');
    expect(withChatSpellingsWrittenOut('who was it vs')).toBe('who was it vs');
  });

  it('drops an opening "wait" or "hold on" before a question word, but not "wait times"', () => {
    expect(withChatSpellingsWrittenOut('wait who is suing meta')).toBe('who is suing meta');
    expect(withChatSpellingsWrittenOut('Hold on, so when did fb become meta?')).toBe('so when did fb become meta?');
    expect(withChatSpellingsWrittenOut('wait times at the polls?')).toBe('wait times at the polls?');
  });

  it('drops a filler "like" before a question word or verb, but not "firms like Palantir" or "what is it like"', () => {
    expect(withChatSpellingsWrittenOut('ok but like how much did meta pay')).toBe('ok but how much did meta pay');
    expect(withChatSpellingsWrittenOut('Like, what kind of case is it')).toBe('what kind of case is it');
    expect(withChatSpellingsWrittenOut('so like did netflix read them')).toBe('so did netflix read them');
    expect(withChatSpellingsWrittenOut('were firms like Palantir involved')).toBe('were firms like Palantir involved');
    expect(withChatSpellingsWrittenOut('what is it like')).toBe('what is it like');
    expect(withChatSpellingsWrittenOut('who likes whom')).toBe('who likes whom');
  });

  it('reads an opening "y" before a verb as "why", and no other "y"', () => {
    expect(withChatSpellingsWrittenOut('y did facebook share dms with netflix')).toBe('why did facebook share dms with netflix');
    expect(withChatSpellingsWrittenOut('Y is it a class action?')).toBe('why is it a class action?');
    expect(withChatSpellingsWrittenOut('y. pestis did reach England')).toBe('y. pestis did reach England');
    expect(withChatSpellingsWrittenOut('is y did a typo')).toBe('is y did a typo');
  });

  it('leaves words that only contain them, capitals and lone letters that name things alone', () => {
    expect(withChatSpellingsWrittenOut('What watt rating in the U.S.?')).toBe('What watt rating in the U.S.?');
    expect(withChatSpellingsWrittenOut('When did y. pestis reach England, and is a number n prime?')).toBe('When did y. pestis reach England, and is a number n prime?');
    expect(withChatSpellingsWrittenOut('Utah u2 bus')).toBe('Utah u2 bus');
    expect(withChatSpellingsWrittenOut('What does Rule 12(r) or § 163-82.6(u) say?')).toBe('What does Rule 12(r) or § 163-82.6(u) say?');
  });
});
