import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../adapters/logging/create-logger.js';
import { toBoltLogger } from '../adapters/slack/bolt-logger.js';

const BOT_TOKEN = 'xoxb-1111-2222-bolttokenvalue';

/** Bolt's logger over the bot's own (pino, scrubbing), writing JSON lines the test reads. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', pretty: false, secrets: [BOT_TOKEN], destination });
  return { bolt: toBoltLogger(logger, 'debug'), lines };
}

/** What @slack/web-api throws for `{ ok: false }`: an Error with a code and the response in `data`. */
function platformError(): Error {
  return Object.assign(new Error('An API error occurred: invalid_auth'), {
    code: 'slack_webapi_platform_error',
    data: { ok: false, error: 'invalid_auth' },
  });
}

describe('the Bolt logger', () => {
  it('keeps an object given beside the text in a field, scrubbed, not as "[object Object]"', () => {
    const { bolt, lines } = capture();
    bolt.warn('request failed', { method: 'chat.postMessage', token: BOT_TOKEN, headers: { Authorization: `Bearer ${BOT_TOKEN}` }, note: `sent ${BOT_TOKEN}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      lib: 'bolt',
      msg: 'request failed',
      details: [{ method: 'chat.postMessage', token: '[redacted]', headers: { Authorization: '[redacted]' }, note: 'sent [redacted]' }],
    });
    expect(JSON.stringify(lines[0])).not.toContain('[object Object]');
    expect(JSON.stringify(lines[0])).not.toContain(BOT_TOKEN);
  });

  it('keeps an error given beside the text as the entry\'s error, with its code, as Bolt\'s error handler logs one', () => {
    const { bolt, lines } = capture();
    // Bolt's default error handler: logger.error(`Slack API error: ${error.data.error}`, error).
    bolt.error('Slack API error: invalid_auth', platformError());
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'Slack API error: invalid_auth',
      err: { type: 'Error', message: 'An API error occurred: invalid_auth', code: 'slack_webapi_platform_error' },
    });
  });

  it('makes an error logged alone its message, and joins text and numbers as before', () => {
    const { bolt, lines } = capture();
    bolt.setName('socket-mode');
    bolt.error(platformError());
    bolt.debug('retry', 2, 'in', 300, 'ms');
    expect(lines.map((line) => [line.lib, line.msg])).toEqual([
      ['socket-mode', 'An API error occurred: invalid_auth'],
      ['socket-mode', 'retry 2 in 300 ms'],
    ]);
  });
});
