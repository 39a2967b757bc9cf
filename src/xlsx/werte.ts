/**
 * `werte` on an .xlsx document: reads statistics files (./statisticsSource.ts), maps them
 * (src/workbook/werte), and applies the plan — Indikatorwerte gets the columns Gebiet, Gruppe, Kennzeichen
 * and Abgerufen am where it lacks them, replaced values are written into their rows, new rows are appended,
 * new Gebiete added (the sheet made where it is missing, the hidden lists with it), and the sheet
 * Werteübernahme is generated. Everything else in the workbook stays as it is.
 */
import type { IsoDate } from "../domain/dates";
import { MonitoringData } from "../domain/monitoringData";
import { readSettings } from "../domain/settings";
import { tableSpec } from "../workbook/contract";
import { layoutsOf } from "../workbook/plan";
import { type FoundTable, type ReadConcept, readConcept, readTable } from "../workbook/read";
import { LISTEN_SHEET } from "../workbook/sheets/listen";
import {
  WERTEUEBERNAHME,
  type WerteFile,
  type WertePlan,
  type Zuordnung,
  changesData,
  gebietEintraege,
  planWerte,
  planWerteuebernahmeSheet,
  readStatisticsFile,
  toIndicatorValues,
} from "../workbook/werte";
import { appendTableRows } from "./circulation";
import type { XlsxDocument } from "./document";
import type { CellWrite } from "./package";
import { statisticsGrids } from "./statisticsSource";
import { xlsxError } from "./messages";

/** The Integrationsmonitoring's columns of Indikatorwerte, added where an older workbook lacks them. */
const DIMENSION_FIELDS = ["gebiet", "gruppe", "kennzeichen", "abgerufenAm"] as const;

export interface WerteOptions {
  zuordnung: Zuordnung;
  alleGebiete: boolean;
  aktualisieren: boolean;
  /** Abgerufen am of the values: the day the files are read. */
  heute: IsoDate;
}

export interface WerteOutcome {
  plan: WertePlan;
  /** Whether the workbook was changed (nothing is written when every value was there already). */
  written: boolean;
  /** The own area (Einstellungen `Gebiet`), '' when not set. */
  eigenesGebiet: string;
}

/** A statistics file read and mapped; one German sentence (UserError) for a file that is none. */
export async function readWerteFile(
  bytes: Uint8Array,
  name: string,
  data: MonitoringData,
  options: Pick<WerteOptions, "zuordnung" | "alleGebiete" | "heute">,
  added: ReturnType<typeof gebietEintraege>,
): Promise<WerteFile> {
  const { grids } = await statisticsGrids(bytes, name);
  const read = readStatisticsFile(grids, name);
  if (!read.ok) throw xlsxError("STATISTIK_UNBRAUCHBAR", { problem: read.problem });
  const gebiete = [...gebietEintraege(data), ...added];
  const results = read.file.tables.map((table) => {
    const result = toIndicatorValues(table, {
      zuordnung: options.zuordnung,
      gebiete,
      eigenesGebiet: data.gebiete.own,
      alleGebiete: options.alleGebiete,
      abgerufenAm: options.heute,
    });
    // Areas a first table added are known to the next one (of this file or the next).
    gebiete.push(...result.neueGebiete);
    added.push(...result.neueGebiete);
    return result;
  });
  return { datei: name, results, skipped: read.file.skipped };
}

/** The Indikator IDs the mapping names that Indikatoren lacks (the run stops before anything is read). */
export function unknownIndicators(zuordnung: Zuordnung, concept: ReadConcept): string[] {
  const ids = "indikator" in zuordnung ? [zuordnung.indikator] : Object.values(zuordnung.spalten);
  const known = new Set(
    (concept.indikatoren?.rows ?? []).map((r) =>
      String(r.values.id ?? "")
        .trim()
        .toUpperCase(),
    ),
  );
  return [...new Set(ids)].filter((id) => !known.has(id.trim().toUpperCase()));
}

/** Applies a plan to the document (see the file comment); the Werteübernahme sheet always. */
export async function applyWertePlan(
  doc: XlsxDocument,
  concept: ReadConcept,
  plan: WertePlan,
  meta: { dateien: string[]; stand: IsoDate },
): Promise<void> {
  if (plan.additions.length + plan.updates.length > 0) await writeValues(doc, concept, plan);
  if (plan.gebiete.length > 0) {
    appendTableRows(doc, await doc.source(), concept, "gebiete", plan.gebiete);
    if (!concept.found.gebiete) doc.applySheetPlan(LISTEN_SHEET.plan(layoutsOf(readConcept(await doc.source()).found)));
  }
  const { settings } = readSettings(concept);
  doc.applySheetPlan(
    planWerteuebernahmeSheet(plan, { ...meta, kommune: settings.kommune, konzepttitel: settings.konzepttitel }),
  );
}

async function writeValues(doc: XlsxDocument, concept: ReadConcept, plan: WertePlan): Promise<void> {
  let table = concept.found.indikatorwerte;
  if (table) table = await withDimensions(doc, table);
  if (table && plan.updates.length > 0) {
    const writes: CellWrite[] = plan.updates.flatMap((u) =>
      u.rows.flatMap((row) =>
        Object.entries(u.values).flatMap(([field, value]) => {
          const column = (table!.columnIndex as Record<string, number | undefined>)[field];
          return column === undefined ? [] : [{ row, column, value: value ?? null }];
        }),
      ),
    );
    doc.writeCells(table.sheet, writes, table.headerRow + 1);
  }
  const found = table ? { ...concept.found, indikatorwerte: table } : concept.found;
  appendTableRows(doc, await doc.source(), { ...concept, found }, "indikatorwerte", plan.additions);
}

/**
 * Indikatorwerte with the columns Gebiet, Gruppe, Kennzeichen and Abgerufen am: those it lacks are added to
 * the right of the table (an Excel table widens; a plain range gets the headers). Refused with a sentence
 * where the cells there are taken.
 */
async function withDimensions(doc: XlsxDocument, table: FoundTable): Promise<FoundTable> {
  const spec = tableSpec("indikatorwerte");
  const missing = DIMENSION_FIELDS.filter((f) => table.columnIndex[f] === undefined);
  if (missing.length === 0) return table;
  const headers = missing.map((f) => spec.columns.find((c) => c.field === f)!.header);
  const source = await doc.source();
  const grid = source.sheet(table.sheet)!;
  const first = table.area.right + 1;
  for (let c = first; c < first + headers.length; c++) {
    for (let r = table.headerRow; r <= Math.max(table.area.bottom, table.rows.at(-1)?.row ?? 0); r++) {
      const v = grid.value(r, c);
      if (v !== null && v !== undefined && v !== "") {
        throw xlsxError("KEIN_PLATZ_FUER_SPALTEN", { blatt: table.sheet, spalten: headers });
      }
    }
  }
  if (table.tableName) doc.addTableColumns(table.tableName, headers);
  else
    doc.writeCells(
      table.sheet,
      headers.map((value, i) => ({ row: table.headerRow, column: first + i, value })),
    );
  const reread = readTable(spec, await doc.source());
  if (!reread) throw new Error("Indikatorwerte nach dem Ergänzen der Spalten nicht gefunden");
  return reread;
}

/** The whole run on an opened document: read the files, plan, apply. Nothing is applied when nothing changes. */
export async function runWerte(
  doc: XlsxDocument,
  files: { name: string; bytes: Uint8Array }[],
  options: WerteOptions,
  step: (text: string) => void,
): Promise<WerteOutcome> {
  const concept = readConcept(await doc.source());
  const unknown = unknownIndicators(options.zuordnung, concept);
  if (unknown.length > 0) {
    throw xlsxError("INDIKATOREN_UNBEKANNT", { ids: unknown, blatt: tableSpec("indikatoren").sheet });
  }
  const data = new MonitoringData(concept);
  const added: ReturnType<typeof gebietEintraege> = [];
  const read: WerteFile[] = [];
  for (const file of files) {
    step(`Lese „${file.name}“ …`);
    read.push(await readWerteFile(file.bytes, file.name, data, options, added));
  }
  step("Gleiche die Werte mit der Arbeitsmappe ab …");
  const plan = planWerte(concept, data, read, { aktualisieren: options.aktualisieren });
  // A first run that takes nothing still accounts for every cell; a run that finds everything there changes nothing.
  const first = plan.counts.vorhanden === 0 && !(await doc.source()).sheetNames().includes(WERTEUEBERNAHME.sheet);
  const written = changesData(plan) || first;
  if (written) {
    step("Schreibe die Werte und das Blatt „Werteübernahme“ …");
    await applyWertePlan(doc, concept, plan, { dateien: files.map((f) => f.name), stand: options.heute });
  }
  return { plan, written, eigenesGebiet: data.gebiete.own };
}
