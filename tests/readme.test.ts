import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { configSchema, parseConfig } from '../src/config.js';
import { SUPPORTED_EXTENSIONS } from '../src/knowledge/load.js';
import { DOCUMENT_KINDS } from '../src/knowledge/schema.js';

const ROOT = new URL('../', import.meta.url);
const README = readFileSync(fileURLToPath(new URL('README.md', ROOT)), 'utf8');
const SCRIPTS = Object.keys(
  (JSON.parse(readFileSync(fileURLToPath(new URL('package.json', ROOT)), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

async function usage(): Promise<string> {
  let out = '';
  await runCli(['--help'], { env: {}, stdout: { write: (text: string) => (out += text) }, stderr: { write: () => undefined } });
  return out;
}

/** The npm commands a document shows, each up to a backtick, a `#` comment or the end of its line. */
function npmCommands(text: string): string[] {
  return [...text.matchAll(/npm (?:run [a-z:]+|start)(?: [^`\n#]*)?/g)].map((match) => match[0].trim());
}

/**
 * Flags npm would take for itself: those with no `--` before them that always comes along, either outside
 * every [optional part] or inside the same part (`[-- --limit N] [--knowledge DIR]` fails on --knowledge).
 */
function flagsBeforeSeparator(command: string): string[] {
  const open: number[] = [];
  let parts = 0;
  const separators: number[][] = [];
  const flags: string[] = [];
  for (const word of command.match(/\[|\]|[^\s[\]]+/g) ?? []) {
    if (word === '[') open.push(++parts);
    else if (word === ']') open.pop();
    else if (word === '--') separators.push([...open]);
    else if (/^--?[a-z]/.test(word) && !separators.some((at) => at.every((part, depth) => open[depth] === part))) flags.push(word);
  }
  return flags;
}

describe('README', () => {
  it('names only environment variables the settings schema reads', () => {
    const named = new Set(README.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g));
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !(name in configSchema.shape))).toEqual([]);
  });

  it('runs only npm scripts that package.json defines', () => {
    const used = new Set([...README.matchAll(/npm run ([a-z][a-z:]*)/g)].map((match) => match[1]!));
    expect([...used].filter((script) => !SCRIPTS.includes(script))).toEqual([]);
  });

  it('shows each CLI command with the flags its usage lists', async () => {
    const text = await usage();
    expect(text).toMatch(/^usage:\n/);
    const commands = text.split('\n').filter((line) => /^ {2}npm run (?:ask|eval|index|report) /.test(line));
    expect(commands.length).toBe(5);
    for (const line of commands) {
      expect(README, line.trim()).toContain(line.trim());
    }
  });

  it.each(['README.md', 'eval/README.md', 'eval/court/README.md', 'bench/README.md'])('passes every flag of an npm command after its -- in %s', (file) => {
    const commands = npmCommands(readFileSync(fileURLToPath(new URL(file, ROOT)), 'utf8'));
    expect(commands.length).toBeGreaterThan(1);
    expect(commands.filter((command) => flagsBeforeSeparator(command).length > 0)).toEqual([]);
  });

  it('passes every flag of an npm command after its -- in the usage', async () => {
    const commands = npmCommands(await usage());
    expect(commands.length).toBe(7);
    expect(commands.filter((command) => flagsBeforeSeparator(command).length > 0)).toEqual([]);
  });

  it('lists the document kinds and file formats the loader accepts', () => {
    const kinds = README.match(/kind: complaint +# ([^\n]+)\n +# ([^\n]+)/);
    expect(`${kinds?.[1]} ${kinds?.[2]}`.split(/[,\s]+/).filter(Boolean)).toEqual([...DOCUMENT_KINDS]);
    for (const extension of SUPPORTED_EXTENSIONS) expect(README).toContain(`\`${extension}\``);
  });

  it('states the cooldown defaults the settings use', () => {
    const config = parseConfig({});
    const stated = README.match(/defaults (\d+), (\d+), (\d+), (\d+); see `\.env\.example`/)?.slice(1).map(Number);
    expect(stated).toEqual([
      config.USER_QUESTIONS_PER_MINUTE,
      config.USER_QUESTION_BURST,
      config.CHANNEL_QUESTIONS_PER_MINUTE,
      config.CHANNEL_QUESTION_BURST,
    ]);
  });
});
