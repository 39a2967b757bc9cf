/**
 * One form per reference (docs/arbeitsmappe.md › Verweise): a reference cell holds the dropdown's
 * `ID – Name`, the only form that every writer, Excel's own dropdowns included, can agree on; a cell of
 * several IDs (Indikatoren, Bedarfe) holds the IDs joined by `; `. Every writer passes its values through
 * here (templates and import through planNewWorkbook, merge, the pane); every reader keeps accepting the
 * ID alone and the other separators. A value that names no known ID is left as it is written.
 */
import type { CellValue } from "../domain/dates";
import type { ConceptData, EntityKind } from "../domain/model";
import { rowKey } from "../domain/statusQuery";
import { idKey, referenceId, referenceIds, referenceLabel, textOf } from "../domain/values";
import { TABLES } from "./contract";
import type { RowWrite } from "./host";

/** A column whose cells name rows of another table. */
export interface ReferenceColumn {
  kind: EntityKind;
  field: string;
  target: EntityKind;
  nameField: string;
  multiple: boolean;
}

/** Every reference column of the contract (those with a dropdown of another table's `ID – Name`). */
export const REFERENCE_COLUMNS: readonly ReferenceColumn[] = TABLES.flatMap((spec) =>
  spec.columns.flatMap((c) =>
    c.list?.kind === "table"
      ? [{ kind: spec.kind, field: c.field, target: c.list.table, nameField: c.list.nameField, multiple: !!c.multiple }]
      : [],
  ),
);

/** The dropdown entry (`ID – Name`) of every row of the referenced tables, by kind and ID key. */
export type ReferenceNames = Partial<Record<EntityKind, Map<string, string>>>;

type RowsByKind = Partial<Record<EntityKind, readonly Record<string, CellValue>[] | undefined>>;

/** The entries as the hidden sheet Listen forms them (`TRIM(ID) – TRIM(Name)`); the first of a doubled ID wins. */
export function referenceNames(rows: RowsByKind): ReferenceNames {
  const names: ReferenceNames = {};
  for (const { target, nameField } of REFERENCE_COLUMNS) {
    if (names[target]) continue;
    const map = new Map<string, string>();
    for (const values of rows[target] ?? []) {
      const id = textOf(values["id"] ?? null);
      if (id && !map.has(idKey(id))) map.set(idKey(id), referenceLabel(id, textOf(values[nameField] ?? null)));
    }
    names[target] = map;
  }
  return names;
}

/** The rows of a concept as read, by kind (for `referenceNames`). */
export function rowsOfConcept(concept: Partial<ConceptData>): RowsByKind {
  const rows: RowsByKind = {};
  for (const spec of TABLES) {
    const table = concept[spec.kind] as { rows: { values: Record<string, CellValue> }[] } | null | undefined;
    if (table) rows[spec.kind] = table.rows.map((r) => r.values);
  }
  return rows;
}

/** The one form of a reference cell: `ID – Name` of a known ID, IDs joined by `; `; anything else unchanged. */
export function referenceForm(column: ReferenceColumn, value: CellValue, names: ReferenceNames): CellValue {
  if (textOf(value) === "") return value;
  if (column.multiple) {
    const ids = referenceIds(value);
    const known = names[column.target];
    return ids.map((id) => (known?.has(idKey(id)) ? labelId(known.get(idKey(id))!) : id)).join("; ");
  }
  return names[column.target]?.get(idKey(referenceId(value))) ?? value;
}

/** The ID of an `ID – Name` entry as it is spelled in its table. */
const labelId = (label: string) => referenceId(label);

/** The reference columns of one table. */
export function referenceColumnsOf(kind: EntityKind): ReferenceColumn[] {
  return REFERENCE_COLUMNS.filter((c) => c.kind === kind);
}

/** A row's values with every reference in the one form (other fields as they are). */
export function uniformRow(kind: EntityKind, values: Record<string, CellValue>, names: ReferenceNames) {
  const out = { ...values };
  for (const column of referenceColumnsOf(kind)) {
    if (column.field in out) out[column.field] = referenceForm(column, out[column.field] ?? null, names);
  }
  return out;
}

/** The contents of a new workbook with every reference in the one form (templates, import). */
export function uniformContents(contents: RowsByKind): RowsByKind {
  const names = referenceNames(contents);
  const out: RowsByKind = {};
  for (const [kind, rows] of Object.entries(contents) as [EntityKind, Record<string, CellValue>[]][]) {
    out[kind] = rows.map((values) => uniformRow(kind, values, names));
  }
  return out;
}

/** A function for the merge: a field's value of `kind` in the one form. */
export function referenceFormer(concept: Partial<ConceptData>, kind: EntityKind) {
  const names = referenceNames(rowsOfConcept(concept));
  const columns = new Map(referenceColumnsOf(kind).map((c) => [c.field, c]));
  return (field: string, value: CellValue): CellValue => {
    const column = columns.get(field);
    return column ? referenceForm(column, value, names) : value;
  };
}

/** The writes that make a workbook's references uniform, and how many cells they change. */
export interface UniformPlan {
  writes: RowWrite[];
  cells: number;
  /** Cells by table (for the preview). */
  byKind: Partial<Record<EntityKind, number>>;
}

/**
 * What `uniformPlan` rewrites: each row of a reference table by its ID, each row of Sachstände and
 * Indikatorwerte by its key (subject and date). Rows that cannot be addressed (no ID, a doubled ID or key)
 * are left alone; check names them.
 */
export function uniformPlan(concept: ConceptData): UniformPlan {
  const names = referenceNames(rowsOfConcept(concept));
  const plan: UniformPlan = { writes: [], cells: 0, byKind: {} };
  for (const spec of TABLES) {
    const columns = referenceColumnsOf(spec.kind);
    const table = concept[spec.kind] as ConceptData["massnahmen"] | null;
    if (columns.length === 0 || !table) continue;
    const address = rowAddress(spec.kind, table.rows);
    for (const row of table.rows) {
      const values = row.values as Record<string, CellValue>;
      const changed: Record<string, CellValue> = {};
      for (const column of columns) {
        const current = values[column.field] ?? null;
        const formed = referenceForm(column, current, names);
        if (textOf(formed) !== textOf(current)) changed[column.field] = formed;
      }
      const count = Object.keys(changed).length;
      const write = count > 0 ? address(values, changed) : null;
      if (!write) continue;
      plan.writes.push(write);
      plan.cells += count;
      plan.byKind[spec.kind] = (plan.byKind[spec.kind] ?? 0) + count;
    }
  }
  return plan;
}

const KEYS: Partial<Record<EntityKind, { subject: string; date: string }>> = {
  sachstaende: { subject: "massnahme", date: "berichtsstichtag" },
  indikatorwerte: { subject: "indikator", date: "stichtag" },
};

/** How a row is addressed by `writeRows`; null for a row that has no unique address. */
function rowAddress(kind: EntityKind, rows: { values: Record<string, CellValue> }[]) {
  const key = KEYS[kind];
  const addressOf = (v: Record<string, CellValue>) =>
    key ? rowKey(v, key.subject, key.date) : textOf(v["id"] ?? null) ? idKey(textOf(v["id"] ?? null)) : null;
  const counts = new Map<string, number>();
  for (const r of rows) {
    const a = addressOf(r.values);
    if (a) counts.set(a, (counts.get(a) ?? 0) + 1);
  }
  return (values: Record<string, CellValue>, changed: Record<string, CellValue>): RowWrite | null => {
    const a = addressOf(values);
    if (!a || counts.get(a) !== 1) return null;
    if (!key) return { kind, id: textOf(values["id"] ?? null), values: changed };
    // The key's date (and a value's Gebiet and Gruppe) go along, so that the row is found by its key.
    const date = values[key.date] ?? null;
    const dims = Object.fromEntries(["gebiet", "gruppe"].flatMap((f) => (f in values ? [[f, values[f] ?? null]] : [])));
    return {
      kind,
      id: a,
      key,
      values: { [key.subject]: values[key.subject] ?? null, [key.date]: date, ...dims, ...changed },
    };
  };
}
