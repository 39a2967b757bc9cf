/**
 * Reading the sheet `Vorperiode` a Fortschreibung wrote: the measures earlier periods did not carry. Their
 * IDs stay known (their Sachstände and round rows are history, not wrong IDs), and a later Fortschreibung
 * keeps listing them.
 */
import type { CellValue } from "../domain/dates";
import { isBlank, normalizeLabel, textOf } from "../domain/values";
import type { WorkbookSource } from "./source";

export const VORPERIODE = { sheet: "Vorperiode", table: "tblVorperiode" } as const;

/** The rows of tblVorperiode as cells by header; empty when the workbook has no such table. */
export function readVorperiode(source: WorkbookSource): Map<string, CellValue>[] {
  const table = source.tables().find((t) => t.name.toLowerCase() === VORPERIODE.table.toLowerCase());
  const sheet = table ? source.sheet(table.sheet) : undefined;
  if (!table || !sheet) return [];
  const headers: { header: string; column: number }[] = [];
  for (let c = table.area.left; c <= table.area.right; c++) {
    const header = textOf(sheet.value(table.area.top, c));
    if (header) headers.push({ header, column: c });
  }
  const idColumn = headers.find((h) => normalizeLabel(h.header) === "id")?.column;
  if (idColumn === undefined) return [];
  const rows: Map<string, CellValue>[] = [];
  for (let r = table.area.top + 1; r <= table.area.bottom; r++) {
    if (isBlank(sheet.value(r, idColumn))) continue;
    rows.push(new Map(headers.map((h) => [h.header, sheet.value(r, h.column)])));
  }
  return rows;
}

/** The IDs of the measures earlier Fortschreibungen did not carry. */
export function formerMeasureIds(rows: Map<string, CellValue>[]): string[] {
  return rows.flatMap((row) => {
    for (const [header, value] of row) if (normalizeLabel(header) === "id") return [textOf(value)];
    return [];
  });
}
