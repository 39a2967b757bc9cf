/** The sheet Zeitplan from the pane: the same plan as `zeitplan` on the command line, applied by the host. */
import type { IsoDate } from "../../domain/dates";
import type { WorkbookHost } from "../../workbook/host";
import { readConcept } from "../../workbook/read";
import { prozessplanText } from "../../workbook/prozessplanMessages";
import { ZEITPLAN_SHEET, type ZeitplanOutcome, planZeitplan } from "../../workbook/sheets/zeitplan";

/** Creates or replaces the sheet Zeitplan and shows it; throws one German sentence where there is no step. */
export async function refreshZeitplan(host: WorkbookHost, today: IsoDate, fileName: string): Promise<ZeitplanOutcome> {
  const planned = planZeitplan(readConcept(await host.snapshot()), today, today);
  if ("problem" in planned) throw new Error(prozessplanText(planned.problem, fileName));
  await host.applySheetPlan(planned.plan);
  await host.selectCell(ZEITPLAN_SHEET.sheet, "A1");
  return planned.outcome;
}
