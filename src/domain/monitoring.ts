/**
 * Monitoring (docs/arbeitsmappe.md, Monitoring): the state of an indicator at a reference date — IST, Stand,
 * Zielerreichung, Soll, Ampel — and a measure's Sachstände. Pure arithmetic on rows read as everywhere else
 * (`2025` = 31.12.2025, `2015/2016` = 31.12.2016, `12,5`).
 */
import { type CellValue, type IsoDate, compareIso, parseGermanDate, periodStart } from "./dates";
import { type ConceptData, type FieldsOf, type RowRecord, STATUS_VALUES, type Status } from "./model";
import { MonitoringData, ownTotals } from "./monitoringData";
import { parseGermanNumber } from "./numbers";
import type { Settings } from "./settings";
import { idKey, matchListValue, referenceId, textOf } from "./values";

export const AMPEL_VALUES = ["grün", "gelb", "rot"] as const;
export type AmpelFarbe = (typeof AMPEL_VALUES)[number];
export type IndicatorAmpel = AmpelFarbe | "keine Daten";

/** What the indicator arithmetic needs of an Indikatoren row. */
export interface IndicatorTarget {
  id: string;
  basiswert: number | null;
  /** 31.12. of the Basisjahr (a period: of its last year). */
  basisDatum: IsoDate | null;
  zielwert: number | null;
  zielDatum: IsoDate | null;
}

/** One readable Indikatorwerte row. */
export interface IndicatorValue {
  /** The Indikator's ID as written (without a ` – Name`). */
  indikator: string;
  stichtag: IsoDate;
  wert: number;
  row: number;
}

/** A value at its Stichtag, as the report and its charts show it (an Indikatorwert without its row). */
export interface IndicatorPoint {
  stichtag: IsoDate;
  wert: number;
}

/** One indicator's state at the reference date, as the monitoring domain works it out (docs/arbeitsmappe.md, Monitoring). */
export interface IndicatorStateInput {
  /** The Indikator's ID. */
  id: string;
  /** The latest value with Stichtag on or before the reference date. */
  ist: IndicatorPoint | null;
  /** (IST − Basiswert) / (Zielwert − Basiswert) in percent; null without IST, Basiswert or Zielwert. */
  zielerreichung: number | null;
  /** Share of the time from 31.12. of the Basisjahr to 31.12. of the Zieljahr that has passed, 0–100. */
  soll: number | null;
  ampel: IndicatorAmpel;
  /** The values up to the reference date (the chart's series), any order. */
  werte: IndicatorPoint[];
}

/** One row of Sachstände. */
export interface SachstandInput {
  /** The measure's ID. */
  massnahme: string;
  berichtsstichtag: IsoDate;
  status: string;
  /** Umsetzung in percent, 0–100; null when not given. */
  umsetzung: number | null;
  /** The reporting unit's own Ampel; null when not given. */
  ampel: AmpelFarbe | null;
  sachstand: string;
}

/** The monitoring data of a concept at a reference date: the input of the Sachstandsbericht and the Übersicht. */
export interface MonitoringInput {
  indicators: IndicatorStateInput[];
  sachstaende: SachstandInput[];
  /** The Berichtsstichtag in force at the reference date (see currentBerichtsstichtag); null when there is none. */
  berichtsstichtag: IsoDate | null;
}

export interface IndicatorState {
  /** The latest Wert with Stichtag on or before the reference date. */
  ist: number | null;
  /** Its Stichtag. */
  stand: IsoDate | null;
  /** (IST − Basiswert) / (Zielwert − Basiswert), in %. */
  zielerreichung: number | null;
  /** Share of the time from Basisjahr to Zieljahr passed at the reference date, 0–100 %. */
  soll: number | null;
  ampel: IndicatorAmpel;
}

/** A number cell or German number text; null when empty or unreadable. */
export function numberOf(value: CellValue): number | null {
  const parsed = parseGermanNumber(value);
  return parsed.kind === "number" ? parsed.value : null;
}

/** A date cell or text as the contract reads it (a year or period: its last day); null when not a date. */
export function dateOf(value: CellValue): IsoDate | null {
  const parsed = parseGermanDate(value);
  return parsed.kind === "date" ? parsed.date : null;
}

export function indicatorTarget(row: RowRecord<FieldsOf<"indikatoren">>): IndicatorTarget {
  const v = (f: FieldsOf<"indikatoren">) => row.values[f] ?? null;
  return {
    id: textOf(v("id")),
    basiswert: numberOf(v("basiswert")),
    basisDatum: dateOf(v("basisjahr")),
    zielwert: numberOf(v("zielwert")),
    zielDatum: dateOf(v("zieljahr")),
  };
}

/** The values of one indicator, by Stichtag (rows of the same Stichtag in sheet order). */
export function valuesOf(indicatorId: string, values: readonly IndicatorValue[]): IndicatorValue[] {
  return values
    .filter((v) => idKey(v.indikator) === idKey(indicatorId))
    .sort((a, b) => compareIso(a.stichtag, b.stichtag) || a.row - b.row);
}

const DAY_MS = 86_400_000;

function days(from: IsoDate, to: IsoDate): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
}

/** Soll at the reference date: 0 before the Basisjahr's end, 100 after the Zieljahr's end. */
export function sollAt(target: IndicatorTarget, referenceDate: IsoDate): number | null {
  const { basisDatum, zielDatum } = target;
  if (!basisDatum || !zielDatum || compareIso(zielDatum, basisDatum) <= 0) return null;
  const share = (days(basisDatum, referenceDate) / days(basisDatum, zielDatum)) * 100;
  return Math.min(100, Math.max(0, share));
}

/** The Ampel of an indicator: T = the Indikator-Toleranz in percentage points. */
export function indicatorAmpel(zielerreichung: number | null, soll: number | null, tolerance: number): IndicatorAmpel {
  if (zielerreichung === null || soll === null) return "keine Daten";
  if (zielerreichung >= soll - tolerance) return "grün";
  if (zielerreichung >= soll - 3 * tolerance) return "gelb";
  return "rot";
}

/**
 * The state of an indicator at the reference date. `values` are the indicator's own values (any order).
 * Without IST, Basiswert or Zielwert — or when Zielwert equals Basiswert, or Basis-/Zieljahr are missing —
 * the Ampel is `keine Daten`.
 */
export function indicatorState(
  target: IndicatorTarget,
  values: readonly IndicatorValue[],
  referenceDate: IsoDate,
  tolerance: number,
): IndicatorState {
  const known = valuesOf(target.id, values).filter((v) => compareIso(v.stichtag, referenceDate) <= 0);
  const latest = known[known.length - 1];
  const ist = latest?.wert ?? null;
  const { basiswert, zielwert } = target;
  const zielerreichung =
    ist === null || basiswert === null || zielwert === null || zielwert === basiswert
      ? null
      : ((ist - basiswert) / (zielwert - basiswert)) * 100;
  const soll = sollAt(target, referenceDate);
  return {
    ist,
    stand: latest?.stichtag ?? null,
    zielerreichung,
    soll,
    ampel: indicatorAmpel(zielerreichung, soll, tolerance),
  };
}

// ---------------------------------------------------------------------------------------------
// Sachstände

/** One readable Sachstände row. */
export interface Sachstand {
  /** The measure's ID as written (without a ` – Titel`). */
  massnahme: string;
  berichtsstichtag: IsoDate;
  status: Status;
  /** 0–100, or null when not given. */
  umsetzung: number | null;
  ampel: AmpelFarbe | null;
  sachstand: string;
  naechsteSchritte: string;
  hindernisse: string;
  gemeldetVon: string;
  row: number;
}

export type SachstandField = "massnahme" | "berichtsstichtag" | "status" | "umsetzung";

/** The cells of a Sachstände row that cannot be read (empty when the row is a readable report). */
export function sachstandProblems(row: RowRecord<FieldsOf<"sachstaende">>): SachstandField[] {
  const v = row.values;
  const umsetzung = parseGermanNumber(v.umsetzung ?? null);
  const checks: [SachstandField, boolean][] = [
    ["massnahme", referenceId(v.massnahme ?? null) !== ""],
    ["berichtsstichtag", dateOf(v.berichtsstichtag ?? null) !== null],
    ["status", matchListValue(v.status ?? null, STATUS_VALUES) !== null],
    [
      "umsetzung",
      umsetzung.kind === "empty" || (umsetzung.kind === "number" && umsetzung.value >= 0 && umsetzung.value <= 100),
    ],
  ];
  return checks.filter(([, ok]) => !ok).map(([field]) => field);
}

/** The Sachstände row as a report, or null when it cannot be read (see sachstandProblems). */
export function sachstandOf(row: RowRecord<FieldsOf<"sachstaende">>): Sachstand | null {
  if (sachstandProblems(row).length > 0) return null;
  const v = row.values;
  return {
    massnahme: referenceId(v.massnahme ?? null),
    berichtsstichtag: dateOf(v.berichtsstichtag ?? null)!,
    status: matchListValue(v.status ?? null, STATUS_VALUES)!,
    umsetzung: numberOf(v.umsetzung ?? null),
    ampel: matchListValue(v.ampel ?? null, AMPEL_VALUES),
    sachstand: textOf(v.sachstand ?? null),
    naechsteSchritte: textOf(v.naechsteSchritte ?? null),
    hindernisse: textOf(v.hindernisse ?? null),
    gemeldetVon: textOf(v.gemeldetVon ?? null),
    row: row.row,
  };
}

/** A measure's Sachstände, oldest first (the same Berichtsstichtag: in sheet order). */
export function sachstandHistory(measureId: string, reports: readonly Sachstand[]): Sachstand[] {
  return [...(historiesOf(reports).get(idKey(measureId)) ?? [])];
}

/**
 * Each measure's Sachstände in date order, indexed once per list of reports: the rules, the report and split
 * ask per measure, and scanning the whole list for each of 5,000 measures with three reports each took 9 s.
 * Lists of reports are built once and then only read, so the list itself is the cache's key.
 */
const HISTORIES = new WeakMap<readonly Sachstand[], Map<string, Sachstand[]>>();

function historiesOf(reports: readonly Sachstand[]): Map<string, Sachstand[]> {
  const known = HISTORIES.get(reports);
  if (known) return known;
  const index = new Map<string, Sachstand[]>();
  for (const r of reports) {
    const key = idKey(r.massnahme);
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  }
  for (const list of index.values()) {
    list.sort((a, b) => compareIso(a.berichtsstichtag, b.berichtsstichtag) || a.row - b.row);
  }
  HISTORIES.set(reports, index);
  return index;
}

/** A measure's latest Sachstand (on or before `until`, when given); its Umsetzung, Ampel and Sachstand are the measure's. */
export function latestSachstand(measureId: string, reports: readonly Sachstand[], until?: IsoDate): Sachstand | null {
  const history = sachstandHistory(measureId, reports).filter(
    (r) => !until || compareIso(r.berichtsstichtag, until) <= 0,
  );
  return history[history.length - 1] ?? null;
}

/**
 * Whether a measure owes a Sachstand for the Berichtsstichtag: `in Umsetzung`, or `geplant` with its Beginn
 * (a month, quarter or year read as its first day) on or before that date.
 */
export function sachstandDue(status: CellValue, beginn: CellValue, berichtsstichtag: IsoDate): boolean {
  const s = matchListValue(status, STATUS_VALUES);
  if (s === "in Umsetzung") return true;
  if (s !== "geplant") return false;
  const parsed = parseGermanDate(beginn);
  return parsed.kind === "date" && compareIso(periodStart(parsed.date, parsed.precision), berichtsstichtag) <= 0;
}

/** The latest Berichtsstichtag in Sachstände (on or before `until`, when given); null when there is none. */
function latestReportDate(reports: readonly Sachstand[], until?: IsoDate): IsoDate | null {
  return reports.reduce<IsoDate | null>((max, r) => {
    if (until && compareIso(r.berichtsstichtag, until) > 0) return max;
    return !max || compareIso(r.berichtsstichtag, max) > 0 ? r.berichtsstichtag : max;
  }, null);
}

/**
 * The Berichtsstichtag in force at the reference date (the Stichtag of the checks): the one in Einstellungen
 * once it has come, else the latest in Sachstände that has come; null when there is none. A report date after
 * the reference date is planned and asks for nothing yet. The one rule for SACHSTAND_FEHLT, the report's
 * annex and the pane.
 */
export function currentBerichtsstichtag(
  setting: IsoDate | null,
  reports: readonly Sachstand[],
  referenceDate: IsoDate,
): IsoDate | null {
  if (setting) return compareIso(setting, referenceDate) <= 0 ? setting : null;
  return latestReportDate(reports, referenceDate);
}

/**
 * The Berichtsstichtag a new Sachstand is for: the one in Einstellungen (also while it is still planned),
 * else the latest in Sachstände (reports may come in before their date); null when neither names one.
 */
export function nextBerichtsstichtag(setting: IsoDate | null, reports: readonly Sachstand[]): IsoDate | null {
  return setting ?? latestReportDate(reports);
}

/** Months of an Erhebungsturnus (`jährlich`, `halbjährlich`, `alle 2 Jahre` …); 12 when none or not understood. */
export function turnusMonths(value: CellValue): number {
  const s = textOf(value).toLocaleLowerCase("de-DE").replace(/\s+/g, " ").trim();
  const every = /^alle (\d+) (jahre|monate)$/.exec(s);
  if (every) return Number(every[1]) * (every[2] === "jahre" ? 12 : 1);
  const words: [RegExp, number][] = [
    [/^monatlich$/, 1],
    [/^(viertel|quartals)(jährlich|weise)$/, 3],
    [/^halbjährlich$/, 6],
    [/^(jährlich|einmal im jahr|jahr)$/, 12],
    [/^(zweijährlich|alle zwei jahre|2-jährlich)$/, 24],
    [/^(dreijährlich|alle drei jahre|3-jährlich)$/, 36],
  ];
  return words.find(([re]) => re.test(s))?.[1] ?? 12;
}

/** The date `months` months before `date` (day clamped to the month's end). */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

// ---------------------------------------------------------------------------------------------
// For the report and the overview

/**
 * The monitoring data of a concept at a reference date, as the Sachstandsbericht and the sheet Übersicht
 * show them: each indicator's state with its values up to that date, every readable Sachstand, and the
 * Berichtsstichtag in force. Unreadable rows are left out (check names them: I_WERT_UNGUELTIG, SACHSTAND_UNGUELTIG).
 */
export function monitoringAt(
  concept: Pick<ConceptData, "indikatoren" | "indikatorwerte" | "sachstaende" | "gebiete" | "einstellungen">,
  settings: Pick<Settings, "indikatorToleranz" | "berichtsstichtag">,
  referenceDate: IsoDate,
): MonitoringInput {
  const values = ownTotals(new MonitoringData(concept));
  const reports = (concept.sachstaende?.rows ?? []).flatMap((r) => sachstandOf(r) ?? []);
  const indicators = (concept.indikatoren?.rows ?? []).flatMap((row) => {
    const target = indicatorTarget(row);
    if (!target.id) return [];
    const state = indicatorState(target, values, referenceDate, settings.indikatorToleranz);
    const werte = valuesOf(target.id, values)
      .filter((v) => compareIso(v.stichtag, referenceDate) <= 0)
      .map((v) => ({ stichtag: v.stichtag, wert: v.wert }));
    return [
      {
        id: target.id,
        ist: state.ist !== null && state.stand ? { wert: state.ist, stichtag: state.stand } : null,
        zielerreichung: state.zielerreichung,
        soll: state.soll,
        ampel: state.ampel,
        werte,
      },
    ];
  });
  return {
    indicators,
    sachstaende: reports.map((r) => ({
      massnahme: r.massnahme,
      berichtsstichtag: r.berichtsstichtag,
      status: r.status,
      umsetzung: r.umsetzung,
      ampel: r.ampel,
      sachstand: r.sachstand,
    })),
    berichtsstichtag: currentBerichtsstichtag(settings.berichtsstichtag, reports, referenceDate),
  };
}
