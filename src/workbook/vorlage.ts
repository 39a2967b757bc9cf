/**
 * The committee Vorlage of a workbook's Prozessplan step, for every host: the concept and the Sachstandsbericht's
 * figures as read (./report-model.ts), the Vorlage worked out by the domain, or why there is none (a code of
 * ./prozessplanMessages.ts).
 */
import type { IsoDate } from "../domain/dates";
import { type VorlageModel, type VorlageProblem, buildVorlage } from "../domain/vorlage";
import type { WorkbookSource } from "./read";
import { type MonitoringReader, readReportModel } from "./report-model";

export function readVorlage(
  source: WorkbookSource,
  id: string,
  options: { referenceDate?: IsoDate; today: IsoDate; monitoring?: MonitoringReader },
): { vorlage: VorlageModel } | { problem: VorlageProblem } {
  const { concept, model } = readReportModel(source, options);
  return buildVorlage(concept, model, id);
}
