/**
 * The committee Vorlage of a Prozessplan step from the pane, as .docx bytes. Pulls in the `docx` package: the
 * pane imports it only when the user asks for a Vorlage, in the chunk of the report.
 */
import type { IsoDate } from "../../domain/dates";
import { renderVorlage } from "../../docx/vorlage";
import type { WorkbookHost } from "../../workbook/host";
import { prozessplanText } from "../../workbook/prozessplanMessages";
import { readVorlage } from "../../workbook/vorlage";

export { DOCX_TYPE } from "./report";

/** `Beschlussvorlage Integrationsbericht 2026 (P-18).docx`, without characters a file name cannot hold. */
export function vorlageFileName(art: string, subject: string, id: string): string {
  const safe = `${art} ${subject} (${id})`.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ");
  return `${safe.trim()}.docx`;
}

/** The Vorlage of step `id` as the workbook is now; throws one German sentence where there is none. */
export async function vorlageOf(
  host: WorkbookHost,
  id: string,
  today: IsoDate,
  fileName: string,
): Promise<{ data: Uint8Array; name: string; art: string }> {
  const read = readVorlage(await host.snapshot(), id, { today });
  if ("problem" in read) throw new Error(prozessplanText(read.problem, fileName));
  const v = read.vorlage;
  const data = await renderVorlage(v);
  return { data, name: vorlageFileName(v.art, v.schritt.gegenstand || v.schritt.schritt, v.schritt.id), art: v.art };
}
