/**
 * The sheet Übersicht: per Handlungsfeld the measures by Status, overdue, SMART-complete, Sachkosten and VZÄ,
 * indicators by Ampel, the Bedarfe and how many a measure answers (when the sheet Bedarfe is there) and the
 * latest round's mean Gesamt, with native charts (measures by Status per
 * Handlungsfeld; each indicator's values against its Soll path). Counts and sums are COUNTIFS/SUMIFS over the
 * Maßnahmen table where Excel can compute them (every amount a number cell), so the sheet follows the table;
 * what needs the program's reading (overdue, SMART, Ampel, Gesamt) stands as the value of the day it was made.
 * Only functions Office LTSC 2021 and LibreOffice both compute: no XLOOKUP, LET, LAMBDA or dynamic arrays.
 */
import { type IsoDate, compareIso } from "../domain/dates";
import { STATUS_VALUES } from "../domain/model";
import { type Overview, type OverviewRow, overviewOf } from "../domain/overview";
import { INDICATOR_AMPELN, type ReportIndicator } from "../domain/report";
import { type CellPlan, type ChartPlan, NUMBER_FORMATS, type PlanValue, type SheetPlan } from "./plan";
import { withPageInfo, withPrintLayout } from "./print";
import { type FoundTable, type WorkbookSource, columnLetter } from "./read";
import { type MonitoringReader, readReportModel } from "./report-model";

export const OVERVIEW_SHEET = "Übersicht";
export const OVERVIEW_TABLE = "tblUebersicht";
const HEADER_ROW = 4;

const STATUS_COLOURS: Record<(typeof STATUS_VALUES)[number], string> = {
  geplant: "A6A6A6",
  "in Umsetzung": "0F6CBD",
  umgesetzt: "107C10",
  verstetigt: "5C2E91",
  zurückgestellt: "CA5010",
  verworfen: "605E5C",
};

export interface OverviewInput {
  overview: Overview;
  /** The indicators with their values, in Handlungsfeld order. */
  indicators: ReportIndicator[];
  /** Where Maßnahmen is, for the formulas. */
  massnahmen: FoundTable;
  /** Where Bedarfe is (the count of Bedarfe follows it); absent without the sheet. */
  bedarfe?: FoundTable;
  kommune: string;
  konzepttitel: string;
  stichtag: IsoDate;
}

const quote = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
/** A COUNTIFS/SUMIFS criterion that matches the text literally (`~` escapes Excel's wildcards). */
const literal = (text: string) => `"${text.replace(/[~*?]/g, "~$&").replace(/"/g, '""')}"`;
const germanDate = (iso: IsoDate) => iso.split("-").reverse().join(".");

export const NEEDS_HEADERS = ["Bedarfe", "beantwortet"] as const;

function headers(round: number | null, withNeeds: boolean): string[] {
  return [
    "Handlungsfeld",
    "Maßnahmen",
    ...STATUS_VALUES,
    "überfällig",
    "SMART-vollständig",
    "Sachkosten (EUR)",
    "Personal (VZÄ)",
    ...INDICATOR_AMPELN.map((a) => `Indikatoren ${a}`),
    ...(withNeeds ? NEEDS_HEADERS : []),
    round === null ? "Ø Gesamt" : `Ø Gesamt (Bewertung ${round})`,
  ];
}

/** Formulas over a column of Maßnahmen, restricted to one Handlungsfeld (its ID, or `ID – Name`). */
function formulas(t: FoundTable) {
  const col = (field: string) => {
    const c = t.columnIndex[field as never] as number | undefined;
    return c ? `${quote(t.sheet)}!$${columnLetter(c)}:$${columnLetter(c)}` : null;
  };
  const hf = col("handlungsfeld");
  // The ID alone, or the dropdown's `ID – Name` (the ID, a space, anything): `*` is the wildcard here.
  const both = (fn: string, head: string, tail: string, id: string) =>
    `${fn}(${head}${hf},${literal(id)}${tail})+${fn}(${head}${hf},${literal(id).slice(0, -1)} *"${tail})`;
  return {
    count(id: string, status?: string): string | null {
      const st = col("status");
      if (!hf || (status && !st)) return null;
      return both("COUNTIFS", "", status ? `,${st},${literal(status)}` : "", id);
    },
    sum(id: string, field: string): string | null {
      const values = col(field);
      return hf && values ? both("SUMIFS", `${values},`, "", id) : null;
    },
  };
}

/**
 * The Bedarfe of a Handlungsfeld count by formula over the sheet Bedarfe; which of them a measure answers
 * needs the program's reading of the ID lists and stands as a value.
 */
function needsValues(row: OverviewRow, bedarfe: ReturnType<typeof formulas> | null): PlanValue[] {
  if (!row.needs) return [];
  const count = bedarfe && row.id ? bedarfe.count(row.id) : null;
  return [count ? { formula: count } : row.needs.bedarfe, row.needs.answered];
}

function rowValues(
  row: OverviewRow,
  f: ReturnType<typeof formulas>,
  bedarfe: ReturnType<typeof formulas> | null,
): PlanValue[] {
  const formulaOr = (formula: string | null, value: number, usable = true): PlanValue =>
    formula && usable && row.id ? { formula } : value;
  return [
    row.label,
    formulaOr(f.count(row.id), row.measures),
    ...STATUS_VALUES.map((s) => formulaOr(f.count(row.id, s), row.byStatus[s])),
    row.overdue,
    row.smartComplete,
    formulaOr(f.sum(row.id, "sachkosten"), row.sachkosten.value, row.sachkosten.typed),
    formulaOr(f.sum(row.id, "personal"), row.personal.value, row.personal.typed),
    ...INDICATOR_AMPELN.map((a) => row.indicators[a]),
    ...needsValues(row, bedarfe),
    row.meanGesamt === null ? null : Math.round(row.meanGesamt * 100) / 100,
  ];
}

/** The points of an indicator's chart: its Stichtage with the values and the Soll path at each. */
export function indicatorPoints(
  indicator: ReportIndicator,
): { date: IsoDate; wert: number | null; soll: number | null }[] {
  const { basis, ziel } = indicator;
  const start = basis.jahr !== null ? `${basis.jahr}-12-31` : null;
  const end = ziel.jahr !== null ? `${ziel.jahr}-12-31` : null;
  const dates = new Set<IsoDate>(indicator.werte.map((w) => w.stichtag));
  if (start && basis.wert !== null) dates.add(start);
  if (end && ziel.wert !== null) dates.add(end);
  const day = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);
  const soll = (d: IsoDate): number | null => {
    if (!start || !end || basis.wert === null || ziel.wert === null || day(end) <= day(start)) return null;
    const share = Math.min(1, Math.max(0, (day(d) - day(start)) / (day(end) - day(start))));
    return Math.round((basis.wert + (ziel.wert - basis.wert) * share) * 100) / 100;
  };
  return [...dates].sort(compareIso).map((date) => {
    const measured = indicator.werte.filter((w) => w.stichtag === date).at(-1)?.wert ?? null;
    return { date, wert: measured ?? (date === start ? basis.wert : null), soll: soll(date) };
  });
}

function indicatorBlock(indicator: ReportIndicator, top: number): { cells: CellPlan[]; chart: ChartPlan } {
  const points = indicatorPoints(indicator);
  const yearsOnly = points.every((p) => p.date.endsWith("-12-31"));
  const label = (d: IsoDate) => (yearsOnly ? d.slice(0, 4) : germanDate(d));
  const unit = indicator.einheit ? ` (${indicator.einheit})` : "";
  const cells: CellPlan[] = [
    {
      row: top,
      column: 1,
      value: `${indicator.id} – ${indicator.name}${unit} · Ampel: ${indicator.ampel}`,
      bold: true,
    },
    { row: top + 1, column: 1, value: "Stichtag", bold: true },
    { row: top + 2, column: 1, value: "Wert", bold: true },
    { row: top + 3, column: 1, value: "Soll-Pfad", bold: true },
  ];
  points.forEach((p, i) => {
    cells.push({ row: top + 1, column: 2 + i, value: label(p.date) });
    cells.push({ row: top + 2, column: 2 + i, value: p.wert });
    cells.push({ row: top + 3, column: 2 + i, value: p.soll });
  });
  const last = columnLetter(1 + Math.max(points.length, 1));
  const words = points
    .map((p) => `${label(p.date)}: ${p.wert ?? "kein Wert"}${p.soll !== null ? `, Soll ${p.soll}` : ""}`)
    .join("; ");
  return {
    cells,
    chart: {
      kind: "line",
      title: `${indicator.id} – ${indicator.name}`,
      from: { row: top + 4, column: 1 },
      to: { row: top + 19, column: 9 },
      categories: `$B$${top + 1}:$${last}$${top + 1}`,
      series: [
        { name: "Wert", values: `$B$${top + 2}:$${last}$${top + 2}`, color: "0F6CBD" },
        { name: "Soll-Pfad", values: `$B$${top + 3}:$${last}$${top + 3}`, color: "605E5C", dashed: true },
      ],
      altText: `Liniendiagramm ${indicator.id} ${indicator.name}${unit}. ${words}.`,
    },
  };
}

export function planOverviewSheet(input: OverviewInput): SheetPlan {
  const { overview } = input;
  const f = formulas(input.massnahmen);
  const withNeeds = overview.rows.some((r) => r.needs !== null);
  const bedarfe = withNeeds && input.bedarfe ? formulas(input.bedarfe) : null;
  const head = headers(overview.round, withNeeds);
  const rows = overview.rows.map((r) => rowValues(r, f, bedarfe));
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(rows.length, 1);
  const total = last + 1;
  const cells: CellPlan[] = [
    { row: 1, column: 1, value: `Übersicht – ${input.konzepttitel || "Handlungskonzept"}`, bold: true, size: 14 },
    {
      row: 2,
      column: 1,
      value: `${input.kommune ? `${input.kommune} · ` : ""}Stand ${germanDate(input.stichtag)} · erzeugt vom Maßnahmenplaner; „uebersicht“ erzeugt das Blatt neu, bitte nicht von Hand ändern.`,
    },
    { row: total, column: 1, value: "Alle Handlungsfelder", bold: true },
  ];
  for (let c = 2; c < head.length; c++) {
    const l = columnLetter(c);
    cells.push({ row: total, column: c, value: { formula: `SUM(${l}${first}:${l}${last})` }, bold: true });
  }
  const meanColumn = columnLetter(head.length);
  cells.push({
    row: total,
    column: head.length,
    value: {
      formula: `IF(COUNT(${meanColumn}${first}:${meanColumn}${last})=0,"",AVERAGE(${meanColumn}${first}:${meanColumn}${last}))`,
    },
    bold: true,
    numFmt: "0.00",
  });
  const charts: ChartPlan[] = [
    {
      kind: "stackedBar",
      title: "Maßnahmen nach Status je Handlungsfeld",
      from: { row: total + 2, column: 1 },
      to: { row: total + 2 + Math.max(14, rows.length * 2 + 6), column: 10 },
      categories: `$A$${first}:$A$${last}`,
      series: STATUS_VALUES.map((s, i) => ({
        name: s,
        values: `$${columnLetter(3 + i)}$${first}:$${columnLetter(3 + i)}$${last}`,
        color: STATUS_COLOURS[s],
      })),
      altText: `Gestapelte Balken: Maßnahmen nach Status je Handlungsfeld. ${overview.rows
        .map((r) => `${r.label}: ${STATUS_VALUES.map((s) => `${r.byStatus[s]} ${s}`).join(", ")}`)
        .join("; ")}.`,
    },
  ];
  let top = charts[0]!.to.row + 2;
  const withValues = input.indicators.filter((i) => i.werte.length > 0);
  if (withValues.length)
    cells.push({ row: top, column: 1, value: "Indikatoren: Werte und Soll-Pfad", bold: true, size: 12 });
  top += 2;
  for (const indicator of withValues) {
    const block = indicatorBlock(indicator, top);
    cells.push(...block.cells);
    charts.push(block.chart);
    top += 22;
  }
  const widths = head.map((h, i) => ({
    column: i + 1,
    width: i === 0 ? 34 : Math.max(11, Math.min(16, h.length + 2)),
  }));
  const sheet: SheetPlan = {
    name: OVERVIEW_SHEET,
    state: "visible",
    tabColor: "FF0F6CBD",
    widths,
    formats: [
      { column: head.indexOf("Sachkosten (EUR)") + 1, numFmt: NUMBER_FORMATS.currency! },
      { column: head.indexOf("Personal (VZÄ)") + 1, numFmt: NUMBER_FORMATS.fte! },
      { column: head.length, numFmt: "0.00" },
    ],
    wrapColumns: [],
    frozen: { rows: HEADER_ROW, columns: 1 },
    table: {
      name: OVERVIEW_TABLE,
      row: HEADER_ROW,
      column: 1,
      headers: head,
      rows: rows.length ? rows : [head.map(() => null)],
      style: "TableStyleMedium2",
    },
    cells,
    validations: [],
    conditionalFormats: [],
    charts,
  };
  // Readable on A4 (text at least 8 pt): over several pages wide, the Handlungsfeld repeated on each.
  const laidOut = withPrintLayout(sheet, { headerRow: HEADER_ROW, keyColumns: 1 });
  return withPageInfo(laidOut, { kommune: input.kommune, konzepttitel: input.konzepttitel, stand: input.stichtag });
}

export interface OverviewOutcome {
  handlungsfelder: number;
  charts: number;
  indicatorsWithoutValues: number;
}

/** The plan of the sheet Übersicht for a workbook as read, and what it holds (CLI and pane alike). */
export function planOverview(
  source: WorkbookSource,
  options: { referenceDate?: IsoDate; today: IsoDate; monitoring?: MonitoringReader },
): { plan: SheetPlan; outcome: OverviewOutcome } {
  const { concept, check, model } = readReportModel(source, options);
  const indicators = model.fields.flatMap((f) => f.indicators);
  const plan = planOverviewSheet({
    overview: overviewOf(model, concept, check),
    indicators,
    massnahmen: concept.found.massnahmen!,
    ...(concept.found.bedarfe ? { bedarfe: concept.found.bedarfe } : {}),
    kommune: model.title.kommune,
    konzepttitel: model.title.konzepttitel,
    stichtag: model.title.stichtag,
  });
  const outcome = {
    handlungsfelder: model.fields.filter((f) => f.id !== "").length,
    charts: plan.charts?.length ?? 0,
    indicatorsWithoutValues: indicators.filter((i) => i.werte.length === 0).length,
  };
  return { plan, outcome };
}
