/**
 * The ZIP container of an .xlsx package, read and written so that a part the program does not touch is
 * copied as it is: its compressed bytes, CRC and sizes go into the new file unchanged, it is never inflated.
 *
 * Why this and not a zip library alone (measured on the Excel-authored corpus in test/fixtures/corpus):
 * exceljs re-serialises the whole package and drops charts, drawings, pivot caches and docProps/custom.xml;
 * JSZip keeps unknown entries but inflates whatever it is asked for without a bound, and fflate's `unzipSync`
 * inflates every entry it keeps. Neither can copy an entry compressed as it is while refusing a zip bomb by
 * the sizes the central directory declares *and* while inflating. The container itself is two record types
 * (local header, central directory) — so this module reads and writes those, and fflate does the DEFLATE
 * work (streaming `Inflate` with a byte budget, `deflateSync` for the parts the program writes).
 */
import type * as Fflate from "fflate";

/**
 * fflate, loaded when first needed: the browser inflates and deflates with it, the command line passes
 * Node's zlib (see ZipCodec) and never loads it.
 */
const fflate = (): typeof Fflate => require("fflate") as typeof Fflate;

/** Limits of the contract ("Bad input"): one part at most 200 MB, the whole package at most 1 GB unpacked. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

/** Why a zip cannot be used; the caller turns it into one German sentence naming the file. */
export class ZipError extends Error {
  constructor(
    readonly reason: "corrupt" | "zip64" | "encrypted" | "method" | "too-large-part" | "too-large-package",
    readonly part?: string,
  ) {
    super(reason);
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  dosTime: number;
  dosDate: number;
  /** The entry's data as stored in the archive (compressed when method is 8). */
  raw: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEnd(bytes: Uint8Array, dv: DataView): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (dv.getUint32(i, true) === SIG_END) return i;
  throw new ZipError("corrupt");
}

// Names without the UTF-8 flag are CP437 by the spec; every name of an OOXML part is ASCII, so latin1 is exact.
// (Made on first use: the decoders are globals of the browser and Node, not of every test environment.)
const nameDecoder = (utf8: boolean) => new TextDecoder(utf8 ? "utf-8" : "latin1");

/**
 * Reads the central directory. Nothing is inflated here; the sizes the directory declares are checked
 * against the contract's limits for every entry (parts the program never reads count towards the package).
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  if (bytes.length < 22) throw new ZipError("corrupt");
  const end = findEnd(bytes, dv);
  const count = dv.getUint16(end + 10, true);
  const dirOffset = dv.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError("zip64");
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== SIG_CENTRAL) throw new ZipError("corrupt");
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const dosTime = dv.getUint16(p + 12, true);
    const dosDate = dv.getUint16(p + 14, true);
    const crc = dv.getUint32(p + 16, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    const name = nameDecoder((flags & 0x800) !== 0).decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipError("zip64", name);
    }
    if (flags & 0x1) throw new ZipError("encrypted", name);
    if (method !== 0 && method !== 8) throw new ZipError("method", name);
    if (size > MAX_PART_BYTES) throw new ZipError("too-large-part", name);
    total += size;
    if (total > MAX_PACKAGE_BYTES) throw new ZipError("too-large-package", name);
    if (localOffset + 30 > bytes.length || dv.getUint32(localOffset, true) !== SIG_LOCAL) {
      throw new ZipError("corrupt", name);
    }
    const dataStart = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    if (dataStart + compressedSize > bytes.length) throw new ZipError("corrupt", name);
    const raw = bytes.subarray(dataStart, dataStart + compressedSize);
    entries.push({ name, method, crc, compressedSize, size, dosTime, dosDate, raw });
  }
  return entries;
}

const CHUNK = 16 * 1024;

/**
 * What inflates, deflates and checksums parts. fflate and the CRC below everywhere (the browser); the
 * command line passes Node's zlib, which needs no warming up: a 7 MB worksheet inflates in ~15 ms where
 * fflate, in a fresh process, takes 100–400 ms (measured with bench/child.ts, see bench/bench.ts).
 */
export interface ZipCodec {
  /** A whole entry's raw DEFLATE data, to at most `limit` bytes: null where it would inflate to more. */
  inflate?: (raw: Uint8Array, limit: number) => Uint8Array | null;
  deflate?: (data: Uint8Array) => Uint8Array;
  crc32?: (data: Uint8Array) => number;
}

/** The pieces a native inflater's output is handed on in (so a reader never decodes a part whole). */
const PIECE = 512 * 1024;

/**
 * Inflates one entry piece by piece into `onData`, never to more than it declared (nor the part limit): a
 * zip that lies about a size is stopped while inflating, after at most one chunk's output past the budget.
 * The CRC is checked at the end, so a reader must drop what it built when this throws.
 */
export function inflateStream(entry: ZipEntry, onData: (chunk: Uint8Array) => void, codec: ZipCodec = {}): void {
  const budget = Math.min(entry.size, MAX_PART_BYTES);
  const overflow = () => new ZipError(entry.size > MAX_PART_BYTES ? "too-large-part" : "corrupt", entry.name);
  const whole = entry.method === 0 || codec.inflate !== undefined;
  const nativeSum = whole && codec.crc32 !== undefined;
  let length = 0;
  let crc = 0xffffffff;
  const take = (chunk: Uint8Array) => {
    if (length + chunk.length > budget) throw overflow();
    length += chunk.length;
    if (!nativeSum) crc = crcUpdate(crc, chunk);
    onData(chunk);
  };
  let data: Uint8Array | null = null;
  try {
    if (entry.method === 0) data = entry.raw;
    else if (codec.inflate) {
      data = codec.inflate(entry.raw, budget);
      if (!data) throw overflow();
    } else {
      const inflate = new (fflate().Inflate)(take);
      for (let i = 0; i < entry.raw.length; i += CHUNK) {
        inflate.push(entry.raw.subarray(i, i + CHUNK), i + CHUNK >= entry.raw.length);
      }
      if (entry.raw.length === 0) inflate.push(new Uint8Array(0), true);
    }
    if (data) for (let i = 0; i < data.length || i === 0; i += PIECE) take(data.subarray(i, i + PIECE));
  } catch (error) {
    if (error instanceof ZipError) throw error;
    // A reader's own error (a DOCTYPE, a broken part) passes through; the inflater's errors mean a broken entry.
    if (!(error instanceof Error) || !("code" in error)) throw error;
    throw new ZipError("corrupt", entry.name);
  }
  const sum = nativeSum && data ? codec.crc32!(data) : (crc ^ 0xffffffff) >>> 0;
  if (length !== entry.size || sum !== entry.crc) throw new ZipError("corrupt", entry.name);
}

/** Inflates one entry whole (see inflateStream for the limits). */
export function inflateEntry(entry: ZipEntry, codec: ZipCodec = {}): Uint8Array {
  const out = new Uint8Array(Math.min(entry.size, MAX_PART_BYTES));
  let length = 0;
  inflateStream(
    entry,
    (chunk) => {
      out.set(chunk, length);
      length += chunk.length;
    },
    codec,
  );
  return out;
}

/** CRC-32 tables for eight bytes at a time ("slicing by 8"): twice as fast as a byte at a time. */
let CRC_TABLES: Uint32Array | null = null;

function crcTables(): Uint32Array {
  if (CRC_TABLES) return CRC_TABLES;
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  }
  CRC_TABLES = t;
  return t;
}

function crcUpdate(crc: number, d: Uint8Array): number {
  const t = crcTables();
  const n = d.length;
  const end = n - (n % 8);
  let i = 0;
  for (; i < end; i += 8) {
    const a = (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) ^ crc;
    crc =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + d[i + 4]!]! ^
      t[512 + d[i + 5]!]! ^
      t[256 + d[i + 6]!]! ^
      t[d[i + 7]!]!;
  }
  for (; i < n; i++) crc = t[(crc ^ d[i]!) & 0xff]! ^ (crc >>> 8);
  return crc;
}

export function crc32(data: Uint8Array): number {
  return (crcUpdate(0xffffffff, data) ^ 0xffffffff) >>> 0;
}

function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    dosDate: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A new entry from uncompressed bytes (deflated unless tiny). */
export function newEntry(name: string, data: Uint8Array, now = new Date(), codec: ZipCodec = {}): ZipEntry {
  const deflated = data.length > 64 ? (codec.deflate ?? defaultDeflate)(data) : null;
  const useDeflate = deflated !== null && deflated.length < data.length;
  return {
    name,
    method: useDeflate ? 8 : 0,
    crc: (codec.crc32 ?? crc32)(data),
    compressedSize: useDeflate ? deflated.length : data.length,
    size: data.length,
    ...dosDateTime(now),
    raw: useDeflate ? deflated : data,
  };
}

const defaultDeflate = (data: Uint8Array) => fflate().deflateSync(data, { level: 6 });

/** Writes the entries in order; copied entries keep their compressed bytes, CRC and sizes. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let size = 22;
  entries.forEach((e, i) => (size += 30 + 46 + 2 * names[i]!.length + e.compressedSize));
  const out = new Uint8Array(size);
  const dv = view(out);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    p = header(dv, out, p, SIG_LOCAL, e, names[i]!, 0);
    out.set(e.raw, p);
    p += e.compressedSize;
  });
  const dirStart = p;
  entries.forEach((e, i) => (p = header(dv, out, p, SIG_CENTRAL, e, names[i]!, offsets[i]!)));
  dv.setUint32(p, SIG_END, true);
  dv.setUint16(p + 8, entries.length, true);
  dv.setUint16(p + 10, entries.length, true);
  dv.setUint32(p + 12, p - dirStart, true);
  dv.setUint32(p + 16, dirStart, true);
  return out;
}

/** A local (30 bytes) or central (46 bytes) header with the UTF-8 flag; returns the offset after the name. */
function header(dv: DataView, out: Uint8Array, p: number, sig: number, e: ZipEntry, name: Uint8Array, offset: number) {
  const central = sig === SIG_CENTRAL;
  dv.setUint32(p, sig, true);
  let q = p + 4;
  if (central) {
    dv.setUint16(q, 20, true); // made by: 2.0, MS-DOS attributes
    q += 2;
  }
  dv.setUint16(q, 20, true); // version needed: 2.0
  dv.setUint16(q + 2, 0x800, true); // UTF-8 names, sizes in the header (no data descriptor)
  dv.setUint16(q + 4, e.method, true);
  dv.setUint16(q + 6, e.dosTime, true);
  dv.setUint16(q + 8, e.dosDate, true);
  dv.setUint32(q + 10, e.crc, true);
  dv.setUint32(q + 14, e.compressedSize, true);
  dv.setUint32(q + 18, e.size, true);
  dv.setUint16(q + 22, name.length, true);
  dv.setUint16(q + 24, 0, true); // no extra field
  q += 26;
  if (central) {
    // comment length, disk number, internal and external attributes: all zero; then the local header's offset
    dv.setUint32(q + 10, offset, true);
    q += 14;
  }
  out.set(name, q);
  return q + name.length;
}
