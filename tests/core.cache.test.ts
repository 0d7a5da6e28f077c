import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { serialize } from 'node:v8';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { buildCorpus } from '../src/corpus.js';
import { createPinpoint } from '../src/index.js';
import { hashText, loadKnowledge, type KnowledgePack } from '../src/knowledge/load.js';
import { packManifestSchema } from '../src/knowledge/schema.js';
import type { Logger } from '../src/logger.js';
import { createAnalyzer } from '../src/search/analyzer.js';
import { createIndexCache } from '../src/search/index-cache.js';
import { readSections, writeSections, type SectionValue } from '../src/search/index-sections.js';
import { buildPassageIndex, INDEX_VERSION, loadPassageIndex } from '../src/search/passage-index.js';
import { splitPassages } from '../src/passages.js';
import type { Document } from '../src/types.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/core/kb', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: object;
  message?: string;
}

function recordingLogger(lines: LogLine[] = []): Logger & { lines: LogLine[] } {
  const at = (level: LogLine['level']) => (fields: object, message?: string) => void lines.push({ level, fields, ...(message === undefined ? {} : { message }) });
  const logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger, lines };
  return logger;
}

let root: string;
let cacheDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pinpoint-core-cache-'));
  cacheDir = join(root, 'index-cache');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function packOf(texts: Record<string, string>, aliases: string[][] = []): KnowledgePack {
  const documents: Document[] = Object.entries(texts).map(([id, text]) => ({ id, path: `${id}.md`, meta: { title: `Title of ${id}` }, text, hash: hashText(text) }));
  return { dir: root, manifest: packManifestSchema.parse({ aliases }), documents, warnings: [] };
}

/** The cache bytes decoded to their parts, changed, and encoded again. */
function reencoded(
  bytes: Buffer,
  change: (index: { shape: Uint32Array; docs: Uint32Array; frequencies: Uint32Array; ids: string; format: string }) => Record<string, SectionValue>,
): Buffer {
  return writeSections(change(readSections(bytes) as never));
}

const cacheFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.index')).sort();

describe('index cache', () => {
  it('keys the cache by the index format, so a file of the format before is not even read', () => {
    expect(INDEX_VERSION).toMatch(/^pinpoint-index\/3:/);
  });

  it('builds the index the first time and loads it from the cache the second time', async () => {
    const pack = await loadKnowledge(FIXTURE);
    const first = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    const second = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    expect(first.source).toBe('built');
    expect(second.source).toBe('cache');
    expect(second.hash).toBe(first.hash);
    expect(cacheFiles()).toEqual([`${first.hash}.index`]);
  });

  it('answers the same from a cached index as from a built one', async () => {
    const pack = await loadKnowledge(FIXTURE);
    const built = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    const cached = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    for (const question of ["Who got access to users' direct messages?", 'Rule 12(b)(6)', 'damages $725 million', 'What is the capital of France?']) {
      expect(answerQuestion(cached, question)).toEqual(answerQuestion(built, question));
    }
  });

  it('rebuilds when a document changes and keeps the current and the previous index only', async () => {
    const a = await buildCorpus(packOf({ one: 'Netflix read messages.' }), { cacheDir, logger: recordingLogger() });
    const b = await buildCorpus(packOf({ one: 'Netflix read private messages.' }), { cacheDir, logger: recordingLogger() });
    expect(b.source).toBe('built');
    expect(b.hash).not.toBe(a.hash);
    const c = await buildCorpus(packOf({ one: 'Netflix read direct messages.' }), { cacheDir, logger: recordingLogger() });
    expect(c.source).toBe('built');
    expect(cacheFiles()).toHaveLength(2);
    expect(cacheFiles()).toContain(`${c.hash}.index`);
    expect(cacheFiles()).not.toContain(`${a.hash}.index`);
  });

  it('rebuilds when the aliases change, because the analyzer version is part of the key', async () => {
    const texts = { one: 'Netflix read direct messages.' };
    const plain = await buildCorpus(packOf(texts), { cacheDir, logger: recordingLogger() });
    const aliased = await buildCorpus(packOf(texts, [['DM', 'direct message']]), { cacheDir, logger: recordingLogger() });
    expect(aliased.source).toBe('built');
    expect(aliased.hash).not.toBe(plain.hash);
  });

  it("rebuilds after an upgrade of Node's Unicode tables, which say what a letter is and how one folds", async () => {
    const texts = { one: 'Netflix read direct messages.' };
    const before = await buildCorpus(packOf(texts), { cacheDir, logger: recordingLogger() });
    const unicode = Object.getOwnPropertyDescriptor(process.versions, 'unicode')!;
    Object.defineProperty(process.versions, 'unicode', { ...unicode, value: `${unicode.value}.1` });
    try {
      const after = await buildCorpus(packOf(texts), { cacheDir, logger: recordingLogger() });
      expect(after.source).toBe('built');
      expect(after.hash).not.toBe(before.hash);
    } finally {
      Object.defineProperty(process.versions, 'unicode', unicode);
    }
  });

  it('rebuilds when a document title changes, since titles are an indexed field', async () => {
    const pack = packOf({ one: 'Netflix read messages.' });
    const before = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    pack.documents[0]!.meta.title = 'A new title';
    const after = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    expect(after.source).toBe('built');
    expect(after.hash).not.toBe(before.hash);
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length / 2)],
    ['garbage', () => Buffer.from('garbage')],
    ['empty', () => Buffer.alloc(0)],
    ['a serialized value of another shape', () => serialize({ hello: 'world' })],
    ['an index of another format', (bytes: Buffer) => reencoded(bytes, (index) => ({ ...index, format: 'pinpoint-index/0' }))],
    ["MiniSearch's own JSON", () => Buffer.from('{"documentCount":0,"index":[],"serializationVersion":2}')],
    // Formats 1 and 2 were V8-serialized; a file of either under the current key must not pass for format 3.
    ['an index of format 1', () => serialize({ format: 'pinpoint-index/1', documentCount: 2, tree: new Map(), documentIds: new Map(), fieldLength: new Map() })],
    ['an index of format 2', () => serialize({ format: 'pinpoint-index/2', documentCount: 2, shape: new Uint32Array([0]), labels: '', docs: new Uint32Array(), frequencies: new Uint32Array() })],
    ['an index whose header is not JSON', (bytes: Buffer) => Buffer.concat([Buffer.from([5, 0, 0, 0]), Buffer.from('{oops'), bytes.subarray(9)])],
    ['an index whose sections run past its end', (bytes: Buffer) => bytes.subarray(0, bytes.length - 4)],
    ['an index whose terms are cut short', (bytes: Buffer) => reencoded(bytes, (index) => ({ ...index, shape: index.shape.subarray(0, index.shape.length - 1) }))],
    ['an index whose postings are cut short', (bytes: Buffer) => reencoded(bytes, (index) => ({ ...index, docs: index.docs.subarray(1), frequencies: index.frequencies.subarray(1) }))],
    ['an index missing passage ids', (bytes: Buffer) => reencoded(bytes, (index) => ({ ...index, ids: '' }))],
  ])('falls back to building when the cache file is %s, and rewrites it', async (_label, corrupt) => {
    const pack = packOf({ one: 'Netflix read messages.\n\nMeta settled for $725 million.' });
    const first = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    const file = join(cacheDir, `${first.hash}.index`);
    writeFileSync(file, corrupt(readFileSync(file)));
    const logger = recordingLogger();
    const second = await buildCorpus(pack, { cacheDir, logger });
    expect(second.source).toBe('built');
    expect(logger.lines.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual(['cached index could not be loaded; rebuilding']);
    expect(answerQuestion(second, 'How much did Meta settle for?')).toEqual(answerQuestion(first, 'How much did Meta settle for?'));
    const third = await buildCorpus(pack, { cacheDir, logger: recordingLogger() });
    expect(third.source).toBe('cache');
  });

  it('removes index caches of the old JSON format when it writes one', async () => {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'a1b2c3.json'), '{"index":[]}');
    await buildCorpus(packOf({ one: 'Netflix read messages.' }), { cacheDir, logger: recordingLogger() });
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.json'))).toEqual([]);
    expect(cacheFiles()).toHaveLength(1);
  });

  it('still builds and only warns when the cache folder cannot be written', async () => {
    writeFileSync(join(root, 'not-a-folder'), 'x');
    const logger = recordingLogger();
    const corpus = await buildCorpus(packOf({ one: 'Netflix read messages.' }), { cacheDir: join(root, 'not-a-folder'), logger });
    expect(corpus.source).toBe('built');
    expect(logger.lines.map((line) => [line.level, line.message])).toEqual([
      ['warn', 'index cache unreadable; rebuilding'],
      ['warn', 'could not write the index cache; the next start will re-index'],
    ]);
  });

  it('leaves no partial file behind when the index does not fit on the disk', () => {
    // A file-size limit of 32 or 64 KiB (`ulimit -f 64`: 512- or 1024-byte blocks by shell) fails the
    // write part way, as a full disk does. A partial temp file would keep the space the state database
    // needs, and no later write would remove it.
    const script = `
      const { createIndexCache } = await import('./src/search/index-cache.ts');
      const logger = { debug() {}, info() {}, error() {}, warn: (_f, m) => console.log('warn', m), child: () => logger };
      await createIndexCache(process.argv[1], logger).write('big', Buffer.alloc(1_000_000, 1));`;
    const child = spawnSync('/bin/sh', ['-c', 'ulimit -f 64 && exec "$0" "$@"', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script, cacheDir], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect([child.status, child.stderr]).toEqual([0, '']);
    expect(child.stdout).toBe('warn could not write the index cache; the next start will re-index\n');
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it('removes a temp file a killed writer left hours ago, and not one another process is writing now', async () => {
    mkdirSync(cacheDir, { recursive: true });
    const abandoned = join(cacheDir, 'a.index.111.tmp');
    const writing = join(cacheDir, 'b.index.222.tmp');
    writeFileSync(abandoned, 'half');
    utimesSync(abandoned, Date.now() / 1000 - 2 * 3600, Date.now() / 1000 - 2 * 3600);
    writeFileSync(writing, 'half');
    await createIndexCache(cacheDir, recordingLogger()).write('new', Buffer.from('new'));
    expect(readdirSync(cacheDir).sort()).toEqual(['b.index.222.tmp', 'new.index']);
  });

  it('prunes without a false warning when another process removed a cache file it listed', async () => {
    // A dangling link is a listed name that is gone by the time it is read, as a file is when another
    // process sharing DATA_DIR prunes the same folder at the same moment.
    mkdirSync(cacheDir, { recursive: true });
    for (const [name, age] of [['older', 200], ['old', 100]] as const) {
      writeFileSync(join(cacheDir, `${name}.index`), name);
      utimesSync(join(cacheDir, `${name}.index`), Date.now() / 1000 - age, Date.now() / 1000 - age);
    }
    symlinkSync(join(cacheDir, 'removed-meanwhile'), join(cacheDir, 'gone.index'));
    const logger = recordingLogger();
    await createIndexCache(cacheDir, logger).write('new', Buffer.from('new'));
    expect(logger.lines).toEqual([]);
    expect(['new', 'old', 'older'].filter((name) => existsSync(join(cacheDir, `${name}.index`)))).toEqual(['new', 'old']);
  });

  it('keeps the index a bot serves after a revert loaded it from the cache, when another process writes one', async () => {
    // The bot read its index back from the cache, which left the file as old as when it was first written:
    // the next index another process wrote (\`npm run ask -- --knowledge drafts\`) pruned it as the oldest, and
    // the bot's next restart re-indexed.
    const knowledgeDir = join(root, 'knowledge');
    const draftsDir = join(root, 'drafts');
    const dataDir = join(root, 'data');
    cpSync(FIXTURE, knowledgeDir, { recursive: true });
    mkdirSync(draftsDir);
    writeFileSync(join(draftsDir, 'draft.md'), 'A draft of the order.');
    const indexFile = (hash: string) => join(dataDir, 'index-cache', `${hash}.index`);
    const age = (hash: string, seconds: number) => utimesSync(indexFile(hash), Date.now() / 1000 - seconds, Date.now() / 1000 - seconds);
    const bot = await createPinpoint({ knowledgeDir, dataDir });
    const served = bot.stats().knowledgeHash;
    writeFileSync(join(knowledgeDir, 'notice.txt'), 'The hearing is moved.');
    await bot.reload();
    const edited = bot.stats().knowledgeHash;
    age(served, 300);
    age(edited, 200);
    rmSync(join(knowledgeDir, 'notice.txt'));
    await bot.reload();
    expect(bot.stats().knowledgeHash).toBe(served);
    const oneShot = await createPinpoint({ knowledgeDir: draftsDir, dataDir, judgePins: false });
    await oneShot.close();
    await bot.close();
    expect(existsSync(indexFile(served))).toBe(true);
    expect(existsSync(indexFile(edited))).toBe(false);
  });

  it('never prunes the index still serving while a reload writes the next one', async () => {
    const serving = await buildCorpus(packOf({ one: 'Netflix read messages.' }), { cacheDir, logger: recordingLogger() });
    // Another process sharing DATA_DIR wrote an index since.
    await createIndexCache(cacheDir, recordingLogger()).write('another', Buffer.from('another'));
    utimesSync(join(cacheDir, `${serving.hash}.index`), Date.now() / 1000 - 300, Date.now() / 1000 - 300);
    const next = await buildCorpus(packOf({ one: 'Netflix read private messages.' }), { cacheDir, logger: recordingLogger(), inUse: serving.hash });
    expect(cacheFiles()).toEqual([`${next.hash}.index`, 'another.index', `${serving.hash}.index`].sort());
  });

  it('always builds without a cache folder', async () => {
    const pack = packOf({ one: 'Netflix read messages.' });
    expect((await buildCorpus(pack, { logger: recordingLogger() })).source).toBe('built');
    expect((await buildCorpus(pack, { logger: recordingLogger() })).source).toBe('built');
  });

  it('loads from the cache on a restart of the core with the same data folder', async () => {
    const knowledgeDir = join(root, 'knowledge');
    const dataDir = join(root, 'data');
    cpSync(FIXTURE, knowledgeDir, { recursive: true });
    const sources: unknown[] = [];
    const logger = recordingLogger();
    const start = async () => {
      logger.lines.length = 0;
      const core = await createPinpoint({ knowledgeDir, dataDir, logger });
      sources.push(logger.lines.find((line) => line.message === 'knowledge indexed')?.fields);
      return core;
    };
    const first = await start();
    const hash = first.stats().knowledgeHash;
    await first.close();
    const second = await start();
    expect(second.stats().knowledgeHash).toBe(hash);
    await second.close();
    writeFileSync(join(knowledgeDir, 'order.txt'), 'The motion is granted.');
    const third = await start();
    expect(third.stats().knowledgeHash).not.toBe(hash);
    await third.close();
    expect(sources.map((fields) => (fields as { index: string }).index)).toEqual(['built', 'cache', 'built']);
    expect(readdirSync(join(dataDir, 'index-cache')).filter((name) => name.endsWith('.index'))).toHaveLength(2);
  });
});

describe('passage index', () => {
  const text = ['Netflix read private messages.', 'Netflix paid Meta.', 'Messages were private.', 'The settlement was $725 million.'].join('\n\n');
  const document: Document = { id: 'd', path: 'd.md', meta: { title: 'Privacy order' }, text, hash: hashText(text) };
  const analyzer = createAnalyzer();
  const passages = splitPassages(document);
  const documents = new Map([[document.id, document]]);
  const built = buildPassageIndex(passages, documents, analyzer);
  const loaded = loadPassageIndex(built.serialize(), analyzer);

  it('relies on MiniSearch internals that still exist (_index.get, _index.fuzzyGet, _index.atPrefix, _fieldIds)', () => {
    const miniSearch = new MiniSearch({ fields: ['text', 'title'] });
    miniSearch.add({ id: 1, text: 'hello world', title: 'greeting' });
    const internals = miniSearch as unknown as {
      _index: {
        get(term: string): Map<number, Map<number, number>> | undefined;
        fuzzyGet(term: string, distance: number): Map<string, [unknown, number]>;
        atPrefix(prefix: string): Iterable<[string, unknown]>;
      };
      _fieldIds: Record<string, number>;
    };
    expect(internals._fieldIds).toEqual({ text: 0, title: 1 });
    expect(internals._index.get('hello')?.get(internals._fieldIds.text!)?.size).toBe(1);
    expect(internals._index.get('hello')?.get(internals._fieldIds.title!)).toBeUndefined();
    expect([...internals._index.fuzzyGet('helo', 1)].map(([term, [, distance]]) => [term, distance])).toEqual([['hello', 1]]);
    expect([...internals._index.atPrefix('hel')].map(([term]) => term)).toEqual(['hello']);
  });

  it.each([
    ['built', built],
    ['loaded from the cache bytes', loaded],
  ])('counts passages whose text holds a term (%s)', (_label, index) => {
    expect(index.passageCount).toBe(4);
    expect(index.documentFrequency('netflix')).toBe(2);
    expect(index.documentFrequency('messag')).toBe(2);
    expect(index.documentFrequency('privat')).toBe(2);
    expect(index.documentFrequency('$725')).toBe(1);
    // The title is indexed, but document frequency counts the text field only.
    expect(index.documentFrequency('order')).toBe(0);
    expect(index.documentFrequency('absent')).toBe(0);
  });

  it.each([
    ['built', built],
    ['loaded from the cache bytes', loaded],
  ])('suggests the closest indexed terms for a misspelling (%s)', (_label, index) => {
    expect(index.closestTerms('netflx', 1)).toEqual(['netflix']);
    expect(index.closestTerms('setle', 2)).toEqual(['settl']); // "settlement" is read as "settle"
    expect(index.closestTerms('netflix', 1)).toEqual([]);
    expect(index.closestTerms('zzzzzz', 1)).toEqual([]);
  });

  it.each([
    ['built', built],
    ['loaded from the cache bytes', loaded],
  ])('lists the indexed terms a word starts, one more than the limit at most (%s)', (_label, index) => {
    expect(index.termsWithPrefix('netfl', 3)).toEqual(['netflix']);
    expect(index.termsWithPrefix('netflix', 3)).toEqual([]);
    expect(index.termsWithPrefix('zzz', 3)).toEqual([]);
    expect(index.termsWithPrefix('p', 1)).toEqual(['pay', 'privat']);
  });

  it('searches a loaded index exactly as the index it was saved from', () => {
    for (const terms of [['netflix', 'privat'], ['messag'], ['$725', 'settlement'], ['order'], ['absent']]) {
      const weights = new Map([[terms[0]!, 2]]);
      expect(loaded.search(terms, { limit: 10, weights })).toEqual(built.search(terms, { limit: 10, weights }));
    }
    expect(loaded.serialize()).toEqual(built.serialize());
  });

  it('finds passages by analysed terms and boosts the title field', () => {
    const hits = built.search(['netflix', 'privat'], { limit: 10 });
    expect(hits.map((hit) => passages.find((passage) => passage.id === hit.id)!.text)[0]).toBe('Netflix read private messages.');
    expect(built.search([], { limit: 10 })).toEqual([]);
    expect(built.search(['order'], { limit: 10 })).toHaveLength(4);
    expect(built.search(['netflix', 'messag'], { limit: 1 })).toHaveLength(1);
  });

  it('scales a term by its weight', () => {
    const textOf = (id: string) => passages.find((passage) => passage.id === id)!.text;
    const top = (weights: [string, number][]) => textOf(built.search(['netflix', 'settl'], { limit: 10, weights: new Map(weights) })[0]!.id);
    expect(top([['netflix', 10]])).toMatch(/^Netflix/);
    expect(top([['settl', 10]])).toBe('The settlement was $725 million.');
    expect(top([['netflix', 1], ['settl', 0.01]])).toMatch(/^Netflix/);
  });
});

describe('index sections', () => {
  const values = {
    format: 'pinpoint-index/test',
    count: 3,
    fields: { text: 0, title: 1 },
    numbers: new Uint32Array([0, 1, 2 ** 32 - 1]),
    averages: new Float64Array([0.1 + 0.2, Number.NaN, -Infinity]),
    latin: 'plain ascii and café',
    // Two-byte text, with a lone surrogate that UTF-8 could not carry.
    wide: '§ 1983 “quoted” \ud800 end',
  };

  it('reads back exactly what it wrote, typed arrays as typed arrays', () => {
    expect(readSections(writeSections(values))).toEqual(values);
  });

  it('reads a buffer that does not start at an aligned offset of its memory', () => {
    const bytes = writeSections(values);
    const shifted = Buffer.alloc(bytes.length + 1);
    bytes.copy(shifted, 1);
    expect(readSections(shifted.subarray(1))).toEqual(values);
  });
});
