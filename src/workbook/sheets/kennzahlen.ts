/**
 * The generated sheet Kennzahlen (docs/arbeitsmappe.md, Integrationsmonitoring): per Basisindikator a block
 * — name, Einheit, Quelle; the Gebiete × the last five Stichtage with the change; a native line chart of
 * the own area against the comparison areas over a date axis — printed on A4 across with no block split.
 *
 * A number stored in one row of Indikatorwerte is a SUMIFS over that table (Indikator, Stichtag, Gebiet,
 * Gruppe insgesamt; the own area counted with and without its key, an ID alone and in its `ID – Name`
 * form), so the sheet follows the table in plain Excel; a computed or marked value, or one whose cells a
 * formula cannot match (a date as text, two rows), stands as the value of the day. A marked cell shows its
 * marker. Only functions Office LTSC 2021 and LibreOffice both compute.
 */
import type { CellValue, IsoDate } from "../../domain/dates";
import { dateFromIso, formatGermanDate } from "../../domain/dates";
import { MonitoringData, type MonitoringValue } from "../../domain/monitoringData";
import { type KennzahlenBlock, type KennzahlenZeile, ALLGEMEINES_KAPITEL, kennzahlenOf } from "../../domain/kennzahlen";
import { readSettings } from "../../domain/settings";
import { isBlank } from "../../domain/values";
import { labelledCriterion, literalCriterion, quoteSheet } from "../formulas";
import { handoutTitle, withBlockBreaks, withPageInfo, withPrintLayout } from "../print";
import type { FoundTable, ReadConcept } from "../read";
import { type CellPlan, type ChartPlan, DATE_FORMAT, type PlanValue, type SheetPlan } from "../sheet-plan";
import { type WorkbookSource, columnLetter } from "../source";
import { generatedSheet } from "./sheet";

/**
 * Written by `uebersicht` and the pane's „Übersicht erzeugen“ beside the Übersicht when Basisindikatoren have
 * values; never read back. No Excel table: each block has its own Stichtage as columns, so one table cannot
 * hold them.
 */
export const KENNZAHLEN = generatedSheet({
  sheet: "Kennzahlen",
  table: null,
  state: "visible",
  plan: planKennzahlen,
  read: null,
});

export const KENNZAHLEN_NOTE =
  "Der Maßnahmenplaner erzeugt dieses Blatt neu (Befehl „uebersicht“ oder im Aufgabenbereich „Übersicht erzeugen“); " +
  "Änderungen von Hand gehen dabei verloren. Die Zahlen sind Formeln über das Blatt „Indikatorwerte“, berechnete und gekennzeichnete Werte stehen als Werte.";

/** Rows a chart takes; a block of a table of a dozen rows and its chart fits on a page across. */
const CHART_ROWS = 14;
const COLOURS = ["0F6CBD", "C50F1F", "107C10", "8764B8", "CA5010", "605E5C", "038387", "986F0B"];

/** The Indikatorwerte table as the formulas refer to it, with its rows by sheet row. */
export interface ValuesTable {
  found: FoundTable;
  rows: Map<number, Record<string, CellValue>>;
  /** The own area's ID ('' when not set). */
  own: string;
}

export function valuesTable(found: FoundTable, own: string): ValuesTable {
  return { found, rows: new Map(found.rows.map((r) => [r.row, r.values as Record<string, CellValue>])), own };
}

/**
 * The SUMIFS of a stored value, or null where a formula cannot stand for it: computed or marked, in two rows,
 * a Stichtag that is no date cell, a Wert that is no number cell, a Gruppe written as text.
 */
export function sumifsOf(t: ValuesTable, v: MonitoringValue, gebiet: string): string | null {
  if (v.berechnet || v.kennzeichen !== null || v.rows.length !== 1 || v.wert === null) return null;
  const row = t.rows.get(v.rows[0]!);
  const c = t.found.columnIndex as Partial<Record<string, number>>;
  if (!row || !(row["stichtag"] instanceof Date) || typeof row["wert"] !== "number") return null;
  if (!isBlank(row["gruppe"] ?? null) || c["wert"] === undefined || c["stichtag"] === undefined) return null;
  const col = (field: string) => `${quoteSheet(t.found.sheet)}!$${columnLetter(c[field]!)}:$${columnLetter(c[field]!)}`;
  const [y, m, d] = v.stichtag.split("-").map(Number);
  const fixed = [`${col("stichtag")},DATE(${y},${m},${d})`, ...(c["gruppe"] ? [`${col("gruppe")},""`] : [])];
  const indikatoren = [literalCriterion(v.indikator), labelledCriterion(v.indikator)];
  const own = gebiet === t.own;
  const gebiete =
    c["gebiet"] === undefined
      ? [null]
      : [...(own ? ['""'] : []), ...(gebiet ? [literalCriterion(gebiet), labelledCriterion(gebiet)] : [])];
  if (c["gebiet"] === undefined && !own) return null;
  const terms = indikatoren.flatMap((i) =>
    gebiete.map(
      (g) =>
        [
          "SUMIFS(" + col("wert"),
          `${col("indikator")},${i}`,
          ...fixed,
          ...(g === null ? [] : [`${col("gebiet")},${g}`]),
        ].join(",") + ")",
    ),
  );
  return terms.join("+");
}

/** The number format of an indicator's values: one decimal for shares, whole numbers for counts. */
function baseFormat(block: KennzahlenBlock): string {
  const numbers = block.zeilen.flatMap((z) => z.werte.flatMap((w) => ((w?.wert ?? null) === null ? [] : [w!.wert!])));
  const whole = numbers.every((n) => Number.isInteger(n)) && block.veraenderung === "Prozent";
  return whole ? "#,##0" : "#,##0.0";
}

/** A marked value shows its marker: `-` as a dash over its 0, `p`/`r`/`s` after, `()` around the number. */
function markedFormat(base: string, kennzeichen: string): string {
  if (kennzeichen === "-") return '"–"';
  if (kennzeichen === "()") return `"("${base}")"`;
  return `${base}" ${kennzeichen}"`;
}

function valueCell(
  t: ValuesTable | null,
  v: MonitoringValue | null,
  gebiet: string,
  base: string,
  row: number,
  column: number,
): CellPlan {
  if (v === null) return { row, column, value: null };
  if (v.wert === null) return { row, column, value: v.kennzeichen, right: true };
  const formula = t ? sumifsOf(t, v, gebiet) : null;
  const value: PlanValue = formula ? { formula } : v.wert;
  return { row, column, value, numFmt: v.kennzeichen ? markedFormat(base, v.kennzeichen) : base };
}

function changeFormula(block: KennzahlenBlock, row: number): PlanValue {
  const n = block.stichtage.length;
  if (n < 2) return null;
  const first = `B${row}`;
  const last = `${columnLetter(1 + n)}${row}`;
  const both = `AND(ISNUMBER(${first}),ISNUMBER(${last}))`;
  return block.veraenderung === "Prozentpunkte"
    ? { formula: `IF(${both},${last}-${first},"")` }
    : { formula: `IF(AND(${both},${first}<>0),(${last}-${first})/${first}*100,"")` };
}

function subtitle(block: KennzahlenBlock): string {
  const i = block.indikator;
  const parts = [
    i.einheit ? `Einheit: ${i.einheit}` : "",
    i.berechnung ? `berechnet: ${i.berechnung}` : "",
    i.quelle ? `Quelle: ${i.quelle}` : "",
    i.naechsteVeroeffentlichung ? `nächste Veröffentlichung: ${i.naechsteVeroeffentlichung}` : "",
  ];
  return parts.filter(Boolean).join(" · ");
}

/** One block from row `top`; its cells, the hidden rows of its chart's series and the chart. */
function blockPlan(block: KennzahlenBlock, t: ValuesTable | null, top: number) {
  const n = block.stichtage.length;
  const base = baseFormat(block);
  const header = top + 2;
  const first = header + 1;
  const changeHeader = block.veraenderung === "Prozentpunkte" ? "Veränderung (Prozentpunkte)" : "Veränderung (%)";
  const cells: CellPlan[] = [
    {
      row: top,
      column: 1,
      value: `${block.indikator.id} – ${block.indikator.name}`,
      bold: true,
      size: 12,
      wrap: false,
    },
    { row: top + 1, column: 1, value: subtitle(block), wrap: false },
    { row: header, column: 1, value: "Gebiet", bold: true },
    { row: header, column: 2 + n, value: changeHeader, bold: true, right: true },
  ];
  const yearsOnly = block.stichtage.every((s) => s.endsWith("-12-31"));
  block.stichtage.forEach((s, j) =>
    cells.push({
      row: header,
      column: 2 + j,
      value: dateFromIso(s),
      numFmt: yearsOnly ? "yyyy" : DATE_FORMAT,
      bold: true,
      right: true,
    }),
  );
  block.zeilen.forEach((z, i) => {
    const row = first + i;
    cells.push({ row, column: 1, value: z.name, bold: z.rolle === "eigen" });
    z.werte.forEach((w, j) => cells.push(valueCell(t, w, z.gebiet, base, row, 2 + j)));
    const change = block.veraenderung === "Prozentpunkte" ? "+0.0;-0.0;0.0" : '+0.0" %";-0.0" %";0.0" %"';
    cells.push({ row, column: 2 + n, value: changeFormula(block, row), numFmt: change });
  });
  const last = first + block.zeilen.length - 1;
  // The chart's series: the own area and the comparison areas, their markers as #N/A (a gap, never a 0).
  const charted = block.zeilen.map((z, i) => ({ z, row: first + i })).filter(({ z }) => z.rolle !== "innen");
  const hidden = charted.map((_, k) => last + 1 + k);
  charted.forEach(({ row }, k) => {
    for (let j = 0; j < n; j++) {
      const cell = `${columnLetter(2 + j)}${row}`;
      cells.push({ row: hidden[k]!, column: 2 + j, value: { formula: `IF(ISNUMBER(${cell}),${cell},NA())` } });
    }
  });
  const chartTop = last + 1 + hidden.length;
  const lastColumn = columnLetter(1 + n);
  const chart: ChartPlan = {
    kind: "line",
    title: `${block.indikator.id} – ${block.indikator.name}`,
    from: { row: chartTop, column: 1 },
    to: { row: chartTop + CHART_ROWS, column: Math.max(6, n + 3) },
    categories: `$B$${header}:$${lastColumn}$${header}`,
    categoryAxis: "date",
    dateFormat: yearsOnly ? "yyyy" : DATE_FORMAT,
    series: charted.map(({ z }, k) => ({
      name: z.name,
      values: `$B$${hidden[k]}:$${lastColumn}$${hidden[k]}`,
      color: COLOURS[k % COLOURS.length]!,
    })),
    valueAxis: { numFmt: base },
    plotHidden: true,
    altText: altText(
      block,
      charted.map(({ z }) => z),
    ),
  };
  return { cells, hidden, chart, last: chart.to.row - 1 };
}

function altText(block: KennzahlenBlock, zeilen: KennzahlenZeile[]): string {
  const unit = block.indikator.einheit ? ` (${block.indikator.einheit})` : "";
  const series = zeilen
    .map(
      (z) => `${z.name}: ${z.werte.map((w, j) => `${formatGermanDate(block.stichtage[j]!)} ${shown(w)}`).join(", ")}`,
    )
    .join("; ");
  return `Liniendiagramm ${block.indikator.id} ${block.indikator.name}${unit}. ${series}.`;
}

function shown(w: MonitoringValue | null): string {
  if (w === null) return "kein Wert";
  const number = w.wert === null ? "" : String(Math.round(w.wert * 10) / 10).replace(".", ",");
  return [number, w.kennzeichen ?? ""].filter(Boolean).join(" ");
}

export interface KennzahlenInput {
  blocks: KennzahlenBlock[];
  /** Indikatorwerte, for the formulas; null: values only. */
  table: ValuesTable | null;
  kommune: string;
  konzepttitel: string;
  stichtag: IsoDate;
}

/** The sheet, printed as a handout (A4 across, ≥ 8 pt): each block on one page, chapters as headings. */
export function planKennzahlenSheet(input: KennzahlenInput): SheetPlan {
  const cells = handoutTitle(`Kennzahlen – ${input.konzepttitel || "Integrationsmonitoring"}`, input);
  const charts: ChartPlan[] = [];
  const hiddenRows: number[] = [];
  const blocks: { first: number; last: number }[] = [];
  let top = 4;
  let chapter: string | null = null;
  for (const block of input.blocks) {
    const title = block.handlungsfeld ? `${block.handlungsfeld.id} – ${block.handlungsfeld.name}` : ALLGEMEINES_KAPITEL;
    const start = top;
    if (title !== chapter) {
      cells.push({ row: top, column: 1, value: title, bold: true, size: 13, wrap: false });
      chapter = title;
      top += 1;
    }
    const b = blockPlan(block, input.table, top);
    cells.push(...b.cells);
    hiddenRows.push(...b.hidden);
    charts.push(b.chart);
    blocks.push({ first: start, last: b.last });
    top = b.last + 2;
  }
  const widestStichtage = Math.max(1, ...input.blocks.map((b) => b.stichtage.length));
  const sheet: SheetPlan = {
    name: KENNZAHLEN.sheet,
    state: "visible",
    tabColor: "FF008575",
    widths: [
      { column: 1, width: 30 },
      ...Array.from({ length: widestStichtage }, (_, j) => ({ column: 2 + j, width: 12 })),
      { column: 2 + widestStichtage, width: 26 },
    ],
    formats: [],
    wrapColumns: [],
    frozen: { rows: 0, columns: 0 },
    cells,
    validations: [],
    conditionalFormats: [],
    notes: [{ row: 1, column: 1, text: KENNZAHLEN_NOTE }],
    charts,
    hiddenRows,
  };
  const laidOut = withPrintLayout(sheet, { headerRow: 0, keyColumns: 0, wrapColumns: [] });
  const paged = withBlockBreaks(laidOut, blocks);
  return withPageInfo(paged, { kommune: input.kommune, konzepttitel: input.konzepttitel, stand: input.stichtag });
}

/**
 * The plan of the sheet Kennzahlen for a workbook as read at a reference date; null while no Basisindikator
 * has a value (then `uebersicht` makes no such sheet).
 */
export function planKennzahlen(
  concept: ReadConcept,
  referenceDate: IsoDate,
): { plan: SheetPlan; blocks: KennzahlenBlock[] } | null {
  const data = new MonitoringData(concept);
  const blocks = kennzahlenOf(concept, data, { referenceDate });
  if (blocks.length === 0) return null;
  const { settings } = readSettings(concept);
  const found = concept.found.indikatorwerte;
  const plan = planKennzahlenSheet({
    blocks,
    table: found ? valuesTable(found, data.gebiete.own) : null,
    kommune: settings.kommune,
    konzepttitel: settings.konzepttitel,
    stichtag: referenceDate,
  });
  return { plan, blocks };
}

/**
 * Whether the workbook has a sheet Kennzahlen that the program did not make (a user's own, from before the
 * Integrationsmonitoring): the program's starts with its title `Kennzahlen – …` in A1.
 */
export function isForeignKennzahlen(source: WorkbookSource): boolean {
  const name = source.sheetNames().find((n) => n.toLowerCase() === KENNZAHLEN.sheet.toLowerCase());
  if (!name) return false;
  const title = source.sheet(name)?.value(1, 1);
  return !(typeof title === "string" && title.startsWith(`${KENNZAHLEN.sheet} – `));
}
