/**
 * The usual headers of municipal measure lists, as data (docs/befehle.md, `import`). Headers
 * are compared like the contract's (case, spacing, `-`/`_`, umlaut spellings ignored) and without
 * punctuation; a header that starts with a synonym of five or more letters also counts
 * (`Maßnahme (Kurzbezeichnung)`), the longest synonym winning (`Maßnahmenbeschreibung` is a Beschreibung).
 * Within one field, earlier synonyms rank higher when two columns look like the same field.
 */
import type { Status } from "../../domain/model";

/** The Maßnahmen fields an imported column can fill. */
export type ImportField =
  | "id"
  | "titel"
  | "beschreibung"
  | "handlungsfeld"
  | "ziel"
  | "zielgruppe"
  | "indikatoren"
  | "zielwert"
  | "federfuehrung"
  | "beteiligte"
  | "personal"
  | "sachkosten"
  | "finanzierung"
  | "beginn"
  | "frist"
  | "status"
  | "prioritaet"
  | "bemerkung";

export const IMPORT_SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  id: [
    "ID",
    "Nr",
    "lfd. Nr",
    "laufende Nummer",
    "Nummer",
    "Maßnahmen-Nr",
    "Maßnahmennummer",
    "Kennung",
    "Pos",
    "Position",
  ],
  titel: [
    "Titel",
    "Maßnahme",
    "Maßnahmen",
    "Maßnahmentitel",
    "Bezeichnung",
    "Name der Maßnahme",
    "Kurzbezeichnung",
    "Projekt",
    "Vorhaben",
  ],
  beschreibung: [
    "Beschreibung",
    "Inhalt",
    "Inhalte",
    "Erläuterung",
    "Erläuterungen",
    "Maßnahmenbeschreibung",
    "Kurzbeschreibung",
    "Was",
  ],
  handlungsfeld: ["Handlungsfeld", "Themenfeld", "Bereich", "Handlungsbereich", "Themenbereich", "Thema"],
  ziel: ["Ziel", "Ziele", "Zielsetzung", "Teilziel", "Wirkungsziel"],
  zielgruppe: ["Zielgruppe", "Zielgruppen", "für wen", "Adressaten"],
  indikatoren: ["Indikator", "Indikatoren", "Kennzahl", "Kennzahlen", "Messgröße", "Erfolgsindikator"],
  zielwert: ["Zielwert", "Sollwert"],
  federfuehrung: [
    "Federführung",
    "Zuständigkeit",
    "Zuständig",
    "federführend",
    "verantwortlich",
    "Verantwortlichkeit",
    "Verantwortung",
    "verantwortliche Stelle",
    "zuständige Stelle",
    "Wer",
    "Fachbereich",
    "Fachdienst",
    "Amt",
    "Dienststelle",
    "Organisationseinheit",
  ],
  beteiligte: [
    "Beteiligte",
    "Partner",
    "Kooperationspartner",
    "mit wem",
    "Mitwirkende",
    "Netzwerkpartner",
    "Beteiligung",
  ],
  personal: ["Personal (VZÄ)", "Personal", "VZÄ", "Personalbedarf", "Personalaufwand"],
  sachkosten: ["Sachkosten (EUR)", "Kosten", "Finanzbedarf", "Sachkosten", "Budget", "Mittel", "Haushaltsmittel"],
  finanzierung: ["Finanzierung"],
  beginn: ["Beginn", "Start", "ab wann", "Startdatum"],
  frist: [
    "Frist",
    "Zeitraum",
    "bis wann",
    "Termin",
    "Zeitrahmen",
    "Umsetzungszeitraum",
    "Zeitplan",
    "Zeitschiene",
    "Ende",
    "wann",
  ],
  status: ["Status", "Stand", "Umsetzungsstand", "Stand der Umsetzung"],
  prioritaet: ["Priorität", "Prio", "Dringlichkeit"],
  bemerkung: ["Bemerkung", "Bemerkungen", "Anmerkung", "Anmerkungen", "Hinweis", "Hinweise", "Kommentar"],
};

/**
 * Per-period columns: a word for what the column reports, then the period (`Sachstand 2013`,
 * `Stand 2015/16`, `Ampel 2017/2018`, `Status 31.12.2024`). Checked before the fields above, so that
 * `Stand 2015/16` is a report, not the Status.
 */
export type PeriodAspect = "sachstand" | "status" | "ampel";
export const PERIOD_ASPECTS: Readonly<Record<PeriodAspect, readonly string[]>> = {
  sachstand: ["Sachstand", "Stand", "Umsetzungsstand", "Stand der Umsetzung", "Bericht", "Sachstandsbericht"],
  status: ["Status"],
  ampel: ["Ampel", "Ampelbewertung", "Bewertung"],
};

/** Status words cities use, read as the contract's Status (compared like headers). */
export const STATUS_SYNONYMS: Readonly<Record<string, Status>> = {
  geplant: "geplant",
  "in Planung": "geplant",
  "noch nicht begonnen": "geplant",
  "nicht begonnen": "geplant",
  offen: "geplant",
  "in Vorbereitung": "geplant",
  "in Umsetzung": "in Umsetzung",
  "teilweise umgesetzt": "in Umsetzung",
  fortlaufend: "in Umsetzung",
  "in Arbeit": "in Umsetzung",
  "in Bearbeitung": "in Umsetzung",
  begonnen: "in Umsetzung",
  läuft: "in Umsetzung",
  laufend: "in Umsetzung",
  umgesetzt: "umgesetzt",
  abgeschlossen: "umgesetzt",
  erledigt: "umgesetzt",
  erfolgt: "umgesetzt",
  verstetigt: "verstetigt",
  Regelangebot: "verstetigt",
  dauerhaft: "verstetigt",
  zurückgestellt: "zurückgestellt",
  ruht: "zurückgestellt",
  verschoben: "zurückgestellt",
  verworfen: "verworfen",
  entfallen: "verworfen",
  gestrichen: "verworfen",
};

/** Ampel words, read as `grün`, `gelb`, `rot`. */
export const AMPEL_SYNONYMS: Readonly<Record<string, "grün" | "gelb" | "rot">> = {
  grün: "grün",
  gruen: "grün",
  gelb: "gelb",
  rot: "rot",
};

/** A row holding only this kind of text names the Handlungsfeld of the rows below it. */
export const SECTION_PREFIX = /^(?:handlungsfeld|themenfeld|handlungsbereich|bereich)\s*[\dIVX.]*\s*[:.–-]?\s*/i;

/** Akteure whose name says they are an office of the administration: Fachbereich = name, Art intern. */
export const INTERNAL_UNIT =
  /^(?:FB|Fachbereich|FD|Fachdienst|Amt|Dezernat|Referat|Ref\.|Stabsstelle|Sachgebiet|SG)\b/i;
