/**
 * `split` and `merge` on exceljs workbooks, without touching the file system: the command line opens and
 * saves the files, the browser mode offers them as downloads.
 */
import ExcelJS from "exceljs";
import type { IsoDate } from "../domain/dates";
import { type MergeOutcome, type MergeRow, type ReturnInput, type RowValues, mergeReturns } from "../domain/merge";
import { statusFromReports } from "../domain/statusQuery";
import { readSettings } from "../domain/settings";
import { idKey } from "../domain/values";
import {
  akteurRefs,
  extraKey,
  mergeFields,
  mergeReports,
  planConflictSheet,
  planMemorySheet,
  planMergeLogSheet,
  planSplitWorkbook,
  readBase,
  readMemory,
  type ReturnReports,
  returnReports,
  splitBlockers,
  splitFileNames,
  splitGroups,
  tableRows,
} from "../workbook/circulation";
import { MASSNAHMEN, tableSpec } from "../workbook/contract";
import { DATE_FORMAT, contractLayouts, planTableSheet } from "../workbook/plan";
import { layoutsOf } from "../workbook/restore";
import { type FoundTable, type ReadConcept, UnreadableWorkbookError, readConcept } from "../workbook/read";
import { applySheetPlan, applyWorkbookPlan } from "./apply";
import { UserError } from "./userError";
import { ExcelJsSource } from "./source";
import { restoreContractValidations } from "./restore";

export interface SplitFile {
  fachbereich: string;
  /** A safe file name carrying the Fachbereich. */
  fileName: string;
  measures: number;
  workbook: ExcelJS.Workbook;
}

function massnahmenOf(concept: ReadConcept, file: string): FoundTable {
  const table = concept.found.massnahmen!;
  if (table.columnIndex["id" as never] === undefined) {
    throw new UserError(
      `Die Arbeitsmappe „${file}“ hat im Blatt „${table.sheet}“ keine Spalte „ID“; ohne IDs lassen sich Maßnahmen nicht zusammenführen.`,
    );
  }
  return table;
}

/** One workbook per Fachbereich with that Fachbereich's measures (see CONTRACT.md, `split`). */
export async function splitWorkbook(
  master: ExcelJS.Workbook,
  options: { masterFile: string; date: IsoDate; token?: string; sachstand?: IsoDate },
): Promise<SplitFile[]> {
  const source = new ExcelJsSource(master);
  const concept = readConcept(source);
  massnahmenOf(concept, options.masterFile);
  const { withoutId, duplicates } = splitBlockers(concept, source);
  if (withoutId.length > 0) {
    throw new UserError(
      `In „${options.masterFile}“ haben Maßnahmen keine ID (Zeile ${withoutId.slice(0, 5).join(", ")}${withoutId.length > 5 ? " …" : ""}); bitte zuerst IDs vergeben, damit sich die Rückläufe zuordnen lassen.`,
    );
  }
  if (duplicates.length > 0) {
    throw new UserError(
      `In „${options.masterFile}“ sind IDs doppelt vergeben (${duplicates.slice(0, 5).join(", ")}${duplicates.length > 5 ? " …" : ""}); bitte zuerst eindeutig machen, damit sich die Rückläufe zuordnen lassen.`,
    );
  }
  const groups = splitGroups(concept, source);
  if (groups.length === 0)
    throw new UserError(
      `Die Arbeitsmappe „${options.masterFile}“ enthält keine Maßnahmen; es gibt nichts zu verteilen.`,
    );
  const { settings } = readSettings(concept);
  const stem = options.masterFile.replace(/^.*[\\/]/, "").replace(/\.xlsx$/i, "");
  const names = splitFileNames(
    stem,
    groups.map((g) => g.fachbereich),
  );
  const token = options.token ?? randomToken();
  const files: SplitFile[] = [];
  for (const [i, group] of groups.entries()) {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Maßnahmenplaner";
    workbook.created = new Date();
    const meta = {
      token: `${token}/${i + 1}`,
      fachbereich: group.fachbereich,
      masterFile: options.masterFile.replace(/^.*[\\/]/, ""),
      date: options.date,
    };
    await applyWorkbookPlan(
      workbook,
      planSplitWorkbook({ concept, source, settings, group, meta, sachstand: options.sachstand }),
    );
    // Open on the Hinweise, and on Maßnahmen next.
    workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
    files.push({ fachbereich: group.fachbereich, fileName: names[i]!, measures: group.rows.length, workbook });
  }
  return files;
}

function randomToken(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export interface ReturnWorkbook {
  /** The name shown in reports (the file name). */
  file: string;
  workbook: ExcelJS.Workbook;
}

/** Reads a returned workbook; throws a UserError naming the file when it cannot be merged. */
export function readReturn(ret: ReturnWorkbook): ReturnInput {
  return readReturnWithReports(ret).input;
}

/** A return's measures and its status query rows (Sachstände, Indikatorwerte), read once. */
export function readReturnWithReports({ file, workbook }: ReturnWorkbook): {
  input: ReturnInput;
  reports: ReturnReports;
} {
  const source = new ExcelJsSource(workbook);
  let concept: ReadConcept;
  try {
    concept = readConcept(source);
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw new UserError(`Der Rücklauf „${file}“ ${error.message}.`);
    throw error;
  }
  const table = massnahmenOf(concept, file);
  const base = readBase(source);
  const input = {
    file,
    fields: mergeFields(table),
    rows: tableRows(table, source).map(({ id, values }) => ({ id, values })),
    base,
  };
  return { input, reports: returnReports(file, concept, base) };
}

export interface MergeResult extends MergeOutcome {
  /** Returns whose base names another master file (merged all the same). */
  otherMaster: { file: string; masterFile: string }[];
}

/**
 * Merges returns into the master workbook in place: changed cells, new rows inside tblMassnahmen, and the
 * sheets `Konflikte` and `Zusammenführung`. Throws (before changing anything) when a return is unusable.
 */
export async function mergeWorkbooks(
  master: ExcelJS.Workbook,
  returns: ReturnWorkbook[],
  masterFile: string,
): Promise<MergeResult> {
  const read = returns.map(readReturnWithReports);
  const inputs = read.map((r) => r.input);
  const reports = read.map((r) => r.reports);
  // A Status reported in a Sachstand reaches the measure through the three-way merge like any other field.
  inputs.forEach((input, i) => {
    if (input.base)
      input.rows = statusFromReports(input.rows, input.base.rows, reports[i]!.rows.sachstaende, "massnahme");
  });
  const source = new ExcelJsSource(master);
  const concept = readConcept(source);
  const table = massnahmenOf(concept, masterFile);
  const fields = mergeFields(table);
  const rows = tableRows(table, source);
  const outcome = mergeReturns({ fields, rows }, inputs, {
    idField: "id",
    idPrefix: MASSNAHMEN.idPrefix!,
    idDigits: MASSNAHMEN.idDigits!,
    ownerField: "federfuehrung",
    akteure: akteurRefs(concept),
    memory: readMemory(source),
  });
  writeOutcome(master, table, rows, outcome);
  const round = mergeReports(concept, reports);
  for (const kind of ["sachstaende", "indikatorwerte"] as const) {
    await appendTableRows(master, concept, kind, round[kind].additions);
    outcome.actions.push(...round[kind].actions);
  }
  outcome.conflicts = outcome.actions.filter((a) => a.notApplied).length;
  await applySheetPlan(master, planConflictSheet(outcome));
  await applySheetPlan(master, planMergeLogSheet(outcome));
  await applySheetPlan(master, planMemorySheet(outcome.memory));
  await restoreContractValidations(master);
  master.calcProperties = { ...master.calcProperties, fullCalcOnLoad: true };
  const name = masterFile.replace(/^.*[\\/]/, "").toLowerCase();
  return {
    ...outcome,
    otherMaster: inputs.flatMap((r) =>
      r.base && r.base.masterFile && r.base.masterFile.toLowerCase() !== name
        ? [{ file: r.file, masterFile: r.base.masterFile }]
        : [],
    ),
  };
}

function writeCell(ws: ExcelJS.Worksheet, row: number, column: number, value: unknown): void {
  const cell = ws.getCell(row, column);
  // Strings are written as strings: text that looks like a formula stays text.
  cell.value = (value ?? null) as ExcelJS.CellValue;
  if (value instanceof Date && !/d/.test(cell.numFmt ?? "")) cell.numFmt = DATE_FORMAT;
}

/** Writes updates into their rows and new rows into free table rows or below the table, extending it. */
function writeOutcome(
  workbook: ExcelJS.Workbook,
  table: FoundTable,
  rows: (MergeRow & { row: number })[],
  outcome: MergeOutcome,
): void {
  const ws = workbook.getWorksheet(table.sheet)!;
  const columnOf = new Map<string, number>();
  for (const [field, column] of Object.entries(table.columnIndex))
    if (column !== undefined) columnOf.set(field, column);
  for (const e of table.extraColumns) if (!columnOf.has(extraKey(e.header))) columnOf.set(extraKey(e.header), e.column);

  const rowOf = new Map<string, number>();
  for (const r of rows) if (r.id && !rowOf.has(idKey(r.id))) rowOf.set(idKey(r.id), r.row);
  for (const u of outcome.updates) {
    const row = rowOf.get(idKey(u.id));
    if (row === undefined) continue;
    for (const [key, value] of Object.entries(u.values)) {
      const column = columnOf.get(key);
      if (column !== undefined) writeCell(ws, row, column, value);
    }
  }
  appendRows(
    ws,
    table,
    columnOf,
    outcome.additions.map((a) => a.values),
  );
}

/**
 * The one place where rows are appended to a contract table of the master: rows as values by field,
 * written into free table rows or below the table, extending it. When the master has no such table (a
 * status query's Sachstände into an older workbook), its sheet is created from the contract.
 */
export async function appendTableRows(
  workbook: ExcelJS.Workbook,
  concept: ReadConcept,
  kind: "sachstaende" | "indikatorwerte",
  rows: RowValues[],
): Promise<void> {
  if (rows.length === 0) return;
  const table = concept.found[kind];
  if (!table) {
    const content = { spec: tableSpec(kind), rows };
    await applySheetPlan(
      workbook,
      planTableSheet(content, { ...layoutsOf(concept.found), ...contractLayouts([content]) }),
    );
    return;
  }
  const columnOf = new Map<string, number>();
  for (const [field, column] of Object.entries(table.columnIndex))
    if (column !== undefined) columnOf.set(field, column);
  appendRows(workbook.getWorksheet(table.sheet)!, table, columnOf, rows);
}

function appendRows(
  ws: ExcelJS.Worksheet,
  table: FoundTable,
  columnOf: Map<string, number>,
  additions: RowValues[],
): void {
  if (additions.length === 0) return;
  // Empty rows inside the table first (a fresh table has one), then below it.
  const used = new Set(table.rows.map((r) => r.row));
  const free: number[] = [];
  for (let r = table.headerRow + 1; r <= table.area.bottom; r++) {
    if (!used.has(r) && table.extraColumns.every((e) => ws.findCell(r, e.column)?.value == null)) free.push(r);
  }
  let next = table.area.bottom + 1;
  let bottom = table.area.bottom;
  for (const addition of additions) {
    const row = free.shift() ?? next++;
    bottom = Math.max(bottom, row);
    for (const [key, value] of Object.entries(addition)) {
      const column = columnOf.get(key);
      if (column !== undefined) writeCell(ws, row, column, value);
    }
  }
  if (table.tableName) {
    const found = (
      ws.getTables() as unknown as { table: { name: string; tableRef?: string; autoFilterRef?: string } }[]
    ).find((t) => t.table.name === table.tableName);
    if (found?.table.tableRef) {
      found.table.tableRef = found.table.tableRef.replace(/\d+$/, String(bottom));
      if (found.table.autoFilterRef)
        found.table.autoFilterRef = found.table.autoFilterRef.replace(/\d+$/, String(bottom));
    }
  }
}
