/**
 * What the Monitoring view shows, computed from the concept as read: each measure's Sachstand history and
 * each indicator's values and state at the reference date. Pure; the view only renders it.
 */
import type { IsoDate } from "../../../domain/dates";
import {
  type IndicatorState,
  type IndicatorTarget,
  type IndicatorValue,
  type Sachstand,
  currentBerichtsstichtag,
  indicatorState,
  indicatorTarget,
  nextBerichtsstichtag,
  sachstandHistory,
  sachstandOf,
  valuesOf,
} from "../../../domain/monitoring";
import { MonitoringData, isBasisindikator, ownTotals } from "../../../domain/monitoringData";
import { dueWithoutSachstand } from "../../../domain/report";
import { readSettings } from "../../../domain/settings";
import { textOf } from "../../../domain/values";
import type { ReadConcept } from "../../../workbook/read";

export interface MeasureMonitoring {
  id: string;
  titel: string;
  status: string;
  /** Oldest first. */
  history: Sachstand[];
}

export interface IndicatorMonitoring {
  id: string;
  name: string;
  einheit: string;
  target: IndicatorTarget;
  /** Oldest first. */
  values: IndicatorValue[];
  state: IndicatorState;
}

export interface MonitoringModel {
  referenceDate: IsoDate;
  /** The date a new Sachstand is for: Einstellungen, else the latest reported, else the reference date. */
  berichtsstichtag: IsoDate;
  /**
   * The Berichtsstichtag in force at the reference date (the rule of SACHSTAND_FEHLT and the report's
   * annex); null while there is none or it is still planned.
   */
  due: IsoDate | null;
  /** The measures that owe a Sachstand for `due` and have none (as SACHSTAND_FEHLT names them). */
  missing: string[];
  tolerance: number;
  measures: MeasureMonitoring[];
  /** The Zielindikatoren (a Basisindikator has no target: see `data` for it). */
  indicators: IndicatorMonitoring[];
  /** The values by Gebiet and Gruppe, computed ones included (the Basisindikatoren's section). */
  data: MonitoringData;
}

export function monitoringModel(concept: ReadConcept, today: IsoDate): MonitoringModel {
  const { settings } = readSettings(concept);
  const referenceDate = settings.stichtag ?? today;
  const reports = (concept.sachstaende?.rows ?? []).map(sachstandOf).filter((r) => r !== null);
  // The own area's totals: a Zielindikator's IST never comes from another Gebiet or a Gruppe.
  const data = new MonitoringData(concept);
  const values = ownTotals(data);
  const measures = concept.massnahmen.rows
    .map((r) => ({
      id: textOf(r.values.id ?? null),
      titel: textOf(r.values.titel ?? null),
      status: textOf(r.values.status ?? null),
    }))
    .filter((m) => m.id !== "")
    .map((m) => ({ ...m, history: sachstandHistory(m.id, reports) }));
  const indicators = (concept.indikatoren?.rows ?? [])
    .filter((r) => textOf(r.values.id ?? null) !== "" && !isBasisindikator(r))
    .map((r) => {
      const target = indicatorTarget(r);
      return {
        id: target.id,
        name: textOf(r.values.indikator ?? null),
        einheit: textOf(r.values.einheit ?? null),
        target,
        values: valuesOf(target.id, values),
        state: indicatorState(target, values, referenceDate, settings.indikatorToleranz),
      };
    });
  const due = currentBerichtsstichtag(settings.berichtsstichtag, reports, referenceDate);
  const missing = due
    ? dueWithoutSachstand(concept.massnahmen.rows, reports, due).map((r) => textOf(r.values.id ?? null))
    : [];
  return {
    referenceDate,
    berichtsstichtag: nextBerichtsstichtag(settings.berichtsstichtag, reports) ?? referenceDate,
    due,
    missing,
    tolerance: settings.indikatorToleranz,
    measures,
    indicators,
    data,
  };
}

/**
 * The Stichtag a new value of an indicator is due for: the Berichtsstichtag while the indicator has no value
 * from it on, else the end of the year (of the reference date, or the one after the latest value) — the
 * next date to measure, not simply today.
 */
export function indicatorDue(
  values: readonly IndicatorValue[],
  berichtsstichtag: IsoDate,
  referenceDate: IsoDate,
): IsoDate {
  const latest = values.reduce<IsoDate | null>((l, v) => (l === null || v.stichtag > l ? v.stichtag : l), null);
  if (latest === null || latest < berichtsstichtag) return berichtsstichtag;
  const yearEnd = `${referenceDate.slice(0, 4)}-12-31`;
  return yearEnd > latest ? yearEnd : `${Number(latest.slice(0, 4)) + 1}-12-31`;
}
