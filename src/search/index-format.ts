import { readSections, writeSections } from './index-sections.js';

/**
 * The bytes of a cached index: MiniSearch's term tree and postings as a few flat arrays and strings
 * instead of its own nested maps. V8 rebuilt every map entry of those one by one (10,000 passages:
 * about 500,000 postings, 250 ms or more in a fresh process, most of a restart), and its deserializer
 * copied every typed array it read; here they are views of the file's own bytes (see `index-sections.ts`),
 * and the tree's 20,000 maps are rebuilt faster in JavaScript.
 */
export const INDEX_FORMAT = 'pinpoint-index/3';

/** One term's passages in one field, in the order MiniSearch met them: the scorer sums in that order. */
export interface FieldPostings {
  readonly size: number;
  forEach(fn: (frequency: number, doc: number) => void): void;
}

/** Field id → postings: MiniSearch's own map after a build, with compact postings after a load. */
export type TermPostings = Map<number, FieldPostings>;

/** MiniSearch's radix tree: edge label → child node, and '' → the postings of the term ending here. */
export type TermTree = Map<string, unknown>;

const LEAF = '';

/** Postings of a loaded index: a slice of the shared arrays, no map entry per passage. */
class PostingList implements FieldPostings {
  constructor(
    private readonly docs: Uint32Array,
    private readonly frequencies: Uint32Array,
    private readonly start: number,
    readonly size: number,
  ) {}

  forEach(fn: (frequency: number, doc: number) => void): void {
    for (let i = this.start, end = this.start + this.size; i < end; i++) fn(this.frequencies[i]!, this.docs[i]!);
  }
}

/** What MiniSearch holds and the scorer reads; everything else it rebuilds from its options. */
export interface IndexState {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  documentIds: Map<number, string>;
  /** Per passage, a length for each of the `fieldIds` (every field is indexed, if only as ''). */
  fieldLength: Map<number, number[]>;
  tree: TermTree;
}

// A type, not an interface: a type of fixed keys is a record of named sections as `writeSections` takes it.
type Encoded = {
  format: typeof INDEX_FORMAT;
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: Float64Array;
  dirtCount: number;
  /** Short ids, the passage ids joined and their lengths, and each passage's field lengths in a row. */
  shortIds: Uint32Array;
  ids: string;
  idLengths: Uint32Array;
  fieldLengths: Uint32Array;
  /** The tree, depth first: see `encodeTree`. */
  shape: Uint32Array;
  labels: string;
  docs: Uint32Array;
  frequencies: Uint32Array;
};

export function encodeIndex(state: IndexState): Buffer {
  const fieldCount = Object.keys(state.fieldIds).length;
  const fieldLengths = new Uint32Array(state.fieldLength.size * fieldCount);
  let at = 0;
  for (const lengths of state.fieldLength.values()) {
    for (let field = 0; field < fieldCount; field++) fieldLengths[at++] = lengths[field]!;
  }
  const ids = [...state.documentIds.values()];
  const encoded: Encoded = {
    format: INDEX_FORMAT,
    documentCount: state.documentCount,
    nextId: state.nextId,
    fieldIds: state.fieldIds,
    averageFieldLength: Float64Array.from(state.averageFieldLength),
    dirtCount: state.dirtCount,
    shortIds: Uint32Array.from(state.documentIds.keys()),
    ids: ids.join(''),
    idLengths: Uint32Array.from(ids, (id) => id.length),
    fieldLengths,
    ...encodeTree(state.tree),
  };
  return writeSections(encoded);
}

/**
 * The tree as one stream of numbers, depth first, each map's entries in their order: a node is its
 * entry count, then per entry either 0 and a term's postings (field count, then field id and size per
 * field) or a label's length and the child node. Labels go into one string, postings into two arrays.
 */
function encodeTree(tree: TermTree): Pick<Encoded, 'shape' | 'labels' | 'docs' | 'frequencies'> {
  const shape: number[] = [];
  const labels: string[] = [];
  const docs: number[] = [];
  const frequencies: number[] = [];
  const node = (map: TermTree): void => {
    shape.push(map.size);
    for (const [label, value] of map) {
      if (label === LEAF) {
        const postings = value as TermPostings;
        shape.push(0, postings.size);
        for (const [field, list] of postings) {
          shape.push(field, list.size);
          list.forEach((frequency, doc) => {
            docs.push(doc);
            frequencies.push(frequency);
          });
        }
      } else {
        shape.push(label.length);
        labels.push(label);
        node(value as TermTree);
      }
    }
  };
  node(tree);
  return { shape: Uint32Array.from(shape), labels: labels.join(''), docs: Uint32Array.from(docs), frequencies: Uint32Array.from(frequencies) };
}

/** Restores what `encodeIndex` wrote; throws on bytes of any other shape, so the caller can rebuild. */
export function decodeIndex(bytes: Buffer): IndexState {
  const encoded = readSections(bytes) as Partial<Encoded>;
  if (encoded.format !== INDEX_FORMAT) throw new Error(`not a ${INDEX_FORMAT} index`);
  const { shortIds, ids, idLengths, fieldLengths, fieldIds, averageFieldLength } = encoded;
  if (
    !(shortIds instanceof Uint32Array) ||
    !(idLengths instanceof Uint32Array) ||
    !(fieldLengths instanceof Uint32Array) ||
    !(averageFieldLength instanceof Float64Array) ||
    typeof ids !== 'string' ||
    !fieldIds
  ) {
    throw new Error(`${INDEX_FORMAT} index without its passages`);
  }
  const fieldCount = Object.keys(fieldIds).length;
  if (idLengths.length !== shortIds.length || fieldLengths.length !== shortIds.length * fieldCount) throw new Error(`${INDEX_FORMAT} index with passages cut short`);
  const documentIds = new Map<number, string>();
  const fieldLength = new Map<number, number[]>();
  let idStart = 0;
  for (let i = 0; i < shortIds.length; i++) {
    const idEnd = idStart + idLengths[i]!;
    documentIds.set(shortIds[i]!, ids.slice(idStart, idEnd));
    idStart = idEnd;
    const lengths: number[] = [];
    for (let field = 0; field < fieldCount; field++) lengths.push(fieldLengths[i * fieldCount + field]!);
    fieldLength.set(shortIds[i]!, lengths);
  }
  if (idStart !== ids.length) throw new Error(`${INDEX_FORMAT} index with passages cut short`);
  return {
    documentCount: encoded.documentCount!,
    nextId: encoded.nextId!,
    fieldIds,
    averageFieldLength: Array.from(averageFieldLength),
    dirtCount: encoded.dirtCount!,
    documentIds,
    fieldLength,
    tree: decodeTree(encoded),
  };
}

function decodeTree({ shape, labels, docs, frequencies }: Partial<Encoded>): TermTree {
  if (!(shape instanceof Uint32Array) || typeof labels !== 'string' || !(docs instanceof Uint32Array) || !(frequencies instanceof Uint32Array) || docs.length !== frequencies.length) {
    throw new Error(`${INDEX_FORMAT} index without its terms`);
  }
  let at = 0;
  let label = 0;
  let posting = 0;
  const next = (): number => {
    if (at >= shape.length) throw new Error(`${INDEX_FORMAT} index with terms cut short`);
    return shape[at++]!;
  };
  const node = (): TermTree => {
    const map: TermTree = new Map();
    for (let entries = next(); entries > 0; entries--) {
      const length = next();
      if (length === 0) {
        const postings: TermPostings = new Map();
        for (let fields = next(); fields > 0; fields--) {
          const field = next();
          const size = next();
          postings.set(field, new PostingList(docs, frequencies, posting, size));
          posting += size;
        }
        map.set(LEAF, postings);
      } else {
        const key = labels.slice(label, label + length);
        label += length;
        map.set(key, node());
      }
    }
    return map;
  };
  const tree = node();
  if (at !== shape.length || label !== labels.length || posting !== docs.length) throw new Error(`${INDEX_FORMAT} index whose terms do not add up`);
  return tree;
}
