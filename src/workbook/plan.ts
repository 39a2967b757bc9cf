/**
 * What to write, as data. A plan describes sheets, tables, dropdowns, conditional formats, formulas and
 * print settings; the file host (src/xlsx) and the Office.js host (src/excel) apply the same plan to a
 * file or to the open workbook.
 */
import type { CellValue, IsoDate } from "../domain/dates";
import { dateFromIso, isValidIsoDate } from "../domain/dates";
import { ENTITY_KINDS, type EntityKind } from "../domain/model";
import { type ColumnFormat, type ColumnSpec, type TableSpec, LISTEN_SHEET, TABLES, tableSpec } from "./contract";
import { pageInfoFromSettingRows, withPrintLayout, workbookWithPageInfo } from "./print";
import { type FoundTable, columnLetter } from "./read";
import { uniformContents } from "./references";

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

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Where each table of a workbook sits, for formulas that refer to it. */
export interface TableLayout {
  sheet: string;
  headerRow: number;
  /** 1-based column of each field. */
  columnIndex: Partial<Record<string, number>>;
  lastRow: number;
}

export type Layouts = Partial<Record<EntityKind, TableLayout>>;

/** The `ID – Name` list of a reference table: one column of the hidden sheet `Listen`. */
export interface ListColumn {
  kind: EntityKind;
  column: number;
  rows: number;
}

/** The reference tables that dropdowns draw from, with the field that names an entry. */
const LIST_SOURCES: { kind: EntityKind; nameField: string }[] = [];
for (const spec of TABLES) {
  for (const { list } of spec.columns) {
    if (list?.kind === "table" && !LIST_SOURCES.some((l) => l.kind === list.table)) {
      LIST_SOURCES.push({ kind: list.table, nameField: list.nameField });
    }
  }
}
// In the order of the kinds, so that a list column keeps its place on `Listen` when a table gains a reference.
LIST_SOURCES.sort((a, b) => ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind));

function listColumns(layouts: Layouts): (ListColumn & { nameField: string })[] {
  return LIST_SOURCES.filter((l) => layouts[l.kind]).map((l, i) => ({
    ...l,
    column: i + 1,
    rows: Math.max(layouts[l.kind]!.lastRow - layouts[l.kind]!.headerRow, 0) + SPARE_ROWS,
  }));
}

/** The hidden sheet `Listen`: live `ID – Name` entries of each reference table, by formula. */
export function planListSheet(layouts: Layouts): SheetPlan {
  const cells: CellPlan[] = [];
  for (const list of listColumns(layouts)) {
    const layout = layouts[list.kind]!;
    const spec = tableSpec(list.kind);
    const idCol = layout.columnIndex["id"];
    const nameCol = layout.columnIndex[list.nameField];
    cells.push({ row: 1, column: list.column, value: spec.sheet, bold: true });
    if (!idCol) continue;
    for (let i = 0; i < list.rows; i++) {
      const r = layout.headerRow + 1 + i;
      const id = `${quoteSheet(layout.sheet)}!$${columnLetter(idCol)}${r}`;
      const name = nameCol ? `${quoteSheet(layout.sheet)}!$${columnLetter(nameCol)}${r}` : null;
      const formula = name
        ? `IF(TRIM(${id})="","",IF(TRIM(${name})="",TRIM(${id}),TRIM(${id})&" – "&TRIM(${name})))`
        : `IF(TRIM(${id})="","",TRIM(${id}))`;
      cells.push({ row: 2 + i, column: list.column, value: { formula } });
    }
  }
  return {
    name: LISTEN_SHEET,
    state: "hidden",
    widths: listColumns(layouts).map((l) => ({ column: l.column, width: 40 })),
    formats: [],
    wrapColumns: [],
    frozen: { rows: 1, columns: 0 },
    cells,
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}

/** The DV source of a reference column: the non-empty entries at the top of its `Listen` column. */
function listFormula(layouts: Layouts, kind: EntityKind): string | null {
  const list = listColumns(layouts).find((l) => l.kind === kind);
  if (!list) return null;
  const c = columnLetter(list.column);
  const sheet = quoteSheet(LISTEN_SHEET);
  return `OFFSET(${sheet}!$${c}$2,0,0,MAX(1,COUNTIF(${sheet}!$${c}$2:$${c}$${list.rows + 1},"?*")),1)`;
}

export function validationFor(column: ColumnSpec, range: string, layouts: Layouts): ValidationPlan | null {
  const prompt = column.prompt;
  const list = column.list;
  if (list?.kind === "values") {
    return {
      range,
      type: "list",
      formulae: [`"${list.values.join(",")}"`],
      prompt,
      error: column.listOpen
        ? null
        : {
            style: "stop",
            title: column.header,
            text: `Bitte einen Wert aus der Liste wählen: ${list.values.join(", ")}.`,
          },
    };
  }
  if (list?.kind === "table") {
    const formula = listFormula(layouts, list.table);
    if (formula) {
      return {
        range,
        type: "list",
        formulae: [formula],
        prompt,
        error: column.listOpen
          ? null
          : {
              style: "warning",
              title: column.header,
              text: "Dieser Eintrag steht nicht in der Liste. Bitte eine ID aus der Liste wählen oder den Eintrag dort anlegen.",
            },
      };
    }
  }
  if (column.format === "date") {
    return {
      range,
      type: "date",
      operator: "between",
      formulae: ["2000-01-01", "2100-12-31"],
      prompt,
      error: {
        style: "warning",
        title: column.header,
        text: "Bitte ein Datum wie 31.12.2027 eingeben. Monat (12/2027), Quartal (Q4 2027) oder Jahr gehen auch, sind aber ungenau.",
      },
    };
  }
  if (column.format === "fte" || column.format === "currency") {
    return {
      range,
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: ["0"],
      prompt,
      error: {
        style: "warning",
        title: column.header,
        text: "Bitte eine Zahl ab 0 eingeben, ohne Einheit, z. B. 0,5 oder 1500.",
      },
    };
  }
  return { range, type: "any", formulae: [], prompt, error: null };
}

export interface TableContent {
  spec: TableSpec;
  /** Values by field; Dates as ISO text in date columns or as Date. */
  rows: Record<string, CellValue>[];
  /** Columns a user added, after the contract's columns; row values under `key`. */
  extraColumns?: { key: string; header: string }[];
}

/** Converts an ISO date text in a date column to a Date; everything else stays as it is. */
function cellValue(column: ColumnSpec, value: CellValue): CellValue {
  if ((column.format === "date" || column.format === "general") && typeof value === "string" && isValidIsoDate(value)) {
    return dateFromIso(value);
  }
  return value ?? null;
}

/** The part of a required cell's highlighting that spares the rows where it may stay empty (optionalWhen). */
function unlessCondition(columns: readonly ColumnSpec[], column: ColumnSpec): string {
  const when = column.optionalWhen;
  const index = when ? columns.findIndex((c) => c.field === when.field) : -1;
  if (!when || index < 0) return "";
  const other = `$${columnLetter(index + 1)}2`;
  return when.value === undefined ? `,LEN(TRIM(${other}))=0` : `,TRIM(${other})<>"${when.value}"`;
}

/** A reference table or Maßnahmen as a new sheet with an Excel table, dropdowns and highlighting. */
export function planTableSheet(content: TableContent, layouts: Layouts): SheetPlan {
  const { spec } = content;
  const columns = spec.columns;
  const extras = content.extraColumns ?? [];
  const dataRows =
    content.rows.length === 0
      ? [[...columns, ...extras].map(() => null)]
      : content.rows.map((r) => [
          ...columns.map((c) => cellValue(c, r[c.field] ?? null)),
          ...extras.map((e) => r[e.key] ?? null),
        ]);
  const lastDataRow = 1 + dataRows.length;
  const lastRow = lastDataRow + SPARE_ROWS;
  const lastCol = columnLetter(columns.length);
  const validations: ValidationPlan[] = [];
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const formats: SheetPlan["formats"] = [];
  columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${lastRow}`;
    const dv = validationFor(column, range, layouts);
    if (dv) validations.push(dv);
    const numFmt = NUMBER_FORMATS[column.format];
    if (numFmt) formats.push({ column: i + 1, numFmt });
    if (column.required) {
      conditionalFormats.push({
        range,
        formula: `AND(COUNTA($A2:$${lastCol}2)>0,LEN(TRIM(${letter}2))=0${unlessCondition(columns, column)})`,
        fill: FILL.missing,
      });
    }
  });
  const sheet: SheetPlan = {
    name: spec.sheet,
    state: "visible",
    tabColor: spec.tabColor,
    widths: [...columns.map((c) => c.width), ...extras.map(() => 20)].map((width, i) => ({ column: i + 1, width })),
    formats,
    wrapColumns: [],
    frozen: { rows: 1, columns: spec.kind === "massnahmen" ? 1 : 0 },
    table: {
      name: spec.table,
      row: 1,
      column: 1,
      headers: [...columns.map((c) => c.header), ...extras.map((e) => e.header)],
      rows: dataRows,
      style: "TableStyleMedium2",
    },
    cells: [],
    validations,
    conditionalFormats,
  };
  // Maßnahmen repeat ID, Handlungsfeld, Ziel and Titel on every page; the other tables their ID and name.
  return withPrintLayout(sheet, { headerRow: 1, keyColumns: spec.kind === "massnahmen" ? 4 : 2 });
}

/** Where the tables of a workbook are as it was read, for formulas that refer to them. */
export function layoutsOf(found: Partial<Record<EntityKind, FoundTable>>): Layouts {
  const layouts: Layouts = {};
  for (const [kind, table] of Object.entries(found) as [EntityKind, FoundTable][]) {
    layouts[kind] = {
      sheet: table.sheet,
      headerRow: table.headerRow,
      columnIndex: table.columnIndex,
      lastRow: Math.max(table.area.bottom, table.rows.at(-1)?.row ?? table.headerRow),
    };
  }
  return layouts;
}

/** Layouts of tables that a plan creates from the contract (header in row 1, columns in contract order). */
export function contractLayouts(contents: TableContent[]): Layouts {
  const layouts: Layouts = {};
  for (const c of contents) {
    layouts[c.spec.kind] = {
      sheet: c.spec.sheet,
      headerRow: 1,
      columnIndex: Object.fromEntries(c.spec.columns.map((col, i) => [col.field, i + 1])),
      lastRow: 1 + Math.max(c.rows.length, 1),
    };
  }
  return layouts;
}

/**
 * A complete new workbook: every table of the contract in order, then the hidden lists. Dropdowns and
 * highlighting cover every row written plus SPARE_ROWS, however many rows there are. `stand` dates the
 * page footer of a workbook made for a given day.
 */
export function planNewWorkbook(
  contents: Partial<Record<EntityKind, Record<string, CellValue>[]>>,
  options: { extraColumns?: Partial<Record<EntityKind, TableContent["extraColumns"]>>; stand?: IsoDate } = {},
): WorkbookPlan {
  const { extraColumns = {}, stand } = options;
  // Every reference of a new workbook in the one form (`ID – Name`), whoever made its content.
  const uniform = uniformContents(contents);
  const tables: TableContent[] = TABLES.map((spec) => ({
    spec,
    rows: (uniform[spec.kind] as Record<string, CellValue>[] | undefined) ?? [],
    ...(extraColumns[spec.kind] ? { extraColumns: extraColumns[spec.kind] } : {}),
  }));
  const layouts = contractLayouts(tables);
  const plan = { sheets: [...tables.map((t) => planTableSheet(t, layouts)), planListSheet(layouts)] };
  return workbookWithPageInfo(plan, { ...pageInfoFromSettingRows(contents.einstellungen ?? []), stand });
}
