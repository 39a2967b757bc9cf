/**
 * What the list editor writes, through the host interface (Office.js in Excel, the package in the browser):
 * a row by its ID with its references in the one form, a row removed by its ID (then the hidden lists made
 * anew), the changed Einstellungen by their Schlüssel, and the rewrite that makes a workbook's references
 * uniform.
 */
import type { CellValue } from "../../../domain/dates";
import type { EntityKind } from "../../../domain/model";
import type { RowWrite, WorkbookHost } from "../../../workbook/host";
import type { ReadConcept } from "../../../workbook/read";
import { referenceNames, rowsOfConcept, uniformPlan, uniformRow } from "../../../workbook/references";
import { ensureTable, refreshLists } from "../../services/longTables";

/** Adds or updates one row of a list (a list the workbook lacks is created first). */
export async function saveRow(
  host: WorkbookHost,
  concept: ReadConcept,
  kind: EntityKind,
  id: string,
  values: Record<string, CellValue>,
): Promise<void> {
  await ensureTable(host, concept, kind);
  const names = referenceNames(rowsOfConcept(concept));
  await host.writeRows([{ kind, id, values: uniformRow(kind, values, names) }]);
}

/** Removes one row of a list; the hidden lists' formulas are written anew (they read rows by position). */
export async function removeRow(host: WorkbookHost, kind: EntityKind, id: string): Promise<void> {
  await host.deleteRows(kind, [id]);
  await refreshLists(host);
}

/** Writes the changed Einstellungen (a workbook without the sheet gets it first). */
export async function saveSettings(host: WorkbookHost, concept: ReadConcept, writes: RowWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await ensureTable(host, concept, "einstellungen");
  await host.writeRows(writes);
}

/** Rewrites every reference that is not in the one form; returns how many cells changed. */
export async function makeUniform(host: WorkbookHost, concept: ReadConcept): Promise<number> {
  const plan = uniformPlan(concept);
  await host.writeRows(plan.writes);
  return plan.cells;
}
