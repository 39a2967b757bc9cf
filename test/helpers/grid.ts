/** An in-memory workbook for the host-independent reader: sheets as arrays of rows. */
import type { CellValue } from "../../src/domain/dates";
import type { SheetGrid, TableLocation, WorkbookSource } from "../../src/workbook/read";

export type Sheets = Record<string, CellValue[][]>;

export function gridSource(sheets: Sheets, tables: TableLocation[] = []): WorkbookSource {
  const grid = (name: string, rows: CellValue[][]): SheetGrid => ({
    name,
    rowCount: rows.length,
    columnCount: Math.max(0, ...rows.map((r) => r.length)),
    value: (row, column) => rows[row - 1]?.[column - 1] ?? null,
  });
  return {
    sheetNames: () => Object.keys(sheets),
    sheet: (name) => (sheets[name] ? grid(name, sheets[name]!) : undefined),
    tables: () => tables,
  };
}
