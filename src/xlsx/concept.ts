/** Workbook-level operations on an .xlsx document, shared by the command line and the browser mode. */
import type { IsoDate } from "../domain/dates";
import { type CheckResult, checkConcept } from "../domain/rules";
import { planRound, roundSheetName } from "../domain/matrix";
import { readSettings } from "../domain/settings";
import { DEFAULT_KRITERIEN, type TemplateName, templateContent } from "../domain/templates";
import { tableSpec } from "../workbook/contract";
import { planRoundSheet, readExistingRound } from "../workbook/matrix-sheet";
import { contractLayouts, planNewWorkbook, planTableSheet } from "../workbook/plan";
import { type ReadConcept, readConcept } from "../workbook/read";
import { planReportSheet } from "../workbook/report";
import { XlsxDocument } from "./document";

export function createTemplateWorkbook(
  template: TemplateName,
  today: IsoDate,
  name = "Maßnahmenplan.xlsx",
): XlsxDocument {
  const doc = XlsxDocument.create(name);
  doc.applyWorkbookPlan(planNewWorkbook(templateContent(template, today)));
  return doc;
}

export async function readWorkbookConcept(doc: XlsxDocument): Promise<ReadConcept> {
  return readConcept(await doc.source());
}

export async function checkWorkbook(
  doc: XlsxDocument,
  options: { referenceDate?: IsoDate; today: IsoDate },
): Promise<{ concept: ReadConcept; result: CheckResult }> {
  const concept = await readWorkbookConcept(doc);
  return { concept, result: checkConcept(concept, options) };
}

/** Adds (or replaces) the sheet `Prüfbericht` with the findings. */
export function addReportSheet(doc: XlsxDocument, result: CheckResult, file: string): void {
  doc.applySheetPlan(planReportSheet(result, file));
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
export async function buildMatrix(doc: XlsxDocument, round: number): Promise<MatrixOutcome> {
  const source = await doc.source();
  const concept = readConcept(source);
  const { settings } = readSettings(concept);
  const plan = planRound(concept, settings, round, readExistingRound(source, round));
  let addedCriteriaSheet = false;
  if (!concept.kriterien && plan.defaultCriteria) {
    // Show the team which criteria and weights the matrix uses, where they can change them.
    const spec = tableSpec("kriterien");
    const content = { spec, rows: DEFAULT_KRITERIEN.map((k) => ({ ...k })) };
    doc.applySheetPlan(planTableSheet(content, contractLayouts([content])));
    addedCriteriaSheet = true;
  }
  doc.applySheetPlan(planRoundSheet(plan));
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
