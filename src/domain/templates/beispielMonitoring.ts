/**
 * The Integrationsmonitoring of the example concept (`init --vorlage beispiel`) as data: the fictitious
 * Landkreis Beispielkreis with five Gemeinden, its Land and the Bund for comparison, and Basisindikatoren
 * from official statistics with three years of values each — one share computed by a Berechnung, one value
 * withheld by the office (Kennzeichen `.`), one Gruppe beside the total, one indicator whose next values are
 * due. The keys have the form of Amtliche Gemeindeschlüssel but are invented: no Land has the key 99. Each
 * Gemeinde's figures add up to the Kreis's (where the office published them). Rows are keyed by the fields of
 * their table (src/domain/model.ts), so that a misspelt or removed field does not compile.
 */
import type { TemplateRow } from "./rows";

/** Einstellungen `Gebiet`: the concept's own area, the Kreis. */
export const EIGENES_GEBIET = "99001";

export const GEBIETE: readonly TemplateRow<"gebiete">[] = [
  { id: "99001", gebiet: "Landkreis Beispielkreis", ebene: "Kreis", uebergeordnet: "99", vergleich: "" },
  { id: "99001001", gebiet: "Beispielstadt, Stadt", ebene: "Gemeinde", uebergeordnet: "99001", vergleich: "" },
  { id: "99001002", gebiet: "Musterhausen", ebene: "Gemeinde", uebergeordnet: "99001", vergleich: "" },
  { id: "99001003", gebiet: "Nordbeispiel", ebene: "Gemeinde", uebergeordnet: "99001", vergleich: "" },
  { id: "99001004", gebiet: "Südbeispiel", ebene: "Gemeinde", uebergeordnet: "99001", vergleich: "" },
  { id: "99001005", gebiet: "Beispieltal", ebene: "Gemeinde", uebergeordnet: "99001", vergleich: "" },
  { id: "99", gebiet: "Beispielland", ebene: "Land", uebergeordnet: "DG", vergleich: "ja" },
  { id: "DG", gebiet: "Deutschland", ebene: "Bund", uebergeordnet: "", vergleich: "ja" },
];

/** Basisindikatoren: the state of integration in the Kreis, no Ziel, no measure, no Basis- or Zielwert. */
export const BASISINDIKATOREN: readonly TemplateRow<"indikatoren">[] = [
  {
    id: "I-020",
    art: "Basisindikator",
    indikator: "Bevölkerung",
    einheit: "Anzahl",
    definition: "Einwohnerinnen und Einwohner mit Hauptwohnsitz am 31.12.",
    datenquelle: "Fortschreibung des Bevölkerungsstandes",
    erhebungsturnus: "jährlich",
    naechsteVeroeffentlichung: "30.06.2027",
  },
  {
    id: "I-021",
    art: "Basisindikator",
    indikator: "Ausländerinnen und Ausländer",
    einheit: "Anzahl",
    definition: "Personen ohne deutsche Staatsangehörigkeit mit Wohnsitz am 31.12.",
    datenquelle: "Ausländerzentralregister",
    erhebungsturnus: "jährlich",
    naechsteVeroeffentlichung: "30.04.2027",
  },
  {
    id: "I-022",
    art: "Basisindikator",
    indikator: "Ausländeranteil",
    einheit: "%",
    definition: "Anteil der Ausländerinnen und Ausländer an der Bevölkerung; für Land und Bund wie veröffentlicht.",
    berechnung: "I-021 / I-020",
    datenquelle: "Statistisches Landesamt Beispielland, Statistisches Bundesamt",
    erhebungsturnus: "jährlich",
  },
  {
    id: "I-023",
    art: "Basisindikator",
    handlungsfeld: "HF-03",
    indikator: "Betreuungsquote der Kinder unter 3 Jahren",
    einheit: "%",
    definition: "Kinder unter 3 Jahren in Kindertagesbetreuung am 01.03. je 100 Kinder dieses Alters.",
    datenquelle: "Kinder- und Jugendhilfestatistik",
    erhebungsturnus: "jährlich",
    // Before the example's dates: the values of 2026 are due (I_WERTE_FAELLIG).
    naechsteVeroeffentlichung: "30.09.2026",
  },
  {
    id: "I-024",
    art: "Basisindikator",
    handlungsfeld: "HF-04",
    indikator: "Beschäftigungsquote der Ausländerinnen und Ausländer",
    einheit: "%",
    definition:
      "Sozialversicherungspflichtig Beschäftigte ohne deutsche Staatsangehörigkeit am 30.06. je 100 Ausländerinnen und Ausländer von 15 bis unter 65 Jahren.",
    datenquelle: "Statistik der Bundesagentur für Arbeit",
    erhebungsturnus: "jährlich",
    naechsteVeroeffentlichung: "28.02.2027",
  },
];

const ABGERUFEN = "15.09.2026";
const LANDESAMT = "Statistisches Landesamt Beispielland";

/** One row per Stichtag of a series: `null` with a Kennzeichen where the office gives no number. */
function series(
  indikator: string,
  gebiet: string,
  stichtage: readonly string[],
  werte: readonly (number | null)[],
  extra: { quelle?: string; gruppe?: string; kennzeichen?: readonly (string | null)[] } = {},
): TemplateRow<"indikatorwerte">[] {
  return stichtage.map((stichtag, i) => ({
    indikator,
    stichtag,
    gebiet,
    gruppe: extra.gruppe ?? "",
    wert: werte[i] ?? null,
    kennzeichen: extra.kennzeichen?.[i] ?? "",
    quelle: extra.quelle ?? LANDESAMT,
    abgerufenAm: ABGERUFEN,
  }));
}

const JAHRE = ["2023", "2024", "2025"];
const KITA = ["01.03.2023", "01.03.2024", "01.03.2025"];
const BA = ["30.06.2023", "30.06.2024", "30.06.2025"];
const BA_QUELLE = "Bundesagentur für Arbeit";

/** The values as the offices publish them; the Ausländeranteil of the Kreis and its Gemeinden is computed. */
export const BASISWERTE: readonly TemplateRow<"indikatorwerte">[] = [
  // Bevölkerung: each Gemeinde, and the Kreis as their sum.
  ...series("I-020", "99001001", JAHRE, [48210, 48650, 48905]),
  ...series("I-020", "99001002", JAHRE, [21340, 21515, 21602]),
  ...series("I-020", "99001003", JAHRE, [12880, 12940, 12911]),
  ...series("I-020", "99001004", JAHRE, [9415, 9502, 9560]),
  ...series("I-020", "99001005", JAHRE, [3105, 3121, 3098]),
  ...series("I-020", "99001", JAHRE, [94950, 95728, 96076]),
  // Ausländerinnen und Ausländer: the smallest Gemeinde's first figure is withheld (`.`), the Kreis's is not.
  ...series("I-021", "99001001", JAHRE, [6120, 6480, 6712]),
  ...series("I-021", "99001002", JAHRE, [1985, 2130, 2201]),
  ...series("I-021", "99001003", JAHRE, [812, 870, 905]),
  ...series("I-021", "99001004", JAHRE, [541, 588, 602]),
  ...series("I-021", "99001005", JAHRE, [null, 118, 124], { kennzeichen: [".", null, null] }),
  ...series("I-021", "99001", JAHRE, [9571, 10186, 10544]),
  // Ausländeranteil of Land and Bund as published: their counts are not kept here.
  ...series("I-022", "99", JAHRE, [9.8, 10.3, 10.7]),
  ...series("I-022", "DG", JAHRE, [14.6, 15.2, 15.6], { quelle: "Statistisches Bundesamt" }),
  // Betreuungsquote unter 3 Jahren.
  ...series("I-023", "99001001", KITA, [34.2, 35.8, 36.5]),
  ...series("I-023", "99001002", KITA, [29.5, 31.0, 31.8]),
  ...series("I-023", "99001003", KITA, [27.1, 27.9, 29.4]),
  ...series("I-023", "99001004", KITA, [25.3, 26.2, 26.8]),
  ...series("I-023", "99001005", KITA, [22.0, 23.5, 24.1]),
  ...series("I-023", "99001", KITA, [31.0, 32.4, 33.2]),
  ...series("I-023", "99", KITA, [30.1, 31.2, 31.9]),
  ...series("I-023", "DG", KITA, [35.5, 36.4, 37.4], { quelle: "Statistisches Bundesamt" }),
  // Beschäftigungsquote: published for the Kreis (also for women), the Land and the Bund.
  ...series("I-024", "99001", BA, [52.1, 53.4, 54.0], { quelle: BA_QUELLE }),
  ...series("I-024", "99001", BA, [43.2, 44.5, 45.3], { quelle: BA_QUELLE, gruppe: "weiblich" }),
  ...series("I-024", "99", BA, [53.8, 54.6, 55.1], { quelle: BA_QUELLE }),
  ...series("I-024", "DG", BA, [54.9, 55.6, 56.0], { quelle: BA_QUELLE }),
];
