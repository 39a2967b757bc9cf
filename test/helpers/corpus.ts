/**
 * Helpers for the preservation tests (issue 9): list a package's parts, assert that a write kept every part
 * it did not own byte for byte, and ask LibreOffice what it still sees in a workbook.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";

export const CORPUS_DIR = path.resolve(__dirname, "../fixtures/corpus");

/** The corpus files (test/fixtures/corpus/*.xlsx), by file name. */
export const CORPUS_FILES = ["kitchen-sink.xlsx", "charts-pivot.xlsx", "comments-properties.xlsx"] as const;
export type CorpusFile = (typeof CORPUS_FILES)[number];

/** The bytes of a corpus file. */
export function corpusFile(name: CorpusFile): Buffer {
  return fs.readFileSync(path.join(CORPUS_DIR, name));
}

/** Every part of an .xlsx (zip) package, uncompressed, by part name (folders left out). */
export function listParts(xlsx: Buffer | Uint8Array): Map<string, Buffer> {
  const files = unzipSync(xlsx instanceof Buffer ? new Uint8Array(xlsx.buffer, xlsx.byteOffset, xlsx.byteLength) : xlsx);
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(files).sort()) {
    if (!name.endsWith("/")) parts.set(name, Buffer.from(files[name]!));
  }
  return parts;
}

export interface PartsKeptOptions {
  /** Parts the write is allowed to change, replace or remove (the ones the program owns or must touch). */
  changed: (name: string) => boolean;
}

export interface PartsComparison {
  /** Parts of `before` that are gone in `after`. */
  missing: string[];
  /** Parts present in both whose uncompressed bytes differ. */
  changed: string[];
}

/** Which parts of `before` a write lost or changed, leaving out the parts the caller declares as touched. */
export function compareParts(
  before: Buffer | Uint8Array,
  after: Buffer | Uint8Array,
  options: PartsKeptOptions = { changed: () => false },
): PartsComparison {
  const was = listParts(before);
  const now = listParts(after);
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [name, bytes] of was) {
    if (options.changed(name)) continue;
    const kept = now.get(name);
    if (!kept) missing.push(name);
    else if (!kept.equals(bytes)) changed.push(name);
  }
  return { missing, changed };
}

/** Fails naming every part of `before` that disappeared or changed bytes in `after`, except the declared ones. */
export function assertPartsKept(
  before: Buffer | Uint8Array,
  after: Buffer | Uint8Array,
  options: PartsKeptOptions = { changed: () => false },
): void {
  const { missing, changed } = compareParts(before, after, options);
  if (missing.length === 0 && changed.length === 0) return;
  const lines = [
    ...missing.map((name) => `  missing: ${name}`),
    ...changed.map((name) => `  changed: ${name}`),
  ];
  throw new Error(`The write did not keep ${missing.length + changed.length} part(s):\n${lines.join("\n")}`);
}

export interface LibreOfficeView {
  /** Chart objects (on data sheets and chart sheets). */
  charts: number;
  /** Pivot tables (data pilot tables). */
  pivotTables: number;
  /** Pictures (images; the preview pictures LibreOffice makes of charts are not counted). */
  images: number;
  /** Notes (legacy comments, also the fallback of threaded comments). */
  notes: number;
  /** The sheet names, in order. */
  sheets: string[];
}

const execFileAsync = promisify(execFile);

/**
 * Converts the workbook to .ods in headless LibreOffice (own profile, so parallel runs do not share a lock)
 * and counts what LibreOffice made of it. `xlsx` is the file's bytes or its path.
 */
export async function libreOfficeSees(xlsx: Buffer | Uint8Array | string): Promise<LibreOfficeView> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-sees-"));
  try {
    const input = path.join(dir, "in.xlsx");
    if (typeof xlsx === "string") fs.copyFileSync(xlsx, input);
    else fs.writeFileSync(input, xlsx);
    const profile = path.join(dir, "profile");
    await execFileAsync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "ods", "--outdir", dir, input],
      { timeout: 180_000 },
    );
    const odsPath = path.join(dir, "in.ods");
    if (!fs.existsSync(odsPath)) throw new Error("LibreOffice could not open the workbook (no .ods written)");
    return odsView(listParts(fs.readFileSync(odsPath)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function odsView(ods: Map<string, Buffer>): LibreOfficeView {
  const manifest = ods.get("META-INF/manifest.xml")?.toString("utf8") ?? "";
  const content = ods.get("content.xml")?.toString("utf8") ?? "";
  const count = (text: string, re: RegExp) => [...text.matchAll(re)].length;
  return {
    charts: count(manifest, /manifest:media-type="application\/vnd\.oasis\.opendocument\.chart"/g),
    pivotTables: count(content, /<table:data-pilot-table[\s>]/g),
    images: count(content, /<draw:image (?![^>]*xlink:href="\.\/ObjectReplacements\/)/g),
    notes: count(content, /<office:annotation[\s>]/g),
    sheets: [...content.matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => m[1]!),
  };
}
