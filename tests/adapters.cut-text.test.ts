import { describe, expect, it } from 'vitest';
import { splitsCharacter, truncate } from '../adapters/cut-text.js';
import { firstCharacters } from '../adapters/discord/limits.js';
import { splitQuote } from '../adapters/discord/split.js';
import { truncateMrkdwn } from '../adapters/slack/mrkdwn.js';

const hasHalfCharacter = (text: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('cutting chat text', () => {
  it('knows where a cut would split an emoji in two', () => {
    expect(splitsCharacter('a🦞b', 2)).toBe(true);
    expect(splitsCharacter('a🦞b', 1)).toBe(false);
    expect(splitsCharacter('a🦞b', 3)).toBe(false);
  });

  it('truncates before an emoji rather than through it, for Discord and Slack alike', () => {
    const text = `${'x'.repeat(8)}🦞🦞🦞`;
    for (let max = 1; max < text.length; max++) {
      for (const cut of [truncate(text, max), truncateMrkdwn(text, max)]) {
        expect(hasHalfCharacter(cut)).toBe(false);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.endsWith('…')).toBe(true);
      }
    }
    expect(truncate(text, text.length)).toBe(text);
  });

  it("counts Discord's characters in code points and never keeps half of one", () => {
    expect(firstCharacters('🦞🦞🦞', 2)).toBe('🦞🦞');
    expect(firstCharacters('ab', 5)).toBe('ab');
  });

  it('cuts a quote with no spaces by characters without splitting an emoji', () => {
    const blob = '🦞'.repeat(60);
    for (let budget = 12; budget <= 60; budget++) {
      const pieces = splitQuote(blob, [], budget);
      expect(pieces.map((piece) => piece.text).join('')).toBe(blob);
      for (const piece of pieces) expect(hasHalfCharacter(piece.text)).toBe(false);
    }
  });
});
