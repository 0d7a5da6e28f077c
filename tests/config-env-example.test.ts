import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { type ConfigKey, configSchema, parseConfig, SECRET_KEYS } from '../src/config.js';

const EXAMPLE = readFileSync('.env.example', 'utf8');
/** What a copy of the file sets. */
const VALUES = parse(EXAMPLE);
/** Variables shown commented out (`# DATA_DIR=./data`): documented, but left to the defaults. */
const COMMENTED = Object.fromEntries([...EXAMPLE.matchAll(/^# ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((match) => [match[1]!, match[2]!]));

describe('.env.example', () => {
  it('documents every variable the schema reads, set or commented out, and nothing else', () => {
    expect([...Object.keys(VALUES), ...Object.keys(COMMENTED)].sort()).toEqual(Object.keys(configSchema.shape).sort());
  });

  it('is a valid configuration as shipped (console chat, no platform)', () => {
    expect(() => parseConfig(VALUES)).not.toThrow();
  });

  it('shows each commented-out variable with its default value', () => {
    const defaults = parseConfig({});
    expect(Object.keys(COMMENTED).length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(COMMENTED)) {
      expect(parseConfig({ [key]: value })[key as ConfigKey], key).toEqual(defaults[key as ConfigKey]);
    }
  });

  it('ships no secret value', () => {
    for (const key of SECRET_KEYS) expect(VALUES[key]).toBe('');
  });

  it('explains each variable in a comment right above it', () => {
    const lines = EXAMPLE.split('\n');
    for (const key of Object.keys(configSchema.shape)) {
      const index = lines.findIndex((line) => line.startsWith(`${key}=`) || line.startsWith(`# ${key}=`));
      expect(index, key).toBeGreaterThan(0);
      expect(lines[index - 1], key).toMatch(/^# \S/);
    }
  });
});
