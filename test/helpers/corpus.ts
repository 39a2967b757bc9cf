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
export const CORPUS_FILES = [
  "kitchen-sink.xlsx",
  "charts-pivot.xlsx",
  "comments-properties.xlsx",
  "generated-sheet-user-parts.xlsx",
] as const;
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
  /** The names of the sheets LibreOffice treats as protected. */
  protectedSheets: string[];
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
    protectedSheets: [...content.matchAll(/<table:table table:name="([^"]*)"[^>]*table:protected="true"/g)].map((m) => m[1]!),
  };
}

// ---- looking into a package by sheet name (a writer may renumber the parts of sheets it regenerates) ----

function partText(parts: Map<string, Buffer>, name: string): string {
  const data = parts.get(name);
  if (!data) throw new Error(`part ${name} missing`);
  return data.toString("utf8");
}

/** The part name of the sheet called `sheet` (worksheet or chartsheet), via workbook.xml and its relationships. */
export function sheetPartName(xlsx: Buffer | Uint8Array | Map<string, Buffer>, sheet: string): string {
  const parts = xlsx instanceof Map ? xlsx : listParts(xlsx);
  const workbook = partText(parts, "xl/workbook.xml");
  const escaped = sheet.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const entry = [...workbook.matchAll(/<sheet ([^>]*?)\/>/g)].find((m) => m[1]!.includes(`name="${escaped}"`));
  if (!entry) throw new Error(`no sheet named ${sheet}`);
  const rid = /\br:id="([^"]+)"/.exec(entry[1]!)![1]!;
  const rels = partText(parts, "xl/_rels/workbook.xml.rels");
  const rel = [...rels.matchAll(/<Relationship ([^>]*?)\/>/g)].find((m) => m[1]!.includes(`Id="${rid}"`));
  const target = /Target="([^"]+)"/.exec(rel?.[1] ?? "")?.[1];
  if (!target) throw new Error(`no relationship ${rid} for sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : path.posix.normalize(`xl/${target}`);
}

/** The XML of the sheet called `sheet`. */
export function sheetXml(xlsx: Buffer | Uint8Array | Map<string, Buffer>, sheet: string): string {
  const parts = xlsx instanceof Map ? xlsx : listParts(xlsx);
  return partText(parts, sheetPartName(parts, sheet));
}

/** The sheet's <sheetProtection …/> element as written, or undefined when the sheet is not protected. */
export function sheetProtection(xlsx: Buffer | Uint8Array | Map<string, Buffer>, sheet: string): string | undefined {
  return /<sheetProtection\b[^>]*\/>/.exec(sheetXml(xlsx, sheet))?.[0];
}

/** The children of <worksheet> in the order ECMA-376 (CT_Worksheet) demands; Excel refuses a file that breaks it. */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
] as const;

/** Children of the worksheet root that are out of order, unknown or repeated; [] when the sheet is right. */
export function worksheetOrderProblems(xml: string): string[] {
  const body = xml.slice(xml.indexOf(">", xml.indexOf("<worksheet")) + 1);
  const problems: string[] = [];
  let depth = 0;
  let last = -1;
  const seen = new Set<string>();
  for (const m of body.matchAll(/<(\/?)([A-Za-z0-9]+:)?([A-Za-z0-9]+)\b[^>]*?(\/?)>/g)) {
    const [, closing, prefix, name, selfClosing] = m;
    if (closing) {
      depth--;
      continue;
    }
    if (depth === 0 && name !== "worksheet") {
      const at = prefix ? -1 : (WORKSHEET_ORDER as readonly string[]).indexOf(name!);
      const repeatable = name === "conditionalFormatting";
      if (at < 0) problems.push(`unknown element <${prefix ?? ""}${name}>`);
      else if (seen.has(name!) && !repeatable) problems.push(`<${name}> twice`);
      else if (at < last) problems.push(`<${name}> after <${WORKSHEET_ORDER[last]}>`);
      seen.add(name!);
      last = Math.max(last, at);
    }
    if (!selfClosing) depth++;
  }
  return problems;
}

/**
 * The sheet's part, its relationships part and every part reachable from it through relationships
 * (tables, drawings, charts, images, notes, VML, pivot tables and their caches, printer settings),
 * sorted — e.g. to declare a regenerated sheet's own parts as touched, or to see what a user hung on it.
 */
export function partsOfSheet(xlsx: Buffer | Uint8Array | Map<string, Buffer>, sheet: string): string[] {
  const parts = xlsx instanceof Map ? xlsx : listParts(xlsx);
  const found = new Set<string>();
  const visit = (part: string): void => {
    if (found.has(part) || !parts.has(part)) return;
    found.add(part);
    const relsName = part.replace(/([^/]+)$/, "_rels/$1.rels");
    if (!parts.has(relsName)) return;
    found.add(relsName);
    for (const m of partText(parts, relsName).matchAll(/<Relationship ([^>]*?)\/>/g)) {
      if (/TargetMode="External"/.test(m[1]!)) continue;
      const target = /Target="([^"]+)"/.exec(m[1]!)![1]!;
      visit(target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(part), target)));
    }
  };
  visit(sheetPartName(parts, sheet));
  return [...found].sort();
}

/** A copy of a corpus file in `dir` (for in-place writes); returns its path. */
export function corpusCopy(name: CorpusFile, dir: string, as: string = name): string {
  const file = path.join(dir, as);
  fs.copyFileSync(path.join(CORPUS_DIR, name), file);
  return file;
}
