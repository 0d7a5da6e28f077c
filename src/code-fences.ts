/** A fenced code block of Markdown, from its opening fence's first backtick or tilde to the end of its closing fence. */
export interface FencedCode {
  start: number;
  end: number;
  /** False for a fence never closed: Markdown renders the rest of the text as code. */
  closed: boolean;
}

// A fence on a line of its own, indented at most three spaces: "```bash", "~~~", "````" (a backtick fence's info
// string holds no backtick, so "```code```" on its own line is inline code, no fence).
const FENCE_LINE = /^[ \t]{0,3}(?:(`{3,})[^`\n]*|(~{3,})[^\n]*)$/;
const FENCES = new RegExp(FENCE_LINE.source, 'gm');

/** Whether a line is a code fence: markup, never words to quote. */
export function isFence(line: string): boolean {
  return FENCE_LINE.test(line);
}

/**
 * The fenced code blocks of `text` ("```bash" … "```"): their lines are code, which no heading, blank line or
 * indentation inside cuts, and no sentence end inside a line ends. A fence closes on the same character, at least as
 * many of them, alone on its line.
 */
export function fencedCode(text: string): FencedCode[] {
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const blocks: FencedCode[] = [];
  let open: { start: number; marks: string } | undefined;
  for (const fence of text.matchAll(FENCES)) {
    const marks = fence[1] ?? fence[2]!;
    const start = fence.index + fence[0].length - fence[0].trimStart().length;
    if (!open) open = { start, marks };
    else if (marks[0] === open.marks[0] && marks.length >= open.marks.length && fence[0].trim() === marks) {
      blocks.push({ start: open.start, end: fence.index + fence[0].length, closed: true });
      open = undefined;
    }
  }
  if (open) blocks.push({ start: open.start, end: text.length, closed: false });
  return blocks;
}
