/** Workbook-level operations on an .xlsx document, shared by the command line and the browser mode. */
import type { IsoDate } from "../domain/dates";
import type { ConceptData } from "../domain/model";
import { type CheckResult, checkConcept } from "../domain/rules";
import { type TemplateName, templateContent } from "../domain/templates";
import { BEWERTUNG, planRoundSheets } from "../workbook/sheets/bewertung";
import { planNewWorkbook } from "../workbook/plan";
import { type ReadConcept, readConcept } from "../workbook/read";
import { planReportSheet } from "../workbook/sheets/pruefbericht";
import { type OverviewOutcome, planOverview } from "../workbook/sheets/uebersicht";
import type { MonitoringReader } from "../workbook/report-model";
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

/** Adds (or replaces) the sheet `Prüfbericht` with the findings; `concept` names each measure by its Titel. */
export function addReportSheet(doc: XlsxDocument, result: CheckResult, file: string, concept?: ConceptData): void {
  doc.applySheetPlan(planReportSheet(result, file, concept?.massnahmen));
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
  const { plan, criteriaSheet, roundSheet } = planRoundSheets(await doc.source(), round);
  if (criteriaSheet) doc.applySheetPlan(criteriaSheet);
  doc.applySheetPlan(roundSheet);
  const addedCriteriaSheet = criteriaSheet !== null;
  return {
    sheet: BEWERTUNG.sheet(round),
    rows: plan.rows.length,
    criteria: plan.criteria.map((c) => c.name),
    defaultCriteria: plan.defaultCriteria,
    addedCriteriaSheet,
    stats: plan.stats,
    retiredColumns: plan.retiredColumns,
  };
}

export type { OverviewOutcome };

/**
 * Creates or regenerates the sheet Übersicht with its charts (a chart the user made elsewhere stays), and
 * Kennzahlen where Basisindikatoren have values.
 */
export async function buildOverview(
  doc: XlsxDocument,
  options: { referenceDate?: IsoDate; today: IsoDate; monitoring?: MonitoringReader },
): Promise<OverviewOutcome> {
  const { plan, outcome, kennzahlen } = planOverview(await doc.source(), options);
  doc.applySheetPlan(plan);
  if (kennzahlen) doc.applySheetPlan(kennzahlen);
  return outcome;
}
