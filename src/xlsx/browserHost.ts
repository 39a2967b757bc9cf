/**
 * The browser mode's host: the task pane works on an in-memory exceljs workbook (opened from a file the
 * user picked) exactly as it works on the open workbook in Excel, through the same `WorkbookHost`.
 *
 * exceljs is big (~250 KB gzip); it is imported lazily, so the pane's first screen stays small.
 */
import type ExcelJS from "exceljs";
import { isValidIsoDate } from "../domain/dates";
import { rowKey } from "../domain/statusQuery";
import { idKey, isBlank, normalizeLabel, textOf } from "../domain/values";
import { tableSpec } from "../workbook/contract";
import type { RowWrite, WorkbookHost } from "../workbook/host";
import { DATE_FORMAT, type SheetPlan } from "../workbook/plan";
import { type WorkbookSource, readTable } from "../workbook/read";
import { applySheetPlan } from "./apply";
import { restoreContractValidations } from "./restore";
import { ExcelJsSource } from "./source";

type ExcelJsModule = typeof import("exceljs");

let excelJs: Promise<ExcelJsModule> | null = null;

/** exceljs, loaded on first use (a separate chunk in the browser build). */
export function loadExcelJs(): Promise<ExcelJsModule> {
  excelJs ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    // The browser build of exceljs is a UMD bundle: its exports arrive as `default`.
    (mod) => ((mod as unknown as { default?: ExcelJsModule }).default ?? mod) as ExcelJsModule,
  );
  return excelJs;
}

export interface Selection {
  sheet: string;
  address: string;
}

/** Loaded table model of exceljs (not in its typings): the refs that are written back to the file. */
interface TableModel {
  name: string;
  tableRef?: string;
  autoFilterRef?: string;
  ref?: string;
  totalsRow?: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A German sentence for a file that is not a usable workbook. */
export class BrowserFileError extends Error {}

export class BrowserHost implements WorkbookHost {
  private selection: Selection | null = null;
  private readonly listeners = new Set<(selection: Selection | null) => void>();

  constructor(
    readonly workbook: ExcelJS.Workbook,
    public fileName: string,
  ) {}

  /** Opens the bytes of an .xlsx file; throws BrowserFileError with one German sentence. */
  static async open(data: ArrayBuffer, fileName: string): Promise<BrowserHost> {
    const bytes = new Uint8Array(data);
    if (bytes.length > 50 * 1024 * 1024) {
      throw new BrowserFileError(`Die Datei „${fileName}“ ist größer als die erlaubten 50 MB.`);
    }
    if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new BrowserFileError(`Die Datei „${fileName}“ ist keine Excel-Arbeitsmappe (.xlsx).`);
    }
    const ExcelJSLib = await loadExcelJs();
    const workbook = new ExcelJSLib.Workbook();
    try {
      await workbook.xlsx.load(data);
    } catch {
      throw new BrowserFileError(
        `Die Datei „${fileName}“ ist beschädigt oder keine gültige Excel-Arbeitsmappe (.xlsx).`,
      );
    }
    return new BrowserHost(workbook, fileName);
  }

  /** An empty workbook, for setting up a new concept without a file. */
  static async create(fileName = "Maßnahmenplan.xlsx"): Promise<BrowserHost> {
    const ExcelJSLib = await loadExcelJs();
    const workbook = new ExcelJSLib.Workbook();
    workbook.creator = "Maßnahmenplaner";
    workbook.created = new Date();
    return new BrowserHost(workbook, fileName);
  }

  /** The changed workbook as .xlsx bytes (for the download). */
  async save(): Promise<ArrayBuffer> {
    await restoreContractValidations(this.workbook);
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    const buffer = await this.workbook.xlsx.writeBuffer();
    return buffer as ArrayBuffer;
  }

  async snapshot(): Promise<WorkbookSource> {
    // A fresh source each time: its grids cache rows.
    return new ExcelJsSource(this.workbook);
  }

  async applySheetPlan(plan: SheetPlan): Promise<void> {
    await applySheetPlan(this.workbook, plan);
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
  }

  async createSheetsIfMissing(plans: SheetPlan[]): Promise<string[]> {
    const skipped: string[] = [];
    for (const plan of plans) {
      if (this.hasSheetOrTable(plan)) {
        skipped.push(plan.name);
        continue;
      }
      await applySheetPlan(this.workbook, plan);
    }
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    return skipped;
  }

  private hasSheetOrTable(plan: SheetPlan): boolean {
    const wanted = normalizeLabel(plan.name);
    if (this.workbook.worksheets.some((ws) => normalizeLabel(ws.name) === wanted)) return true;
    const table = plan.table?.name.toLowerCase();
    return (
      table !== undefined &&
      this.workbook.worksheets.some((ws) => ws.getTables().some((t) => tableModel(t).name.toLowerCase() === table))
    );
  }

  async writeRows(writes: RowWrite[]): Promise<void> {
    for (const write of writes) this.writeRow(write);
    this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
  }

  private writeRow(write: RowWrite): void {
    const spec = tableSpec(write.kind);
    const found = readTable(spec, new ExcelJsSource(this.workbook));
    if (!found) {
      throw new Error(
        `Die Tabelle „${spec.table}“ (Blatt „${spec.sheet}“) fehlt; legen Sie unter „Einrichten“ die Struktur an.`,
      );
    }
    const ws = this.workbook.getWorksheet(found.sheet)!;
    const key = write.key;
    if (!key && found.columnIndex["id"] === undefined)
      throw new Error(`Im Blatt „${found.sheet}“ fehlt die Spalte „ID“.`);

    const wanted = key ? rowKey(write.values, key.subject, key.date) : null;
    const existing = key
      ? found.rows.find((r) => wanted !== null && rowKey(r.values, key.subject, key.date) === wanted)
      : found.rows.find((r) => idKey(textOf(r.values["id"] ?? null)) === idKey(write.id));
    let row = existing?.row;
    if (row === undefined) {
      // The first empty row inside the table (a new table has one), else the row below it.
      const used = new Set(found.rows.map((r) => r.row));
      for (let r = found.headerRow + 1; r <= found.area.bottom && row === undefined; r++) {
        if (!used.has(r) && rowIsEmpty(ws, r, found.area.left, found.area.right)) row = r;
      }
      row ??= found.area.bottom + 1;
    }
    const values: Record<string, unknown> = key ? { ...write.values } : { ...write.values, id: write.id };
    for (const [field, value] of Object.entries(values)) {
      const column = (found.columnIndex as Record<string, number | undefined>)[field];
      if (column === undefined) continue; // a column the user removed: nothing to write into
      const format = spec.columns.find((c) => c.field === field)?.format;
      const cell = ws.getCell(row, column);
      cell.value = toCell(value as RowWrite["values"][string], format);
      if (cell.value instanceof Date && !/d/.test(cell.numFmt ?? "")) cell.numFmt = DATE_FORMAT;
    }
    if (found.tableName && row > found.area.bottom) extendTable(ws, found.tableName, row);
    this.copyRowStyle(ws, row, found.headerRow + 1, found.area.left, found.area.right);
  }

  /** New rows below a table take the formats (dates, numbers) of the table's first data row. */
  private copyRowStyle(ws: ExcelJS.Worksheet, row: number, first: number, left: number, right: number): void {
    if (row === first) return;
    for (let c = left; c <= right; c++) {
      const source = ws.findRow(first)?.findCell(c);
      const target = ws.getCell(row, c);
      if (source?.numFmt && !target.numFmt) target.numFmt = source.numFmt;
      if (source?.alignment && !target.alignment) target.alignment = source.alignment;
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selection = { sheet, address };
    for (const listener of this.listeners) listener(this.selection);
  }

  /** The cell last selected through `selectCell`, for the pane to show. */
  selected(): Selection | null {
    return this.selection;
  }

  onSelection(listener: (selection: Selection | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The text of a cell (for showing the selected cell in browser mode). */
  cellText(sheet: string, address: string): string {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) return "";
    const { text } = ws.getCell(address);
    return typeof text === "string" ? text : "";
  }
}

function tableModel(t: unknown): TableModel {
  return (t as { table: TableModel }).table;
}

function rowIsEmpty(ws: ExcelJS.Worksheet, row: number, left: number, right: number): boolean {
  const r = ws.findRow(row);
  if (!r) return true;
  for (let c = left; c <= right; c++) {
    const v = r.findCell(c)?.value;
    if (v !== null && v !== undefined && !(typeof v === "string" && isBlank(v))) return false;
  }
  return true;
}

/** Text stays text (never a formula); ISO dates in date columns become dates. */
function toCell(value: RowWrite["values"][string], format: string | undefined): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") {
    if (value.trim() === "") return null;
    if (format === "date" && isValidIsoDate(value.trim())) return new Date(`${value.trim()}T00:00:00Z`);
    return value;
  }
  return value;
}

/**
 * exceljs cannot add rows to a table it loaded: its API only builds new tables. The table part is written
 * from the loaded model, so extending `tableRef` and `autoFilterRef` down to the new row makes the row part
 * of the table in the saved file.
 */
function extendTable(ws: ExcelJS.Worksheet, tableName: string, lastRow: number): void {
  const table = ws
    .getTables()
    .map(tableModel)
    .find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (!table) return;
  const ref = table.tableRef ?? table.ref;
  if (!ref || !ref.includes(":")) return;
  const [start, end] = ref.split(":") as [string, string];
  const endColumn = /^\$?([A-Z]+)/i.exec(end)?.[1] ?? "";
  const bottom = lastRow + (table.totalsRow ? 1 : 0);
  table.tableRef = `${start}:${endColumn}${bottom}`;
  table.autoFilterRef = `${start}:${endColumn}${lastRow}`;
}
