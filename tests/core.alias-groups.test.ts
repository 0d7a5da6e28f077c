import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinpoint, type Pinpoint } from '../src/index.js';
import { mergeAliasGroups } from '../src/knowledge/alias-groups.js';

describe('mergeAliasGroups', () => {
  it.each([
    ['groups sharing a phrase', [['Meta', 'Facebook'], ['Facebook', 'FB']], [['Meta', 'Facebook', 'FB']]],
    ['a group that joins two others', [['A', 'B'], ['C', 'D'], ['B', 'C']], [['A', 'B', 'C', 'D']]],
    ['a later group joining an earlier one, others kept in place', [['A', 'B'], ['C', 'D'], ['b', 'E']], [['A', 'B', 'E'], ['C', 'D']]],
    ['a phrase spelled in another case or spacing', [['direct message', 'DM'], ['Direct  Message', 'inbox']], [['direct message', 'DM', 'inbox']]],
    ['groups sharing nothing', [['Meta', 'Facebook'], ['DM', 'inbox']], [['Meta', 'Facebook'], ['DM', 'inbox']]],
  ])('makes one group of %s', (_label, groups, merged) => {
    expect(mergeAliasGroups(groups)).toEqual(merged);
  });
});

describe('a pack.yaml listing a phrase in two alias groups', () => {
  let dir: string;
  let core: Pinpoint;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pinpoint-alias-groups-'));
    await writeFile(path.join(dir, 'pack.yaml'), 'name: Doe v. Meta\naliases:\n  - [Meta, Facebook]\n  - [Facebook, FB]\n');
    await writeFile(path.join(dir, 'complaint.md'), 'Meta shared the inbox data with Netflix.\n\nThe weather was sunny all week.\n');
    core = await createPinpoint({ knowledgeDir: dir });
  });

  afterAll(async () => {
    await core.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the words of one group by the words of the other', () => {
    // "FB" reached "Facebook" only; the documents say "Meta".
    const answer = core.ask('Did FB share the inbox data?');
    expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('Meta shared the inbox data with Netflix.');
  });
});
