import type { Corpus } from './corpus.js';
import type { PassageView, SourceMatch } from './services.js';
import type { Document } from './types.js';

/** A document's first passage whose label (`labelsOf`) the reference ends with, and what the reference says before it. */
interface Candidate {
  document: Document;
  view: PassageView;
  label: string;
  name: string;
}

/**
 * Resolves what a user typed in /source: a passage id, or a citation ("Order on Stay ¶ 3"). A bare label ("¶ 3")
 * names the passage of the one document that holds it; when several do, it names none and lists them instead.
 */
export function matchSource(corpus: Corpus, view: (passageId: string) => PassageView | undefined, ref: string): SourceMatch {
  const direct = view(ref.trim());
  if (direct) return { view: direct, choices: [] };
  const wanted = normalizeRef(ref);
  if (wanted === '') return { choices: [] };
  const candidates = [...corpus.documents.values()].flatMap((document) => {
    for (const passage of corpus.passagesByDoc.get(document.id) ?? []) {
      const found = view(passage.id)!;
      for (const label of labelsOf(found)) {
        const key = normalizeRef(label);
        if (wanted !== key && !wanted.endsWith(` ${key}`)) continue;
        const name = wanted.slice(0, wanted.length - key.length).replace(/[\s,]+$/, '');
        return [{ document, view: found, label, name }];
      }
    }
    return [];
  });
  if (corpus.documents.size === 1) return { ...(candidates[0] ? { view: candidates[0].view } : {}), choices: [] };
  const bare = candidates.filter((candidate) => candidate.name === '');
  if (bare.length === 1) return { view: bare[0]!.view, choices: [] };
  if (bare.length > 1) return { choices: bare.map((candidate) => choiceOf(candidate, corpus)) };
  // The document the reference names by its longest name: "Order on Stay ¶ 3" names the "Order" too, whose ¶ 3
  // is not the one asked for, and whose ¶ 4 is not one the Order on Stay lacks.
  const named = candidates
    .map((candidate) => ({ candidate, length: Math.max(...[...corpus.documents.values()].map((document) => namedLength(candidate.name, document))) }))
    .filter(({ candidate, length }) => length > 0 && namedLength(candidate.name, candidate.document) === length)
    .sort((a, b) => b.length - a.length);
  return { ...(named[0] ? { view: named[0].candidate.view } : {}), choices: [] };
}

/**
 * What names a passage in a reference, longest first: its whole citation label ("Background, para. 3",
 * "¶ 42, p. 12"), and the paragraph alone ("para. 3", "¶ 42"), as readers retype it.
 */
function labelsOf({ passage, citation }: PassageView): string[] {
  const { paragraph, numbered } = passage.locator;
  if (paragraph === undefined) return [citation.label];
  const alone = numbered ? `¶ ${paragraph}` : `para. ${paragraph}`;
  return alone === citation.label ? [alone] : [citation.label, alone];
}

/** The reference that names the candidate's passage alone: by its title, or by its id when another document shares the title. */
function choiceOf({ document, label }: Candidate, corpus: Corpus): string {
  const shared = [...corpus.documents.values()].some((other) => other !== document && other.meta.title === document.meta.title);
  return `${shared ? document.id : document.meta.title} ${label}`;
}

/** How long a name of the document (its title or its id) the reference holds; 0 when it names it by neither. */
function namedLength(wanted: string, document: Document): number {
  return Math.max(...[normalizeRef(document.meta.title), document.id].map((name) => (name !== '' && wanted.includes(name) ? name.length : 0)));
}

/**
 * A reference as labels are compared: lowercase, without quotation marks, and with a label spelt as readers type it
 * ("¶3", "para 3", "paragraph 3", "p.4", "pp 4-5") as citations spell it ("¶ 3", "para. 3", "p. 4", "pp. 4–5").
 */
function normalizeRef(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”"'’]/g, '')
    .replace(/¶\s*(?=\d)/g, '¶ ')
    .replace(/\b(?:paragraph|para|par)\b\.?\s*(?=\d)/g, 'para. ')
    .replace(/\b(pp?)\b\.?\s*(?=\d)/g, '$1. ')
    .replace(/(?<=\bpp\. \d+)\s*-\s*(?=\d)/g, '–')
    .replace(/\s+/g, ' ')
    .trim();
}
