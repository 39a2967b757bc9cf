/**
 * The printed page of every sheet the program makes, as data: A4 landscape at a scale that keeps 11 pt
 * text at 8 pt or more, the header row (and the ID/Titel columns when the sheet runs over several pages
 * wide) repeated, row heights that show wrapped text, and a header and footer naming Kommune,
 * Konzepttitel, sheet, page x of y and Stand.
 */
import { type IsoDate, formatGermanDate } from "../domain/dates";
import type { CellValue } from "../domain/dates";
import { SETTING_KEYS } from "../domain/settings";
import { emWidth, lineWords } from "../domain/calibri";
import { normalizeLabel, textOf } from "../domain/values";
import {
  type CellPlan,
  type PlanValue,
  type PrintPlan,
  type SheetPlan,
  type WorkbookPlan,
  isFormula,
} from "./sheet-plan";

/** The smallest scale in percent: 11 pt body text prints at 8.25 pt. */
export const MIN_SCALE = 75;
/** Body text of a workbook (Excel's default, Calibri 11). */
const BODY_PT = 11;
/** Header and footer text in points; Excel scales it with the sheet, so 11 × 75 % is still 8.25 pt. */
const HEADER_PT = 11;
/** Margins in inches: narrow sides, room above and below for header and footer. */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;
/** A4 landscape, 297 mm wide, in points, less the side margins. */
const PRINTABLE_WIDTH_PT = 841.89 - (MARGINS.left + MARGINS.right) * 72;

/** A column of `width` characters in points at 100 % (Excel: 7 px a character plus 5 px; LibreOffice a bit more). */
export const columnPoints = (width: number) => (7.5 * width + 5) * 0.75;

/**
 * Characters of ordinary text that fit in one line of a column of `width` characters. The column unit is
 * the width of a digit in Calibri; an average letter is narrower (about 1.2 fit, measured in LibreOffice
 * with Carlito), so one per unit errs on the side of one line too many. Bold text is wider.
 */
const charsPerLine = (width: number, bold: boolean) => Math.max(1, Math.floor(width * (bold ? 0.85 : 1)));

/** Column units one character of a long word takes. */
const WORD_CHAR = 1.05;

/** Room in a header cell for the filter button of a table. */
const FILTER_BUTTON = 3;

/**
 * The width (column units) a bold 11 pt heading needs so that none of its words breaks inside, measured in
 * Calibri: a unit is 7 px (a digit) at 96 dpi, a cell has about 2 px of margin, and one unit is kept in hand
 * for what Excel and LibreOffice draw differently. The heading wraps between words and after a hyphen
 * between words of three letters or more (`SMART-` / `vollständig`).
 */
export function headingWidth(text: string): number {
  const parts = lineWords(text).flatMap((w) => w.split(/(?<=\p{L}{3}-)(?=\p{L}{3})/u));
  const px = Math.max(0, ...parts.map((w) => emWidth(w, true))) * BODY_PT * (96 / 72);
  return Math.ceil((px + 2) / 7) + 1;
}

/** The width a table header needs so that its longest word is not broken: the header wraps between words. */
function headerWidth(sheet: SheetPlan, column: number): number {
  const t = sheet.table;
  const header = t ? t.headers[column - t.column] : undefined;
  if (!header) return 0;
  // A header without filter button is measured; beside a filter button the older estimate leaves its room.
  return t!.filterButtons === false ? headingWidth(header) : Math.ceil(longestWord(header) * 1.15) + FILTER_BUTTON;
}

const longestWord = (text: string) => text.split(/\s+/).reduce((max, w) => Math.max(max, w.length), 0);

/** The width the longest word among a column's values needs (up to 40), so that no word breaks inside. */
function valuesWidth(sheet: SheetPlan, column: number): number {
  const t = sheet.table;
  if (!t || column < t.column || column >= t.column + t.headers.length) return 0;
  const longest = t.rows.reduce((max, r) => Math.max(max, longestWord(displayText(r[column - t.column]))), 0);
  return Math.min(40, Math.ceil(longest * WORD_CHAR) + 1);
}

/** Lines a text takes when wrapped at word boundaries in a column of `width` characters. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const max = charsPerLine(width, bold);
  // A word alone on its line may fill it (columns are made as wide as their longest word, see valuesWidth).
  const longest = Math.max(max, Math.floor((width - 1) / WORD_CHAR));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (line > 0 && line + 1 + length <= max) {
        line += 1 + length;
        continue;
      }
      if (line > 0) lines++;
      // A word longer than a line breaks inside the word.
      lines += Math.floor(Math.max(length - 1, 0) / longest);
      line = length > longest ? length % longest || longest : length;
    }
  }
  return Math.max(lines, 1);
}

/** Row height in points for a number of lines of 11 pt text. */
const heightOf = (lines: number) => Math.round((lines * 15 + 2) * 10) / 10;

function displayText(value: PlanValue | CellValue | undefined): string {
  if (value === null || value === undefined || isFormula(value as PlanValue)) return "";
  // A date shows as TT.MM.JJJJ.
  if (value instanceof Date) return "00.00.0000";
  return String(value);
}

/** Heights of the rows that need more than one line: table rows (header included) and cells in wrapped columns. */
export function rowHeights(sheet: SheetPlan): { row: number; height: number }[] {
  const width = new Map(sheet.widths.map((w) => [w.column, w.width]));
  const wrapped = new Set(sheet.wrapColumns);
  const lines = new Map<number, number>();
  const note = (row: number, column: number, value: PlanValue | undefined, bold: boolean, size = BODY_PT) => {
    const w = width.get(column);
    if (!w || !wrapped.has(column)) return;
    const text = displayText(value);
    if (!text) return;
    const n = Math.ceil((wrappedLines(text, (w * BODY_PT) / size, bold) * size) / BODY_PT);
    lines.set(row, Math.max(lines.get(row) ?? 1, n));
  };
  const t = sheet.table;
  if (t) {
    t.headers.forEach((h, j) => {
      const w = width.get(t.column + j);
      if (w && wrapped.has(t.column + j) && h) {
        const button = t.filterButtons === false ? 0 : FILTER_BUTTON;
        const n = wrappedLines(h, Math.max(w - button, 1), true);
        lines.set(t.row, Math.max(lines.get(t.row) ?? 1, n));
      }
    });
    t.rows.forEach((values, i) => values.forEach((v, j) => note(t.row + 1 + i, t.column + j, v, false)));
  }
  for (const c of sheet.cells) if (c.wrap !== false) note(c.row, c.column, c.value, !!c.bold, c.size);
  return [...lines]
    .filter(([, n]) => n > 1)
    .sort(([a], [b]) => a - b)
    .map(([row, n]) => ({ row, height: heightOf(n) }));
}

/**
 * How a sheet prints: the widest scale (up to 100 %) that puts it on one page wide; where even
 * {@link MIN_SCALE} does not, the sheet runs over several pages wide at that scale and repeats its first
 * `keyColumns` columns (ID, Titel …) on each.
 */
export function printSetup(widths: number[], options: { headerRow: number; keyColumns: number }): PrintPlan {
  const total = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const fit = Math.floor((PRINTABLE_WIDTH_PT / Math.max(total, 1)) * 100);
  const scale = Math.max(MIN_SCALE, Math.min(100, fit));
  return {
    landscape: true,
    fitToWidth: false,
    scale,
    repeatHeaderRow: options.headerRow,
    ...(fit < MIN_SCALE && options.keyColumns > 0 ? { repeatColumns: { first: 1, last: options.keyColumns } } : {}),
    margins: { ...MARGINS },
    footer: footerText(),
  };
}

/**
 * Applies {@link printSetup} and the row heights to a sheet plan. Text wraps in `wrapColumns`, by
 * default in every column, so nothing is cut off at the edge of its cell.
 */
export function withPrintLayout(
  sheet: SheetPlan,
  options: { headerRow: number; keyColumns: number; wrapColumns?: number[] },
): SheetPlan {
  const headerWidths = sheet.widths.map((w) => ({
    ...w,
    width: Math.max(w.width, headerWidth(sheet, w.column), valuesWidth(sheet, w.column)),
  }));
  const widths = [...headerWidths].sort((a, b) => a.column - b.column).map((w) => w.width);
  const laidOut: SheetPlan = {
    ...sheet,
    widths: headerWidths,
    wrapColumns: options.wrapColumns ?? sheet.widths.map((w) => w.column),
    alignTop: true,
  };
  return { ...laidOut, rowHeights: rowHeights(laidOut), print: printSetup(widths, options) };
}

/** Printable height of a page in points (A4, less the top and bottom margins). */
function printableHeight(print: PrintPlan): number {
  const m = print.margins ?? MARGINS;
  return (print.landscape ? 595.28 : 841.89) - (m.top + m.bottom) * 72;
}

/** Default row height in points (Calibri 11). */
const ROW_PT = 15;
/** Room kept free on every page for what the estimate of the row heights misses. */
const PAGE_RESERVE = 0.92;

/**
 * Manual page breaks so that no block (rows `first`–`last`: a table, a heading with its figures and chart)
 * is split across pages: a block that does not fit on the rest of the page starts a new one. Heights are the
 * plan's row heights at the print scale; a block taller than a page starts a page and runs on.
 */
export function withBlockBreaks(sheet: SheetPlan, blocks: { first: number; last: number }[]): SheetPlan {
  if (!sheet.print) return sheet;
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  const height = (from: number, to: number) => {
    let sum = 0;
    for (let r = from; r <= to; r++) sum += heights.get(r) ?? ROW_PT;
    return sum;
  };
  const scale = (sheet.print.fitToWidth ? MIN_SCALE : (sheet.print.scale ?? 100)) / 100;
  const capacity = (printableHeight(sheet.print) / scale) * PAGE_RESERVE;
  const breaks: number[] = [];
  let used = 0;
  let next = 1;
  for (const block of [...blocks].sort((a, b) => a.first - b.first)) {
    const gap = height(next, block.first - 1);
    const own = height(block.first, block.last);
    if (used > 0 && used + gap + own > capacity) {
      breaks.push(block.first);
      used = own;
    } else used += gap + own;
    next = block.last + 1;
  }
  return { ...sheet, rowBreaks: breaks };
}

/** What the page header names: the Kommune and the concept; Stand is the date the sheet was made. */
export interface PageInfo {
  kommune: string;
  konzepttitel: string;
  /** The date of a generated report; without it the footer gives the date of printing. */
  stand?: IsoDate;
}

/** Text in a header/footer section: `&` is a code there, so a literal one is doubled. */
const literal = (text: string) => text.replace(/&/g, "&&");

function footerText(stand?: IsoDate): string {
  const date = stand ? literal(formatGermanDate(stand)) : "&D";
  return `&L&${HEADER_PT}Stand: ${date}&C&${HEADER_PT}&A&R&${HEADER_PT}Seite &P von &N`;
}

function headerText(info: PageInfo): string {
  return `&L&${HEADER_PT}${literal(info.kommune)}&R&${HEADER_PT}${literal(info.konzepttitel)}`;
}

/** The sheet with Kommune and Konzepttitel in its page header and the Stand in its footer. */
export function withPageInfo(sheet: SheetPlan, info: PageInfo): SheetPlan {
  if (!sheet.print || sheet.state !== "visible") return sheet;
  return { ...sheet, print: { ...sheet.print, header: headerText(info), footer: footerText(info.stand) } };
}

/** Every visible sheet of a workbook plan with the page header of {@link withPageInfo}. */
export function workbookWithPageInfo(plan: WorkbookPlan, info: PageInfo): WorkbookPlan {
  return { sheets: plan.sheets.map((sheet) => withPageInfo(sheet, info)) };
}

/** Kommune and Konzepttitel from rows of the Einstellungen table (`schluessel`, `wert`). */
export function pageInfoFromSettingRows(rows: Record<string, CellValue>[]): PageInfo {
  const value = (key: string) =>
    textOf(rows.find((r) => normalizeLabel(textOf(r["schluessel"] ?? null)) === normalizeLabel(key))?.["wert"] ?? null);
  return { kommune: value(SETTING_KEYS.kommune), konzepttitel: value(SETTING_KEYS.konzepttitel) };
}

/** The two lines a printed handout opens with: its title (14 pt, bold) and `Kommune · Stand TT.MM.JJJJ`. */
export function handoutTitle(title: string, info: { kommune: string; stichtag: IsoDate }): CellPlan[] {
  return [
    { row: 1, column: 1, value: title, bold: true, size: 14, wrap: false },
    {
      row: 2,
      column: 1,
      value: `${info.kommune ? `${info.kommune} · ` : ""}Stand ${formatGermanDate(info.stichtag)}`,
      wrap: false,
    },
  ];
}
