/**
 * The Prozessplan of the templates `leer`, `laatzen` and `ilm-kreis` and of every Fortschreibung (data): the
 * ten steps from the Kernteam to the Beschluss and the three after it (Transferagentur Niedersachsen, „In 10
 * Schritten zum Integrationskonzept“), undated and `geplant`, the Gremien in the words of the template. The
 * example's dated plan is in ./beispiel.ts.
 */
import type { TemplateRow } from "./rows";

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
export function templateSteps(gremien: TemplateGremien = GREMIEN_ALLGEMEIN): TemplateRow<"prozessplan">[] {
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
