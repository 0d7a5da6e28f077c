import type { TermPostings } from './index-format.js';

/**
 * MiniSearch's own OR search, computed straight from its postings: BM25+ per term and field (field
 * boosts and term weights applied), summed over the query's terms, times the number of terms matched,
 * best first. `MiniSearch#search` builds a result object, a match map and a term list for every
 * passage any term touches, then sorts them all; with 20 hits wanted out of thousands touched, that
 * was most of an answer's time at 2,500 passages and more. This keeps MiniSearch's arithmetic in
 * MiniSearch's order, so scores and ties come out identical (tests/core.top-hits.test.ts compares the two).
 */

/** The parts of a MiniSearch instance the scorer reads; the index is never changed after it is built. */
export interface Postings {
  _index: { get(term: string): TermPostings | undefined };
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

export interface IndexHit {
  id: string;
  score: number;
}

/** MiniSearch's default BM25+ parameters. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/** BM25's IDF as MiniSearch computes it; the query weighs its concepts with the same. */
export function inverseDocumentFrequency(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + (passageCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** BM25+ of one posting, given its term's IDF (computed once per term and field, not per posting). */
function bm25(idf: number, termFrequency: number, fieldLength: number, averageFieldLength: number): number {
  const { k, b, d } = BM25;
  return idf * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * fieldLength) / averageFieldLength)));
}

/**
 * A search over `postings` with `fieldBoosts` (in MiniSearch's field order). Its scratch arrays are
 * sized to the index once, so a search allocates only its hits. Terms must be distinct.
 */
export function createTopHits(postings: Postings, fieldBoosts: Readonly<Record<string, number>>) {
  const fields = Object.entries(fieldBoosts).map(([field, boost]) => ({ id: postings._fieldIds[field]!, boost }));
  let scratch: { total: Float64Array; termScore: Float64Array; matchedTerms: Uint32Array; inTerm: Uint8Array; termDocs: Int32Array; order: Int32Array } | undefined;
  // Each field's length per passage in one flat array: read once per posting, where a Map lookup cost more than the arithmetic.
  let lengths: Float64Array[] | undefined;

  return (terms: readonly string[], limit: number, weights?: ReadonlyMap<string, number>): IndexHit[] => {
    const size = postings._nextId;
    scratch ??= {
      total: new Float64Array(size),
      termScore: new Float64Array(size),
      matchedTerms: new Uint32Array(size),
      inTerm: new Uint8Array(size),
      termDocs: new Int32Array(size),
      order: new Int32Array(size),
    };
    lengths ??= fields.map((field) => {
      const byDoc = new Float64Array(size);
      for (const [doc, fieldLengths] of postings._fieldLength) byDoc[doc] = fieldLengths[field.id]!;
      return byDoc;
    });
    const { total, termScore, matchedTerms, inTerm, termDocs, order } = scratch;
    let touched = 0;
    for (const term of terms) {
      const data = postings._index.get(term);
      if (!data) continue;
      const termBoost = weights?.get(term) ?? 1;
      // One term's score per passage, its fields in order, as MiniSearch sums them.
      let termTouched = 0;
      fields.forEach((field, fieldIndex) => {
        const frequencies = data.get(field.id);
        if (!frequencies) return;
        const averageLength = postings._avgFieldLength[field.id]!;
        const idf = inverseDocumentFrequency(frequencies.size, postings._documentCount);
        const fieldLengths = lengths![fieldIndex]!;
        // forEach, not for…of: no [key, value] pair allocated per posting (a Map after a build, compact postings after a load).
        frequencies.forEach((frequency, doc) => {
          const score = termBoost * field.boost * bm25(idf, frequency, fieldLengths[doc]!, averageLength);
          if (inTerm[doc] === 0) {
            inTerm[doc] = 1;
            termScore[doc] = score;
            termDocs[termTouched++] = doc;
          } else termScore[doc]! += score;
        });
      });
      // Then added to the running totals, in the order the term met its passages.
      for (let i = 0; i < termTouched; i++) {
        const doc = termDocs[i]!;
        inTerm[doc] = 0;
        if (matchedTerms[doc] === 0) {
          total[doc] = termScore[doc]!;
          order[touched++] = doc;
        } else total[doc] = total[doc]! + termScore[doc]!;
        matchedTerms[doc]!++;
      }
    }
    return best(scratch, touched, limit, postings._documentIds);
  };
}

/** The `limit` best of the touched passages; equal scores keep the order they were first met in. */
function best(scratch: { total: Float64Array; matchedTerms: Uint32Array; order: Int32Array }, touched: number, limit: number, ids: Map<number, string>): IndexHit[] {
  const { total, matchedTerms, order } = scratch;
  const topDocs: number[] = [];
  const topScores: number[] = [];
  for (let i = 0; i < touched; i++) {
    const doc = order[i]!;
    const score = total[doc]! * matchedTerms[doc]!;
    matchedTerms[doc] = 0;
    if (limit <= 0) continue;
    if (topDocs.length === limit) {
      if (score <= topScores[limit - 1]!) continue;
      topDocs.pop();
      topScores.pop();
    }
    // Insertion by shifting, not splice: splice returns a new array on every call.
    let at = topDocs.length;
    topDocs.push(doc);
    topScores.push(score);
    for (; at > 0 && topScores[at - 1]! < score; at--) {
      topDocs[at] = topDocs[at - 1]!;
      topScores[at] = topScores[at - 1]!;
    }
    topDocs[at] = doc;
    topScores[at] = score;
  }
  return topDocs.map((doc, i) => ({ id: ids.get(doc)!, score: topScores[i]! }));
}
