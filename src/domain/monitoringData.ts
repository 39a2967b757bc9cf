/**
 * The values of the Integrationsmonitoring (docs/arbeitsmappe.md, Integrationsmonitoring): every
 * Indikatorwert by Indikator, Stichtag, Gebiet and Gruppe, with its official marker, and the values of the
 * indicators with a `Berechnung` (the quotient of two indicators), computed here where they are read and
 * never stored. The sheet Kennzahlen, the Integrationsbericht, the pane and the Zielindikatoren's IST (the
 * own area's total) all read them from here.
 */
import { type CellValue, type DateParse, type IsoDate, compareIso, parseGermanDate } from "./dates";
import { GebietIndex, type Gebiet, readGebiete } from "./gebiete";
import {
  type ConceptData,
  type FieldsOf,
  INDIKATOR_ART_VALUES,
  KENNZEICHEN_VALUES,
  type Kennzeichen,
  type RowRecord,
} from "./model";
import { type NumberParse, formatGermanNumber, parseGermanNumber } from "./numbers";
import { readSettings } from "./settings";
import { idKey, matchListValue, normalizeLabel, referenceId, textOf } from "./values";

/** An Indikatorwert with its dimensions, as stored in Indikatorwerte or computed by a Berechnung. */
export interface MonitoringValue {
  /** The Indikator's ID as Indikatoren spells it. */
  indikator: string;
  stichtag: IsoDate;
  /** The Gebiet's ID; a value without Gebiet has the own area's ('' while Einstellungen name none). */
  gebiet: string;
  /** '' = insgesamt; else the published breakdown (`weiblich | Ausländer/-innen`). */
  gruppe: string;
  /** Null where only a marker stands (`.`, `x`, `/`, `...`). */
  wert: number | null;
  kennzeichen: Kennzeichen | null;
  /** Computed from the indicator's Berechnung, not stored. */
  berechnet: boolean;
  /** The Indikatorwerte rows the value was read from, in sheet order ([] when computed). */
  rows: number[];
  /** The rows of the key disagree (I_WERT_DOPPELT): the value is the last row's. */
  doppelt: boolean;
  quelle: string;
  abgerufenAm: IsoDate | null;
}

export type IndikatorArt = (typeof INDIKATOR_ART_VALUES)[number];

type IndikatorRow = RowRecord<FieldsOf<"indikatoren">>;
type WertRow = RowRecord<FieldsOf<"indikatorwerte">>;

/** The Art of an indicator: `Basisindikator` only where the cell says so. */
export function indicatorArt(row: IndikatorRow): IndikatorArt {
  return matchListValue(row.values.art ?? null, INDIKATOR_ART_VALUES) ?? "Zielindikator";
}

export const isBasisindikator = (row: IndikatorRow) => indicatorArt(row) === "Basisindikator";

/** The marker variants the offices and Excel write (`–`, `…`, `X`) in the one form of the list. */
const KENNZEICHEN_FORMS: Record<string, Kennzeichen> = { "–": "-", "—": "-", "…": "...", "( )": "()" };

/** A Kennzeichen cell: null when empty, the marker of the list, or `invalid`. */
export function kennzeichenOf(value: CellValue): Kennzeichen | null | "invalid" {
  const text = textOf(value);
  if (text === "") return null;
  return KENNZEICHEN_FORMS[text] ?? matchListValue(text, KENNZEICHEN_VALUES) ?? "invalid";
}

/** A marker that stands in place of a number (no Wert); `-` means 0. */
export function replacesValue(k: Kennzeichen | null): boolean {
  return k === "." || k === "x" || k === "/" || k === "...";
}

/** The Gruppe of a cell for comparing: `''` for empty and `insgesamt`, else lower-case with single spaces. */
export function gruppeKey(value: CellValue | string): string {
  const text = textOf(value).toLowerCase();
  return text === "insgesamt" ? "" : text;
}

/** The Gruppe as shown: the cell's text, `''` for insgesamt. */
function gruppeText(value: CellValue): string {
  const text = textOf(value);
  return gruppeKey(text) === "" ? "" : text;
}

export type Berechnung =
  | { kind: "none" }
  | { kind: "quotient"; zaehler: string; nenner: string }
  /** Not of the form `<Indikator-ID> / <Indikator-ID>`. */
  | { kind: "invalid"; text: string };

const QUOTIENT = /^([^\s/]+)\s*\/\s*([^\s/]+)$/;

export function berechnungOf(value: CellValue): Berechnung {
  const text = textOf(value);
  if (text === "") return { kind: "none" };
  const m = QUOTIENT.exec(text);
  return m ? { kind: "quotient", zaehler: m[1]!, nenner: m[2]! } : { kind: "invalid", text };
}

/** The factor of a quotient by the indicator's Einheit: 100 for `%`, 1,000 for `je 1.000`, else 1. */
export function berechnungFactor(einheit: CellValue): number {
  const unit = normalizeLabel(textOf(einheit)).replace(/\./g, "");
  if (unit === "%" || unit === "prozent" || unit === "inprozent") return 100;
  if (unit === "je1000" || unit === "‰" || unit === "promille" || unit === "pro1000") return 1000;
  return 1;
}

/** `<indicator>|<Stichtag>|<Gebiet>|<Gruppe>`, every part as compared. */
export function valueKey(indikator: string, stichtag: IsoDate, gebiet: string, gruppe: string): string {
  return `${idKey(indikator)}|${stichtag}|${idKey(gebiet)}|${gruppeKey(gruppe)}`;
}

/** The cells of an Indikatorwerte row as read (each once: the rules and the values share them). */
export interface RowReading {
  /** The Indikator's ID as written ('' when empty). */
  indikator: string;
  date: DateParse;
  number: NumberParse;
  kennzeichen: Kennzeichen | null | "invalid";
  /** The area the Gebiet cell names (see GebietIndex.areaOf), and whether the own area or Gebiete holds it. */
  gebiet: string;
  gebietKnown: boolean;
  /** The Gruppe as shown ('' = insgesamt). */
  gruppe: string;
}

/**
 * Reads the cells of the rows of a table, memoizing what repeats in thousands of rows (the same Stichtag,
 * the same Indikator, Gebiet and Gruppe texts), so that 50,000 rows cost little more than their cells.
 */
class Reader {
  private readonly dates = new Map<string | number, DateParse>();
  private readonly keys = new Map<string, string>();

  date(value: CellValue): DateParse {
    const key =
      value instanceof Date ? value.getTime() : typeof value === "string" || typeof value === "number" ? value : null;
    if (key === null) return parseGermanDate(value);
    let parsed = this.dates.get(key);
    if (!parsed) {
      parsed = parseGermanDate(value);
      this.dates.set(key, parsed);
    }
    return parsed;
  }

  /** idKey of a text that repeats. */
  key(text: string): string {
    let k = this.keys.get(text);
    if (k === undefined) {
      k = idKey(text);
      this.keys.set(text, k);
    }
    return k;
  }

  private readonly areas = new Map<CellValue, { gebiet: string; known: boolean }>();
  private readonly gruppen = new Map<CellValue, string>();

  constructor(private readonly gebiete: GebietIndex) {}

  row(row: WertRow): RowReading {
    const v = row.values;
    const raw = v.gebiet ?? null;
    let area = this.areas.get(raw);
    if (!area) {
      area = { gebiet: this.gebiete.areaOf(raw), known: this.gebiete.known(raw) };
      if (typeof raw !== "object") this.areas.set(raw, area);
    }
    const g = v.gruppe ?? null;
    let gruppe = this.gruppen.get(g);
    if (gruppe === undefined) {
      gruppe = gruppeText(g);
      if (typeof g !== "object") this.gruppen.set(g, gruppe);
    }
    return {
      indikator: referenceId(v.indikator ?? null),
      date: this.date(v.stichtag ?? null),
      number: parseGermanNumber(v.wert ?? null),
      kennzeichen: kennzeichenOf(v.kennzeichen ?? null),
      gebiet: area.gebiet,
      gebietKnown: area.known,
      gruppe,
    };
  }
}

/** One readable stored row (its Indikator, Stichtag and a Wert or marker); null otherwise. */
function storedValue(row: WertRow, r: RowReading, canonical: (id: string) => string): MonitoringValue | null {
  const { indikator, date, number, kennzeichen } = r;
  if (indikator === "" || date.kind !== "date" || kennzeichen === "invalid") return null;
  if (number.kind !== "number" && number.kind !== "empty") return null;
  let wert = number.kind === "number" ? number.value : null;
  if (wert === null && kennzeichen === "-") wert = 0;
  if (wert === null && kennzeichen === null) return null;
  const v = row.values;
  const abgerufen = v.abgerufenAm === undefined ? null : parseGermanDate(v.abgerufenAm);
  return {
    indikator: canonical(indikator),
    stichtag: date.date,
    gebiet: r.gebiet,
    gruppe: r.gruppe,
    wert,
    kennzeichen,
    berechnet: false,
    rows: [row.row],
    doppelt: false,
    quelle: textOf(v.quelle ?? null),
    abgerufenAm: abgerufen?.kind === "date" ? abgerufen.date : null,
  };
}

const same = (a: MonitoringValue, b: MonitoringValue) => a.wert === b.wert && a.kennzeichen === b.kennzeichen;

/** The markers a computed value carries from its operands: the first that keeps a number (`p`, `r`, `s`, `()`). */
function carriedMarker(a: MonitoringValue, b: MonitoringValue): Kennzeichen | null {
  const keeps = (k: Kennzeichen | null) => (k !== null && k !== "-" && !replacesValue(k) ? k : null);
  return keeps(a.kennzeichen) ?? keeps(b.kennzeichen);
}

/**
 * The monitoring values of a concept: one per Indikator, Stichtag, Gebiet and Gruppe (rows of the same key
 * joined: equal, or the last row's value and `doppelt`), and those of the indicators with a Berechnung
 * where both operands have a number for the same Stichtag, Gebiet and Gruppe. A stored value of a
 * computed indicator stands for itself.
 */
export class MonitoringData {
  readonly gebiete: GebietIndex;
  readonly values: MonitoringValue[];
  private readonly byKey = new Map<string, MonitoringValue>();
  private readonly byIndicator = new Map<string, MonitoringValue[]>();

  /** Each Indikatorwerte row's cells as read, by sheet row. */
  readonly readings = new Map<number, RowReading>();
  private readonly reader: Reader;

  constructor(concept: Pick<ConceptData, "indikatoren" | "indikatorwerte" | "gebiete" | "einstellungen">) {
    const setting = readSettings(concept).settings.gebiet;
    this.gebiete = new GebietIndex(readGebiete(concept.gebiete), setting);
    this.reader = new Reader(this.gebiete);
    const indicators = new Map<string, IndikatorRow>();
    for (const row of concept.indikatoren?.rows ?? []) {
      const id = textOf(row.values.id ?? null);
      if (id !== "" && !indicators.has(idKey(id))) indicators.set(idKey(id), row);
    }
    const spelled = new Map<string, string>();
    const canonical = (id: string) => {
      let c = spelled.get(id);
      if (c === undefined) {
        c = textOf(indicators.get(idKey(id))?.values.id ?? null) || id;
        spelled.set(id, c);
      }
      return c;
    };
    for (const row of concept.indikatorwerte?.rows ?? []) {
      const reading = this.reader.row(row);
      this.readings.set(row.row, reading);
      const value = storedValue(row, reading, canonical);
      if (value) this.add(value);
    }
    new Calculator(this, indicators).run();
    this.values = [...this.byKey.values()];
    for (const list of this.byIndicator.values()) list.sort(byStichtag);
  }

  /** Adds a value; a second one of the same key joins it (computed values never replace stored ones). */
  add(value: MonitoringValue): void {
    const key = this.keyOf(value.indikator, value.stichtag, value.gebiet, value.gruppe);
    const held = this.byKey.get(key);
    if (!held) {
      this.byKey.set(key, value);
      const list = this.byIndicator.get(idKey(value.indikator));
      if (list) list.push(value);
      else this.byIndicator.set(idKey(value.indikator), [value]);
      return;
    }
    if (value.berechnet) return;
    const doppelt = held.doppelt || !same(held, value);
    Object.assign(held, { ...value, rows: [...held.rows, ...value.rows], doppelt });
  }

  /** The value of a key, if there is one. */
  at(indikator: string, stichtag: IsoDate, gebiet: string, gruppe = ""): MonitoringValue | undefined {
    return this.byKey.get(this.keyOf(indikator, stichtag, gebiet, gruppe));
  }

  /** valueKey with the repeating texts' keys memoized. */
  private keyOf(indikator: string, stichtag: IsoDate, gebiet: string, gruppe: string): string {
    return `${this.reader.key(indikator)}|${stichtag}|${this.reader.key(gebiet)}|${gruppe === "" ? "" : gruppeKey(gruppe)}`;
  }

  /** An indicator's values (every Gebiet and Gruppe), by Stichtag. */
  of(indikator: string): readonly MonitoringValue[] {
    return this.byIndicator.get(idKey(indikator)) ?? [];
  }

  /** An indicator's series of one Gebiet and Gruppe (own area, insgesamt by default), by Stichtag. */
  series(indikator: string, gebiet = this.gebiete.own, gruppe = ""): MonitoringValue[] {
    const g = idKey(gebiet);
    const r = gruppeKey(gruppe);
    return this.of(indikator).filter((v) => idKey(v.gebiet) === g && gruppeKey(v.gruppe) === r);
  }

  /** The Gruppen an indicator has values for, insgesamt ('') first, then in the order they first occur. */
  gruppen(indikator: string): string[] {
    const seen = new Map<string, string>();
    for (const v of this.of(indikator)) if (!seen.has(gruppeKey(v.gruppe))) seen.set(gruppeKey(v.gruppe), v.gruppe);
    return [...seen.entries()].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : 0)).map(([, g]) => g);
  }
}

const byStichtag = (a: MonitoringValue, b: MonitoringValue) =>
  compareIso(a.stichtag, b.stichtag) || (a.rows[0] ?? 0) - (b.rows[0] ?? 0);

/** Computes the values of the indicators with a Berechnung, operands first (a cycle computes nothing). */
class Calculator {
  private readonly state = new Map<string, "running" | "done">();

  constructor(
    private readonly data: MonitoringData,
    private readonly indicators: Map<string, IndikatorRow>,
  ) {}

  run(): void {
    for (const key of this.indicators.keys()) this.compute(key);
  }

  private compute(key: string): void {
    if (this.state.has(key)) return;
    this.state.set(key, "running");
    const row = this.indicators.get(key);
    const berechnung = berechnungOf(row?.values.berechnung ?? null);
    if (row && berechnung.kind === "quotient") {
      const [z, n] = [idKey(berechnung.zaehler), idKey(berechnung.nenner)];
      if (z !== key && n !== key && this.indicators.has(z) && this.indicators.has(n)) {
        this.compute(z);
        this.compute(n);
        if (this.state.get(z) === "done" && this.state.get(n) === "done") this.quotients(row, z, n);
      }
    }
    this.state.set(key, "done");
  }

  private quotients(row: IndikatorRow, z: string, n: string): void {
    const id = textOf(row.values.id ?? null);
    const factor = berechnungFactor(row.values.einheit ?? null);
    const quelle = `berechnet: ${textOf(row.values.berechnung ?? null)}`;
    for (const a of [...this.data.of(z)]) {
      const b = this.data.at(n, a.stichtag, a.gebiet, a.gruppe);
      if (!b || a.wert === null || b.wert === null || b.wert === 0) continue;
      this.data.add({
        indikator: id,
        stichtag: a.stichtag,
        gebiet: a.gebiet,
        gruppe: a.gruppe,
        wert: (a.wert / b.wert) * factor,
        kennzeichen: carriedMarker(a, b),
        berechnet: true,
        rows: [],
        doppelt: false,
        quelle,
        abgerufenAm: null,
      });
    }
  }
}

/** Whether an indicator's Berechnung holds: its error for I_BERECHNUNG_UNGUELTIG, or null. */
export function berechnungProblem(
  id: string,
  berechnung: Berechnung,
  known: (id: string) => boolean,
  berechnungOfId: (id: string) => Berechnung,
): { problem: "form" } | { problem: "unbekannt"; operand: string } | { problem: "selbst" } | null {
  if (berechnung.kind !== "quotient") return berechnung.kind === "invalid" ? { problem: "form" } : null;
  for (const operand of [berechnung.zaehler, berechnung.nenner]) {
    if (!known(operand)) return { problem: "unbekannt", operand };
  }
  // Itself, directly or through the Berechnungen of its operands.
  const seen = new Set<string>();
  const stack = [berechnung.zaehler, berechnung.nenner];
  while (stack.length > 0) {
    const next = idKey(stack.pop()!);
    if (next === idKey(id)) return { problem: "selbst" };
    if (seen.has(next)) continue;
    seen.add(next);
    const b = berechnungOfId(next);
    if (b.kind === "quotient") stack.push(b.zaehler, b.nenner);
  }
  return null;
}

/** The Gebiete of the monitoring, re-exported for its readers. */
export type { Gebiet };

/**
 * The own area's totals (Gruppe insgesamt) with a number, stored or computed: the values a Zielindikator's
 * IST, Zielerreichung and Ampel are worked out from. Other Gebiete and Gruppen never change the Ampel.
 */
export function ownTotals(data: MonitoringData): { indikator: string; stichtag: IsoDate; wert: number; row: number }[] {
  const own = idKey(data.gebiete.own);
  return data.values.flatMap((v) =>
    v.wert !== null && v.gruppe === "" && idKey(v.gebiet) === own
      ? [{ indikator: v.indikator, stichtag: v.stichtag, wert: v.wert, row: v.rows.at(-1) ?? 0 }]
      : [],
  );
}

/** A value as a reader sees it: `12.345`, `.` for a marker alone, `7,8 p` for a number with its marker. */
export function shownValue(v: { wert: number | null; kennzeichen: string | null }): string {
  const number = v.wert === null ? "" : formatGermanNumber(v.wert);
  if (v.kennzeichen === null) return number;
  return number === "" || v.kennzeichen === "-" ? v.kennzeichen : `${number} ${v.kennzeichen}`;
}

/**
 * An indicator's `Nächste Veröffentlichung` and whether its values are in: a value of the indicator was
 * retrieved (`Abgerufen am`) on or after that date. The rule I_WERTE_FAELLIG and `anstehend` both ask this;
 * null where the cell holds no date.
 */
export function nextPublication(
  cell: CellValue,
  values: readonly MonitoringValue[],
): { datum: IsoDate; fetched: boolean } | null {
  const parsed = parseGermanDate(cell);
  if (parsed.kind !== "date") return null;
  const datum = parsed.date;
  const fetched = values.some((v) => v.abgerufenAm !== null && compareIso(v.abgerufenAm, datum) >= 0);
  return { datum, fetched };
}
