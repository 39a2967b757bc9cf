/** Small concepts for the merge tests: fields, Akteure and rows as plain objects. */
import type { CellValue } from "../../src/domain/dates";
import type { AkteurRef } from "../../src/domain/recipients";
import {
  type MemoryEntry,
  type MergeField,
  type MergeOptions,
  type MergeRow,
  type ReturnInput,
  comparable,
} from "../../src/domain/merge";

export const FIELDS: MergeField[] = [
  { key: "id", label: "ID", kind: "text" },
  { key: "titel", label: "Titel", kind: "text" },
  { key: "federfuehrung", label: "Federführung", kind: "reference" },
  { key: "frist", label: "Frist", kind: "date" },
  { key: "sachkosten", label: "Sachkosten (EUR)", kind: "number" },
  { key: "status", label: "Status", kind: "list" },
  { key: "extra:notiz", label: "Notiz", kind: "general" },
];

export const AKTEURE: AkteurRef[] = [
  { id: "A-01", bezeichnung: "Jugendamt", fachbereich: "FB 4" },
  { id: "A-02", bezeichnung: "Sozialamt", fachbereich: "FB 5" },
  { id: "A-03", bezeichnung: "Jobcenter", fachbereich: "" },
];

export function row(id: string, values: Record<string, CellValue> = {}): MergeRow {
  return {
    id,
    values: { id, titel: `Titel ${id}`, federfuehrung: "A-01", frist: "31.12.2027", sachkosten: 1000, status: "geplant", ...values },
  };
}

export function options(memory: MemoryEntry[] = []): MergeOptions {
  return { idField: "id", idPrefix: "M", idDigits: 3, ownerField: "federfuehrung", akteure: AKTEURE, memory };
}

export function ret(rows: MergeRow[], base: MergeRow[] | null, extra: Partial<ReturnInput> = {}, fachbereich = "FB 4", token = "T1"): ReturnInput {
  return {
    file: "fb4.xlsx",
    fields: FIELDS,
    rows,
    base: base && { token, fachbereich, masterFile: "konzept.xlsx", fields: FIELDS.map((f) => f.key), rows: base },
    ...extra,
  };
}

export function clone(rows: MergeRow[]): MergeRow[] {
  return rows.map((r) => ({ id: r.id, values: { ...r.values } }));
}

/** A row's values in comparable form, for equality checks. */
export function normalized(r: MergeRow, fields: MergeField[] = FIELDS): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, comparable(f.kind, r.values[f.key] ?? null)]));
}
