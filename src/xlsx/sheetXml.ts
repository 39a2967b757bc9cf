/**
 * A generated sheet (SheetPlan) as SpreadsheetML parts: the worksheet, its table, its notes (comments and
 * the legacy VML drawing Excel needs to show them). Text is written as inline strings, so the workbook's
 * shared strings stay as they are, and text that looks like a formula stays text.
 */
import { DATE_FORMAT, type PlanValue, type SheetPlan, type ValidationPlan, isFormula } from "../workbook/plan";
import { columnLetter } from "../workbook/read";
import type { CellStyle, StyleBook } from "./styles";
import { xmlText } from "./xml";

export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The Excel serial of a date (its UTC day; the program's dates are UTC midnights). */
export function dateSerial(date: Date, date1904 = false): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
}

/** One cell as XML; the style index is already resolved. Empty values keep only their style. */
export function cellXml(ref: string, value: PlanValue, style: number, date1904: boolean): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null || value === undefined || value === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (isFormula(value)) return `<c r="${ref}"${s}><f>${xmlText(value.formula.replace(/^=/, ""))}</f></c>`;
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${dateSerial(value, date1904)}</v></c>`;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : "";
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
}

export interface GeneratedSheet {
  sheetXml: string;
  tableXml?: string;
  commentsXml?: string;
  vmlXml?: string;
  /** The print titles (`'Sheet'!$1:$1`) for the workbook's defined name `_xlnm.Print_Titles`. */
  printTitles?: string;
}

export interface SheetContext {
  styles: StyleBook;
  date1904: boolean;
  /** The workbook-wide id of the sheet's table. */
  tableId: number;
  /** Relationship ids in the sheet's rels for the parts it refers to. */
  rel: { table: string; comments: string; vml: string };
  /** A number unique among the workbook's VML drawings, for note shape ids. */
  vmlId: number;
  /** The user's own protection of the sheet (its element as it was), kept instead of the plan's. */
  protection?: string;
  /** The relationship id of the user's drawing on the sheet (charts, pictures), kept. */
  drawing?: string;
}

interface Cell {
  value: PlanValue;
  style: CellStyle;
}

/** The cells of a plan by row and column: the table first, then single cells (which win). */
function gridOf(plan: SheetPlan): Map<number, Map<number, Cell>> {
  const rows = new Map<number, Map<number, Cell>>();
  const put = (r: number, c: number, cell: Cell) => {
    let row = rows.get(r);
    if (!row) rows.set(r, (row = new Map()));
    row.set(c, cell);
  };
  const t = plan.table;
  if (t) {
    const numeric = new Set(t.numeric ?? []);
    t.headers.forEach((h, j) =>
      put(t.row, t.column + j, { value: h, style: { bold: true, ...(numeric.has(j) ? { right: true } : {}) } }),
    );
    t.rows.forEach((values, i) => values.forEach((v, j) => put(t.row + 1 + i, t.column + j, { value: v, style: {} })));
  }
  for (const c of plan.cells) {
    put(c.row, c.column, {
      value: c.value,
      style: {
        ...(c.bold ? { bold: true } : {}),
        ...(c.size ? { size: c.size } : {}),
        ...(c.numFmt ? { numFmt: c.numFmt } : {}),
        ...(c.right ? { right: true } : {}),
        ...(c.center ? { center: true } : {}),
        ...(c.wrap === false ? { wrap: false } : {}),
      },
    });
  }
  return rows;
}

function columnStyles(plan: SheetPlan): Map<number, CellStyle> {
  const styles = new Map<number, CellStyle>();
  for (const { column, numFmt } of plan.formats) styles.set(column, { ...styles.get(column), numFmt });
  if (plan.alignTop) for (const { column } of plan.widths) styles.set(column, { ...styles.get(column), top: true });
  for (const column of plan.wrapColumns) styles.set(column, { ...styles.get(column), wrap: true });
  // New rows typed into these columns stay editable too: the column's own format is unlocked.
  for (const column of plan.unlockedColumns ?? []) styles.set(column, { ...styles.get(column), unlocked: true });
  return styles;
}

function colsXml(plan: SheetPlan, columnStyle: Map<number, CellStyle>, styles: StyleBook): string {
  const columns = new Set<number>([...plan.widths.map((w) => w.column), ...columnStyle.keys()]);
  if (columns.size === 0) return "";
  const width = new Map(plan.widths.map((w) => [w.column, w.width]));
  const cols = [...columns]
    .sort((a, b) => a - b)
    .map((c) => {
      const w = width.get(c);
      const style = columnStyle.get(c);
      const s = style ? styles.cellStyle(style) : 0;
      return `<col min="${c}" max="${c}" width="${w ?? 9.140625}"${w ? ' customWidth="1"' : ""}${s ? ` style="${s}"` : ""}/>`;
    });
  return `<cols>${cols.join("")}</cols>`;
}

function sheetDataXml(
  plan: SheetPlan,
  ctx: SheetContext,
  columnStyle: Map<number, CellStyle>,
): { xml: string; bottom: number; right: number } {
  const grid = gridOf(plan);
  const heights = new Map((plan.rowHeights ?? []).map((h) => [h.row, h.height]));
  const hidden = new Set(plan.hiddenRows ?? []);
  let bottom = 1;
  let right = 1;
  const out: string[] = ["<sheetData>"];
  for (const r of [...grid.keys()].sort((a, b) => a - b)) {
    const cells = grid.get(r)!;
    const parts: string[] = [];
    for (const c of [...cells.keys()].sort((a, b) => a - b)) {
      const { value, style } = cells.get(c)!;
      const merged: CellStyle = { ...columnStyle.get(c), ...style };
      // The header (and anything above it) stays locked in an editable column.
      if (merged.unlocked && r <= (plan.table?.row ?? 1)) delete merged.unlocked;
      // A date keeps a date format of its own (`[$-407]mmm`: a month's name; `yyyy` for a year), else it gets
      // TT.MM.JJJJ; quoted literal text in a format names no date part.
      if (value instanceof Date && !/[dmy]/i.test((merged.numFmt ?? "").replace(/"[^"]*"/g, "")))
        merged.numFmt = DATE_FORMAT;
      const xml = cellXml(`${columnLetter(c)}${r}`, value, ctx.styles.cellStyle(merged), ctx.date1904);
      if (xml) {
        parts.push(xml);
        right = Math.max(right, c);
      }
    }
    if (parts.length === 0) continue;
    bottom = Math.max(bottom, r);
    const height = heights.get(r);
    const attrs = `${hidden.has(r) ? ' hidden="1"' : ""}${height ? ` ht="${height}" customHeight="1"` : ""}`;
    out.push(`<row r="${r}"${attrs}>${parts.join("")}</row>`);
  }
  out.push("</sheetData>");
  return { xml: out.join(""), bottom, right };
}

function viewsXml(plan: SheetPlan): string {
  const { rows, columns } = plan.frozen;
  if (!rows && !columns) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = `${columnLetter(columns + 1)}${rows + 1}`;
  const pane = rows && columns ? "bottomRight" : rows ? "bottomLeft" : "topRight";
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane${columns ? ` xSplit="${columns}"` : ""}${rows ? ` ySplit="${rows}"` : ""} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    "</sheetView></sheetViews>"
  );
}

function validationFormula(v: ValidationPlan, f: string, date1904: boolean): string {
  if (v.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(f))
    return String(dateSerial(new Date(`${f}T00:00:00Z`), date1904));
  return f;
}

/** Data validations; the input message is part of the same element (Excel shows it before the rule). */
export function validationXml(v: ValidationPlan, date1904: boolean): string {
  const a: string[] = [];
  if (v.type !== "any") a.push(`type="${v.type}"`);
  if (v.operator && v.operator !== "between") a.push(`operator="${v.operator}"`);
  if (v.error) a.push(`errorStyle="${v.error.style}"`);
  a.push('allowBlank="1"', 'showInputMessage="1"', `showErrorMessage="${v.error ? 1 : 0}"`);
  if (v.error) a.push(`errorTitle="${xmlText(v.error.title)}"`, `error="${xmlText(v.error.text)}"`);
  a.push(`promptTitle="${xmlText(v.prompt.title)}"`, `prompt="${xmlText(v.prompt.text)}"`, `sqref="${v.range}"`);
  const formulas = v.formulae.map(
    (f, i) => `<formula${i + 1}>${xmlText(validationFormula(v, f, date1904))}</formula${i + 1}>`,
  );
  return `<dataValidation ${a.join(" ")}>${formulas.join("")}</dataValidation>`;
}

function conditionalXml(plan: SheetPlan, styles: StyleBook): string {
  return plan.conditionalFormats
    .map(
      (cf, i) =>
        `<conditionalFormatting sqref="${cf.range}"><cfRule type="expression" dxfId="${styles.differential({ fill: cf.fill, ...(cf.font ? { font: cf.font } : {}) })}" priority="${i + 1}"><formula>${xmlText(cf.formula)}</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
}

const PROTECTION =
  // Allowed to the user, as in the sheets Excel protects by default plus column widths, filter and sort.
  '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" sort="0" autoFilter="0"/>';

/** Page margins, A4 page setup, header and footer (CT_Worksheet: pageMargins, pageSetup, headerFooter). */
function printXml(plan: SheetPlan): string {
  const m = plan.print?.margins ?? { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!plan.print) return margins;
  const p = plan.print;
  const fit = p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
  const scale = !p.fitToWidth && p.scale ? ` scale="${Math.round(p.scale)}"` : "";
  const headerFooter =
    p.header || p.footer
      ? `<headerFooter>${p.header ? `<oddHeader>${xmlText(p.header)}</oddHeader>` : ""}${p.footer ? `<oddFooter>${xmlText(p.footer)}</oddFooter>` : ""}</headerFooter>`
      : "";
  return `${margins}<pageSetup paperSize="9"${scale} orientation="${p.landscape ? "landscape" : "portrait"}"${fit}/>${headerFooter}`;
}

/** Manual page breaks above the rows that begin a page (CT_PageBreak: `id` is the zero-based row, i.e. the row above). */
function rowBreaksXml(plan: SheetPlan): string {
  const rows = [...new Set(plan.rowBreaks ?? [])].filter((r) => r > 1).sort((a, b) => a - b);
  if (rows.length === 0) return "";
  const breaks = rows.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${breaks}</rowBreaks>`;
}

/** The rows and columns repeated on every printed page, for the defined name `_xlnm.Print_Titles`. */
function printTitles(plan: SheetPlan): string | undefined {
  if (!plan.print) return undefined;
  const row = plan.print.repeatHeaderRow;
  const c = plan.print.repeatColumns;
  const titles = [
    ...(c ? [`$${columnLetter(c.first)}:$${columnLetter(c.last)}`] : []),
    ...(row > 0 ? [`$${plan.print.repeatFromRow ?? row}:$${row}`] : []),
  ];
  return titles.length ? titles.join(",") : undefined;
}

function tableXml(plan: SheetPlan, id: number): string | undefined {
  const t = plan.table;
  if (!t) return undefined;
  const last = t.row + Math.max(t.rows.length, 1);
  const ref = `${columnLetter(t.column)}${t.row}:${columnLetter(t.column + t.headers.length - 1)}${last}`;
  const columns = t.headers
    .map((h, i) => `<tableColumn id="${i + 1}" name="${xmlText(tableColumnName(h))}"/>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${t.name}" displayName="${t.name}" ref="${ref}" totalsRowShown="0">` +
    (t.filterButtons === false ? "" : `<autoFilter ref="${ref}"/>`) +
    `<tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${t.style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A table column's name is its header cell's text; line breaks are escaped the way Excel does. */
function tableColumnName(header: string): string {
  return header.replace(/\r?\n/g, "_x000a_");
}

function commentsXml(notes: NonNullable<SheetPlan["notes"]>): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${columnLetter(n.column)}${n.row}" authorId="0"><text><r><t xml:space="preserve">${xmlText(n.text)}</t></r></text></comment>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="${NS_MAIN}"><authors><author>Maßnahmenplaner</author></authors><commentList>${list}</commentList></comments>`
  );
}

function vmlXml(notes: NonNullable<SheetPlan["notes"]>, vmlId: number): string {
  const shapes = notes
    .map((n, i) => {
      const r = n.row - 1;
      const c = n.column - 1;
      return (
        `<v:shape id="_x0000_s${vmlId * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:160pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${r}, 2, ${c + 4}, 15, ${r + 4}, 16</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${vmlId}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes +
    "</xml>"
  );
}

/** The parts of a generated sheet. Element order follows CT_Worksheet (ECMA-376 §18.3.1.99). */
export function generateSheet(plan: SheetPlan, ctx: SheetContext): GeneratedSheet {
  const columnStyle = columnStyles(plan);
  const cols = colsXml(plan, columnStyle, ctx.styles);
  const data = sheetDataXml(plan, ctx, columnStyle);
  const notes = plan.notes ?? [];
  const sheetPr =
    plan.tabColor || plan.print?.fitToWidth
      ? `<sheetPr>${plan.tabColor ? `<tabColor rgb="${plan.tabColor}"/>` : ""}${plan.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
      : "";
  const validations = plan.validations.map((v) => validationXml(v, ctx.date1904));
  const table = tableXml(plan, ctx.tableId);
  const right = Math.max(data.right, plan.table ? plan.table.column + plan.table.headers.length - 1 : 1);
  const sheetXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    sheetPr +
    `<dimension ref="A1:${columnLetter(right)}${data.bottom}"/>` +
    viewsXml(plan) +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    cols +
    data.xml +
    (ctx.protection ?? (plan.protect ? PROTECTION : "")) +
    conditionalXml(plan, ctx.styles) +
    (validations.length
      ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`
      : "") +
    printXml(plan) +
    rowBreaksXml(plan) +
    (ctx.drawing ? `<drawing r:id="${ctx.drawing}"/>` : "") +
    (notes.length ? `<legacyDrawing r:id="${ctx.rel.vml}"/>` : "") +
    (table ? `<tableParts count="1"><tablePart r:id="${ctx.rel.table}"/></tableParts>` : "") +
    "</worksheet>";
  return {
    sheetXml,
    ...(table ? { tableXml: table } : {}),
    ...(notes.length ? { commentsXml: commentsXml(notes), vmlXml: vmlXml(notes, ctx.vmlId) } : {}),
    ...(printTitles(plan) ? { printTitles: printTitles(plan)! } : {}),
  };
}
