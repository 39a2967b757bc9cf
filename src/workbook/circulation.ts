/**
 * Circulating the workbook, for any host — the part both directions share and the merge: the rows of a table
 * as merge rows, the very hidden base values of a distributed workbook, the merge memory, the report sheets
 * `Konflikte` and `Zusammenführung`, and the status query's long tables. The files themselves: split.ts;
 * who gets which rows: distribution.ts.
 */
import type { CellValue } from "../domain/dates";
import { readSettings } from "../domain/settings";
import { type AppendOutcome, type LongTable, appendReports } from "../domain/statusQuery";
import {
  ACTION_LABEL,
  type FieldKind,
  type MemoryEntry,
  type MergeField,
  type MergeOutcome,
  type MergeRow,
  type ReturnBase,
  type RowValues,
  deserializeValues,
  serializeValues,
} from "../domain/merge";
import { type RecipientRef, recipientMatcher } from "../domain/recipients";
import { idKey, normalizeLabel, textOf } from "../domain/values";
import { type ColumnSpec, MASSNAHMEN, type TableSpec, tableSpec } from "./contract";
import { akteurRefs, indicatorsOf } from "./distribution";
import { type CellPlan, FILL, type PlanValue, type SheetPlan } from "./plan";
import { type PageInfo, withPageInfo, withPrintLayout } from "./print";
import { type FoundTable, type ReadConcept, type WorkbookSource, readTable } from "./read";
import { referenceNames, rowsOfConcept, uniformRow } from "./references";

/** The very hidden sheet of a distributed workbook with what was sent. */
export const BASE_SHEET = "Verteilung";
/** The very hidden sheet of an Erfassungsbogen (`split --angebote`) with the Angebote that were sent. */
export const ANGEBOTE_BASE_SHEET = "Verteilung Angebote";
/** The merge memory keeps the Angebote of a distribution apart from its measures by this token suffix. */
export const ANGEBOTE_TOKEN_SUFFIX = "#Angebote";
/** The very hidden sheet of the master with what it has taken from each return. */
export const MEMORY_SHEET = "Rücklaufprotokoll";
export const CONFLICT_SHEET = { sheet: "Konflikte", table: "tblKonflikte" } as const;
export const MERGE_LOG_SHEET = { sheet: "Zusammenführung", table: "tblZusammenfuehrung" } as const;

export const EXTRA_PREFIX = "extra:";

export function extraKey(header: string): string {
  return EXTRA_PREFIX + normalizeLabel(header);
}

function kindOf(column: ColumnSpec): FieldKind {
  if (column.list?.kind === "values") return "list";
  if (column.list?.kind === "table") return column.listOpen ? "references" : "reference";
  if (column.format === "date") return "date";
  if (column.format === "number" || column.format === "fte" || column.format === "currency" || column.format === "year")
    return "number";
  return "text";
}

/** The columns of a found Maßnahmen table as merge fields: the contract's, then the user's. */
export function mergeFields(table: FoundTable): MergeField[] {
  const spec = tableSpec(table.kind);
  const fields: MergeField[] = spec.columns
    .filter((c) => (table.columnIndex as Record<string, number | undefined>)[c.field] !== undefined)
    .map((c) => ({ key: c.field, label: c.header, kind: kindOf(c) }));
  const seen = new Set<string>();
  for (const e of table.extraColumns) {
    const key = extraKey(e.header);
    if (seen.has(key)) continue;
    seen.add(key);
    fields.push({ key, label: e.header, kind: "general" });
  }
  return fields;
}

/** Every row of a found table with its ID and the values of all columns, the user's included. */
export function tableRows(table: FoundTable, source: WorkbookSource): (MergeRow & { row: number })[] {
  const grid = source.sheet(table.sheet);
  const seen = new Set<string>();
  const extras = table.extraColumns.filter((e) => {
    const key = extraKey(e.header);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return table.rows.map((r) => {
    const values: Record<string, CellValue> = { ...(r.values as Record<string, CellValue>) };
    for (const e of extras) {
      const v = grid?.value(r.row, e.column) ?? null;
      if (v !== null && v !== "") values[extraKey(e.header)] = v;
    }
    return { id: textOf(values["id"] ?? null), values, row: r.row };
  });
}

/** What a distributed workbook's base sheet says about it: the distribution, its recipient, its source. */
export interface SplitMeta extends RecipientRef {
  token: string;
  masterFile: string;
  /** ISO date of the distribution. */
  date: string;
}

/** The base sheet's rows 2–6 (row 6 was empty before Akteure without Fachbereich got files of their own). */
const BASE_META = {
  token: "Kennung",
  fachbereich: "Fachbereich",
  masterFile: "Master-Datei",
  date: "Verteilt am",
  akteur: "Akteur",
} as const satisfies Record<keyof SplitMeta, string>;
const BASE_HEADER_ROW = 7;

/** A sheet only the program reads: very hidden (not even listed under "Einblenden") and protected. */
function planMachineSheet(name: string, cells: CellPlan[]): SheetPlan {
  return {
    name,
    state: "veryHidden",
    widths: [],
    formats: [],
    wrapColumns: [],
    frozen: { rows: 0, columns: 0 },
    cells,
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}

/** The base values of a distributed workbook: very hidden, never shown to the Fachbereich. */
export function planBaseSheet(
  meta: SplitMeta,
  spec: TableSpec,
  extras: { key: string; header: string }[],
  rows: MergeRow[],
  name: string = BASE_SHEET,
): SheetPlan {
  const cells: CellPlan[] = [
    { row: 1, column: 1, value: "Basiswerte der Verteilung für das Zusammenführen – bitte nicht ändern.", bold: true },
    ...(Object.keys(BASE_META) as (keyof typeof BASE_META)[]).flatMap((k, i) => [
      { row: 2 + i, column: 1, value: BASE_META[k] },
      ...(meta[k] ? [{ row: 2 + i, column: 2, value: meta[k] }] : []),
    ]),
  ];
  const columns = [...spec.columns.map((c) => ({ key: c.field, header: c.header })), ...extras];
  columns.forEach((c, j) => cells.push({ row: BASE_HEADER_ROW, column: j + 1, value: c.header, bold: true }));
  rows.forEach((r, i) =>
    columns.forEach((c, j) => {
      const v = r.values[c.key];
      if (v !== null && v !== undefined && v !== "")
        cells.push({ row: BASE_HEADER_ROW + 1 + i, column: j + 1, value: v });
    }),
  );
  return planMachineSheet(name, cells);
}

/**
 * Reads the base values of a return (its measures, or with `angebote` its Angebote); null when it has none
 * (or they are unreadable).
 */
export function readBase(source: WorkbookSource, angebote = false): ReturnBase | null {
  const sheetName = angebote ? ANGEBOTE_BASE_SHEET : BASE_SHEET;
  const name = source.sheetNames().find((n) => normalizeLabel(n) === normalizeLabel(sheetName));
  const grid = name ? source.sheet(name) : undefined;
  if (!grid) return null;
  const meta: Record<string, string> = {};
  for (let r = 1; r < BASE_HEADER_ROW; r++) meta[normalizeLabel(textOf(grid.value(r, 1)))] = textOf(grid.value(r, 2));
  const token = meta[normalizeLabel(BASE_META.token)];
  if (!token) return null;
  const contract: TableSpec = angebote ? tableSpec("angebote") : MASSNAHMEN;
  const spec: TableSpec = { ...contract, sheet: grid.name, sheetSynonyms: [], table: "\u0000" };
  const table = readTable(spec, source);
  if (!table || table.columnIndex["id" as never] === undefined) return null;
  return {
    token: angebote ? token + ANGEBOTE_TOKEN_SUFFIX : token,
    fachbereich: meta[normalizeLabel(BASE_META.fachbereich)] ?? "",
    ...(meta[normalizeLabel(BASE_META.akteur)] ? { akteur: meta[normalizeLabel(BASE_META.akteur)] } : {}),
    masterFile: meta[normalizeLabel(BASE_META.masterFile)] ?? "",
    fields: mergeFields(table).map((f) => f.key),
    rows: tableRows(table, source).map(({ id, values }) => ({ id, values })),
  };
}

// ---------------------------------------------------------------------------------------------
// Merge memory and reports

const MEMORY_HEADERS = ["Kennung", "Rücklauf-Schlüssel", "ID im Master", "Übernommene Werte"] as const;

export function planMemorySheet(memory: MemoryEntry[]): SheetPlan {
  const cells: CellPlan[] = [
    {
      row: 1,
      column: 1,
      value: "Was aus welchem Rücklauf übernommen wurde – für das Zusammenführen, bitte nicht ändern.",
      bold: true,
    },
    ...MEMORY_HEADERS.map((h, j) => ({ row: 2, column: j + 1, value: h, bold: true })),
  ];
  memory.forEach((m, i) => {
    const values = serializeValues(m.values);
    // A cell holds at most 32,767 characters; a longer entry is left out (the merge then matches by content).
    if (values.length > 32_000) return;
    [m.token, m.returnKey, m.masterId, values].forEach((value, j) => cells.push({ row: 3 + i, column: j + 1, value }));
  });
  return planMachineSheet(MEMORY_SHEET, cells);
}

export function readMemory(source: WorkbookSource): MemoryEntry[] {
  const name = source.sheetNames().find((n) => normalizeLabel(n) === normalizeLabel(MEMORY_SHEET));
  const grid = name ? source.sheet(name) : undefined;
  if (!grid) return [];
  const out: MemoryEntry[] = [];
  for (let r = 3; r <= grid.rowCount; r++) {
    const token = textOf(grid.value(r, 1));
    const returnKey = String(grid.value(r, 2) ?? "");
    const masterId = textOf(grid.value(r, 3));
    const values = deserializeValues(String(grid.value(r, 4) ?? ""));
    if (token && returnKey && masterId && values) out.push({ token, returnKey, masterId, values });
  }
  return out;
}

/** Text that a formula would otherwise compute stays text; plan values here are never formulas. */
const text = (s: string): PlanValue => s;

export function planConflictSheet(outcome: MergeOutcome, page?: PageInfo): SheetPlan {
  const rows = outcome.actions
    .filter((a) => a.notApplied)
    .map((a) => [a.masterId || a.id, a.field, a.masterValue, a.returnValue, a.file, a.note].map(text));
  const sheet = reportSheet(
    CONFLICT_SHEET,
    ["ID", "Feld", "Wert in der Gesamtdatei", "Wert im Rücklauf", "Datei", "Hinweis"],
    [10, 18, 36, 36, 28, 60],
    rows,
    "Keine Konflikte.",
    "FFC50F1F",
  );
  return page ? withPageInfo(sheet, page) : sheet;
}

export function planMergeLogSheet(outcome: MergeOutcome, page?: PageInfo): SheetPlan {
  const rows = outcome.actions.map((a) =>
    [a.file, a.id, a.masterId, ACTION_LABEL[a.kind], a.field, a.masterValue, a.returnValue, a.note].map(text),
  );
  const sheet = reportSheet(
    MERGE_LOG_SHEET,
    [
      "Datei",
      "ID im Rücklauf",
      "ID in der Gesamtdatei",
      "Aktion",
      "Feld",
      "Wert in der Gesamtdatei vorher",
      "Wert im Rücklauf",
      "Hinweis",
    ],
    [28, 12, 12, 34, 18, 30, 30, 60],
    rows,
    "Keine Änderungen.",
    "FF0F6CBD",
  );
  return page ? withPageInfo(sheet, page) : sheet;
}

function reportSheet(
  names: { sheet: string; table: string },
  headers: string[],
  widths: number[],
  rows: PlanValue[][],
  empty: string,
  tabColor: string,
): SheetPlan {
  const sheet: SheetPlan = {
    name: names.sheet,
    state: "visible",
    tabColor,
    widths: widths.map((width, i) => ({ column: i + 1, width })),
    formats: headers.map((_, i) => ({ column: i + 1, numFmt: "@" })),
    wrapColumns: [headers.length],
    frozen: { rows: 1, columns: 0 },
    table: {
      name: names.table,
      row: 1,
      column: 1,
      headers,
      rows: rows.length > 0 ? rows : [headers.map((_, i) => (i === headers.length - 1 ? empty : ""))],
      style: "TableStyleLight9",
    },
    cells: [],
    validations: [],
    conditionalFormats:
      names.sheet === CONFLICT_SHEET.sheet
        ? []
        : [
            {
              range: `D2:D${1 + Math.max(rows.length, 1)}`,
              formula: `ISNUMBER(SEARCH("nicht übernommen",D2))`,
              fill: FILL.warning,
            },
          ],
  };
  return withPrintLayout(sheet, { headerRow: 1, keyColumns: 2 });
}

// ---------------------------------------------------------------------------------------------
// Status query round: the long tables of the returns

function longFields(kind: "sachstaende" | "indikatorwerte"): MergeField[] {
  return tableSpec(kind).columns.map((c) => ({ key: c.field, label: c.header, kind: kindOf(c) }));
}

export const LONG_TABLES = {
  sachstaende: {
    label: "Sachstand",
    subjectField: "massnahme",
    dateField: "berichtsstichtag",
    reportedField: "sachstand",
    fields: longFields("sachstaende"),
  },
  indikatorwerte: {
    label: "Indikatorwert",
    subjectField: "indikator",
    dateField: "stichtag",
    reportedField: "wert",
    fields: longFields("indikatorwerte"),
  },
} as const satisfies Record<string, LongTable>;

export type LongKind = keyof typeof LONG_TABLES;

/** The Sachstände and Indikatorwerte rows of a return (values by field). */
export interface ReturnReports {
  file: string;
  base: ReturnBase | null;
  rows: Record<LongKind, RowValues[]>;
}

export function returnReports(file: string, concept: ReadConcept, base: ReturnBase | null): ReturnReports {
  const rowsOf = (kind: LongKind) => (concept[kind]?.rows ?? []).map((r) => ({ ...r.values }) as RowValues);
  return { file, base, rows: { sachstaende: rowsOf("sachstaende"), indikatorwerte: rowsOf("indikatorwerte") } };
}

/** What the master's Sachstände and Indikatorwerte take from the returns (see domain/statusQuery.ts). */
export function mergeReports(master: ReadConcept, returns: ReturnReports[]): Record<LongKind, AppendOutcome> {
  const akteure = akteurRefs(master);
  const leadOf = new Map(
    (master.massnahmen.rows ?? []).map((r) => [idKey(textOf(r.values.id ?? null)), r.values.federfuehrung ?? null]),
  );
  // A return reports for the measures and indicators of its own recipient only.
  const owners = (kind: LongKind, ret: ReturnReports) => {
    const base = ret.base;
    if (!base) return () => true;
    if (kind === "sachstaende") {
      const owns = recipientMatcher(akteure, base);
      return (id: string) => leadOf.has(idKey(id)) && owns(leadOf.get(idKey(id)) ?? null);
    }
    const own = new Set(indicatorsOf(master, base).map((i) => idKey(i.id)));
    return (id: string) => own.has(idKey(id));
  };
  // What is appended names its measure or indicator in the one form (`ID – Name`, see references.ts).
  const names = referenceNames(rowsOfConcept(master));
  // The own area's values count as one area with and without its key (Einstellungen `Gebiet`).
  const own = readSettings(master).settings.gebiet;
  const merge = (kind: LongKind) => {
    const outcome = appendReports(
      { ...LONG_TABLES[kind], own },
      (master[kind]?.rows ?? []).map((r) => r.values as RowValues),
      returns.map((ret) => ({ file: ret.file, rows: ret.rows[kind], owns: owners(kind, ret) })),
    );
    return { ...outcome, additions: outcome.additions.map((values) => uniformRow(kind, values, names)) };
  };
  return { sachstaende: merge("sachstaende"), indikatorwerte: merge("indikatorwerte") };
}
