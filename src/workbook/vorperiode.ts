/**
 * Reading the sheet `Vorperiode` a Fortschreibung wrote: the measures earlier periods did not carry. Their
 * IDs stay known (their Sachstände and round rows are history, not wrong IDs), and a later Fortschreibung
 * keeps listing them.
 */
import type { CellValue } from "../domain/dates";
import { isBlank, normalizeLabel, textOf } from "../domain/values";
import type { WorkbookSource } from "./read";

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

/** The title of the block of the Prozessplan's earlier steps on the sheet Vorperiode (see vorperiode-sheet.ts). */
export const VORPERIODE_STEPS_TITLE = "Prozessplan der Vorperiode";

/**
 * The steps of earlier periods' Prozessplan, listed on the sheet Vorperiode under their title: the row below the
 * title holds the headers, the steps follow until a row without ID. Empty without such a block.
 */
export function readEarlierSteps(source: WorkbookSource): Map<string, CellValue>[] {
  const sheet = source.sheet(VORPERIODE.sheet);
  if (!sheet) return [];
  let title = 0;
  for (let r = 1; r <= sheet.rowCount && !title; r++)
    if (textOf(sheet.value(r, 1)) === VORPERIODE_STEPS_TITLE) title = r;
  if (!title) return [];
  const headers: { header: string; column: number }[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    const header = textOf(sheet.value(title + 1, c));
    if (header) headers.push({ header, column: c });
  }
  if (normalizeLabel(headers[0]?.header ?? "") !== "id") return [];
  const rows: Map<string, CellValue>[] = [];
  for (let r = title + 2; r <= sheet.rowCount && !isBlank(sheet.value(r, 1)); r++) {
    rows.push(new Map(headers.map((h) => [h.header, sheet.value(r, h.column)])));
  }
  return rows;
}
