import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { programName } from '../bin/program.js';

const run = promisify(execFile);

describe('programName', () => {
  it.each([
    ['run directly from the build', {}, '/app/dist/bin/pinpoint.js', '/app', 'node dist/bin/pinpoint.js'],
    ['run directly from a checkout with tsx', {}, '/src/pinpoint/bin/pinpoint.ts', '/src/pinpoint', 'npx tsx bin/pinpoint.ts'],
    ['run from another folder', {}, '/app/dist/bin/pinpoint.js', '/tmp', 'node /app/dist/bin/pinpoint.js'],
    ['run by npm run report', { npm_lifecycle_event: 'report' }, '/app/dist/bin/pinpoint.js', '/app', undefined],
    ['run by npm run ask', { npm_lifecycle_event: 'ask' }, '/src/pinpoint/bin/pinpoint.ts', '/src/pinpoint', undefined],
    ['run by another npm script', { npm_lifecycle_event: 'start:prod' }, '/app/dist/bin/pinpoint.js', '/app', 'node dist/bin/pinpoint.js'],
  ])('names the command %s', (_how, env, script, cwd, expected) => {
    expect(programName(env, path.normalize(script), cwd)).toBe(expected);
  });
});

describe('the CLI run directly', () => {
  it('shows its usage in the form it was run, not through npm run', async () => {
    const root = path.resolve('.');
    const tsx = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const { stdout } = await run(process.execPath, ['--import', tsx, path.join(root, 'bin', 'pinpoint.ts'), '--help'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    });
    expect(stdout).toMatch(/^usage:\n {2}npx tsx bin\/pinpoint\.ts ask "question" \[--json\] \[--knowledge DIR\]\n/);
  });
});
