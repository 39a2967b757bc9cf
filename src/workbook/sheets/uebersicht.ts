/**
 * The sheet Übersicht: per Handlungsfeld the measures by Status, overdue, SMART-complete, Sachkosten and VZÄ,
 * indicators by Ampel, the Bedarfe and how many a measure answers (when the sheet Bedarfe is there) and the
 * latest round's mean Gesamt, with native charts (measures by Status per
 * Handlungsfeld; each indicator's values against its Soll path). Counts and sums are COUNTIFS/SUMIFS over the
 * Maßnahmen table where Excel can compute them (every amount a number cell), so the sheet follows the table;
 * what needs the program's reading (overdue, SMART, Ampel, Gesamt) stands as the value of the day it was made.
 * Only functions Office LTSC 2021 and LibreOffice both compute: no XLOOKUP, LET, LAMBDA or dynamic arrays.
 */
import { type IsoDate, compareIso, dateFromIso } from "../../domain/dates";
import { STATUS_VALUES } from "../../domain/model";
import { type Overview, type OverviewRow, overviewOf } from "../../domain/overview";
import { INDICATOR_AMPELN, type ReportIndicator } from "../../domain/report";
import { literalCriterion, quoteSheet } from "../formulas";
import { handoutTitle, headingWidth, withBlockBreaks, withPageInfo, withPrintLayout } from "../print";
import type { FoundTable } from "../read";
import { type MonitoringReader, readReportModel } from "../report-model";
import {
  type CellPlan,
  type ChartPlan,
  DATE_FORMAT,
  NUMBER_FORMATS,
  type PlanValue,
  type SheetPlan,
} from "../sheet-plan";
import { type WorkbookSource, columnLetter } from "../source";
import { isForeignKennzahlen, planKennzahlen } from "./kennzahlen";
import { generatedSheet } from "./sheet";

/** Written by `uebersicht` and the pane's „Übersicht erzeugen“; never read back. */
export const OVERVIEW_SHEET = generatedSheet({
  sheet: "Übersicht",
  table: "tblUebersicht",
  state: "visible",
  plan: planOverview,
  read: null,
});
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

const germanDate = (iso: IsoDate) => iso.split("-").reverse().join(".");

export const NEEDS_HEADERS = ["Bedarfe", "beantwortet"] as const;
export const INDICATOR_HEADERS = INDICATOR_AMPELN.map((a) => `Indikatoren ${a}`);

/** What the sheet says about itself: in a cell note on its title, never on paper. */
export const OVERVIEW_NOTE =
  "Der Maßnahmenplaner erzeugt dieses Blatt neu (Befehl „uebersicht“ oder im Aufgabenbereich „Übersicht erzeugen“); " +
  "Änderungen von Hand gehen dabei verloren.";

/** Rows of an indicator chart; two blocks of heading, figures and chart fit on an A4 page across. */
const CHART_ROWS = 13;

/** The figures of the measures per Handlungsfeld: the Excel table, one printed page wide. */
function measureHeaders(): string[] {
  return [
    "Handlungsfeld",
    "Maßnahmen",
    ...STATUS_VALUES,
    "überfällig",
    "SMART-vollständig",
    "Sachkosten (EUR)",
    "Personal (VZÄ)",
  ];
}

/** The figures of indicators, needs and the round per Handlungsfeld, below the table. */
function secondHeaders(round: number | null, withNeeds: boolean): string[] {
  return [
    "Handlungsfeld",
    ...INDICATOR_HEADERS,
    ...(withNeeds ? NEEDS_HEADERS : []),
    round === null ? "Ø Gesamt" : `Ø Gesamt (Bewertung ${round})`,
  ];
}

/** Formulas over a column of Maßnahmen, restricted to one Handlungsfeld (its ID, or `ID – Name`). */
function formulas(t: FoundTable) {
  const col = (field: string) => {
    const c = t.columnIndex[field as never] as number | undefined;
    return c ? `${quoteSheet(t.sheet)}!$${columnLetter(c)}:$${columnLetter(c)}` : null;
  };
  const hf = col("handlungsfeld");
  const st = col("status");
  // The ID alone, or the dropdown's `ID – Name` (the ID, a space, anything): `*` is the wildcard here.
  const both = (fn: string, head: string, tail: string, id: string) =>
    `${fn}(${head}${hf},${literalCriterion(id)}${tail})+${fn}(${head}${hf},${literalCriterion(id).slice(0, -1)} *"${tail})`;
  return {
    count(id: string, status?: string): string | null {
      if (!hf || (status && !st)) return null;
      return both("COUNTIFS", "", status ? `,${st},${literalCriterion(status)}` : "", id);
    },
    /** A sum over the measures not verworfen (they cost nothing, as in the Sachstandsbericht). */
    sum(id: string, field: string): string | null {
      const values = col(field);
      return hf && values ? both("SUMIFS", `${values},`, st ? `,${st},"<>verworfen"` : "", id) : null;
    },
  };
}

type Formulas = ReturnType<typeof formulas>;

/**
 * The Bedarfe of a Handlungsfeld count by formula over the sheet Bedarfe; which of them a measure answers
 * needs the program's reading of the ID lists and stands as a value.
 */
function needsValues(row: OverviewRow, bedarfe: Formulas | null): PlanValue[] {
  if (!row.needs) return [];
  const count = bedarfe && row.id ? bedarfe.count(row.id) : null;
  return [count ? { formula: count } : row.needs.bedarfe, row.needs.answered];
}

function measureValues(row: OverviewRow, f: Formulas): PlanValue[] {
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
  ];
}

function secondValues(row: OverviewRow, bedarfe: Formulas | null): PlanValue[] {
  return [
    row.label,
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

/**
 * An indicator's block: heading, the Stichtage (dates) with values and Soll path, and a line chart over a
 * date axis, so the points stand as far apart as their dates.
 */
function indicatorBlock(indicator: ReportIndicator, top: number): { cells: CellPlan[]; chart: ChartPlan } {
  const points = indicatorPoints(indicator);
  const yearsOnly = points.every((p) => p.date.endsWith("-12-31"));
  const unit = indicator.einheit ? ` (${indicator.einheit})` : "";
  const cells: CellPlan[] = [
    {
      row: top,
      column: 1,
      value: `${indicator.id} – ${indicator.name}${unit} · Ampel: ${indicator.ampel}`,
      bold: true,
      wrap: false,
    },
    { row: top + 1, column: 1, value: "Stichtag", bold: true },
    { row: top + 2, column: 1, value: "Wert", bold: true },
    { row: top + 3, column: 1, value: "Soll-Pfad", bold: true },
  ];
  points.forEach((p, i) => {
    cells.push({
      row: top + 1,
      column: 2 + i,
      value: dateFromIso(p.date),
      numFmt: DATE_FORMAT,
      bold: true,
      right: true,
    });
    cells.push({ row: top + 2, column: 2 + i, value: p.wert });
    cells.push({ row: top + 3, column: 2 + i, value: p.soll });
  });
  const last = columnLetter(1 + Math.max(points.length, 1));
  const words = points
    .map((p) => `${germanDate(p.date)}: ${p.wert ?? "kein Wert"}${p.soll !== null ? `, Soll ${p.soll}` : ""}`)
    .join("; ");
  return {
    cells,
    chart: {
      kind: "line",
      title: `${indicator.id} – ${indicator.name}`,
      from: { row: top + 4, column: 1 },
      to: { row: top + 4 + CHART_ROWS, column: 8 },
      categories: `$B$${top + 1}:$${last}$${top + 1}`,
      categoryAxis: "date",
      dateFormat: yearsOnly ? "yyyy" : DATE_FORMAT,
      series: [
        { name: "Wert", values: `$B$${top + 2}:$${last}$${top + 2}`, color: "0F6CBD" },
        { name: "Soll-Pfad", values: `$B$${top + 3}:$${last}$${top + 3}`, color: "605E5C", dashed: true },
      ],
      altText: `Liniendiagramm ${indicator.id} ${indicator.name}${unit}. ${words}.`,
    },
  };
}

/** A whole step for a count axis up to `max`: 1, 2, 5, 10, 20 … with at most ten steps. */
export function countStep(max: number): number {
  for (let power = 1; ; power *= 10) {
    for (const step of [1, 2, 5]) if (max / (step * power) <= 10) return step * power;
  }
}

function statusChart(overview: Overview, first: number, last: number, top: number): ChartPlan {
  const most = Math.max(1, ...overview.rows.map((r) => r.measures));
  return {
    kind: "stackedBar",
    title: "Maßnahmen nach Status je Handlungsfeld",
    from: { row: top, column: 1 },
    to: { row: top + Math.max(14, overview.rows.length * 2 + 6), column: 9 },
    categories: `$A$${first}:$A$${last}`,
    series: STATUS_VALUES.map((s, i) => ({
      name: s,
      values: `$${columnLetter(3 + i)}$${first}:$${columnLetter(3 + i)}$${last}`,
      color: STATUS_COLOURS[s],
    })),
    valueAxis: { min: 0, majorUnit: countStep(most), numFmt: "0" },
    altText: `Gestapelte Balken: Maßnahmen nach Status je Handlungsfeld. ${overview.rows
      .map((r) => `${r.label}: ${STATUS_VALUES.map((s) => `${r.byStatus[s]} ${s}`).join(", ")}`)
      .join("; ")}.`,
  };
}

/** The cells of the second block (indicators, needs, round) from row `top`, with its sums; its last row. */
function secondBlock(
  overview: Overview,
  head: string[],
  bedarfe: Formulas | null,
  top: number,
): { cells: CellPlan[]; last: number } {
  const rows = overview.rows.map((r) => secondValues(r, bedarfe));
  const mean = head.length - 1;
  const cells: CellPlan[] = head.map((h, i) => ({ row: top, column: i + 1, value: h, bold: true, right: i > 0 }));
  rows.forEach((values, i) =>
    values.forEach((value, j) =>
      cells.push({ row: top + 1 + i, column: j + 1, value, ...(j === mean ? { numFmt: "0.00" } : {}) }),
    ),
  );
  const first = top + 1;
  const last = top + Math.max(rows.length, 1);
  const total = last + 1;
  cells.push({ row: total, column: 1, value: "Alle Handlungsfelder", bold: true });
  for (let c = 2; c <= head.length; c++) {
    const range = `${columnLetter(c)}${first}:${columnLetter(c)}${last}`;
    const formula = c - 1 === mean ? `IF(COUNT(${range})=0,"",AVERAGE(${range}))` : `SUM(${range})`;
    cells.push({
      row: total,
      column: c,
      value: { formula },
      bold: true,
      ...(c - 1 === mean ? { numFmt: "0.00" } : {}),
    });
  }
  return { cells, last: total };
}

/**
 * The sheet, printed as a committee handout (A4 across): the figures per Handlungsfeld on one page width in
 * two blocks (measures, then indicators, needs and round), the Status chart, and each indicator's block of
 * heading, figures and chart kept on one page; nothing on paper that is meant for the tool.
 */
export function planOverviewSheet(input: OverviewInput): SheetPlan {
  const { overview } = input;
  const f = formulas(input.massnahmen);
  const withNeeds = overview.rows.some((r) => r.needs !== null);
  const bedarfe = withNeeds && input.bedarfe ? formulas(input.bedarfe) : null;
  const head = measureHeaders();
  const rows = overview.rows.map((r) => measureValues(r, f));
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + Math.max(rows.length, 1);
  const total = last + 1;
  const cells: CellPlan[] = [
    ...handoutTitle(`Übersicht – ${input.konzepttitel || "Handlungskonzept"}`, input),
    { row: total, column: 1, value: "Alle Handlungsfelder", bold: true },
  ];
  for (let c = 2; c <= head.length; c++) {
    const l = columnLetter(c);
    cells.push({ row: total, column: c, value: { formula: `SUM(${l}${first}:${l}${last})` }, bold: true });
  }
  const second = secondHeaders(overview.round, withNeeds);
  const block = secondBlock(overview, second, bedarfe, total + 2);
  cells.push(...block.cells);
  const charts: ChartPlan[] = [statusChart(overview, first, last, block.last + 2)];
  // The Status chart's block begins with the empty row above it: a break right at the chart's top edge would
  // print that edge at the foot of the page before.
  const blocks = [
    { first: 1, last: block.last },
    { first: charts[0]!.from.row - 1, last: charts[0]!.to.row - 1 },
  ];
  let top = charts[0]!.to.row + 1;
  const withValues = input.indicators.filter((i) => i.werte.length > 0);
  withValues.forEach((indicator, i) => {
    const heading =
      i === 0
        ? [
            {
              row: top,
              column: 1,
              value: "Indikatoren: Werte und Soll-Pfad",
              bold: true,
              size: 12,
              wrap: false as const,
            },
          ]
        : [];
    const at = top + heading.length;
    const b = indicatorBlock(indicator, at);
    cells.push(...heading, ...b.cells);
    charts.push(b.chart);
    blocks.push({ first: top, last: b.chart.to.row - 1 });
    top = b.chart.to.row + 1;
  });
  // Each column as wide as the longest word of its headers in either block (the headers wrap between words);
  // the Handlungsfeld wide enough for its names on one line (up to 34), the Sachkosten for six-figure sums.
  const labels = Math.min(34, Math.max(20, ...overview.rows.map((r) => r.label.length + 2)));
  const base = (h: string) => (h === "Handlungsfeld" ? labels : h === "Sachkosten (EUR)" ? 14 : 8);
  const widths = head.map((h, i) => ({
    column: i + 1,
    width: Math.max(base(h), second[i] ? headingWidth(second[i]!) : 0),
  }));
  const numeric = head.map((_, i) => i).filter((i) => i > 0);
  const sheet: SheetPlan = {
    name: OVERVIEW_SHEET.sheet,
    state: OVERVIEW_SHEET.state,
    tabColor: "FF0F6CBD",
    widths,
    formats: [
      { column: head.indexOf("Sachkosten (EUR)") + 1, numFmt: NUMBER_FORMATS.currency! },
      { column: head.indexOf("Personal (VZÄ)") + 1, numFmt: NUMBER_FORMATS.fte! },
    ],
    wrapColumns: [],
    frozen: { rows: 0, columns: 0 },
    table: {
      name: OVERVIEW_SHEET.table,
      row: HEADER_ROW,
      column: 1,
      headers: head,
      rows: rows.length ? rows : [head.map(() => null)],
      style: "TableStyleMedium2",
      numeric,
      filterButtons: false,
    },
    cells,
    validations: [],
    conditionalFormats: [],
    notes: [{ row: 1, column: 1, text: OVERVIEW_NOTE }],
    charts,
  };
  // One page wide at 8 pt or more; no header row repeated (the pages after the first hold charts).
  const laidOut = withPrintLayout(sheet, { headerRow: 0, keyColumns: 0 });
  const paged = withBlockBreaks(laidOut, blocks);
  return withPageInfo(paged, { kommune: input.kommune, konzepttitel: input.konzepttitel, stand: input.stichtag });
}

export interface OverviewOutcome {
  handlungsfelder: number;
  charts: number;
  indicatorsWithoutValues: number;
  /** Basisindikatoren on the sheet Kennzahlen (0: no such sheet made). */
  kennzahlen: number;
  /** A sheet Kennzahlen of the user's own stands where the program's would go: it is left alone. */
  kennzahlenBlocked: boolean;
}

/** The plan of the sheet Übersicht for a workbook as read, and what it holds (CLI and pane alike). */
export function planOverview(
  source: WorkbookSource,
  options: { referenceDate?: IsoDate; today: IsoDate; monitoring?: MonitoringReader },
): { plan: SheetPlan; outcome: OverviewOutcome; kennzahlen: SheetPlan | null } {
  const { concept, check, model } = readReportModel(source, options);
  // A sheet of that name the program did not make (its title) is the user's: never replaced.
  const blocked = isForeignKennzahlen(source);
  const kennzahlen = blocked ? null : planKennzahlen(concept, check.referenceDate);
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
    kennzahlen: kennzahlen?.blocks.length ?? 0,
    kennzahlenBlocked: blocked && planKennzahlen(concept, check.referenceDate) !== null,
  };
  return { plan, outcome, kennzahlen: kennzahlen?.plan ?? null };
}
