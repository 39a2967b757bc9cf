/**
 * The Sachstandsbericht for the committee (docs/befehle.md, `bericht`) as plain data: what the
 * Word document says, worked out from the concept, the check, the latest Bewertung round and the
 * monitoring data. Pure; a renderer turns it into a document.
 *
 * Monitoring (indicator states, Sachstände) is an input computed elsewhere, never guessed here: without it
 * every indicator reads `keine Daten` and no measure has a Sachstand.
 */
import { type CellValue, type IsoDate, compareIso, parseGermanDate } from "./dates";
import {
  type Ampel,
  type ExistingRound,
  ENTFALLEN,
  ampel as ampelOf,
  readCriteria,
  scoreOf,
  weightedScore,
} from "./matrix";
import { type ConceptData, FINANZIERUNG_VALUES, type Finanzierung, type RowRecord, STATUS_VALUES } from "./model";
import {
  AMPEL_VALUES,
  type IndicatorAmpel,
  type IndicatorPoint,
  type IndicatorStateInput,
  type MonitoringInput,
  type SachstandInput,
  sachstandDue,
} from "./monitoring";
import { isBasisindikator } from "./monitoringData";
import { parseGermanNumber } from "./numbers";
import type { CheckResult } from "./rules";
import { idKey, matchListValue, normalizeLabel, referenceId, textOf } from "./values";

export type { IndicatorAmpel };
export const KEINE_DATEN = "keine Daten" satisfies IndicatorAmpel;
export const INDICATOR_AMPELN: readonly IndicatorAmpel[] = [...AMPEL_VALUES, KEINE_DATEN];

/** Measures whose Status is empty or not in the list are counted under this label. */
export const OHNE_STATUS = "ohne gültigen Status";
/** The group of measures and indicators whose Handlungsfeld cannot be found. */
export const OHNE_HANDLUNGSFELD = "Ohne zugeordnetes Handlungsfeld";

/** The report's inputs from monitoring (computed by monitoringAt). */
export type { IndicatorStateInput, MonitoringInput, SachstandInput };

export interface LatestRoundInput {
  round: number;
  existing: ExistingRound;
}

export interface ReportOptions {
  monitoring?: MonitoringInput;
  /** The latest `Bewertung JJJJ` as read from the workbook, when there is one. */
  latestRound?: LatestRoundInput | null;
}

export interface ReportFrist {
  /** The Frist as a date, when it can be read as one. */
  date: IsoDate | null;
  /** The cell's text otherwise (`fortlaufend`), or "" when empty. */
  text: string;
  /** What `check` makes of it (the same reading): a date, empty, no date at all (`fortlaufend`), or no valid date. */
  kind: "date" | "empty" | "vague" | "invalid";
}

/** Measures whose Finanzierung is empty (or not one of the list's words) are summed under this label. */
export const OHNE_FINANZIERUNG = "ohne Angabe";
export type FinanzierungGroup = Finanzierung | typeof OHNE_FINANZIERUNG;
export const FINANZIERUNG_GROUPS: readonly FinanzierungGroup[] = [...FINANZIERUNG_VALUES, OHNE_FINANZIERUNG];

/** A value `check` finds invalid (R_WERT_UNGUELTIG, a Finanzierung not in the list), left out of the sums. */
export interface UnreadableValue {
  id: string;
  field: "Personal (VZÄ)" | "Sachkosten (EUR)" | "Finanzierung";
  text: string;
}

/** A measure's resources as the sheet Maßnahmen gives them. */
export interface MeasureResources {
  /** VZÄ; null when empty or not readable. */
  personal: number | null;
  /** EUR; null when empty or not readable. */
  sachkosten: number | null;
  finanzierung: FinanzierungGroup;
  unreadable: UnreadableValue[];
}

export interface ReportAmounts {
  measures: number;
  sachkosten: number;
  personal: number;
}

/** Sachkosten, Personal and Finanzierung of a group of measures, verworfene left out. */
export interface ReportResources {
  total: ReportAmounts;
  /** Every Finanzierung of the list in its order, then `ohne Angabe` when a measure has none. */
  byFinanzierung: { finanzierung: FinanzierungGroup; amounts: ReportAmounts }[];
  unreadable: UnreadableValue[];
}

export interface ReportSachstand {
  berichtsstichtag: IsoDate;
  text: string;
  ampel: Ampel | null;
}

export interface ReportMeasure {
  id: string;
  titel: string;
  federfuehrung: string;
  frist: ReportFrist;
  status: string;
  /** The Status cell's text when it is not a Status of the list (shown as invalid); null otherwise. */
  statusInvalid: string | null;
  resources: MeasureResources;
  /** Umsetzung of the latest Sachstand, in percent; null without one. */
  umsetzung: number | null;
  sachstand: ReportSachstand | null;
}

export interface ReportIndicator {
  id: string;
  name: string;
  einheit: string;
  basis: { wert: number | null; jahr: number | null };
  ziel: { wert: number | null; jahr: number | null };
  ist: IndicatorPoint | null;
  zielerreichung: number | null;
  soll: number | null;
  ampel: IndicatorAmpel;
  /** By Stichtag, ascending. */
  werte: IndicatorPoint[];
}

export interface ReportField {
  /** The Handlungsfeld's ID; "" for the group of measures without a known Handlungsfeld. */
  id: string;
  name: string;
  leitziel: string;
  indicators: ReportIndicator[];
  measures: ReportMeasure[];
  resources: ReportResources;
}

export interface ReportRoundRow {
  id: string;
  titel: string;
  handlungsfeld: string;
  /** Weighted mean of the scores; null while not scored. */
  gesamt: number | null;
  ampel: Ampel | null;
  empfehlung: string;
}

export interface ReportRound {
  round: number;
  rows: ReportRoundRow[];
  scored: number;
  meanGesamt: number | null;
}

export interface ReportSummary {
  /** Measures (rows with content) in Maßnahmen. */
  measures: number;
  byStatus: { status: string; count: number }[];
  /** Measures not `verworfen`, the base of SMART-complete. */
  active: number;
  smartComplete: number;
  overdue: number;
  indicators: number;
  indicatorsByAmpel: { ampel: IndicatorAmpel; count: number }[];
  /** Of every measure (verworfene left out). */
  resources: ReportResources;
}

export interface ReportModel {
  title: {
    kommune: string;
    konzepttitel: string;
    stichtag: IsoDate;
    /** The Berichtsstichtag of the Sachstände; null without monitoring data. */
    berichtsstichtag: IsoDate | null;
  };
  /** Whether monitoring data (indicator states, Sachstände) were given at all. */
  monitoring: boolean;
  summary: ReportSummary;
  fields: ReportField[];
  bewertung: ReportRound | null;
  annex: {
    overdue: ReportMeasure[];
    /** Measures due a Sachstand for the Berichtsstichtag that have none; null when that cannot be told. */
    missingSachstaende: ReportMeasure[] | null;
  };
}

type Rec = RowRecord<string>;
const cell = (r: Rec, field: string): CellValue => r.values[field] ?? null;
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, "de", { numeric: true });

function numberOf(value: CellValue): number | null {
  const n = parseGermanNumber(value);
  return n.kind === "number" ? n.value : null;
}

function yearOf(value: CellValue): number | null {
  const n = numberOf(value);
  return n !== null && Number.isInteger(n) ? n : null;
}

function fristOf(value: CellValue): ReportFrist {
  const parsed = parseGermanDate(value);
  return { date: parsed.kind === "date" ? parsed.date : null, text: textOf(value), kind: parsed.kind };
}

/** Personal and Sachkosten read as R_WERT_UNGUELTIG reads them (a negative amount is invalid too). */
function amountOf(id: string, field: UnreadableValue["field"], value: CellValue, unreadable: UnreadableValue[]) {
  const parsed = parseGermanNumber(value);
  if (parsed.kind === "number" && parsed.value >= 0) return parsed.value;
  if (parsed.kind !== "empty") unreadable.push({ id, field, text: textOf(value) });
  return null;
}

function resourcesOf(m: Rec, id: string): MeasureResources {
  const unreadable: UnreadableValue[] = [];
  const personal = amountOf(id, "Personal (VZÄ)", cell(m, "personal"), unreadable);
  const sachkosten = amountOf(id, "Sachkosten (EUR)", cell(m, "sachkosten"), unreadable);
  const raw = cell(m, "finanzierung");
  const finanzierung = matchListValue(raw, FINANZIERUNG_VALUES);
  if (!finanzierung && textOf(raw) !== "") unreadable.push({ id, field: "Finanzierung", text: textOf(raw) });
  return { personal, sachkosten, finanzierung: finanzierung ?? OHNE_FINANZIERUNG, unreadable };
}

const noAmounts = (): ReportAmounts => ({ measures: 0, sachkosten: 0, personal: 0 });

/** The resources of measures added up, verworfene left out (they cost nothing). */
export function sumResources(measures: readonly ReportMeasure[]): ReportResources {
  const total = noAmounts();
  const groups = new Map(FINANZIERUNG_GROUPS.map((f) => [f, noAmounts()]));
  const unreadable: UnreadableValue[] = [];
  for (const m of measures) {
    if (m.status === "verworfen") continue;
    const r = m.resources;
    for (const amounts of [total, groups.get(r.finanzierung)!]) {
      amounts.measures++;
      amounts.sachkosten += r.sachkosten ?? 0;
      amounts.personal += r.personal ?? 0;
    }
    unreadable.push(...r.unreadable);
  }
  const byFinanzierung = FINANZIERUNG_GROUPS.map((finanzierung) => ({
    finanzierung,
    amounts: groups.get(finanzierung)!,
  }));
  return {
    total,
    byFinanzierung: byFinanzierung.filter((g) => g.finanzierung !== OHNE_FINANZIERUNG || g.amounts.measures > 0),
    unreadable,
  };
}

function statusOf(value: CellValue): string {
  return matchListValue(value, STATUS_VALUES) ?? OHNE_STATUS;
}

/** The Status cell's text when it holds something that is not a Status (STATUS_UNGUELTIG). */
function statusInvalidOf(value: CellValue): string | null {
  return matchListValue(value, STATUS_VALUES) || textOf(value) === "" ? null : textOf(value);
}

/** The latest Sachstand per measure (by ID key); a later Berichtsstichtag wins, on the same date the later row. */
export function latestSachstaende(rows: SachstandInput[]): Map<string, SachstandInput> {
  const latest = new Map<string, SachstandInput>();
  for (const row of rows) {
    const key = idKey(row.massnahme);
    const seen = latest.get(key);
    if (!seen || compareIso(row.berichtsstichtag, seen.berichtsstichtag) >= 0) latest.set(key, row);
  }
  return latest;
}

/** Measures due a Sachstand for the Berichtsstichtag (see sachstandDue, as SACHSTAND_FEHLT) that have none for that date. */
export function dueWithoutSachstand(measures: Rec[], sachstaende: SachstandInput[], berichtsstichtag: IsoDate): Rec[] {
  const reported = new Set(
    sachstaende.filter((s) => s.berichtsstichtag === berichtsstichtag).map((s) => idKey(s.massnahme)),
  );
  return measures.filter((m) => {
    const id = textOf(cell(m, "id"));
    return (
      id !== "" && !reported.has(idKey(id)) && sachstandDue(cell(m, "status"), cell(m, "beginn"), berichtsstichtag)
    );
  });
}

interface Lookups {
  akteure: Map<string, string>;
  zielToField: Map<string, string>;
  sachstand: Map<string, SachstandInput>;
}

function lookups(concept: ConceptData, monitoring: MonitoringInput | undefined): Lookups {
  const akteure = new Map<string, string>();
  for (const a of concept.akteure?.rows ?? []) {
    const id = textOf(cell(a, "id"));
    if (id && !akteure.has(idKey(id))) akteure.set(idKey(id), textOf(cell(a, "bezeichnung")));
  }
  const zielToField = new Map<string, string>();
  for (const z of concept.ziele?.rows ?? []) {
    const id = textOf(cell(z, "id"));
    if (id && !zielToField.has(idKey(id))) zielToField.set(idKey(id), idKey(referenceId(cell(z, "handlungsfeld"))));
  }
  return { akteure, zielToField, sachstand: latestSachstaende(monitoring?.sachstaende ?? []) };
}

function measureOf(m: Rec, l: Lookups): ReportMeasure {
  const id = textOf(cell(m, "id"));
  const lead = cell(m, "federfuehrung");
  const latest = l.sachstand.get(idKey(id));
  return {
    id,
    titel: textOf(cell(m, "titel")),
    federfuehrung: l.akteure.get(idKey(referenceId(lead))) || textOf(lead),
    frist: fristOf(cell(m, "frist")),
    status: statusOf(cell(m, "status")),
    statusInvalid: statusInvalidOf(cell(m, "status")),
    resources: resourcesOf(m, id),
    umsetzung: latest?.umsetzung ?? null,
    sachstand: latest
      ? { berichtsstichtag: latest.berichtsstichtag, text: latest.sachstand, ampel: latest.ampel }
      : null,
  };
}

function indicatorOf(row: Rec, state: IndicatorStateInput | undefined): ReportIndicator {
  return {
    id: textOf(cell(row, "id")),
    name: textOf(cell(row, "indikator")),
    einheit: textOf(cell(row, "einheit")),
    basis: { wert: numberOf(cell(row, "basiswert")), jahr: yearOf(cell(row, "basisjahr")) },
    ziel: { wert: numberOf(cell(row, "zielwert")), jahr: yearOf(cell(row, "zieljahr")) },
    ist: state?.ist ?? null,
    zielerreichung: state?.zielerreichung ?? null,
    soll: state?.soll ?? null,
    ampel: state?.ampel ?? KEINE_DATEN,
    werte: [...(state?.werte ?? [])].sort((a, b) => compareIso(a.stichtag, b.stichtag)),
  };
}

/** Measures (with ID) and indicators grouped by Handlungsfeld, in the order of the sheet Handlungsfelder. */
function fieldsOf(concept: ConceptData, l: Lookups, monitoring: MonitoringInput | undefined): ReportField[] {
  const fields: ReportField[] = [];
  const byKey = new Map<string, ReportField>();
  for (const h of concept.handlungsfelder?.rows ?? []) {
    const id = textOf(cell(h, "id"));
    if (!id || byKey.has(idKey(id))) continue;
    const field: ReportField = {
      id,
      name: textOf(cell(h, "handlungsfeld")),
      leitziel: textOf(cell(h, "leitziel")),
      indicators: [],
      measures: [],
      resources: sumResources([]),
    };
    byKey.set(idKey(id), field);
    fields.push(field);
  }
  const orphan: ReportField = {
    id: "",
    name: OHNE_HANDLUNGSFELD,
    leitziel: "",
    indicators: [],
    measures: [],
    resources: sumResources([]),
  };
  const fieldOf = (key: string) => byKey.get(key) ?? orphan;

  const states = new Map((monitoring?.indicators ?? []).map((s) => [idKey(s.id), s]));
  const seenIndicators = new Set<string>();
  for (const row of concept.indikatoren?.rows ?? []) {
    const id = textOf(cell(row, "id"));
    // A Basisindikator belongs to the Integrationsmonitoring (Kennzahlen), not to a Handlungsfeld's targets.
    if (!id || seenIndicators.has(idKey(id)) || isBasisindikator(row)) continue;
    seenIndicators.add(idKey(id));
    const field = l.zielToField.get(idKey(referenceId(cell(row, "ziel")))) ?? "";
    fieldOf(field).indicators.push(indicatorOf(row, states.get(idKey(id))));
  }
  const seenMeasures = new Set<string>();
  for (const m of concept.massnahmen.rows) {
    const id = textOf(cell(m, "id"));
    if (!id || seenMeasures.has(idKey(id))) continue;
    seenMeasures.add(idKey(id));
    fieldOf(idKey(referenceId(cell(m, "handlungsfeld")))).measures.push(measureOf(m, l));
  }
  const all = orphan.indicators.length + orphan.measures.length > 0 ? [...fields, orphan] : fields;
  for (const f of all) {
    f.indicators.sort(byId);
    f.measures.sort(byId);
    f.resources = sumResources(f.measures);
  }
  return all;
}

function summaryOf(concept: ConceptData, check: CheckResult, fields: ReportField[], overdue: number): ReportSummary {
  const counts = new Map<string, number>();
  for (const m of concept.massnahmen.rows) {
    const status = statusOf(cell(m, "status"));
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  const indicators = fields.flatMap((f) => f.indicators);
  return {
    measures: concept.massnahmen.rows.length,
    byStatus: [...STATUS_VALUES, OHNE_STATUS]
      .map((status) => ({ status, count: counts.get(status) ?? 0 }))
      .filter((s) => s.status !== OHNE_STATUS || s.count > 0),
    active: check.measures.filter((m) => !m.rejected).length,
    smartComplete: check.summary.smartComplete,
    overdue,
    indicators: indicators.length,
    indicatorsByAmpel: INDICATOR_AMPELN.map((ampel) => ({
      ampel,
      count: indicators.filter((i) => i.ampel === ampel).length,
    })),
    resources: sumResources(fields.flatMap((f) => f.measures)),
  };
}

/** A round's cell by header, compared as the contract compares headers. */
function roundCell(row: ExistingRound["rows"][number], header: string): CellValue {
  for (const [h, value] of row.cells) if (normalizeLabel(h) === normalizeLabel(header)) return value;
  return null;
}

/**
 * The latest round's result per measure. Gesamt is the value Excel computed when the file holds one, else
 * the weighted mean of the scores under the current criteria (what the sheet's formula computes).
 */
export function roundOf(concept: ConceptData, check: CheckResult, input: LatestRoundInput): ReportRound {
  const { criteria } = readCriteria(concept);
  const rows: ReportRoundRow[] = [];
  for (const row of input.existing.rows) {
    if (normalizeLabel(textOf(roundCell(row, "Status"))) === normalizeLabel(ENTFALLEN)) continue;
    const cached = roundCell(row, "Gesamt");
    const gesamt =
      typeof cached === "number"
        ? cached
        : weightedScore(
            criteria.map((c) => scoreOf(roundCell(row, c.name))),
            criteria,
          );
    rows.push({
      id: row.id,
      titel: textOf(roundCell(row, "Maßnahme")),
      handlungsfeld: textOf(roundCell(row, "Handlungsfeld")),
      gesamt,
      ampel: ampelOf(gesamt, check.settings),
      empfehlung: textOf(roundCell(row, "Empfehlung")),
    });
  }
  const scored = rows.filter((r) => r.gesamt !== null);
  return {
    round: input.round,
    rows,
    scored: scored.length,
    meanGesamt: scored.length ? scored.reduce((s, r) => s + r.gesamt!, 0) / scored.length : null,
  };
}

export function buildReportModel(concept: ConceptData, check: CheckResult, options: ReportOptions = {}): ReportModel {
  const { monitoring } = options;
  const l = lookups(concept, monitoring);
  const fields = fieldsOf(concept, l, monitoring);
  const measuresById = new Map(fields.flatMap((f) => f.measures).map((m) => [idKey(m.id), m]));
  const overdueIds = new Set(
    check.findings.filter((f) => f.rule === "T_UEBERFAELLIG" && f.id).map((f) => idKey(f.id!)),
  );
  const overdue = [...overdueIds].flatMap((id) => measuresById.get(id) ?? []).sort(byId);
  const berichtsstichtag = monitoring?.berichtsstichtag ?? null;
  const missing =
    monitoring && berichtsstichtag
      ? dueWithoutSachstand(concept.massnahmen.rows, monitoring.sachstaende, berichtsstichtag)
          .flatMap((m) => measuresById.get(idKey(textOf(cell(m, "id")))) ?? [])
          .filter((m, i, all) => all.indexOf(m) === i)
          .sort(byId)
      : null;
  return {
    title: {
      kommune: check.settings.kommune,
      konzepttitel: check.settings.konzepttitel,
      stichtag: check.referenceDate,
      berichtsstichtag,
    },
    monitoring: monitoring !== undefined,
    summary: summaryOf(concept, check, fields, overdue.length),
    fields,
    bewertung: options.latestRound ? roundOf(concept, check, options.latestRound) : null,
    annex: { overdue, missingSachstaende: missing },
  };
}
