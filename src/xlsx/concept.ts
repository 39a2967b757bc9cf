/** Workbook-level operations on an exceljs workbook, shared by the command line and the browser mode. */
import ExcelJS from "exceljs";
import type { IsoDate } from "../domain/dates";
import { type CheckResult, checkConcept } from "../domain/rules";
import { roundSheetName } from "../domain/matrix";
import { type TemplateName, templateContent } from "../domain/templates";
import { planRoundSheets } from "../workbook/matrix-sheet";
import { planNewWorkbook } from "../workbook/plan";
import { type ReadConcept, readConcept } from "../workbook/read";
import { planReportSheet } from "../workbook/report";
import { applySheetPlan, applyWorkbookPlan } from "./apply";
import { restoreContractValidations } from "./restore";
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

export interface MatrixOutcome {
  sheet: string;
  rows: number;
  criteria: string[];
  defaultCriteria: boolean;
  addedCriteriaSheet: boolean;
  stats: { added: number; kept: number; retired: number };
  retiredColumns: string[];
}

/** Creates or regenerates `Bewertung <round>`, keeping every input of an existing round. */
export async function buildMatrix(workbook: ExcelJS.Workbook, round: number): Promise<MatrixOutcome> {
  const source = new ExcelJsSource(workbook);
  const { concept, plan, criteriaSheet, roundSheet } = planRoundSheets(source, round);
  if (criteriaSheet) await applySheetPlan(workbook, criteriaSheet);
  await applySheetPlan(workbook, roundSheet);
  const addedCriteriaSheet = criteriaSheet !== null;
  await restoreContractValidations(workbook, concept);
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return {
    sheet: roundSheetName(round),
    rows: plan.rows.length,
    criteria: plan.criteria.map((c) => c.name),
    defaultCriteria: plan.defaultCriteria,
    addedCriteriaSheet,
    stats: plan.stats,
    retiredColumns: plan.retiredColumns,
  };
}
