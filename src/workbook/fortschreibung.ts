/**
 * What the Fortschreibung reads of a workbook, whatever the host: the Maßnahmen rows as the domain's
 * decision needs them and the latest round's Empfehlungen. The CLI and the pane's preview both use it, so
 * the preview lists exactly what `fortschreiben` carries.
 */
import {
  type LatestRoundVerdicts,
  type MeasureDecisions,
  type MeasureInput,
  decideMeasures,
} from "../domain/fortschreibung";
import type { ExistingRound } from "../domain/matrix";
import { idKey, normalizeLabel, textOf } from "../domain/values";
import { type FoundTable, type WorkbookSource, readConcept } from "./read";
import { readLatestRound } from "./sheets/bewertung";

/** The Maßnahmen rows for `decideMeasures`; null when the table has no column ID. */
export function measureInputs(table: FoundTable): MeasureInput[] | null {
  if (table.columnIndex["id"] === undefined) return null;
  return table.rows.map((r) => ({
    row: r.row,
    id: textOf(r.values["id"] ?? null),
    titel: textOf(r.values["titel"] ?? null),
    handlungsfeld: textOf(r.values["handlungsfeld"] ?? null),
    status: r.values["status"] ?? null,
    bemerkung: textOf(r.values["bemerkung"] ?? null),
  }));
}

/** Empfehlung and Begründung of the latest round, by measure ID; null without a round. */
export function latestVerdicts(source: WorkbookSource): LatestRoundVerdicts | null {
  const latest = readLatestRound(source);
  if (!latest) return null;
  const cell = (row: ExistingRound["rows"][number], header: string) => {
    for (const [h, value] of row.cells) if (normalizeLabel(h) === normalizeLabel(header)) return textOf(value);
    return "";
  };
  const byId = new Map(
    latest.existing.rows.map((r) => [
      idKey(r.id),
      { empfehlung: cell(r, "Empfehlung"), begruendung: cell(r, "Begründung") },
    ]),
  );
  return { round: latest.round, byId };
}

export type FortschreibungPreview = { decisions: MeasureDecisions; round: number | null } | { problem: string };

/** What `fortschreiben` would carry, mark and drop, read from a snapshot (nothing written). */
export function previewFortschreibung(source: WorkbookSource): FortschreibungPreview {
  const table = readConcept(source).found.massnahmen;
  if (!table) return { problem: "Die Arbeitsmappe hat keine Tabelle „Maßnahmen“; es gibt nichts fortzuschreiben." };
  const measures = measureInputs(table);
  if (!measures) {
    return {
      problem: `Das Blatt „${table.sheet}“ hat keine Spalte „ID“; ohne IDs lässt sich die Geschichte der Maßnahmen nicht fortführen.`,
    };
  }
  const round = latestVerdicts(source);
  return { decisions: decideMeasures(measures, round), round: round?.round ?? null };
}
