/**
 * What a host offers to be read: its sheets as grids of plain cell values and where its tables are. A
 * host (the .xlsx package, Office.js) implements this; reading (read.ts) and every sheet that is read back
 * work on it alone.
 */
import type { CellValue } from "../domain/dates";

/** A rectangle of a sheet, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** Last used row and column (1-based); 0 for an empty sheet. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** Plain value of a cell: formulas give their result, rich text its text. 1-based. */
  value(row: number, column: number): CellValue;
  /** Text of a cell's note (comment), where the host can read notes. */
  note?(row: number, column: number): string | undefined;
}

export interface TableLocation {
  name: string;
  sheet: string;
  area: Area;
}

export interface WorkbookSource {
  sheetNames(): string[];
  sheet(name: string): SheetGrid | undefined;
  tables(): TableLocation[];
}

export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** `B7` → { row: 7, column: 2 } */
export function parseAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}
