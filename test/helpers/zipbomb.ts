/**
 * Hostile workbooks for the "Bad input" tests (issue 9, item 5), built in the test — never stored in the
 * repository. Each builder writes a temp file and returns its path; the big ones are produced by streaming
 * (one reused 1 MiB buffer through zlib), so building a 1 GiB bomb needs only a few MB of memory.
 *
 *   (a) inflatingSheetWorkbook  a valid contract workbook whose Maßnahmen sheet XML inflates to 1 GiB
 *   (b) hugeImageWorkbook       a ~1 MB contract workbook with a 1 GiB image (zeros) in xl/media/
 *   (c) lyingSizeWorkbook       the zip DECLARES a small uncompressed size for a part that inflates to 1 GiB
 *   (d) doctypeWorkbook         workbook.xml carries a DOCTYPE (billion-laughs entities, referenced)
 *
 * The zip is written by hand here (PKZIP 2.0, deflate, no data descriptors) because (c) needs headers that
 * lie, and because the sizes are only known after streaming the data through zlib.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { unzipSync } from "fflate";
import { createTemplateWorkbook } from "../../src/xlsx/concept";

export const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export interface BombOptions {
  /** Folder for the file (default: a new temp folder). */
  dir?: string;
  /** File name (default: one per kind). */
  name?: string;
}

/** A zip entry as its central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares. */
  declaredSize: number;
  crc32: number;
  localHeaderOffset: number;
}

// ---- the four builders ---------------------------------------------------------------------------------

/**
 * (a) A contract workbook (init --vorlage beispiel) whose Maßnahmen sheet XML inflates to `inflatedBytes`
 * (default 1 GiB). `fill: "whitespace"` (default) puts a run of blanks inside <sheetData> (deflates ~1000:1,
 * file ≈ 1 MB); `fill: "rows"` appends ~3 KB rows of inline text after the table (file ≈ 5.6 MB, ~10 s to build; closer to the
 * issue's 3.7 MB file). Both are well-formed XML; the declared sizes in the zip are true.
 */
export async function inflatingSheetWorkbook(
  options: BombOptions & { inflatedBytes?: number; fill?: "whitespace" | "rows" } = {},
): Promise<string> {
  const total = options.inflatedBytes ?? GiB;
  const parts = await contractParts();
  const sheet = measuresSheetPart(parts);
  const xml = Buffer.from(parts.get(sheet)!).toString("utf8");
  const source = options.fill === "rows" ? rowsInside(xml, total) : whitespaceInside(xml, total);
  return writeZip(outPath(options, "massnahmen-1gib.xlsx"), entriesWith(parts, sheet, source));
}

/** (b) A contract workbook with a picture `xl/media/image1.png` of `imageBytes` zeros (default 1 GiB). */
export async function hugeImageWorkbook(options: BombOptions & { imageBytes?: number } = {}): Promise<string> {
  const parts = await contractParts();
  const size = options.imageBytes ?? GiB;
  addPicture(parts, measuresSheetPart(parts));
  const entries: Entry[] = [...parts].map(([name, data]) => ({ name, source: bufferSource(data) }));
  entries.push({ name: "xl/media/image1.png", source: repeatedSource(Buffer.alloc(MiB), size) });
  return writeZip(outPath(options, "bild-1gib.xlsx"), entries);
}

/**
 * (c) A contract workbook whose `part` (default: the Maßnahmen sheet) is declared — in its local header
 * AND in the central directory — to unpack to `declaredBytes` (default: the sheet's real size without the
 * padding, ~25 KB) while it actually inflates to `actualBytes` (default 1 GiB). The CRC is the true one.
 */
export async function lyingSizeWorkbook(
  options: BombOptions & { declaredBytes?: number; actualBytes?: number; part?: string } = {},
): Promise<string> {
  const parts = await contractParts();
  const part = options.part ?? measuresSheetPart(parts);
  const original = parts.get(part);
  if (!original) throw new Error(`no part ${part}`);
  const actual = options.actualBytes ?? GiB;
  const xml = Buffer.from(original).toString("utf8");
  const source = xml.includes("<sheetData>") ? whitespaceInside(xml, actual) : trailingWhitespace(original, actual);
  const entries = entriesWith(parts, part, source);
  const lying = entries.find((e) => e.name === part)!;
  lying.declaredSize = options.declaredBytes ?? original.length;
  return writeZip(outPath(options, "luegende-groesse.xlsx"), entries);
}

/** (d) A contract workbook whose workbook.xml starts with a DOCTYPE declaring nested entities, one of them used. */
export async function doctypeWorkbook(options: BombOptions = {}): Promise<string> {
  const parts = await contractParts();
  const lol = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const doctype = `<!DOCTYPE workbook [${lol.join("")}]>`;
  const workbook = Buffer.from(parts.get("xl/workbook.xml")!).toString("utf8");
  const hostile = workbook
    .replace(/^(<\?xml[^>]*\?>\s*)/, `$1${doctype}\n`)
    .replace("</definedNames>", '<definedName name="Lachen">"&lol9;"</definedName></definedNames>');
  if (!hostile.includes("<!DOCTYPE")) throw new Error("workbook.xml has no XML declaration to follow");
  parts.set("xl/workbook.xml", Buffer.from(hostile, "utf8"));
  const entries: Entry[] = [...parts].map(([name, data]) => ({ name, source: bufferSource(data) }));
  return writeZip(outPath(options, "doctype.xlsx"), entries);
}

/** Reads the central directory of a zip file (without inflating anything). */
export function readZipEntries(file: string): ZipEntryInfo[] {
  const fd = fs.openSync(file, "r");
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${file}: no end of central directory`);
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    const out: ZipEntryInfo[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
      const nameLength = cd.readUInt16LE(p + 28);
      const extra = cd.readUInt16LE(p + 30);
      const comment = cd.readUInt16LE(p + 32);
      out.push({
        name: cd.toString("utf8", p + 46, p + 46 + nameLength),
        method: cd.readUInt16LE(p + 10),
        crc32: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        declaredSize: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
      });
      p += 46 + nameLength + extra + comment;
    }
    return out;
  } finally {
    fs.closeSync(fd);
  }
}

/** Inflates one entry as a stream and returns how many bytes it really unpacks to (memory stays small). */
export async function inflatedSize(file: string, entryName: string): Promise<number> {
  const entry = readZipEntries(file).find((e) => e.name === entryName);
  if (!entry) throw new Error(`${file}: no entry ${entryName}`);
  const header = Buffer.alloc(30);
  const fd = fs.openSync(file, "r");
  fs.readSync(fd, header, 0, 30, entry.localHeaderOffset);
  fs.closeSync(fd);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  if (entry.method === 0) return entry.compressedSize;
  let total = 0;
  const inflate = zlib.createInflateRaw();
  await new Promise<void>((resolve, reject) => {
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.length;
    });
    inflate.on("end", resolve);
    inflate.on("error", reject);
    raw.on("error", reject);
    raw.pipe(inflate);
  });
  return total;
}

// ---- contract workbook ---------------------------------------------------------------------------------

let contractCache: Map<string, Uint8Array> | undefined;

/** The parts of `init --vorlage beispiel` (made once per test process, copied per call). */
async function contractParts(): Promise<Map<string, Uint8Array>> {
  if (!contractCache) {
    const workbook = await createTemplateWorkbook("beispiel", "2026-11-22");
    const zip = workbook.toBytes();
    contractCache = new Map(Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith("/")));
  }
  return new Map(contractCache);
}

function measuresSheetPart(parts: Map<string, Uint8Array>): string {
  const text = (name: string) => Buffer.from(parts.get(name)!).toString("utf8");
  const rid = /<sheet [^>]*name="Maßnahmen"[^>]*r:id="([^"]+)"/.exec(text("xl/workbook.xml"))?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))?.[1];
  if (!target) throw new Error("contract workbook without Maßnahmen");
  return `xl/${target}`;
}

/** Adds a drawing with a picture (rId → ../media/image1.png) to `sheet`, with its relationships and types. */
function addPicture(parts: Map<string, Uint8Array>, sheet: string): void {
  const text = (name: string) => Buffer.from(parts.get(name)!).toString("utf8");
  const set = (name: string, value: string) => parts.set(name, Buffer.from(value, "utf8"));
  set(
    "xl/drawings/drawing1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:oneCellAnchor><xdr:from><xdr:col>19</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>' +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Grafik 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/>' +
      '<a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
  );
  set(
    "xl/drawings/_rels/drawing1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
  );
  const rels = sheet.replace(/([^/]+)$/, "_rels/$1.rels");
  set(
    rels,
    text(rels).replace(
      "</Relationships>",
      '<Relationship Id="rIdBild" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
    ),
  );
  set(sheet, text(sheet).replace(/(<tableParts|<\/worksheet>)/, '<drawing r:id="rIdBild"/>$1'));
  set(
    "[Content_Types].xml",
    text("[Content_Types].xml").replace(
      "</Types>",
      '<Default Extension="png" ContentType="image/png"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
}

// ---- sources: the bytes of one entry, produced lazily ------------------------------------------------

/** Yields the entry's bytes in chunks; the same Buffer may be yielded again (it is never kept). */
type Source = () => Iterable<Buffer>;

function bufferSource(data: Uint8Array): Source {
  return () => [Buffer.from(data)];
}

function repeatedSource(chunk: Buffer, total: number): Source {
  return function* () {
    let left = total;
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      yield n === chunk.length ? chunk : chunk.subarray(0, n);
      left -= n;
    }
  };
}

function concatSources(...sources: Source[]): Source {
  return function* () {
    for (const s of sources) yield* s();
  };
}

/** The sheet XML with blanks right after <sheetData> so the whole part is `total` bytes. */
function whitespaceInside(xml: string, total: number): Source {
  const at = xml.indexOf("<sheetData>") + "<sheetData>".length;
  if (at < "<sheetData>".length) throw new Error("sheet without <sheetData>");
  const head = Buffer.from(xml.slice(0, at), "utf8");
  const tail = Buffer.from(xml.slice(at), "utf8");
  const blanks = total - head.length - tail.length;
  if (blanks < 0) throw new Error(`the part is already larger than ${total} bytes`);
  return concatSources(bufferSource(head), repeatedSource(Buffer.alloc(MiB, " "), blanks), bufferSource(tail));
}

function trailingWhitespace(data: Uint8Array, total: number): Source {
  return concatSources(bufferSource(data), repeatedSource(Buffer.alloc(MiB, " "), total - data.length));
}

/** The sheet XML with ~3 KB rows of inline text appended after the last row, padded with blanks to `total`. */
function rowsInside(xml: string, total: number): Source {
  const at = xml.indexOf("</sheetData>");
  const lastRow = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const head = Buffer.from(xml.slice(0, at), "utf8");
  const tail = Buffer.from(xml.slice(at), "utf8");
  const text = "Lorem ipsum dolor sit amet, Maßnahme zur Integration. ".repeat(60);
  const row = (r: number) => `<row r="${r}"><c r="T${r}" t="inlineStr"><is><t>${text}</t></is></c></row>`;
  const budget = total - head.length - tail.length;
  return function* () {
    yield head;
    let written = 0;
    let r = lastRow + 1;
    while (r <= 1_048_576) {
      const batch: string[] = [];
      let size = 0;
      while (batch.length < 1000 && r <= 1_048_576) {
        const next = row(r);
        const bytes = Buffer.byteLength(next);
        if (written + size + bytes > budget) break;
        batch.push(next);
        size += bytes;
        r++;
      }
      if (batch.length === 0) break;
      written += size;
      yield Buffer.from(batch.join(""), "utf8");
    }
    yield* repeatedSource(Buffer.alloc(MiB, " "), budget - written)();
    yield tail;
  };
}

// ---- the zip writer ---------------------------------------------------------------------------------

interface Entry {
  name: string;
  source: Source;
  /** Overrides the uncompressed size written to the headers (for the lying zip). */
  declaredSize?: number;
}

function entriesWith(parts: Map<string, Uint8Array>, replaced: string, source: Source): Entry[] {
  return [...parts].map(([name, data]) => ({ name, source: name === replaced ? source : bufferSource(data) }));
}

function outPath(options: BombOptions, fallback: string): string {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "zipbomb-"));
  return path.join(dir, options.name ?? fallback);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** zlib.crc32 where Node has it (≥ 20.15), else the same in JavaScript. */
function crc32(data: Buffer, value: number): number {
  const native = (zlib as { crc32?: (d: Buffer, v: number) => number }).crc32;
  if (typeof native === "function") return native(data, value);
  let c = (value ^ 0xffffffff) >>> 0;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Streams the source through raw deflate; keeps only the compressed output (≈ 1 MB per GiB of blanks). */
async function deflate(source: Source): Promise<{ chunks: Buffer[]; size: number; crc: number; compressed: number }> {
  const deflater = zlib.createDeflateRaw({ level: 6 });
  const chunks: Buffer[] = [];
  let compressed = 0;
  deflater.on("data", (c: Buffer) => {
    chunks.push(c);
    compressed += c.length;
  });
  const ended = new Promise<void>((resolve, reject) => {
    deflater.on("end", resolve);
    deflater.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  for (const chunk of source()) {
    size += chunk.length;
    crc = crc32(chunk, crc);
    // wait until zlib has taken the chunk: a reused Buffer must not change under it, and memory stays flat
    await new Promise<void>((resolve, reject) => deflater.write(chunk, (e) => (e ? reject(e) : resolve())));
  }
  deflater.end();
  await ended;
  return { chunks, size, crc, compressed };
}

const DOS_TIME = (8 << 11) | (0 << 5); // 08:00:00
const DOS_DATE = ((2026 - 1980) << 9) | (11 << 5) | 22; // 2026-11-22

async function writeZip(file: string, entries: Entry[]): Promise<string> {
  const fd = fs.openSync(file, "w");
  const central: Buffer[] = [];
  let offset = 0;
  try {
    for (const entry of entries) {
      const { chunks, size, crc, compressed } = await deflate(entry.source);
      const name = Buffer.from(entry.name, "utf8");
      const declared = entry.declaredSize ?? size;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4); // version needed
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt16LE(DOS_TIME, 10);
      local.writeUInt16LE(DOS_DATE, 12);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(compressed, 18);
      local.writeUInt32LE(declared, 22);
      local.writeUInt16LE(name.length, 26);
      local.writeUInt16LE(0, 28);
      fs.writeSync(fd, local);
      fs.writeSync(fd, name);
      for (const c of chunks) fs.writeSync(fd, c);
      const cd = Buffer.alloc(46);
      cd.writeUInt32LE(0x02014b50, 0);
      cd.writeUInt16LE(20, 4); // version made by
      cd.writeUInt16LE(20, 6);
      cd.writeUInt16LE(0x0800, 8);
      cd.writeUInt16LE(8, 10);
      cd.writeUInt16LE(DOS_TIME, 12);
      cd.writeUInt16LE(DOS_DATE, 14);
      cd.writeUInt32LE(crc, 16);
      cd.writeUInt32LE(compressed, 20);
      cd.writeUInt32LE(declared, 24);
      cd.writeUInt16LE(name.length, 28);
      cd.writeUInt32LE(offset, 42);
      central.push(cd, name);
      offset += 30 + name.length + compressed;
    }
    const cdBytes = Buffer.concat(central);
    fs.writeSync(fd, cdBytes);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries.length, 8);
    eocd.writeUInt16LE(entries.length, 10);
    eocd.writeUInt32LE(cdBytes.length, 12);
    eocd.writeUInt32LE(offset, 16);
    fs.writeSync(fd, eocd);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}
