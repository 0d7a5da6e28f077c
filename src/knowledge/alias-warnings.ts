import path from 'node:path';
import type { KnowledgePack } from './load.js';
import { PACK_FILE } from './pack.js';

/**
 * The pack's alias phrases the analyzer reads as no words at all ("IT", "The": stop words only). The analyzer
 * drops them, so their group never finds them, and nothing said so. Each is named with its line in pack.yaml
 * and the fix; the pack still loads as it did. `terms` is the analyzer's.
 */
export function unmatchableAliasWarnings(pack: KnowledgePack, terms: (text: string) => readonly string[]): string[] {
  const file = path.join(pack.dir, PACK_FILE);
  return pack.manifest.aliases
    .flat()
    .filter((phrase) => terms(phrase).length === 0)
    .map((phrase) => {
      const line = pack.aliasLines?.get(phrase);
      return `${file}${line === undefined ? '' : `:${line}`}: alias "${phrase}" is only words too common to search for, so it matches nothing; write out what it stands for, or remove it`;
    });
}
