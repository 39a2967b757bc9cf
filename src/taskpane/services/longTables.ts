/**
 * Sachstände and Indikatorwerte in a workbook made before these sheets existed: the sheet is created from
 * the contract (empty table, dropdowns, input messages) and the hidden lists are regenerated, so that the
 * new sheet's Maßnahme and Indikator dropdowns have their `ID – Name` entries.
 */
import { tableSpec } from "../../workbook/contract";
import type { WorkbookHost } from "../../workbook/host";
import { contractLayouts, planListSheet, planTableSheet } from "../../workbook/plan";
import type { ReadConcept } from "../../workbook/read";
import { layoutsOf } from "../../workbook/plan";

export async function ensureLongTable(
  host: WorkbookHost,
  concept: ReadConcept,
  kind: "sachstaende" | "indikatorwerte",
): Promise<void> {
  if (concept.found[kind]) return;
  const content = { spec: tableSpec(kind), rows: [] };
  const layouts = { ...layoutsOf(concept.found), ...contractLayouts([content]) };
  const skipped = await host.createSheetsIfMissing([planTableSheet(content, layouts)]);
  if (skipped.length === 0) await host.applySheetPlan(planListSheet(layouts));
}
