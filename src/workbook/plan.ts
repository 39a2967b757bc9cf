/**
 * The sheets of the contract's tables as plans (src/workbook/sheet-plan.ts): a new workbook, a table's
 * sheet with its dropdowns and highlighting, and where the tables of a workbook sit for formulas.
 */
import type { CellValue, IsoDate } from "../domain/dates";
import { dateFromIso, isValidIsoDate } from "../domain/dates";
import type { EntityKind } from "../domain/model";
import { type ColumnSpec, type TableSpec, TABLES } from "./contract";
import { pageInfoFromSettingRows, withPrintLayout, workbookWithPageInfo } from "./print";
import { type FoundTable, columnLetter } from "./read";
import { uniformContents } from "./references";
import {
  type ConditionalFormatPlan,
  FILL,
  type Layouts,
  NUMBER_FORMATS,
  SPARE_ROWS,
  type SheetPlan,
  type ValidationPlan,
  type WorkbookPlan,
} from "./sheet-plan";
import { LISTEN_SHEET, listFormula } from "./sheets/listen";

export * from "./sheet-plan";

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
  const plan = { sheets: [...tables.map((t) => planTableSheet(t, layouts)), LISTEN_SHEET.plan(layouts)] };
  return workbookWithPageInfo(plan, { ...pageInfoFromSettingRows(contents.einstellungen ?? []), stand });
}
