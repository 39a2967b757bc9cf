/**
 * The generated sheet Werteübernahme: what the last `werte` run took from which file and cell, what was
 * there already, what conflicts with the workbook, and every data cell not taken with its reason. Its
 * `Zellen` add up to the data cells of the files: nothing is lost silently.
 */
import { type IsoDate, formatGermanDate } from "../../domain/dates";
import { withPageInfo, withPrintLayout } from "../print";
import { FILL, type SheetPlan } from "../sheet-plan";
import type { WertePlan } from "../werte/apply";
import { generatedSheet } from "./sheet";
import { countOf } from "../../domain/numbers";

/** Written by `werte` and the pane's „Werte übernehmen“, replaced by each run; never read back. */
export const WERTEUEBERNAHME = generatedSheet({
  sheet: "Werteübernahme",
  table: "tblWerteuebernahme",
  state: "visible",
  plan: planWerteuebernahmeSheet,
  read: null,
});

const HEADERS = [
  "Datei",
  "Zelle",
  "Ergebnis",
  "Indikator",
  "Gebiet",
  "Gruppe",
  "Stichtag",
  "Wert der Datei",
  "Wert der Arbeitsmappe",
  "Zellen",
  "Erläuterung",
] as const;
const WIDTHS = [22, 12, 14, 22, 22, 18, 12, 11, 12, 8, 50];
const TABLE_ROW = 5;

/** The sentence over the table: how many values were taken, present, in conflict, replaced, not taken. */
export function werteSummary(plan: WertePlan): string {
  const c = plan.counts;
  return (
    `${countOf(c.zellen, "Datenzelle", "Datenzellen")}: ${countOf(c.uebernommen, "Wert", "Werte")} übernommen, ` +
    `${c.vorhanden.toLocaleString("de-DE")} schon vorhanden, ${countOf(c.konflikte, "Konflikt", "Konflikte")}, ` +
    `${c.ersetzt.toLocaleString("de-DE")} ersetzt, ${countOf(c.nichtUebernommen, "Zelle", "Zellen")} nicht übernommen; ` +
    `${countOf(c.gebiete, "Gebiet", "Gebiete")} ergänzt.`
  );
}

export function planWerteuebernahmeSheet(
  plan: WertePlan,
  meta: { dateien: string[]; stand: IsoDate; kommune: string; konzepttitel: string },
): SheetPlan {
  const rows = plan.lines.map((l) => [
    l.datei,
    l.zelle,
    l.ergebnis,
    l.indikator,
    l.gebiet,
    l.gruppe,
    l.stichtag,
    l.wertDatei,
    l.wertArbeitsmappe,
    l.zellen,
    l.erlaeuterung,
  ]);
  const last = TABLE_ROW + Math.max(rows.length, 1);
  const result = `C${TABLE_ROW + 1}:C${last}`;
  const sheet: SheetPlan = {
    name: WERTEUEBERNAHME.sheet,
    state: "visible",
    tabColor: "FF008575",
    widths: WIDTHS.map((width, i) => ({ column: i + 1, width })),
    formats: [{ column: 10, numFmt: "#,##0" }],
    wrapColumns: [],
    frozen: { rows: TABLE_ROW, columns: 0 },
    table: {
      name: WERTEUEBERNAHME.table,
      row: TABLE_ROW,
      column: 1,
      headers: [...HEADERS],
      rows: rows.length > 0 ? rows : [HEADERS.map(() => null)],
      style: "TableStyleLight9",
      numeric: [9],
    },
    cells: [
      { row: 1, column: 1, value: WERTEUEBERNAHME.sheet, bold: true, size: 14, wrap: false },
      {
        row: 2,
        column: 1,
        value: `Stand ${formatGermanDate(meta.stand)} · ${meta.dateien.length === 1 ? "Datei" : "Dateien"}: ${meta.dateien.join(", ")}`,
        wrap: false,
      },
      { row: 3, column: 1, value: werteSummary(plan), wrap: false },
    ],
    validations: [],
    conditionalFormats: [
      { range: result, formula: `C${TABLE_ROW + 1}="Konflikt"`, fill: FILL.warning },
      { range: result, formula: `C${TABLE_ROW + 1}="nicht übernommen"`, fill: FILL.info },
    ],
  };
  const laidOut = withPrintLayout(sheet, { headerRow: TABLE_ROW, keyColumns: 0, wrapColumns: [1, 4, 5, 6, 11] });
  return withPageInfo(laidOut, { kommune: meta.kommune, konzepttitel: meta.konzepttitel, stand: meta.stand });
}
