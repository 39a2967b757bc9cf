/**
 * Which rows refer to a row of a list: a row is removed only when no reference would break, else the pane
 * says which rows refer to it. The references are the contract's (every column with a dropdown of another
 * table) plus the Beteiligte of a measure, which may name Akteure by ID.
 */
import type { CellValue } from "../../../domain/dates";
import type { ConceptData, EntityKind, RowRecord } from "../../../domain/model";
import { idKey, referenceId, referenceIds, textOf } from "../../../domain/values";
import { tableSpec } from "../../../workbook/contract";
import { REFERENCE_COLUMNS, type ReferenceColumn } from "../../../workbook/references";

const BETEILIGTE: ReferenceColumn = {
  kind: "massnahmen",
  field: "beteiligte",
  target: "akteure",
  nameField: "bezeichnung",
  multiple: true,
};

/** The rows of one table that refer to the ID: their IDs, or how many when the table has none. */
export interface Referrers {
  kind: EntityKind;
  sheet: string;
  ids: string[];
  count: number;
}

function names(column: ReferenceColumn, value: CellValue, id: string): boolean {
  const ids = column.multiple ? referenceIds(value) : [referenceId(value)];
  return ids.some((i) => idKey(i) === id);
}

/** Every table that refers to `id` of `target`, in workbook order. */
export function referrersOf(concept: ConceptData, target: EntityKind, id: string): Referrers[] {
  const key = idKey(id);
  const byKind = new Map<EntityKind, Referrers>();
  for (const column of [...REFERENCE_COLUMNS, BETEILIGTE].filter((c) => c.target === target)) {
    for (const row of (concept[column.kind]?.rows ?? []) as RowRecord[]) {
      if (!names(column, row.values[column.field] ?? null, key)) continue;
      const entry = byKind.get(column.kind) ?? {
        kind: column.kind,
        sheet: concept[column.kind]?.sheet ?? tableSpec(column.kind).sheet,
        ids: [],
        count: 0,
      };
      const rowId = textOf(row.values["id"] ?? null);
      if (!rowId || !entry.ids.includes(rowId)) entry.count++;
      if (rowId && !entry.ids.includes(rowId)) entry.ids.push(rowId);
      byKind.set(column.kind, entry);
    }
  }
  return [...byKind.values()];
}

/** `Maßnahmen M-001, M-004; 3 Zeilen in „Indikatorwerte“` */
export function referrersText(referrers: Referrers[]): string {
  return referrers
    .map((r) => (r.ids.length > 0 ? `${r.sheet} ${r.ids.join(", ")}` : `${r.count} Zeilen im Blatt „${r.sheet}“`))
    .join("; ");
}
