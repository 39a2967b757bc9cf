/**
 * The workbook contract as data: every sheet, table, column, header synonym, dropdown and format.
 * Reading (read.ts) and writing (plan.ts) are both driven by this description; nothing else lists the
 * columns.
 */
import {
  ART_VALUES,
  type EntityKind,
  FINANZIERUNG_VALUES,
  type FieldsOf,
  PRIORITAET_VALUES,
  STATUS_VALUES,
} from "../domain/model";
import type { SmartLetter } from "../domain/rules";

export type ColumnFormat = "general" | "text" | "date" | "number" | "fte" | "currency" | "year" | "email";

/** Where a dropdown gets its entries. */
export type ListSource =
  | { kind: "values"; values: readonly string[] }
  /** the `ID – Name` entries of another table (kept live by formulas on the hidden sheet `Listen`) */
  | { kind: "table"; table: EntityKind; nameField: string };

export interface ColumnSpec {
  field: string;
  header: string;
  /** Further header texts that mean this column (compared like headers). */
  synonyms?: readonly string[];
  required: boolean;
  format: ColumnFormat;
  /** Column width in characters. */
  width: number;
  list?: ListSource;
  /** The dropdown also takes values not in the list (multi-ID cells, new entries). */
  listOpen?: boolean;
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
  columns: readonly ColumnSpec[];
  tabColor: string;
}

const col = (
  field: string,
  header: string,
  required: boolean,
  format: ColumnFormat,
  width: number,
  prompt: [string, string],
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({ field, header, required, format, width, prompt: { title: prompt[0], text: prompt[1] }, ...extra });

const ref = (table: EntityKind, nameField: string): ListSource => ({ kind: "table", table, nameField });

export const EINSTELLUNGEN: TableSpec<"einstellungen"> = {
  kind: "einstellungen",
  sheet: "Einstellungen",
  table: "tblEinstellungen",
  requiredSheet: false,
  tabColor: "FF605E5C",
  columns: [
    col(
      "schluessel",
      "Schlüssel",
      true,
      "text",
      28,
      ["Schlüssel", "Name der Einstellung, z. B. „Stichtag“. Bitte nicht umbenennen."],
      { synonyms: ["Einstellung", "Key"] },
    ),
    col("wert", "Wert", true, "general", 40, [
      "Wert",
      "Wert der Einstellung. Daten als TT.MM.JJJJ, Zahlen ohne Einheit.",
    ]),
  ],
};

export const HANDLUNGSFELDER: TableSpec<"handlungsfelder"> = {
  kind: "handlungsfelder",
  sheet: "Handlungsfelder",
  table: "tblHandlungsfelder",
  requiredSheet: true,
  idPrefix: "HF",
  idDigits: 2,
  tabColor: "FF0F6CBD",
  columns: [
    col("id", "ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. HF-01. Einmal vergeben, nicht mehr ändern."]),
    col(
      "handlungsfeld",
      "Handlungsfeld",
      true,
      "text",
      34,
      ["Handlungsfeld", "Name des Handlungsfelds, z. B. „Bildung und Sprache“."],
      { synonyms: ["Name", "Bezeichnung"] },
    ),
    col("leitziel", "Leitziel", false, "text", 50, ["Leitziel", "Die Vision für dieses Handlungsfeld in einem Satz."]),
    col("beschreibung", "Beschreibung", false, "text", 50, ["Beschreibung", "Was gehört zu diesem Handlungsfeld?"]),
  ],
};

export const ZIELE: TableSpec<"ziele"> = {
  kind: "ziele",
  sheet: "Ziele",
  table: "tblZiele",
  requiredSheet: true,
  idPrefix: "Z",
  idDigits: 2,
  tabColor: "FF0F6CBD",
  columns: [
    col("id", "ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. Z-01. Einmal vergeben, nicht mehr ändern."]),
    col(
      "handlungsfeld",
      "Handlungsfeld",
      true,
      "text",
      30,
      ["Handlungsfeld", "Zu welchem Handlungsfeld gehört das Ziel? Aus der Liste wählen."],
      { list: ref("handlungsfelder", "handlungsfeld") },
    ),
    col(
      "ziel",
      "Ziel",
      true,
      "text",
      60,
      ["Ziel", "Was soll erreicht werden? Ein Satz, der einen Zustand beschreibt."],
      { synonyms: ["Zielformulierung"] },
    ),
    col("zielgruppe", "Zielgruppe", false, "text", 30, ["Zielgruppe", "Für wen gilt das Ziel?"]),
  ],
};

export const INDIKATOREN: TableSpec<"indikatoren"> = {
  kind: "indikatoren",
  sheet: "Indikatoren",
  table: "tblIndikatoren",
  requiredSheet: true,
  idPrefix: "I",
  idDigits: 3,
  tabColor: "FF0F6CBD",
  columns: [
    col("id", "ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. I-001. Einmal vergeben, nicht mehr ändern."]),
    col("ziel", "Ziel", true, "text", 30, ["Ziel", "Welches Ziel misst der Indikator? Aus der Liste wählen."], {
      list: ref("ziele", "ziel"),
    }),
    col(
      "indikator",
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
    col("einheit", "Einheit", false, "text", 12, ["Einheit", "Z. B. Personen, %, Anzahl."]),
    col(
      "basiswert",
      "Basiswert",
      false,
      "number",
      11,
      ["Basiswert (M: messbar)", "Der Ausgangswert im Basisjahr. Ohne ihn ist keine Veränderung messbar."],
      { smart: "M", synonyms: ["Ausgangswert"] },
    ),
    col("basisjahr", "Basisjahr", false, "year", 10, ["Basisjahr", "Jahr des Basiswerts, z. B. 2025."]),
    col(
      "zielwert",
      "Zielwert",
      false,
      "number",
      11,
      ["Zielwert (M: messbar)", "Der Wert, der im Zieljahr erreicht sein soll."],
      { smart: "M" },
    ),
    col("zieljahr", "Zieljahr", false, "year", 10, ["Zieljahr", "Bis wann soll der Zielwert erreicht sein?"]),
    col(
      "datenquelle",
      "Datenquelle",
      false,
      "text",
      28,
      ["Datenquelle (M: messbar)", "Woher kommen die Zahlen? Z. B. Statistik der Ausländerbehörde."],
      { smart: "M", synonyms: ["Quelle"] },
    ),
    col(
      "erhebungsturnus",
      "Erhebungsturnus",
      false,
      "text",
      16,
      ["Erhebungsturnus", "Wie oft wird erhoben? Z. B. jährlich."],
      { synonyms: ["Turnus"] },
    ),
  ],
};

export const AKTEURE: TableSpec<"akteure"> = {
  kind: "akteure",
  sheet: "Akteure",
  table: "tblAkteure",
  requiredSheet: true,
  idPrefix: "A",
  idDigits: 2,
  tabColor: "FF0F6CBD",
  columns: [
    col("id", "ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. A-01. Einmal vergeben, nicht mehr ändern."]),
    col(
      "bezeichnung",
      "Bezeichnung",
      true,
      "text",
      36,
      ["Bezeichnung", "Name der Stelle, z. B. „Fachdienst Jugend“ oder „Volkshochschule“."],
      { synonyms: ["Name", "Akteur", "Stelle"] },
    ),
    col(
      "fachbereich",
      "Fachbereich",
      false,
      "text",
      24,
      ["Fachbereich", "Fachbereich oder Organisationseinheit; danach wird die Datei verteilt."],
      { synonyms: ["Fachdienst", "Amt"] },
    ),
    col(
      "ansprechperson",
      "Ansprechperson",
      false,
      "text",
      24,
      ["Ansprechperson (A)", "Wer ist ansprechbar? Name der zuständigen Person."],
      { smart: "A", synonyms: ["Ansprechpartner", "Ansprechpartnerin", "Kontakt"] },
    ),
    col(
      "email",
      "E-Mail",
      false,
      "email",
      28,
      ["E-Mail (A)", "Dienstliche E-Mail-Adresse der Stelle oder der Ansprechperson."],
      { smart: "A", synonyms: ["Mail", "E-Mail-Adresse"] },
    ),
    col("art", "Art", false, "text", 10, ["Art", "intern (Verwaltung) oder extern (Träger, Verein, Partner)."], {
      list: { kind: "values", values: ART_VALUES },
    }),
  ],
};

export const MASSNAHMEN: TableSpec<"massnahmen"> = {
  kind: "massnahmen",
  sheet: "Maßnahmen",
  table: "tblMassnahmen",
  requiredSheet: true,
  idPrefix: "M",
  idDigits: 3,
  tabColor: "FF107C10",
  columns: [
    col("id", "ID", true, "text", 9, ["ID", "Eindeutige Kennung, z. B. M-001. Einmal vergeben, nicht mehr ändern."], {
      synonyms: ["Nr", "Nummer"],
    }),
    col(
      "handlungsfeld",
      "Handlungsfeld",
      true,
      "text",
      16,
      ["Handlungsfeld", "Zu welchem Handlungsfeld gehört die Maßnahme? Aus der Liste wählen."],
      { list: ref("handlungsfelder", "handlungsfeld") },
    ),
    col(
      "ziel",
      "Ziel",
      true,
      "text",
      16,
      ["Ziel", "Welches Ziel verfolgt die Maßnahme? Aus der Liste wählen; es muss zum Handlungsfeld passen."],
      { list: ref("ziele", "ziel") },
    ),
    col("titel", "Titel", true, "text", 30, ["Titel (S: spezifisch)", "Kurzer, eindeutiger Name der Maßnahme."], {
      smart: "S",
      synonyms: ["Maßnahme", "Bezeichnung"],
    }),
    col(
      "beschreibung",
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
    col(
      "zielgruppe",
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
    col(
      "indikatoren",
      "Indikatoren",
      true,
      "text",
      16,
      [
        "Indikatoren (M: messbar)",
        "Messbar heißt: Woran sieht man den Erfolg? IDs aus dem Blatt Indikatoren, mehrere mit ; trennen.",
      ],
      { smart: "M", list: ref("indikatoren", "indikator"), listOpen: true, synonyms: ["Indikator"] },
    ),
    col(
      "zielwert",
      "Zielwert",
      true,
      "text",
      22,
      ["Zielwert (M: messbar)", "Welcher Wert soll erreicht werden? Z. B. 40 Teilnehmende pro Jahr."],
      { smart: "M" },
    ),
    col(
      "federfuehrung",
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
    col(
      "beteiligte",
      "Beteiligte",
      false,
      "text",
      20,
      ["Beteiligte (A: aktivierend)", "Wer wirkt mit? Stellen oder Akteur-IDs, mit ; getrennt."],
      { smart: "A", synonyms: ["Kooperationspartner", "Partner"] },
    ),
    col(
      "personal",
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
    col(
      "sachkosten",
      "Sachkosten (EUR)",
      false,
      "currency",
      14,
      ["Sachkosten (R: realistisch)", "Sachkosten in Euro, z. B. 1.500. 0 ist erlaubt."],
      { smart: "R", synonyms: ["Sachkosten", "Kosten", "Sachkosten (€)", "Budget"] },
    ),
    col(
      "finanzierung",
      "Finanzierung",
      false,
      "text",
      13,
      ["Finanzierung (R)", "Ist die Finanzierung gesichert, beantragt oder offen?"],
      { smart: "R", list: { kind: "values", values: FINANZIERUNG_VALUES } },
    ),
    col(
      "beginn",
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
    col(
      "frist",
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
    col("status", "Status", true, "text", 14, ["Status", "Stand der Umsetzung, aus der Liste wählen."], {
      list: { kind: "values", values: STATUS_VALUES },
    }),
    col("prioritaet", "Priorität", false, "text", 10, ["Priorität", "hoch, mittel oder niedrig."], {
      list: { kind: "values", values: PRIORITAET_VALUES },
    }),
    col(
      "bemerkung",
      "Bemerkung",
      false,
      "text",
      30,
      ["Bemerkung", "Freier Hinweis, z. B. Abhängigkeiten oder Stand der Abstimmung."],
      { synonyms: ["Bemerkungen", "Anmerkung", "Hinweis"] },
    ),
  ],
};

export const KRITERIEN: TableSpec<"kriterien"> = {
  kind: "kriterien",
  sheet: "Bewertungskriterien",
  sheetSynonyms: ["Kriterien"],
  table: "tblKriterien",
  requiredSheet: false,
  tabColor: "FF8764B8",
  columns: [
    col("kriterium", "Kriterium", true, "text", 30, [
      "Kriterium",
      "Name des Bewertungskriteriums; wird Spaltenüberschrift der Bewertungsmatrix.",
    ]),
    col("gewicht", "Gewicht", true, "number", 10, [
      "Gewicht",
      "Gewicht des Kriteriums, z. B. 25. Die Gewichte müssen nicht 100 ergeben.",
    ]),
    col("beschreibung", "Beschreibung", false, "text", 60, ["Beschreibung", "Was wird bei diesem Kriterium bewertet?"]),
  ],
};

/** All tables in workbook order. */
export const TABLES = [EINSTELLUNGEN, HANDLUNGSFELDER, ZIELE, INDIKATOREN, AKTEURE, MASSNAHMEN, KRITERIEN] as const;

export function tableSpec<K extends EntityKind>(kind: K): TableSpec<K> {
  const spec = TABLES.find((t) => t.kind === kind);
  if (!spec) throw new Error(`unknown table ${kind}`);
  return spec as unknown as TableSpec<K>;
}

export function columnSpec<K extends EntityKind>(kind: K, field: FieldsOf<K>): ColumnSpec {
  const spec = tableSpec(kind).columns.find((c) => c.field === field);
  if (!spec) throw new Error(`unknown column ${kind}.${String(field)}`);
  return spec;
}

/** The first required header, by which a plain range's header row is found. */
export function anchorHeader(spec: TableSpec): ColumnSpec {
  return spec.columns.find((c) => c.required)!;
}

/** Generated sheets. */
export const PRUEFBERICHT = { sheet: "Prüfbericht", table: "tblPruefbericht" } as const;
export const LISTEN_SHEET = "Listen";
