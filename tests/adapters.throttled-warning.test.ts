import { describe, expect, it } from 'vitest';
import { throttledWarning } from '../adapters/logging/throttled-warning.js';
import { createRecordingLogger } from './fakes/discord-logger.js';

const MESSAGE = 'request rejected: bad signature';

function setUp() {
  const logger = createRecordingLogger();
  let now = 1_000_000;
  const warn = throttledWarning(logger, MESSAGE, { intervalMs: 60_000, now: () => now });
  return {
    logger,
    warn,
    advance: (ms: number) => {
      now += ms;
    },
    lines: () => logger.entries.filter((entry) => entry.level === 'warn'),
  };
}

describe('a warning anyone can trigger', () => {
  it('logs the first one as it is, with its fields', () => {
    const { warn, lines } = setUp();
    warn({ bytes: 12 });
    expect(lines()).toEqual([{ level: 'warn', fields: { bytes: 12 }, message: MESSAGE }]);
  });

  it('logs no more than the first within the interval, however many follow', () => {
    const { warn, advance, lines } = setUp();
    for (let n = 0; n < 1000; n++) {
      warn({ bytes: n });
      advance(59);
    }
    expect(lines()).toHaveLength(1);
  });

  it('logs one line per interval afterwards, saying how many were rejected since the last line', () => {
    const { warn, advance, lines } = setUp();
    warn({ bytes: 1 });
    for (let n = 0; n < 5; n++) {
      advance(10_000);
      warn({ bytes: 2 });
    }
    expect(lines()).toHaveLength(1);
    advance(10_000);
    warn({ bytes: 3 });
    expect(lines()).toHaveLength(2);
    expect(lines()[1]).toEqual({ level: 'warn', fields: { bytes: 3, rejected: 6 }, message: `${MESSAGE} (6 rejected in the last 60 s)` });
    advance(1000);
    warn({ bytes: 4 });
    expect(lines()).toHaveLength(2);
  });

  it('counts a lone rejection after a quiet hour as one', () => {
    const { warn, advance, lines } = setUp();
    warn({});
    advance(3_600_000);
    warn({});
    expect(lines()[1]?.message).toBe(`${MESSAGE} (1 rejected in the last 3600 s)`);
  });

  it('keeps one count per instance, so each adapter reports its own', () => {
    const first = setUp();
    const second = setUp();
    first.warn({});
    second.warn({});
    expect(first.lines()).toHaveLength(1);
    expect(second.lines()).toHaveLength(1);
  });
});
