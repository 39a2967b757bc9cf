/**
 * A table the workbook lacks (Sachstände and Indikatorwerte in a workbook made before these sheets existed,
 * a list or the Einstellungen in a workbook someone built by hand): the sheet is created from the contract
 * (empty table, dropdowns, input messages) and the hidden lists are regenerated, so that the new sheet's
 * dropdowns have their `ID – Name` entries and the other sheets' dropdowns see the new table.
 */
import type { EntityKind } from "../../domain/model";
import { tableSpec } from "../../workbook/contract";
import type { WorkbookHost } from "../../workbook/host";
import { contractLayouts, layoutsOf, planTableSheet } from "../../workbook/plan";
import { LISTEN_SHEET } from "../../workbook/sheets/listen";
import { type ReadConcept, readConcept } from "../../workbook/read";

export async function ensureTable(host: WorkbookHost, concept: ReadConcept, kind: EntityKind): Promise<void> {
  if (concept.found[kind]) return;
  const content = { spec: tableSpec(kind), rows: [] };
  const layouts = { ...layoutsOf(concept.found), ...contractLayouts([content]) };
  const skipped = await host.createSheetsIfMissing([planTableSheet(content, layouts)]);
  if (skipped.length === 0) await host.applySheetPlan(LISTEN_SHEET.plan(layouts));
}

export async function ensureLongTable(
  host: WorkbookHost,
  concept: ReadConcept,
  kind: "sachstaende" | "indikatorwerte",
): Promise<void> {
  await ensureTable(host, concept, kind);
}

/**
 * The hidden sheet Listen made anew from the tables as they are now: after rows were deleted, Excel's own
 * formulas on it would point at shifted rows (or at #BEZUG!).
 */
export async function refreshLists(host: WorkbookHost): Promise<void> {
  const concept = readConcept(await host.snapshot());
  await host.applySheetPlan(LISTEN_SHEET.plan(layoutsOf(concept.found)));
}
