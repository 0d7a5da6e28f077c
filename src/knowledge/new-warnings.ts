/**
 * Remembers the warnings of the last load and hands back, of the next load's, only those it did not give: the
 * running bot reloads on every edit, and a folder of 30 images repeated its 30 "not a format Pinpoint reads" on
 * each one. A warning gone and back (the file removed, then added again) counts as new.
 */
export function createNewWarnings(): (warnings: readonly string[]) => string[] {
  let previous: ReadonlySet<string> = new Set();
  return (warnings) => {
    const fresh = warnings.filter((warning) => !previous.has(warning));
    previous = new Set(warnings);
    return fresh;
  };
}
