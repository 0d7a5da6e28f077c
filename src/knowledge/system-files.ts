/**
 * Files an operating system keeps in a folder it has shown: Windows Explorer's thumbnail caches ("Thumbs.db",
 * "ehthumbs.db") and folder settings ("desktop.ini"), the mark of a file downloaded on Windows that copying it into WSL
 * leaves beside it ("order.pdf:Zone.Identifier"), and the Mac's custom folder icon ("Icon\r"; its ".DS_Store" is a
 * dot name). A folder of filings copied from a Windows share or a Mac carries them: each was warned about as a format
 * Pinpoint does not read, with advice to "save it as PDF or text", failed `index --check --strict`, and Explorer
 * rewriting Thumbs.db while someone browsed the folder re-indexed the pack.
 */
export function isSystemFile(name: string): boolean {
  return SYSTEM_FILE.test(name);
}

const SYSTEM_FILE = /^(?:thumbs\.db|ehthumbs(?:_vista)?\.db|desktop\.ini)$|:Zone\.Identifier$|^Icon\r$/i;
