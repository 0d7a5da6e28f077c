/**
 * Files an editor keeps beside the one being edited: Vim's swap files (".a.md.swp") and the file it writes
 * to test a folder ("4913"), backups ("a.md~"), Emacs's lock and auto-save files (".#a.md", "#a.md#"),
 * LibreOffice's lock (".~lock.a.odt#"), JetBrains' safe-write copies ("a.md___jb_tmp___", "a.md___jb_old___"),
 * and Microsoft Office's owner and temporary files ("~$a.docx", "~WRL0001.tmp"); and a browser's download still
 * under way ("a.pdf.crdownload", "a.pdf.part", Safari's "a.pdf.download" folder). They are no case documents,
 * and writing one (Vim does every few seconds while someone types, a JetBrains IDE on every save, a browser as
 * a filing comes in) is no change to the knowledge pack.
 */
export function isEditorFile(name: string): boolean {
  return EDITOR_FILE.test(name);
}

const EDITOR_FILE = /^\..+\.sw[a-px]$|~$|^\.#|^#.*#$|^4913$|^\.~lock\..*#$|___jb_(?:tmp|old)___$|^~\$|^~WR[A-Z]\d+\.tmp$|\.(?:crdownload|part|download)$/;
