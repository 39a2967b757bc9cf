/** Reading cells of a statistics grid (0-based), with merged header cells as the import reads them. */
import type { CellValue } from "../../domain/dates";
import { textOf } from "../../domain/values";
import { cellReader } from "../import/mapping";
import type { StatisticsGrid } from "./table";

/** The value of a cell by 0-based row and column. */
export type CellAt = (row: number, column: number) => CellValue;

/**
 * A reader of cells: plain array access for a CSV; for an .xlsx with merged areas the import's reader, so
 * that a header merged over several columns names each of them (rows up to `headerBottom`, 1-based).
 */
export function cellAt(grid: StatisticsGrid, headerBottom: number): CellAt {
  if (grid.merges.length === 0) return (r, c) => grid.rows[r]?.[c] ?? null;
  const read = cellReader(grid, headerBottom);
  return (r, c) => read(r + 1, c + 1);
}

export function isBlankCell(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" ? value.trim() === "" : textOf(value) === "";
}

export function isEmptyRow(row: readonly CellValue[]): boolean {
  return row.every(isBlankCell);
}

/** A title line as one text (its filled cells joined). */
export function titleLineText(row: readonly CellValue[]): string {
  return row
    .map((v) => textOf(v))
    .filter((t) => t !== "")
    .join(" ");
}
