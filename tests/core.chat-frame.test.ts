import { describe, expect, it } from 'vitest';
import { withoutChatFrame } from '../src/answer/chat-frame.js';

describe('the frame a chat message wraps a question in', () => {
  it('drops a greeting to the bot, its name and a preamble before the question', () => {
    expect(withoutChatFrame('hey pinpoint, who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('hey, quick question - who is suing meta?')).toBe('who is suing meta?');
    expect(withoutChatFrame('@Pinpoint who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('@Pinpoint hey how many users had their dms read?')).toBe('how many users had their dms read?');
    expect(withoutChatFrame('@bot netflix dms?')).toBe('netflix dms?');
    expect(withoutChatFrame('Pinpoint: who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('ok pinpoint, how much did meta pay?')).toBe('how much did meta pay?');
    expect(withoutChatFrame('Q: who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('real quick, when did fb become meta')).toBe('when did fb become meta');
    expect(withoutChatFrame('does anyone know how much meta paid')).toBe('how much meta paid');
    expect(withoutChatFrame('any idea who is suing meta?')).toBe('who is suing meta?');
    expect(withoutChatFrame('can someone tell me who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('i was wondering if netflix read dms')).toBe('netflix read dms');
    expect(withoutChatFrame('curious when fb became meta')).toBe('when fb became meta');
    expect(withoutChatFrame('help! who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('briefly, who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('question about the case: who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('hiii who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('ok dumb q but who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('lol who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('sry late to this, who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('sorry if this was asked already: who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('sorry who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('yes or no: did netflix read dms')).toBe('did netflix read dms');
    expect(withoutChatFrame('Y/N - did netflix read dms?')).toBe('did netflix read dms?');
    expect(withoutChatFrame('asking for a friend: who is suing meta')).toBe('who is suing meta');
    expect(withoutChatFrame('Asking for a friend, did netflix read dms?')).toBe('did netflix read dms?');
  });

  it('drops a greeting of the time of day, one put to a team and one ended by a dash', () => {
    expect(withoutChatFrame('good morning! how much did meta pay to settle?')).toBe('how much did meta pay to settle?');
    expect(withoutChatFrame('Good afternoon everyone. Who sued Meta?')).toBe('Who sued Meta?');
    expect(withoutChatFrame('gm, how much did meta pay?')).toBe('how much did meta pay?');
    expect(withoutChatFrame('morning all, who sued meta')).toBe('who sued meta');
    expect(withoutChatFrame('Hey team — how much did meta pay?')).toBe('how much did meta pay?');
    expect(withoutChatFrame('greetings! who sued meta')).toBe('who sued meta');
    for (const question of ['GM recall?', 'morning session times?', 'evening vote count?', 'good morning']) expect(withoutChatFrame(question)).toBe(question);
  });

  it('drops a sign-off after the question', () => {
    expect(withoutChatFrame('who is suing meta? asking for a friend')).toBe('who is suing meta');
    expect(withoutChatFrame('who is suing meta, just curious')).toBe('who is suing meta');
    expect(withoutChatFrame('who sued meta? thanks in advance!')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta lol')).toBe('who sued meta');
  });

  it('drops several sign-offs in a row, and the thanks chat types', () => {
    expect(withoutChatFrame('who is suing meta? asking for a friend lol')).toBe('who is suing meta');
    expect(withoutChatFrame('who sued meta? thx in advance')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta?? thanks so much!')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta, thanks a lot, cheers')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta? any help appreciated')).toBe('who sued meta');
    expect(withoutChatFrame('was the deal appreciated')).toBe('was the deal appreciated');
  });

  it('drops a preamble or sign-off with an apostrophe, straight or curly as phones type it', () => {
    expect(withoutChatFrame("i'd like to know how much meta paid to settle")).toBe('how much meta paid to settle');
    expect(withoutChatFrame('I’d like to know how much meta paid')).toBe('how much meta paid');
    expect(withoutChatFrame('I’m curious who sued meta')).toBe('who sued meta');
    expect(withoutChatFrame('hey y’all, who sued meta’s board?')).toBe('who sued meta’s board?');
    expect(withoutChatFrame('who sued meta? I’m curious')).toBe('who sued meta');
  });

  it('drops the "nvm", "fyi" or "anyway" chat opens a new question with', () => {
    expect(withoutChatFrame('nvm, who sued meta')).toBe('who sued meta');
    expect(withoutChatFrame('fyi who sued meta')).toBe('who sued meta');
    expect(withoutChatFrame('never mind - when did meta rebrand?')).toBe('when did meta rebrand?');
    expect(withoutChatFrame('anyway, who sued meta')).toBe('who sued meta');
  });

  it('drops a question announced ("I have a question:", "one more question -") and "can I ask"', () => {
    expect(withoutChatFrame('I have a question: who sued meta?')).toBe('who sued meta?');
    expect(withoutChatFrame('one more question - who sued meta?')).toBe('who sued meta?');
    expect(withoutChatFrame('genuine question, who sued?')).toBe('who sued?');
    expect(withoutChatFrame('follow-up question: how much did meta pay?')).toBe('how much did meta pay?');
    expect(withoutChatFrame('question for you: who sued meta?')).toBe('who sued meta?');
    expect(withoutChatFrame('my question is who sued meta')).toBe('who sued meta');
    expect(withoutChatFrame('can I ask who sued meta?')).toBe('who sued meta?');
    expect(withoutChatFrame('may I ask you something: who sued meta?')).toBe('who sued meta?');
    for (const question of ['what is the question presented', 'question presented?', 'one question remains: who paid?', 'can i ask questions in the chat?']) {
      expect(withoutChatFrame(question)).toBe(question);
    }
  });

  it('keeps the topic a "question about" names, dropping only a general one ("the case")', () => {
    expect(withoutChatFrame('question about the settlement: how much?')).toBe('the settlement: how much?');
    expect(withoutChatFrame('question re the fine: how much was it?')).toBe('the fine: how much was it?');
    expect(withoutChatFrame('a question on this lawsuit: who sued?')).toBe('who sued?');
  });

  it('drops the bot addressed after the question, and thanks put to it or to all', () => {
    expect(withoutChatFrame('who sued meta, pinpoint?')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta @Pinpoint')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta? thanks pinpoint!')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta? ty bot')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta? cheers all')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta? anybody know?')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta? xD')).toBe('who sued meta');
    for (const question of ['what is a pinpoint', 'what is the bot', 'does anyone know', 'thanks pinpoint!']) expect(withoutChatFrame(question)).toBe(question);
  });

  it('drops a sign-off put in brackets, as an aside', () => {
    expect(withoutChatFrame('how much did meta pay to settle (asking for a friend)')).toBe('how much did meta pay to settle');
    expect(withoutChatFrame('who sued meta? (just curious)')).toBe('who sued meta');
    expect(withoutChatFrame('who sued meta? (thx in advance) lol')).toBe('who sued meta');
    expect(withoutChatFrame('what did the court say (in its order)?')).toBe('what did the court say (in its order)?');
  });

  it('leaves the same words alone where they are the question', () => {
    for (const question of ['Curious George author?', 'help desk hours', 'who did netflix share data with anyone', 'did netflix thank facebook', 'what is the question presented', 'Who knows the answer?', 'pinpoint citation format?', 'bot detection rules?', 'so-called special relationship?', 'sorry state of privacy law?', 'hi-res photos?', 'yes or no questions on the form?']) {
      expect(withoutChatFrame(question)).toBe(question);
    }
  });

  it('leaves a message that is nothing but its frame as typed', () => {
    expect(withoutChatFrame('thanks!')).toBe('thanks!');
    expect(withoutChatFrame('hey pinpoint!')).toBe('hey pinpoint!');
  });
});
