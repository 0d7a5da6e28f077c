// Every entry point that prints for a reader, piped into one that closes early (`… | head -1`), as a shell
// runs it: the command ends quietly with the status of a command SIGPIPE ended, not an EPIPE stack trace.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSED_OUTPUT_EXIT_CODE } from '../bin/closed-output.js';

const ROOT = path.resolve('.');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const KNOWLEDGE = path.join(ROOT, 'knowledge');

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `script argv | true` in bash with pipefail: `true` exits without reading, long before the script
 * (seconds of tsx start-up) writes, so every write meets a closed pipe; $? is the script's own status.
 */
function pipedIntoClosedReader(script: string, argv: string[]): Promise<{ code: number | null; stderr: string }> {
  const cwd = mkdtempSync(path.join(tmpdir(), 'pinpoint-closed-output-'));
  scratch.push(cwd);
  const child = spawn('bash', ['-c', 'set -o pipefail; "$@" | true', 'bash', process.execPath, '--import', TSX, path.join(ROOT, script), ...argv], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DATA_DIR: path.join(cwd, 'data') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('output piped into a reader that closes early', () => {
  it('is the status a shell gives a command SIGPIPE ended', () => {
    expect(CLOSED_OUTPUT_EXIT_CODE).toBe(141);
  });

  it.each([
    ['npm run index -- --check', 'bin/pinpoint.ts', ['index', '--check', '--knowledge', KNOWLEDGE]],
    ['npm run ask', 'bin/pinpoint.ts', ['ask', 'Did Netflix read private messages?', '--knowledge', KNOWLEDGE]],
    ['npm run ask -- --help', 'bin/pinpoint.ts', ['--help']],
    ['npm run bench -- --help', 'bench/run.ts', ['--help']],
    ['npm start -- --check-config', 'adapters/main.ts', ['--check-config']],
    ['npm start -- --help', 'adapters/main.ts', ['--help']],
  ])('%s ends quietly with exit code 141', async (_name, script, argv) => {
    const { code, stderr } = await pipedIntoClosedReader(script, argv);
    expect({ code, stderr }).toEqual({ code: CLOSED_OUTPUT_EXIT_CODE, stderr: '' });
  });
});
