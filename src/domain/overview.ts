/**
 * The figures of the sheet Übersicht per Handlungsfeld: measures by Status, overdue, SMART-complete,
 * Sachkosten and VZÄ (verworfene left out), indicators by Ampel, the latest round's mean Gesamt and, when the sheet Bedarfe is there,
 * the Bedarfe and how many of them a measure answers. They come from the same
 * report model as the Sachstandsbericht, so the sheet and the report never disagree.
 */
import { STATUS_VALUES, type Status } from "./model";
import { type NeedsOfField, needsByField } from "./needs";
import { parseGermanNumber } from "./numbers";
import { INDICATOR_AMPELN, type IndicatorAmpel, type ReportModel } from "./report";
import type { CheckResult } from "./rules";
import { type ConceptData } from "./model";
import { idKey, referenceId, textOf } from "./values";

/** A sum of a number column: `typed` when every value is a number cell (a formula over the cells computes it). */
export interface ColumnSum {
  value: number;
  typed: boolean;
}

export interface OverviewRow {
  /** The Handlungsfeld's ID ("" for measures without a known Handlungsfeld). */
  id: string;
  label: string;
  measures: number;
  byStatus: Record<Status, number>;
  overdue: number;
  smartComplete: number;
  sachkosten: ColumnSum;
  personal: ColumnSum;
  indicators: Record<IndicatorAmpel, number>;
  /** The latest round's mean Gesamt over the scored measures of this Handlungsfeld; null when none. */
  meanGesamt: number | null;
  /** Bedarfe of this Handlungsfeld and how many a measure answers; null without the sheet Bedarfe. */
  needs: NeedsOfField | null;
}

export interface Overview {
  rows: OverviewRow[];
  /** The round the mean Gesamt is from; null without a round. */
  round: number | null;
}

function sumOf(values: unknown[]): ColumnSum {
  let value = 0;
  let typed = true;
  for (const v of values) {
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "number") typed = false;
    const parsed = parseGermanNumber(v as never);
    if (parsed.kind === "number") value += parsed.value;
  }
  return { value, typed };
}

export function overviewOf(model: ReportModel, concept: ConceptData, check: CheckResult): Overview {
  const smart = new Map(
    check.measures.map((m) => [idKey(m.id), !m.rejected && Object.values(m.letters).every(Boolean)] as const),
  );
  const overdue = new Set(model.annex.overdue.map((m) => idKey(m.id)));
  const rowsById = new Map(concept.massnahmen.rows.map((r) => [idKey(textOf(r.values.id ?? null)), r] as const));
  const needs = concept.bedarfe ? needsByField(concept) : null;
  const rows = model.fields.map((field): OverviewRow => {
    const byStatus = Object.fromEntries(STATUS_VALUES.map((s) => [s, 0])) as Record<Status, number>;
    for (const m of field.measures) if (m.status in byStatus) byStatus[m.status as Status]++;
    // Sachkosten and VZÄ of the measures not verworfen, as the Sachstandsbericht sums them.
    const measureRows = field.measures
      .filter((m) => m.status !== "verworfen")
      .flatMap((m) => rowsById.get(idKey(m.id)) ?? []);
    const indicators = Object.fromEntries(INDICATOR_AMPELN.map((a) => [a, 0])) as Record<IndicatorAmpel, number>;
    for (const i of field.indicators) indicators[i.ampel]++;
    const scored = (model.bewertung?.rows ?? []).filter(
      (r) => r.gesamt !== null && idKey(referenceId(r.handlungsfeld)) === idKey(field.id) && field.id !== "",
    );
    return {
      id: field.id,
      label: field.id ? `${field.id} – ${field.name}` : field.name,
      measures: field.measures.length,
      byStatus,
      overdue: field.measures.filter((m) => overdue.has(idKey(m.id))).length,
      smartComplete: field.measures.filter((m) => smart.get(idKey(m.id))).length,
      sachkosten: sumOf(measureRows.map((r) => r.values.sachkosten)),
      personal: sumOf(measureRows.map((r) => r.values.personal)),
      indicators,
      meanGesamt: scored.length ? scored.reduce((s, r) => s + r.gesamt!, 0) / scored.length : null,
      needs: needs ? (needs.get(idKey(field.id)) ?? { bedarfe: 0, answered: 0 }) : null,
    };
  });
  return { rows, round: model.bewertung?.round ?? null };
}
