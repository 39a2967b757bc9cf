/**
 * A file of official statistics as read, before anything is mapped to the workbook: its value columns
 * with their header path, its dimension columns, and one record per data row. The readers (GENESIS, Open
 * SDG, a plain table) all produce this form; `toIndicatorValues` (map.ts) works on it alone.
 */
import type { CellValue, IsoDate } from "../../domain/dates";
import type { ImportGrid } from "../import/mapping";

/** A sheet of a statistics file: a CSV (with the separator it was split by) or one sheet of an .xlsx. */
export interface StatisticsGrid extends ImportGrid {
  /** The CSV separator; absent for an .xlsx sheet. Decides the decimal mark of a plain table. */
  separator?: string;
}

export type StatisticsFormat = "GENESIS" | "Open SDG" | "Tabelle";

/** The time a row, a column or the title names. */
export type TimeRef =
  | { kind: "none" }
  | { kind: "unreadable"; text: string }
  /** `yearOnly`: only a year was given (`2015`), so a Stichtag day of the title may complete it. */
  | { kind: "date"; date: IsoDate; yearOnly: boolean };

export const NO_TIME: TimeRef = { kind: "none" };

export interface ValueColumn {
  /** 1-based column of the grid. */
  column: number;
  /** The header cells of the column, top to bottom ('' where empty); one entry per header row of the table. */
  path: string[];
  /** The date a header row gives this column (`31.12.2015` above `Insgesamt`), else none. */
  time: TimeRef;
}

export interface DimensionColumn {
  column: number;
  /** Its header, where it has one (`Geschlecht`); GENESIS leaves it empty. */
  name: string;
}

export interface AreaCell {
  /** The key as published (`01001`, `DG`, `03151401002`), or null where the file gives only a name. */
  key: string | null;
  /** The published name without the indentation. */
  name: string;
  /** 1-based column of the key (else of the name). */
  column: number;
}

export interface DataRecord {
  /** 1-based row of the grid. */
  row: number;
  time: TimeRef;
  /** Null: the row holds values but no readable area. */
  area: AreaCell | null;
  /** The text of the area cell where it could not be read as an area (for the accounting). */
  areaText?: string;
  /** The values of the dimension columns, in their order (trimmed). */
  dims: string[];
  /** The row's unit (Open SDG `Units`, a plain table's `Einheit` column), else null. */
  unit: string | null;
  /** One cell per value column, parallel to `StatisticsTable.columns`. */
  cells: CellValue[];
}

export interface StatisticsTable {
  format: StatisticsFormat;
  /** The file name as given (shown in Werteübernahme). */
  file: string;
  /** The sheet of an .xlsx; null for a CSV. */
  sheet: string | null;
  /** The Quelle of the values: `GENESIS 12411-01-01-4`, else the file name. */
  source: string;
  /** The table's title as published (GENESIS title lines), else ''. */
  title: string;
  /** The unit the title names (`Anzahl` of `Bevölkerungsstand (Anzahl)`), else null. */
  unit: string | null;
  /** The date the title lines give for the whole table (`- Stichtag 09.05.2011 -`, a year). */
  time: TimeRef;
  /** The day of a year the title names without a year (`- Stichtag 30.06. -`): a year in the data means that day. */
  dayOfYear: { day: number; month: number } | null;
  /** Decimal mark of numbers written as text. */
  decimal: "comma" | "point";
  columns: ValueColumn[];
  dimensions: DimensionColumn[];
  records: DataRecord[];
}
