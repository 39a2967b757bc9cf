/**
 * The browser mode's host: the task pane works on an .xlsx document in memory (opened from a file the user
 * picked) exactly as it works on the open workbook in Excel, through the same `WorkbookHost`. Writes patch
 * the file's package (see ./package.ts), so the download keeps everything the program did not write.
 *
 * The pane loads this module (and with it the package layer and its reader) only when a workbook is opened
 * or created, so the pane's first screen stays small.
 */
import { dateFromIso, isValidIsoDate } from "../domain/dates";
import { idKey, isBlank, normalizeLabel, textOf } from "../domain/values";
import { tableSpec } from "../workbook/contract";
import type { CellValue } from "../domain/dates";
import type { EntityKind } from "../domain/model";
import { type RowWrite, type WorkbookFile, type WorkbookHost, rowAddress, writeAddress } from "../workbook/host";
import type { SheetPlan } from "../workbook/plan";
import { type SheetGrid, type WorkbookSource, parseAddress, readTable } from "../workbook/read";
import { XlsxDocument } from "./document";
import type { CellWrite } from "./package";
import { xlsxError } from "./messages";
import { UserError } from "./userError";

export interface Selection {
  sheet: string;
  address: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** A file that is not a usable workbook: the user error, for the pane to show its sentence. */
export class BrowserFileError extends Error {
  readonly code: string;
  readonly params: object;

  constructor(error: UserError) {
    super(error.message);
    this.code = error.code;
    this.params = error.params;
  }
}

export class BrowserHost implements WorkbookHost {
  private selection: Selection | null = null;
  private readonly listeners = new Set<(selection: Selection | null) => void>();

  constructor(
    readonly document: XlsxDocument,
    public fileName: string,
  ) {}

  /** Opens the bytes of an .xlsx file; throws BrowserFileError with one German sentence. */
  static async open(data: ArrayBuffer, fileName: string): Promise<BrowserHost> {
    const bytes = new Uint8Array(data);
    if (bytes.length > 50 * 1024 * 1024) {
      throw new BrowserFileError(xlsxError("ZU_GROSS_OHNE_GROESSE", { datei: fileName }));
    }
    if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
      throw new BrowserFileError(xlsxError("KEINE_ARBEITSMAPPE", { datei: fileName }));
    }
    try {
      return new BrowserHost(await XlsxDocument.open(bytes, fileName), fileName);
    } catch (error) {
      if (error instanceof UserError) throw new BrowserFileError(error);
      throw error;
    }
  }

  /** An empty workbook, for setting up a new concept without a file. */
  static async create(fileName = "Maßnahmenplan.xlsx"): Promise<BrowserHost> {
    return new BrowserHost(XlsxDocument.create(fileName), fileName);
  }

  /** The changed workbook as .xlsx bytes (for the download). */
  async save(): Promise<ArrayBuffer> {
    const bytes = this.document.toBytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** The changed workbook as a file (for the download and the Fachbereich files). */
  async file(): Promise<WorkbookFile> {
    return { data: await this.save(), name: this.fileName || "Maßnahmenplan.xlsx" };
  }

  async snapshot(): Promise<WorkbookSource> {
    // A fresh source each time: its grids cache rows.
    return this.document.source();
  }

  async applySheetPlan(plan: SheetPlan): Promise<void> {
    this.document.applySheetPlan(plan);
  }

  async createSheetsIfMissing(plans: SheetPlan[]): Promise<string[]> {
    const skipped: string[] = [];
    for (const plan of plans) {
      if (await this.hasSheetOrTable(plan)) {
        skipped.push(plan.name);
        continue;
      }
      this.document.applySheetPlan(plan);
    }
    return skipped;
  }

  private async hasSheetOrTable(plan: SheetPlan): Promise<boolean> {
    const wanted = normalizeLabel(plan.name);
    if (this.document.pkg.sheets().some((s) => normalizeLabel(s.name) === wanted)) return true;
    const table = plan.table?.name.toLowerCase();
    return table !== undefined && this.document.pkg.tables().some((t) => t.name.toLowerCase() === table);
  }

  async writeRows(writes: RowWrite[]): Promise<void> {
    if (writes.length === 0) return;
    // One read for the whole batch: each table's rows are found once, new rows are counted as they come.
    const source = await this.document.source();
    const kinds = [...new Set(writes.map((w) => w.kind))];
    const plans = kinds.map((kind) =>
      this.planWrites(
        source,
        kind,
        writes.filter((w) => w.kind === kind),
      ),
    );
    for (const plan of plans) {
      // New rows below a table take the formats (dates, numbers) of the table's first data row.
      this.document.writeCells(plan.found.sheet, plan.cells, plan.found.headerRow + 1);
      if (plan.found.tableName && plan.bottom > plan.found.area.bottom) {
        this.document.extendTable(plan.found.tableName, plan.bottom);
      }
    }
  }

  /** The cells of one table's writes: existing rows by ID or key, new ones in free rows or below the table. */
  private planWrites(source: WorkbookSource, kind: EntityKind, writes: RowWrite[]) {
    const spec = tableSpec(kind);
    const found = readTable(spec, source);
    if (!found) {
      throw xlsxError("TABELLE_FEHLT", { tabelle: spec.table, blatt: spec.sheet });
    }
    if (writes.some((w) => !w.key) && found.columnIndex["id"] === undefined)
      throw xlsxError("ID_SPALTE_FEHLT", { blatt: found.sheet });
    const grid = source.sheet(found.sheet)!;
    const rowOf = new Map<string, number>();
    const key = writes.find((w) => w.key)?.key;
    for (const r of found.rows) {
      const address = rowAddress(r.values as Record<string, CellValue>, key);
      if (address && !rowOf.has(address)) rowOf.set(address, r.row);
    }
    const used = new Set(found.rows.map((r) => r.row));
    let bottom = found.area.bottom;
    const freeRow = (): number => {
      // The first empty row inside the table (a new table has one), else the row below it.
      for (let r = found.headerRow + 1; r <= found.area.bottom; r++) {
        if (!used.has(r) && rowIsEmpty(grid, r, found.area.left, found.area.right)) return r;
      }
      return Math.max(bottom, found.area.bottom) + 1;
    };
    const cells: CellWrite[] = [];
    for (const write of writes) {
      const address = writeAddress(write);
      let row = rowOf.get(address);
      if (row === undefined) {
        row = freeRow();
        used.add(row);
        bottom = Math.max(bottom, row);
        if (address) rowOf.set(address, row);
      }
      const values: Record<string, unknown> = write.key ? { ...write.values } : { ...write.values, id: write.id };
      for (const [field, value] of Object.entries(values)) {
        const column = (found.columnIndex as Record<string, number | undefined>)[field];
        if (column === undefined) continue; // a column the user removed: nothing to write into
        const format = spec.columns.find((c) => c.field === field)?.format;
        cells.push({ row, column, value: toCell(value as RowWrite["values"][string], format) });
      }
    }
    return { found, cells, bottom };
  }

  async deleteRows(kind: EntityKind, ids: string[]): Promise<void> {
    const spec = tableSpec(kind);
    const found = readTable(spec, await this.document.source());
    if (!found || found.columnIndex["id"] === undefined) return;
    const wanted = new Set(ids.map(idKey));
    const rows = found.rows.filter((r) => wanted.has(idKey(textOf(r.values["id"] ?? null)))).map((r) => r.row);
    // The table keeps one (empty) data row, as Excel's does: when every row goes, the first is only emptied.
    const all =
      rows.length > 0 && rows.length === found.rows.length && found.area.bottom - found.headerRow <= rows.length;
    if (all) {
      const first = Math.min(...rows);
      const empty = Object.values(found.columnIndex).flatMap((c) =>
        c === undefined ? [] : [{ row: first, column: c, value: null }],
      );
      this.document.writeCells(found.sheet, empty);
      this.document.deleteRows(
        found.sheet,
        rows.filter((r) => r !== first),
      );
    } else {
      this.document.deleteRows(found.sheet, rows);
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

  /** The text of a cell as the user sees it (for showing the selected cell in browser mode). */
  cellText(sheet: string, address: string): string {
    try {
      const { row, column } = parseAddress(address);
      return textOf(this.document.readSource().sheet(sheet)?.value(row, column) ?? null);
    } catch {
      return "";
    }
  }
}

function rowIsEmpty(grid: SheetGrid, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    const v = grid.value(row, c);
    if (v !== null && v !== undefined && !(typeof v === "string" && isBlank(v))) return false;
  }
  return true;
}

/** Text stays text (never a formula); ISO dates in date columns become dates. */
function toCell(value: RowWrite["values"][string], format: string | undefined): CellWrite["value"] {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") {
    if (value.trim() === "") return null;
    if (format === "date" && isValidIsoDate(value.trim())) return dateFromIso(value.trim());
    return value;
  }
  return value;
}
