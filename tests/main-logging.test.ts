import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../adapters/logging/create-logger.js';

function capture(level: LogLevel, secrets: string[] = []) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level, pretty: false, secrets, destination }), lines };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time, message and fields', () => {
    const { logger, lines } = capture('info');
    logger.info({ documents: 3, ms: 12 }, 'index loaded');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', service: 'pinpoint', documents: 3, ms: 12, msg: 'index loaded' });
    expect(typeof lines[0]?.time).toBe('string');
  });

  it('drops entries below LOG_LEVEL', () => {
    const { logger, lines } = capture('warn');
    logger.debug({}, 'd');
    logger.info({}, 'i');
    logger.warn({}, 'w');
    logger.error({}, 'e');
    expect(lines.map((line) => line.msg)).toEqual(['w', 'e']);
  });

  it('redacts credential fields at any depth and level', () => {
    const { logger, lines } = capture('debug');
    logger.error({ config: { SLACK_BOT_TOKEN: 'xoxb-1', signingSecret: 'abc' }, headers: { authorization: 'Bot abc' } }, 'x');
    expect(lines[0]).toMatchObject({
      config: { SLACK_BOT_TOKEN: '[redacted]', signingSecret: '[redacted]' },
      headers: { authorization: '[redacted]' },
    });
  });

  it('scrubs token shapes and configured secret values out of messages and errors', () => {
    const { logger, lines } = capture('info', ['the-signing-secret-value']);
    const error = new Error('auth failed for xoxb-123-456-abcdef with the-signing-secret-value');
    logger.error({ err: error, detail: 'xapp-1-A0-123 leaked' }, 'token xoxb-9-9-zz rejected');
    const entry = lines[0] as { err: { type: string; message: string; stack: string }; detail: string; msg: string };
    expect(entry.err.type).toBe('Error');
    expect(entry.err.message).toBe('auth failed for [redacted] with [redacted]');
    expect(entry.err.stack).not.toContain('xoxb-123');
    expect(entry.detail).toBe('[redacted] leaked');
    expect(entry.msg).toBe('token [redacted] rejected');
  });

  it('keeps what users typed out of info, warn and error entries, logging its size instead', () => {
    const { logger, lines } = capture('debug');
    logger.info({ question: 'who sued Meta?', ms: 4 }, 'answered');
    logger.warn({ text: 'hello' }, 'slow');
    logger.debug({ question: 'who sued Meta?' }, 'asked');
    expect(lines[0]).toMatchObject({ question: '[14 chars]', ms: 4 });
    expect(lines[1]).toMatchObject({ text: '[5 chars]' });
    expect(lines[2]).toMatchObject({ question: 'who sued Meta?' });
  });

  it('gives child loggers their bindings and the same scrubbing', () => {
    const { logger, lines } = capture('info', ['child-secret-value']);
    logger.child({ platform: 'slack' }).info({ note: 'child-secret-value', query: 'abc' }, 'event');
    expect(lines[0]).toMatchObject({ platform: 'slack', note: '[redacted]', query: '[3 chars]' });
  });

  it('writes each key of a line once when a child binds a key again, the innermost value winning', () => {
    const raw: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        raw.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const logger = createLogger({ level: 'info', pretty: false, destination });
    // The core logs as { component: 'core' } and its state store as a child of that, { component: 'state' }.
    const state = logger.child({ component: 'core' }).child({ component: 'state' });
    state.info({ file: 'pinpoint.db' }, 'pinpoint: state database open');
    state.info({ component: 'migrations' }, 'migrated');
    expect(raw.map((line) => line.match(/"component":/g)?.length)).toEqual([1, 1]);
    expect(raw.map((line) => (JSON.parse(line) as { component: string }).component)).toEqual(['state', 'migrations']);
  });
});
