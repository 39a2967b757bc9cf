/** The sheet Zeitplan from the pane: the same plan as `zeitplan` on the command line, applied by the host. */
import type { IsoDate } from "../../domain/dates";
import type { WorkbookHost } from "../../workbook/host";
import { readConcept } from "../../workbook/read";
import { ZEITPLAN_SHEET, type ZeitplanOutcome, planZeitplan, zeitplanProblemText } from "../../workbook/zeitplan-sheet";

/** Creates or replaces the sheet Zeitplan and shows it; throws one German sentence where there is no step. */
export async function refreshZeitplan(host: WorkbookHost, today: IsoDate, fileName: string): Promise<ZeitplanOutcome> {
  const planned = planZeitplan(readConcept(await host.snapshot()), today, today);
  if ("problem" in planned) throw new Error(zeitplanProblemText(planned.problem, fileName));
  await host.applySheetPlan(planned.plan);
  await host.selectCell(ZEITPLAN_SHEET, "A1");
  return planned.outcome;
}
