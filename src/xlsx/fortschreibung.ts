/**
 * `fortschreiben` on an .xlsx document, without touching the file system: the next concept period is the
 * old workbook patched — the measures not carried deleted from Maßnahmen, the new Laufzeit in Einstellungen,
 * the Basiswerte from the latest IST in Indikatoren, the measures to revise marked in their Bemerkung, and
 * the sheet Vorperiode. Everything else (Sachstände, Indikatorwerte, Bewertung rounds, the user's sheets,
 * charts and properties) stays as it is, so that the history continues under the same IDs.
 */
import { type IsoDate, dateFromIso } from "../domain/dates";
import {
  type BaselineChange,
  type Laufzeit,
  type MeasureDecisions,
  type MeasureInput,
  baselineChanges,
  decideMeasures,
  retitled,
} from "../domain/fortschreibung";
import type { FieldsOf, RowRecord } from "../domain/model";
import { type IndicatorValue, indicatorTarget } from "../domain/monitoring";
import { MonitoringData, ownTotals } from "../domain/monitoringData";
import { SETTING_KEYS, type Settings, readSettings } from "../domain/settings";
import { textOf } from "../domain/values";
import { type FoundTable, type ReadConcept, type WorkbookSource, readConcept } from "../workbook/read";
import { latestVerdicts, measureInputs } from "../workbook/fortschreibung";
import { planVorperiodeSheet, readVorperiode } from "../workbook/sheets/vorperiode";
import { appendTableRows } from "./circulation";
import type { XlsxDocument } from "./document";
import type { CellWrite } from "./package";
import { xlsxError } from "./messages";

export interface FortschreibungOutcome {
  decisions: MeasureDecisions;
  baselines: BaselineChange[];
  round: number | null;
  /** The Konzepttitel when it named the old years and now names the new ones, else null. */
  newTitle: string | null;
}

/** The cells of one row of a table, by field (fields without a column are left out). */
function fieldCells(table: FoundTable, row: number, values: Record<string, CellWrite["value"]>): CellWrite[] {
  return Object.entries(values).flatMap(([field, value]) => {
    const column = table.columnIndex[field];
    return column === undefined ? [] : [{ row, column, value }];
  });
}

function measuresOf(table: FoundTable, file: string): MeasureInput[] {
  const measures = measureInputs(table);
  if (!measures) {
    throw xlsxError("KEINE_ID_SPALTE", { datei: file, blatt: table.sheet, zweck: "fortschreiben" });
  }
  return measures;
}

function indicatorsOf(concept: ReadConcept) {
  const table = concept.found.indikatoren;
  const rows = (table?.rows ?? []) as RowRecord<FieldsOf<"indikatoren">>[];
  return rows.map((r) => ({
    ...indicatorTarget(r),
    row: r.row,
    name: textOf(r.values.indikator ?? null),
    basisjahrText: textOf(r.values.basisjahr ?? null),
  }));
}

function valuesOfWorkbook(concept: ReadConcept): IndicatorValue[] {
  return ownTotals(new MonitoringData(concept));
}

/** Writes settings into their rows of tblEinstellungen; a key without a row is appended to the table. */
function writeSettings(
  doc: XlsxDocument,
  source: WorkbookSource,
  concept: ReadConcept,
  values: Partial<Record<keyof Settings, CellWrite["value"]>>,
): void {
  const { rows } = readSettings(concept);
  const table = concept.found.einstellungen;
  const missing: Record<string, CellWrite["value"]>[] = [];
  const writes: CellWrite[] = [];
  for (const [key, value] of Object.entries(values) as [keyof Settings, CellWrite["value"]][]) {
    const row = rows.get(key);
    if (table && row !== undefined) writes.push(...fieldCells(table, row, { wert: value }));
    else missing.push({ schluessel: SETTING_KEYS[key], wert: value });
  }
  if (table) doc.writeCells(table.sheet, writes, table.headerRow + 1);
  appendTableRows(doc, source, concept, "einstellungen", missing);
}

/**
 * Turns the document (the old workbook, opened) into the next period in memory. Reads everything first,
 * then writes; the rows of the measures not carried are deleted last, so that every row number read stays
 * valid for the writes before.
 */
export async function fortschreiben(
  doc: XlsxDocument,
  options: { laufzeit: Laufzeit; file: string; today: IsoDate },
): Promise<FortschreibungOutcome> {
  const source = await doc.source();
  const concept = readConcept(source);
  const massnahmen = concept.found.massnahmen!;
  const round = latestVerdicts(source);
  const decisions = decideMeasures(measuresOf(massnahmen, options.file), round);
  const baselines = baselineChanges(indicatorsOf(concept), valuesOfWorkbook(concept));
  const { settings } = readSettings(concept);
  const { laufzeit } = options;
  const earlier = readVorperiode(source);
  const newTitle = retitled(settings.konzepttitel, settings.laufzeitVon, settings.laufzeitBis, laufzeit);

  writeSettings(doc, source, concept, {
    laufzeitVon: dateFromIso(laufzeit.von),
    laufzeitBis: dateFromIso(laufzeit.bis),
    ...(newTitle ? { konzepttitel: newTitle } : {}),
  });
  const indikatoren = concept.found.indikatoren;
  if (indikatoren && baselines.length > 0) {
    const writes = baselines.flatMap((b) =>
      fieldCells(indikatoren, b.row, { basiswert: b.basiswert, basisjahr: b.basisjahr }),
    );
    doc.writeCells(indikatoren.sheet, writes, indikatoren.headerRow + 1);
  }
  if (massnahmen.columnIndex["bemerkung"] !== undefined && decisions.revised.length > 0) {
    const writes = decisions.revised.flatMap((m) => fieldCells(massnahmen, m.row, { bemerkung: m.neueBemerkung }));
    doc.writeCells(massnahmen.sheet, writes, massnahmen.headerRow + 1);
  }
  doc.applySheetPlan(
    planVorperiodeSheet({
      decisions,
      baselines,
      alteLaufzeit: { von: settings.laufzeitVon, bis: settings.laufzeitBis },
      laufzeit,
      earlier,
      round: round?.round ?? null,
      file: options.file.replace(/^.*[\\/]/, ""),
      kommune: settings.kommune,
      konzepttitel: newTitle ?? settings.konzepttitel,
      stand: options.today,
    }),
  );
  doc.deleteRows(
    massnahmen.sheet,
    decisions.dropped.map((m) => m.row),
  );
  return { decisions, baselines, round: round?.round ?? null, newTitle };
}
