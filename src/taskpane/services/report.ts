/**
 * The Sachstandsbericht from the pane, as .docx bytes. This module pulls in the `docx` package (large): the
 * pane imports it only when the user asks for a report, so it lands in a chunk of its own.
 */
import type { IsoDate } from "../../domain/dates";
import { documentTitle, renderIntegrationsbericht } from "../../docx/integrationsbericht";
import { type ChartRasterizer, renderReport } from "../../docx/report";
import { readIntegrationsbericht } from "../../workbook/integrationsbericht";
import { gebietProblemText } from "../../workbook/integrationsbericht-messages";
import type { WorkbookHost } from "../../workbook/host";
import { type MonitoringReader, readReportModel } from "../../workbook/report-model";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface ReportFile {
  data: Uint8Array;
  name: string;
}

/** `Sachstandsbericht <Kommune> <Stichtag>.docx`, without characters a file name cannot hold. */
export function reportFileName(kommune: string, stichtag: IsoDate, title = "Sachstandsbericht"): string {
  const safe = `${title} ${kommune} ${stichtag}`.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ");
  return `${safe.trim()}.docx`;
}

/** The report of the workbook as it is now; charts drawn by `charts` (none without one). */
export async function reportOf(
  host: WorkbookHost,
  today: IsoDate,
  charts: ChartRasterizer | undefined,
  monitoring?: MonitoringReader,
): Promise<ReportFile> {
  const { model } = readReportModel(await host.snapshot(), { today, monitoring });
  const data = await renderReport(model, { charts });
  return { data, name: reportFileName(model.title.kommune, model.title.stichtag) };
}

/**
 * The Integrationsbericht of the workbook as it is now, or with `gebiet` the Gemeindeprofil of that Gemeinde;
 * a Gebiet the workbook no longer holds is one German sentence (thrown).
 */
export async function integrationsberichtOf(
  host: WorkbookHost,
  today: IsoDate,
  charts: ChartRasterizer | undefined,
  gebiet?: string,
): Promise<ReportFile> {
  const read = readIntegrationsbericht(await host.snapshot(), { today, gebiet });
  if ("problem" in read) throw new Error(gebietProblemText(read));
  const { model } = read;
  const data = await renderIntegrationsbericht(model, { charts });
  const { profil, kommune, stichtag } = model.title;
  return {
    data,
    name: profil
      ? reportFileName("", stichtag, documentTitle(model))
      : reportFileName(kommune, stichtag, "Integrationsbericht"),
  };
}
