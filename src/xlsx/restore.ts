/**
 * Before a workbook is written back in place: put back the contract's dropdowns where a table lost them.
 * Excel keeps list validations that point at another sheet in an x14 extension that exceljs drops on
 * reading, so without this every in-place write of a file saved by Excel would remove them.
 */
import type ExcelJS from "exceljs";
import { type ReadConcept, UnreadableWorkbookError, readConcept } from "../workbook/read";
import { planContractValidations } from "../workbook/restore";
import { addMissingValidation, applySheetPlan } from "./apply";
import { ExcelJsSource } from "./source";

/** Adds the missing rules (never replacing a user's own) and regenerates `Listen`; returns how many were added. */
export async function restoreContractValidations(workbook: ExcelJS.Workbook, concept?: ReadConcept): Promise<number> {
  let read = concept;
  if (!read) {
    try {
      read = readConcept(new ExcelJsSource(workbook));
    } catch (error) {
      if (error instanceof UnreadableWorkbookError) return 0; // not a concept: nothing of ours to restore
      throw error;
    }
  }
  const { lists, validations } = planContractValidations(read.found);
  await applySheetPlan(workbook, lists);
  let added = 0;
  for (const { sheet, validation } of validations) {
    const ws = workbook.getWorksheet(sheet);
    if (ws && addMissingValidation(ws, validation)) added++;
  }
  return added;
}
