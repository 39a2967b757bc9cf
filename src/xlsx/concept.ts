/** Workbook-level operations on an exceljs workbook, shared by the command line and the browser mode. */
import ExcelJS from "exceljs";
import type { IsoDate } from "../domain/dates";
import { type CheckResult, checkConcept } from "../domain/rules";
import { type TemplateName, templateContent } from "../domain/templates";
import { planNewWorkbook } from "../workbook/plan";
import { type ReadConcept, readConcept } from "../workbook/read";
import { planReportSheet } from "../workbook/report";
import { applySheetPlan, applyWorkbookPlan } from "./apply";
import { ExcelJsSource } from "./source";

export async function createTemplateWorkbook(template: TemplateName, today: IsoDate): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Maßnahmenplaner";
  workbook.created = new Date();
  await applyWorkbookPlan(workbook, planNewWorkbook(templateContent(template, today)));
  return workbook;
}

export function readWorkbookConcept(workbook: ExcelJS.Workbook): ReadConcept {
  return readConcept(new ExcelJsSource(workbook));
}

export function checkWorkbook(
  workbook: ExcelJS.Workbook,
  options: { referenceDate?: IsoDate; today: IsoDate },
): { concept: ReadConcept; result: CheckResult } {
  const concept = readWorkbookConcept(workbook);
  return { concept, result: checkConcept(concept, options) };
}

/** Adds (or replaces) the sheet `Prüfbericht` with the findings. */
export async function addReportSheet(workbook: ExcelJS.Workbook, result: CheckResult, file: string): Promise<void> {
  await applySheetPlan(workbook, planReportSheet(result, file));
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}
