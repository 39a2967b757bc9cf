/**
 * What to write, as data: the plan of a sheet — its table, cells, dropdowns, conditional formats, charts
 * and print settings — which the file host (src/xlsx) and the Office.js host (src/excel) apply alike.
 * Only types and the constants every planner shares; the planners import this, never the other way round.
 */
import type { CellValue } from "../domain/dates";
import type { EntityKind } from "../domain/model";
import type { ColumnFormat } from "./contract";

export interface Formula {
  formula: string;
}
export type PlanValue = CellValue | Formula;

export function isFormula(v: PlanValue): v is Formula {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "formula" in v;
}

export interface ValidationPlan {
  /** A1 range on the sheet, e.g. `B2:B501`. */
  range: string;
  type: "list" | "date" | "decimal" | "whole" | "any";
  operator?: "between" | "greaterThanOrEqual";
  /** Without leading `=`; for `date`, ISO dates. */
  formulae: string[];
  prompt: { title: string; text: string };
  /** null: no error alert (any value accepted, the list only offers). */
  error: { style: "stop" | "warning" | "information"; title: string; text: string } | null;
}

export interface ConditionalFormatPlan {
  range: string;
  /** Without leading `=`, relative to the top-left cell of the range. */
  formula: string;
  fill: string;
  font?: string;
}

export interface TablePlan {
  name: string;
  /** Top-left cell of the header. */
  row: number;
  column: number;
  headers: string[];
  rows: PlanValue[][];
  style: string;
  /** Columns (0-based, as `headers`) holding numbers: their header is right-aligned over the numbers. */
  numeric?: number[];
  /** false: no filter buttons in the header (a printed summary needs none). */
  filterButtons?: boolean;
}

export interface CellPlan {
  row: number;
  column: number;
  value: PlanValue;
  bold?: boolean;
  size?: number;
  numFmt?: string;
  /** Right-aligned, as a header over a column of numbers. */
  right?: boolean;
  /** false: on one line, running over its empty neighbours, also in a column that wraps (a title). */
  wrap?: false;
}

export interface SheetPlan {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  tabColor?: string;
  /** Width per column, 1-based positions. */
  widths: { column: number; width: number }[];
  /** Number format per column (the whole column, so new rows get it too). */
  formats: { column: number; numFmt: string }[];
  wrapColumns: number[];
  /** Align every column to the top of its cells, also those that do not wrap (rows of wrapped text are tall). */
  alignTop?: boolean;
  frozen: { rows: number; columns: number };
  table?: TablePlan;
  cells: CellPlan[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  print?: PrintPlan;
  /** Heights in points of rows whose wrapped text needs more than one line (see print.ts). */
  rowHeights?: { row: number; height: number }[];
  protect?: boolean;
  /**
   * With `protect`: the columns (1-based) whose cells below the header stay editable, the rest of the sheet
   * being read-only — e.g. a status query's fields to fill beside the previous report. Absent: the whole
   * protected sheet is read-only.
   */
  unlockedColumns?: number[];
  /** Cell notes (comments) to put back, e.g. those the team left in a round. */
  notes?: { row: number; column: number; text: string }[];
  /**
   * Native charts over the sheet's own cells. A sheet with charts owns its drawing: regenerating it replaces
   * the charts; a sheet without charts keeps a drawing the user put on it.
   */
  charts?: ChartPlan[];
  /** Manual page breaks: the first row of each new printed page (blocks that must not be split). */
  rowBreaks?: number[];
  /** Rows hidden on screen and paper (a chart's series that the table shows otherwise, see ChartPlan.plotHidden). */
  hiddenRows?: number[];
}

/** A native Excel chart whose data are ranges of the same sheet (absolute A1 ranges such as `$B$3:$B$9`). */
export interface ChartPlan {
  kind: "stackedBar" | "line";
  title: string;
  /** Where it sits: the cell of its top-left corner and the cell just past its bottom-right corner. */
  from: { row: number; column: number };
  to: { row: number; column: number };
  /** The category labels (one row or column). */
  categories: string;
  series: { name: string; values: string; color: string; dashed?: boolean }[];
  /** What the chart shows, in words, for screen readers (Excel's alternative text). */
  altText: string;
  /**
   * `date`: the categories are dates, placed by their distance in time (Excel's date axis), labelled by year;
   * absent: one even step per category.
   */
  categoryAxis?: "date";
  /** The number format of the dates on a date axis (`yyyy`, `dd.mm.yyyy`). */
  dateFormat?: string;
  /** The value axis: counts start at 0 and step by whole numbers. */
  valueAxis?: { min?: number; majorUnit?: number; numFmt?: string };
  /** The series read hidden rows too (values the visible table shows with a marker instead, as #N/A). */
  plotHidden?: boolean;
}

/** How a sheet prints (A4). Everything past the first three fields is optional; see print.ts. */
export interface PrintPlan {
  landscape: boolean;
  /** Scale the sheet to one page wide; false where that would shrink the text below 8 pt. */
  fitToWidth: boolean;
  /** The header row repeated at the top of every page. */
  repeatHeaderRow: number;
  /** Print scale in percent when not fitted to the width. */
  scale?: number;
  /** Columns repeated at the left of every page when the sheet runs over several pages wide (1-based). */
  repeatColumns?: { first: number; last: number };
  /** Page margins in inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Page header and footer in Excel's codes (`&L` `&C` `&R` sections, `&P` page, `&N` pages, `&A` sheet, `&D` date). */
  header?: string;
  footer?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
}

export const DATE_FORMAT = "dd.mm.yyyy";

export const NUMBER_FORMATS: Record<ColumnFormat, string | null> = {
  general: null,
  text: "@",
  email: "@",
  date: DATE_FORMAT,
  number: "#,##0.##",
  fte: "0.0#",
  currency: '#,##0.00 "€"',
  year: "0",
};

/** Rows past the data that still get dropdowns and highlighting, so new entries are covered. */
export const SPARE_ROWS = 500;

export const FILL = {
  missing: "FFFDE7E9",
  error: "FFFDE7E9",
  warning: "FFFFF4CE",
  info: "FFE8F1FB",
  green: "FFDFF6DD",
  yellow: "FFFFF4CE",
  red: "FFFDE7E9",
  header: "FF0F6CBD",
} as const;

/** Where each table of a workbook sits, for formulas that refer to it. */
export interface TableLayout {
  sheet: string;
  headerRow: number;
  /** 1-based column of each field. */
  columnIndex: Partial<Record<string, number>>;
  lastRow: number;
}

export type Layouts = Partial<Record<EntityKind, TableLayout>>;
