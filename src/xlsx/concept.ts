/** Workbook-level operations on an exceljs workbook, shared by the command line and the browser mode. */
import ExcelJS from "exceljs";
import { type IsoDate, localIsoDate } from "../domain/dates";
import { type CheckResult, checkConcept } from "../domain/rules";
import { planRound, roundSheetName } from "../domain/matrix";
import { readSettings } from "../domain/settings";
import { DEFAULT_KRITERIEN, type TemplateName, templateContent } from "../domain/templates";
import { tableSpec } from "../workbook/contract";
import { planRoundSheet, readExistingRound } from "../workbook/matrix-sheet";
import { contractLayouts, planNewWorkbook, planTableSheet } from "../workbook/plan";
import { type ReadConcept, readConcept } from "../workbook/read";
import { planReportSheet } from "../workbook/report";
import { applySheetPlan, applyWorkbookPlan } from "./apply";
import { restoreContractValidations } from "./restore";
import { ExcelJsSource } from "./source";

export async function createTemplateWorkbook(template: TemplateName, today: IsoDate): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Maßnahmenplaner";
  workbook.created = new Date();
  await applyWorkbookPlan(workbook, planNewWorkbook(templateContent(template, today), today));
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
  const concept = readConcept(source);
  const { settings } = readSettings(concept);
  const plan = planRound(concept, settings, round, readExistingRound(source, round));
  let addedCriteriaSheet = false;
  if (!concept.kriterien && plan.defaultCriteria) {
    // Show the team which criteria and weights the matrix uses, where they can change them.
    const spec = tableSpec("kriterien");
    const content = { spec, rows: DEFAULT_KRITERIEN.map((k) => ({ ...k })) };
    await applySheetPlan(workbook, planTableSheet(content, contractLayouts([content])));
    addedCriteriaSheet = true;
  }
  await applySheetPlan(
    workbook,
    planRoundSheet(plan, {
      kommune: settings.kommune,
      konzepttitel: settings.konzepttitel,
      stand: localIsoDate(new Date()),
    }),
  );
  // The tables it restores are where they were read: the round sheet does not move them.
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
