/**
 * The report model of a workbook as it is read: what the Sachstandsbericht and the sheet Übersicht show.
 * One place, so that the report, the overview and the pane never disagree.
 */
import type { IsoDate } from "../domain/dates";
import { type MonitoringInput, type ReportModel, buildReportModel } from "../domain/report";
import { monitoringAt } from "../domain/monitoring";
import { type CheckResult, checkConcept } from "../domain/rules";
import { readSettings } from "../domain/settings";
import { type ReadConcept, type WorkbookSource, readConcept } from "./read";
import { readLatestRound } from "./sheets/bewertung";

/** Monitoring data of a workbook (indicator states, Sachstände) at a reference date; undefined when not read. */
export type MonitoringReader = (
  source: WorkbookSource,
  concept: ReadConcept,
  referenceDate: IsoDate,
) => MonitoringInput | undefined;

export interface ReadReport {
  concept: ReadConcept;
  check: CheckResult;
  model: ReportModel;
}

/** The workbook's own Indikatorwerte and Sachstände (the default reader). */
export const workbookMonitoring: MonitoringReader = (_source, concept, referenceDate) =>
  concept.indikatorwerte || concept.sachstaende
    ? monitoringAt(concept, readSettings(concept).settings, referenceDate)
    : undefined;

export function readReportModel(
  source: WorkbookSource,
  options: { referenceDate?: IsoDate; today: IsoDate; monitoring?: MonitoringReader },
): ReadReport {
  const concept = readConcept(source);
  const check = checkConcept(concept, { referenceDate: options.referenceDate, today: options.today });
  const monitoring = options.monitoring ?? workbookMonitoring;
  const model = buildReportModel(concept, check, {
    latestRound: readLatestRound(source),
    monitoring: monitoring(source, concept, check.referenceDate),
  });
  return { concept, check, model };
}
