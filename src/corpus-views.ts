import { citationOf } from './answer/citation.js';
import { cleanQuestion } from './answer/question-text.js';
import type { Corpus } from './corpus.js';
import { pinChannelsOf } from './pins/service.js';
import type { PassageView, Pinpoint, PinService } from './services.js';
import { matchSource } from './source-reference.js';
import type { DocumentSummary } from './types.js';

/** Completions `suggest` offers unless asked for fewer: as many as an autocomplete list shows. */
const DEFAULT_SUGGESTIONS = 25;

export type CorpusViews = Pick<Pinpoint, 'documents' | 'passage' | 'context' | 'resolveSource' | 'findSource' | 'suggest' | 'stats'>;

/**
 * The read-only views over the corpus `current` returns. A reload replaces the corpus, so every call
 * asks `current` for the one serving now. `suggest` offers the scope's pinned questions from `pins` too.
 */
export function createCorpusViews(current: () => Corpus, pins: Pick<PinService, 'list'>): CorpusViews {
  const view = (passageId: string): PassageView | undefined => {
    const corpus = current();
    const passage = corpus.passageById.get(passageId);
    const document = passage && corpus.documents.get(passage.docId);
    return passage && document ? { passage, document, citation: citationOf(document, passage) } : undefined;
  };

  return {
    documents: (): DocumentSummary[] => {
      const corpus = current();
      return [...corpus.documents.values()].map((document) => {
        const passages = corpus.passagesByDoc.get(document.id)?.length ?? 0;
        const headings = corpus.headingsByDoc.get(document.id) ?? [];
        const summary: DocumentSummary = { id: document.id, title: document.meta.title, passages, headings };
        if (document.meta.kind) summary.kind = document.meta.kind;
        if (document.meta.date) summary.date = document.meta.date;
        if (document.meta.url) summary.url = document.meta.url;
        return summary;
      });
    },
    passage: view,
    context(passageId, radius = 1) {
      const corpus = current();
      const passage = corpus.passageById.get(passageId);
      if (!passage) return [];
      const siblings = corpus.passagesByDoc.get(passage.docId) ?? [];
      const at = siblings.indexOf(passage);
      return siblings.slice(Math.max(0, at - radius), at + radius + 1).flatMap((sibling) => view(sibling.id) ?? []);
    },
    resolveSource: (ref) => matchSource(current(), view, ref).view,
    findSource: (ref) => matchSource(current(), view, ref),
    suggest(prefix, suggestOptions = {}) {
      const corpus = current();
      const limit = suggestOptions.limit ?? DEFAULT_SUGGESTIONS;
      // Read as a question is: text pasted with zero-width characters ("Net\u200Bflix") still finds "Netflix".
      const wanted = cleanQuestion(prefix).toLowerCase();
      const scope = suggestOptions.scope;
      // Only the pins an /ask here can show first: a question pinned in another (perhaps private) channel stays there.
      const pinned = scope
        ? pins
            .list({ platform: scope.platform, server: scope.server })
            .filter((pin) => pinChannelsOf(scope).includes(pin.scope.channel))
            .map((pin) => pin.question)
        : [];
      const headings = [...corpus.documents.values()].flatMap((document) => [document.meta.title, ...(corpus.headingsByDoc.get(document.id) ?? [])]);
      return [...new Set([...pinned, ...headings])].filter((option) => option.toLowerCase().includes(wanted)).slice(0, limit);
    },
    stats: () => {
      const corpus = current();
      return {
        documents: corpus.documents.size,
        passages: corpus.passages.length,
        indexedAt: corpus.builtAt.toISOString(),
        knowledgeHash: corpus.hash,
      };
    },
  };
}
