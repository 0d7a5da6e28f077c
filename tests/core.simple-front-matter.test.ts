import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simpleFrontMatter } from '../src/knowledge/simple-front-matter.js';

/** What the YAML parser makes of a block, as the loader calls it; undefined where it reports an error. */
function parsed(yaml: string): unknown {
  const document = parseDocument(yaml, { uniqueKeys: true });
  return document.errors.length > 0 ? undefined : document.toJS();
}

describe('simple front matter', () => {
  it.each([
    'title: "Generated opinion 12"',
    "title: 'Order on the motion'",
    'title: Smith v. Jones (N.D. Cal.)',
    'title: O’Brien’s petition & brief',
    "title: O'Brien",
    'title: Café   au lait   ',
    'title: ""',
    'title: "It’s § 1983, [really] {so} #1: yes"',
    'title: "A"\n\nkind: order\ndate: 2024-01-31\ncourt: "N.D. Cal."',
    'date: 2024-01-31',
  ])('reads %j as the YAML parser does', (yaml) => {
    const simple = simpleFrontMatter(yaml);
    expect(simple).toBeDefined();
    expect(simple).toEqual(parsed(yaml));
  });

  it.each([
    ['a boolean', 'title: true'],
    ['a null', 'title: null'],
    ['a number', 'ecf: 42'],
    ['a float', 'title: 1.5'],
    ['a key twice', 'title: A\ntitle: B'],
    ['a comment', '# note\ntitle: A'],
    ['a trailing comment', 'title: A # note'],
    ['a nested map', 'title: x: y'],
    ['an escape', 'title: "A\\tB"'],
    ['a doubled quote', "title: 'It''s'"],
    ['a list', 'title:\n  - A'],
    ['a flow list', 'title: [A, B]'],
    ['an indented line', '  title: A'],
    ['a capitalised key', 'Title: A'],
    ['a key YAML reads as null', 'null: A'],
    ['a tab', 'title:\tA'],
    ['an empty block', ''],
    ['an empty value', 'title:'],
    ['an anchor', 'title: &a A'],
    ['a control character', 'title: "A\u0001B"'],
  ])('leaves %s to the YAML parser', (_label, yaml) => {
    expect(simpleFrontMatter(yaml)).toBeUndefined();
  });
});
