/**
 * A small concept whose report figures are worked out by hand (see the comments), the monitoring data a
 * monitoring domain would hand over for it, and the same concept as an .xlsx file with a scored round.
 *
 * Stichtag 30.06.2026. Measures: M-001 geplant (Beginn 2027), M-002 in Umsetzung with Frist 31.03.2026
 * (overdue), M-003 umgesetzt, M-004 in Umsetzung without Zielwert (an M error: not SMART-complete),
 * M-005 verworfen. So: 5 measures, 4 not verworfen, 3 SMART-complete, 1 overdue.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellValue } from "../../src/domain/dates";
import type { MonitoringInput } from "../../src/domain/report";
import { checkConcept } from "../../src/domain/rules";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import { XlsxDocument } from "../../src/xlsx/document";
import { toSheets } from "../helpers/concept";
import { gridSource } from "../helpers/grid";

type Row = Record<string, CellValue>;

export const STICHTAG = "2026-06-30";

function measure(values: Row): Row {
  return {
    ziel: "Z-01",
    beschreibung: "Ein Angebot mit festen Terminen, klarer Zielgruppe und einem messbaren Ergebnis im Stadtgebiet.",
    zielgruppe: "Familien",
    indikatoren: "I-001",
    zielwert: "80 % Sprachförderquote",
    federfuehrung: "A-01",
    personal: 0.5,
    sachkosten: 2000,
    finanzierung: "gesichert",
    prioritaet: "hoch",
    ...values,
  };
}

export function conceptRows(): Record<string, Row[]> {
  return {
    einstellungen: [
      { schluessel: "Kommune", wert: "Stadt Musterhausen" },
      { schluessel: "Konzepttitel", wert: "Integrationskonzept 2025–2029" },
      { schluessel: "Laufzeit von", wert: "2025-01-01" },
      { schluessel: "Laufzeit bis", wert: "2029-12-31" },
      { schluessel: "Stichtag", wert: STICHTAG },
    ],
    handlungsfelder: [
      {
        id: "HF-01",
        handlungsfeld: "Bildung und Sprache",
        leitziel: "Alle Kinder sprechen bei der Einschulung Deutsch.",
      },
      { id: "HF-02", handlungsfeld: "Arbeit", leitziel: "Zugewanderte finden eine Arbeit, die zu ihnen passt." },
    ],
    ziele: [
      { id: "Z-01", handlungsfeld: "HF-01", ziel: "Mehr Kinder erhalten Sprachförderung.", zielgruppe: "Familien" },
      { id: "Z-02", handlungsfeld: "HF-02", ziel: "Mehr Zugewanderte sind beschäftigt.", zielgruppe: "Erwachsene" },
    ],
    indikatoren: [
      {
        id: "I-001",
        ziel: "Z-01",
        indikator: "Sprachförderquote",
        einheit: "%",
        basiswert: 40,
        basisjahr: 2024,
        zielwert: 80,
        zieljahr: 2028,
        datenquelle: "Kita-Statistik",
        erhebungsturnus: "jährlich",
      },
      {
        id: "I-002",
        ziel: "Z-02",
        indikator: "Beschäftigte Zugewanderte",
        einheit: "Anzahl",
        basiswert: 1000,
        basisjahr: 2024,
        zielwert: 1400,
        zieljahr: 2028,
        datenquelle: "Bundesagentur für Arbeit",
        erhebungsturnus: "jährlich",
      },
    ],
    akteure: [
      {
        id: "A-01",
        bezeichnung: "Jugendamt",
        fachbereich: "FB 4",
        ansprechperson: "Frau Muster",
        email: "jugend@musterhausen.de",
      },
      {
        id: "A-02",
        bezeichnung: "Jobcenter",
        fachbereich: "",
        ansprechperson: "Herr Beispiel",
        email: "info@jobcenter.de",
      },
    ],
    massnahmen: [
      measure({
        id: "M-001",
        handlungsfeld: "HF-01",
        titel: "Sprachkita-Lotsen",
        beginn: "2027-01-01",
        frist: "2027-12-31",
        status: "geplant",
      }),
      measure({
        id: "M-002",
        handlungsfeld: "HF-01",
        titel: "Elternkurse Deutsch",
        beginn: "2025-02-01",
        frist: "2026-03-31",
        status: "in Umsetzung",
      }),
      measure({
        id: "M-003",
        handlungsfeld: "HF-02",
        ziel: "Z-02",
        indikatoren: "I-002",
        titel: "Jobbörse international",
        federfuehrung: "A-02",
        zielwert: "1.400 Beschäftigte",
        beginn: "2025-01-01",
        frist: "2025-12-31",
        status: "umgesetzt",
      }),
      measure({
        id: "M-004",
        handlungsfeld: "HF-02",
        ziel: "Z-02",
        indikatoren: "I-002",
        titel: "Anerkennungsberatung",
        federfuehrung: "A-02",
        zielwert: "",
        beginn: "2025-06-01",
        frist: "2027-06-30",
        status: "in Umsetzung",
      }),
      measure({
        id: "M-005",
        handlungsfeld: "HF-02",
        ziel: "Z-02",
        indikatoren: "I-002",
        titel: "Messe im Rathaus",
        frist: "2026-12-31",
        status: "verworfen",
      }),
    ],
  };
}

/**
 * What the monitoring domain hands over at 30.06.2026 (docs/arbeitsmappe.md, tolerance 10 points):
 * the Soll of both indicators is the time from 31.12.2024 to 31.12.2028 (1.461 days) of which 546 days have
 * passed: 37,37 %. I-001: IST 52 (31.12.2025), Zielerreichung (52 − 40) / (80 − 40) = 30 % ≥ 37,37 − 10 → grün.
 * I-002: IST 1.050, Zielerreichung 50 / 400 = 12,5 % < 27,37 but ≥ 37,37 − 30 → gelb.
 * Sachstände: M-002 reported for 31.12.2025 and 30.06.2026 (the latter is its latest); M-004 only for
 * 31.12.2025, so its Sachstand for the Berichtsstichtag 30.06.2026 is missing.
 */
export function monitoring(): MonitoringInput {
  const soll = (546 / 1461) * 100;
  return {
    berichtsstichtag: STICHTAG,
    indicators: [
      {
        id: "I-001",
        ist: { stichtag: "2025-12-31", wert: 52 },
        zielerreichung: 30,
        soll,
        ampel: "grün",
        werte: [
          { stichtag: "2025-12-31", wert: 52 },
          { stichtag: "2024-12-31", wert: 40 },
        ],
      },
      {
        id: "I-002",
        ist: { stichtag: "2025-12-31", wert: 1050 },
        zielerreichung: 12.5,
        soll,
        ampel: "gelb",
        werte: [
          { stichtag: "2024-12-31", wert: 1000 },
          { stichtag: "2025-12-31", wert: 1050 },
        ],
      },
    ],
    sachstaende: [
      {
        massnahme: "M-002",
        berichtsstichtag: "2026-06-30",
        status: "in Umsetzung",
        umsetzung: 45,
        ampel: "gelb",
        sachstand: "Drei Kurse laufen in der Nordstadt.",
      },
      {
        massnahme: "M-002",
        berichtsstichtag: "2025-12-31",
        status: "in Umsetzung",
        umsetzung: 10,
        ampel: "grün",
        sachstand: "Kursleitungen gewonnen.",
      },
      {
        massnahme: "M-004",
        berichtsstichtag: "2025-12-31",
        status: "in Umsetzung",
        umsetzung: 20,
        ampel: "grün",
        sachstand: "Beratungsstelle eingerichtet.",
      },
    ],
  };
}

/** The concept read and checked as the CLI would, from in-memory sheets. */
export function checkedConcept(rows = conceptRows()) {
  const concept = readConcept(gridSource(toSheets(rows)));
  return { concept, check: checkConcept(concept, { today: "2026-11-22" }) };
}

/** The concept as an .xlsx file written through the project's own writing path. */
export function writeWorkbook(dir: string, name = "konzept.xlsx"): string {
  const doc = XlsxDocument.create(name);
  doc.applyWorkbookPlan(planNewWorkbook(conceptRows()));
  const file = path.join(dir, name);
  fs.writeFileSync(file, doc.toBytes());
  return file;
}
