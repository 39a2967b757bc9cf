/**
 * The SMART template as data: which fields it has (from the contract, never a second list), how a row of
 * Maßnahmen becomes form values and back, and the live check of one measure by the same domain rules as
 * the command line.
 */
import { type CellValue, type IsoDate, formatGermanDate, isoFromDate, parseGermanDate } from "../../../domain/dates";
import type { ConceptData, RowRecord } from "../../../domain/model";
import { answeringMeasures } from "../../../domain/needs";
import { formatGermanNumber, parseGermanNumber } from "../../../domain/numbers";
import { type Finding, type SmartLetter, SMART_LETTERS, checkConcept } from "../../../domain/rules";
import { readSettings } from "../../../domain/settings";
import { idKey, nextFreeId, referenceId, referenceIds, referenceLabel, textOf } from "../../../domain/values";
import { type ColumnSpec, tableSpec } from "../../../workbook/contract";
import { type ReadConcept, columnLetter, columnNumber, parseAddress } from "../../../workbook/read";

export const MASSNAHMEN_SPEC = tableSpec("massnahmen");
/** Every column of Maßnahmen except the ID (which the pane assigns). */
export const FORM_COLUMNS: readonly ColumnSpec[] = MASSNAHMEN_SPEC.columns.filter((c) => c.field !== "id");

export type FormValues = Record<string, string>;

export interface Section {
  key: SmartLetter | "einordnung" | "stand";
  title: string;
  /** One sentence: what the section asks (for S–T Laatzen's definition). */
  text: string;
  columns: ColumnSpec[];
}

const SMART_TEXT: Record<SmartLetter, { title: string; text: string }> = {
  S: { title: "S – spezifisch", text: "Die Maßnahme ist eindeutig definiert." },
  M: { title: "M – messbar", text: "Der Erfolg der Maßnahme ist messbar." },
  A: {
    title: "A – aktivierend",
    text: "Die Maßnahme ist erstrebenswert, ansprechend und einem bestimmten Verantwortlichen zuweisbar.",
  },
  R: { title: "R – realistisch", text: "Die Maßnahme ist möglich und realisierbar." },
  T: { title: "T – terminiert", text: "Die Maßnahme ist mit einem eindeutigen Datum terminiert." },
};

export const SMART_NAME: Record<SmartLetter, string> = {
  S: "spezifisch",
  M: "messbar",
  A: "aktivierend",
  R: "realistisch",
  T: "terminiert",
};

/** Columns after the SMART ones that still say where the measure belongs: shown under Einordnung. */
const EINORDNUNG_LATE = new Set(["bedarfe"]);

/** The sections of the template: the columns before the first SMART column, S–T, then the rest. */
export function sections(): Section[] {
  const firstSmart = FORM_COLUMNS.findIndex((c) => c.smart);
  const einordnung = FORM_COLUMNS.filter((c, i) => !c.smart && (i < firstSmart || EINORDNUNG_LATE.has(c.field)));
  const stand = FORM_COLUMNS.filter((c, i) => !c.smart && i > firstSmart && !EINORDNUNG_LATE.has(c.field));
  return [
    { key: "einordnung", title: "Einordnung", text: "Wohin gehört die Maßnahme im Konzept?", columns: einordnung },
    ...SMART_LETTERS.map((letter) => ({
      key: letter,
      ...SMART_TEXT[letter],
      columns: FORM_COLUMNS.filter((c) => c.smart === letter),
    })),
    { key: "stand", title: "Stand", text: "Wie weit ist die Maßnahme?", columns: stand },
  ];
}

const isNumberFormat = (c: ColumnSpec) => c.format === "fte" || c.format === "currency" || c.format === "number";

/** Form values of a measure row (empty form for a new measure). */
export function formFromRow(row: RowRecord | undefined): FormValues {
  const form: FormValues = {};
  for (const c of FORM_COLUMNS) {
    const value = row?.values[c.field] ?? null;
    if (c.format === "date") {
      // An exact day as TT.MM.JJJJ; anything else (Q4 2028, fortlaufend) exactly as it is stored.
      const parsed = parseGermanDate(value);
      form[c.field] =
        parsed.kind === "date" && parsed.precision === "day" ? formatGermanDate(parsed.date) : textOf(value);
    } else if (isNumberFormat(c) && typeof value === "number") {
      form[c.field] = formatGermanNumber(value);
    } else if (c.field === "indikatoren" || c.field === "bedarfe") {
      form[c.field] = referenceIds(value).join("; ");
    } else {
      form[c.field] = value instanceof Date ? isoFromDate(value) : textOf(value);
    }
  }
  form.status ||= "geplant";
  return form;
}

/** The exact day a date field names (31.12.2027, 2027-12-31 …), or null for anything else. */
export function exactDay(text: string): string | null {
  const parsed = parseGermanDate(text);
  return parsed.kind === "date" && parsed.precision === "day" ? parsed.date : null;
}

/** Cell values to write: numbers as numbers, exact dates as dates, all other input as text. */
export function rowValuesFromForm(form: FormValues): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  for (const c of FORM_COLUMNS) {
    const text = (form[c.field] ?? "").trim();
    if (text === "") {
      values[c.field] = null;
    } else if (isNumberFormat(c)) {
      const n = parseGermanNumber(text);
      values[c.field] = n.kind === "number" ? n.value : text;
    } else if (c.format === "date" && exactDay(text)) {
      values[c.field] = new Date(`${exactDay(text)}T00:00:00Z`);
    } else {
      values[c.field] = text;
    }
  }
  return values;
}

export interface MeasureCheck {
  /** Findings about this measure, by field (`_` for those that name no field of the form). */
  byField: Record<string, Finding[]>;
  bySection: Partial<Record<Section["key"], Finding[]>>;
  /** Per letter: no error finding of that letter. */
  letters: Record<SmartLetter, boolean>;
  rejected: boolean;
  findings: Finding[];
}

/** Where a measure sits: its row in Maßnahmen, or the row a new one would get. */
export function measureRow(concept: ReadConcept, id: string): number {
  const existing = concept.massnahmen.rows.find((r) => idKey(textOf(r.values.id ?? null)) === idKey(id));
  if (existing) return existing.row;
  const bottom = concept.found.massnahmen?.area.bottom ?? concept.massnahmen.headerRow;
  const last = Math.max(bottom, ...concept.massnahmen.rows.map((r) => r.row));
  return last + 1;
}

/**
 * Checks one measure as it stands in the form: the workbook's reference tables with this measure as the
 * only row of Maßnahmen, through `checkConcept`, the same rules as `check` on the command line.
 */
export function checkMeasure(concept: ReadConcept, id: string, form: FormValues, today: string): MeasureCheck {
  const row = measureRow(concept, id);
  const values = { ...rowValuesFromForm(form), id } as RowRecord["values"];
  const data: ConceptData = {
    ...concept,
    massnahmen: { ...concept.massnahmen, rows: [{ row, values }] },
  };
  const result = checkConcept(data, { today });
  const sheet = concept.massnahmen.sheet;
  const findings = result.findings.filter((f) => {
    if (f.id !== null && idKey(f.id) === idKey(id)) return true;
    if (f.sheet !== sheet) return false;
    try {
      return parseAddress(f.cell).row === row;
    } catch {
      return false;
    }
  });
  const fieldOf = findingField(concept);
  const byField: Record<string, Finding[]> = {};
  const bySection: MeasureCheck["bySection"] = {};
  const sectionOf = new Map<string, Section["key"]>();
  for (const s of sections()) for (const c of s.columns) sectionOf.set(c.field, s.key);
  for (const f of findings) {
    const field = fieldOf(f) ?? "_";
    (byField[field] ??= []).push(f);
    const section = sectionOf.get(field) ?? f.smart ?? "einordnung";
    (bySection[section] ??= []).push(f);
  }
  const state = result.measures[0];
  const letters = state?.letters ?? { S: false, M: false, A: false, R: false, T: false };
  return { byField, bySection, letters, rejected: state?.rejected ?? false, findings };
}

/**
 * The form field a finding about a measure is at (its cell's column in Maßnahmen; a finding at the lead's
 * Akteur row is about the Federführung), or null when it names none.
 */
export function findingField(concept: ReadConcept): (f: Finding) => string | null {
  const sheet = concept.massnahmen.sheet;
  const fieldByColumn = new Map<number, string>();
  for (const [field, letter] of Object.entries(concept.massnahmen.columns)) {
    if (letter && field !== "id") fieldByColumn.set(columnNumber(letter), field);
  }
  return (f) => {
    if (f.sheet === sheet) {
      try {
        return fieldByColumn.get(parseAddress(f.cell).column) ?? null;
      } catch {
        return null;
      }
    }
    return f.rule.startsWith("A_") ? "federfuehrung" : null;
  };
}

/** The ID a new measure gets: the next free `M-nnn`. */
export function nextMeasureId(concept: ReadConcept): string {
  return nextFreeId(
    MASSNAHMEN_SPEC.idPrefix!,
    MASSNAHMEN_SPEC.idDigits!,
    concept.massnahmen.rows.map((r) => textOf(r.values.id ?? null)),
  );
}

export interface Option {
  value: string;
  label: string;
}

const rowsOf = (table: { rows: RowRecord[] } | null | undefined) => table?.rows ?? [];
const text = (r: RowRecord, f: string) => textOf(r.values[f] ?? null);

/** Handlungsfelder as `ID – Name` options. */
export function handlungsfeldOptions(concept: ReadConcept): Option[] {
  return rowsOf(concept.handlungsfelder)
    .filter((r) => text(r, "id"))
    .map((r) => ({
      value: referenceLabel(text(r, "id"), text(r, "handlungsfeld")),
      label: referenceLabel(text(r, "id"), text(r, "handlungsfeld")),
    }));
}

/** The Ziele of a Handlungsfeld (all when none is chosen). */
export function zielOptions(concept: ReadConcept, handlungsfeld: string): Option[] {
  const hf = idKey(referenceId(handlungsfeld));
  return rowsOf(concept.ziele)
    .filter((r) => text(r, "id") && (!hf || idKey(referenceId(r.values.handlungsfeld ?? null)) === hf))
    .map((r) => ({
      value: referenceLabel(text(r, "id"), text(r, "ziel")),
      label: referenceLabel(text(r, "id"), text(r, "ziel")),
    }));
}

/** The Indikatoren of a Ziel (of all Ziele of the Handlungsfeld when no Ziel is chosen). Value = the ID. */
export function indikatorOptions(concept: ReadConcept, handlungsfeld: string, ziel: string): Option[] {
  const zielId = idKey(referenceId(ziel));
  const ziele = new Set(
    zielId ? [zielId] : zielOptions(concept, handlungsfeld).map((o) => idKey(referenceId(o.value))),
  );
  return rowsOf(concept.indikatoren)
    .filter((r) => text(r, "id") && ziele.has(idKey(referenceId(r.values.ziel ?? null))))
    .map((r) => ({ value: text(r, "id"), label: referenceLabel(text(r, "id"), text(r, "indikator")) }));
}

/** The Akteure as `ID – Bezeichnung` options. */
export function akteurOptions(concept: ReadConcept): Option[] {
  return rowsOf(concept.akteure)
    .filter((r) => text(r, "id"))
    .map((r) => ({
      value: referenceLabel(text(r, "id"), text(r, "bezeichnung")),
      label: referenceLabel(text(r, "id"), text(r, "bezeichnung")),
    }));
}

/** The columns of a new Akteur the pane asks for (all but the ID, which it assigns). */
export const AKTEUR_COLUMNS: readonly ColumnSpec[] = tableSpec("akteure").columns.filter((c) => c.field !== "id");

/**
 * Checks a new Akteur as the form holds it, by the rules of `check` (E-Mail, Art), with the Akteure as they
 * are plus this one: its findings by field.
 */
export function checkAkteur(
  concept: ReadConcept,
  id: string,
  form: Record<string, string>,
  today: IsoDate,
): { field: string; finding: Finding }[] {
  const akteure = concept.akteure;
  if (!akteure) return [];
  const row = Math.max(akteure.headerRow, ...akteure.rows.map((r) => r.row)) + 1;
  const values: RowRecord["values"] = { id };
  for (const c of AKTEUR_COLUMNS) values[c.field] = (form[c.field] ?? "").trim() || null;
  const data: ConceptData = {
    ...concept,
    // Only the Akteure are of interest: without measures the check is quick on every keystroke.
    massnahmen: { ...concept.massnahmen, rows: [] },
    akteure: { ...akteure, rows: [...akteure.rows, { row, values }] },
  };
  const fieldByColumn = new Map(Object.entries(akteure.columns).map(([field, letter]) => [letter, field]));
  return checkConcept(data, { today }).findings.flatMap((finding) => {
    if (finding.sheet !== akteure.sheet || !/^\$?[A-Z]+\$?\d+$/i.test(finding.cell)) return [];
    const at = parseAddress(finding.cell);
    const field = fieldByColumn.get(columnLetter(at.column));
    return at.row === row && field ? [{ field, finding }] : [];
  });
}

export function nextAkteurId(concept: ReadConcept): string {
  const spec = tableSpec("akteure");
  return nextFreeId(
    spec.idPrefix!,
    spec.idDigits!,
    rowsOf(concept.akteure).map((r) => text(r, "id")),
  );
}

export interface MeasureGroup {
  /** `HF-01 – Name`, or „Ohne Handlungsfeld“. */
  label: string;
  measures: (Option & { smart: string })[];
}

/**
 * The measures for the picker, grouped by Handlungsfeld in the order of the Handlungsfelder, each with its
 * SMART state in words (by the same rules as `check`).
 */
export function measureGroups(concept: ReadConcept, today: IsoDate): MeasureGroup[] {
  const states = new Map(checkConcept(concept, { today }).measures.map((m) => [idKey(m.id), m]));
  const groups = new Map<string, MeasureGroup>(
    handlungsfeldOptions(concept).map((o) => [idKey(referenceId(o.value)), { label: o.label, measures: [] }]),
  );
  for (const r of concept.massnahmen.rows) {
    const id = text(r, "id");
    if (!id) continue;
    const hf = text(r, "handlungsfeld");
    const key = idKey(referenceId(hf));
    if (!groups.has(key)) groups.set(key, { label: hf || "Ohne Handlungsfeld", measures: [] });
    const state = states.get(idKey(id));
    const open = state ? SMART_LETTERS.filter((l) => !state.letters[l]) : [];
    const smart = state?.rejected ? "verworfen" : open.length ? `offen: ${open.join(", ")}` : "SMART-vollständig";
    groups.get(key)!.measures.push({ value: id, label: referenceLabel(id, text(r, "titel")), smart });
  }
  return [...groups.values()].filter((g) => g.measures.length > 0);
}

/** Finds the option whose ID matches a cell value (`HF-03` or `HF-03 – …`). */
export function optionFor(options: Option[], value: string): Option | undefined {
  const id = idKey(referenceId(value));
  return id ? options.find((o) => idKey(referenceId(o.value)) === id) : undefined;
}

export interface BedarfOption extends Option {
  /** Other measures (not `verworfen`) that name the Bedarf; empty when it is still open. */
  answeredBy: string[];
}

/** `offen`, or which other measures already answer the Bedarf. */
export function bedarfState(o: BedarfOption): string {
  return o.answeredBy.length === 0 ? "offen" : `beantwortet durch ${o.answeredBy.join(", ")}`;
}

/**
 * The Bedarfe of a Handlungsfeld (all when none is chosen) for measure `measureId`, each with the other
 * measures that answer it, then the ones the measure names outside the Handlungsfeld. Value = the ID.
 */
export function bedarfOptions(
  concept: ReadConcept,
  handlungsfeld: string,
  measureId: string,
  named: string[],
): BedarfOption[] {
  const hf = idKey(referenceId(handlungsfeld));
  const others = answeringMeasures(concept, measureId);
  const chosen = new Set(named.map(idKey));
  return rowsOf(concept.bedarfe)
    .filter((r) => {
      if (!text(r, "id")) return false;
      return !hf || idKey(referenceId(r.values.handlungsfeld ?? null)) === hf || chosen.has(idKey(text(r, "id")));
    })
    .map((r) => ({
      value: text(r, "id"),
      label: referenceLabel(text(r, "id"), text(r, "bedarf")),
      answeredBy: others.get(idKey(text(r, "id"))) ?? [],
    }));
}

/**
 * Where the calendar of Beginn and Frist opens while they are empty: the next due dates, not today — the
 * Laufzeit's start and end while they lie ahead, else the first day of next month and the end of the year.
 */
export function dueDates(concept: ReadConcept, today: IsoDate): { beginn: IsoDate; frist: IsoDate } {
  const { settings } = readSettings(concept);
  const [year, month] = today.split("-").map(Number) as [number, number];
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const ahead = (d: IsoDate | null): d is IsoDate => d !== null && d > today;
  return {
    beginn: ahead(settings.laufzeitVon) ? settings.laufzeitVon : nextMonth,
    frist: ahead(settings.laufzeitBis) ? settings.laufzeitBis : `${year}-12-31`,
  };
}
