/**
 * The concept as open data (`export`): the CSV files of the contract and a Frictionless Data Package
 * (datapackage.json) that describes every field with its type and German title. One entry per file, one per
 * column, so a new column is one line. Beyond the contract's four files, gebiete.csv names the Gebiete that
 * indikatorwerte.csv gives by key (and is the target of its declared reference). Contact data of persons — Ansprechperson, E-Mail, Gemeldet von — and
 * the internal Bemerkungen are no column of any file. Pure: the command line writes the texts.
 */
import { type CellValue, type IsoDate, periodStart, parseGermanDate } from "../domain/dates";
import type { FieldsOf, RowRecord } from "../domain/model";
import { readGebiete, type Gebiet } from "../domain/gebiete";
import { dateOf, latestSachstand, numberOf, sachstandOf, type Sachstand } from "../domain/monitoring";
import { MonitoringData, indicatorArt } from "../domain/monitoringData";
import { akteurIndex } from "../domain/recipients";
import { readSettings } from "../domain/settings";
import { idKey, referenceId, referenceIds, textOf } from "../domain/values";
import { akteurRefs } from "./distribution";
import type { ReadConcept } from "./read";

/** The types of Table Schema (Frictionless) the columns use. */
export type FieldType = "string" | "number" | "integer" | "boolean" | "date" | "year";
type Value = string | number | boolean | null;

interface Column<R> {
  name: string;
  type: FieldType;
  /** German, as a reader of the portal sees it. */
  title: string;
  description?: string;
  value(row: R): Value;
}

interface ExportFile<R> {
  /** The resource's name, and the file's with `.csv`. */
  name: string;
  title: string;
  description: string;
  rows(ctx: ExportContext): R[];
  columns: Column<R>[];
  /** Written only where this holds (gebiete.csv: where the workbook has Gebiete); always when absent. */
  present?(ctx: ExportContext): boolean;
  /** The field whose values are unique (Table Schema primaryKey). */
  primaryKey?: string;
  /** References into another file, declared only where every value of the field is found there. */
  foreignKeys?(ctx: ExportContext): ForeignKey[];
}

/** A Table Schema foreign key: `fields` of this file name `reference.fields` of `reference.resource`. */
interface ForeignKey {
  fields: string;
  reference: { resource: string; fields: string };
}

/** What the columns look up beyond their own row. */
interface ExportContext {
  concept: ReadConcept;
  reports: Sachstand[];
  /** The Indikatorwerte as read: each row's Gebiet (the own area for an empty cell), Gruppe and Kennzeichen. */
  monitoring: MonitoringData;
  /** The Gebiete with an ID, a doubled ID once. */
  gebiete: Gebiet[];
}

type MRow = { r: RowRecord<FieldsOf<"massnahmen">>; ctx: Lookups };
type Lookups = {
  handlungsfeld(id: string): string;
  ziel(id: string): string;
  akteur(cell: CellValue): { bezeichnung: string; fachbereich: string } | null;
  latest(id: string): Sachstand | null;
};

const text = (v: CellValue) => textOf(v ?? null);
const orNull = (s: string) => (s === "" ? null : s);
/** A Beginn: the first day of what it names. */
const beginnOf = (v: CellValue): IsoDate | null => {
  const p = parseGermanDate(v ?? null);
  return p.kind === "date" ? periodStart(p.date, p.precision) : null;
};
const yearOf = (v: CellValue): number | null => {
  const d = dateOf(v ?? null);
  return d ? Number(d.slice(0, 4)) : null;
};
/** The lead Akteur's Bezeichnung, or the cell as written when the Akteure do not know it. */
const leadOf = (ctx: Lookups, v: CellValue) => ctx.akteur(v ?? null)?.bezeichnung ?? orNull(text(v));

function lookups(concept: ReadConcept, reports: Sachstand[]): Lookups {
  const byId = (rows: RowRecord<string>[] | undefined, field: string) =>
    new Map((rows ?? []).map((r) => [idKey(text(r.values.id)), text(r.values[field])]));
  const hf = byId(concept.handlungsfelder?.rows, "handlungsfeld");
  const ziele = byId(concept.ziele?.rows, "ziel");
  const find = akteurIndex(akteurRefs(concept));
  return {
    handlungsfeld: (id) => hf.get(idKey(id)) ?? "",
    ziel: (id) => ziele.get(idKey(id)) ?? "",
    akteur: (cell) => find(cell),
    latest: (id) => latestSachstand(id, reports),
  };
}

const m = (r: MRow, f: FieldsOf<"massnahmen">) => r.r.values[f] ?? null;
const latestOf = (r: MRow) => r.ctx.latest(text(m(r, "id")));

const MASSNAHMEN: ExportFile<MRow> = {
  name: "massnahmen",
  title: "Maßnahmen",
  description: "Eine Zeile je Maßnahme mit ihrem letzten Sachstand.",
  rows: ({ concept, reports }) => {
    const ctx = lookups(concept, reports);
    return concept.massnahmen.rows.filter((r) => text(r.values.id) !== "").map((r) => ({ r, ctx }));
  },
  columns: [
    { name: "id", type: "string", title: "ID", value: (r) => text(m(r, "id")) },
    {
      name: "handlungsfeld_id",
      type: "string",
      title: "Handlungsfeld (ID)",
      value: (r) => orNull(referenceId(m(r, "handlungsfeld"))),
    },
    {
      name: "handlungsfeld",
      type: "string",
      title: "Handlungsfeld",
      value: (r) => orNull(r.ctx.handlungsfeld(referenceId(m(r, "handlungsfeld")))),
    },
    { name: "ziel_id", type: "string", title: "Ziel (ID)", value: (r) => orNull(referenceId(m(r, "ziel"))) },
    { name: "ziel", type: "string", title: "Ziel", value: (r) => orNull(r.ctx.ziel(referenceId(m(r, "ziel")))) },
    { name: "titel", type: "string", title: "Titel", value: (r) => orNull(text(m(r, "titel"))) },
    { name: "beschreibung", type: "string", title: "Beschreibung", value: (r) => orNull(text(m(r, "beschreibung"))) },
    { name: "zielgruppe", type: "string", title: "Zielgruppe", value: (r) => orNull(text(m(r, "zielgruppe"))) },
    {
      name: "indikatoren",
      type: "string",
      title: "Indikatoren (IDs)",
      description: "Die IDs der Indikatoren, durch „; “ getrennt (siehe indikatoren.csv).",
      value: (r) => orNull(referenceIds(m(r, "indikatoren")).join("; ")),
    },
    { name: "zielwert", type: "string", title: "Zielwert", value: (r) => orNull(text(m(r, "zielwert"))) },
    {
      name: "federfuehrung",
      type: "string",
      title: "Federführung",
      value: (r) => leadOf(r.ctx, m(r, "federfuehrung")),
    },
    {
      name: "fachbereich",
      type: "string",
      title: "Fachbereich der Federführung",
      value: (r) => orNull(r.ctx.akteur(m(r, "federfuehrung"))?.fachbereich ?? ""),
    },
    {
      name: "beteiligte",
      type: "string",
      title: "Beteiligte",
      description: "Die beteiligten Akteure, durch „; “ getrennt.",
      value: (r) =>
        orNull(
          referenceIds(m(r, "beteiligte"))
            .map((id) => leadOf(r.ctx, id) ?? id)
            .join("; "),
        ),
    },
    { name: "personal_vzae", type: "number", title: "Personal (VZÄ)", value: (r) => numberOf(m(r, "personal")) },
    { name: "sachkosten_eur", type: "number", title: "Sachkosten (EUR)", value: (r) => numberOf(m(r, "sachkosten")) },
    { name: "finanzierung", type: "string", title: "Finanzierung", value: (r) => orNull(text(m(r, "finanzierung"))) },
    { name: "beginn", type: "date", title: "Beginn", value: (r) => beginnOf(m(r, "beginn")) },
    {
      name: "frist",
      type: "date",
      title: "Frist",
      description: "Ein Monat, Quartal oder Jahr als dessen letzter Tag; leer, wenn die Frist kein Datum ist.",
      value: (r) => dateOf(m(r, "frist")),
    },
    {
      name: "frist_angabe",
      type: "string",
      title: "Frist wie eingetragen",
      value: (r) => orNull(text(m(r, "frist"))),
    },
    { name: "status", type: "string", title: "Status", value: (r) => orNull(text(m(r, "status"))) },
    { name: "prioritaet", type: "string", title: "Priorität", value: (r) => orNull(text(m(r, "prioritaet"))) },
    {
      name: "sachstand_berichtsstichtag",
      type: "date",
      title: "Berichtsstichtag des letzten Sachstands",
      value: (r) => latestOf(r)?.berichtsstichtag ?? null,
    },
    { name: "umsetzung_prozent", type: "number", title: "Umsetzung (%)", value: (r) => latestOf(r)?.umsetzung ?? null },
    { name: "ampel", type: "string", title: "Ampel", value: (r) => latestOf(r)?.ampel ?? null },
    { name: "sachstand", type: "string", title: "Sachstand", value: (r) => orNull(latestOf(r)?.sachstand ?? "") },
    {
      name: "naechste_schritte",
      type: "string",
      title: "Nächste Schritte",
      value: (r) => orNull(latestOf(r)?.naechsteSchritte ?? ""),
    },
  ],
};

type SRow = RowRecord<FieldsOf<"sachstaende">>;
const s = (r: SRow, f: FieldsOf<"sachstaende">) => r.values[f] ?? null;

const SACHSTAENDE: ExportFile<SRow> = {
  name: "sachstaende",
  title: "Sachstände",
  description: "Eine Zeile je Maßnahme und Berichtsstichtag: die Geschichte der Umsetzung.",
  rows: ({ concept }) => (concept.sachstaende?.rows ?? []).filter((r) => referenceId(s(r, "massnahme")) !== ""),
  columns: [
    { name: "massnahme", type: "string", title: "Maßnahme (ID)", value: (r) => referenceId(s(r, "massnahme")) },
    {
      name: "berichtsstichtag",
      type: "date",
      title: "Berichtsstichtag",
      value: (r) => dateOf(s(r, "berichtsstichtag")),
    },
    { name: "status", type: "string", title: "Status", value: (r) => orNull(text(s(r, "status"))) },
    { name: "umsetzung_prozent", type: "number", title: "Umsetzung (%)", value: (r) => numberOf(s(r, "umsetzung")) },
    { name: "ampel", type: "string", title: "Ampel", value: (r) => orNull(text(s(r, "ampel"))) },
    { name: "sachstand", type: "string", title: "Sachstand", value: (r) => orNull(text(s(r, "sachstand"))) },
    {
      name: "naechste_schritte",
      type: "string",
      title: "Nächste Schritte",
      value: (r) => orNull(text(s(r, "naechsteSchritte"))),
    },
    { name: "hindernisse", type: "string", title: "Hindernisse", value: (r) => orNull(text(s(r, "hindernisse"))) },
    { name: "gemeldet_am", type: "date", title: "Gemeldet am", value: (r) => dateOf(s(r, "gemeldetAm")) },
  ],
};

type IRow = { r: RowRecord<FieldsOf<"indikatoren">>; ctx: Lookups };
const i = (r: IRow, f: FieldsOf<"indikatoren">) => r.r.values[f] ?? null;

const INDIKATOREN: ExportFile<IRow> = {
  name: "indikatoren",
  title: "Indikatoren",
  description: "Die Indikatoren mit Basis- und Zielwert.",
  rows: ({ concept, reports }) => {
    const ctx = lookups(concept, reports);
    return (concept.indikatoren?.rows ?? []).filter((r) => text(r.values.id) !== "").map((r) => ({ r, ctx }));
  },
  columns: [
    { name: "id", type: "string", title: "ID", value: (r) => text(i(r, "id")) },
    { name: "ziel_id", type: "string", title: "Ziel (ID)", value: (r) => orNull(referenceId(i(r, "ziel"))) },
    { name: "indikator", type: "string", title: "Indikator", value: (r) => orNull(text(i(r, "indikator"))) },
    { name: "einheit", type: "string", title: "Einheit", value: (r) => orNull(text(i(r, "einheit"))) },
    { name: "basiswert", type: "number", title: "Basiswert", value: (r) => numberOf(i(r, "basiswert")) },
    { name: "basisjahr", type: "year", title: "Basisjahr", value: (r) => yearOf(i(r, "basisjahr")) },
    { name: "zielwert", type: "number", title: "Zielwert", value: (r) => numberOf(i(r, "zielwert")) },
    { name: "zieljahr", type: "year", title: "Zieljahr", value: (r) => yearOf(i(r, "zieljahr")) },
    { name: "datenquelle", type: "string", title: "Datenquelle", value: (r) => orNull(text(i(r, "datenquelle"))) },
    {
      name: "erhebungsturnus",
      type: "string",
      title: "Erhebungsturnus",
      value: (r) => orNull(text(i(r, "erhebungsturnus"))),
    },
    { name: "zustaendig", type: "string", title: "Zuständig", value: (r) => leadOf(r.ctx, i(r, "zustaendig")) },
    {
      name: "art",
      type: "string",
      title: "Art",
      description: "Zielindikator (misst ein Ziel) oder Basisindikator (beschreibt die Lage, ohne Ziel).",
      value: (r) => indicatorArt(r.r),
    },
    {
      name: "handlungsfeld_id",
      type: "string",
      title: "Handlungsfeld (ID)",
      description:
        "Das Kapitel eines Basisindikators (leer: Bevölkerung und Zuwanderung); ein Zielindikator gehört zum Handlungsfeld seines Ziels.",
      value: (r) => orNull(referenceId(i(r, "handlungsfeld"))),
    },
    {
      name: "handlungsfeld",
      type: "string",
      title: "Handlungsfeld",
      value: (r) => orNull(r.ctx.handlungsfeld(referenceId(i(r, "handlungsfeld")))),
    },
    { name: "definition", type: "string", title: "Definition", value: (r) => orNull(text(i(r, "definition"))) },
    {
      name: "berechnung",
      type: "string",
      title: "Berechnung",
      description:
        "Ein berechneter Indikator als Quotient zweier Indikatoren, z. B. „I-021 / I-020“; seine Werte stehen nur, wo sie veröffentlicht sind.",
      value: (r) => orNull(text(i(r, "berechnung"))),
    },
    {
      name: "naechste_veroeffentlichung",
      type: "date",
      title: "Nächste Veröffentlichung",
      value: (r) => dateOf(i(r, "naechsteVeroeffentlichung")),
    },
  ],
};

type WRow = RowRecord<FieldsOf<"indikatorwerte">>;
const w = (r: WRow, f: FieldsOf<"indikatorwerte">) => r.values[f] ?? null;

/** An Indikatorwerte row with its cells as the monitoring reads them (src/domain/monitoringData.ts). */
type WRead = { r: WRow; gebiet: string; gruppe: string; kennzeichen: string };

const INDIKATORWERTE: ExportFile<WRead> = {
  name: "indikatorwerte",
  title: "Indikatorwerte",
  description: "Eine Zeile je Indikator, Stichtag, Gebiet und Gruppe (lange Tabelle).",
  rows: ({ concept, monitoring }) =>
    (concept.indikatorwerte?.rows ?? [])
      .filter((r) => referenceId(w(r, "indikator")) !== "")
      .map((r) => {
        const read = monitoring.readings.get(r.row);
        const k = read?.kennzeichen;
        const kennzeichen = k === "invalid" || k === undefined ? text(w(r, "kennzeichen")) : (k ?? "");
        return { r, gebiet: read?.gebiet ?? "", gruppe: read?.gruppe ?? "", kennzeichen };
      }),
  columns: [
    { name: "indikator", type: "string", title: "Indikator (ID)", value: ({ r }) => referenceId(w(r, "indikator")) },
    { name: "stichtag", type: "date", title: "Stichtag", value: ({ r }) => dateOf(w(r, "stichtag")) },
    {
      name: "gebiet",
      type: "string",
      title: "Gebiet (ID)",
      description:
        "Der Schlüssel des Gebiets (Amtlicher Gemeindeschlüssel mit führenden Nullen, DG für Deutschland, oder ein eigener); siehe gebiete.csv.",
      value: (r) => orNull(r.gebiet),
    },
    {
      name: "gruppe",
      type: "string",
      title: "Gruppe",
      description: "Leer: insgesamt.",
      value: (r) => orNull(r.gruppe),
    },
    {
      name: "wert",
      type: "number",
      title: "Wert",
      description: "Leer, wo das Statistikamt statt einer Zahl ein Kennzeichen veröffentlicht.",
      value: ({ r }) => numberOf(w(r, "wert")),
    },
    {
      name: "kennzeichen",
      type: "string",
      title: "Kennzeichen",
      description:
        "Zeichen der Statistikämter: - nichts vorhanden, . unbekannt oder geheim, x gesperrt, / nicht sicher genug, ... fällt später an, () eingeschränkt, p vorläufig, r berichtigt, s geschätzt.",
      value: (r) => orNull(r.kennzeichen),
    },
    { name: "quelle", type: "string", title: "Quelle", value: ({ r }) => orNull(text(w(r, "quelle"))) },
    { name: "abgerufen_am", type: "date", title: "Abgerufen am", value: ({ r }) => dateOf(w(r, "abgerufenAm")) },
  ],
  // Frictionless checks a declared reference: declare it only where it holds (every Gebiet in gebiete.csv).
  foreignKeys: (ctx) => {
    if (!ctx.concept.gebiete) return [];
    const ids = new Set(ctx.gebiete.map((g) => g.id));
    const all = INDIKATORWERTE.rows(ctx).every((r) => r.gebiet === "" || ids.has(r.gebiet));
    return all ? [{ fields: "gebiet", reference: { resource: "gebiete", fields: "id" } }] : [];
  },
};

const GEBIETE: ExportFile<Gebiet> = {
  name: "gebiete",
  title: "Gebiete",
  description: "Die Gebiete der Indikatorwerte: das eigene, die darin und die zum Vergleich.",
  present: ({ concept }) => concept.gebiete !== null && concept.gebiete !== undefined,
  rows: ({ gebiete }) => gebiete,
  primaryKey: "id",
  columns: [
    {
      name: "id",
      type: "string",
      title: "ID",
      description:
        "Amtlicher Gemeindeschlüssel mit führenden Nullen (8 Stellen Gemeinde, 5 Kreis, 2 Land), DG oder ein eigener.",
      value: (g) => g.id,
    },
    { name: "gebiet", type: "string", title: "Gebiet", value: (g) => orNull(g.name) },
    { name: "ebene", type: "string", title: "Ebene", value: (g) => orNull(g.ebene) },
    { name: "uebergeordnet", type: "string", title: "Übergeordnet (ID)", value: (g) => orNull(g.uebergeordnet) },
    {
      name: "vergleich",
      type: "boolean",
      title: "Vergleich",
      description: "true für ein Gebiet außerhalb des eigenen, das zum Vergleich gezeigt wird.",
      value: (g) => g.vergleich,
    },
  ],
};

/** A file of the export with its row type erased: its fields and its records as values. */
interface ExportTable {
  name: string;
  title: string;
  description: string;
  fields: Omit<Column<unknown>, "value">[];
  records(ctx: ExportContext): Value[][];
  present(ctx: ExportContext): boolean;
  primaryKey?: string;
  foreignKeys(ctx: ExportContext): ForeignKey[];
}

function table<R>({ columns, rows, present, foreignKeys, ...file }: ExportFile<R>): ExportTable {
  return {
    ...file,
    fields: columns.map(({ name, type, title, description }) => ({ name, type, title, description })),
    records: (ctx) => rows(ctx).map((r) => columns.map((c) => c.value(r))),
    present: present ?? (() => true),
    foreignKeys: foreignKeys ?? (() => []),
  };
}

/** Every file of the export, in the order of datapackage.json. */
export const EXPORT_FILES: readonly ExportTable[] = [
  table(MASSNAHMEN),
  table(SACHSTAENDE),
  table(INDIKATOREN),
  table(INDIKATORWERTE),
  table(GEBIETE),
];

export const DATAPACKAGE = "datapackage.json";

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180) and the Data Package

/** A value as CSV text: a number with a decimal point, a date as ISO, `true`/`false`, nothing for null. */
function csvValue(value: Value): string {
  if (value === null) return "";
  const t = typeof value === "string" ? value : String(value);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

const csvLine = (values: Value[]) => values.map(csvValue).join(",");

/** One CSV file: the header of field names, a row per record, every line ended by CRLF (RFC 4180). */
function csvOf(file: ExportTable, ctx: ExportContext): ExportedFile {
  const records = file.records(ctx);
  const lines = [csvLine(file.fields.map((c) => c.name)), ...records.map(csvLine)];
  return { name: `${file.name}.csv`, text: lines.map((l) => `${l}\r\n`).join(""), rows: records.length };
}

export interface ExportedFile {
  name: string;
  text: string;
  /** The records of a CSV file (without its header); none for datapackage.json. */
  rows?: number;
}

/** A name Data Package allows (lower case letters, digits, `-`, `.`, `_`): `massnahmenplan-landkreis-test`. */
function packageName(kommune: string): string {
  const slug = kommune
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug ? `massnahmenplan-${slug}` : "massnahmenplan";
}

function resourceOf(file: ExportTable, ctx: ExportContext) {
  const foreignKeys = file.foreignKeys(ctx);
  return {
    name: file.name,
    path: `${file.name}.csv`,
    profile: "tabular-data-resource",
    title: file.title,
    description: file.description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    dialect: { delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true, header: true },
    schema: {
      fields: file.fields.map((c) => ({
        name: c.name,
        type: c.type,
        ...(c.type === "date" ? { format: "default" } : {}),
        title: c.title,
        ...(c.description ? { description: c.description } : {}),
      })),
      missingValues: [""],
      ...(file.primaryKey ? { primaryKey: file.primaryKey } : {}),
      ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
    },
  };
}

/** The export: each file's name and text, datapackage.json last. The licence is the publisher's to add. */
export function exportConcept(concept: ReadConcept): ExportedFile[] {
  const { settings } = readSettings(concept);
  const reports = (concept.sachstaende?.rows ?? []).flatMap((r) => sachstandOf(r) ?? []);
  const ctx: ExportContext = {
    concept,
    reports,
    monitoring: new MonitoringData(concept),
    gebiete: readGebiete(concept.gebiete),
  };
  const written = EXPORT_FILES.filter((f) => f.present(ctx));
  const files = written.map((f) => csvOf(f, ctx));
  const title = [settings.konzepttitel || "Maßnahmenplan", settings.kommune].filter(Boolean).join(" – ");
  const pkg = {
    profile: "tabular-data-package",
    name: packageName(settings.kommune),
    title,
    description:
      "Maßnahmen, Sachstände, Indikatoren, Indikatorwerte und Gebiete des Konzepts als offene Daten, geschrieben vom Maßnahmenplaner. " +
      "Kontaktdaten von Personen sind nicht enthalten.",
    keywords: ["Handlungskonzept", "Maßnahmen", "Monitoring", "Indikatoren"],
    resources: written.map((f) => resourceOf(f, ctx)),
  };
  return [...files, { name: DATAPACKAGE, text: JSON.stringify(pkg, null, 2) + "\n" }];
}
