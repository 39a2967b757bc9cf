/**
 * The Integrationsbericht of a workbook as it is read (docs/befehle.md, integrationsbericht): the concept, its
 * Sachstandsbericht model (Handlungsfelder, Leitziele, Zielindikatoren at the reference date) and the
 * monitoring values, put together by ../domain/integrationsbericht.ts. The command line and the pane read it here.
 */
import type { IsoDate } from "../domain/dates";
import {
  type IntegrationsberichtModel,
  buildIntegrationsbericht,
  gemeindeprofilGebiet,
} from "../domain/integrationsbericht";
import { MonitoringData } from "../domain/monitoringData";
import type { WorkbookSource } from "./read";
import type { GebietProblem } from "./integrationsbericht-messages";
import { readReportModel } from "./report-model";

/** The report, or why the Gemeinde of a Gemeindeprofil cannot be shown. */
export type ReadIntegrationsbericht = { model: IntegrationsberichtModel } | GebietProblem;

export function readIntegrationsbericht(
  source: WorkbookSource,
  options: { referenceDate?: IsoDate; today: IsoDate; gebiet?: string },
): ReadIntegrationsbericht {
  const { concept, check, model } = readReportModel(source, options);
  const data = new MonitoringData(concept);
  let gebiet: string | undefined;
  if (options.gebiet !== undefined) {
    const found = gemeindeprofilGebiet(data, options.gebiet);
    if ("problem" in found) return { problem: found.problem, gebiet: options.gebiet, moeglich: found.moeglich };
    gebiet = found.gebiet.id;
  }
  return {
    model: buildIntegrationsbericht(concept, model, data, { referenceDate: check.referenceDate, gebiet }),
  };
}
