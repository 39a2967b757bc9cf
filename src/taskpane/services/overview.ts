/**
 * The sheets Übersicht and (with values of Basisindikatoren) Kennzahlen from the pane: the same plans as
 * `uebersicht` on the command line, applied by the host.
 */
import type { IsoDate } from "../../domain/dates";
import type { WorkbookHost } from "../../workbook/host";
import { type OverviewOutcome, planOverview } from "../../workbook/sheets/uebersicht";
import type { MonitoringReader } from "../../workbook/report-model";

/** Creates or replaces the sheets with their charts (Excel: native charts through Office.js). */
export async function refreshOverview(
  host: WorkbookHost,
  today: IsoDate,
  monitoring?: MonitoringReader,
): Promise<OverviewOutcome> {
  const { plan, outcome, kennzahlen } = planOverview(await host.snapshot(), { today, monitoring });
  await host.applySheetPlan(plan);
  if (kennzahlen) await host.applySheetPlan(kennzahlen);
  return outcome;
}
