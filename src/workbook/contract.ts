/**
 * The workbook contract as data: every sheet, table, column, header synonym, dropdown and format.
 * Reading (read.ts) and writing (plan.ts) are both driven by this description; nothing else lists the
 * columns.
 */
import {
  ART_VALUES,
  EBENE_VALUES,
  ENTITY_FIELDS,
  ENTITY_KINDS,
  type EntityKind,
  FINANZIERUNG_VALUES,
  type FieldsOf,
  INDIKATOR_ART_VALUES,
  KENNZEICHEN_VALUES,
  PRIORITAET_VALUES,
  QUELLE_VALUES,
  STATUS_VALUES,
  VERGLEICH_VALUES,
} from "../domain/model";
import { AMPEL_VALUES } from "../domain/monitoring";
import type { SmartLetter } from "../domain/rules";

export type ColumnFormat = "general" | "text" | "date" | "number" | "fte" | "currency" | "year" | "email";

/** Where a dropdown gets its entries. */
export type ListSource =
  | { kind: "values"; values: readonly string[] }
  /** the `ID – Name` entries of another table (kept live by formulas on the hidden sheet `Listen`) */
  | { kind: "table"; table: EntityKind; nameField: string };

export interface ColumnSpec<F extends string = string> {
  field: F;
  header: string;
  /** Further header texts that mean this column (compared like headers). */
  synonyms?: readonly string[];
  required: boolean;
  /**
   * A required column whose cell may stay empty in some rows: when `field` holds `value` (any value where
   * `value` is absent). The Ziel of a Basisindikator, the Wert of a row with a Kennzeichen.
   */
  optionalWhen?: { field: string; value?: string };
  format: ColumnFormat;
  /** Column width in characters. */
  width: number;
  list?: ListSource;
  /** The dropdown also takes values not in the list (multi-ID cells, new entries). */
  listOpen?: boolean;
  /** A reference cell that holds several IDs, written joined by `; ` (Indikatoren, Bedarfe). */
  multiple?: boolean;
  smart?: SmartLetter;
  /** Input message shown when the cell is selected (title ≤ 32, text ≤ 255 characters). */
  prompt: { title: string; text: string };
}

export interface TableSpec<K extends EntityKind = EntityKind> {
  kind: K;
  sheet: string;
  /** Further sheet names that mean this sheet. */
  sheetSynonyms?: readonly string[];
  table: string;
  requiredSheet: boolean;
  /** Prefix and digits of proposed IDs (`M-001`). */
  idPrefix?: string;
  idDigits?: number;
  /** In the order of the domain's field list (ENTITY_FIELDS). */
  columns: readonly ColumnSpec<FieldsOf<K>>[];
  tabColor: string;
  /**
   * Whether each Fachbereich's file (`split`) holds the table read-only, as the reference its dropdowns
   * draw from: `always`, `ifPresent` (only when the master has the sheet), or `never` (Maßnahmen, Angebote
   * and the status query's tables travel as the recipient's own rows, the rest stays at home).
   */
  travels: "always" | "ifPresent" | "never";
  /**
   * The cells of a row that must not be empty (PFLICHTFELD_LEER), with the name the message gives each.
   * Maßnahmen's required cells are the SMART rules' (S_TITEL_FEHLT …), not listed here.
   */
  nonEmpty: Partial<Record<FieldsOf<K>, string>>;
}

/** A column's presentation; its field is the key it is given under in `TableDef.columns`. */
type ColumnDef = Omit<ColumnSpec, "field">;

/** A table as written below: every field of the domain's list must have a column, and no other. */
interface TableDef<K extends EntityKind> extends Omit<TableSpec<K>, "columns"> {
  columns: { [F in FieldsOf<K>]: ColumnDef };
}

function defineTable<K extends EntityKind>(def: TableDef<K>): TableSpec<K> {
  const fields = ENTITY_FIELDS[def.kind] as readonly FieldsOf<K>[];
  return { ...def, columns: fields.map((field) => ({ field, ...def.columns[field] })) };
}

const col = (
  header: string,
  required: boolean,
  format: ColumnFormat,
  width: number,
  prompt: [string, string],
  extra: Partial<ColumnSpec> = {},
): ColumnDef => ({ header, required, format, width, prompt: { title: prompt[0], text: prompt[1] }, ...extra });

const ref = (table: EntityKind, nameField: string): ListSource => ({ kind: "table", table, nameField });

export const EINSTELLUNGEN = defineTable({
  kind: "einstellungen",
  sheet: "Einstellungen",
  table: "tblEinstellungen",
  requiredSheet: false,
  tabColor: "FF605E5C",
  travels: "always",
  nonEmpty: {},
  columns: {
    schluessel: col(
      "Schlüssel",
      true,
      "text",
      28,
      ["Schlüssel", "Name der Einstellung, z. B. „Stichtag“. Bitte nicht umbenennen."],
      { synonyms: ["Einstellung", "Key"] },
    ),
    wert: col("Wert", true, "general", 40, [
      "Wert",
      "Wert der Einstellung. Daten als TT.MM.JJJJ, Zahlen ohne Einheit.",
    ]),
  },
});

export const HANDLUNGSFELDER = defineTable({
  kind: "handlungsfelder",
  sheet: "Handlungsfelder",
  table: "tblHandlungsfelder",
  requiredSheet: true,
  idPrefix: "HF",
  idDigits: 2,
  tabColor: "FF0F6CBD",
  travels: "always",
  nonEmpty: { handlungsfeld: "Name des Handlungsfelds" },
  columns: {
    id: col("ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. HF-01. Einmal vergeben, nicht mehr ändern."]),
    handlungsfeld: col(
      "Handlungsfeld",
      true,
      "text",
      34,
      ["Handlungsfeld", "Name des Handlungsfelds, z. B. „Bildung und Sprache“."],
      { synonyms: ["Name", "Bezeichnung"] },
    ),
    leitziel: col("Leitziel", false, "text", 50, ["Leitziel", "Die Vision für dieses Handlungsfeld in einem Satz."]),
    beschreibung: col("Beschreibung", false, "text", 50, ["Beschreibung", "Was gehört zu diesem Handlungsfeld?"]),
  },
});

export const ZIELE = defineTable({
  kind: "ziele",
  sheet: "Ziele",
  table: "tblZiele",
  requiredSheet: true,
  idPrefix: "Z",
  idDigits: 2,
  tabColor: "FF0F6CBD",
  travels: "always",
  nonEmpty: { ziel: "Zielformulierung" },
  columns: {
    id: col("ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. Z-01. Einmal vergeben, nicht mehr ändern."]),
    handlungsfeld: col(
      "Handlungsfeld",
      true,
      "text",
      30,
      ["Handlungsfeld", "Zu welchem Handlungsfeld gehört das Ziel? Aus der Liste wählen."],
      { list: ref("handlungsfelder", "handlungsfeld") },
    ),
    ziel: col("Ziel", true, "text", 60, ["Ziel", "Was soll erreicht werden? Ein Satz, der einen Zustand beschreibt."], {
      synonyms: ["Zielformulierung"],
    }),
    zielgruppe: col("Zielgruppe", false, "text", 30, ["Zielgruppe", "Für wen gilt das Ziel?"]),
  },
});

/** The columns of the Integrationsmonitoring in Indikatoren (docs/arbeitsmappe.md, Integrationsmonitoring). */
const INDIKATOREN_MONITORING = {
  art: col(
    "Art",
    false,
    "text",
    14,
    [
      "Art des Indikators",
      "Zielindikator (Standard): misst ein Ziel. Basisindikator: beschreibt die Lage, z. B. den Ausländeranteil; braucht kein Ziel, keinen Basis- und Zielwert.",
    ],
    { list: { kind: "values", values: INDIKATOR_ART_VALUES }, synonyms: ["Indikatorart", "Typ"] },
  ),
  handlungsfeld: col(
    "Handlungsfeld",
    false,
    "text",
    24,
    [
      "Handlungsfeld",
      "Nur für Basisindikatoren: In welches Kapitel des Berichts gehört er? Leer: Bevölkerung und Zuwanderung.",
    ],
    { list: ref("handlungsfelder", "handlungsfeld"), synonyms: ["Kapitel"] },
  ),
  definition: col(
    "Definition",
    false,
    "text",
    40,
    ["Definition", "Was genau wird gezählt? Ein Satz, z. B. „Anteil der Einwohner ohne deutsche Staatsangehörigkeit“."],
    { synonyms: ["Beschreibung", "Erläuterung"] },
  ),
  berechnung: col(
    "Berechnung",
    false,
    "text",
    16,
    [
      "Berechnung",
      "Wird der Wert berechnet? Quotient zweier Indikatoren, z. B. I-021 / I-020; bei Einheit % mal 100, bei je 1.000 mal 1.000. Sonst leer.",
    ],
    { synonyms: ["Formel", "Rechenweg"] },
  ),
  naechsteVeroeffentlichung: col(
    "Nächste Veröffentlichung",
    false,
    "date",
    14,
    [
      "Nächste Veröffentlichung",
      "Wann veröffentlicht die Quelle neue Werte? TT.MM.JJJJ; danach weist die Prüfung darauf hin.",
    ],
    { synonyms: ["Nächster Stand", "Veröffentlichung"] },
  ),
} satisfies Partial<Record<FieldsOf<"indikatoren">, ColumnDef>>;

export const INDIKATOREN = defineTable({
  kind: "indikatoren",
  sheet: "Indikatoren",
  table: "tblIndikatoren",
  requiredSheet: true,
  idPrefix: "I",
  idDigits: 3,
  tabColor: "FF0F6CBD",
  travels: "always",
  nonEmpty: { indikator: "Bezeichnung des Indikators" },
  columns: {
    id: col("ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. I-001. Einmal vergeben, nicht mehr ändern."]),
    ziel: col(
      "Ziel",
      true,
      "text",
      30,
      ["Ziel", "Welches Ziel misst der Indikator? Aus der Liste wählen. Ein Basisindikator braucht kein Ziel."],
      { list: ref("ziele", "ziel"), optionalWhen: { field: "art", value: "Basisindikator" } },
    ),
    indikator: col(
      "Indikator",
      true,
      "text",
      50,
      [
        "Indikator (M: messbar)",
        "Woran wird die Zielerreichung gemessen? Z. B. „Teilnehmende an Sprachkursen pro Jahr“.",
      ],
      { smart: "M", synonyms: ["Bezeichnung"] },
    ),
    einheit: col("Einheit", false, "text", 12, ["Einheit", "Z. B. Personen, %, Anzahl."]),
    basiswert: col(
      "Basiswert",
      false,
      "number",
      11,
      ["Basiswert (M: messbar)", "Der Ausgangswert im Basisjahr. Ohne ihn ist keine Veränderung messbar."],
      { smart: "M", synonyms: ["Ausgangswert"] },
    ),
    basisjahr: col("Basisjahr", false, "year", 10, ["Basisjahr", "Jahr des Basiswerts, z. B. 2025."]),
    zielwert: col(
      "Zielwert",
      false,
      "number",
      11,
      ["Zielwert (M: messbar)", "Der Wert, der im Zieljahr erreicht sein soll."],
      { smart: "M" },
    ),
    zieljahr: col("Zieljahr", false, "year", 10, ["Zieljahr", "Bis wann soll der Zielwert erreicht sein?"]),
    datenquelle: col(
      "Datenquelle",
      false,
      "text",
      28,
      ["Datenquelle (M: messbar)", "Woher kommen die Zahlen? Z. B. Statistik der Ausländerbehörde."],
      { smart: "M", synonyms: ["Quelle"] },
    ),
    erhebungsturnus: col(
      "Erhebungsturnus",
      false,
      "text",
      16,
      ["Erhebungsturnus", "Wie oft wird erhoben? Z. B. jährlich."],
      { synonyms: ["Turnus"] },
    ),
    zustaendig: col(
      "Zuständig",
      false,
      "text",
      26,
      [
        "Zuständig",
        "Welche Stelle liefert die Werte? Aus der Liste der Akteure wählen; danach wird die Abfrage verteilt.",
      ],
      { list: ref("akteure", "bezeichnung"), synonyms: ["Zuständigkeit", "Datenlieferung"] },
    ),
    ...INDIKATOREN_MONITORING,
  },
});

export const AKTEURE = defineTable({
  kind: "akteure",
  sheet: "Akteure",
  table: "tblAkteure",
  requiredSheet: true,
  idPrefix: "A",
  idDigits: 2,
  tabColor: "FF0F6CBD",
  travels: "always",
  nonEmpty: { bezeichnung: "Bezeichnung" },
  columns: {
    id: col("ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. A-01. Einmal vergeben, nicht mehr ändern."]),
    bezeichnung: col(
      "Bezeichnung",
      true,
      "text",
      36,
      ["Bezeichnung", "Name der Stelle, z. B. „Fachdienst Jugend“ oder „Volkshochschule“."],
      { synonyms: ["Name", "Akteur", "Stelle"] },
    ),
    fachbereich: col(
      "Fachbereich",
      false,
      "text",
      24,
      ["Fachbereich", "Fachbereich oder Organisationseinheit; danach wird die Datei verteilt."],
      { synonyms: ["Fachdienst", "Amt"] },
    ),
    ansprechperson: col(
      "Ansprechperson",
      false,
      "text",
      24,
      ["Ansprechperson (A)", "Wer ist ansprechbar? Name der zuständigen Person."],
      { smart: "A", synonyms: ["Ansprechpartner", "Ansprechpartnerin", "Kontakt"] },
    ),
    email: col(
      "E-Mail",
      false,
      "email",
      28,
      ["E-Mail (A)", "Dienstliche E-Mail-Adresse der Stelle oder der Ansprechperson."],
      { smart: "A", synonyms: ["Mail", "E-Mail-Adresse"] },
    ),
    art: col("Art", false, "text", 10, ["Art", "intern (Verwaltung) oder extern (Träger, Verein, Partner)."], {
      list: { kind: "values", values: ART_VALUES },
    }),
  },
});

export const MASSNAHMEN = defineTable({
  kind: "massnahmen",
  sheet: "Maßnahmen",
  table: "tblMassnahmen",
  requiredSheet: true,
  idPrefix: "M",
  idDigits: 3,
  tabColor: "FF107C10",
  travels: "never",
  nonEmpty: {},
  columns: {
    id: col("ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. M-001. Einmal vergeben, nicht mehr ändern."], {
      synonyms: ["Nr", "Nummer"],
    }),
    handlungsfeld: col(
      "Handlungsfeld",
      true,
      "text",
      16,
      ["Handlungsfeld", "Zu welchem Handlungsfeld gehört die Maßnahme? Aus der Liste wählen."],
      { list: ref("handlungsfelder", "handlungsfeld") },
    ),
    ziel: col(
      "Ziel",
      true,
      "text",
      16,
      ["Ziel", "Welches Ziel verfolgt die Maßnahme? Aus der Liste wählen; es muss zum Handlungsfeld passen."],
      { list: ref("ziele", "ziel") },
    ),
    titel: col("Titel", true, "text", 30, ["Titel (S: spezifisch)", "Kurzer, eindeutiger Name der Maßnahme."], {
      smart: "S",
      synonyms: ["Maßnahme", "Bezeichnung"],
    }),
    beschreibung: col(
      "Beschreibung",
      true,
      "text",
      50,
      [
        "Beschreibung (S: spezifisch)",
        "Spezifisch heißt eindeutig definiert: Was genau wird getan, für wen, wo? Mindestens 8 Wörter.",
      ],
      { smart: "S" },
    ),
    zielgruppe: col(
      "Zielgruppe",
      false,
      "text",
      22,
      [
        "Zielgruppe (S: spezifisch)",
        "Wen soll die Maßnahme erreichen? Z. B. neu zugewanderte Familien mit Kindern unter 6 Jahren.",
      ],
      { smart: "S" },
    ),
    indikatoren: col(
      "Indikatoren",
      true,
      "text",
      16,
      [
        "Indikatoren (M: messbar)",
        "Messbar heißt: Woran sieht man den Erfolg? IDs aus dem Blatt Indikatoren, mehrere mit ; trennen.",
      ],
      { smart: "M", list: ref("indikatoren", "indikator"), listOpen: true, multiple: true, synonyms: ["Indikator"] },
    ),
    zielwert: col(
      "Zielwert",
      true,
      "text",
      22,
      ["Zielwert (M: messbar)", "Welcher Wert soll erreicht werden? Z. B. 40 Teilnehmende pro Jahr."],
      { smart: "M" },
    ),
    federfuehrung: col(
      "Federführung",
      true,
      "text",
      20,
      [
        "Federführung (A: aktivierend)",
        "Aktivierend heißt: einer verantwortlichen Stelle zuweisbar. Wählen Sie die federführende Stelle aus den Akteuren.",
      ],
      {
        smart: "A",
        list: ref("akteure", "bezeichnung"),
        synonyms: ["federführend", "Verantwortlich", "verantwortliche Stelle", "Zuständig"],
      },
    ),
    beteiligte: col(
      "Beteiligte",
      false,
      "text",
      20,
      ["Beteiligte (A: aktivierend)", "Wer wirkt mit? Stellen oder Akteur-IDs, mit ; getrennt."],
      { smart: "A", synonyms: ["Kooperationspartner", "Partner"] },
    ),
    personal: col(
      "Personal (VZÄ)",
      false,
      "fte",
      10,
      [
        "Personal (R: realistisch)",
        "Realistisch heißt: mit den Ressourcen machbar. Personalaufwand in Vollzeitäquivalenten, z. B. 0,5. 0 ist erlaubt.",
      ],
      { smart: "R", synonyms: ["Personal", "VZÄ", "Personalaufwand"] },
    ),
    sachkosten: col(
      "Sachkosten (EUR)",
      false,
      "currency",
      14,
      ["Sachkosten (R: realistisch)", "Sachkosten in Euro, z. B. 1.500. 0 ist erlaubt."],
      { smart: "R", synonyms: ["Sachkosten", "Kosten", "Sachkosten (€)", "Budget"] },
    ),
    finanzierung: col(
      "Finanzierung",
      false,
      "text",
      13,
      ["Finanzierung (R)", "Ist die Finanzierung gesichert, beantragt oder offen?"],
      { smart: "R", list: { kind: "values", values: FINANZIERUNG_VALUES } },
    ),
    beginn: col(
      "Beginn",
      false,
      "date",
      12,
      [
        "Beginn (T: terminiert)",
        "Ab wann? Datum als TT.MM.JJJJ; Monat, Quartal oder Jahr werden als deren erster Tag gelesen.",
      ],
      { smart: "T", synonyms: ["Start", "Startdatum"] },
    ),
    frist: col(
      "Frist",
      true,
      "date",
      12,
      [
        "Frist (T: terminiert)",
        "Terminiert heißt: mit eindeutigem Datum. Bis wann umgesetzt? TT.MM.JJJJ; Monat, Quartal, Jahr gelten als deren letzter Tag.",
      ],
      { smart: "T", synonyms: ["Ende", "Enddatum", "Termin", "bis", "Zeitrahmen"] },
    ),
    status: col("Status", true, "text", 14, ["Status", "Stand der Umsetzung, aus der Liste wählen."], {
      list: { kind: "values", values: STATUS_VALUES },
    }),
    prioritaet: col("Priorität", false, "text", 10, ["Priorität", "hoch, mittel oder niedrig."], {
      list: { kind: "values", values: PRIORITAET_VALUES },
    }),
    bemerkung: col(
      "Bemerkung",
      false,
      "text",
      30,
      ["Bemerkung", "Freier Hinweis, z. B. Abhängigkeiten oder Stand der Abstimmung."],
      { synonyms: ["Bemerkungen", "Anmerkung", "Hinweis"] },
    ),
    bedarfe: col(
      "Bedarfe",
      false,
      "text",
      16,
      ["Bedarfe", "Welche Bedarfe beantwortet die Maßnahme? IDs aus dem Blatt Bedarfe, mehrere mit ; trennen."],
      { list: ref("bedarfe", "bedarf"), listOpen: true, multiple: true, synonyms: ["Bedarf"] },
    ),
  },
});

export const KRITERIEN = defineTable({
  kind: "kriterien",
  sheet: "Bewertungskriterien",
  sheetSynonyms: ["Kriterien"],
  table: "tblKriterien",
  requiredSheet: false,
  tabColor: "FF8764B8",
  travels: "never",
  nonEmpty: {},
  columns: {
    kriterium: col("Kriterium", true, "text", 30, [
      "Kriterium",
      "Name des Bewertungskriteriums; wird Spaltenüberschrift der Bewertungsmatrix.",
    ]),
    gewicht: col("Gewicht", true, "number", 10, [
      "Gewicht",
      "Gewicht des Kriteriums, z. B. 25. Die Gewichte müssen nicht 100 ergeben.",
    ]),
    beschreibung: col("Beschreibung", false, "text", 60, ["Beschreibung", "Was wird bei diesem Kriterium bewertet?"]),
  },
});

/** The dimensions of a value in the Integrationsmonitoring: Gebiet, Gruppe, Kennzeichen, Abgerufen am. */
const INDIKATORWERTE_MONITORING = {
  gebiet: col(
    "Gebiet",
    false,
    "text",
    24,
    [
      "Gebiet",
      "Für welches Gebiet gilt der Wert? Aus der Liste der Gebiete wählen. Leer: das eigene Gebiet (Einstellungen, Gebiet).",
    ],
    { list: ref("gebiete", "gebiet"), synonyms: ["Gebietsschlüssel", "AGS", "Region"] },
  ),
  gruppe: col(
    "Gruppe",
    false,
    "text",
    22,
    ["Gruppe", "Für welche Gruppe gilt der Wert, z. B. weiblich oder „weiblich | Ausländer/-innen“? Leer: insgesamt."],
    { synonyms: ["Untergliederung", "Merkmal"] },
  ),
  kennzeichen: col(
    "Kennzeichen",
    false,
    "text",
    12,
    [
      "Kennzeichen",
      "Zeichen der Statistikämter: - nichts vorhanden, . unbekannt/geheim, x gesperrt, / nicht sicher genug, ... später, () eingeschränkt, p vorläufig, r berichtigt, s geschätzt.",
    ],
    { list: { kind: "values", values: KENNZEICHEN_VALUES }, synonyms: ["Zeichen", "Fußnote"] },
  ),
  abgerufenAm: col(
    "Abgerufen am",
    false,
    "date",
    12,
    ["Abgerufen am", "Wann wurde der Wert bei der Quelle abgerufen? TT.MM.JJJJ."],
    { synonyms: ["Abrufdatum", "Abruf"] },
  ),
} satisfies Partial<Record<FieldsOf<"indikatorwerte">, ColumnDef>>;

export const INDIKATORWERTE = defineTable({
  kind: "indikatorwerte",
  sheet: "Indikatorwerte",
  table: "tblIndikatorwerte",
  requiredSheet: false,
  tabColor: "FF008575",
  travels: "never",
  nonEmpty: {},
  columns: {
    indikator: col("Indikator", true, "text", 40, ["Indikator", "Welcher Indikator? Aus der Liste wählen."], {
      list: ref("indikatoren", "indikator"),
    }),
    stichtag: col(
      "Stichtag",
      true,
      "date",
      12,
      ["Stichtag", "Auf welchen Tag bezieht sich der Wert? TT.MM.JJJJ; ein Jahr (2025) gilt als 31.12."],
      { synonyms: ["Datum", "Jahr"] },
    ),
    wert: col(
      "Wert",
      true,
      "number",
      11,
      [
        "Wert",
        "Der gemessene Wert in der Einheit des Indikators, z. B. 12,5. Zeichen der Statistikämter (., x, /) gehören in die Spalte Kennzeichen.",
      ],
      { synonyms: ["IST", "Ist-Wert"], optionalWhen: { field: "kennzeichen" } },
    ),
    quelle: col(
      "Quelle",
      false,
      "text",
      28,
      ["Quelle", "Woher stammt der Wert? Z. B. Statistik der Ausländerbehörde."],
      {
        synonyms: ["Datenquelle"],
      },
    ),
    bemerkung: col(
      "Bemerkung",
      false,
      "text",
      30,
      ["Bemerkung", "Hinweis zum Wert, z. B. geänderte Erhebungsmethode."],
      {
        synonyms: ["Bemerkungen", "Anmerkung", "Hinweis"],
      },
    ),
    ...INDIKATORWERTE_MONITORING,
  },
});

export const SACHSTAENDE = defineTable({
  kind: "sachstaende",
  sheet: "Sachstände",
  table: "tblSachstaende",
  requiredSheet: false,
  tabColor: "FF008575",
  travels: "never",
  nonEmpty: { sachstand: "Sachstand" },
  columns: {
    massnahme: col(
      "Maßnahme",
      true,
      "text",
      34,
      ["Maßnahme", "Über welche Maßnahme wird berichtet? Aus der Liste wählen."],
      {
        list: ref("massnahmen", "titel"),
        synonyms: ["Maßnahmen-ID"],
      },
    ),
    berichtsstichtag: col(
      "Berichtsstichtag",
      true,
      "date",
      14,
      ["Berichtsstichtag", "Stand zu welchem Tag? TT.MM.JJJJ; ein Zeitraum wie 2015/2016 gilt als sein letzter Tag."],
      { synonyms: ["Stichtag", "Berichtszeitraum"] },
    ),
    status: col(
      "Status",
      true,
      "text",
      14,
      ["Status", "Stand der Umsetzung am Berichtsstichtag, aus der Liste wählen."],
      {
        list: { kind: "values", values: STATUS_VALUES },
      },
    ),
    umsetzung: col(
      "Umsetzung (%)",
      false,
      "number",
      11,
      ["Umsetzung (%)", "Wie weit ist die Maßnahme umgesetzt? 0 bis 100."],
      {
        synonyms: ["Umsetzung", "Umsetzungsgrad", "Fortschritt"],
      },
    ),
    ampel: col(
      "Ampel",
      false,
      "text",
      9,
      ["Ampel", "Ihre Einschätzung: grün (im Plan), gelb (verzögert), rot (gefährdet)."],
      {
        list: { kind: "values", values: AMPEL_VALUES },
      },
    ),
    sachstand: col(
      "Sachstand",
      true,
      "text",
      50,
      ["Sachstand", "Was ist seit dem letzten Bericht geschehen? Zwei, drei Sätze."],
      { synonyms: ["Stand", "Bericht"] },
    ),
    naechsteSchritte: col("Nächste Schritte", false, "text", 40, [
      "Nächste Schritte",
      "Was ist bis zum nächsten Bericht geplant?",
    ]),
    hindernisse: col(
      "Hindernisse",
      false,
      "text",
      36,
      ["Hindernisse", "Was hemmt die Umsetzung? Was wird dafür gebraucht?"],
      {
        synonyms: ["Probleme", "Hemmnisse"],
      },
    ),
    gemeldetVon: col("Gemeldet von", false, "text", 22, ["Gemeldet von", "Wer hat den Sachstand gemeldet?"]),
    gemeldetAm: col("Gemeldet am", false, "date", 12, ["Gemeldet am", "Wann wurde gemeldet? TT.MM.JJJJ."]),
  },
});

export const ANGEBOTE = defineTable({
  kind: "angebote",
  sheet: "Angebote",
  sheetSynonyms: ["Bestand", "Bestandsaufnahme", "Angebotserfassung"],
  table: "tblAngebote",
  requiredSheet: false,
  idPrefix: "AN",
  idDigits: 3,
  tabColor: "FFC19C00",
  travels: "never",
  nonEmpty: { angebot: "Angebot", traeger: "Träger" },
  columns: {
    id: col("ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. AN-001. Einmal vergeben, nicht mehr ändern."], {
      synonyms: ["Nr", "Nummer"],
    }),
    angebot: col("Angebot", true, "text", 36, ["Angebot", "Name des bestehenden Angebots, z. B. „Sprachcafé“."], {
      synonyms: ["Bezeichnung", "Name", "Titel"],
    }),
    traeger: col(
      "Träger",
      true,
      "text",
      26,
      ["Träger", "Wer bietet es an? Aus der Liste der Akteure wählen; danach wird der Erfassungsbogen verteilt."],
      { list: ref("akteure", "bezeichnung"), listOpen: true, synonyms: ["Anbieter", "Trägerschaft", "Einrichtung"] },
    ),
    handlungsfeld: col(
      "Handlungsfeld",
      true,
      "text",
      16,
      ["Handlungsfeld", "Zu welchem Handlungsfeld gehört das Angebot? Aus der Liste wählen."],
      { list: ref("handlungsfelder", "handlungsfeld") },
    ),
    zielgruppe: col("Zielgruppe", false, "text", 22, ["Zielgruppe", "Für wen ist das Angebot?"], {
      synonyms: ["für wen"],
    }),
    sozialraum: col(
      "Sozialraum",
      false,
      "text",
      18,
      ["Sozialraum", "Wo findet es statt? Stadtteil, Ort oder „gesamt“."],
      {
        synonyms: ["Ort", "Stadtteil"],
      },
    ),
    teilnehmende: col(
      "Teilnehmende pro Jahr",
      false,
      "number",
      12,
      ["Teilnehmende pro Jahr", "Wie viele Personen nehmen im Jahr ungefähr teil? Nur die Zahl."],
      { synonyms: ["Teilnehmende", "Teilnehmer", "TN"] },
    ),
    finanzierung: col(
      "Finanzierung",
      false,
      "text",
      20,
      ["Finanzierung", "Wie ist das Angebot finanziert? Z. B. Landesmittel, Eigenmittel, befristet bis 2027."],
      { synonyms: ["Förderung", "Finanzierung durch"] },
    ),
    kontakt: col("Kontakt", false, "text", 26, ["Kontakt", "Ansprechperson mit Telefon oder E-Mail."], {
      synonyms: ["Ansprechperson", "Ansprechpartner"],
    }),
    stand: col("Stand", false, "date", 12, ["Stand", "Wann wurden die Angaben zuletzt geprüft? TT.MM.JJJJ."], {
      synonyms: ["Stand der Angaben", "aktualisiert"],
    }),
  },
});

export const BEDARFE = defineTable({
  kind: "bedarfe",
  sheet: "Bedarfe",
  table: "tblBedarfe",
  requiredSheet: false,
  idPrefix: "B",
  idDigits: 3,
  tabColor: "FFC19C00",
  travels: "ifPresent",
  nonEmpty: { bedarf: "Bedarf", quelle: "Quelle" },
  columns: {
    id: col("ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. B-001. Einmal vergeben, nicht mehr ändern."], {
      synonyms: ["Nr", "Nummer"],
    }),
    bedarf: col(
      "Bedarf",
      true,
      "text",
      50,
      ["Bedarf", "Was wird gebraucht? Ein Satz, z. B. „Kinderbetreuung während der Sprachkurse“."],
      {
        synonyms: ["Bezeichnung", "Beschreibung"],
      },
    ),
    handlungsfeld: col(
      "Handlungsfeld",
      true,
      "text",
      16,
      ["Handlungsfeld", "Zu welchem Handlungsfeld gehört der Bedarf? Aus der Liste wählen."],
      { list: ref("handlungsfelder", "handlungsfeld") },
    ),
    quelle: col(
      "Quelle",
      true,
      "text",
      20,
      ["Quelle", "Woher stammt der Bedarf? Z. B. Befragung, World Café, Fachgespräch, Statistik."],
      { list: { kind: "values", values: QUELLE_VALUES }, listOpen: true, synonyms: ["Herkunft", "erhoben in"] },
    ),
    zielgruppe: col("Zielgruppe", false, "text", 22, ["Zielgruppe", "Wer hat den Bedarf?"], { synonyms: ["für wen"] }),
    prioritaet: col("Priorität", false, "text", 10, ["Priorität", "hoch, mittel oder niedrig."], {
      list: { kind: "values", values: PRIORITAET_VALUES },
    }),
    begruendung: col(
      "Begründung",
      false,
      "text",
      40,
      ["Begründung", "Warum beantwortet (noch) keine Maßnahme den Bedarf? Z. B. durch ein Angebot gedeckt."],
      { synonyms: ["Bemerkung", "Anmerkung"] },
    ),
  },
});

export const GEBIETE = defineTable({
  kind: "gebiete",
  sheet: "Gebiete",
  table: "tblGebiete",
  requiredSheet: false,
  tabColor: "FF008575",
  // The data office's reference: a status query names the Gebiet of each row it prefills (split.ts), so the
  // Fachbereich needs no list of all Gebiete, Land and Bund included.
  travels: "never",
  nonEmpty: { gebiet: "Name des Gebiets", ebene: "Ebene" },
  columns: {
    id: col(
      "ID",
      true,
      "text",
      12,
      [
        "ID (Schlüssel)",
        "Amtlicher Gemeindeschlüssel: 8 Stellen Gemeinde, 5 Kreis, 2 Land, DG Deutschland; für Stadtteile ein eigener, z. B. SR-01. Führende Nullen bleiben.",
      ],
      { synonyms: ["Schlüssel", "AGS", "Gebietsschlüssel"] },
    ),
    gebiet: col("Gebiet", true, "text", 30, ["Gebiet", "Name des Gebiets, z. B. „Flensburg, Stadt“."], {
      synonyms: ["Name", "Bezeichnung"],
    }),
    ebene: col(
      "Ebene",
      true,
      "text",
      16,
      ["Ebene", "Gemeinde, Gemeindeverband, Kreis, Regierungsbezirk, Land, Bund, Stadtteil oder Sozialraum."],
      { list: { kind: "values", values: EBENE_VALUES } },
    ),
    uebergeordnet: col(
      "Übergeordnet",
      false,
      "text",
      24,
      ["Übergeordnet", "Das Gebiet, zu dem es gehört: die ID aus dieser Liste, z. B. der Kreis einer Gemeinde."],
      { list: ref("gebiete", "gebiet"), synonyms: ["gehört zu", "Obergebiet"] },
    ),
    vergleich: col(
      "Vergleich",
      false,
      "text",
      10,
      [
        "Vergleich",
        "ja für ein Gebiet außerhalb des eigenen (Land, Bund, Nachbarkreis), das zum Vergleich gezeigt wird.",
      ],
      { list: { kind: "values", values: VERGLEICH_VALUES } },
    ),
  },
});

/** The table of each entity kind; a kind without a table does not compile. */
const SPECS: { [K in EntityKind]: TableSpec<K> } = {
  einstellungen: EINSTELLUNGEN,
  handlungsfelder: HANDLUNGSFELDER,
  ziele: ZIELE,
  indikatoren: INDIKATOREN,
  akteure: AKTEURE,
  massnahmen: MASSNAHMEN,
  kriterien: KRITERIEN,
  indikatorwerte: INDIKATORWERTE,
  sachstaende: SACHSTAENDE,
  angebote: ANGEBOTE,
  bedarfe: BEDARFE,
  gebiete: GEBIETE,
};

/** All tables in workbook order. */
export const TABLES: readonly TableSpec[] = ENTITY_KINDS.map((kind) => SPECS[kind] as TableSpec);

export function tableSpec<K extends EntityKind>(kind: K): TableSpec<K> {
  return SPECS[kind];
}

export function columnSpec<K extends EntityKind>(kind: K, field: FieldsOf<K>): ColumnSpec {
  const spec = (tableSpec(kind).columns as readonly ColumnSpec[]).find((c) => c.field === field);
  if (!spec) throw new Error(`unknown column ${kind}.${String(field)}`);
  return spec;
}

/** The first required header, by which a plain range's header row is found. */
export function anchorHeader(spec: TableSpec): ColumnSpec {
  return spec.columns.find((c) => c.required)!;
}
