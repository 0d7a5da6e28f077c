import type { KnowledgePack } from './knowledge/load.js';
import type { Logger } from './logger.js';
import { splitPassages } from './passages.js';
import { createAnalyzer, type Analyzer } from './search/analyzer.js';
import { titleInitialisms } from './search/acronyms.js';
import { createIndexCache, indexCacheKey } from './search/index-cache.js';
import { sectionNumberOf } from './section-number.js';
import { createTokenCache } from './search/token-cache.js';
import type { TokenList } from './search/analyzer.js';
import { buildPassageIndex, INDEX_VERSION, loadPassageIndex, type PassageIndex } from './search/passage-index.js';
import type { Document, Passage } from './types.js';

/** What all of a passage's text is about. */
export interface PassageContext {
  /** Terms of the document's title, its initials and the passage's section heading. */
  terms: ReadonlySet<string>;
  /** The initials the document is known by ("mpl", "lgpl"): a name for the document, not a topic of one passage. */
  names: ReadonlySet<string>;
  /** The number of the passage's section ("8" under "8. Termination."), which "section 8" in a question names. */
  sectionNumber?: string;
}

/** Everything one answer needs, built from one knowledge pack; replaced whole on reload. */
export interface Corpus {
  pack: KnowledgePack;
  documents: Map<string, Document>;
  passages: Passage[];
  passageById: Map<string, Passage>;
  passagesByDoc: Map<string, Passage[]>;
  /** Each document's section headings, in order, once each (for /docs and autocomplete). */
  headingsByDoc: Map<string, string[]>;
  analyzer: Analyzer;
  index: PassageIndex;
  /** A passage's tokens, from a bounded cache. */
  tokensOf(passage: Passage): TokenList;
  /** What all of a passage's text is about: its document's title, initials and section heading. */
  contextTermsOf(passage: Passage): PassageContext;
  /** Hash of the analyzer and every indexed field: the cache key, and "did anything change?". */
  hash: string;
  builtAt: Date;
  /** How the index came to be: built now, or loaded from the cache. */
  source: 'built' | 'cache';
}

export interface BuildCorpusOptions {
  /** Folder for serialized indexes; without it the index is always built. */
  cacheDir?: string;
  /** The hash of the index serving while this one is built (a reload): its cache file is not pruned. */
  inUse?: string;
  logger: Logger;
}

export async function buildCorpus(pack: KnowledgePack, options: BuildCorpusOptions): Promise<Corpus> {
  const analyzer = createAnalyzer({ aliases: pack.manifest.aliases });
  const documents = new Map(pack.documents.map((document) => [document.id, document]));
  const passages = pack.documents.flatMap(splitPassages);
  const passageById = new Map(passages.map((passage) => [passage.id, passage]));
  const passagesByDoc = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = passagesByDoc.get(passage.docId);
    if (list) list.push(passage);
    else passagesByDoc.set(passage.docId, [passage]);
  }
  const headingsByDoc = new Map(
    [...passagesByDoc].map(([docId, list]) => [docId, [...new Set(list.flatMap((passage) => passage.locator.section ?? []))]]),
  );
  const hash = indexCacheKey([
    INDEX_VERSION,
    analyzer.version,
    ...passages.map((passage) => `${passage.id}|${passage.locator.section ?? ''}|${documents.get(passage.docId)?.meta.title ?? ''}`),
  ]);

  const cache = options.cacheDir ? createIndexCache(options.cacheDir, options.logger) : undefined;
  const cached = await cache?.read(hash);
  let index: PassageIndex | undefined;
  if (cached) {
    try {
      index = loadPassageIndex(cached, analyzer);
    } catch (error) {
      options.logger.warn({ err: error }, 'cached index could not be loaded; rebuilding');
    }
  }
  const source = index ? 'cache' : 'built';
  if (!index) {
    index = buildPassageIndex(passages, documents, analyzer);
    await cache?.write(hash, index.serialize(), options.inUse);
  }
  const contexts = new Map<string, PassageContext>();
  const contextTermsOf = (passage: Passage): PassageContext => {
    const key = `${passage.docId}\0${passage.locator.section ?? ''}`;
    let context = contexts.get(key);
    if (!context) {
      const title = documents.get(passage.docId)?.meta.title ?? '';
      // "MPL" in a question names the "Mozilla Public License" as surely as its words do.
      const initials = analyzer.terms(titleInitialisms(title).join(' '));
      context = { terms: new Set([...analyzer.terms(`${title}\n${passage.locator.section ?? ''}`), ...initials]), names: new Set(initials) };
      const sectionNumber = sectionNumberOf(passage.locator.section ?? '');
      if (sectionNumber) context.sectionNumber = analyzer.terms(sectionNumber)[0] ?? sectionNumber;
      contexts.set(key, context);
    }
    return context;
  };
  return { pack, documents, passages, passageById, passagesByDoc, headingsByDoc, analyzer, index, tokensOf: createTokenCache(analyzer), contextTermsOf, hash, builtAt: new Date(), source };
}
