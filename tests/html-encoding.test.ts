import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHtml } from '../src/knowledge/html-encoding.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { createPinpoint } from '../src/index.js';

// “café” — as windows-1252 bytes: curly quotes 0x93/0x94, é 0xe9.
const WINDOWS_1252_WORDS = Buffer.from([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94]);
const page = (head: string, body: Buffer) =>
  Buffer.concat([Buffer.from(`<html><head>${head}<title>Old page</title></head><body><p>The `), body, Buffer.from(' opened in 1998.</p></body></html>')]);

describe('decodeHtml', () => {
  it.each([
    ['<meta charset="windows-1252">'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'],
    ["<meta charset='ISO-8859-1' />"],
  ])('reads a page declared with %s as windows-1252', (head) => {
    expect(decodeHtml(page(head, WINDOWS_1252_WORDS), 'old.html')).toContain('The “café” opened');
  });

  it('reads UTF-8 when the page says nothing, says UTF-8, or names an encoding no decoder knows', () => {
    const utf8 = Buffer.from('“café”');
    expect(decodeHtml(page('', utf8), 'old.html')).toContain('The “café” opened');
    expect(decodeHtml(page('<meta charset="utf-8">', utf8), 'old.html')).toContain('The “café” opened');
    expect(decodeHtml(page('<meta charset="no-such-thing">', utf8), 'old.html')).toContain('The “café” opened');
  });

  it.each([
    ['declares no encoding', ''],
    ['names an encoding no decoder knows', '<meta charset="no-such-thing">'],
  ])('reads a page that is not UTF-8 and %s as windows-1252, as a browser does', (_case, head) => {
    expect(decodeHtml(page(head, WINDOWS_1252_WORDS), 'old.html')).toContain('The “café” opened');
  });

  it('reads a page re-saved as UTF-8 as UTF-8, whatever its old declaration says', () => {
    expect(decodeHtml(page('<meta charset="windows-1252">', Buffer.from('“café”')), 'old.html')).toContain('The “café” opened');
  });

  it('lets a byte order mark win over the declaration', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), page('<meta charset="windows-1252">', Buffer.from('“café”'))]);
    expect(decodeHtml(withBom, 'old.html')).toContain('The “café” opened');
  });
});

describe('a windows-1252 page in a knowledge folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pinpoint-html-encoding-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The second: saved from a site that named its encoding only in the HTTP header.
  it.each([['<meta charset="windows-1252">'], ['']])('is quoted with its own characters, not replacement characters (head %j)', async (head) => {
    const paragraph = Buffer.from(' opened in 1998, and for twenty years the neighbourhood met there every morning before work.');
    const body = Buffer.concat([Buffer.from('<p>The '), WINDOWS_1252_WORDS, paragraph, Buffer.from('</p>')]);
    const html = Buffer.concat([
      Buffer.from(`<html><head>${head}<title>The corner cafe</title></head><body><article><h1>The corner cafe</h1>`),
      body,
      body,
      Buffer.from('</article></body></html>'),
    ]);
    writeFileSync(join(dir, 'cafe.html'), html);
    const pack = await loadKnowledge(dir);
    const text = pack.documents[0]!.text;
    expect(text).toContain('The “café” opened in 1998');
    expect(text).not.toContain('\uFFFD');
  });
});

describe('a file saved as .html that is no web page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pinpoint-html-binary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the reload naming the file, and the documents before keep answering', async () => {
    writeFileSync(join(dir, 'article.md'), 'The settlement was $725 million.\n');
    const core = await createPinpoint({ knowledgeDir: dir });
    try {
      // A page downloaded without decompressing it: gzip bytes under an .html name.
      const article = '<html><head><title>Settlement</title></head><body><article><p>The settlement was approved in court today by the judge.</p></article></body></html>';
      writeFileSync(join(dir, 'news.html'), gzipSync(article));
      const result = await core.reload();
      expect(result).toEqual({
        ok: false,
        error: `pinpoint: ${join(dir, 'news.html')} is not a web page (it holds NUL bytes: a compressed download, a PDF or an image?); save the page again from the browser as HTML, or remove it`,
      });
      expect(core.documents().map((document) => document.id)).toEqual(['article']);
      const answer = core.ask('How much was the settlement?');
      expect(answer.kind === 'excerpts' && answer.excerpts[0]!.quote).toBe('The settlement was $725 million.');
    } finally {
      await core.close();
    }
  });
});
