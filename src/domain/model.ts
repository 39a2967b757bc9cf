/**
 * The entities of a Handlungskonzept: their kinds, fields and choice lists, and the shape of a table as
 * read from the workbook. The raw cell values (and their addresses) stay in `RowRecord` so that the rule
 * engine can say exactly which cell is wrong.
 */
import type { CellValue } from "./dates";

export const STATUS_VALUES = [
  "geplant",
  "in Umsetzung",
  "umgesetzt",
  "verstetigt",
  "zurückgestellt",
  "verworfen",
] as const;
export const FINANZIERUNG_VALUES = ["gesichert", "beantragt", "offen"] as const;
export const ART_VALUES = ["intern", "extern"] as const;
export const PRIORITAET_VALUES = ["hoch", "mittel", "niedrig"] as const;

// ——— Integrationsmonitoring (docs/arbeitsmappe.md, Integrationsmonitoring) ———
/** The Art of an indicator: a Zielindikator measures a Ziel (the default); a Basisindikator describes a state. */
export const INDIKATOR_ART_VALUES = ["Zielindikator", "Basisindikator"] as const;
/** The Ebene of a Gebiet, from the Gemeinde up to the Bund, and the own keys of a city's parts. */
export const EBENE_VALUES = [
  "Gemeinde",
  "Gemeindeverband",
  "Kreis",
  "Regierungsbezirk",
  "Land",
  "Bund",
  "Stadtteil",
  "Sozialraum",
] as const;
export const VERGLEICH_VALUES = ["ja", "nein"] as const;
/**
 * The official markers of the statistical offices (Zeichenerklärung), in Kennzeichen: `-` nichts vorhanden
 * (Wert 0), `.` unbekannt oder geheim, `x` gesperrt, `/` nicht sicher genug, `...` fällt später an, `()`
 * Aussagewert eingeschränkt, `p` vorläufig, `r` berichtigt, `s` geschätzt (these four keep their Wert).
 */
export const KENNZEICHEN_VALUES = ["-", ".", "x", "/", "...", "()", "p", "r", "s"] as const;
export type Kennzeichen = (typeof KENNZEICHEN_VALUES)[number];
/**
 * Where a Bedarf was found: the ways of participation and analysis the municipalities' concepts name
 * (Befragung and World Café in the participation process, the staff survey, expert talks, statistics).
 */
export const QUELLE_VALUES = [
  "Befragung",
  "World Café",
  "Beschäftigtenbefragung",
  "Fachgespräch",
  "Fachtag",
  "Workshop",
  "Statistik",
  "Bestandsaufnahme",
  "Sonstiges",
] as const;

export type Status = (typeof STATUS_VALUES)[number];
export type Finanzierung = (typeof FINANZIERUNG_VALUES)[number];

/**
 * The entity kinds of the workbook and their fields, in workbook order. This is the one list: the
 * contract (src/workbook/contract.ts) must give every field a column, and reading, writing and checking
 * are driven by it. A new table is one entry here plus its columns there.
 *
 * There is no second, typed copy of the rows (no schema): the rule engine reads the raw cell values,
 * because it has to say which cell is wrong, and typed readers (e.g. ./monitoring.ts) turn a
 * row into typed values where a rule or a calculation needs them.
 */
export const ENTITY_FIELDS = {
  einstellungen: ["schluessel", "wert"],
  handlungsfelder: ["id", "handlungsfeld", "leitziel", "beschreibung"],
  ziele: ["id", "handlungsfeld", "ziel", "zielgruppe"],
  indikatoren: [
    "id",
    "ziel",
    "indikator",
    "einheit",
    "basiswert",
    "basisjahr",
    "zielwert",
    "zieljahr",
    "datenquelle",
    "erhebungsturnus",
    "zustaendig",
    // Integrationsmonitoring
    "art",
    "handlungsfeld",
    "definition",
    "berechnung",
    "naechsteVeroeffentlichung",
  ],
  akteure: ["id", "bezeichnung", "fachbereich", "ansprechperson", "email", "art"],
  massnahmen: [
    "id",
    "handlungsfeld",
    "ziel",
    "titel",
    "beschreibung",
    "zielgruppe",
    "indikatoren",
    "zielwert",
    "federfuehrung",
    "beteiligte",
    "personal",
    "sachkosten",
    "finanzierung",
    "beginn",
    "frist",
    "status",
    "prioritaet",
    "bemerkung",
    "bedarfe",
  ],
  kriterien: ["kriterium", "gewicht", "beschreibung"],
  indikatorwerte: [
    "indikator",
    "stichtag",
    "wert",
    "quelle",
    "bemerkung",
    // Integrationsmonitoring
    "gebiet",
    "gruppe",
    "kennzeichen",
    "abgerufenAm",
  ],
  sachstaende: [
    "massnahme",
    "berichtsstichtag",
    "status",
    "umsetzung",
    "ampel",
    "sachstand",
    "naechsteSchritte",
    "hindernisse",
    "gemeldetVon",
    "gemeldetAm",
  ],
  angebote: [
    "id",
    "angebot",
    "traeger",
    "handlungsfeld",
    "zielgruppe",
    "sozialraum",
    "teilnehmende",
    "finanzierung",
    "kontakt",
    "stand",
  ],
  bedarfe: ["id", "bedarf", "handlungsfeld", "quelle", "zielgruppe", "prioritaet", "begruendung"],
  // Last, so that its column on the hidden sheet Listen comes after those existing workbooks already have.
  gebiete: ["id", "gebiet", "ebene", "uebergeordnet", "vergleich"],
} as const;

/** The entity kinds of the workbook; each has one table. */
export type EntityKind = keyof typeof ENTITY_FIELDS;

/** All kinds in workbook order. */
export const ENTITY_KINDS = Object.keys(ENTITY_FIELDS) as EntityKind[];

/** Field names of each entity. */
export type FieldsOf<K extends EntityKind> = (typeof ENTITY_FIELDS)[K][number];

/** One row as read from a sheet: the raw cell values by field, and where each cell is. */
export interface RowRecord<F extends string = string> {
  /** 1-based sheet row number. */
  row: number;
  values: Partial<Record<F, CellValue>>;
}

/** One table as read from the workbook: enough for the rules to point at any cell. */
export interface TableData<F extends string = string> {
  kind: EntityKind;
  /** Sheet name as found in the workbook. */
  sheet: string;
  /** Sheet row of the header. */
  headerRow: number;
  /** Column letters of the fields that were found. */
  columns: Partial<Record<F, string>>;
  /** Required fields whose column is missing. */
  missingColumns: { field: F; header: string }[];
  /** The column to the right of the last header (where a missing column would go). */
  nextFreeColumn: string;
  /** The cells of a row that must not be empty, with the name a message gives each (the contract's). */
  nonEmpty: Partial<Record<F, string>>;
  rows: RowRecord<F>[];
}

/** Kinds whose table may be absent from the workbook (everything but Maßnahmen). */
type OptionalKind = Exclude<EntityKind, "massnahmen">;

/** Everything the rule engine needs. A table that is absent from the workbook is `null`. */
export type ConceptData = { [K in OptionalKind]: TableData<FieldsOf<K>> | null } & {
  massnahmen: TableData<FieldsOf<"massnahmen">>;
  /** Required tables that were not found, with what the user must create. */
  missingTables: { kind: EntityKind; sheet: string; table: string; requiredHeaders: string[] }[];
  /**
   * IDs of measures an earlier Fortschreibung did not carry (listed on the sheet Vorperiode): their
   * Sachstände are history, not references to a measure that does not exist.
   */
  formerMeasures?: string[];
};
