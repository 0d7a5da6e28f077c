import { describe, expect, it } from 'vitest';
import { EventDeduper } from '../adapters/slack/dedupe.js';
import { toPlainText } from '../adapters/slack/text.js';
import { verifySlackSignature } from '../adapters/slack/verify.js';
import { slackSignature } from './fakes/slack-requests.js';

const SECRET = 'shhh';
const NOW = 1_700_000_000_000;
const BODY = 'command=%2Fask&text=hello';

function check(skewSeconds: number, overrides: { signature?: string; body?: string; timestamp?: string } = {}) {
  const timestamp = overrides.timestamp ?? String(NOW / 1000 + skewSeconds);
  return verifySlackSignature({
    signingSecret: SECRET,
    rawBody: Buffer.from(overrides.body ?? BODY),
    timestamp,
    signature: overrides.signature ?? slackSignature(SECRET, timestamp, BODY),
    nowMs: NOW,
  });
}

describe('verifySlackSignature', () => {
  it.each([0, 300, -300])('accepts a correct signature %i s from now', (skew) => {
    expect(check(skew)).toEqual({ ok: true });
  });

  it.each([
    ['stale by more than 5 minutes', -301, {}, 'timestamp more than 5 minutes away from now'],
    ['more than 5 minutes in the future', 301, {}, 'timestamp more than 5 minutes away from now'],
    ['a tampered body', 0, { body: `${BODY}x` }, 'signature mismatch'],
    ['a signature for another secret', 0, { signature: slackSignature('other', String(NOW / 1000), BODY) }, 'signature mismatch'],
    ['a malformed signature', 0, { signature: 'v1=abc' }, 'missing or malformed x-slack-signature'],
    ['a malformed timestamp', 0, { timestamp: '17e8' }, 'missing or malformed x-slack-request-timestamp'],
  ])('rejects %s', (_name, skew, overrides, reason) => {
    expect(check(skew, overrides)).toEqual({ ok: false, reason });
  });

  it('rejects missing headers', () => {
    expect(verifySlackSignature({ signingSecret: SECRET, rawBody: Buffer.from(BODY), timestamp: undefined, signature: undefined })).toEqual({
      ok: false,
      reason: 'missing or malformed x-slack-request-timestamp',
    });
  });
});

describe('toPlainText', () => {
  it.each([
    ['<@UBOT> what is the &lt;Inbox API&gt; &amp; why?', 'what is the <Inbox API> & why?'],
    ['<@UBOT|pinpoint> see <https://example.com|the article> in <#C123|general>', 'see the article in #general'],
    ['<!here> when was it filed?', 'when was it filed?'],
    ['what was said in <#C0123ABC|> about the fine?', 'what was said in about the fine?'],
    ['see <https://example.com/order.pdf|> for the order', 'see https://example.com/order.pdf for the order'],
    ['did they call <tel:+15551234|555-1234> or write <mailto:a@example.com|a@example.com>?', 'did they call 555-1234 or write a@example.com?'],
    ['was <tel:+15551234> on the form?', 'was tel:+15551234 on the form?'],
    ['what happened on <!date^1700000000^{date}|Nov 14>?', 'what happened on Nov 14?'],
    ['filed <!date^1700000000^{date_short} at {time}^https://example.com/x|Nov 14, 2023 at 10:13 PM> or later', 'filed Nov 14, 2023 at 10:13 PM or later'],
    ['   ', ''],
    [':eyes: who signed? :+1::skin-tone-2:', 'who signed?'],
    ['filed at 10:30:45 in 3:20-cv-08570: see note:a:', 'filed at 10:30:45 in 3:20-cv-08570: see note:a:'],
  ])('turns %j into %j', (input, expected) => {
    expect(toPlainText(input)).toBe(expected);
  });
});

describe('EventDeduper', () => {
  it('accepts an id once within the TTL and again after it', () => {
    let now = 0;
    const deduper = new EventDeduper(1000, 100, () => now);
    expect(deduper.first('Ev1')).toBe(true);
    expect(deduper.first('Ev1')).toBe(false);
    now = 1001;
    expect(deduper.first('Ev1')).toBe(true);
  });

  it('forgets the oldest ids beyond its size bound', () => {
    const deduper = new EventDeduper(60_000, 2, () => 0);
    for (const id of ['a', 'b', 'c', 'd']) deduper.first(id);
    expect(deduper.first('d')).toBe(false);
    expect(deduper.first('a')).toBe(true);
  });
});
