/**
 * The sheet `Zeitplan`: the Prozessplan as a month grid (docs/arbeitsmappe.md › Prozessplan). One row per step
 * with its ID and, by formula over tblProzessplan (INDEX/MATCH on the ID), Phase, Schritt, Gremium, Beginn,
 * Termin and Status; one column per month. Each month cell is a formula that is `◆` in the month of a Gremium
 * step's Termin, a space in the other months from Beginn to Termin and empty outside; conditional formats fill
 * the non-empty cells in the colour of the Status. So a Termin or Status changed in plain Excel moves the bar,
 * the ◆ and the colour. Only what Office LTSC 2021 and LibreOffice both compute: no XLOOKUP, LET or arrays.
 */
import { type IsoDate, dateFromIso, parseGermanDate } from "../../domain/dates";
import { PROZESS_STATUS_VALUES } from "../../domain/model";
import { type Prozessschritt, prozessschritte } from "../../domain/prozessplan";
import { readSettings } from "../../domain/settings";
import { tableSpec } from "../contract";
import { rowHeights, withPageInfo, withPrintLayout } from "../print";
import type { ProzessplanProblem } from "../prozessplanMessages";
import type { FoundTable, ReadConcept } from "../read";
import { type CellPlan, type ConditionalFormatPlan, DATE_FORMAT, type Formula, type SheetPlan } from "../sheet-plan";
import { columnLetter } from "../source";
import { quoteSheet } from "../formulas";
import { generatedSheet } from "./sheet";

/** Written by `zeitplan`, `fortschreiben` (where the old workbook had one) and „Zeitplan erzeugen“; never read back. */
export const ZEITPLAN_SHEET = generatedSheet({
  sheet: "Zeitplan",
  table: null,
  state: "visible",
  plan: planZeitplan,
  read: null,
});

/** The most months the grid shows; a longer plan keeps its latest months. */
export const MAX_MONTHS = 60;
/** Months shown when no step has a date yet: a year from the current month. */
const DEFAULT_MONTHS = 12;

const TITLE_ROW = 1;
const LEGEND_ROW = 2;
const MARK_ROW = 3;
const YEAR_ROW = 4;
export const ZEITPLAN_HEADER_ROW = 5;
const FIRST_ROW = ZEITPLAN_HEADER_ROW + 1;

/** The step columns, in order; the months follow. */
const STEP_COLUMNS = [
  { field: "id", header: "ID", width: 9 },
  { field: "phase", header: "Phase", width: 14 },
  { field: "schritt", header: "Schritt", width: 30 },
  { field: "gremium", header: "Gremium", width: 20 },
  { field: "beginn", header: "Beginn", width: 10.5 },
  { field: "termin", header: "Termin", width: 10.5 },
  { field: "status", header: "Status", width: 10.5 },
] as const;
const COL = { id: 1, phase: 2, schritt: 3, gremium: 4, beginn: 5, termin: 6, status: 7 } as const;
const FIRST_MONTH = STEP_COLUMNS.length + 1;
const MONTH_WIDTH = 5;

/** Bar colours by Status (ARGB); the Status also stands as a word in its column. */
export const STATUS_FILL: Record<(typeof PROZESS_STATUS_VALUES)[number], string> = {
  geplant: "FFBDD7EE",
  "in Arbeit": "FFFFD966",
  erledigt: "FFA9D08E",
  verschoben: "FFF4B183",
  entfallen: "FFD9D9D9",
};
/** A bar whose Status is empty or not in the list. */
const NO_STATUS_FILL = "FFE7E6E6";
const TODAY_HEADER = { fill: "FFC00000", font: "FFFFFFFF" };
const TODAY_COLUMN = "FFFDE9E7";

/** The month names of the header, German whatever the language of Excel or LibreOffice. */
const MONTH_FORMAT = "[$-407]mmm";

export const ZEITPLAN_NOTE =
  "Der Maßnahmenplaner erzeugt dieses Blatt neu (Befehl „zeitplan“ oder im Aufgabenbereich „Zeitplan erzeugen“); " +
  "Änderungen von Hand gehen dabei verloren. Termine, Status und Texte folgen dem Blatt „Prozessplan“ sofort; " +
  "ein neuer Schritt erscheint, wenn der Zeitplan neu erzeugt wird.";

export interface ZeitplanOutcome {
  steps: number;
  /** First days of the first and the last month shown. */
  from: IsoDate;
  to: IsoDate;
  months: number;
  /** Months before `from` that the plan spans but the grid leaves out (over 60 months). */
  cut: number;
  /** No step had a date: the grid shows a year from the current month. */
  undated: boolean;
  /** Steps whose Beginn or Termin is text (`08/2022`): their bar keeps the date read now, until regenerated. */
  textDates: string[];
}

export type ZeitplanPlan = { plan: SheetPlan; outcome: ZeitplanOutcome } | { problem: ProzessplanProblem };

const monthIndex = (iso: IsoDate) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthStart = (index: number): IsoDate =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;

/** The months the grid shows: from the earliest Beginn or Termin to the latest Termin, at most 60 (the latest). */
export function zeitplanMonths(
  steps: readonly Prozessschritt[],
  today: IsoDate,
): { first: number; last: number; cut: number; undated: boolean } {
  const starts = steps.flatMap((s) => [s.beginn, s.termin]).filter((d): d is IsoDate => d !== null);
  const ends = steps.flatMap((s) => (s.termin ? [s.termin] : []));
  if (starts.length === 0) {
    const first = monthIndex(today);
    return { first, last: first + DEFAULT_MONTHS - 1, cut: 0, undated: true };
  }
  const earliest = Math.min(...starts.map(monthIndex));
  const last = Math.max(...(ends.length ? ends : starts).map(monthIndex), earliest);
  const first = Math.max(earliest, last - MAX_MONTHS + 1);
  return { first, last, cut: first - earliest, undated: false };
}

/** A date as a formula, whatever date system the workbook uses (1900 or 1904). */
const dateFormula = (iso: IsoDate) =>
  `DATE(${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))})`;
const text = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The formulas that read a step's cells from tblProzessplan by its ID (in column A of the same row). */
function lookups(table: FoundTable) {
  const column = (field: string) => {
    const c = table.columnIndex[field as never] as number | undefined;
    return c ? `${quoteSheet(table.sheet)}!$${columnLetter(c)}:$${columnLetter(c)}` : null;
  };
  const ids = column("id")!;
  const cell = (field: string, row: number) => {
    const c = column(field);
    return c ? `INDEX(${c},MATCH($A${row},${ids},0))` : null;
  };
  return {
    /** The cell's text; "" when it is empty, the step is gone or the column missing. */
    text(field: string, row: number): Formula | string {
      const c = cell(field, row);
      return c ? { formula: `IFERROR(${c}&"","")` } : "";
    },
    /**
     * The cell's date while it holds one (a date cell is a number); `fallback`, the date the program read from
     * a text such as `08/2022`, while it holds text; "" when it is empty or the step is gone.
     */
    date(field: string, row: number, fallback: IsoDate | null): Formula | string {
      const c = cell(field, row);
      if (!c) return fallback ? { formula: dateFormula(fallback) } : "";
      const other = fallback ? dateFormula(fallback) : '""';
      return { formula: `IFERROR(IF(N(${c})>0,${c},${other}),"")` };
    },
  };
}

/** The month cell: ◆ in a Gremium step's Termin month, a space in the bar from Beginn to Termin, else empty. */
function monthFormula(column: number, row: number): string {
  const month = `${columnLetter(column)}$${ZEITPLAN_HEADER_ROW}`;
  const m = `(YEAR(${month})*12+MONTH(${month}))`;
  const b = `$${columnLetter(COL.beginn)}${row}`;
  const t = `$${columnLetter(COL.termin)}${row}`;
  const g = `$${columnLetter(COL.gremium)}${row}`;
  const end = `(YEAR(${t})*12+MONTH(${t}))`;
  const start = `IF(N(${b})>0,YEAR(${b})*12+MONTH(${b}),${end})`;
  return `IF(N(${t})=0,"",IF(OR(${m}=${end},AND(${m}>=${start},${m}<=${end})),IF(AND(${m}=${end},${g}<>""),"◆"," "),""))`;
}

/** A text column as wide as its longest word (so that no word breaks inside), at least its default, at most 30. */
function stepColumnWidth(c: (typeof STEP_COLUMNS)[number], steps: Prozessschritt[]): number {
  if (c.field !== "phase" && c.field !== "schritt" && c.field !== "gremium") return c.width;
  const longest = Math.max(0, ...steps.flatMap((s) => s[c.field].split(/\s+/).map((w) => w.length)));
  return Math.max(c.width, Math.min(30, Math.ceil(longest * 1.05) + 1));
}

/** Whether a step's cell holds text that reads as a date (its bar keeps that reading until regenerated). */
function textDate(table: FoundTable, step: Prozessschritt, field: "beginn" | "termin"): boolean {
  const raw = table.rows.find((r) => r.row === step.row)?.values[field];
  return typeof raw === "string" && parseGermanDate(raw).kind === "date";
}

function stepCells(table: FoundTable, steps: Prozessschritt[], months: number): CellPlan[] {
  const look = lookups(table);
  const cells: CellPlan[] = [];
  steps.forEach((step, i) => {
    const r = FIRST_ROW + i;
    const beginn = textDate(table, step, "beginn") ? step.beginn : null;
    const termin = textDate(table, step, "termin") ? step.termin : null;
    cells.push(
      { row: r, column: COL.id, value: step.id },
      { row: r, column: COL.phase, value: look.text("phase", r) },
      { row: r, column: COL.schritt, value: look.text("schritt", r) },
      { row: r, column: COL.gremium, value: look.text("gremium", r) },
      { row: r, column: COL.beginn, value: look.date("beginn", r, beginn) },
      { row: r, column: COL.termin, value: look.date("termin", r, termin) },
      { row: r, column: COL.status, value: look.text("status", r) },
    );
    for (let m = 0; m < months; m++) {
      const c = FIRST_MONTH + m;
      cells.push({ row: r, column: c, value: { formula: monthFormula(c, r) }, center: true });
    }
  });
  return cells;
}

/** Title, legend, the current month's mark, years and the header. */
function headCells(title: string, first: number, months: number): CellPlan[] {
  const cells: CellPlan[] = [
    { row: TITLE_ROW, column: 1, value: title, bold: true, size: 14, wrap: false },
    { row: LEGEND_ROW, column: 1, value: "Status:", bold: true },
    ...PROZESS_STATUS_VALUES.map((s, i) => ({ row: LEGEND_ROW, column: 2 + i, value: s, center: true })),
    // In the step columns, which every printed page repeats: never cut off at a page's edge.
    { row: MARK_ROW, column: 1, value: "Zeichen:", bold: true },
    {
      row: MARK_ROW,
      column: COL.phase,
      value: "Balken von Beginn bis Termin · ◆ Sitzung eines Gremiums am Termin · ▼ aktueller Monat",
      wrap: false,
    },
    ...STEP_COLUMNS.map((c, i) => ({ row: ZEITPLAN_HEADER_ROW, column: i + 1, value: c.header, bold: true })),
  ];
  for (let m = 0; m < months; m++) {
    const column = FIRST_MONTH + m;
    const start = monthStart(first + m);
    const header = `${columnLetter(column)}$${ZEITPLAN_HEADER_ROW}`;
    cells.push(
      {
        row: MARK_ROW,
        column,
        value: { formula: `IF(AND(YEAR(${header})=YEAR(TODAY()),MONTH(${header})=MONTH(TODAY())),"▼","")` },
        center: true,
      },
      { row: YEAR_ROW, column, value: start.slice(0, 4), center: true },
      { row: ZEITPLAN_HEADER_ROW, column, value: dateFromIso(start), bold: true, center: true, numFmt: MONTH_FORMAT },
    );
  }
  return cells;
}

/** Bars by Status, the Status column and legend in the same colours, the current month. */
function conditionalFormats(lastRow: number, months: number): ConditionalFormatPlan[] {
  const L = columnLetter;
  const firstMonth = L(FIRST_MONTH);
  const lastMonth = L(FIRST_MONTH + months - 1);
  const bars = `${firstMonth}${FIRST_ROW}:${lastMonth}${lastRow}`;
  const status = `$${L(COL.status)}${FIRST_ROW}`;
  const statusRange = `${L(COL.status)}${FIRST_ROW}:${L(COL.status)}${lastRow}`;
  const legend = `B${LEGEND_ROW}:${L(1 + PROZESS_STATUS_VALUES.length)}${LEGEND_ROW}`;
  const cell = `${firstMonth}${FIRST_ROW}`;
  const today = (ref: string) => `AND(YEAR(${ref})=YEAR(TODAY()),MONTH(${ref})=MONTH(TODAY()))`;
  return [
    ...PROZESS_STATUS_VALUES.map((s) => ({
      range: bars,
      formula: `AND(${cell}<>"",${status}=${text(s)})`,
      fill: STATUS_FILL[s],
    })),
    { range: bars, formula: `${cell}<>""`, fill: NO_STATUS_FILL },
    { range: bars, formula: today(`${firstMonth}$${ZEITPLAN_HEADER_ROW}`), fill: TODAY_COLUMN },
    {
      range: `${firstMonth}${MARK_ROW}:${lastMonth}${ZEITPLAN_HEADER_ROW}`,
      formula: today(`${firstMonth}$${ZEITPLAN_HEADER_ROW}`),
      ...TODAY_HEADER,
    },
    ...PROZESS_STATUS_VALUES.map((s) => ({
      range: statusRange,
      formula: `${status}=${text(s)}`,
      fill: STATUS_FILL[s],
    })),
    ...PROZESS_STATUS_VALUES.map((s) => ({
      range: legend,
      formula: `B${LEGEND_ROW}=${text(s)}`,
      fill: STATUS_FILL[s],
    })),
  ];
}

/**
 * Row heights from what the formulas show now (the texts the program read): Schritt, Phase and Gremium wrap
 * in their columns, and a row is as tall as its longest text needs.
 */
function heightsOf(sheet: SheetPlan, steps: Prozessschritt[]): SheetPlan["rowHeights"] {
  const shown: CellPlan[] = steps.flatMap((s, i) => [
    { row: FIRST_ROW + i, column: COL.phase, value: s.phase },
    { row: FIRST_ROW + i, column: COL.schritt, value: s.schritt },
    { row: FIRST_ROW + i, column: COL.gremium, value: s.gremium },
  ]);
  return rowHeights({ ...sheet, cells: [...sheet.cells.filter((c) => c.row < FIRST_ROW), ...shown] });
}

/** Plans the sheet Zeitplan from a workbook as read; a sentence instead where there is nothing to plan. */
export function planZeitplan(concept: ReadConcept, today: IsoDate, stand?: IsoDate): ZeitplanPlan {
  const table = concept.found.prozessplan;
  const sheetName = tableSpec("prozessplan").sheet;
  if (!table) return { problem: { code: "ZEITPLAN_OHNE_PROZESSPLAN", blatt: sheetName } };
  if (table.columnIndex["id"] === undefined)
    return { problem: { code: "ZEITPLAN_OHNE_ID_SPALTE", blatt: table.sheet } };
  const steps = prozessschritte(table);
  if (steps.length === 0) return { problem: { code: "ZEITPLAN_OHNE_SCHRITTE", blatt: table.sheet } };
  const { first, last, cut, undated } = zeitplanMonths(steps, today);
  const months = last - first + 1;
  const { settings } = readSettings(concept);
  const lastRow = FIRST_ROW + steps.length - 1;
  const title = settings.konzepttitel ? `Zeitplan: ${settings.konzepttitel}` : "Zeitplan";
  const sheet: SheetPlan = {
    name: ZEITPLAN_SHEET.sheet,
    state: ZEITPLAN_SHEET.state,
    tabColor: "FF5C2E91",
    widths: [
      ...STEP_COLUMNS.map((c, i) => ({ column: i + 1, width: stepColumnWidth(c, steps) })),
      ...Array.from({ length: months }, (_, m) => ({ column: FIRST_MONTH + m, width: MONTH_WIDTH })),
    ],
    formats: [
      { column: COL.beginn, numFmt: DATE_FORMAT },
      { column: COL.termin, numFmt: DATE_FORMAT },
    ],
    wrapColumns: [],
    frozen: { rows: ZEITPLAN_HEADER_ROW, columns: STEP_COLUMNS.length },
    cells: [...headCells(title, first, months), ...stepCells(table, steps, months)],
    validations: [],
    conditionalFormats: conditionalFormats(lastRow, months),
    notes: [{ row: TITLE_ROW, column: 1, text: ZEITPLAN_NOTE }],
  };
  const laidOut = withPrintLayout(sheet, {
    headerRow: ZEITPLAN_HEADER_ROW,
    keyColumns: STEP_COLUMNS.length,
    wrapColumns: [COL.phase, COL.schritt, COL.gremium],
  });
  const plan = withPageInfo(
    {
      ...laidOut,
      rowHeights: heightsOf(laidOut, steps),
      // The mark of the current month and the years print above the months on every page.
      print: { ...laidOut.print!, repeatFromRow: MARK_ROW },
    },
    { kommune: settings.kommune, konzepttitel: settings.konzepttitel, stand },
  );
  const textDates = steps.filter((s) => textDate(table, s, "beginn") || textDate(table, s, "termin")).map((s) => s.id);
  return {
    plan,
    outcome: {
      steps: steps.length,
      from: monthStart(first),
      to: monthStart(last),
      months,
      cut,
      undated,
      textDates,
    },
  };
}
