/**
 * A Git LFS pointer: the few lines Git keeps in place of a large file (a PDF) when the file itself was not fetched,
 * as in a checkout without Git LFS (a CI build's default). Read as the document, a PDF's pointer stopped the load as
 * "not a readable PDF" with advice to re-export it, while the operator's own copy opened fine; a text file's pointer
 * was quoted as its text.
 */
export function isLfsPointer(bytes: Uint8Array): boolean {
  // The spec caps a pointer at 1024 bytes and opens it with this line.
  return bytes.length <= 1024 && Buffer.from(bytes.subarray(0, LFS_VERSION.length)).toString('latin1') === LFS_VERSION;
}

const LFS_VERSION = 'version https://git-lfs.github.com/spec/v1';
