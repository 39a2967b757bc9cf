/**
 * The content of the `init` templates: Laatzen's seven and Ilm-Kreis's six Handlungsfelder, the default
 * Bewertungskriterien, and a complete example concept with a few typical defects.
 */
import type { CellValue, IsoDate } from "./dates";
import type { EntityKind } from "./model";
import { SETTING_KEYS, type Settings } from "./settings";

export type TemplateName = "leer" | "laatzen" | "ilm-kreis" | "beispiel";
export const TEMPLATE_NAMES: readonly TemplateName[] = ["leer", "laatzen", "ilm-kreis", "beispiel"];

export type TemplateContent = Partial<Record<EntityKind, Record<string, CellValue>[]>>;

/** Default criteria of the contract, used when tblKriterien is empty or missing. */
export const DEFAULT_KRITERIEN = [
  { kriterium: "Umsetzungsstand", gewicht: 25, beschreibung: "Ist die Maßnahme wie geplant umgesetzt?" },
  { kriterium: "Zielerreichung", gewicht: 30, beschreibung: "Ist der Zielwert der Indikatoren erreicht?" },
  { kriterium: "Erreichung der Zielgruppe", gewicht: 20, beschreibung: "Kommt die Maßnahme bei der Zielgruppe an?" },
  { kriterium: "Ressourceneinsatz", gewicht: 15, beschreibung: "Stehen Aufwand und Ergebnis in einem guten Verhältnis?" },
  { kriterium: "Nachhaltigkeit", gewicht: 10, beschreibung: "Wirkt die Maßnahme über die Laufzeit hinaus?" },
] as const;

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
        einstellungen: settingsRows({ ...baseSettings(year), kommune: "Stadt Laatzen", konzepttitel: "Handlungskonzept Integration" }),
        handlungsfelder: hfRows(LAATZEN_HF),
        kriterien: kriterienRows(),
      };
    case "ilm-kreis":
      return {
        einstellungen: settingsRows({ ...baseSettings(year), kommune: "Ilm-Kreis", konzepttitel: "Integrationskonzept Ilm-Kreis" }),
        handlungsfelder: hfRows(ILM_KREIS_HF),
        kriterien: kriterienRows(),
      };
    case "beispiel":
      return beispiel();
  }
}

/**
 * A realistic Integrationskonzept of a fictitious Landkreis: 20 measures in Laatzen's seven
 * Handlungsfelder, most of them SMART, a few with the defects `check` is there to find.
 */
function beispiel(): TemplateContent {
  const hf = hfRows(LAATZEN_HF);
  const ziele = [
    ["Z-01", "HF-01", "Neu Zugewanderte finden sich in den ersten sechs Monaten in der Verwaltung und im Alltag zurecht.", "Neu Zugewanderte"],
    ["Z-02", "HF-01", "Die Ausländerbehörde berät serviceorientiert und mehrsprachig.", "Kundinnen und Kunden der Ausländerbehörde"],
    ["Z-03", "HF-02", "Geflüchtete wohnen dezentral in eigenem Wohnraum.", "Geflüchtete in Gemeinschaftsunterkünften"],
    ["Z-04", "HF-03", "Kinder mit Zuwanderungsgeschichte besuchen vor der Einschulung eine Kita.", "Familien mit Kindern unter 6 Jahren"],
    ["Z-05", "HF-03", "Erwachsene Zugewanderte erreichen das Sprachniveau B1.", "Erwachsene Zugewanderte"],
    ["Z-06", "HF-04", "Zugewanderte finden eine Beschäftigung, die ihrer Qualifikation entspricht.", "Arbeitsuchende Zugewanderte"],
    ["Z-07", "HF-04", "Ausländische Berufsabschlüsse werden schneller anerkannt.", "Fachkräfte mit ausländischem Abschluss"],
    ["Z-08", "HF-05", "Zugewanderte engagieren sich in Vereinen und Gremien.", "Zugewanderte aller Altersgruppen"],
    ["Z-09", "HF-06", "Die Kreisverwaltung ist interkulturell kompetent.", "Beschäftigte der Kreisverwaltung"],
    ["Z-10", "HF-06", "Der Anteil der Beschäftigten mit Zuwanderungsgeschichte steigt.", "Bewerberinnen und Bewerber"],
    ["Z-11", "HF-07", "Die Akteure der Integrationsarbeit stimmen ihre Angebote ab.", "Träger, Vereine, Verwaltung"],
    ["Z-12", "HF-07", "Das Integrationskonzept wird regelmäßig fortgeschrieben.", "Kreistag und Integrationsbeirat"],
  ].map(([id, handlungsfeld, ziel, zielgruppe]) => ({ id, handlungsfeld, ziel, zielgruppe }));

  const indikatoren = [
    ["I-001", "Z-01", "Teilnehmende an Willkommensveranstaltungen pro Jahr", "Personen", 120, 2025, 300, 2030, "Teilnahmelisten Integrationsbüro", "jährlich"],
    ["I-002", "Z-02", "Anteil mehrsprachiger Beratungstermine", "%", 10, 2025, 35, 2030, "Terminstatistik Ausländerbehörde", "jährlich"],
    ["I-003", "Z-03", "Anteil Geflüchteter in eigenem Wohnraum", "%", 48, 2025, 70, 2030, "Statistik Sozialamt", "halbjährlich"],
    ["I-004", "Z-04", "Kita-Besuchsquote von Kindern mit Zuwanderungsgeschichte (3–6 Jahre)", "%", 71, 2025, 85, 2030, "Kita-Bedarfsplanung", "jährlich"],
    ["I-005", "Z-05", "Bestandene B1-Prüfungen in Integrationskursen", "Personen", 210, 2025, 320, 2030, "BAMF-Kursstatistik", "jährlich"],
    ["I-006", "Z-06", "Sozialversicherungspflichtig beschäftigte Zugewanderte", "Personen", 5400, 2025, 6200, 2030, "Bundesagentur für Arbeit", "jährlich"],
    ["I-007", "Z-07", "Durchschnittliche Dauer eines Anerkennungsverfahrens", "Wochen", 26, 2025, 16, 2030, "IQ-Netzwerk Anerkennungsberatung", "jährlich"],
    ["I-008", "Z-08", "Mitglieder mit Zuwanderungsgeschichte in Sportvereinen", "Personen", 850, 2025, 1100, 2030, "Bestandserhebung Kreissportbund", "jährlich"],
    ["I-009", "Z-09", "Beschäftigte mit Fortbildung zu interkultureller Kompetenz", "Personen", null, 2025, 400, 2030, "Fortbildungsstatistik Personalamt", "jährlich"],
    ["I-010", "Z-10", "Anteil der Neueinstellungen mit Zuwanderungsgeschichte", "%", 8, 2025, 15, 2030, "Personalamt (freiwillige Angabe)", "jährlich"],
    ["I-011", "Z-11", "Sitzungen des Netzwerks Integration pro Jahr", "Anzahl", 2, 2025, 4, 2030, "Protokolle Koordinierungsstelle", "jährlich"],
    ["I-012", "Z-04", "Eltern in Elternbegleitprogrammen", "Personen", 60, 2025, 150, 2030, null, "jährlich"],
  ].map(([id, ziel, indikator, einheit, basiswert, basisjahr, zielwert, zieljahr, datenquelle, erhebungsturnus]) => ({
    id,
    ziel,
    indikator,
    einheit,
    basiswert,
    basisjahr,
    zielwert,
    zieljahr,
    datenquelle,
    erhebungsturnus,
  })) as Record<string, CellValue>[];

  const akteure = [
    ["A-01", "Koordinierungsstelle Integration", "Dezernat II – Soziales", "Sabine Gericke", "integration@beispielkreis.de", "intern"],
    ["A-02", "Ausländerbehörde", "Fachbereich 3 – Ordnung", "Murat Aydın", "auslaenderbehoerde@beispielkreis.de", "intern"],
    ["A-03", "Sozialamt", "Fachbereich 5 – Soziales", "Petra Lehmann", "sozialamt@beispielkreis.de", "intern"],
    ["A-04", "Jugendamt – Kindertagesbetreuung", "Fachbereich 4 – Jugend", "Jan Wichmann", "kita@beispielkreis.de", "intern"],
    ["A-05", "Kreisvolkshochschule", "Fachbereich 4 – Jugend", "Dr. Anna Sommer", "vhs(at)beispielkreis.de", "intern"],
    ["A-06", "Jobcenter Beispielkreis", "", "", "", "extern"],
    ["A-07", "Personalamt", "Fachbereich 1 – Zentrale Dienste", "Thomas Schrader", "personal@beispielkreis.de", "intern"],
    ["A-08", "Kreissportbund Beispielkreis e. V.", "", "Lea Brandt", "info@ksb-beispielkreis.de", "extern"],
  ].map(([id, bezeichnung, fachbereich, ansprechperson, email, art]) => ({ id, bezeichnung, fachbereich, ansprechperson, email, art }));

  type M = [string, string, string, string, string, string, string, string, string, number | null, number | null, string, string | null, string, string];
  const measures: M[] = [
    ["HF-01", "Z-01", "Willkommensmappe", "Eine mehrsprachige Willkommensmappe mit Ansprechpersonen, Behördenwegen und Beratungsangeboten wird erstellt und bei der Anmeldung ausgegeben.", "Neu Zugewanderte", "I-001", "2.000 ausgegebene Mappen pro Jahr", "A-01", "A-02; A-03", 0.2, 6000, "gesichert", "2027-01-01", "2027-06-30", "geplant"],
    ["HF-01", "Z-01", "Willkommensveranstaltung", "Viermal im Jahr lädt der Landrat neu Zugewanderte zu einer Willkommensveranstaltung mit Infoständen der Beratungsstellen ein.", "Neu Zugewanderte", "I-001", "300 Teilnehmende pro Jahr", "A-01", "A-05; A-08", 0.1, 2500, "gesichert", "2026-03-01", "2030-12-31", "in Umsetzung"],
    ["HF-01", "Z-02", "Mehrsprachige Terminvergabe", "Die Ausländerbehörde bietet die Online-Terminvergabe und die Terminbestätigung in Englisch, Arabisch, Ukrainisch und Türkisch an.", "Kundinnen und Kunden der Ausländerbehörde", "I-002", "35 % mehrsprachige Termine", "A-02", "", 0.3, 12000, "beantragt", "2026-09-01", "2027-12-31", "in Umsetzung"],
    ["HF-02", "Z-03", "Wohnraumvermittlung für Geflüchtete", "Eine Wohnraumlotsin vermittelt zwischen Vermietern und Geflüchteten aus Gemeinschaftsunterkünften und begleitet die ersten Mietmonate.", "Geflüchtete in Gemeinschaftsunterkünften", "I-003", "70 % in eigenem Wohnraum", "A-03", "A-01", 1.0, 3000, "gesichert", "2026-01-01", "fortlaufend", "in Umsetzung"],
    ["HF-02", "Z-03", "Mietführerschein", "In einem Kurs von vier Abenden lernen Geflüchtete Rechte und Pflichten als Mieterinnen und Mieter und erhalten ein Zertifikat.", "Geflüchtete mit Wohnberechtigung", "I-003", "80 Zertifikate pro Jahr", "A-05", "A-03", 0.1, 4000, "gesichert", "2027-02-01", "2027-12-31", "geplant"],
    ["HF-03", "Z-04", "Kita-Einstiegsprogramm", "Brückenangebote in zehn Gemeinden bereiten Kinder ohne Kita-Platz und ihre Eltern auf den Kita-Besuch vor.", "Familien mit Kindern unter 6 Jahren", "I-004", "", "A-04", "A-01", 1.5, 45000, "beantragt", "2027-01-01", "2028-07-31", "geplant"],
    ["HF-03", "Z-04", "Elternbegleiterinnen", "Geschulte Elternbegleiterinnen aus den Communities begleiten Familien bei Kita-Anmeldung, Elterngesprächen und Schulwahl.", "Eltern mit Zuwanderungsgeschichte", "I-004; I-012", "150 begleitete Eltern pro Jahr", "A-04", "A-05", 0.5, 18000, "gesichert", "2026-08-01", "2028-12-31", "in Umsetzung"],
    ["HF-03", "Z-05", "Berufsbezogene Sprachkurse", "Das Jobcenter vermittelt Arbeitsuchende in berufsbezogene Sprachkurse der Kreisvolkshochschule mit Praktikumsanteil in Betrieben.", "Arbeitsuchende mit Sprachniveau A2", "I-005", "320 bestandene B1-Prüfungen", "A-06", "A-05", 0.5, 0, "gesichert", "2027-01-01", "2029-12-31", "geplant"],
    ["HF-03", "Z-05", "Sprachcafés in den Gemeinden", "Ehrenamtliche bieten in fünf Gemeindebibliotheken wöchentlich ein Sprachcafé zum Üben im Alltag an, begleitet von der Kreisvolkshochschule.", "Erwachsene Zugewanderte", "I-005", "5 Sprachcafés mit je 10 Teilnehmenden", "A-05", "A-01", 0.2, 2000, "gesichert", "2027-03-01", "2028-12-31", "geplant"],
    ["HF-04", "Z-06", "Jobmesse für Zugewanderte", "Einmal jährlich bringt eine Jobmesse Betriebe der Region mit zugewanderten Fachkräften und Auszubildenden zusammen.", "Arbeitsuchende Zugewanderte", "I-006", "40 Betriebe, 500 Besuchende", "A-06", "A-01", 0.2, 8000, "beantragt", "2027-01-01", "31.02.2027", "geplant"],
    ["HF-04", "Z-07", "Lotsendienst Anerkennung", "Ein Lotsendienst berät zu Anerkennungsverfahren ausländischer Abschlüsse und begleitet die Antragstellung bis zum Bescheid.", "Fachkräfte mit ausländischem Abschluss", "I-007", "Verfahrensdauer unter 16 Wochen", "A-01", "A-06", 0.5, 5000, "offen", "2026-02-01", "2028-12-31", "in Umsetzung"],
    ["HF-04", "Z-06", "Praktikumsbörse", "Praktikumsbörse im Internet.", "Schülerinnen und Schüler", "I-006", "100 vermittelte Praktika pro Jahr", "A-06", "", 0.1, 1500, "offen", "2027-04-01", "2028-03-31", "geplant"],
    ["HF-05", "Z-08", "Sport verbindet", "Sportvereine erhalten Zuschüsse für Schnupperangebote und Übungsleitungen, die gezielt Kinder und Jugendliche mit Zuwanderungsgeschichte ansprechen.", "Kinder und Jugendliche", "I-008", "250 neue Vereinsmitglieder", "A-08", "A-01", 0.1, 15000, "gesichert", "2026-01-01", "2026-06-30", "geplant"],
    ["HF-05", "Z-08", "Integrationsbeirat stärken", "Der Integrationsbeirat erhält ein eigenes Budget und eine Geschäftsstelle, die Sitzungen vorbereitet und die Beteiligung an Kreistagsausschüssen organisiert.", "Mitglieder des Integrationsbeirats", "I-008", "4 Sitzungen pro Jahr mit Stellungnahmen", "A-01", "", 0.25, 5000, "gesichert", "2027-01-01", "2027-12-31", "geplant"],
    ["HF-06", "Z-09", "Fortbildung interkulturelle Kompetenz", "Alle Beschäftigten mit Publikumsverkehr nehmen an einer eintägigen Fortbildung zu interkultureller Kompetenz und einfacher Sprache teil.", "Beschäftigte mit Publikumsverkehr", "I-009", "400 fortgebildete Beschäftigte", "A-07", "A-01", 0.2, 20000, "gesichert", "2027-01-01", "Q4 2028", "geplant"],
    ["HF-06", "Z-10", "Vielfalt in Stellenausschreibungen", "Stellenausschreibungen der Kreisverwaltung enthalten einen Vielfaltshinweis und werden über Migrantenorganisationen und Integrationskurse verbreitet.", "Bewerberinnen und Bewerber mit Zuwanderungsgeschichte", "I-010", "15 % der Neueinstellungen", "A-07", "A-01", null, null, "", "2027-01-01", "2029-12-31", "geplant"],
    ["HF-07", "Z-11", "Netzwerk Integration", "Die Koordinierungsstelle lädt viermal im Jahr alle Träger, Vereine und Fachbereiche zum Netzwerk Integration ein und führt eine gemeinsame Angebotsübersicht.", "Träger, Vereine, Verwaltung", "I-011", "4 Netzwerktreffen pro Jahr", "A-01", "A-03; A-04; A-05", 0.2, 1000, "gesichert", "2026-01-01", "2030-12-31", "in Umsetzung"],
    ["HF-04", "Z-06", "Ausbildungspaten", "Ehrenamtliche Ausbildungspatinnen und -paten begleiten junge Geflüchtete während der Ausbildung bei Berufsschule, Prüfungen und Behördengängen.", "Junge Geflüchtete in Ausbildung", "I-006", "60 begleitete Auszubildende", "Jobcenter Beispielkreis", "A-08", 0.3, 4000, "beantragt", "2027-08-01", "2029-07-31", "geplant"],
    ["HF-02", "Z-03", "Ankunftshaus", "Ein Ankunftshaus mit Beratung.", "", "", "", "", "", null, null, "", "", "", "verworfen"],
    ["HF-05", "Z-08", "Interkulturelle Woche", "Der Landkreis organisiert jedes Jahr im September mit Vereinen und Religionsgemeinschaften die Interkulturelle Woche mit Festen, Lesungen und Begegnungen.", "Alle Bürgerinnen und Bürger", "I-008", "20 Veranstaltungen, 2.000 Besuchende", "A-01", "A-08", 0.1, 7500, "gesichert", "2027-09-01", "2027-09-30", "geplant"],
  ];
  const massnahmen = measures.map((m, i) => ({
    id: `M-${String(i + 1).padStart(3, "0")}`,
    handlungsfeld: m[0],
    ziel: m[1],
    titel: m[2],
    beschreibung: m[3],
    zielgruppe: m[4],
    indikatoren: m[5],
    zielwert: m[6],
    federfuehrung: m[7],
    beteiligte: m[8],
    personal: m[9],
    sachkosten: m[10],
    finanzierung: m[11],
    beginn: m[12],
    frist: m[13],
    status: m[14],
    prioritaet: i % 3 === 0 ? "hoch" : "mittel",
    bemerkung: "",
  }));
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
    }),
    handlungsfelder: hf,
    ziele,
    indikatoren,
    akteure,
    massnahmen,
    kriterien: kriterienRows(),
  };
}
