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
import type { CellValue } from "../domain/dates";
import { templateSteps } from "../domain/templates/prozessplan";
import { tableSpec } from "../workbook/contract";
import { STEP_HEADERS, planVorperiodeSheet, readEarlierSteps, readVorperiode } from "../workbook/sheets/vorperiode";
import { ZEITPLAN_SHEET } from "../workbook/sheets/zeitplan";
import { buildZeitplan } from "./concept";
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
  /** The Prozessplan: the old period's steps listed on Vorperiode, the template's steps that begin the new one. */
  prozessplan: { previous: number; template: number };
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

/** The old period's steps by the headers of the sheet Vorperiode (dates as the cells hold them). */
function oldSteps(concept: ReadConcept): Map<string, CellValue>[] {
  const table = concept.found.prozessplan;
  if (!table) return [];
  const headerOf = new Map(tableSpec("prozessplan").columns.map((c) => [c.field, c.header]));
  return table.rows.map(
    (r) =>
      new Map(
        STEP_HEADERS.flatMap((h) => {
          const field = [...headerOf].find(([, header]) => header === h)?.[0];
          return field ? [[h, r.values[field] ?? null] as [string, CellValue]] : [];
        }),
      ),
  );
}

/**
 * The new period's Prozessplan begins from the template's steps (undated, `geplant`, the Gremien in general
 * words); the old steps' rows go (they are listed on Vorperiode). A Zeitplan the old workbook had is made anew.
 */
async function beginProzessplan(doc: XlsxDocument, today: IsoDate): Promise<number> {
  const before = readConcept(await doc.source());
  const table = before.found.prozessplan;
  if (table && table.rows.length > 0)
    doc.deleteRows(
      table.sheet,
      table.rows.map((r) => r.row),
    );
  const source = await doc.source();
  const steps = templateSteps();
  appendTableRows(doc, source, readConcept(source), "prozessplan", steps);
  if ((await doc.source()).sheetNames().some((n) => n.toLowerCase() === ZEITPLAN_SHEET.sheet.toLowerCase())) {
    await buildZeitplan(doc, today);
  }
  return steps.length;
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
  const previousSteps = oldSteps(concept);
  const earlierSteps = readEarlierSteps(source);

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
      steps: { current: previousSteps, earlier: earlierSteps },
    }),
  );
  doc.deleteRows(
    massnahmen.sheet,
    decisions.dropped.map((m) => m.row),
  );
  const template = await beginProzessplan(doc, options.today);
  return {
    decisions,
    baselines,
    round: round?.round ?? null,
    newTitle,
    prozessplan: { previous: previousSteps.length, template },
  };
}
