/**
 * Fortschreibung (docs/befehle.md, `fortschreiben`): which measures go into the next concept period and
 * why, the new Laufzeit, and the Basiswerte taken from the latest IST. Pure decisions; the workbook layer
 * reads the rows and writes the result.
 */
import { type CellValue, type IsoDate, compareIso } from "./dates";
import type { IndicatorTarget, IndicatorValue } from "./monitoring";
import { valuesOf } from "./monitoring";
import { STATUS_VALUES, type Status } from "./model";
import { idKey, matchListValue, normalizeLabel, textOf } from "./values";

export interface Laufzeit {
  firstYear: number;
  lastYear: number;
  /** 01.01. of the first year. */
  von: IsoDate;
  /** 31.12. of the last year. */
  bis: IsoDate;
}

/** `2029-2032` (also with `–`) as the new Laufzeit; a German sentence when it cannot be read. */
export function parseLaufzeit(text: string | undefined): { laufzeit: Laufzeit } | { error: string } {
  if (text === undefined || text.trim() === "")
    return { error: "Bitte die Laufzeit der neuen Periode angeben, z. B. --laufzeit 2029-2032." };
  const m = /^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$/.exec(text);
  if (!m)
    return {
      error: `Die Laufzeit „${text}“ ist nicht lesbar; geben Sie sie als zwei Jahre an, z. B. --laufzeit 2029-2032.`,
    };
  const firstYear = Number(m[1]);
  const lastYear = Number(m[2]);
  if (firstYear < 2000 || lastYear > 2100)
    return { error: `Die Laufzeit „${text}“ liegt außerhalb der Jahre 2000 bis 2100.` };
  if (lastYear < firstYear)
    return { error: `Die Laufzeit „${text}“ endet vor ihrem Beginn; das erste Jahr muss vor dem letzten liegen.` };
  return { laufzeit: { firstYear, lastYear, von: `${firstYear}-01-01`, bis: `${lastYear}-12-31` } };
}

/** What the Fortschreibung needs of a Maßnahmen row. */
export interface MeasureInput {
  row: number;
  id: string;
  titel: string;
  handlungsfeld: string;
  status: CellValue;
  bemerkung: string;
}

/** The latest round's recommendation for one measure. */
export interface RoundVerdict {
  empfehlung: string;
  begruendung: string;
}

export interface LatestRoundVerdicts {
  round: number;
  /** By idKey of the measure's ID. */
  byId: Map<string, RoundVerdict>;
}

export interface MeasureDecision extends MeasureInput {
  /** The Status as the list spells it, or the cell's text. */
  statusText: string;
  empfehlung: string;
  begruendung: string;
}

export interface DroppedMeasure extends MeasureDecision {
  /** Why it is not carried, one German sentence part. */
  grund: string;
}

export interface RevisedMeasure extends MeasureDecision {
  /** The Bemerkung as it stands in the new period (marked for revision). */
  neueBemerkung: string;
}

export interface MeasureDecisions {
  carried: MeasureDecision[];
  /** Carried, and marked for revision (latest round: `anpassen`). */
  revised: RevisedMeasure[];
  dropped: DroppedMeasure[];
}

const ENDING_STATUS: readonly Status[] = ["umgesetzt", "verworfen"];

/** The mark that goes in front of the Bemerkung of a measure to be revised. */
export function revisionMark(round: number): string {
  return `Überarbeiten (Bewertung ${round}: anpassen)`;
}

/** The Bemerkung with the revision mark (and the Begründung) in front; a Bemerkung already marked stays. */
export function markedBemerkung(bemerkung: string, round: number, begruendung: string): string {
  const mark = revisionMark(round);
  if (bemerkung.startsWith(mark)) return bemerkung;
  const head = begruendung ? `${mark}: ${begruendung}` : mark;
  return bemerkung ? `${head} – ${bemerkung}` : head;
}

/**
 * Which measures the next period carries: all of them with their IDs, except those the latest round
 * recommends to end (`beenden`) and those whose Status is `umgesetzt` or `verworfen`; `anpassen` is
 * carried and marked for revision. Measures without ID are carried as they are.
 */
export function decideMeasures(measures: readonly MeasureInput[], round: LatestRoundVerdicts | null): MeasureDecisions {
  const result: MeasureDecisions = { carried: [], revised: [], dropped: [] };
  for (const m of measures) {
    const status = matchListValue(m.status, STATUS_VALUES);
    const verdict = m.id && round ? round.byId.get(idKey(m.id)) : undefined;
    const empfehlung = normalizeLabel(verdict?.empfehlung ?? "");
    const decision: MeasureDecision = {
      ...m,
      statusText: status ?? textOf(m.status),
      empfehlung: verdict?.empfehlung ?? "",
      begruendung: verdict?.begruendung ?? "",
    };
    const reasons: string[] = [];
    if (status && ENDING_STATUS.includes(status)) reasons.push(`Status „${status}“`);
    if (empfehlung === "beenden") reasons.push(`Empfehlung der Bewertung ${round!.round}: beenden`);
    if (reasons.length > 0) result.dropped.push({ ...decision, grund: reasons.join("; ") });
    else if (empfehlung === "anpassen")
      result.revised.push({
        ...decision,
        neueBemerkung: markedBemerkung(m.bemerkung, round!.round, decision.begruendung),
      });
    else result.carried.push(decision);
  }
  return result;
}

/** A Basiswert taken from the latest IST of an indicator. */
export interface BaselineChange {
  id: string;
  /** The indicator's name (Indikator column). */
  name: string;
  row: number;
  alterBasiswert: number | null;
  alterBasisjahr: string;
  basiswert: number;
  basisjahr: number;
  /** The Stichtag of the value taken. */
  stichtag: IsoDate;
}

/**
 * For each indicator with values: its latest value (by Stichtag) as the new Basiswert, the Stichtag's year
 * as the Basisjahr. Indicators whose Basiswert and Basisjahr already are these are left out.
 */
export function baselineChanges(
  indicators: readonly (IndicatorTarget & { row: number; name: string; basisjahrText: string })[],
  values: readonly IndicatorValue[],
): BaselineChange[] {
  const changes: BaselineChange[] = [];
  for (const indicator of indicators) {
    if (!indicator.id) continue;
    const own = valuesOf(indicator.id, values);
    const latest = own[own.length - 1];
    if (!latest) continue;
    const basisjahr = Number(latest.stichtag.slice(0, 4));
    const sameYear = indicator.basisDatum !== null && compareIso(indicator.basisDatum, `${basisjahr}-12-31`) === 0;
    if (indicator.basiswert === latest.wert && sameYear) continue;
    changes.push({
      id: indicator.id,
      name: indicator.name,
      row: indicator.row,
      alterBasiswert: indicator.basiswert,
      alterBasisjahr: indicator.basisjahrText,
      basiswert: latest.wert,
      basisjahr,
      stichtag: latest.stichtag,
    });
  }
  return changes;
}

/**
 * The Konzepttitel with the old period's years replaced by the new ones (`Integrationskonzept 2026–2030` →
 * `Integrationskonzept 2029–2032`), keeping the separator; null when the title does not name the old years.
 */
export function retitled(
  title: string,
  alteVon: IsoDate | null,
  alteBis: IsoDate | null,
  laufzeit: Laufzeit,
): string | null {
  if (!alteVon || !alteBis) return null;
  const pattern = new RegExp(`\\b${alteVon.slice(0, 4)}(\\s*(?:[-–—/]|bis)\\s*)${alteBis.slice(0, 4)}\\b`);
  if (!pattern.test(title)) return null;
  return title.replace(pattern, `${laufzeit.firstYear}$1${laufzeit.lastYear}`);
}
