import { endianness } from 'node:os';

/**
 * Named values laid out in one buffer: typed arrays and strings in sections of their own, anything else
 * in a small JSON header. A section is read back as a view of the buffer (no copy), or for a string,
 * decoded in one call: V8's deserializer copied every typed array it read, most of an index load.
 *
 * Layout: header length (u32, little-endian), the header as UTF-8 JSON, then each section at an offset
 * that is a multiple of 8, so a Float64Array can view it in place.
 */
export type SectionValue = Uint32Array | Float64Array | string | number | boolean | null | { readonly [key: string]: SectionValue };

type SectionKind = 'u32' | 'f64' | 'latin1' | 'utf16le';

interface Header {
  /** Typed arrays are written in this machine's byte order and only read on a machine of the same. */
  endianness: string;
  values: Record<string, SectionValue>;
  /** Per section: its name, kind, byte offset in the buffer and byte length. */
  sections: [string, SectionKind, number, number][];
}

const ALIGN = 8;
/** Bytes per element of each kind: a section's length is a whole number of them. */
const ELEMENT_BYTES: Record<SectionKind, number> = { u32: 4, f64: 8, latin1: 1, utf16le: 2 };
const HEADER_LENGTH_BYTES = 4;
const aligned = (offset: number) => Math.ceil(offset / ALIGN) * ALIGN;
// Latin-1 strings are written a byte a character; any other string takes two, as V8 holds it.
const LATIN1_ONLY = /^[\0-\xff]*$/;

export function writeSections(values: Readonly<Record<string, SectionValue>>): Buffer {
  const header: Header = { endianness: endianness(), values: {}, sections: [] };
  const bodies: Uint8Array[] = [];
  const body = (name: string, kind: SectionKind, bytes: Uint8Array) => {
    header.sections.push([name, kind, 0, bytes.byteLength]);
    bodies.push(bytes);
  };
  for (const [name, value] of Object.entries(values)) {
    if (value instanceof Uint32Array) body(name, 'u32', new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    else if (value instanceof Float64Array) body(name, 'f64', new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    else if (typeof value === 'string') {
      const kind = LATIN1_ONLY.test(value) ? 'latin1' : 'utf16le';
      body(name, kind, Buffer.from(value, kind));
    } else header.values[name] = value;
  }
  // Offsets depend on the header's length, which depends on the offsets' digits: widen until it fits.
  let headerEnd = 0;
  for (;;) {
    let offset = headerEnd;
    for (const section of header.sections) {
      section[2] = offset;
      offset = aligned(offset + section[3]);
    }
    const needed = aligned(HEADER_LENGTH_BYTES + Buffer.byteLength(JSON.stringify(header)));
    if (needed <= headerEnd) break;
    headerEnd = needed;
  }
  const json = JSON.stringify(header);
  const last = header.sections.at(-1);
  const bytes = Buffer.alloc(last ? last[2] + last[3] : headerEnd);
  bytes.writeUInt32LE(Buffer.byteLength(json), 0);
  bytes.write(json, HEADER_LENGTH_BYTES, 'utf8');
  header.sections.forEach(([, , offset], i) => {
    bytes.set(bodies[i]!, offset);
  });
  return bytes;
}

/** Reads what `writeSections` wrote; throws on bytes of any other shape, or cut short. */
export function readSections(bytes: Buffer): Record<string, SectionValue> {
  if (bytes.length < HEADER_LENGTH_BYTES) throw new Error('index sections cut short');
  const headerLength = bytes.readUInt32LE(0);
  if (HEADER_LENGTH_BYTES + headerLength > bytes.length) throw new Error('index sections cut short');
  const header = JSON.parse(bytes.toString('utf8', HEADER_LENGTH_BYTES, HEADER_LENGTH_BYTES + headerLength)) as Partial<Header> | null;
  if (header?.endianness !== endianness() || typeof header.values !== 'object' || !Array.isArray(header.sections)) throw new Error('not index sections');
  // A view needs its offsets aligned in memory as in the file; a buffer that is not is copied once.
  const source = bytes.byteOffset % ALIGN === 0 ? bytes : copyOf(bytes);
  const values: Record<string, SectionValue> = { ...header.values };
  for (const [name, kind, offset, length] of header.sections) {
    if (!Object.hasOwn(ELEMENT_BYTES, kind)) throw new Error(`index section of unknown kind ${String(kind)}`);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset % ALIGN !== 0 || length % ELEMENT_BYTES[kind] !== 0 || offset + length > source.length) {
      throw new Error('index sections cut short');
    }
    const start = source.byteOffset + offset;
    if (kind === 'u32') values[name] = new Uint32Array(source.buffer, start, length / Uint32Array.BYTES_PER_ELEMENT);
    else if (kind === 'f64') values[name] = new Float64Array(source.buffer, start, length / Float64Array.BYTES_PER_ELEMENT);
    else values[name] = source.toString(kind, offset, offset + length);
  }
  return values;
}

/** A copy in a buffer of its own, which starts at offset 0 of its memory. */
function copyOf(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}
