/**
 * A sheet plan's parts in Office.js terms: print setup, column widths, data validation and conditional
 * formats, cell formats, and the plan's cells as write blocks of bounded size (one sync each). The host
 * (./host.ts) batches them; this file only translates.
 */
import type { CellPlan, ConditionalFormatPlan, PrintPlan, SheetPlan, ValidationPlan } from "../workbook/plan";
import { columnLetter } from "../workbook/read";
import {
  DEFAULT_CHUNK_BYTES,
  type WriteBlock,
  addressOf,
  chunkBlocks,
  cssColor,
  hasFormula,
  officeCell,
} from "./cells";

/** A header or footer in Excel's codes (`&L…&C…&R…`) as its left, center and right sections. */
export function headerFooterSections(text: string): { left: string; center: string; right: string } {
  const sections = { left: "", center: "", right: "" };
  let current: keyof typeof sections = "center";
  // `&&` is a literal ampersand, not a section code.
  for (const part of text.split(/(&&|&[LCR])/)) {
    if (part === "&L") current = "left";
    else if (part === "&C") current = "center";
    else if (part === "&R") current = "right";
    else sections[current] += part;
  }
  return sections;
}

/**
 * Page setup of a plan. Row heights are left to Excel, which fits rows with wrapped text itself (the
 * estimated heights of the plan are for files, which no program measures on opening).
 */
export function applyPrint(layout: Excel.PageLayout, print: PrintPlan): void {
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // "Fit all columns on one page": one page wide, as many pages tall as needed.
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (print.scale) layout.zoom = { scale: print.scale };
  if (print.repeatHeaderRow > 0) layout.setPrintTitleRows(`$${print.repeatHeaderRow}:$${print.repeatHeaderRow}`);
  if (print.repeatColumns) {
    const { first, last } = print.repeatColumns;
    layout.setPrintTitleColumns(`$${columnLetter(first)}:$${columnLetter(last)}`);
  }
  if (print.margins) {
    // Office.js takes margins in points, the plan in inches.
    layout.leftMargin = print.margins.left * 72;
    layout.rightMargin = print.margins.right * 72;
    layout.topMargin = print.margins.top * 72;
    layout.bottomMargin = print.margins.bottom * 72;
    layout.headerMargin = print.margins.header * 72;
    layout.footerMargin = print.margins.footer * 72;
  }
  const pages = layout.headersFooters.defaultForAllPages;
  if (print.header) {
    const h = headerFooterSections(print.header);
    [pages.leftHeader, pages.centerHeader, pages.rightHeader] = [h.left, h.center, h.right];
  }
  if (print.footer) {
    const f = headerFooterSections(print.footer);
    [pages.leftFooter, pages.centerFooter, pages.rightFooter] = [f.left, f.center, f.right];
  }
}

/** Column width in characters (as in the plans and in the .xlsx package) → points for `format.columnWidth`. */
export const widthInPoints = (characters: number) => Math.round((characters * 7 + 5) * 0.75 * 100) / 100;

export const VISIBILITY: Record<SheetPlan["state"], "Visible" | "Hidden" | "VeryHidden"> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

const ERROR_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

const OPERATOR = { between: "Between", greaterThanOrEqual: "GreaterThanOrEqualTo" } as const;

const formulaInput = (f: string): string | number => (/^-?\d+(\.\d+)?$/.test(f) ? Number(f) : `=${f}`);

/** The Office.js rule of a planned validation; null for "any value" (prompt only). */
export function validationRule(v: ValidationPlan): Excel.DataValidationRule | null {
  const operator = OPERATOR[v.operator ?? "between"];
  switch (v.type) {
    case "list": {
      const f = v.formulae[0] ?? "";
      // `"a,b,c"` is a literal list; anything else a formula giving the entries.
      const source = /^".*"$/.test(f) ? f.slice(1, -1) : `=${f}`;
      return { list: { inCellDropDown: true, source } };
    }
    case "date":
      return {
        date: {
          operator,
          formula1: v.formulae[0] ?? "",
          ...(v.formulae[1] !== undefined ? { formula2: v.formulae[1] } : {}),
        },
      };
    case "decimal":
    case "whole": {
      const basic: Excel.BasicDataValidation = {
        operator,
        formula1: formulaInput(v.formulae[0] ?? "0"),
        ...(v.formulae[1] !== undefined ? { formula2: formulaInput(v.formulae[1]) } : {}),
      };
      return v.type === "decimal" ? { decimal: basic } : { wholeNumber: basic };
    }
    case "any":
      return null;
  }
}

export function temporaryName(name: string): string {
  return `~${name}`.slice(0, 25) + `~${Math.random().toString(36).slice(2, 6)}`;
}

/** Sets a range property to one value for every cell (documented for values, formulas, numberFormat). */
export function setAll(range: Excel.Range, property: "numberFormat", value: string): void {
  (range as unknown as Record<string, unknown>)[property] = value;
}

/** The write requests of a plan's cells, each under `budget` bytes: one sync each. */
export function planChunks(plan: SheetPlan, budget = DEFAULT_CHUNK_BYTES): WriteBlock[][] {
  return chunkBlocks(planBlocks(plan, new Map(plan.formats.map((f) => [f.column, f.numFmt]))), budget);
}

/** The cells of a plan as rectangles: the table (header and rows), and runs of single cells per column. */
function planBlocks(plan: SheetPlan, columnFormats: Map<number, string>): WriteBlock[] {
  const blocks: WriteBlock[] = [];
  if (plan.table) {
    const t = plan.table;
    const inputs: WriteBlock["inputs"] = [];
    const formats: WriteBlock["formats"] = [];
    for (const row of [t.headers, ...t.rows]) {
      const cells = t.headers.map((_, j) => officeCell(row[j] ?? null, columnFormats.get(t.column + j)));
      inputs.push(cells.map((c) => c.input));
      formats.push(cells.map((c) => c.format));
    }
    blocks.push({ row: t.row, column: t.column, inputs, formats });
  }
  // Consecutive cells of one column (the formulas of `Listen`, the labels of a report) as one range.
  const cells = [...plan.cells].sort((a, b) => a.column - b.column || a.row - b.row);
  let run: WriteBlock | null = null;
  for (const c of cells) {
    const cell = officeCell(c.value, columnFormats.get(c.column), c.numFmt);
    if (run && run.column === c.column && run.row + run.inputs.length === c.row) {
      run.inputs.push([cell.input]);
      run.formats.push([cell.format]);
    } else {
      run = { row: c.row, column: c.column, inputs: [[cell.input]], formats: [[cell.format]] };
      blocks.push(run);
    }
  }
  return blocks;
}

export function writeBlock(ws: Excel.Worksheet, block: WriteBlock): void {
  const width = block.inputs[0]?.length ?? 0;
  if (width === 0 || block.inputs.length === 0) return;
  const range = ws.getRange(
    addressOf(block.row, block.column, block.row + block.inputs.length - 1, block.column + width - 1),
  );
  // Formats first: a cell formatted as text keeps `=…` as text.
  if (block.formats.some((r) => r.some((f) => f !== null))) range.numberFormat = block.formats;
  if (hasFormula(block)) range.formulas = block.inputs;
  else range.values = block.inputs;
}

export function applyValidation(ws: Excel.Worksheet, v: ValidationPlan): void {
  const dv = ws.getRange(v.range).dataValidation;
  // The prompt before the rule: Excel on the web rejects a rule set first on some ranges.
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  dv.ignoreBlanks = true;
  const rule = validationRule(v);
  if (rule) dv.rule = rule;
  dv.errorAlert = v.error
    ? { showAlert: true, style: ERROR_STYLE[v.error.style], title: v.error.title, message: v.error.text }
    : { showAlert: false, style: "Information", title: "", message: "" };
}

export function applyConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormatPlan): void {
  const format = ws.getRange(cf.range).conditionalFormats.add("Custom");
  format.custom.rule.formula = `=${cf.formula}`;
  format.custom.format.fill.color = cssColor(cf.fill);
  if (cf.font) format.custom.format.font.color = cssColor(cf.font);
}

/** Bold, size, alignment and wrapping of a single cell, where the plan sets them. */
export function applyCellFormat(format: Excel.RangeFormat, c: CellPlan): void {
  if (c.bold) format.font.bold = true;
  if (c.size) format.font.size = c.size;
  if (c.right) format.horizontalAlignment = "Right";
  if (c.wrap === false) format.wrapText = false;
}
