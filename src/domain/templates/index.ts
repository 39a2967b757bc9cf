/**
 * The content of the `init` templates: Laatzen's seven and Ilm-Kreis's six Handlungsfelder, the default
 * Bewertungskriterien, and a complete example concept with a few typical defects (its rows: ./beispiel.ts and
 * ./beispielMonitoring.ts, data keyed by field).
 */
import type { CellValue, IsoDate } from "../dates";
import type { EntityKind } from "../model";
import { SETTING_KEYS, type Settings } from "../settings";
import type * as BeispielData from "./beispiel";
import type * as BeispielMonitoring from "./beispielMonitoring";
import { DEFAULT_KRITERIEN } from "./kriterien";

export type TemplateName = "leer" | "laatzen" | "ilm-kreis" | "beispiel";
export const TEMPLATE_NAMES: readonly TemplateName[] = ["leer", "laatzen", "ilm-kreis", "beispiel"];

export type TemplateContent = Partial<Record<EntityKind, Record<string, CellValue>[]>>;

export { DEFAULT_KRITERIEN };

const LAATZEN_HF = [
  "Willkommenskultur",
  "Wohnen und Leben",
  "Bildung und Sprache",
  "Wirtschaft und Arbeit",
  "Teilhabe",
  "Interkulturelle Öffnung",
  "Vernetzung",
];

const ILM_KREIS_HF = [
  "Interkulturelle Öffnung und gesellschaftliche Teilhabe",
  "Sprache und Bildung",
  "Arbeitsmarkt",
  "Wohnen",
  "Gesundheit und Soziales",
  "Kultur, Religion, Freizeit und Sport",
];

const hfRows = (names: string[]) =>
  names.map((name, i) => ({ id: `HF-${String(i + 1).padStart(2, "0")}`, handlungsfeld: name }));

function settingsRows(values: Partial<Record<keyof Settings, CellValue>>): Record<string, CellValue>[] {
  return (Object.keys(SETTING_KEYS) as (keyof Settings)[]).map((key) => ({
    schluessel: SETTING_KEYS[key],
    wert: values[key] ?? null,
  }));
}

function baseSettings(year: number): Partial<Record<keyof Settings, CellValue>> {
  return {
    laufzeitVon: `${year + 1}-01-01`,
    laufzeitBis: `${year + 5}-12-31`,
    bewertungsturnus: 2,
    ampelGruenAb: 3,
    ampelGelbAb: 2,
    indikatorToleranz: 10,
  };
}

const kriterienRows = () => DEFAULT_KRITERIEN.map((k) => ({ ...k }));

/** Template content; `today` sets the default Laufzeit (the five years from next year). */
export function templateContent(name: TemplateName, today: IsoDate): TemplateContent {
  const year = Number(today.slice(0, 4));
  switch (name) {
    case "leer":
      return { einstellungen: settingsRows(baseSettings(year)), kriterien: kriterienRows() };
    case "laatzen":
      return {
        einstellungen: settingsRows({
          ...baseSettings(year),
          kommune: "Stadt Laatzen",
          konzepttitel: "Handlungskonzept Integration",
        }),
        handlungsfelder: hfRows(LAATZEN_HF),
        kriterien: kriterienRows(),
      };
    case "ilm-kreis":
      return {
        einstellungen: settingsRows({
          ...baseSettings(year),
          kommune: "Ilm-Kreis",
          konzepttitel: "Integrationskonzept Ilm-Kreis",
        }),
        handlungsfelder: hfRows(ILM_KREIS_HF),
        kriterien: kriterienRows(),
      };
    case "beispiel":
      return beispiel();
  }
}

/**
 * The example concept (./beispiel.ts) and its Integrationsmonitoring (./beispielMonitoring.ts) with the
 * Einstellungen and Kriterien every template has.
 */
function beispiel(): TemplateContent {
  // The example's rows are loaded when asked for: reading a workbook never needs them.
  const BEISPIEL = require("./beispiel") as typeof BeispielData;
  const MONITORING = require("./beispielMonitoring") as typeof BeispielMonitoring;
  return {
    einstellungen: settingsRows({
      kommune: "Landkreis Beispielkreis",
      konzepttitel: "Integrationskonzept 2026–2030",
      laufzeitVon: "2026-01-01",
      laufzeitBis: "2030-12-31",
      bewertungsturnus: 2,
      ampelGruenAb: 3,
      ampelGelbAb: 2,
      ruecklaufBis: null,
      indikatorToleranz: 10,
      gebiet: MONITORING.EIGENES_GEBIET,
    }),
    handlungsfelder: rows(BEISPIEL.HANDLUNGSFELDER),
    ziele: rows(BEISPIEL.ZIELE),
    indikatoren: rows([...BEISPIEL.INDIKATOREN, ...MONITORING.BASISINDIKATOREN]),
    akteure: rows(BEISPIEL.AKTEURE),
    massnahmen: rows(BEISPIEL.MASSNAHMEN),
    kriterien: kriterienRows(),
    indikatorwerte: rows([...BEISPIEL.INDIKATORWERTE, ...MONITORING.BASISWERTE]),
    sachstaende: rows(BEISPIEL.SACHSTAENDE),
    angebote: rows(BEISPIEL.ANGEBOTE),
    bedarfe: rows(BEISPIEL.BEDARFE),
    gebiete: rows(MONITORING.GEBIETE),
  };
}

/** Fresh, writable copies of data rows (the callers may change what they get). */
const rows = (data: readonly object[]): Record<string, CellValue>[] =>
  data.map((r) => ({ ...(r as Record<string, CellValue>) }));
