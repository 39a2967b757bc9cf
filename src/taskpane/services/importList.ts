/**
 * „Bestehende Liste übernehmen“ im Aufgabenbereich: die Liste lesen (.xlsx oder .csv, ohne Dateisystem),
 * die vermutete Zuordnung der Spalten zeigen und korrigieren lassen, daraus eine Vorschau (nichts
 * geschrieben) und erst auf Wunsch die neue Arbeitsmappe als Bytes bauen. Lädt den Leser der Arbeitsmappe und die
 * Import-Module; die Ansicht holt dieses Modul erst, wenn der Nutzer eine Liste auswählt.
 */
import { formatGermanDate } from "../../domain/dates";
import { templateContent } from "../../domain/templates";
import { textOf } from "../../domain/values";
import { type ImportResult, buildImport } from "../../workbook/import/build";
import {
  type ColumnMapping,
  type ColumnTarget,
  type ImportGrid,
  type ImportMapping,
  asOwnColumn,
  cellReader,
  chooseGrid,
  fieldLabel,
  guessMapping,
  mappingAt,
  periodEnd,
} from "../../workbook/import/mapping";
import { IMPORT_SYNONYMS, type ImportField, type PeriodAspect } from "../../workbook/import/synonyms";
import { planImportWorkbook } from "../../workbook/import/workbook";
import { UEBERNAHME_SHEET, rowRanges } from "../../workbook/sheets/uebernahme";
import type { SheetPlan } from "../../workbook/plan";
import { columnLetter } from "../../workbook/read";
import { XlsxDocument } from "../../xlsx/document";
import { importGrids } from "../../xlsx/importSource";

export type { ImportGrid, ImportMapping, ImportResult };
export { UEBERNAHME_SHEET, columnLetter };

/** The list as read: its sheets (one for a CSV) and how it was read (`CSV, UTF-8, Trennzeichen ;`). */
export interface ListFile {
  name: string;
  kind: string;
  grids: ImportGrid[];
}

/** Reads the picked file; errors carry one German sentence. */
export async function readList(data: ArrayBuffer, name: string): Promise<ListFile> {
  if (!/\.(xlsx|xlsm|xls|csv|txt)$/i.test(name)) {
    throw new Error(`„${name}“ ist weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV-Datei (.csv).`);
  }
  const { grids, kind } = await importGrids(new Uint8Array(data), name);
  if (grids.length === 0) throw new Error(`In „${name}“ steht keine Tabelle.`);
  return { name, kind, grids };
}

/** The sheet with the most known headers and its guess (a sheet without any is shown too: the user maps it). */
export function firstGuess(list: ListFile): { grid: ImportGrid; mapping: ImportMapping } {
  const { grid, guess } = chooseGrid(list.grids, undefined, true);
  return { grid, mapping: stripGuess(guess) };
}

/** The guess for a sheet the user chose. */
export function guessFor(grid: ImportGrid): ImportMapping {
  return stripGuess(guessMapping(grid));
}

function stripGuess({ headerTop, headerBottom, columns }: ImportMapping): ImportMapping {
  return { headerTop, headerBottom, columns };
}

/** The mapping read again from another header row (or pair of rows). */
export function mappingFromHeader(grid: ImportGrid, top: number, bottom: number): ImportMapping {
  return mappingAt(grid, top, bottom);
}

/**
 * The header rows the user can choose: every row of the first ten, each pair of neighbours, and the
 * current one (an Excel table's header can stand further down).
 */
export function headerChoices(grid: ImportGrid, current: ImportMapping): { value: string; label: string }[] {
  const last = Math.min(10, grid.rows.length);
  const spans: [number, number][] = [];
  for (let r = 1; r <= last; r++) spans.push([r, r]);
  for (let r = 1; r < last; r++) spans.push([r, r + 1]);
  if (!spans.some(([t, b]) => t === current.headerTop && b === current.headerBottom))
    spans.push([current.headerTop, current.headerBottom]);
  return spans.map(([t, b]) => ({ value: `${t}-${b}`, label: t === b ? `Zeile ${t}` : `Zeilen ${t} und ${b}` }));
}

// ——— targets as options of a select ———

const ASPECT_LABEL: Record<PeriodAspect, string> = { sachstand: "Sachstand", status: "Status", ampel: "Ampel" };

export function targetValue(t: ColumnTarget): string {
  if (t.kind === "field") return `field:${t.field}`;
  if (t.kind === "period") return `period:${t.aspect}:${t.date}`;
  return "extra";
}

export function targetFromValue(value: string): ColumnTarget {
  const [kind, a, b] = value.split(":");
  if (kind === "field") return { kind: "field", field: a as ImportField };
  if (kind === "period") return { kind: "period", aspect: a as PeriodAspect, date: b! };
  return { kind: "extra" };
}

export function targetLabel(t: ColumnTarget): string {
  if (t.kind === "field") return fieldLabel(t.field);
  if (t.kind === "period") return `${ASPECT_LABEL[t.aspect]} zum ${formatGermanDate(t.date)}`;
  return "eigene Spalte behalten";
}

/** The period a header names at its end (`… 2015/16`, `… 30.06.2024`), for the Sachstand options. */
function headerPeriod(header: string): string | null {
  const m = /(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}\s*[/–-]\s*\d{2,4}|\d{4})\s*\)?\s*$/.exec(header);
  return m ? periodEnd(m[1]!) : null;
}

/** What a column can be taken as: every field, the periods its header names, its own column. */
export function targetOptions(column: ColumnMapping): { value: string; label: string }[] {
  const fields = (Object.keys(IMPORT_SYNONYMS) as ImportField[]).map((field) => ({ kind: "field", field }) as const);
  const periods: ColumnTarget[] = [];
  const date = headerPeriod(column.header);
  if (date)
    for (const aspect of Object.keys(ASPECT_LABEL) as PeriodAspect[]) periods.push({ kind: "period", aspect, date });
  if (column.target.kind === "period" && !periods.some((p) => targetValue(p) === targetValue(column.target)))
    periods.unshift(column.target);
  return [...fields, ...periods, { kind: "extra" } as const].map((t) => ({
    value: targetValue(t),
    label: targetLabel(t),
  }));
}

/**
 * The user's choice for one column. A column that held the same target before is kept as its own column
 * (one column per field, as in the CLI's `--zuordnung`).
 */
export function retarget(mapping: ImportMapping, column: number, target: ColumnTarget): ImportMapping {
  const key = target.kind === "extra" ? null : targetValue(target);
  return {
    ...mapping,
    columns: mapping.columns.map((c) => {
      if (c.column === column) return { column: c.column, header: c.header, target };
      if (key !== null && targetValue(c.target) === key) {
        return asOwnColumn(c);
      }
      return c;
    }),
  };
}

/** The first value under the header in each column (shown as an example). */
export function sampleValues(grid: ImportGrid, mapping: ImportMapping): Map<number, string> {
  const read = cellReader(grid, mapping.headerBottom);
  const out = new Map<number, string>();
  for (const c of mapping.columns) {
    for (let r = mapping.headerBottom + 1; r <= grid.rows.length; r++) {
      const t = textOf(read(r, c.column)).replace(/\s+/g, " ").trim();
      if (t) {
        out.set(c.column, t.length > 80 ? `${t.slice(0, 79)}…` : t);
        break;
      }
    }
  }
  return out;
}

/** What would be taken (pure, nothing written). */
export function previewImport(grid: ImportGrid, mapping: ImportMapping): ImportResult {
  return buildImport(grid, mapping);
}

/** Why the mapping cannot be taken yet, or null. */
export function mappingProblem(mapping: ImportMapping, result: ImportResult): string | null {
  if (!mapping.columns.some((c) => c.target.kind !== "extra"))
    return "Keine Spalte ist einer Spalte der Maßnahmen zugeordnet; es gäbe nichts zu übernehmen.";
  if (result.massnahmen.length === 0)
    return `Unter der Kopfzeile (Zeile ${mapping.headerBottom}) stehen keine Maßnahmen.`;
  return null;
}

/** The name of the new workbook: the list's name with `– Maßnahmenplan.xlsx`. */
export function workbookName(listName: string): string {
  return `${listName.replace(/\.[^.]+$/, "")} – Maßnahmenplan.xlsx`;
}

/** The new workbook: the empty template's settings, the list's rows and the sheet Übernahme. */
export function buildWorkbook(
  list: ListFile,
  result: ImportResult,
  today: string,
): { data: ArrayBuffer; fileName: string; summary: string[] } {
  const fileName = workbookName(list.name);
  const doc = XlsxDocument.create(fileName);
  const others = list.grids.map((g) => g.sheet).filter((name) => name !== result.sheet);
  const plan = planImportWorkbook(result, templateContent("leer", today), list.name, others);
  doc.applyWorkbookPlan(plan);
  const bytes = doc.toBytes();
  return {
    data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    fileName,
    summary: summaryOf(plan.sheets.find((s) => s.name === UEBERNAHME_SHEET.sheet)),
  };
}

/** The opening lines of the sheet Übernahme as written (its title, up to the first empty row). */
function summaryOf(sheet: SheetPlan | undefined): string[] {
  const lines: string[] = [];
  for (let row = 1; sheet; row++) {
    const cell = sheet.cells.find((c) => c.row === row && c.column === 1);
    if (!cell) break;
    lines.push(typeof cell.value === "string" ? cell.value : "");
  }
  return lines;
}

/** `Zeilen 4–9, 11` for the preview. */
export function rowsText(rows: number[]): string {
  if (rows.length === 0) return "";
  return `${rows.length === 1 ? "Zeile" : "Zeilen"} ${rowRanges(rows)}`;
}
