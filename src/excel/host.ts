/**
 * The Office.js host: the open workbook behind the same interface as the file host (src/xlsx). It
 * batches: a snapshot takes two `context.sync()` calls whatever the size, a sheet plan a small constant
 * plus one per chunk of rows, a row write three. Rows are found by ID, never by row number, so that
 * co-authors sorting or inserting rows in Excel on the web cannot make a write land in the wrong row.
 *
 * Only ExcelApi ≤ 1.14 is used unconditionally (the manifest's minimum); notes (1.18) are behind
 * `isSetSupported`.
 */
import type { CellValue } from "../domain/dates";
import type { EntityKind } from "../domain/model";
import { idKey, normalizeLabel } from "../domain/values";
import { type TableSpec, tableSpec } from "../workbook/contract";
import { type RowWrite, type WorkbookFile, type WorkbookHost, rowAddress, writeAddress } from "../workbook/host";
import type { SheetPlan } from "../workbook/plan";
import type { SheetGrid, TableLocation, WorkbookSource } from "../workbook/read";
import { DEFAULT_CHUNK_BYTES, addressOf, columnAddress, cssColor, officeCell, parseRangeAddress } from "./cells";
import { addChart, chartName } from "./charts";
import { ExcelHostError, toHostError } from "./errors";
import { readOpenWorkbookFile } from "./file";
import {
  VISIBILITY,
  applyCellFormat,
  applyConditionalFormat,
  applyPrint,
  applyValidation,
  planChunks,
  setAll,
  temporaryName,
  widthInPoints,
  writeBlock,
} from "./sheetFormat";

export { chartName } from "./charts";
export { headerFooterSections, planChunks, validationRule, widthInPoints } from "./sheetFormat";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** `Excel.run`, injectable for tests: the plain form and the form that resumes an earlier context. */
export interface ExcelRun {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: Batch<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** Defaults to the global `Excel.run`. */
  run?: ExcelRun;
  /** Defaults to `Office.context.requirements.isSetSupported`. */
  isSetSupported?: (set: string, version: string) => boolean;
  /** Payload budget of one write request in bytes (default 1 MB, far below the 5 MB limit). */
  chunkBytes?: number;
}

const defaultRun: ExcelRun = ((...args: unknown[]) =>
  (Excel.run as (...a: unknown[]) => Promise<unknown>)(...args)) as ExcelRun;

function defaultIsSetSupported(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false;
  }
}

/** A sheet's used range as a grid, 1-based, offset by the range's top-left cell. */
class ValuesGrid implements SheetGrid {
  readonly rowCount: number;
  readonly columnCount: number;

  constructor(
    readonly name: string,
    private readonly top: number,
    private readonly left: number,
    private readonly values: unknown[][],
  ) {
    const width = values[0]?.length ?? 0;
    this.rowCount = values.length > 0 && width > 0 ? top + values.length - 1 : 0;
    this.columnCount = values.length > 0 && width > 0 ? left + width - 1 : 0;
  }

  value(row: number, column: number): CellValue {
    const v = this.values[row - this.top]?.[column - this.left];
    if (v === undefined || v === null || v === "") return null;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
    return String(v);
  }
}

class SnapshotSource implements WorkbookSource {
  constructor(
    private readonly grids: ValuesGrid[],
    private readonly tableLocations: TableLocation[],
  ) {}
  sheetNames() {
    return this.grids.map((g) => g.name);
  }
  sheet(name: string) {
    return this.grids.find((g) => g.name === name);
  }
  tables() {
    return this.tableLocations;
  }
}

export class ExcelHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly isSetSupported: (set: string, version: string) => boolean;
  private readonly chunkBytes: number;

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  }

  /** Runs a batch and turns every Office error into one German sentence. */
  private async exec<T>(batch: Batch<T>): Promise<T> {
    try {
      return await this.run(batch);
    } catch (error) {
      throw toHostError(error);
    }
  }

  /** The open workbook as Excel hands it out (`getFileAsync`, compressed). */
  file(): Promise<WorkbookFile> {
    return readOpenWorkbookFile();
  }

  async snapshot(): Promise<WorkbookSource> {
    return this.exec(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();

      const used = worksheets.items.map((ws) => {
        // valuesOnly: the formatted spare rows below a table are not "used".
        const range = ws.getUsedRangeOrNullObject(true);
        range.load("address,values");
        return { name: ws.name, range };
      });
      const located = tables.items.map((t) => {
        const range = t.getRange();
        range.load("address");
        const ws = t.worksheet;
        ws.load("name");
        return { name: t.name, range, ws };
      });
      await context.sync();

      const grids = used.map(({ name, range }) => {
        if (range.isNullObject) return new ValuesGrid(name, 1, 1, []);
        const area = parseRangeAddress(range.address);
        return new ValuesGrid(name, area.top, area.left, range.values);
      });
      const locations = located.map(({ name, range, ws }) => ({
        name,
        sheet: ws.name,
        area: parseRangeAddress(range.address),
      }));
      return new SnapshotSource(grids, locations);
    });
  }

  async applySheetPlan(plan: SheetPlan): Promise<void> {
    await this.exec((context) => this.apply(context, plan));
  }

  async createSheetsIfMissing(plans: SheetPlan[]): Promise<string[]> {
    return this.exec(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      const existing = new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
      const skipped: string[] = [];
      for (const plan of plans) {
        if (existing.has(plan.name.toLowerCase())) skipped.push(plan.name);
        else await this.apply(context, plan);
      }
      return skipped;
    });
  }

  /**
   * Replaces or adds the sheet of a plan. Syncs: two reads, one set-up, one per chunk of cells, one finish.
   * A replaced sheet is deleted, and with it its charts: charts are never duplicated, and charts on other
   * sheets are not touched.
   */
  private async apply(context: Excel.RequestContext, plan: SheetPlan): Promise<void> {
    const workbook = context.workbook;
    // 1. What is there: a sheet of that name, a table of that name elsewhere.
    const worksheets = workbook.worksheets;
    worksheets.load("items/name,items/position");
    const tables = workbook.tables;
    tables.load("items/name");
    await context.sync();
    const old = worksheets.items.find((ws) => ws.name.toLowerCase() === plan.name.toLowerCase());
    const clash = plan.table
      ? tables.items.find((t) => t.name.toLowerCase() === plan.table!.name.toLowerCase())
      : undefined;
    if (old) old.protection.load("protected");
    const clashSheet = clash?.worksheet;
    clashSheet?.load("name");
    await context.sync();
    if (clash && clashSheet && (!old || clashSheet.name !== old.name)) {
      throw new ExcelHostError(
        `Die Tabelle „${clash.name}“ steht bereits auf dem Blatt „${clashSheet.name}“: Bitte benennen Sie diese Tabelle um, bevor das Blatt „${plan.name}“ angelegt wird.`,
      );
    }

    // 2. Set-up: the new sheet takes the old one's place; column formats, widths, wrapping.
    context.application.suspendApiCalculationUntilNextSync();
    let ws: Excel.Worksheet;
    if (old) {
      if (old.protection.protected) old.protection.unprotect();
      // Add first, then delete: a workbook must keep at least one sheet.
      ws = worksheets.add(temporaryName(plan.name));
      const position = old.position;
      old.delete();
      ws.name = plan.name;
      ws.position = position;
    } else {
      ws = worksheets.add(plan.name);
    }
    if (plan.tabColor) ws.tabColor = cssColor(plan.tabColor);
    const columnFormats = new Map(plan.formats.map((f) => [f.column, f.numFmt]));
    for (const [column, numFmt] of columnFormats) setAll(ws.getRange(columnAddress(column)), "numberFormat", numFmt);
    for (const { column, width } of plan.widths)
      ws.getRange(columnAddress(column)).format.columnWidth = widthInPoints(width);
    if (plan.alignTop) {
      for (const { column } of plan.widths) ws.getRange(columnAddress(column)).format.verticalAlignment = "Top";
    }
    for (const column of plan.wrapColumns) {
      const format = ws.getRange(columnAddress(column)).format;
      format.wrapText = true;
      format.verticalAlignment = "Top";
    }
    await context.sync();

    // 3. Cells, in chunks far below the payload limit: one sync each.
    for (const chunk of planChunks(plan, this.chunkBytes)) {
      context.application.suspendApiCalculationUntilNextSync();
      for (const block of chunk) writeBlock(ws, block);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per payload chunk, by design
      await context.sync();
    }

    // 4. Table, formats, dropdowns, highlighting, view, print, notes, visibility, protection.
    context.application.suspendApiCalculationUntilNextSync();
    if (plan.table) {
      const t = plan.table;
      const bottom = t.row + Math.max(t.rows.length, 1);
      const table = ws.tables.add(addressOf(t.row, t.column, bottom, t.column + t.headers.length - 1), true);
      table.name = t.name;
      table.style = t.style;
      if (t.filterButtons === false) table.showFilterButton = false;
      ws.getRange(addressOf(t.row, t.column, t.row, t.column + t.headers.length - 1)).format.font.bold = true;
      for (const j of t.numeric ?? []) ws.getRange(addressOf(t.row, t.column + j)).format.horizontalAlignment = "Right";
    }
    for (const c of plan.cells) applyCellFormat(ws.getRange(addressOf(c.row, c.column)).format, c);
    for (const v of plan.validations) applyValidation(ws, v);
    for (const cf of plan.conditionalFormats) applyConditionalFormat(ws, cf);
    const { rows, columns } = plan.frozen;
    if (rows > 0 && columns > 0) ws.freezePanes.freezeAt(addressOf(1, 1, rows, columns));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else if (columns > 0) ws.freezePanes.freezeColumns(columns);
    if (plan.print) applyPrint(ws.pageLayout, plan.print);
    // Manual page breaks between blocks (ExcelApi 1.9; the sheet is new, so it has none of its own).
    for (const row of plan.rowBreaks ?? []) ws.horizontalPageBreaks.add(addressOf(row, 1));
    // Rows of chart series the table shows otherwise (ExcelApi 1.2).
    for (const row of plan.hiddenRows ?? []) ws.getRange(`${row}:${row}`).rowHidden = true;
    // Charts last, over the cells written above; queued in the same request, so they cost no sync.
    (plan.charts ?? []).forEach((chart, i) => addChart(ws, chart, chartName(plan.name, i)));
    if (plan.notes?.length && this.isSetSupported("ExcelApi", "1.18")) {
      for (const n of plan.notes) ws.notes.add(addressOf(n.row, n.column), n.text);
    }
    if (plan.state !== "visible") ws.visibility = VISIBILITY[plan.state];
    // The sheet is new, so it is not protected yet.
    if (plan.protect) ws.protection.protect({ allowAutoFilter: true, allowSort: true, allowFormatColumns: true });
    await context.sync();
  }

  async writeRows(writes: RowWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.exec(async (context) => {
      const kinds = [...new Set(writes.map((w) => w.kind))];
      // 1. The tables, by name.
      const found = kinds.map((kind) => {
        const spec = tableSpec(kind);
        const table = context.workbook.tables.getItemOrNullObject(spec.table);
        table.load("name");
        return { kind, spec, table };
      });
      await context.sync();
      const missing = found.find((f) => f.table.isNullObject);
      if (missing) {
        throw new ExcelHostError(missingTableText(missing.spec));
      }

      // 2. One read: every table's header, its body (IDs and current values) and its sheet's protection.
      const loaded = found.map((f) => {
        const header = f.table.getHeaderRowRange();
        header.load("values");
        const body = f.table.getDataBodyRange();
        body.load("values");
        const protection = f.table.worksheet.protection;
        protection.load("protected,options");
        return { ...f, header, body, protection };
      });
      await context.sync();

      // 3. One write: changed cells of existing rows, new rows at the end, by header.
      context.application.suspendApiCalculationUntilNextSync();
      for (const t of loaded) {
        const columns = headerColumns(t.spec, t.header.values[0] ?? []);
        const idColumn = columns.get("id");
        const keyed = writes.filter((x) => x.kind === t.kind).some((x) => x.key);
        if (idColumn === undefined && !keyed) {
          throw new ExcelHostError(
            `Die Tabelle „${t.spec.table}“ hat keine Spalte „ID“: Bitte fügen Sie sie wieder ein.`,
          );
        }
        const rowOf = new Map<string, number>();
        const key = writes.find((x) => x.kind === t.kind && x.key)?.key;
        t.body.values.forEach((r, i) => {
          const values = Object.fromEntries([...columns].map(([field, c]) => [field, r[c] as CellValue]));
          const address = rowAddress(values, key);
          if (address && !rowOf.has(address)) rowOf.set(address, i);
        });
        // A new table holds one empty row (Excel tables cannot have none): the first new row goes there.
        let emptyRow = t.body.values.length === 1 && (t.body.values[0] ?? []).every((v) => v === "") ? 0 : -1;
        const wasProtected = t.protection.protected;
        if (wasProtected) t.protection.unprotect();
        for (const w of writes.filter((x) => x.kind === t.kind)) {
          const values: Record<string, CellValue> = w.key ? { ...w.values } : { ...w.values, id: w.id };
          const index = rowOf.get(writeAddress(w));
          if (index !== undefined) {
            const current = t.body.values[index] ?? [];
            for (const [field, value] of Object.entries(values)) {
              const column = columns.get(field);
              if (column === undefined || sameValue(current[column], value)) continue;
              const range = t.body.getCell(index, column);
              if (value === null || value === undefined || value === "") {
                range.values = [[""]];
                continue;
              }
              const cell = officeCell(value, undefined);
              if (cell.format !== null) range.numberFormat = [[cell.format]];
              range.values = [[cell.input]];
            }
          } else {
            // Fields not given stay empty; the row's cells get values and formats in header order.
            const width = t.header.values[0]?.length ?? 0;
            const inputs: (string | number | boolean | null)[] = Array.from({ length: width }, () => null);
            const formats: (string | null)[] = Array.from({ length: width }, () => null);
            for (const [field, value] of Object.entries(values)) {
              const column = columns.get(field);
              if (column === undefined || value === null || value === undefined) continue;
              const cell = officeCell(value, undefined);
              inputs[column] = cell.input;
              formats[column] = cell.format;
            }
            const range = emptyRow >= 0 ? t.body.getRow(emptyRow) : t.table.rows.add().getRange();
            emptyRow = -1;
            range.numberFormat = [formats];
            range.values = [inputs];
          }
        }
        if (wasProtected) t.protection.protect(t.protection.options);
      }
      await context.sync();
    });
  }

  async deleteRows(kind: EntityKind, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.exec(async (context) => {
      const spec = tableSpec(kind);
      const table = context.workbook.tables.getItemOrNullObject(spec.table);
      table.load("name");
      await context.sync();
      if (table.isNullObject) throw new ExcelHostError(missingTableText(spec));
      const header = table.getHeaderRowRange();
      header.load("values");
      const body = table.getDataBodyRange();
      body.load("values");
      const protection = table.worksheet.protection;
      protection.load("protected,options");
      await context.sync();
      const idColumn = headerColumns(spec, header.values[0] ?? []).get("id");
      if (idColumn === undefined) return;
      const wanted = new Set(ids.map(idKey));
      const current = body.values;
      const rows = current.flatMap((r, i) => (wanted.has(idKey(String(r[idColumn] ?? ""))) ? [i] : []));
      if (rows.length === 0) return;
      const wasProtected = protection.protected;
      if (wasProtected) protection.unprotect();
      // An Excel table keeps one data row: when every row goes, the first is only emptied.
      const keepFirst = rows.length === current.length;
      // Bottom-up, so that the rows above keep their index.
      for (const i of [...rows].reverse()) {
        if (keepFirst && i === rows[0]) body.getRow(i).clear("Contents");
        else body.getRow(i).delete("Up");
      }
      if (wasProtected) protection.protect(protection.options);
      await context.sync();
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.exec(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  /**
   * Calls `callback` once the Maßnahmen sheet has been quiet for `ms` after a change — or after a
   * selection change, because picking from a dropdown fires no change event. Returns the disposer.
   */
  async onChangeDebounced(
    callback: () => void,
    ms: number,
    sheet = tableSpec("massnahmen").sheet,
  ): Promise<() => Promise<void>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = async () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        callback();
      }, ms);
    };
    const results = await this.exec(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const changed = ws.onChanged.add(fire);
      const selected = ws.onSelectionChanged.add(fire);
      await context.sync();
      return [changed, selected];
    });
    return async () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await this.removeHandlers(results);
    };
  }

  /**
   * Calls `callback` with the ID of the measure in the selected row whenever the selection on the
   * Maßnahmen sheet moves (null outside the table or on a row without ID). Returns the disposer.
   */
  async onMeasureSelected(
    callback: (id: string | null) => void,
    sheet = tableSpec("massnahmen").sheet,
  ): Promise<() => Promise<void>> {
    let latest = 0;
    const results = await this.exec(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const selected = ws.onSelectionChanged.add(async (event) => {
        const ticket = ++latest;
        let id: string | null = null;
        try {
          id = await this.measureIdAt(event.address);
        } catch {
          id = null; // e.g. edit mode: the next selection change tries again
        }
        if (ticket === latest) callback(id);
      });
      await context.sync();
      return [selected];
    });
    return () => this.removeHandlers(results);
  }

  /** The ID of the measure in the row of `address` (a cell on the Maßnahmen sheet); one sync. */
  async measureIdAt(address: string): Promise<string | null> {
    const row = parseRangeAddress(address).top;
    const spec = tableSpec("massnahmen");
    return this.exec(async (context) => {
      const table = context.workbook.tables.getItem(spec.table);
      const range = table.getRange();
      range.load("address");
      const header = table.getHeaderRowRange();
      header.load("values");
      // The whole table row of the selection: same columns as the header.
      const line = table.worksheet.getRange(`${row}:${row}`).getIntersectionOrNullObject(range);
      line.load("values");
      await context.sync();
      const area = parseRangeAddress(range.address);
      if (line.isNullObject || row <= area.top) return null;
      const idColumn = headerColumns(spec, header.values[0] ?? []).get("id");
      if (idColumn === undefined) return null;
      const id = String(line.values[0]?.[idColumn] ?? "").trim();
      return id === "" ? null : id;
    });
  }

  private async removeHandlers(results: OfficeExtension.EventHandlerResult<unknown>[]): Promise<void> {
    const context = results[0]?.context;
    if (!context) return;
    try {
      await this.run(context, async (ctx) => {
        for (const r of results) r.remove();
        await ctx.sync();
      });
    } catch {
      // The workbook was closed or the context expired: the handlers are gone with it.
    }
  }
}

/** Field → 0-based column index in a header row, matched like the reader does (case, umlauts, synonyms). */
function missingTableText(spec: TableSpec): string {
  return `Die Tabelle „${spec.table}“ wurde in dieser Arbeitsmappe nicht gefunden: Bitte legen Sie die Struktur unter „Einrichten“ an oder wandeln Sie den Bereich auf dem Blatt „${spec.sheet}“ in eine Tabelle um (Strg+T).`;
}

export function headerColumns(spec: TableSpec, header: unknown[]): Map<string, number> {
  const byLabel = new Map<string, string>();
  for (const c of spec.columns) {
    for (const label of [c.header, ...(c.synonyms ?? [])]) {
      const key = normalizeLabel(label);
      if (!byLabel.has(key)) byLabel.set(key, c.field);
    }
  }
  const out = new Map<string, number>();
  header.forEach((h, i) => {
    if (typeof h !== "string") return;
    const field = byLabel.get(normalizeLabel(h));
    if (field && !out.has(field)) out.set(field, i);
  });
  return out;
}

function sameValue(current: unknown, next: CellValue): boolean {
  const a = current === undefined || current === null ? "" : current;
  const b = next === undefined || next === null ? "" : next;
  if (b instanceof Date) return false;
  return a === b;
}
