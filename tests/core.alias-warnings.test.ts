import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { createPinpoint } from '../src/index.js';
import { createRecordingLogger } from './fakes/discord-logger.js';

// "IT" is the stop word "it" to the analyzer: the phrase was dropped and its group never found it, without a word.
const PACK = 'name: Doe v. Acme\naliases:\n  - [Acme, Acme Corp]\n  - [IT, information technology]\n';

let dir: string;
let knowledge: string;
let warning: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-alias-warnings-'));
  knowledge = path.join(dir, 'knowledge');
  await mkdir(knowledge);
  await writeFile(path.join(knowledge, 'pack.yaml'), PACK);
  await writeFile(path.join(knowledge, 'complaint.md'), 'Acme moved its information technology staff offshore.\n');
  warning = `${path.join(knowledge, 'pack.yaml')}:4: alias "IT" is only words too common to search for, so it matches nothing; write out what it stands for, or remove it`;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('an alias phrase made only of stop words', () => {
  it('is a warning of the bot with the line of pack.yaml and the fix, and the pack still loads', async () => {
    const logger = createRecordingLogger();
    const core = await createPinpoint({ knowledgeDir: knowledge, logger });
    try {
      const warnings = logger.entries.filter((entry) => entry.level === 'warn').map((entry) => entry.fields.warning);
      expect(warnings).toEqual([warning]);
      expect(core.ask('Where did Acme Corp move its information technology staff?').kind).toBe('excerpts');
    } finally {
      await core.close();
    }
  });

  it('is a warning of index --check', async () => {
    let stdout = '';
    const code = await runCli(['index', '--check', '--knowledge', knowledge], {
      env: { DATA_DIR: path.join(dir, 'data') },
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => undefined },
    });
    expect(code).toBe(0);
    expect(stdout).toContain(`  warning: ${warning}\n`);
    expect(stdout).toMatch(/\nok: 1 passage, 1 warning\n$/);
  });
});
