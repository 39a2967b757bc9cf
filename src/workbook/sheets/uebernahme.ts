/**
 * The sheet `Übernahme` of an imported list: its source, the mapping of its columns, the rows taken, every
 * value not or otherwise understood with its cell, and Sachstände the contract had no sheet for. Written by
 * `import` and the pane's Übernahme; never read back.
 */
import { type CellValue, formatGermanDate } from "../../domain/dates";
import type { ImportResult } from "../import/build";
import { type ColumnTarget, fieldLabel } from "../import/mapping";
import type { CellPlan, SheetPlan } from "../sheet-plan";
import { columnLetter } from "../source";
import { generatedSheet } from "./sheet";

export const UEBERNAHME_SHEET = generatedSheet({
  sheet: "Übernahme",
  table: null,
  state: "visible",
  plan: planUebernahmeSheet,
  read: null,
});

export function targetText(target: ColumnTarget): string {
  if (target.kind === "field")
    return target.field === "federfuehrung" ? "Federführung (weitere Stellen: Beteiligte)" : fieldLabel(target.field);
  if (target.kind === "period") {
    const what = { sachstand: "Sachstand", status: "Status", ampel: "Ampel" }[target.aspect];
    return `Sachstände: ${what} zum ${formatGermanDate(target.date)}`;
  }
  return "eigene Spalte in Maßnahmen";
}

/** `6, 7, 9, 10, 11` → `6–7, 9–11`. */
export function rowRanges(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j;
  }
  return parts.join(", ");
}

interface Writer {
  cells: CellPlan[];
  row: number;
  line(values: CellValue[], bold?: boolean): void;
  gap(): void;
}

function writer(): Writer {
  const w: Writer = {
    cells: [],
    row: 1,
    line(values, bold) {
      values.forEach((value, i) => {
        if (value !== null && value !== undefined && value !== "")
          w.cells.push({ row: w.row, column: i + 1, value, ...(bold ? { bold } : {}) });
      });
      w.row++;
    },
    gap() {
      w.row++;
    },
  };
  return w;
}

/** The sheet Übernahme: source, mapping, rows taken, values not understood (with their cells), Sachstände not written. */
export function planUebernahmeSheet(
  result: ImportResult,
  source: string,
  sachstaendeWritten: boolean,
  /** Sheets of the list that were not imported. */
  otherSheets: string[] = [],
): SheetPlan {
  const w = writer();
  const { mapping } = result;
  w.cells.push({
    row: 1,
    column: 1,
    value: `Übernahme aus „${source}“, Blatt „${result.sheet}“`,
    bold: true,
    size: 14,
  });
  w.row = 2;
  const header =
    mapping.headerTop === mapping.headerBottom
      ? `Zeile ${mapping.headerTop}`
      : `Zeilen ${mapping.headerTop}–${mapping.headerBottom}`;
  const rows = result.rows.length === 1 ? `Zeile ${result.rows[0]}` : `Zeilen ${rowRanges(result.rows)}`;
  w.line([`Kopfzeile: ${header}. Übernommen: ${result.massnahmen.length} Maßnahmen aus ${rows}.`]);
  w.line([
    `Neu angelegt: ${result.handlungsfelder.length} Handlungsfelder, ${result.ziele.length} Ziele, ${result.indikatoren.length} Indikatoren, ${result.akteure.length} Akteure, ${result.sachstaende.length} Sachstände.`,
  ]);
  if (otherSheets.length > 0)
    w.line([`Weitere Blätter der Liste, nicht übernommen: ${otherSheets.map((n) => `„${n}“`).join(", ")}.`]);
  if (!mapping.columns.some((c) => c.target.kind === "field" && c.target.field === "id")) {
    w.line(["Keine Spalte mit Nummern erkannt: die Maßnahmen haben neue IDs (M-001 …) bekommen."]);
  }
  w.gap();
  w.line(["Zuordnung der Spalten"], true);
  w.line(["Spalte", "Überschrift", "übernommen als", "Hinweis"], true);
  for (const c of mapping.columns) {
    const extra = result.extraColumns.find((e) => e.column === c.column);
    const hint = c.alsoLike
      ? `sieht auch wie „${fieldLabel(c.alsoLike)}“ aus; übernommen wurde dafür Spalte ${columnLetter(
          mapping.columns.find((o) => o.target.kind === "field" && o.target.field === c.alsoLike)?.column ?? 0,
        )}`
      : "";
    const as = extra ? `eigene Spalte „${extra.header}“ in Maßnahmen` : targetText(c.target);
    w.line([columnLetter(c.column), c.header || "(ohne Überschrift)", as, hint]);
  }
  w.gap();
  w.line(["Nicht oder anders verstandene Werte"], true);
  if (result.notes.length === 0) w.line(["Keine: jeder Wert wurde so übernommen, wie er in der Liste steht."]);
  else {
    w.line(["Zelle", "Wert", "Hinweis"], true);
    for (const n of result.notes) w.line([n.cell, n.value, n.message]);
  }
  if (!sachstaendeWritten && result.sachstaende.length > 0) {
    w.gap();
    w.line(["Sachstände (die Vorlage hat noch kein Blatt „Sachstände“; bitte von hier übernehmen)"], true);
    w.line(["Maßnahme", "Berichtsstichtag", "Status", "Ampel", "Sachstand", "Zellen"], true);
    for (const s of result.sachstaende) {
      w.line([
        s.massnahme,
        new Date(`${s.berichtsstichtag}T00:00:00Z`),
        s.status ?? "",
        s.ampel ?? "",
        s.sachstand,
        s.cells.join(", "),
      ]);
    }
  }
  return {
    name: UEBERNAHME_SHEET.sheet,
    state: UEBERNAHME_SHEET.state,
    tabColor: "FF605E5C",
    widths: [12, 36, 44, 60, 60, 20].map((width, i) => ({ column: i + 1, width })),
    formats: [],
    wrapColumns: [2, 3, 4, 5],
    frozen: { rows: 0, columns: 0 },
    cells: w.cells.map((c) => (c.value instanceof Date ? { ...c, numFmt: "dd.mm.yyyy" } : c)),
    validations: [],
    conditionalFormats: [],
  };
}
