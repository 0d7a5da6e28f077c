import { readFileSync } from 'node:fs';

/**
 * The installed version of a dependency, from the package.json above its entry file (the first one that
 * names it: a build folder may hold its own package.json). Cache keys carry it, so an index written with
 * another version of a library that shaped it is rebuilt, not read.
 */
export function installedVersion(name: string): string {
  let dir = new URL('.', import.meta.resolve(name));
  for (;;) {
    const manifest = readManifest(new URL('package.json', dir));
    if (manifest?.name === name && typeof manifest.version === 'string') return manifest.version;
    const parent = new URL('..', dir);
    if (parent.href === dir.href) throw new Error(`pinpoint: no package.json names ${name} above ${import.meta.resolve(name)}`);
    dir = parent;
  }
}

function readManifest(url: URL): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch {
    return undefined;
  }
}
