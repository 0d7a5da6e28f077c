import { constants } from 'node:buffer';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative as relativeTo } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PinpointError } from '../src/errors.js';
import { hashText, loadKnowledge, SUPPORTED_EXTENSIONS } from '../src/knowledge/load.js';
import { isLeftOutPath } from '../src/knowledge/left-out.js';
import { DOCUMENT_KINDS } from '../src/knowledge/schema.js';
import { flow, makePdf } from './helpers/make-pdf.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/core/kb', import.meta.url));
const made: string[] = [];

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinpoint-core-knowledge-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** `file` as a path relative to the working folder, as a setting or flag may name it. */
function relativeToCwd(file: string): string {
  return relativeTo(process.cwd(), file);
}

async function loadError(dir: string): Promise<PinpointError> {
  const error = await loadKnowledge(dir).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PinpointError);
  return error as PinpointError;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadKnowledge', () => {
  describe('missing and empty folders', () => {
    it('stops with KNOWLEDGE_MISSING when the folder does not exist', async () => {
      const dir = join(tmpdir(), 'pinpoint-core-no-such-folder');
      const error = await loadError(dir);
      expect(error.code).toBe('KNOWLEDGE_MISSING');
      expect(error.message).toBe(`pinpoint: knowledge folder ${dir} does not exist; create it with the case documents or set KNOWLEDGE_DIR`);
    });

    // Read from the working folder, which a service manager sets elsewhere than the checkout (systemd starts in /):
    // "./knowledge does not exist" sent the operator to the checkout's knowledge folder, which did.
    it('names where a relative folder that does not exist was looked for', async () => {
      const relative = relativeToCwd(join(tmpdir(), 'pinpoint-core-no-such-folder'));
      expect((await loadError(relative)).message).toBe(
        `pinpoint: knowledge folder ${relative} (${join(tmpdir(), 'pinpoint-core-no-such-folder')}) does not exist; create it with the case documents or set KNOWLEDGE_DIR`,
      );
    });

    it.each([
      [{ flag: '--knowledge' }, 'pass --knowledge a folder that exists'],
      [{ variable: 'PACK_DIR' }, 'set PACK_DIR'],
    ])('names what named a missing folder (%o) in the fix', async (origin, fix) => {
      const dir = join(tmpdir(), 'pinpoint-core-no-such-folder');
      const error = await loadKnowledge(dir, { origin }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PinpointError);
      expect((error as PinpointError).message).toBe(`pinpoint: knowledge folder ${dir} does not exist; create it with the case documents or ${fix}`);
    });

    it('names the flag that named an empty folder, or one of blank documents, in the fix', async () => {
      const empty = folder({});
      const blank = folder({ 'a.md': '\n' });
      const errorOf = (dir: string) =>
        loadKnowledge(dir, { origin: { flag: '--knowledge' } }).then(
          () => new PinpointError('INPUT_INVALID', 'loaded'),
          (caught: unknown) => caught as PinpointError,
        );
      expect((await errorOf(empty)).message).toMatch(/; add one or pass --knowledge a folder with documents$/);
      expect((await errorOf(blank)).message).toMatch(/; add text or pass --knowledge a folder with documents$/);
    });

    it('stops with KNOWLEDGE_MISSING when the path is a file', async () => {
      const dir = folder({ 'a.md': 'Text.' });
      const error = await loadError(join(dir, 'a.md'));
      expect(error.code).toBe('KNOWLEDGE_MISSING');
    });

    it('stops with KNOWLEDGE_EMPTY when the folder is empty', async () => {
      const dir = folder({});
      const error = await loadError(dir);
      expect(error.code).toBe('KNOWLEDGE_EMPTY');
      expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.md', '.markdown', '.txt']));
      expect(error.message).toBe(`pinpoint: knowledge folder ${dir} has no documents (${SUPPORTED_EXTENSIONS.join(', ')}); add one or set KNOWLEDGE_DIR`);
    });

    it('stops with KNOWLEDGE_EMPTY when only ignored or unsupported files are there', async () => {
      const dir = folder({ '.hidden.md': 'Hidden.', '_draft.md': 'Draft.', 'notes.json': '{}', 'pack.yaml': 'name: X\n', '_drafts/old.md': 'Old.' });
      const error = await loadError(dir);
      expect(error.code).toBe('KNOWLEDGE_EMPTY');
      expect(error.message).toMatch(/has no documents/);
    });

    it('says why each file was skipped when none is a document [reported bug]', async () => {
      const dir = folder({ 'complaint.docx': 'PK', 'pack.yml': 'name: X\n' });
      const error = await loadError(dir);
      expect(error.code).toBe('KNOWLEDGE_EMPTY');
      expect(error.message).toBe(
        `pinpoint: knowledge folder ${dir} has no documents (${SUPPORTED_EXTENSIONS.join(', ')}); add one or set KNOWLEDGE_DIR\n` +
          `  ${join(dir, 'complaint.docx')}: not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}); skipped: save it as PDF or text to quote it\n` +
          `  ${join(dir, 'pack.yml')}: skipped; the pack file is read only as pack.yaml: rename it`,
      );
    });

    it('names the left-out names that hold documents when there are no others', async () => {
      // "has no documents; add one" for a folder whose documents were all in "_filings/": the operator saw them there.
      const dir = folder({ '_filings/complaint.md': 'The complaint.', '_filings/orders/order.md': 'The order.', '.archive/old.pdf': '%PDF', '_draft.md': 'Draft.', '.DS_Store': 'junk', 'a.md~': 'Backup.' });
      const error = await loadError(dir);
      expect(error.code).toBe('KNOWLEDGE_EMPTY');
      expect(error.message).toBe(
        `pinpoint: knowledge folder ${dir} has no documents (${SUPPORTED_EXTENSIONS.join(', ')}); add one or set KNOWLEDGE_DIR\n` +
          `  ${join(dir, '.archive')}: left out, as every name starting with "." or "_" is: rename it to quote the documents in it\n` +
          `  ${join(dir, '_draft.md')}: left out, as every name starting with "." or "_" is: rename it to quote it\n` +
          `  ${join(dir, '_filings')}: left out, as every name starting with "." or "_" is: rename it to quote the documents in it`,
      );
    });

    it('stops with KNOWLEDGE_EMPTY when every document is blank', async () => {
      const dir = folder({ 'a.md': '  \n\n', 'b.md': '---\ntitle: B\n---\n\n' });
      const error = await loadError(dir);
      expect(error.code).toBe('KNOWLEDGE_EMPTY');
      expect(error.message).toBe(`pinpoint: knowledge folder ${dir} has only empty documents; add text or set KNOWLEDGE_DIR`);
    });

    it('skips a blank document with a warning when others have text', async () => {
      const dir = folder({ 'a.md': 'Text.', 'b.md': '\n' });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md']);
      expect(pack.warnings).toEqual([`${join(dir, 'b.md')}: no text; skipped`]);
    });
  });

  describe('an empty file', () => {
    it('skips a 0-byte file of any format with a warning, as a download still running leaves one', async () => {
      // A 0-byte PDF (Firefox's placeholder while it downloads) or HTML page stopped the whole load.
      const dir = folder({ 'a.md': 'Text.', 'b.pdf': '', 'c.html': '', 'd.md': '' });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md']);
      expect(pack.warnings).toEqual(['b.pdf', 'c.html', 'd.md'].map((name) => `${join(dir, name)}: an empty file (0 bytes); skipped`));
    });
  });

  describe('malformed front matter', () => {
    it.each([
      ['an unknown kind', '---\ntitle: A\nkind: memo\n---\nBody', 3, '"kind": expected one of complaint, answer, motion, brief, order, opinion, judgment, exhibit, transcript, declaration, settlement, docket, news-article, article, press-release, other'],
      ['an unknown key', '---\ntitle: A\ncolour: red\n---\nBody', 3, 'the front matter: unknown key "colour"; remove it or check the spelling'],
      ['an unknown key over a list', '---\ntitle: A\ntags:\n  - privacy\n---\nBody', 3, 'the front matter: unknown key "tags"; remove it or check the spelling'],
      // Front matter copied from a blog spells its keys and kinds with capitals: the error only said "check the spelling".
      ['a key with a capital', '---\nTitle: A\n---\nBody', 2, 'the front matter: unknown key "Title"; write it as "title"'],
      ['a kind with capitals', '---\ntitle: A\nkind: News Article\n---\nBody', 3, '"kind": expected one of complaint, answer, motion, brief, order, opinion, judgment, exhibit, transcript, declaration, settlement, docket, news-article, article, press-release, other; write it as "news-article"'],
      // zod's own words, "Too small: expected string to have >=1 characters", with no fix.
      ['an empty court', '---\ntitle: A\ncourt: ""\n---\nBody', 3, '"court": is empty; write it, or remove the line'],
      ['an impossible date', '---\ntitle: A\ndate: 2022-13-45\n---\nBody', 3, '"date": expected a date as YYYY-MM-DD'],
      ['a date in words', '---\ntitle: A\nkind: order\ndate: yesterday\n---\nBody', 4, '"date": expected a date as YYYY-MM-DD'],
      ['a relative URL', '---\ntitle: A\nurl: filing.pdf\n---\nBody', 3, '"url": expected an absolute URL such as https://example.com/filing.pdf'],
      ['an empty title', '---\ntitle: "  "\n---\nBody', 2, '"title": expected a non-empty title'],
      ['a fractional ECF number [reported bug]', '---\ntitle: A\necf: 3.5\n---\nBody', 3, '"ecf": expected a whole number, got the number 3.5'],
      ['an ECF number of 0', '---\ntitle: A\necf: 0\n---\nBody', 3, '"ecf": expected the docket entry number, 1 or more'],
      ['a quoted ECF number', '---\ntitle: A\necf: "396"\n---\nBody', 3, '"ecf": expected a number, got the text "396"; remove the quotes'],
      ['a title YAML reads as a number', '---\nkind: order\ntitle: 1984\n---\nBody', 3, '"title": expected text, got the number 1984; put it in quotes: "1984"'],
      ['a title left empty', '---\ntitle:\n---\nBody', 2, '"title": expected text, got nothing (an empty value)'],
      ['a list instead of keys', '---\n- title\n---\nBody', 2, 'the front matter: expected key: value lines such as "title: My title", got a list'],
      // "Map keys must be unique" and "e.g. title: My title": the fix suggested writing the key once more.
      ['a duplicate key', '---\ntitle: A\ntitle: B\n---\nBody', 3, 'invalid YAML ("title" is written twice, first on line 2); keep one of the two "title:" lines'],
      ['a bad indent [reported bug]', '---\ntitle: A\n  kind: order\n---\nBody', 3, 'invalid YAML (a key indented under a line that already has a value); start it at the beginning of its line: "kind: order"'],
      ['a bad indent below other keys', '---\ntitle: A\nkind: order\n date: 2022-01-01\n---\nBody', 4, 'invalid YAML (a key indented under a line that already has a value); start it at the beginning of its line: "date: 2022-01-01"'],
      // "Nested mappings are not allowed in compact mappings", with "e.g. title: My title" as the fix, did not say what to change.
      ['a colon inside a value', '---\ntitle: Doe v. Acme: Complaint\n---\nBody', 2, 'invalid YAML (a value holding ": " without quotes); put the value in quotes: title: "Doe v. Acme: Complaint"'],
      ['a colon inside a value before a comment', '---\ntitle: Doe v. Acme: Complaint  # as filed\n---\nBody', 2, 'invalid YAML (a value holding ": " without quotes); put the value in quotes: title: "Doe v. Acme: Complaint"'],
      // "Unexpected scalar at node end" or "Plain value cannot start with reserved character @", with "e.g. title: My title".
      ['an apostrophe inside single quotes', "---\ntitle: 'Plaintiff's Motion to Dismiss'\n---\nBody", 2, 'invalid YAML (Unexpected scalar at node end); put the value in quotes: title: "Plaintiff\'s Motion to Dismiss"'],
      ['an apostrophe inside single quotes before a comment', "---\ntitle: 'Doe's brief # 2'  # as filed\n---\nBody", 2, 'invalid YAML (Unexpected scalar at node end); put the value in quotes: title: "Doe\'s brief # 2"'],
      ['double quotes inside double quotes', '---\ntitle: "The "Zebra" order"\n---\nBody', 2, 'invalid YAML (Unexpected scalar at node end); put the value in quotes: title: \'The "Zebra" order\''],
      ['a value starting with a reserved character', '---\ntitle: @Meta and the FTC\n---\nBody', 2, 'invalid YAML (Plain value cannot start with reserved character @); put the value in quotes: title: "@Meta and the FTC"'],
      ['a value starting with a star', '---\ntitle: * Sealed *\n---\nBody', 2, 'invalid YAML (Alias cannot be an empty string); put the value in quotes: title: "* Sealed *"'],
      ['a colon inside a value with double quotes', '---\nkind: order\ntitle: Re: the "Zebra" clause\n---\nBody', 3, 'invalid YAML (a value holding ": " without quotes); put the value in quotes: title: \'Re: the "Zebra" clause\''],
      ['an unclosed fence', '---\ntitle: A\nBody that never closes the fence', 1, 'front matter opened with --- is never closed; add a line with --- after the metadata, or, if the file has no front matter, put a blank line above its first ---'],
      // Hugo's TOML front matter was quoted as the document's first passage, and its title lost.
      ['front matter in TOML', '+++\ntitle = "Order on the motion"\ndate = 2022-12-06\n+++\n\nThe motion is denied.', 1, 'front matter between +++ lines (TOML) is not read; write it as YAML between --- lines ("title: My title" for \'title = "My title"\')'],
      // A transcript or notes opening with a "---" rule: the one fix named, a closing "---" after the metadata, was no fix.
      ['a file opening with a rule', '---\nTRANSCRIPT OF PROCEEDINGS\n\nTHE COURT: Good morning.', 1, 'front matter opened with --- is never closed; add a line with --- after the metadata, or, if the file has no front matter, put a blank line above its first ---'],
      ['a heading between two rules', '---\nTranscript of proceedings\n---\nTHE COURT: Good morning.', 2, 'the front matter: expected key: value lines such as "title: My title", got the text "Transcript of proceedings"; or, if the file has no front matter, put a blank line above its first ---'],
    ])('names the file and line %#: %s', async (_label, content, line, reason) => {
      const dir = folder({ 'ok.md': 'Fine.', 'sub/a.md': content });
      const error = await loadError(dir);
      expect(error.code).toBe('DOCUMENT_INVALID');
      expect(error.message).toBe(`pinpoint: ${join(dir, 'sub/a.md')}:${line}: ${reason}`);
    });

    it('reads a file that opens with a blank line and a rule as text, as its error says', async () => {
      const dir = folder({ 'a.txt': '\n---\nTRANSCRIPT OF PROCEEDINGS\n\nTHE COURT: Good morning.' });
      const [document] = (await loadKnowledge(dir)).documents;
      expect(document?.meta).toEqual({ title: 'a' });
      expect(document?.text).toContain('THE COURT: Good morning.');
    });

    // yaml reports an unclosed quote or flow where the block ends; the message points at the line that opened it.
    it.each([
      ['an unclosed quote', '---\ntitle: "A\n---\nBody', 2, 'invalid YAML (Missing closing "quote); fix the syntax, e.g. "title: My title"'],
      ['an unclosed quote above other keys', '---\nsummary: it\'s fine\ntitle: \'Unclosed\nkind: order\ndate: 2022-01-01\n---\nBody', 3, "invalid YAML (Missing closing 'quote); fix the syntax, e.g. \"title: My title\""],
      ['an unclosed flow sequence above other keys', '---\ntitle: A\nkind: [order\ndate: 2022-01-01\n---\nBody', 3, 'invalid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); fix the syntax, e.g. "title: My title"'],
      ['an unclosed flow sequence', '---\ntitle: A\nkind: [order\n---\nBody', 3, 'invalid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); fix the syntax, e.g. "title: My title"'],
    ])('names the line of %s, not the closing fence [reported bug]', async (_label, content, line, reason) => {
      const dir = folder({ 'a.md': content });
      const error = await loadError(dir);
      expect(error.message).toBe(`pinpoint: ${join(dir, 'a.md')}:${line}: ${reason}`);
    });

    it.each([
      ['binary bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]), 'pinpoint: {file} is not text (it holds NUL bytes: a binary file?); save it as UTF-8 plain text or remove it'],
      ['UTF-16 text', Buffer.from('\uFEFFThe court.', 'utf16le'), 'pinpoint: {file} is UTF-16 text; save it as UTF-8 plain text or remove it'],
      // Without a byte-order mark (a database export), it was "not text (it holds NUL bytes: a binary file?)".
      ['UTF-16 text without a byte-order mark', Buffer.from('The court granted the motion.', 'utf16le'), 'pinpoint: {file} is UTF-16 text; save it as UTF-8 plain text or remove it'],
      ['big-endian UTF-16 text without a byte-order mark', Buffer.from('The court granted the motion.', 'utf16le').swap16(), 'pinpoint: {file} is UTF-16 text; save it as UTF-8 plain text or remove it'],
      ['Latin-1 text', Buffer.from('First line.\n\nThe caf\u00e9.\n', 'latin1'), 'pinpoint: {file}:3: not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8'],
    ])('refuses a .txt file holding %s, naming the file and the fix', async (_label, bytes, message) => {
      const dir = folder({ 'ok.md': 'Fine.', 'b.txt': bytes });
      const error = await loadError(dir);
      expect(error.code).toBe('DOCUMENT_INVALID');
      expect(error.message).toBe(message.replace('{file}', join(dir, 'b.txt')));
    });

    it('loads nothing when one file of many is malformed', async () => {
      const dir = folder({ 'a.md': 'Fine.', 'b.md': '---\nkind: nope\n---\nBody', 'c.md': 'Fine too.' });
      await expect(loadKnowledge(dir)).rejects.toThrow(`pinpoint: ${join(dir, 'b.md')}:2: "kind": expected one of`);
    });
  });

  describe('files the system will not hand over', () => {
    // Node's own error named no file ("File size (2306867200) is greater than 2 GiB"), and the CLI printed a stack trace.
    it('names a file larger than 2 GiB and the fix, reading none of it', async () => {
      // A PDF: a text file is refused at 512 MiB already.
      const dir = folder({ 'a.md': 'Text.', 'exports/huge.pdf': '%PDF-1.7' });
      truncateSync(join(dir, 'exports/huge.pdf'), 2 * 1024 ** 3 + 1); // sparse: takes no disk space
      const error = await loadError(dir);
      expect(error.code).toBe('DOCUMENT_INVALID');
      expect(error.message).toBe(`pinpoint: ${join(dir, 'exports/huge.pdf')} is larger than 2 GiB, too large to read; split it, or move it out of the knowledge folder`);
    });

    // Read whole, its decoding threw Node's "Cannot create a string longer than 0x1fffffe8 characters": no file
    // named, and a stack trace from the CLI.
    it('names a text file larger than 512 MiB and the fix, reading none of it', async () => {
      const dir = folder({ 'a.md': 'Text.', 'exports/huge.txt': 'Start of a log.' });
      truncateSync(join(dir, 'exports/huge.txt'), constants.MAX_STRING_LENGTH + 1); // sparse: takes no disk space
      const error = await loadError(dir);
      expect(error.code).toBe('DOCUMENT_INVALID');
      expect(error.message).toBe(
        `pinpoint: ${join(dir, 'exports/huge.txt')} is larger than 512 MiB, more text than one document can hold; split it, or move it out of the knowledge folder`,
      );
    });

    // Every file was read before any was parsed: the bytes of the whole pack at once (a 1 GB pack of PDFs took 1.2 GB
    // of memory). Here the large file is never read, as the document before it already stops the load.
    it('reads no more than a batch ahead of the documents it has parsed', async () => {
      const dir = folder({ 'a.md': '---\nkind: memo\n---\nBody', 'exports/huge.pdf': '%PDF-1.7' });
      truncateSync(join(dir, 'exports/huge.pdf'), 2 * 1024 ** 3 + 1); // sparse: takes no disk space
      expect((await loadError(dir)).message).toBe(`pinpoint: ${join(dir, 'a.md')}:2: "kind": expected one of ${DOCUMENT_KINDS.join(', ')}`);
    });

    // "D\xE9cision.md" in Latin-1, as an older system or a zip made on Windows names it: Node lists the name with U+FFFD
    // for the byte it cannot decode, and no file has that name. The document was skipped as "moved or deleted while the
    // folder was read", so it was never quoted and the warning sent the operator looking for a sync client.
    // (macOS refuses such names; Linux, where the bot runs, keeps them.)
    it.skipIf(process.platform === 'darwin')('names a file, a folder and a link whose names are not UTF-8, and the fix', async () => {
      const latin1 = (dir: string, before: string, after: string) => Buffer.concat([Buffer.from(join(dir, before)), Buffer.from([0xe9]), Buffer.from(after)]);
      const fix = 'cannot be opened: its name is not UTF-8 (a name from an older system, or from a zip made on Windows?); rename it, or move it out of the knowledge folder';
      const withFile = folder({ 'a.md': 'Text.' });
      writeFileSync(latin1(withFile, 'D', 'cision.md'), 'The motion is denied.');
      expect((await loadError(withFile)).message).toBe(`pinpoint: ${join(withFile, 'D\uFFFDcision.md')} ${fix}`);
      const withFolder = folder({ 'a.md': 'Text.' });
      mkdirSync(latin1(withFolder, 'R', 'sum'));
      writeFileSync(Buffer.concat([latin1(withFolder, 'R', 'sum'), Buffer.from('/order.md')]), 'The motion is denied.');
      expect((await loadError(withFolder)).message).toBe(`pinpoint: ${join(withFolder, 'R\uFFFDsum')} ${fix}`);
      const withLink = folder({ 'a.md': 'Text.', 'filings/order.md': 'The motion is denied.' });
      symlinkSync(join(withLink, 'filings/order.md'), latin1(withLink, 'D', 'cision.md'));
      expect((await loadError(withLink)).message).toBe(`pinpoint: ${join(withLink, 'D\uFFFDcision.md')} ${fix}`);
    });

    // A checkout without Git LFS (a CI build's default) holds pointers in place of the large files: a PDF's stopped the
    // load as "not a readable PDF" with advice to re-export it, and a text file's was quoted as its text.
    it.each(['filings/complaint.pdf', 'transcript.txt'])('names %s when it is a Git LFS pointer, and the fix', async (name) => {
      const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n';
      const dir = folder({ 'a.md': 'Text.', [name]: pointer });
      expect((await loadError(dir)).message).toBe(
        `pinpoint: ${join(dir, name)} is a Git LFS pointer, not the document itself; fetch the file (git lfs pull, or check the folder out with Git LFS), or move it out of the knowledge folder`,
      );
    });

    // root reads any file whatever its mode, so only another user can see the permission refused.
    it.skipIf(process.getuid?.() === 0)('names a file and a folder it may not read, and the fix', async () => {
      const dir = folder({ 'a.md': 'Text.', 'private.md': 'Sealed.', 'sealed/b.md': 'Sealed too.' });
      chmodSync(join(dir, 'private.md'), 0o000);
      try {
        expect((await loadError(dir)).message).toBe(
          `pinpoint: ${join(dir, 'private.md')} cannot be read: permission denied; let the user Pinpoint runs as read it (chmod -R a+rX), or move it out of the knowledge folder`,
        );
        chmodSync(join(dir, 'private.md'), 0o644);
        chmodSync(join(dir, 'sealed'), 0o000);
        expect((await loadError(dir)).message).toBe(
          `pinpoint: ${join(dir, 'sealed')} cannot be read: permission denied; let the user Pinpoint runs as read it (chmod -R a+rX), or move it out of the knowledge folder`,
        );
      } finally {
        chmodSync(join(dir, 'private.md'), 0o644);
        chmodSync(join(dir, 'sealed'), 0o755);
      }
    });
  });

  describe('malformed pack.yaml', () => {
    it.each([
      ['an alias group of one, counted from 1 [reported bug]', 'name: X\naliases:\n  - [Meta, Facebook]\n  - [one]\n', 4, '"aliases" item 2: an alias group needs at least two phrases'],
      ['an alias group that is not a list', 'name: X\naliases:\n  - [Meta, Facebook]\n  - DM\n', 4, '"aliases" item 2: expected a group of phrases in brackets on its own line, such as "  - [Meta, Facebook]", got the text "DM"'],
      // The advice was "a list such as [Meta, Facebook]": what was written, so following it led to the same error.
      ['one alias group written as the list of groups', 'aliases: [Meta, Facebook]\n', 1, '"aliases" item 1: expected a group of phrases in brackets on its own line, such as "  - [Meta, Facebook]", got the text "Meta"'],
      // The advice was "expected record", and for an entry "name: My case", a key an entry does not take.
      ['documents with nothing under it', 'name: X\ndocuments:\n', 2, '"documents": expected file names with their details, one a line under it such as "  complaint.pdf: { title: Complaint }", got nothing (an empty value)'],
      ['documents as a list of files', 'documents:\n  - a.pdf\n', 2, '"documents": expected file names with their details, one a line under it such as "  complaint.pdf: { title: Complaint }", got a list'],
      ['a title where a document\'s details go', 'documents:\n  a.pdf: The complaint\n', 2, '"documents.a.pdf": expected its details after the file name, such as "  complaint.pdf: { title: Complaint, kind: complaint }", got the text "The complaint"'],
      ['an unknown key', 'name: X\nsynonyms: []\n', 2, 'the pack file: unknown key "synonyms"; remove it or check the spelling'],
      // The line given was that of the first group under it, which holds no unknown key.
      ['an unknown key over lines of its own', 'name: X\nalias:\n\n  - [Meta, Facebook]\n', 2, 'the pack file: unknown key "alias"; remove it or check the spelling'],
      ['a document\'s unknown key over lines of its own', 'documents:\n  a.pdf:\n    title: A\n    parties:\n      - Meta\n', 4, '"documents.a.pdf": unknown key "parties"; remove it or check the spelling'],
      ['an empty case name', 'name: "  "\n', 1, '"name": is empty; write it, or remove the line'],
      ['an empty alias phrase', 'aliases:\n  - [Meta, ""]\n', 2, '"aliases" item 1, item 2: is an empty phrase; remove it from the group'],
      ['a key with a capital', 'Name: X\n', 1, 'the pack file: unknown key "Name"; write it as "name"'],
      ['a document\'s key with a capital', 'documents:\n  a.pdf: { Title: A }\n', 2, '"documents.a.pdf": unknown key "Title"; write it as "title"'],
      ['a bad kind for a listed document', 'documents:\n  a.pdf:\n    title: A\n    kind: ruling\n', 4, '"documents.a.pdf.kind": expected one of complaint, answer, motion, brief, order, opinion, judgment, exhibit, transcript, declaration, settlement, docket, news-article, article, press-release, other'],
      ['a syntax error, with a pack example [reported bug]', 'name: X\naliases: [a, b\nother: 1\n', 2, 'invalid YAML (Flow sequence in block collection must be sufficiently indented and end with a ]); fix the syntax, e.g. "name: My case", or "aliases:" over "  - [Meta, Facebook]"'],
      ['aliases written twice', 'name: X\naliases:\n  - [Meta, Facebook]\ndocuments:\n  a.pdf: { title: A }\naliases:\n  - [DM, direct message]\n', 6, 'invalid YAML ("aliases" is written twice, first on line 2); keep one "aliases:" and move the lines under the other one under it'],
      ['a document listed twice', 'documents:\n  a.pdf:\n    title: A\n  a.pdf:\n    kind: order\n', 4, 'invalid YAML ("a.pdf" is written twice, first on line 2); keep one "a.pdf:" and move the lines under the other one under it'],
      // "expected text, got key: value lines": the phrase's ": " made it a key and a value.
      ['an alias phrase with a colon', 'aliases:\n  - [Section 230: immunity, safe harbor]\n', 2, '"aliases" item 1, item 1: expected text, got key: value lines; put it in quotes: "Section 230: immunity"'],
      // "Block collections are not allowed within flow collections": about braces the operator did write right.
      ['a colon inside a title in braces', 'documents:\n  complaint.pdf: { title: Doe v. Acme: Complaint, kind: complaint }\n', 2, 'invalid YAML (a value holding ": " without quotes); put the value in quotes: complaint.pdf: { title: "Doe v. Acme: Complaint", kind: complaint }'],
      ['a colon inside a document\'s title', 'documents:\n  a.pdf:\n    title: In re Meta: Order\n', 3, 'invalid YAML (a value holding ": " without quotes); put the value in quotes: title: "In re Meta: Order"'],
      ['a bad indent', 'name: X\n  aliases: []\n', 2, 'invalid YAML (a key indented under a line that already has a value); start it at the beginning of its line: "aliases: []"'],
      ['aliases that are not a list [reported bug]', 'aliases: Meta\n', 1, '"aliases": expected alias groups, one a line under it such as "  - [Meta, Facebook]", got the text "Meta"'],
      ['a list instead of keys', '- Meta\n- Facebook\n', 1, 'the pack file: expected key: value lines such as "name: My case", got a list'],
    ])('stops with PACK_INVALID naming pack.yaml and the line %#: %s', async (_label, pack, line, reason) => {
      const dir = folder({ 'a.md': 'Text.', 'pack.yaml': pack });
      const error = await loadError(dir);
      expect(error.code).toBe('PACK_INVALID');
      expect(error.message).toBe(`pinpoint: ${join(dir, 'pack.yaml')}:${line}: ${reason}`);
    });
  });

  describe('a pack.yaml that is not UTF-8 text', () => {
    // Read leniently, a Latin-1 "Café" alias became "Caf\uFFFD" and silently never matched the text.
    it.each([
      ['Latin-1 text', Buffer.from('name: Doe v. Acme\naliases:\n  - [Caf\u00e9 Rouge, the restaurant]\n', 'latin1'), 'pinpoint: {file}:3: not UTF-8 text (Latin-1 or Windows-1252?); save the file as UTF-8'],
      ['UTF-16 text', Buffer.from('\uFEFFname: Doe v. Acme\n', 'utf16le'), 'pinpoint: {file} is UTF-16 text; save it as UTF-8 plain text or remove it'],
      ['binary bytes', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]), 'pinpoint: {file} is not text (it holds NUL bytes: a binary file?); save it as UTF-8 plain text or remove it'],
    ])('stops with PACK_INVALID naming the file and the fix for %s', async (_label, bytes, message) => {
      const dir = folder({ 'a.md': 'Text.', 'pack.yaml': bytes });
      const error = await loadError(dir);
      expect(error.code).toBe('PACK_INVALID');
      expect(error.message).toBe(message.replace('{file}', join(dir, 'pack.yaml')));
    });

    it('stops with PACK_INVALID naming a pack.yaml that is a folder', async () => {
      const dir = folder({ 'a.md': 'Text.', 'pack.yaml/notes.md': 'Not a pack.' });
      const error = await loadError(dir);
      expect(error.code).toBe('PACK_INVALID');
      expect(error.message).toBe(`pinpoint: ${join(dir, 'pack.yaml')} is a folder; make it a readable YAML file or remove it`);
    });

    it('stops with PACK_INVALID naming a pack.yaml that links to a file that does not exist', async () => {
      // It was read as no pack file at all: the case's aliases and the PDFs' titles were dropped without a word.
      const dir = folder({ 'a.md': 'Text.' });
      symlinkSync('_shared/pack.yaml', join(dir, 'pack.yaml'));
      const error = await loadError(dir);
      expect(error.code).toBe('PACK_INVALID');
      expect(error.message).toBe(
        `pinpoint: ${join(dir, 'pack.yaml')} is a link to _shared/pack.yaml, which does not exist; point the link at the pack file, or remove it`,
      );
    });

    it('reads a UTF-8 pack.yaml with a byte-order mark and CRLF line ends, and counts its lines', async () => {
      const dir = folder({ 'a.md': 'Text.', 'pack.yaml': '\uFEFFname: Caf\u00e9\r\naliases:\r\n  - [Meta, Facebook]\r\n  - [one]\r\n' });
      const error = await loadError(dir);
      expect(error.message).toBe(`pinpoint: ${join(dir, 'pack.yaml')}:4: "aliases" item 2: an alias group needs at least two phrases`);
      const fixed = folder({ 'a.md': 'Text.', 'pack.yaml': '\uFEFFname: Caf\u00e9\r\naliases:\r\n  - [Meta, Facebook]\r\n' });
      expect((await loadKnowledge(fixed)).manifest).toMatchObject({ name: 'Caf\u00e9', aliases: [['Meta', 'Facebook']] });
    });
  });

  describe('the fixture pack', () => {
    it('loads documents from subfolders in path order, ignoring dot and underscore files', async () => {
      const pack = await loadKnowledge(FIXTURE);
      expect(pack.documents.map((document) => [document.id, document.path])).toEqual([
        ['filings-complaint', 'filings/complaint.md'],
        ['order', 'order.txt'],
      ]);
      expect(pack.documents.some((document) => document.text.includes('zebra'))).toBe(false);
      expect(pack.warnings).toEqual([]);
    });

    it('merges the manifest metadata over the front matter', async () => {
      const pack = await loadKnowledge(FIXTURE);
      expect(pack.documents[0]!.meta).toEqual({
        title: 'Doe v. Acme Messaging: Class Action Complaint',
        kind: 'complaint',
        court: 'N.D. Cal.',
        date: '2021-04-12',
        url: 'https://example.com/complaint.pdf',
        docket: '3:21-cv-01234-AB',
        ecf: 1,
      });
      expect(pack.documents[1]!.meta).toEqual({ title: 'Order Denying Motion to Dismiss', kind: 'order', date: '2022-12-06' });
    });

    it('reads the case name and alias groups from pack.yaml', async () => {
      const pack = await loadKnowledge(FIXTURE);
      expect(pack.manifest.name).toBe('Doe v. Acme Messaging (fixture)');
      expect(pack.manifest.aliases).toEqual([
        ['Acme', 'Acme Messaging', 'Acme Corp'],
        ['DM', 'DMs', 'direct message', 'private message', 'inbox'],
      ]);
    });

    it('strips the front matter from the text and hashes the text', async () => {
      const pack = await loadKnowledge(FIXTURE);
      const order = pack.documents[1]!;
      expect(order.text.startsWith('Page 1 of 2\n\nThe motion to dismiss')).toBe(true);
      expect(order.hash).toBe(hashText(order.text));
      expect(order.hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('metadata and text', () => {
    it('manifest values win over the front matter and a file without a title takes its name', async () => {
      const dir = folder({
        'a.md': '---\ntitle: From file\nkind: order\n---\nText.',
        'motion-to_dismiss.txt': 'Text.',
        'pack.yaml': 'documents:\n  a.md:\n    title: From manifest\n',
      });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.meta)).toEqual([
        { title: 'From manifest', kind: 'order' },
        { title: 'motion to dismiss' },
      ]);
    });

    // A citation is one line: a PDF's Title with a line break in it, or a front matter block ("title: |"), broke it in
    // the terminal, on Discord and on Slack (a Slack link's label cannot span lines).
    it('puts a title written over several lines on one line', async () => {
      const pdf = await makePdf([{ lines: flow(['The motion is granted.']) }], { title: 'Order Granting\r\nMotion to Dismiss' });
      const dir = folder({
        'a.md': '---\ntitle: |\n  Order Granting\n  Motion to Dismiss\n---\nText.',
        'b.pdf': Buffer.from(pdf),
        'c.md': 'Text.',
        'pack.yaml': 'documents:\n  c.md: { title: " Order\\tGranting\\u2028Motion " }\n',
      });
      const titles = (await loadKnowledge(dir)).documents.map((document) => document.meta.title);
      expect(titles).toEqual(['Order Granting Motion to Dismiss', 'Order Granting Motion to Dismiss', 'Order Granting Motion']);
    });

    it('warns about a manifest entry for a file that is not there', async () => {
      const dir = folder({ 'a.md': 'Text.', 'pack.yaml': 'documents:\n  gone.pdf:\n    title: Gone\n' });
      const pack = await loadKnowledge(dir);
      expect(pack.warnings).toEqual([`${join(dir, 'pack.yaml')}: documents: "gone.pdf" is not in the folder`]);
    });

    it('says a manifest entry for a file in a format it does not read names a format it does not read, not a missing file', async () => {
      const dir = folder({ 'a.md': 'Text.', 'complaint.docx': 'PK', 'pack.yaml': 'documents:\n  complaint.docx: { title: Complaint }\n' });
      const pack = await loadKnowledge(dir);
      expect(pack.warnings).toEqual([
        `${join(dir, 'complaint.docx')}: not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}); skipped: save it as PDF or text to quote it`,
        `${join(dir, 'pack.yaml')}: documents: "complaint.docx" is not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}), so this entry is unused: save the file as PDF or text and list that name`,
      ]);
    });

    it('applies a manifest entry written with a leading ./, names the file an entry in other capitals means, and says a left-out name is left out', async () => {
      const dir = folder({
        'filings/order.md': 'The motion is granted.',
        'Complaint.md': 'Plaintiffs allege a breach.',
        '_drafts/motion.md': 'A draft.',
        'pack.yaml': 'documents:\n  ./filings/order.md: { title: Order, kind: order }\n  complaint.md: { title: The Complaint }\n  _drafts/motion.md: { title: Motion }\n',
      });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => [document.path, document.meta.title])).toEqual([
        ['Complaint.md', 'Complaint'],
        ['filings/order.md', 'Order'],
      ]);
      expect(pack.warnings).toEqual([
        `${join(dir, 'pack.yaml')}: documents: "complaint.md" is not in the folder; did you mean "Complaint.md"? (names are matched with their capitals)`,
        `${join(dir, 'pack.yaml')}: documents: "_drafts/motion.md" is left out, as every name starting with "." or "_" is: rename it to quote it`,
      ]);
    });

    // Both were "not in the folder", and the operator could see them there.
    it('says a documents: entry names a folder, or a file without its extension, and the name meant', async () => {
      const dir = folder({
        'filings/order.md': 'The motion is granted.',
        'pack.yaml': 'documents:\n  filings: { kind: order }\n  filings/order: { kind: order }\n',
      });
      expect((await loadKnowledge(dir)).warnings).toEqual([
        `${join(dir, 'pack.yaml')}: documents: "filings" is a folder; an entry names one file in it, such as "filings/order.md"`,
        `${join(dir, 'pack.yaml')}: documents: "filings/order" is not in the folder; did you mean "filings/order.md"? (an entry names its file with the extension)`,
      ]);
    });

    it('warns about a pack.yaml in a subfolder, which is not read', async () => {
      const dir = folder({ 'a.md': 'Text.', 'filings/pack.yaml': 'aliases:\n  - [Meta, Facebook]\n', 'filings/b.md': 'More text.' });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md', 'filings/b.md']);
      expect(pack.warnings).toEqual([`${join(dir, 'filings/pack.yaml')}: only ${join(dir, 'pack.yaml')} is read; move its names and aliases there`]);
    });

    it('applies a pack.yaml entry to its file however the file system spells an accent in the name', async () => {
      // Typed in pack.yaml, "é" is one character (NFC); a name from a macOS archive spells it "e" and an accent (NFD).
      const pack = 'documents:\n  D\u00e9cision du juge.md:\n    title: Decision on the motion\n    kind: order\n';
      const dir = folder({ 'De\u0301cision du juge.md': 'The motion is denied.', 'pack.yaml': pack });
      const loaded = await loadKnowledge(dir);
      expect(loaded.documents[0]!.meta).toEqual({ title: 'Decision on the motion', kind: 'order' });
      expect(loaded.warnings).toEqual([]);
    });

    it('defaults to no aliases and no manifest entries without pack.yaml', async () => {
      const pack = await loadKnowledge(folder({ 'a.md': 'Text.' }));
      expect(pack.manifest).toEqual({ aliases: [], documents: {} });
    });

    it('takes an unquoted YAML date as a YYYY-MM-DD string', async () => {
      const pack = await loadKnowledge(folder({ 'a.md': '---\ntitle: A\ndate: 2022-12-06\n---\nText.' }));
      expect(pack.documents[0]!.meta.date).toBe('2022-12-06');
    });

    it('normalizes CRLF line ends and a byte-order mark', async () => {
      const pack = await loadKnowledge(folder({ 'a.md': '\uFEFF---\r\ntitle: A\r\n---\r\nOne.\r\n\r\nTwo.' }));
      expect(pack.documents[0]!.meta.title).toBe('A');
      expect(pack.documents[0]!.text).toBe('One.\n\nTwo.');
    });

    it('reads a folder once when a link inside the knowledge folder names it too, whatever the link is called', async () => {
      // A link sorted before its folder ("current" → "filings") was entered, then the folder itself: every document twice.
      const dir = folder({ 'filings/order.md': 'The motion is denied.' });
      symlinkSync('filings', join(dir, 'current'));
      symlinkSync('filings', join(dir, 'latest'));
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['filings/order.md']);
      expect(pack.warnings).toEqual([]);
    });

    it('reads a file once when a link inside the knowledge folder names it too, whatever the link is called', async () => {
      // "latest.md" → "filings/complaint.md" was a second document: listed twice by /docs and cited under either name.
      const elsewhere = folder({ 'exhibit.md': 'The exhibit.' });
      const dir = folder({ 'filings/complaint.md': 'The complaint.' });
      symlinkSync('filings/complaint.md', join(dir, 'latest.md'));
      symlinkSync('filings/complaint.md', join(dir, 'a-copy.md'));
      symlinkSync(join(elsewhere, 'exhibit.md'), join(dir, 'exhibit-a.md'));
      symlinkSync(join(elsewhere, 'exhibit.md'), join(dir, 'exhibit-b.md'));
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => [document.path, document.text])).toEqual([
        ['exhibit-a.md', 'The exhibit.'],
        ['filings/complaint.md', 'The complaint.'],
      ]);
      expect(pack.warnings).toEqual([]);
    });

    it('reads a file reached through a symbolic link, as a Kubernetes ConfigMap mounts them', async () => {
      const elsewhere = folder({ 'complaint.md': 'The complaint.' });
      const dir = folder({ 'a.md': 'Text.' });
      symlinkSync(join(elsewhere, 'complaint.md'), join(dir, 'linked.md'));
      symlinkSync(elsewhere, join(dir, 'filings'));
      symlinkSync(dir, join(dir, 'loop'));
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => [document.path, document.text])).toEqual([
        ['a.md', 'Text.'],
        // "linked.md" names the same file as "filings/complaint.md": one document, not two.
        ['filings/complaint.md', 'The complaint.'],
      ]);
      expect(pack.warnings).toEqual([]);
    });

    it('reads a file in a linked folder outside the knowledge folder once, when another link names it or its folder too', async () => {
      // "filings" → a folder elsewhere, and "latest.md" → a file in it: the complaint was two documents, quoted under
      // either name; so were the files of "current" → a folder inside the one "filings" names.
      const elsewhere = folder({ 'complaint.md': 'The complaint.', 'orders/order.md': 'The order.' });
      const dir = folder({});
      symlinkSync(elsewhere, join(dir, 'filings'));
      symlinkSync(join(elsewhere, 'complaint.md'), join(dir, 'latest.md'));
      symlinkSync(join(elsewhere, 'complaint.md'), join(dir, 'a-first.md'));
      symlinkSync(join(elsewhere, 'orders'), join(dir, 'current'));
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => [document.path, document.text])).toEqual([
        ['a-first.md', 'The complaint.'],
        ['current/order.md', 'The order.'],
      ]);
      expect(pack.warnings).toEqual([]);
    });

    it("leaves out editors' backup, swap and lock files without a warning", async () => {
      // "a.md~" was warned about as a format Pinpoint does not read, with the advice to save it as PDF or text.
      const editorFiles = ['a.md~', '#a.md#', '.a.md.swp', '.#a.md', '4913', '.~lock.b.txt#', 'sub/b.txt~'];
      const dir = folder({ 'a.md': 'Text.', 'sub/b.txt': 'More.', ...Object.fromEntries(editorFiles.map((name) => [name, 'An older draft.'])) });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md', 'sub/b.txt']);
      expect(pack.warnings).toEqual([]);
    });

    it("leaves out JetBrains' safe-write copies and Microsoft Office's owner and temporary files, and a watch ignores them", async () => {
      // "a.md___jb_tmp___" and "~$mplaint.docx" were warned about as formats Pinpoint does not read, and Word's owner
      // file of an open "notes.html" ("~$notes.html") was read as a document of its own.
      const editorFiles = ['a.md___jb_tmp___', 'a.md___jb_old___', 'sub/b.txt___jb_tmp___', '~$mplaint.docx', '~$notes.html', '~WRL0001.tmp'];
      const dir = folder({ 'a.md': 'Text.', 'sub/b.txt': 'More.', ...Object.fromEntries(editorFiles.map((name) => [name, 'An older draft.'])) });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md', 'sub/b.txt']);
      expect(pack.warnings).toEqual([]);
      expect(editorFiles.filter((name) => !isLeftOutPath(name))).toEqual([]);
    });

    it("leaves out the files Windows and macOS keep in a folder, and a watch ignores them", async () => {
      // A folder copied from a Windows share, WSL or a Mac carries them: each was warned about with the advice to save it as
      // PDF or text (failing `index --check --strict`), and Explorer rewriting Thumbs.db re-indexed the pack.
      const systemFiles = ['Thumbs.db', 'sub/thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini', 'sub/Desktop.ini', 'Icon\r', 'a.md:Zone.Identifier'];
      const dir = folder({ 'a.md': 'Text.', 'sub/b.txt': 'More.', ...Object.fromEntries(systemFiles.map((name) => [name, Buffer.from([0xd0, 0xcf, 0x11, 0xe0])])) });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md', 'sub/b.txt']);
      expect(pack.warnings).toEqual([]);
      expect(systemFiles.filter((name) => !isLeftOutPath(name))).toEqual([]);
      // A document named like one is still read.
      expect(['Icon.md', 'thumbs.md', 'desktop.ini.md'].filter((name) => isLeftOutPath(name))).toEqual([]);
    });

    it("leaves out a browser's download still under way, and a watch ignores it", async () => {
      // "a.pdf.crdownload" was warned about with the advice to save it as PDF, and the partial PDF in Safari's
      // "a.pdf.download" folder stopped the load as not a readable PDF.
      const downloads = ['b.pdf.crdownload', 'c.pdf.part', 'd.pdf.download/d.pdf'];
      const dir = folder({ 'a.md': 'Text.', ...Object.fromEntries(downloads.map((name) => [name, '%PDF-1.7 half'])) });
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md']);
      expect(pack.warnings).toEqual([]);
      expect(downloads.filter((name) => !isLeftOutPath(name))).toEqual([]);
    });

    it('warns about a broken link and a file in a format it does not read', async () => {
      const dir = folder({ 'a.md': 'Text.', 'complaint.docx': 'PK' });
      symlinkSync(join(dir, 'gone.md'), join(dir, 'broken.md'));
      const pack = await loadKnowledge(dir);
      expect(pack.documents.map((document) => document.path)).toEqual(['a.md']);
      expect(pack.warnings).toEqual([
        `${join(dir, 'broken.md')}: a link to a file that does not exist; skipped`,
        `${join(dir, 'complaint.docx')}: not a format Pinpoint reads (${SUPPORTED_EXTENSIONS.join(', ')}); skipped: save it as PDF or text to quote it`,
      ]);
    });

    // A loop of links was warned about as "a link to a file that does not exist".
    it('warns about a loop of links as a loop', async () => {
      const dir = folder({ 'a.md': 'Text.' });
      symlinkSync(join(dir, 'c.md'), join(dir, 'b.md'));
      symlinkSync(join(dir, 'b.md'), join(dir, 'c.md'));
      expect((await loadKnowledge(dir)).warnings).toEqual([
        `${join(dir, 'b.md')}: a link that leads back to itself (a loop of links); skipped`,
        `${join(dir, 'c.md')}: a link that leads back to itself (a loop of links); skipped`,
      ]);
    });

    // A link into a folder the bot may not enter (another user's home) was "a link to a file that does not exist",
    // skipped: the operator looked for files that were there, and their documents went unquoted. root enters any
    // folder, so only another user can see it.
    it.skipIf(process.getuid?.() === 0)('names a link into a folder it may not enter, where it leads, and the fix', async () => {
      const dir = folder({ 'a.md': 'Text.' });
      const elsewhere = folder({ 'filings/order.md': 'The motion is denied.' });
      symlinkSync(join(elsewhere, 'filings'), join(dir, 'filings'));
      chmodSync(elsewhere, 0o000);
      try {
        expect((await loadError(dir)).message).toBe(
          `pinpoint: ${join(dir, 'filings')} (a link to ${join(elsewhere, 'filings')}) cannot be read: permission denied; let the user Pinpoint runs as read it (chmod -R a+rX), or move it out of the knowledge folder`,
        );
      } finally {
        chmodSync(elsewhere, 0o755);
      }
    });

    it.each(['pack.yml', 'Pack.yaml'])('asks to rename a %s, which it does not read, to pack.yaml', async (name) => {
      const dir = folder({ 'a.md': 'Text.', [name]: 'aliases:\n  - [Meta, Facebook]\n' });
      const pack = await loadKnowledge(dir);
      expect(pack.manifest.aliases).toEqual([]);
      expect(pack.warnings).toEqual([`${join(dir, name)}: skipped; the pack file is read only as pack.yaml: rename it`]);
    });

    it('refuses two files that would share a document id, naming both', async () => {
      const dir = folder({ 'a.md': 'One.', 'a.txt': 'Two.' });
      await expect(loadKnowledge(dir)).rejects.toThrow(
        `pinpoint: ${join(dir, 'a.md')} and ${join(dir, 'a.txt')} would both be document "a" (citations and pins name documents by it); rename one of them or remove the copy`,
      );
    });

    // The README promised letters and digits; only a-z and 0-9 were kept, so "判决.md" and "命令.md" were both "document".
    it('keeps the letters of any script in an id, so files named in Chinese or Russian load side by side', async () => {
      const dir = folder({ '判决.md': 'One.', '命令 2.md': 'Two.', 'Решение суда.txt': 'Three.', 'Réponse.md': 'Four.' });
      const ids = (await loadKnowledge(dir)).documents.map((document) => document.id).sort();
      expect(ids).toEqual(['reponse', 'решение-суда', '判决', '命令-2'].sort());
    });

    it('gives an accented file name the same id whichever way the file system spells the accent', async () => {
      // macOS archives spell "é" as "e" and a combining accent (NFD); most other systems as one character (NFC).
      const composed = folder({ 'D\u00e9cision du juge.md': 'The motion is denied.' });
      const decomposed = folder({ 'De\u0301cision du juge.md': 'The motion is denied.' });
      const [fromComposed] = (await loadKnowledge(composed)).documents;
      const [fromDecomposed] = (await loadKnowledge(decomposed)).documents;
      expect(fromComposed!.id).toBe('decision-du-juge');
      expect(fromDecomposed!.id).toBe('decision-du-juge');
    });
  });
});
