import path from 'node:path';

/** The package scripts that run this CLI (package.json): through them, the usage shows `npm run` forms. */
export const CLI_SCRIPTS: ReadonlySet<string> = new Set(['ask', 'eval', 'index', 'report']);

/**
 * How a command was run, when not through one of its `npmScripts`: "node dist/bin/pinpoint.js" as the Docker
 * image runs it, or "npx tsx bin/pinpoint.ts" from a checkout. Undefined through npm, whose forms the usage shows.
 */
export function programName(env: Record<string, string | undefined>, script: string, cwd: string, npmScripts = CLI_SCRIPTS): string | undefined {
  if (npmScripts.has(env.npm_lifecycle_event ?? '')) return undefined;
  const relative = path.relative(cwd, script);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? script : relative;
  return `${shown.endsWith('.ts') ? 'npx tsx' : 'node'} ${shown}`;
}
