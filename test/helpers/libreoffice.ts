/** Recalculates a workbook in LibreOffice (../shared/tools/recalc.sh) and returns every sheet as rows. */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const RECALC = path.resolve(__dirname, "../../../shared/tools/recalc.sh");

export function hasLibreOffice(): boolean {
  try {
    execFileSync("sh", ["-c", "command -v soffice"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** In CI a missing LibreOffice fails the test; on a developer's machine the test is skipped. */
export const describeWithLibreOffice: jest.Describe = (() => {
  if (hasLibreOffice()) return describe;
  if (process.env.CI) {
    return ((name: string) =>
      describe(name, () => {
        it("needs LibreOffice (soffice), which .ci/run installs", () => {
          throw new Error("LibreOffice (soffice) ist nicht installiert");
        });
      })) as unknown as jest.Describe;
  }
  // eslint-disable-next-line no-console
  console.warn("LibreOffice (soffice) fehlt: Formeltests werden übersprungen.");
  return describe.skip;
})();

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

export function recalc(file: string): Record<string, string[][]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "recalc-"));
  execFileSync("bash", [RECALC, file, out], { stdio: "pipe", timeout: 180_000 });
  const base = path.basename(file, ".xlsx");
  const sheets: Record<string, string[][]> = {};
  for (const name of fs.readdirSync(out)) {
    if (name.startsWith(`${base}-`) && name.endsWith(".csv")) {
      sheets[name.slice(base.length + 1, -4)] = parseCsv(fs.readFileSync(path.join(out, name), "utf8"));
    }
  }
  fs.rmSync(out, { recursive: true, force: true });
  return sheets;
}

/**
 * Converts a document with headless LibreOffice (its own profile, so parallel runs do not meet):
 * `txt` is the text as Writer reads it (UTF-8, one table cell per line), `pdf` the printed pages.
 * Returns the path of the converted file in a new temporary folder.
 */
export function convertWithLibreOffice(file: string, format: "txt" | "pdf"): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "lo-convert-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  const filter = format === "txt" ? "txt:Text (encoded):UTF8" : "pdf:writer_pdf_Export";
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", out, file],
      { stdio: "pipe", timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const converted = path.join(out, `${path.basename(file, path.extname(file))}.${format}`);
  if (!fs.existsSync(converted)) throw new Error(`LibreOffice hat ${file} nicht nach ${format} umgewandelt`);
  return converted;
}

/**
 * Is Carlito installed, the free font with Calibri's metrics? Without it LibreOffice lays out the workbooks'
 * Calibri text in a wider font, and a printout says nothing about what Excel prints.
 */
export function hasCalibriMetrics(): boolean {
  try {
    return /carlito|calibri/i.test(execFileSync("fc-list", [], { encoding: "utf8" }));
  } catch {
    return false;
  }
}

/** Is pdftotext (poppler-utils) installed? */
export function hasPdfToText(): boolean {
  try {
    execFileSync("sh", ["-c", "command -v pdftotext"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A LibreOffice profile with the German locale of our users (dates in header and footer as 26.11.2026). */
const GERMAN_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>de-DE</value></prop></item>
</oor:items>
`;

/** Converts workbooks to PDF (one per file, `<name>.pdf` in `outDir`) as LibreOffice prints them. */
export function convertToPdf(files: string[], outDir: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"));
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), GERMAN_PROFILE);
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...files],
      { stdio: "pipe", timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export interface PdfWord {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Height of the word's box in points (about 1.2–1.3 × the font size, depending on the font). */
  height: number;
}

export interface PdfPage {
  height: number;
  words: PdfWord[];
}

/** The words of each page of a PDF with their boxes (`pdftotext -bbox`). */
export function pdfPages(file: string): PdfPage[] {
  const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  return html
    .split(/<page /)
    .slice(1)
    .map((page) => ({
      height: Number(/height="([\d.]+)"/.exec(page)?.[1] ?? 0),
      words: [
        ...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({
        text: decode(m[5]!),
        x: Number(m[1]),
        y: Number(m[2]),
        width: Number(m[3]) - Number(m[1]),
        height: Number(m[4]) - Number(m[2]),
      })),
    }));
}

/**
 * A workbook with one word at 8 pt printed at 100 % (A4 across): its box in the PDF is the height of 8 pt text
 * in the same run, the floor the printed sheets are held to.
 */
export async function referenceWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Referenz");
  ws.getCell("A1").value = "Achtpunkt";
  ws.getCell("A1").font = { size: 8 };
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: "landscape", scale: 100 };
  await wb.xlsx.writeFile(file);
}

/** The lines of a text LibreOffice wrote, trimmed, without empty ones and list bullets (one table cell per line). */
export function textLines(txtFile: string): string[] {
  return fs
    .readFileSync(txtFile, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\u00a0/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^•\s*/, ""))
    .filter((l) => l !== "");
}

/** Whether `expected` occurs as consecutive lines (a table row, cell by cell). */
export function hasRun(lines: string[], expected: string[]): boolean {
  return lines.some((_, i) => expected.every((e, k) => lines[i + k] === e));
}
