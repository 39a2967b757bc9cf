/**
 * What every host (exceljs on a file, Office.js on the open workbook) offers the surfaces. The task pane
 * talks only to this interface, so it works the same in Excel and in the browser mode.
 */
import type { CellValue } from "../domain/dates";
import type { EntityKind } from "../domain/model";
import type { SheetPlan } from "./plan";
import type { WorkbookSource } from "./read";

/** Write or update one row of a contract table, found by its ID (never by row number). */
export interface RowWrite {
  kind: EntityKind;
  /** The ID of the row; a row with this ID is updated, otherwise a new row is appended to the table. */
  id: string;
  /** Values by field; fields not named stay as they are. Text is always written as text. */
  values: Record<string, CellValue>;
  /**
   * For a table without an ID column (Indikatorwerte, Sachstände): the row is found by the ID its `subject`
   * field names and the day its `date` field names (`2025` = 31.12.2025), both taken from `values`; `id` is
   * then only a label and is not written. Without `date` the subject alone finds the row (an Einstellung by
   * its Schlüssel). No such row: a new one is appended.
   */
  key?: { subject: string; date?: string };
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
  /** Updates or appends rows by ID. */
  writeRows(writes: RowWrite[]): Promise<void>;
  /** Selects a cell so the user sees it (`Maßnahmen`, `O5`). */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * The workbook as it is now, as .xlsx bytes: in the browser mode the changed file the user downloads, in
   * Excel the open workbook as Excel hands it out (for the Fachbereich files).
   */
  file(): Promise<WorkbookFile>;
}
