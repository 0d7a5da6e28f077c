/** "1 passage", "3 passages": a count with its noun, in the singular for one. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
