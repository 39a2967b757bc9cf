/**
 * A workbook that exceljs read, as grids for the host-independent reader: tests build or edit workbooks
 * with exceljs (a fixture editor only) and read them the way the program read them before it read OOXML
 * itself — the differential test (test/xlsx/reader.test.ts) compares the program's reader with this one.
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "../../src/domain/dates";
import { type SheetGrid, type TableLocation, type WorkbookSource } from "../../src/workbook/read";
import { areaOf } from "../../src/xlsx/source";

/** A plain value from whatever exceljs holds in a cell (formula results, rich text, hyperlinks, errors). */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return plainValue(o.result);
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("hyperlink" in o) return plainValue(o.text);
    if ("error" in o) return String(o.error);
  }
  return String(v);
}

class ExcelJsGrid implements SheetGrid {
  private cachedRow = -1;
  private cachedValues: unknown[] = [];

  constructor(private readonly ws: ExcelJS.Worksheet) {}

  get name() {
    return this.ws.name;
  }
  get rowCount() {
    return this.ws.rowCount;
  }
  get columnCount() {
    return this.ws.columnCount;
  }

  value(row: number, column: number): CellValue {
    if (row !== this.cachedRow) {
      this.cachedRow = row;
      const r = this.ws.findRow(row);
      this.cachedValues = r ? (r.values as unknown[]) : [];
    }
    return plainValue(this.cachedValues[column]);
  }

  note(row: number, column: number): string | undefined {
    const note = this.ws.findRow(row)?.findCell(column)?.note as unknown;
    if (!note) return undefined;
    if (typeof note === "string") return note;
    const texts = (note as { texts?: { text?: string }[] }).texts;
    return texts?.map((t) => t.text ?? "").join("") || undefined;
  }
}

export class ExcelJsSource implements WorkbookSource {
  private readonly grids = new Map<string, ExcelJsGrid>();

  constructor(readonly workbook: ExcelJS.Workbook) {}

  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  sheet(name: string): SheetGrid | undefined {
    let grid = this.grids.get(name);
    if (!grid) {
      const ws = this.workbook.getWorksheet(name);
      if (!ws) return undefined;
      grid = new ExcelJsGrid(ws);
      this.grids.set(name, grid);
    }
    return grid;
  }

  tables(): TableLocation[] {
    const out: TableLocation[] = [];
    for (const ws of this.workbook.worksheets) {
      for (const t of ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string } }[]) {
        const ref = t.table.tableRef ?? t.table.ref;
        if (ref && ref.includes(":")) out.push({ name: t.table.name, sheet: ws.name, area: areaOf(ref) });
      }
    }
    return out;
  }
}
