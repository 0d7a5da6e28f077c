/** How a numbered section's heading opens: "8. ", "3.3. ", "Section 2.1 ", "ARTICLE 4. ", or the number alone ("3.3."). */
const LEADING_NUMBER = /^(?:(?:section|article)\s+)?(\d{1,2}(?:\.\d{1,2})*)(?:\.?\s+|\.?$)/i;

/** The number a section's heading opens with: "8" of "8. Termination", "2.1" of "Section 2.1 Settlement Fund". */
export function sectionNumberOf(heading: string): string | undefined {
  return LEADING_NUMBER.exec(heading.trim())?.[1];
}

/** A heading's words without its number and closing period: "Grant of Patent License" of "3. Grant of Patent License.". */
export function sectionTitleOf(heading: string): string {
  return heading.trim().replace(LEADING_NUMBER, '').replace(/\.$/, '');
}
