/**
 * What the pane and the ribbon do with a workbook, over any `WorkbookHost` (Office.js in Excel, the package layer in
 * the browser). Everything is computed by the domain; this module only reads, plans and writes.
 */
import { type IsoDate, localIsoDate } from "../../domain/dates";
import { type Ampel, type MatrixPlan, ampel, scoreOf, weightedScore } from "../../domain/matrix";
import { type CheckResult, checkConcept } from "../../domain/rules";
import { type Settings, readSettings } from "../../domain/settings";
import { type TemplateName, templateContent } from "../../domain/templates";
import type { WorkbookHost } from "../../workbook/host";
import { BEWERTUNG, type RoundSheets, planRoundSheets } from "../../workbook/sheets/bewertung";
import { planNewWorkbook } from "../../workbook/plan";
import { type ReadConcept, UnreadableWorkbookError, readConcept } from "../../workbook/read";
import { PRUEFBERICHT, planReportSheet } from "../../workbook/sheets/pruefbericht";

export { UnreadableWorkbookError };

/** Today in the user's time zone, as an ISO date. */
export function todayIso(now = new Date()): IsoDate {
  return localIsoDate(now);
}

/** Reads the workbook; throws UnreadableWorkbookError when it has no Maßnahmen table yet. */
export async function readWorkbook(host: WorkbookHost): Promise<ReadConcept> {
  return readConcept(await host.snapshot());
}

export interface SetupOutcome {
  created: string[];
  /** Sheets that already existed and were left as they are. */
  existing: string[];
}

/** Creates the structure of a template in the workbook, never touching a sheet that exists. */
export async function setUpWorkbook(host: WorkbookHost, template: TemplateName, today: IsoDate): Promise<SetupOutcome> {
  const sheets = planNewWorkbook(templateContent(template, today)).sheets;
  const skipped = await host.createSheetsIfMissing(sheets);
  const visible = sheets.filter((s) => s.state === "visible").map((s) => s.name);
  return {
    created: visible.filter((n) => !skipped.includes(n)),
    existing: visible.filter((n) => skipped.includes(n)),
  };
}

export function checkWorkbook(concept: ReadConcept, today: IsoDate): CheckResult {
  return checkConcept(concept, { today });
}

/** Adds or replaces the sheet `Prüfbericht`. */
export async function writeReport(
  host: WorkbookHost,
  result: CheckResult,
  file: string,
  concept?: ReadConcept,
): Promise<void> {
  await host.applySheetPlan(planReportSheet(result, file, concept?.massnahmen));
}

/** The ribbon's „Prüfen“: check and write the Prüfbericht, without the pane. */
export async function checkAndReport(host: WorkbookHost, file: string, today: IsoDate): Promise<CheckResult> {
  const concept = await readWorkbook(host);
  const result = checkWorkbook(concept, today);
  await writeReport(host, result, file, concept);
  await host.selectCell(PRUEFBERICHT.sheet, "A1");
  return result;
}

export interface SummaryRow {
  handlungsfeld: string;
  measures: number;
  scored: number;
  /** Mean Gesamt of the scored measures; null while none is scored. */
  mean: number | null;
  ampel: Record<Ampel, number>;
}

/** The per-Handlungsfeld summary of a round, computed by the domain (the sheet has the same as formulas). */
export function roundSummary(plan: MatrixPlan, settings: Pick<Settings, "ampelGruenAb" | "ampelGelbAb">): SummaryRow[] {
  return plan.handlungsfelder.map((hf) => {
    const rows = plan.rows.filter((r) => r.handlungsfeld === hf);
    const totals = rows.map((r) => weightedScore(r.scores.map(scoreOf), plan.criteria));
    const scored = totals.filter((t): t is number => t !== null);
    const counts: Record<Ampel, number> = { grün: 0, gelb: 0, rot: 0 };
    for (const t of scored) counts[ampel(t, settings)!]++;
    return {
      handlungsfeld: hf,
      measures: rows.length,
      scored: scored.length,
      mean: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null,
      ampel: counts,
    };
  });
}

export interface RoundPreview {
  round: number;
  sheet: string;
  exists: boolean;
  plan: MatrixPlan;
  summary: SummaryRow[];
}

/** What a round holds now (or would hold once created), with the sheets that make it (as the command line plans them). */
async function roundOf(host: WorkbookHost, round: number): Promise<RoundPreview & { sheets: RoundSheets }> {
  const sheets = planRoundSheets(await host.snapshot(), round);
  const { settings } = readSettings(sheets.concept);
  return {
    round,
    sheet: BEWERTUNG.sheet(round),
    exists: sheets.exists,
    plan: sheets.plan,
    summary: roundSummary(sheets.plan, settings),
    sheets,
  };
}

export async function previewRound(host: WorkbookHost, round: number): Promise<RoundPreview> {
  const { round: r, sheet, exists, plan, summary } = await roundOf(host, round);
  return { round: r, sheet, exists, plan, summary };
}

/** Creates or regenerates `Bewertung <round>`, keeping every input of an existing round. */
export async function buildRound(
  host: WorkbookHost,
  round: number,
): Promise<RoundPreview & { addedCriteriaSheet: boolean }> {
  const { sheets, ...preview } = await roundOf(host, round);
  let addedCriteriaSheet = false;
  if (sheets.criteriaSheet) {
    const skipped = await host.createSheetsIfMissing([sheets.criteriaSheet]);
    addedCriteriaSheet = skipped.length === 0;
  }
  await host.applySheetPlan(sheets.roundSheet);
  return { ...preview, addedCriteriaSheet };
}
