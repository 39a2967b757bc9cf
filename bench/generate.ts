/**
 * Generates realistic concept workbooks with N measures through the project's own writing path
 * (templateContent("beispiel") → planNewWorkbook → applyWorkbookPlan), so that the benchmark reads what
 * `init` would write, only with more rows in tblMassnahmen.
 */
import { createHash } from "node:crypto";
import { promises as fs, readFileSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { type CellValue, type IsoDate, dateFromIso } from "../src/domain/dates";
import { templateContent } from "../src/domain/templates";
import { planNewWorkbook } from "../src/workbook/plan";
import { XlsxDocument } from "../src/xlsx/document";

export const TODAY: IsoDate = "2026-11-22";
export const REPO_ROOT = path.resolve(__dirname, "..");
/** Git-ignored (`.bench/` in .gitignore). */
export const CACHE_DIR = path.join(REPO_ROOT, ".bench");

type Row = Record<string, CellValue>;

/** Deterministic PRNG (mulberry32), so a size always yields the same workbook. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GEMEINDEN = [
  "Nordstadt",
  "Südstadt",
  "Altstadt",
  "Bahnhofsviertel",
  "Hohenfeld",
  "Rethen",
  "Grasdorf",
  "Ingeln",
  "Gleidingen",
  "Oesselse",
  "Arnum",
  "Pattensen",
  "Sarstedt",
  "Hemmingen",
  "Wülfel",
  "Kirchrode",
];
const TEILNEHMENDE = ["Teilnehmende", "Familien", "Beratungen", "Personen", "Veranstaltungen", "Kurse", "Zertifikate"];
const BEMERKUNGEN = [
  "Abstimmung mit dem Integrationsbeirat steht aus.",
  "Abhängig von der Förderzusage des Landes.",
  "Fortsetzung aus dem Konzept 2020–2025.",
  "Kooperationsvertrag in Vorbereitung.",
  "Räume werden von der Gemeinde gestellt.",
];
/** Typical defects, each what `check` is there to find (cf. the example template). */
const DEFECTS = [
  "zielwertLeer",
  "datumUngueltig",
  "fristUngenau",
  "fristFortlaufend",
  "beginnNachFrist",
  "indikatorUnbekannt",
  "federfuehrungName",
  "federfuehrungUnbekannt",
  "beschreibungKurz",
  "zielgruppeLeer",
  "ressourcenLeer",
  "finanzierungOffen",
  "zielPasstNicht",
  "ueberfaellig",
  "ausserhalbLaufzeit",
  "idDoppelt",
  "verworfen",
  "statusUngueltig",
] as const;

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const iso = (y: number, m: number, d: number): IsoDate =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/** The last day of the month `months` after (year, month). */
function monthEnd(year: number, month: number, months: number): IsoDate {
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

/** N measures in the fields of tblMassnahmen, referring to the example's Handlungsfelder, Ziele, Indikatoren, Akteure. */
export function generateMeasures(n: number, seed = 20261122): Row[] {
  const r = rng(seed + n);
  const base = templateContent("beispiel", TODAY);
  const examples = base.massnahmen ?? [];
  const ziele = base.ziele ?? [];
  const indikatoren = base.indikatoren ?? [];
  const akteure = (base.akteure ?? []).map((a) => ({ id: String(a.id), name: String(a.bezeichnung) }));
  const indikatorenByZiel = new Map<string, string[]>();
  for (const i of indikatoren) {
    const list = indikatorenByZiel.get(String(i.ziel)) ?? [];
    list.push(String(i.id));
    indikatorenByZiel.set(String(i.ziel), list);
  }
  // Well-formed example measures by Ziel serve as titles, descriptions and Zielgruppen.
  const good = examples.filter(
    (m) => String(m.beschreibung ?? "").split(/\s+/).length >= 12 && m.status !== "verworfen",
  );
  const examplesByZiel = new Map<string, Row[]>();
  for (const m of good) examplesByZiel.set(String(m.ziel), [...(examplesByZiel.get(String(m.ziel)) ?? []), m]);

  // Measures pursue Ziele that have indicators (Z-12 stays without measure, as in the example).
  const measurable = ziele.filter((z) => indikatorenByZiel.has(String(z.id)));
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const ziel = pick(r, measurable);
    const zielId = String(ziel.id);
    const example = pick(r, examplesByZiel.get(zielId) ?? good);
    const ownIndikatoren = indikatorenByZiel.get(zielId)!;
    const indikatorList = r() < 0.2 && ownIndikatoren.length > 1 ? ownIndikatoren : [pick(r, ownIndikatoren)];
    const lead = pick(r, akteure);
    const others = akteure.filter((a) => a.id !== lead.id);
    const beteiligte = Array.from({ length: Math.floor(r() * 4) }, () => pick(r, others).id);
    const startYear = 2026 + Math.floor(r() * 3);
    const startMonth = 1 + Math.floor(r() * 12);
    const beginn = iso(startYear, startMonth, 1);
    // Within the concept's Laufzeit (2026–2030); running past it is one of the defects below.
    const frist = [monthEnd(startYear, startMonth, 6 + Math.floor(r() * 36)), "2030-12-31"].sort()[0]!;
    const gemeinde = pick(r, GEMEINDEN);
    const row: Row = {
      id: `M-${String(i + 1).padStart(5, "0")}`,
      handlungsfeld: ziel.handlungsfeld ?? null,
      ziel: zielId,
      titel: `${String(example.titel)} ${gemeinde}`,
      beschreibung: `${String(example.beschreibung)} Schwerpunkt ist ${gemeinde}.`,
      zielgruppe: example.zielgruppe ?? ziel.zielgruppe ?? null,
      indikatoren: indikatorList.join("; "),
      zielwert: `${(1 + Math.floor(r() * 40)) * 10} ${pick(r, TEILNEHMENDE)} pro Jahr`,
      federfuehrung: lead.id,
      beteiligte: [...new Set(beteiligte)].join("; "),
      personal: Math.round(r() * 15) / 10,
      sachkosten: Math.round(r() * 100) * 500,
      finanzierung: r() < 0.6 ? "gesichert" : "beantragt",
      beginn,
      frist,
      status: beginn <= TODAY ? (r() < 0.8 ? "in Umsetzung" : "umgesetzt") : "geplant",
      prioritaet: pick(r, ["hoch", "mittel", "mittel", "niedrig"]),
      bemerkung: r() < 0.15 ? pick(r, BEMERKUNGEN) : "",
    };
    // About one measure in six has one of the typical defects, like the example concept.
    if (r() < 0.16) applyDefect(row, pick(r, DEFECTS), r, i, ziele, akteure);
    rows.push(row);
  }
  return rows;
}

function applyDefect(
  row: Row,
  defect: (typeof DEFECTS)[number],
  r: () => number,
  i: number,
  ziele: Row[],
  akteure: { id: string; name: string }[],
): void {
  switch (defect) {
    case "zielwertLeer":
      row.zielwert = "";
      break;
    case "datumUngueltig":
      row.frist = "31.02.2027";
      break;
    case "fristUngenau":
      row.frist = pick(r, ["Q4 2028", "12/2027", "2029", "Ende 2027"]);
      break;
    case "fristFortlaufend":
      row.frist = "fortlaufend";
      break;
    case "beginnNachFrist":
      [row.beginn, row.frist] = [row.frist ?? null, row.beginn ?? null];
      break;
    case "indikatorUnbekannt":
      row.indikatoren = "I-099";
      break;
    case "federfuehrungName":
      row.federfuehrung = pick(r, akteure).name;
      break;
    case "federfuehrungUnbekannt":
      row.federfuehrung = "Stabsstelle Demografie";
      break;
    case "beschreibungKurz":
      row.beschreibung = `${String(row.titel)} im Internet.`;
      break;
    case "zielgruppeLeer":
      row.zielgruppe = "";
      break;
    case "ressourcenLeer":
      row.personal = null;
      row.sachkosten = null;
      row.finanzierung = "";
      break;
    case "finanzierungOffen":
      row.finanzierung = "offen";
      break;
    case "zielPasstNicht": {
      const other = ziele.find((z) => z.handlungsfeld !== row.handlungsfeld);
      if (other) row.ziel = other.id ?? null;
      break;
    }
    case "ueberfaellig":
      row.beginn = "2025-03-01";
      row.frist = "2026-06-30";
      row.status = "geplant";
      break;
    case "ausserhalbLaufzeit":
      row.frist = "2031-06-30";
      break;
    case "idDoppelt":
      if (i > 0) row.id = `M-${String(i).padStart(5, "0")}`;
      break;
    case "verworfen":
      Object.assign(row, { zielgruppe: "", indikatoren: "", zielwert: "", federfuehrung: "", beteiligte: "" });
      Object.assign(row, {
        personal: null,
        sachkosten: null,
        finanzierung: "",
        beginn: "",
        frist: "",
        status: "verworfen",
      });
      break;
    case "statusUngueltig":
      row.status = "läuft";
      break;
  }
}

/** Writes the example concept with N generated measures to `file` (atomically). */
export async function writeConceptWorkbook(file: string, n: number): Promise<void> {
  const doc = XlsxDocument.create(path.basename(file), dateFromIso(TODAY));
  doc.applyWorkbookPlan(planNewWorkbook({ ...templateContent("beispiel", TODAY), massnahmen: generateMeasures(n) }));
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, doc.toBytes());
  await fs.rename(temp, file);
}

/** Sources whose change changes the generated workbook; their hash names the cached file. */
export const GENERATOR_INPUTS = [
  "bench/generate.ts",
  "src/domain/templates",
  "src/workbook/contract.ts",
  "src/workbook/plan.ts",
  "src/xlsx/sheetXml.ts",
  "src/xlsx/styles.ts",
  "src/xlsx/package.ts",
  "src/xlsx/opc.ts",
  "src/xlsx/workbookPart.ts",
  "src/xlsx/generatedSheets.ts",
];

/** A file, or every file of a folder (the templates are a folder of typed data since the registry refactoring). */
function inputFiles(entry: string): string[] {
  const full = path.join(REPO_ROOT, entry);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full)
    .sort()
    .map((name) => path.join(full, name));
}

function generatorHash(): string {
  const hash = createHash("sha1");
  for (const f of GENERATOR_INPUTS.flatMap(inputFiles)) hash.update(readFileSync(f));
  return hash.digest("hex").slice(0, 10);
}

/** The cached workbook of N measures; generated when missing or when a generator input changed. */
export async function conceptWorkbook(n: number): Promise<{ file: string; generatedMs: number | null }> {
  await fs.mkdir(CACHE_DIR, { recursive: true });
  const name = `konzept-${n}-${generatorHash()}.xlsx`;
  const file = path.join(CACHE_DIR, name);
  try {
    await fs.access(file);
    return { file, generatedMs: null };
  } catch {
    // Workbooks of this size from an older generator are stale.
    for (const old of await fs.readdir(CACHE_DIR)) {
      if (old.startsWith(`konzept-${n}-`) && old !== name) await fs.rm(path.join(CACHE_DIR, old), { force: true });
    }
    const start = performance.now();
    await writeConceptWorkbook(file, n);
    return { file, generatedMs: performance.now() - start };
  }
}

/** Bytes opened in exceljs, to edit a file the way a user would (the program never writes through it). */
export async function toExcelJsWorkbook(bytes: Uint8Array): Promise<ExcelJSWorkbook> {
  const wb = new (await import("exceljs")).default.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
type ExcelJSWorkbook = import("exceljs").Workbook;
