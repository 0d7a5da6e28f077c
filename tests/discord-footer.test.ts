import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { footerText, toDiscordMessage } from '../adapters/discord/render.js';
import { createPackCore, type PackCore } from './helpers/pack-core.js';

// A new deployment's first document: one short filing, one passage.
const NOTICE = `---
title: Notice of Appearance
kind: other
---
Jane Roe appears as counsel for the plaintiffs.
`;

let pack: PackCore;
beforeAll(async () => {
  pack = await createPackCore({ 'notice.md': NOTICE });
});
afterAll(() => pack?.close());

describe('the Discord answer footer', () => {
  it('counts one document and one passage in the singular', () => {
    expect(pack.core.stats()).toMatchObject({ documents: 1, passages: 1 });
    expect(footerText(pack.core.stats())).toMatch(/^1 document indexed · 1 passage · updated \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    const answer = pack.core.ask('Who appears as counsel for the plaintiffs?');
    expect(answer.kind).toBe('excerpts');
    expect(toDiscordMessage(answer, { stats: pack.core.stats() }).at(-1)?.embeds.at(-1)?.footer?.text).toBe(footerText(pack.core.stats()));
  });
});
