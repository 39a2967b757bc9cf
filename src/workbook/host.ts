/**
 * What every host (the .xlsx package on a file, Office.js on the open workbook) offers the surfaces. The
 * task pane talks only to this interface, so it works the same in Excel and in the browser mode.
 */
import type { CellValue } from "../domain/dates";
import type { EntityKind } from "../domain/model";
import { rowKey } from "../domain/statusQuery";
import { idKey, normalizeLabel, textOf } from "../domain/values";
import type { SheetPlan } from "./sheet-plan";
import type { WorkbookSource } from "./read";

/** Write or update one row of a contract table, found by its ID (never by row number). */
export interface RowWrite {
  kind: EntityKind;
  /** The ID of the row; a row with this ID is updated, otherwise a new row is appended to the table. */
  id: string;
  /** Values by field; fields not named stay as they are. Text is always written as text. */
  values: Record<string, CellValue>;
  /**
   * For a table without an ID column: the row is found by its key, taken from `values`; `id` is then only a
   * label and is not written. No such row: a new one is appended.
   */
  key?: RowKey;
}

/**
 * How a row of a table without IDs is found: Indikatorwerte and Sachstände by the ID their `subject` field
 * names and the day their `date` field names (`2025` = 31.12.2025) — Indikatorwerte also by Gebiet and
 * Gruppe, `own` being the own area's ID (see rowKey); Einstellungen by the text of its `name` field (the
 * Schlüssel), compared like headers.
 */
export type RowKey = { subject: string; date: string; own?: string } | { name: string };

/** The address of a row's values: its ID key, else its key; null when it has none. */
export function rowAddress(values: Record<string, CellValue>, key: RowKey | undefined): string | null {
  if (!key) {
    const id = textOf(values["id"] ?? null);
    return id ? idKey(id) : null;
  }
  if ("name" in key) {
    const name = normalizeLabel(textOf(values[key.name] ?? null));
    return name ? `name:${name}` : null;
  }
  return rowKey(values, key.subject, key.date, key.own);
}

/** The address a write looks for (its ID, or its key from its values). */
export function writeAddress(write: RowWrite): string {
  return (write.key ? rowAddress(write.values, write.key) : idKey(write.id)) ?? "";
}

/** The whole workbook as an .xlsx file. */
export interface WorkbookFile {
  data: ArrayBuffer;
  /** Its file name (`Maßnahmenplan.xlsx` when the host does not know one). */
  name: string;
}

export interface WorkbookHost {
  /** A snapshot of the workbook's values for the reader (Office.js: at most two `context.sync()`). */
  snapshot(): Promise<WorkbookSource>;
  /** Adds or replaces a generated sheet (Prüfbericht, Bewertung JJJJ, Listen …). */
  applySheetPlan(plan: SheetPlan): Promise<void>;
  /** Creates a whole sheet only where none of that name exists; returns the names it skipped. */
  createSheetsIfMissing(plans: SheetPlan[]): Promise<string[]>;
  /** Updates or appends rows by ID (or key), all in one batch. */
  writeRows(writes: RowWrite[]): Promise<void>;
  /**
   * Deletes the rows of a table with these IDs (the rows below move up, the table shrinks); IDs not found are
   * ignored. The caller regenerates the hidden lists (their formulas read the table's rows by position).
   */
  deleteRows(kind: EntityKind, ids: string[]): Promise<void>;
  /** Selects a cell so the user sees it (`Maßnahmen`, `O5`). */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * The workbook as it is now, as .xlsx bytes: in the browser mode the changed file the user downloads, in
   * Excel the open workbook as Excel hands it out (for the Fachbereich files).
   */
  file(): Promise<WorkbookFile>;
}
