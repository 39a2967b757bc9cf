/**
 * The entities of a Handlungskonzept as zod schemas. These are the clean, typed values the rest of the
 * program works with once a row has been read; the raw cell values (and their addresses) stay in
 * `RowRecord` so that the rule engine can say exactly which cell is wrong.
 */
import { z } from "zod";
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

export type Status = (typeof STATUS_VALUES)[number];
export type Finanzierung = (typeof FINANZIERUNG_VALUES)[number];

const text = z.string();
const optionalText = z.string().default("");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const HandlungsfeldSchema = z.object({
  id: text.min(1),
  handlungsfeld: text.min(1),
  leitziel: optionalText,
  beschreibung: optionalText,
});

export const ZielSchema = z.object({
  id: text.min(1),
  handlungsfeld: text.min(1),
  ziel: text.min(1),
  zielgruppe: optionalText,
});

export const IndikatorSchema = z.object({
  id: text.min(1),
  ziel: text.min(1),
  indikator: text.min(1),
  einheit: optionalText,
  basiswert: z.number().nullable().default(null),
  basisjahr: z.number().int().nullable().default(null),
  zielwert: z.number().nullable().default(null),
  zieljahr: z.number().int().nullable().default(null),
  datenquelle: optionalText,
  erhebungsturnus: optionalText,
});

export const AkteurSchema = z.object({
  id: text.min(1),
  bezeichnung: text.min(1),
  fachbereich: optionalText,
  ansprechperson: optionalText,
  email: optionalText,
  art: z.union([z.enum(ART_VALUES), z.literal("")]).default(""),
});

export const MassnahmeSchema = z.object({
  id: text.min(1),
  handlungsfeld: text.min(1),
  ziel: text.min(1),
  titel: text.min(1),
  beschreibung: text.min(1),
  zielgruppe: optionalText,
  indikatoren: z.array(text.min(1)).min(1),
  zielwert: text.min(1),
  federfuehrung: text.min(1),
  beteiligte: optionalText,
  personal: z.number().min(0).nullable().default(null),
  sachkosten: z.number().min(0).nullable().default(null),
  finanzierung: z.union([z.enum(FINANZIERUNG_VALUES), z.literal("")]).default(""),
  beginn: isoDate.nullable().default(null),
  frist: isoDate,
  status: z.enum(STATUS_VALUES),
  prioritaet: optionalText,
  bemerkung: optionalText,
});

export const KriteriumSchema = z.object({
  kriterium: text.min(1),
  gewicht: z.number().min(0),
  beschreibung: optionalText,
});

/** One measure's scores in one evaluation round (0–4 per criterion; absent = not yet scored). */
export const BewertungSchema = z.object({
  id: text.min(1),
  scores: z.record(z.string(), z.number().int().min(0).max(4)),
  empfehlung: z.union([z.enum(["fortführen", "anpassen", "beenden", "verstetigen"]), z.literal("")]).default(""),
  begruendung: optionalText,
  bewertetVon: optionalText,
  bewertetAm: isoDate.nullable().default(null),
});

export const EinstellungSchema = z.object({ schluessel: text.min(1), wert: z.string() });

export type Handlungsfeld = z.infer<typeof HandlungsfeldSchema>;
export type Ziel = z.infer<typeof ZielSchema>;
export type Indikator = z.infer<typeof IndikatorSchema>;
export type Akteur = z.infer<typeof AkteurSchema>;
export type Massnahme = z.infer<typeof MassnahmeSchema>;
export type Kriterium = z.infer<typeof KriteriumSchema>;
export type Bewertung = z.infer<typeof BewertungSchema>;

/** The entity kinds of the workbook; each has one table. */
export type EntityKind =
  "einstellungen" | "handlungsfelder" | "ziele" | "indikatoren" | "akteure" | "massnahmen" | "kriterien";

/** Field names of each entity, as the schemas define them. */
export type FieldsOf<K extends EntityKind> = K extends "einstellungen"
  ? "schluessel" | "wert"
  : K extends "handlungsfelder"
    ? keyof Handlungsfeld
    : K extends "ziele"
      ? keyof Ziel
      : K extends "indikatoren"
        ? keyof Indikator
        : K extends "akteure"
          ? keyof Akteur
          : K extends "massnahmen"
            ? keyof Massnahme
            : keyof Kriterium;

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
  rows: RowRecord<F>[];
}

/** Everything the rule engine needs. A table that is absent from the workbook is `null`. */
export interface ConceptData {
  einstellungen: TableData<FieldsOf<"einstellungen">> | null;
  handlungsfelder: TableData<FieldsOf<"handlungsfelder">> | null;
  ziele: TableData<FieldsOf<"ziele">> | null;
  indikatoren: TableData<FieldsOf<"indikatoren">> | null;
  akteure: TableData<FieldsOf<"akteure">> | null;
  massnahmen: TableData<FieldsOf<"massnahmen">>;
  kriterien: TableData<FieldsOf<"kriterien">> | null;
  /** Required tables that were not found, with what the user must create. */
  missingTables: { kind: EntityKind; sheet: string; table: string; requiredHeaders: string[] }[];
}
