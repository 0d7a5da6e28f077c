import { PinpointError } from '../errors.js';

export interface FrontMatterSplit {
  /** The YAML between the fences, or undefined when the file has none. */
  yaml?: string;
  /** 1-based line of the file where the YAML starts. */
  yamlFirstLine: number;
  body: string;
}

/**
 * The other fix, for a file that opens with a "---" rule and holds no metadata (a transcript, notes): only a "---"
 * on the very first line opens front matter.
 */
export const NO_FRONT_MATTER = 'or, if the file has no front matter, put a blank line above its first ---';

/** Splits "---\nyaml\n---\nbody" into its parts; a fence that is never closed is an error. */
export function splitFrontMatter(source: string, file: string): FrontMatterSplit {
  // Hugo's TOML front matter ("+++" over 'title = "…"') was read as text: its lines were quoted as the document's
  // first passage, and its title was lost.
  if (/^\+\+\+[ \t]*\n/.test(source)) {
    throw new PinpointError(
      'DOCUMENT_INVALID',
      `pinpoint: ${file}:1: front matter between +++ lines (TOML) is not read; write it as YAML between --- lines ("title: My title" for 'title = "My title"')`,
    );
  }
  if (!/^---[ \t]*\n/.test(source)) return { body: source, yamlFirstLine: 1 };
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const afterOpen = source.indexOf('\n') + 1;
  const match = close.exec(source.slice(afterOpen));
  if (!match) {
    throw new PinpointError(
      'DOCUMENT_INVALID',
      `pinpoint: ${file}:1: front matter opened with --- is never closed; add a line with --- after the metadata, ${NO_FRONT_MATTER}`,
    );
  }
  const yaml = source.slice(afterOpen, afterOpen + match.index);
  const bodyStart = afterOpen + match.index + match[0].length;
  return { yaml, yamlFirstLine: 2, body: source.slice(bodyStart).replace(/^\n+/, '') };
}
