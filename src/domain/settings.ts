/** The Einstellungen of a concept, with the defaults of the contract. */
import { type IsoDate, parseGermanDate } from "./dates";
import type { ConceptData } from "./model";
import { parseGermanNumber } from "./numbers";
import { normalizeLabel, textOf } from "./values";

export interface Settings {
  kommune: string;
  konzepttitel: string;
  laufzeitVon: IsoDate | null;
  laufzeitBis: IsoDate | null;
  stichtag: IsoDate | null;
  bewertungsturnus: number;
  ampelGruenAb: number;
  ampelGelbAb: number;
  ruecklaufBis: IsoDate | null;
  /** The current status-report date; null: the latest in Sachstände. */
  berichtsstichtag: IsoDate | null;
  /** T of the indicator Ampel, in percentage points. */
  indikatorToleranz: number;
  /** The ID in Gebiete of the concept's own area (the Kreis or the city); values without a Gebiet are its. */
  gebiet: string;
}

export const SETTING_KEYS = {
  kommune: "Kommune",
  konzepttitel: "Konzepttitel",
  laufzeitVon: "Laufzeit von",
  laufzeitBis: "Laufzeit bis",
  stichtag: "Stichtag",
  bewertungsturnus: "Bewertungsturnus (Jahre)",
  ampelGruenAb: "Ampel grün ab",
  ampelGelbAb: "Ampel gelb ab",
  ruecklaufBis: "Rücklauf bis",
  berichtsstichtag: "Berichtsstichtag",
  indikatorToleranz: "Indikator-Toleranz (Prozentpunkte)",
  gebiet: "Gebiet",
} as const satisfies Record<keyof Settings, string>;

export const DEFAULT_SETTINGS: Settings = {
  kommune: "",
  konzepttitel: "",
  laufzeitVon: null,
  laufzeitBis: null,
  stichtag: null,
  bewertungsturnus: 2,
  ampelGruenAb: 3,
  ampelGelbAb: 2,
  ruecklaufBis: null,
  berichtsstichtag: null,
  indikatorToleranz: 10,
  gebiet: "",
};

/** A setting whose value could not be read; the default applies and the rule engine reports it. */
export interface SettingProblem {
  key: string;
  row: number;
  value: string;
  expected: "Datum" | "Zahl";
}

const DATE_KEYS = ["laufzeitVon", "laufzeitBis", "stichtag", "ruecklaufBis", "berichtsstichtag"] as const;
const NUMBER_KEYS = ["bewertungsturnus", "ampelGruenAb", "ampelGelbAb", "indikatorToleranz"] as const;

export function readSettings(data: Pick<ConceptData, "einstellungen">): {
  settings: Settings;
  problems: SettingProblem[];
  rows: Map<keyof Settings, number>;
} {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const problems: SettingProblem[] = [];
  const rows = new Map<keyof Settings, number>();
  const byLabel = new Map(
    (Object.keys(SETTING_KEYS) as (keyof Settings)[]).map((k) => [normalizeLabel(SETTING_KEYS[k]), k]),
  );
  for (const record of data.einstellungen?.rows ?? []) {
    const key = byLabel.get(normalizeLabel(textOf(record.values.schluessel ?? null)));
    if (!key) continue;
    rows.set(key, record.row);
    const raw = record.values.wert ?? null;
    if (textOf(raw) === "") continue;
    if ((DATE_KEYS as readonly string[]).includes(key)) {
      const parsed = parseGermanDate(raw);
      if (parsed.kind === "date") (settings as unknown as Record<string, unknown>)[key] = parsed.date;
      else problems.push({ key: SETTING_KEYS[key], row: record.row, value: textOf(raw), expected: "Datum" });
    } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      const parsed = parseGermanNumber(raw);
      if (parsed.kind === "number" && parsed.value >= 0)
        (settings as unknown as Record<string, unknown>)[key] = parsed.value;
      else problems.push({ key: SETTING_KEYS[key], row: record.row, value: textOf(raw), expected: "Zahl" });
    } else {
      (settings as unknown as Record<string, unknown>)[key] = textOf(raw);
    }
  }
  return { settings, problems, rows };
}
