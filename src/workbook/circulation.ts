/**
 * Circulating the workbook, for any host — the part both directions share and the merge: the rows of a table
 * as merge rows and the status query's long tables. The sheets of a circulation (Verteilung, Rücklaufprotokoll,
 * Konflikte, Zusammenführung, Hinweise) are entries of the registry (sheets/); the files themselves:
 * split.ts; who gets which rows: distribution.ts.
 */
import type { CellValue } from "../domain/dates";
import { readSettings } from "../domain/settings";
import { type AppendOutcome, type LongTable, appendReports } from "../domain/statusQuery";
import { type FieldKind, type MergeField, type MergeRow, type ReturnBase, type RowValues } from "../domain/merge";
import { recipientMatcher } from "../domain/recipients";
import { idKey, normalizeLabel, textOf } from "../domain/values";
import { type ColumnSpec, tableSpec } from "./contract";
import { akteurRefs, indicatorsOf } from "./distribution";
import type { FoundTable, ReadConcept, WorkbookSource } from "./read";
import { referenceNames, rowsOfConcept, uniformRow } from "./references";

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
