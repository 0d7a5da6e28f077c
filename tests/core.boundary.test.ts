import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The dependency rule (architecture guide): src/ is the core. It never imports a platform SDK,
// dotenv or the adapters, and never reads process.env; the entry points (adapters/main.ts, bin/,
// adapters/discord/register-cli.ts) do that.
const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Packages the core may use: its own files, node:*, and small search/parsing libraries. */
const ALLOWED_PACKAGES = ['minisearch', 'zod', 'yaml', 'porter2', 'unpdf', 'linkedom', '@mozilla/readability', 'better-sqlite3'];

const FORBIDDEN_PACKAGE = /^(?:discord\.js(?:\/|$)|@discordjs\/|@slack\/|dotenv(?:\/|$))/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier: static imports and re-exports, side-effect imports, import(), require(). */
function specifiersOf(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...source.matchAll(pattern)].map((match) => match[1]!));
}

/** Code without whole-line comments, so a comment may explain the rule without breaking it. */
function withoutLineComments(source: string): string {
  return source
    .split('\n')
    .filter((line) => !/^\s*(?:\/\/|\/\*|\*)/.test(line))
    .join('\n');
}

function readsEnvironment(source: string): boolean {
  const code = withoutLineComments(source);
  return /\bprocess\s*(?:\.\s*env\b|\[\s*['"`]env['"`]\s*\])/.test(code) || /\{[^}]*\benv\b[^}]*\}\s*from\s*['"](?:node:)?process['"]/.test(code);
}

function violationsOf(file: string, source: string): string[] {
  const where = relative(SRC, file);
  const problems: string[] = [];
  for (const specifier of specifiersOf(source)) {
    if (FORBIDDEN_PACKAGE.test(specifier)) problems.push(`${where} imports ${specifier}`);
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      if (target !== SRC && !target.startsWith(`${SRC}${sep}`)) problems.push(`${where} imports ${specifier} from outside src/`);
    }
  }
  if (readsEnvironment(source)) problems.push(`${where} reads process.env`);
  return problems;
}

const files = sourceFiles(SRC);

describe('the dependency rule', () => {
  it('finds the core\'s files', () => {
    expect(files.map((file) => relative(SRC, file).split(sep).join('/'))).toEqual(expect.arrayContaining(['index.ts', 'pinpoint.ts', 'cli.ts', 'search/analyzer.ts']));
  });

  it('keeps src/ free of platform SDKs, dotenv, the adapters and process.env', () => {
    const problems = files.flatMap((file) => violationsOf(file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('imports only its own files, node:* and the allowed libraries', () => {
    const packages = new Set(
      files.flatMap((file) => specifiersOf(readFileSync(file, 'utf8'))).filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:')),
    );
    const unexpected = [...packages].filter((name) => !ALLOWED_PACKAGES.some((allowed) => name === allowed || name.startsWith(`${allowed}/`)));
    expect(unexpected).toEqual([]);
  });

  describe('the checker itself', () => {
    it.each([
      ["import { Client } from 'discord.js';", 'imports discord.js'],
      ["import type { App } from '@slack/bolt';", 'imports @slack/bolt'],
      ["import 'dotenv/config';", 'imports dotenv/config'],
      ["export { x } from '../../adapters/main.js';", 'imports ../../adapters/main.js from outside src/'],
      ["import { y } from '../../bin/pinpoint.js';", 'imports ../../bin/pinpoint.js from outside src/'],
      ["import { z } from 'discord.js/src/util.js';", 'imports discord.js/src/util.js'],
      ["const m = await import('../../adapters/discord/render.js');", 'imports ../../adapters/discord/render.js from outside src/'],
      ["const d = require('dotenv');", 'imports dotenv'],
      ['const token = process.env.DISCORD_TOKEN;', 'reads process.env'],
      ["const token = process['env'].X;", 'reads process.env'],
      ["import { env } from 'node:process';", 'reads process.env'],
      ['const { env } = process;\nconst e = process .env;', 'reads process.env'],
    ])('flags %j', (source, problem) => {
      expect(violationsOf(join(SRC, 'search', 'example.ts'), source)).toContain(`${join('search', 'example.ts')} ${problem}`);
    });

    it.each([
      ["import { z } from 'zod';"],
      ["import { stem } from 'porter2';\nimport type { Token } from './analyzer.js';"],
      ["import { x } from '../types.js';"],
      ['// Only adapters/main.ts reads process.env; this file takes env as an argument.'],
      ['const limit = config.env;'],
      ["import { a } from 'dotenvy';"],
      ["import { a } from '../adapters-notes.js';"],
    ])('accepts %j', (source) => {
      expect(violationsOf(join(SRC, 'search', 'example.ts'), source)).toEqual([]);
    });
  });
});
