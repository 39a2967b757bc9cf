/**
 * The Einstellungen the checks and the circulation need, as the pane edits them: one field per key
 * (docs/arbeitsmappe.md › Einstellungen), each row of tblEinstellungen found by its Schlüssel.
 */
import {
  type CellValue,
  type IsoDate,
  dateFromIso,
  formatGermanDate,
  isoFromDate,
  parseGermanDate,
} from "../../../domain/dates";
import type { ConceptData, RowRecord } from "../../../domain/model";
import { formatGermanNumber, parseGermanNumber } from "../../../domain/numbers";
import { type Finding, checkConcept } from "../../../domain/rules";
import { DEFAULT_SETTINGS, SETTING_KEYS } from "../../../domain/settings";
import { normalizeLabel, textOf } from "../../../domain/values";
import type { RowWrite } from "../../../workbook/host";
import { inFourWeeks } from "../../fields/DateField";
import type { FormValues } from "./model";

export interface SettingField {
  /** The Schlüssel as the contract spells it. */
  key: string;
  type: "text" | "date" | "number";
  hint: string;
  /** What applies while the value is empty. */
  standard?: string;
}

const number = (n: number) => formatGermanNumber(n);

/** In the order a coordinator fills them: who and what, when, the report dates, the circulation, the thresholds. */
export const SETTING_FIELDS: readonly SettingField[] = [
  {
    key: SETTING_KEYS.kommune,
    type: "text",
    hint: "Name der Stadt oder des Kreises; steht in Kopfzeilen und Hinweisen.",
  },
  { key: SETTING_KEYS.konzepttitel, type: "text", hint: "Z. B. „Integrationskonzept 2026–2030“." },
  { key: SETTING_KEYS.laufzeitVon, type: "date", hint: "Beginn der Laufzeit des Konzepts, TT.MM.JJJJ." },
  {
    key: SETTING_KEYS.laufzeitBis,
    type: "date",
    hint: "Ende der Laufzeit; eine Frist danach meldet die Prüfung (T_AUSSERHALB_LAUFZEIT).",
  },
  {
    key: SETTING_KEYS.stichtag,
    type: "date",
    hint: "Tag, auf den sich die Prüfung bezieht (überfällig?).",
    standard: "heute",
  },
  {
    key: SETTING_KEYS.berichtsstichtag,
    type: "date",
    hint: "Datum des laufenden Sachstandsberichts. Zu ihm erwartet die Prüfung je Maßnahme einen Sachstand, sobald es erreicht ist.",
    standard: "der späteste im Blatt „Sachstände“",
  },
  {
    key: SETTING_KEYS.ruecklaufBis,
    type: "date",
    hint: "Bis wann die Fachbereiche ihre Datei zurückschicken.",
  },
  {
    key: "Rücklauf an",
    type: "text",
    hint: "Wohin die Fachbereiche zurückschicken, z. B. Name und E-Mail der Koordinierungsstelle.",
    standard: "der Akteur, dessen Bezeichnung „Koordinierung“ enthält",
  },
  {
    key: SETTING_KEYS.ampelGruenAb,
    type: "number",
    hint: "Gesamtpunkte, ab denen eine Bewertung „grün“ ist.",
    standard: number(DEFAULT_SETTINGS.ampelGruenAb),
  },
  {
    key: SETTING_KEYS.ampelGelbAb,
    type: "number",
    hint: "Gesamtpunkte, ab denen eine Bewertung „gelb“ ist (darunter „rot“).",
    standard: number(DEFAULT_SETTINGS.ampelGelbAb),
  },
  {
    key: SETTING_KEYS.indikatorToleranz,
    type: "number",
    hint: "Wie weit die Zielerreichung eines Indikators hinter dem Soll liegen darf, bevor seine Ampel gelb wird.",
    standard: number(DEFAULT_SETTINGS.indikatorToleranz),
  },
  {
    key: SETTING_KEYS.bewertungsturnus,
    type: "number",
    hint: "Alle wie viele Jahre die Maßnahmen bewertet werden.",
    standard: number(DEFAULT_SETTINGS.bewertungsturnus),
  },
];

/** The Einstellungen row of a key (compared like headers), if there is one. */
export function settingRow(concept: ConceptData, key: string): RowRecord | undefined {
  return ((concept.einstellungen?.rows ?? []) as RowRecord[]).find(
    (r) => normalizeLabel(textOf(r.values["schluessel"] ?? null)) === normalizeLabel(key),
  );
}

/** The form: each key's value as text (a date cell as TT.MM.JJJJ). */
export function settingsForm(concept: ConceptData): FormValues {
  const form: FormValues = {};
  for (const f of SETTING_FIELDS) {
    const value = settingRow(concept, f.key)?.values["wert"] ?? null;
    form[f.key] = value instanceof Date ? formatGermanDate(isoFromDate(value)) : textOf(value);
  }
  return form;
}

/**
 * Where a date setting's calendar opens while its field holds no day: the date due for it, not simply today —
 * the next year's start and the period's end for the Laufzeit, the Berichtsstichtag due (`berichtsstichtag`),
 * four weeks on for the return; the Stichtag is today by definition.
 */
export function settingDue(key: string, form: FormValues, today: IsoDate, berichtsstichtag: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const von = parseGermanDate(form[SETTING_KEYS.laufzeitVon] ?? "");
  const start = von.kind === "date" ? Number(von.date.slice(0, 4)) : year + 1;
  switch (key) {
    case SETTING_KEYS.laufzeitVon:
      return `${year + 1}-01-01`;
    case SETTING_KEYS.laufzeitBis:
      return `${start + 4}-12-31`;
    case SETTING_KEYS.berichtsstichtag:
      return berichtsstichtag;
    case SETTING_KEYS.ruecklaufBis:
      return inFourWeeks(today);
    default:
      return today;
  }
}

/** The cell a setting's text becomes: an exact day as a date, a number as a number, else the text. */
function cellOf(field: SettingField, given: string): CellValue {
  if (given === "") return null;
  if (field.type === "date") {
    const parsed = parseGermanDate(given);
    return parsed.kind === "date" && parsed.precision === "day" ? dateFromIso(parsed.date) : given;
  }
  if (field.type === "number") {
    const parsed = parseGermanNumber(given);
    return parsed.kind === "number" ? parsed.value : given;
  }
  return given;
}

/** The writes of the changed settings, each by its Schlüssel (a key without a row gets one). */
export function settingWrites(concept: ConceptData, form: FormValues): RowWrite[] {
  const before = settingsForm(concept);
  return SETTING_FIELDS.filter((f) => (form[f.key] ?? "").trim() !== (before[f.key] ?? "").trim()).map((f) => ({
    kind: "einstellungen",
    id: f.key,
    key: { name: "schluessel" },
    values: {
      schluessel: settingRow(concept, f.key)?.values["schluessel"] ?? f.key,
      wert: cellOf(f, (form[f.key] ?? "").trim()),
    },
  }));
}

/** The findings of the Einstellungen as they stand in the form (the same rules as `check`), by key. */
export function checkSettings(concept: ConceptData, form: FormValues, today: string): Record<string, Finding[]> {
  const table = concept.einstellungen;
  const rows: RowRecord[] = SETTING_FIELDS.map((f, i) => ({
    row: settingRow(concept, f.key)?.row ?? 10_000 + i,
    values: { schluessel: f.key, wert: cellOf(f, (form[f.key] ?? "").trim()) },
  }));
  const einstellungen = {
    kind: "einstellungen" as const,
    sheet: table?.sheet ?? "Einstellungen",
    headerRow: table?.headerRow ?? 1,
    columns: table?.columns ?? { schluessel: "A", wert: "B" },
    missingColumns: [],
    nextFreeColumn: table?.nextFreeColumn ?? "C",
    nonEmpty: {},
    rows,
  };
  const { findings } = checkConcept({ ...concept, einstellungen }, { today });
  const out: Record<string, Finding[]> = {};
  for (const f of findings.filter((x) => x.rule === "EINSTELLUNG_UNGUELTIG")) {
    const key = SETTING_FIELDS.find(
      (s) => normalizeLabel(s.key) === normalizeLabel(String((f.params as { key: string }).key)),
    );
    if (key) (out[key.key] ??= []).push(f);
  }
  return out;
}
