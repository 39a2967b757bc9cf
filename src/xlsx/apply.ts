/** Applies a write plan to an exceljs workbook. */
import type ExcelJS from "exceljs";
import {
  DATE_FORMAT,
  type PlanValue,
  type ValidationPlan,
  type SheetPlan,
  type WorkbookPlan,
  isFormula,
} from "../workbook/plan";
import { columnLetter } from "../workbook/read";

function toExcelJs(value: PlanValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (isFormula(value)) return { formula: value.formula } as ExcelJS.CellFormulaValue;
  return value;
}

function toExcelJsValidation(v: ValidationPlan): ExcelJS.DataValidation {
  return {
    type: v.type,
    ...(v.operator ? { operator: v.operator } : {}),
    allowBlank: true,
    formulae: v.formulae,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.text,
    showErrorMessage: v.error !== null,
    ...(v.error ? { errorStyle: v.error.style, errorTitle: v.error.title, error: v.error.text } : {}),
  } as ExcelJS.DataValidation;
}

/** Adds the sheet of a plan; a sheet of the same name is replaced (generated sheets only). */
export async function applySheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): Promise<ExcelJS.Worksheet> {
  const existing = workbook.getWorksheet(plan.name);
  // exceljs sorts sheets by orderNo (untyped); a replaced sheet keeps its place among the tabs.
  type Ordered = { orderNo?: number };
  const position = (existing as unknown as Ordered | undefined)?.orderNo;
  if (existing) workbook.removeWorksheet(existing.id);
  const ws = workbook.addWorksheet(plan.name, {
    properties: plan.tabColor ? { tabColor: { argb: plan.tabColor } } : {},
    views: [
      {
        state: "frozen",
        xSplit: plan.frozen.columns,
        ySplit: plan.frozen.rows,
        topLeftCell: `${columnLetter(plan.frozen.columns + 1)}${plan.frozen.rows + 1}`,
        activeCell: "A2",
      },
    ],
  });
  ws.state = plan.state;
  if (position !== undefined) (ws as unknown as Ordered).orderNo = position;
  for (const { column, width } of plan.widths) ws.getColumn(column).width = width;
  for (const { column, numFmt } of plan.formats) ws.getColumn(column).numFmt = numFmt;
  for (const column of plan.wrapColumns) ws.getColumn(column).alignment = { wrapText: true, vertical: "top" };

  if (plan.table) {
    const t = plan.table;
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: `${columnLetter(t.column)}${t.row}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: t.headers.map((name) => ({ name, filterButton: true })),
      rows: t.rows.map((r) => r.map(toExcelJs)),
    });
    ws.getRow(t.row).font = { bold: true };
    // A date in a column without a date format (Einstellungen › Wert) still shows as a German date.
    t.rows.forEach((values, i) =>
      values.forEach((v, j) => {
        const cell = ws.getCell(t.row + 1 + i, t.column + j);
        if (v instanceof Date && !/d/.test(cell.numFmt ?? "")) cell.numFmt = DATE_FORMAT;
      }),
    );
  }
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.column);
    cell.value = toExcelJs(c.value);
    if (c.bold || c.size) cell.font = { bold: !!c.bold, ...(c.size ? { size: c.size } : {}) };
    if (c.numFmt) cell.numFmt = c.numFmt;
  }
  for (const v of plan.validations) {
    (ws as unknown as DvHolder).dataValidations.add(v.range, toExcelJsValidation(v));
  }
  plan.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: cf.fill } },
            ...(cf.font ? { font: { color: { argb: cf.font } } } : {}),
          },
        },
      ],
    });
  });
  if (plan.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: plan.print.landscape ? "landscape" : "portrait",
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${plan.print.repeatHeaderRow}:${plan.print.repeatHeaderRow}`,
    };
  }
  for (const n of plan.notes ?? []) ws.getCell(n.row, n.column).note = n.text;
  for (const column of plan.unlockedColumns ?? []) unlockColumn(ws, column, plan.table?.row ?? 1);
  if (plan.protect) {
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      autoFilter: true,
      sort: true,
    });
  }
  return ws;
}

/** Cells of a column below the header row stay editable on a protected sheet, new rows too (column style). */
function unlockColumn(ws: ExcelJS.Worksheet, column: number, headerRow: number): void {
  const col = ws.getColumn(column);
  col.protection = { locked: false };
  col.eachCell({ includeEmpty: true }, (cell, row) => {
    cell.protection = { locked: row <= headerRow };
  });
}

export async function applyWorkbookPlan(workbook: ExcelJS.Workbook, plan: WorkbookPlan): Promise<void> {
  for (const sheet of plan.sheets) await applySheetPlan(workbook, sheet);
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

type DvHolder = {
  dataValidations: { find(address: string): unknown; add(range: string, dv: ExcelJS.DataValidation): void };
};

/** Adds a validation where its first cell has none; a user's own rule is never replaced. */
export function addMissingValidation(ws: ExcelJS.Worksheet, v: ValidationPlan): boolean {
  const dvs = (ws as unknown as DvHolder).dataValidations;
  if (dvs.find(v.range.split(":")[0]!)) return false;
  dvs.add(v.range, toExcelJsValidation(v));
  return true;
}
