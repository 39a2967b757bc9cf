/**
 * The Prozessplan of the `init` templates (data): the ten steps from the Kernteam to the Beschluss and the
 * three after it (Transferagentur Niedersachsen, „In 10 Schritten zum Integrationskonzept“), undated and
 * `geplant`; and the dated plan of the example concept, after the Prozess- und Zeitplan of a Landkreis (AG
 * Integration, Fachtag, Integrationsbeirat, Ausschuss, Kreistag, Integrationsbericht, Maßnahmenkonzept).
 */
import type { CellValue } from "./dates";
import { ENTITY_FIELDS } from "./model";

/** The Gremien a template's steps name: the committee, the advisory council and the council. */
export interface TemplateGremien {
  ausschuss: string;
  beirat: string;
  rat: string;
}

/** The Gremien of the template `leer`, in words that fit a Stadt and a Landkreis alike. */
export const GREMIEN_ALLGEMEIN: TemplateGremien = {
  ausschuss: "Fachausschuss",
  beirat: "Integrationsbeirat",
  rat: "Rat bzw. Kreistag",
};

type Row = Record<string, CellValue>;

interface StepData {
  phase: string;
  schritt: string;
  beteiligte?: string;
  format: string;
  gremium?: keyof TemplateGremien;
  befassung?: string;
  gegenstand?: string;
}

/** The thirteen steps, in order. */
const STEPS: readonly StepData[] = [
  {
    phase: "Vorbereitung",
    schritt:
      "Thema setzen: den Wunsch nach einem Integrationskonzept formulieren, Schwerpunkte benennen und ein Kernteam bilden, das den Prozess koordiniert",
    beteiligte: "Politik, Verwaltung",
    format: "Arbeitsgruppe",
  },
  {
    phase: "Vorbereitung",
    schritt:
      "Rückhalt von Fachleitung und Verwaltungsvorstand einholen (Dezernat, Bürgermeister/-in oder Landrat/Landrätin)",
    beteiligte: "Kernteam, Fachleitungen",
    format: "sonstiges",
  },
  {
    phase: "Vorbereitung",
    schritt: "Prozess planen: Produkt, Zeitplan und Beteiligung der Akteure festlegen",
    beteiligte: "Kernteam, Fachleitungen",
    format: "Arbeitsgruppe",
  },
  {
    phase: "Vorbereitung",
    schritt: "Die Idee im Bündnis besprechen: mit Integrationsbeirat, Wohlfahrtsverbänden und Volkshochschule",
    beteiligte: "Wohlfahrtsverbände, Volkshochschule, Migrantenorganisationen",
    format: "Sitzung",
    gremium: "beirat",
    befassung: "Beratung",
    gegenstand: "Vorhaben Integrationskonzept",
  },
  {
    phase: "Auftrag",
    schritt:
      "Beschluss im Ratsausschuss oder Kreistagsausschuss: Verwaltungsvorlage zu Vorhaben, Beteiligung, Zeitplan und Mitteln",
    format: "Sitzung",
    gremium: "ausschuss",
    befassung: "Beschluss",
    gegenstand: "Vorhaben Integrationskonzept",
  },
  {
    phase: "Erarbeitung",
    schritt:
      "Akteursübergreifender Workshop oder Konferenz: Situationsanalyse, strategische Ziele, Handlungsfelder, erste Maßnahmen",
    beteiligte: "Verwaltung, Zivilgesellschaft, Migrantenvertretung, Einrichtungen",
    format: "Workshop",
  },
  {
    phase: "Erarbeitung",
    schritt: "Konzept erarbeiten: Arbeitsgruppen konkretisieren die Anregungen je Handlungsfeld",
    beteiligte: "Fach-Arbeitsgruppen",
    format: "Arbeitsgruppe",
  },
  {
    phase: "Erarbeitung",
    schritt: "Entwurf mit den zuständigen Fachleitungen abstimmen",
    beteiligte: "Fachleitungen",
    format: "sonstiges",
  },
  {
    phase: "Erarbeitung",
    schritt: "Feedback der beteiligten Akteure zur Entwurfsfassung einholen, schriftlich oder in einem Workshop",
    beteiligte: "beteiligte Akteure",
    format: "Workshop",
  },
  {
    phase: "Beschluss",
    schritt:
      "Beschluss und Verabschiedung: das Konzept im Ausschuss und im Integrationsbeirat vorstellen und beschließen lassen",
    beteiligte: "zuständiger Ausschuss, Integrationsbeirat",
    format: "Sitzung",
    gremium: "rat",
    befassung: "Beschluss",
    gegenstand: "Integrationskonzept",
  },
  {
    phase: "Nach dem Konzept",
    schritt: "Öffentlichkeitsarbeit: Pressemitteilung, soziale Netzwerke, Broschüre, Vorstellung auf Veranstaltungen",
    beteiligte: "Pressestelle",
    format: "Veröffentlichung",
  },
  {
    phase: "Nach dem Konzept",
    schritt: "Qualitätsmanagement und Evaluation: regelmäßig über die Umsetzung berichten und die Maßnahmen bewerten",
    beteiligte: "Steuerungsgruppe, Fachleitungsrunde",
    format: "Sitzung",
    gremium: "ausschuss",
    befassung: "Information",
    gegenstand: "Sachstandsbericht",
  },
  {
    phase: "Nach dem Konzept",
    schritt: "Fortschreibung: das Konzept auf Grundlage der Evaluation weiterentwickeln",
    beteiligte: "Kernteam, Fachbereiche",
    format: "Arbeitsgruppe",
  },
];

/** The template's steps (P-01 … P-13): in order, `geplant`, without dates, with the Gremien given. */
export function templateSteps(gremien: TemplateGremien = GREMIEN_ALLGEMEIN): Row[] {
  return STEPS.map((s, i) => ({
    id: `P-${String(i + 1).padStart(2, "0")}`,
    phase: s.phase,
    schritt: s.schritt,
    beginn: null,
    termin: null,
    verantwortlich: "",
    beteiligte: s.beteiligte ?? "",
    format: s.format,
    gremium: s.gremium ? gremien[s.gremium] : "",
    befassung: s.befassung ?? "",
    gegenstand: s.gegenstand ?? "",
    drucksache: "",
    status: "geplant",
    ergebnis: "",
  }));
}

const AUSSCHUSS = "Ausschuss für Arbeit, Soziales und Gesundheit";

/** One step of the example: what is not given stays empty. */
interface ExampleStep {
  phase: string;
  schritt: string;
  beginn?: string;
  termin: string;
  verantwortlich: string;
  beteiligte?: string;
  format: string;
  gremium?: string;
  befassung?: string;
  gegenstand?: string;
  drucksache?: string;
  status: string;
  ergebnis?: string;
}

/**
 * The example's plan (Landkreis Beispielkreis, Konzept 2026–2030): the Rahmenkonzept in 2024/25, the
 * Integrationsbericht 2025, the Maßnahmenkonzept decided in December 2025, published in January 2026; then
 * the Sachstandsbericht 2026 done, the Integrationsbericht 2026 overdue (in Arbeit since June, due in October)
 * and its Beratungsfolge in 2027, the Bewertung 2027 and the Fortschreibung ahead. Dates are fixed, like the
 * example's measures, Sachstände and indicator values.
 */
const BEISPIEL: readonly ExampleStep[] = [
  {
    phase: "Rahmenkonzept",
    schritt: "Steuerungsgruppe Integration gründen, Koordination und Federführung festlegen",
    beginn: "2024-04-01",
    termin: "2024-05-31",
    verantwortlich: "A-01",
    beteiligte: "Fachbereiche, Sozialplanung",
    format: "Arbeitsgruppe",
    status: "erledigt",
    ergebnis: "Die Steuerungsgruppe tagt monatlich.",
  },
  {
    phase: "Rahmenkonzept",
    schritt: "Vorhaben im Integrationsbeirat vorstellen, Mitglieder für die AG Integration gewinnen",
    termin: "2024-07-01",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: "Integrationsbeirat",
    befassung: "Information",
    gegenstand: "Rahmenkonzept",
    drucksache: "2024/071",
    status: "erledigt",
    ergebnis: "Fünf Mitglieder für die AG Integration gewonnen.",
  },
  {
    phase: "Rahmenkonzept",
    schritt: "Gesamtvorhaben im Ausschuss vorstellen",
    termin: "2024-08-29",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: AUSSCHUSS,
    befassung: "Information",
    gegenstand: "Rahmenkonzept",
    drucksache: "2024/083",
    status: "erledigt",
    ergebnis: "Zur Kenntnis genommen.",
  },
  {
    phase: "Integrationsmonitoring",
    schritt:
      "Basisindikatoren und Indikatoren der Handlungsfelder festlegen, Erfassungsbogen für die Angebote entwerfen",
    beginn: "2024-09-01",
    termin: "2024-09-30",
    verantwortlich: "A-03",
    beteiligte: "AG Integration",
    format: "Arbeitsgruppe",
    status: "erledigt",
  },
  {
    phase: "Rahmenkonzept",
    schritt: "Leitbild, Ziele und Handlungsfelder ausarbeiten",
    beginn: "2024-10-01",
    termin: "2024-12-31",
    verantwortlich: "A-01",
    beteiligte: "AG Integration",
    format: "Arbeitsgruppe",
    status: "erledigt",
  },
  {
    phase: "Rahmenkonzept",
    schritt: "Entwurf des Rahmenkonzepts im Integrationsbeirat beraten",
    termin: "2025-02-10",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: "Integrationsbeirat",
    befassung: "Empfehlung",
    gegenstand: "Rahmenkonzept",
    drucksache: "2025/012",
    status: "erledigt",
    ergebnis: "Empfehlung an den Kreistag.",
  },
  {
    phase: "Rahmenkonzept",
    schritt: "Entwurf des Rahmenkonzepts im Ausschuss beraten",
    termin: "2025-02-27",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: AUSSCHUSS,
    befassung: "Beratung",
    gegenstand: "Rahmenkonzept",
    drucksache: "2025/012",
    status: "erledigt",
  },
  {
    phase: "Rahmenkonzept",
    schritt: "Rahmenkonzept im Kreistag beschließen",
    termin: "2025-03-20",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: "Kreistag",
    befassung: "Beschluss",
    gegenstand: "Rahmenkonzept",
    drucksache: "2025/012",
    status: "erledigt",
    ergebnis: "Einstimmig beschlossen.",
  },
  {
    phase: "Beteiligung",
    schritt:
      "Fachtag Integration mit Workshops: Ergebnisse der Datenerhebung und Bestandsaufnahme vorstellen, Bedarfe sammeln",
    termin: "2025-05-22",
    verantwortlich: "A-01",
    beteiligte: "Träger, Vereine, Migrantenorganisationen, Ehrenamt",
    format: "Fachtag",
    status: "erledigt",
    ergebnis: "140 Teilnehmende, 46 Bedarfe gesammelt.",
  },
  {
    phase: "Integrationsmonitoring",
    schritt: "Integrationsbericht 2025 im Kreistag beschließen",
    termin: "2025-09-18",
    verantwortlich: "A-03",
    format: "Sitzung",
    gremium: "Kreistag",
    befassung: "Beschluss",
    gegenstand: "Integrationsbericht 2025",
    drucksache: "2025/088",
    status: "erledigt",
    ergebnis: "Beschlossen.",
  },
  {
    phase: "Maßnahmenkonzept",
    schritt: "Maßnahmen und Verantwortlichkeiten mit den Fachbereichen festlegen, SMART beschreiben",
    beginn: "2025-08-01",
    termin: "2025-11-14",
    verantwortlich: "A-01",
    beteiligte: "Fachbereiche, AG Integration",
    format: "Arbeitsgruppe",
    status: "erledigt",
    ergebnis: "20 Maßnahmen in sieben Handlungsfeldern.",
  },
  {
    phase: "Maßnahmenkonzept",
    schritt: "Maßnahmenkonzept im Integrationsbeirat beraten",
    termin: "2025-12-01",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: "Integrationsbeirat",
    befassung: "Empfehlung",
    gegenstand: "Maßnahmenkonzept",
    drucksache: "2025/131",
    status: "erledigt",
    ergebnis: "Empfehlung an den Kreistag.",
  },
  {
    phase: "Maßnahmenkonzept",
    schritt: "Maßnahmenkonzept im Ausschuss beraten",
    termin: "2025-12-04",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: AUSSCHUSS,
    befassung: "Beratung",
    gegenstand: "Maßnahmenkonzept",
    drucksache: "2025/131",
    status: "erledigt",
  },
  {
    phase: "Maßnahmenkonzept",
    schritt: "Maßnahmenkonzept im Kreistag beschließen",
    termin: "2025-12-18",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: "Kreistag",
    befassung: "Beschluss",
    gegenstand: "Maßnahmenkonzept",
    drucksache: "2025/131",
    status: "erledigt",
    ergebnis: "Mit großer Mehrheit beschlossen.",
  },
  {
    phase: "Veröffentlichung",
    schritt: "Integrationskonzept veröffentlichen: Broschüre, Internetseite, Pressemitteilung",
    termin: "2026-01-30",
    verantwortlich: "A-01",
    beteiligte: "Pressestelle",
    format: "Veröffentlichung",
    status: "erledigt",
  },
  {
    phase: "Umsetzung",
    schritt: "Sachstandsbericht 2026 im Ausschuss vorstellen",
    termin: "2026-09-24",
    verantwortlich: "A-01",
    format: "Sitzung",
    gremium: AUSSCHUSS,
    befassung: "Information",
    gegenstand: "Sachstandsbericht 2026",
    drucksache: "2026/097",
    status: "erledigt",
    ergebnis: "Zur Kenntnis genommen.",
  },
  {
    phase: "Integrationsmonitoring",
    schritt: "Integrationsbericht 2026 erstellen: Daten aktualisieren, Kapitel je Handlungsfeld schreiben",
    beginn: "2026-06-01",
    termin: "2026-10-31",
    verantwortlich: "A-03",
    beteiligte: "AG Integration",
    format: "Arbeitsgruppe",
    status: "in Arbeit",
  },
  {
    phase: "Integrationsmonitoring",
    schritt: "Integrationsbericht 2026 im Integrationsbeirat beraten",
    termin: "2027-02-08",
    verantwortlich: "A-03",
    format: "Sitzung",
    gremium: "Integrationsbeirat",
    befassung: "Empfehlung",
    gegenstand: "Integrationsbericht 2026",
    status: "geplant",
  },
  {
    phase: "Integrationsmonitoring",
    schritt: "Integrationsbericht 2026 im Ausschuss beraten",
    termin: "2027-02-25",
    verantwortlich: "A-03",
    format: "Sitzung",
    gremium: AUSSCHUSS,
    befassung: "Beratung",
    gegenstand: "Integrationsbericht 2026",
    status: "geplant",
  },
  {
    phase: "Integrationsmonitoring",
    schritt: "Integrationsbericht 2026 im Kreistag beschließen",
    termin: "2027-03-18",
    verantwortlich: "A-03",
    format: "Sitzung",
    gremium: "Kreistag",
    befassung: "Beschluss",
    gegenstand: "Integrationsbericht 2026",
    status: "geplant",
  },
  {
    phase: "Evaluation",
    schritt: "Bewertungsrunde 2027: Maßnahmen im Bewertungsteam bewerten",
    beginn: "2027-04-01",
    termin: "2027-06-30",
    verantwortlich: "A-01",
    beteiligte: "Bewertungsteam, Fachbereiche",
    format: "Arbeitsgruppe",
    status: "geplant",
  },
  {
    phase: "Evaluation",
    schritt: "Integrationskonferenz 2027: offener Austausch mit Gesellschaft, Politik und Verwaltung",
    termin: "2027-09-16",
    verantwortlich: "A-01",
    beteiligte: "Träger, Vereine, Politik, Verwaltung",
    format: "Fachtag",
    status: "geplant",
  },
  {
    phase: "Fortschreibung",
    schritt: "Fortschreibung des Konzepts auf Grundlage der Bewertung vorbereiten",
    beginn: "2027-10-01",
    termin: "2028-03-31",
    verantwortlich: "A-01",
    beteiligte: "Steuerungsgruppe, AG Integration",
    format: "Arbeitsgruppe",
    status: "geplant",
  },
];

/** The fields of a step after its ID, in the table's order. */
const FIELDS = ENTITY_FIELDS.prozessplan.filter((f) => f !== "id");

/** The example's steps as rows (P-01 …), every field present. */
export function beispielProzessplan(): Row[] {
  return BEISPIEL.map((step, i) => ({
    id: `P-${String(i + 1).padStart(2, "0")}`,
    ...Object.fromEntries(FIELDS.map((f) => [f, step[f as keyof ExampleStep] ?? (f === "beginn" ? null : "")])),
  }));
}
