import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { configSchema, parseConfig, SECRET_KEYS } from '../src/config.js';

const EXAMPLE = readFileSync('.env.example', 'utf8');
const VALUES = parse(EXAMPLE);

describe('.env.example', () => {
  it('documents every variable the schema reads, and nothing else', () => {
    expect(Object.keys(VALUES).sort()).toEqual(Object.keys(configSchema.shape).sort());
  });

  it('is a valid configuration as shipped (console chat, no platform)', () => {
    expect(() => parseConfig(VALUES)).not.toThrow();
  });

  it('ships no secret value', () => {
    for (const key of SECRET_KEYS) expect(VALUES[key]).toBe('');
  });

  it('explains each variable in a comment right above it', () => {
    const lines = EXAMPLE.split('\n');
    for (const key of Object.keys(configSchema.shape)) {
      const index = lines.findIndex((line) => line.startsWith(`${key}=`));
      expect(lines[index - 1], key).toMatch(/^# \S/);
    }
  });
});
