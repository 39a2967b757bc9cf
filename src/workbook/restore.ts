/**
 * Dropdowns and input messages of the contract for a workbook as it was found. Excel stores list
 * validations that point at another sheet in an extension that exceljs does not keep, so every operation
 * that rewrites a workbook in place puts back what is missing (never replacing a user's own rule).
 */
import type { EntityKind } from "../domain/model";
import { TABLES } from "./contract";
import { type Layouts, SPARE_ROWS, type SheetPlan, type ValidationPlan, planListSheet, validationFor } from "./plan";
import { type FoundTable, columnLetter } from "./read";

export function layoutsOf(found: Partial<Record<EntityKind, FoundTable>>): Layouts {
  const layouts: Layouts = {};
  for (const [kind, table] of Object.entries(found) as [EntityKind, FoundTable][]) {
    layouts[kind] = {
      sheet: table.sheet,
      headerRow: table.headerRow,
      columnIndex: table.columnIndex,
      lastRow: Math.max(table.area.bottom, table.rows.at(-1)?.row ?? table.headerRow),
    };
  }
  return layouts;
}

export interface ContractValidations {
  /** The hidden sheet `Listen`, regenerated for the tables where they are now. */
  lists: SheetPlan;
  validations: { sheet: string; validation: ValidationPlan }[];
}

export function planContractValidations(found: Partial<Record<EntityKind, FoundTable>>): ContractValidations {
  const layouts = layoutsOf(found);
  const validations: ContractValidations["validations"] = [];
  for (const spec of TABLES) {
    const table = found[spec.kind];
    const layout = layouts[spec.kind];
    if (!table || !layout) continue;
    const last = layout.lastRow + SPARE_ROWS;
    for (const column of spec.columns) {
      const index = table.columnIndex[column.field];
      if (!index) continue;
      const letter = columnLetter(index);
      const dv = validationFor(column, `${letter}${table.headerRow + 1}:${letter}${last}`, layouts);
      if (dv) validations.push({ sheet: table.sheet, validation: dv });
    }
  }
  return { lists: planListSheet(layouts), validations };
}
