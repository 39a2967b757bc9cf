/** What the commands check of the files they are given, and opening a workbook as a step of its own. */
import { stat } from "node:fs/promises";
import type { XlsxDocument } from "../xlsx/document";
import { MAX_FILE_BYTES, openWorkbook } from "../xlsx/file";
import { cliError } from "./messages";
import { LARGE_FILE_BYTES, type Progress } from "./progress";

/** The one file a command takes; `aufruf` is its usage for the message. */
export function onePositional(
  positional: string[],
  aufruf: string,
  was: "Datei" | "Liste" | "Arbeitsmappe" = "Datei",
): string {
  if (positional.length !== 1) throw cliError("GENAU_EINE", { was, aufruf });
  return positional[0]!;
}

/** Refuses a file name without the ending its kind needs. */
export function requireEnding(
  file: string,
  endung: ".xlsx" | ".docx",
  was: "Die Datei" | "Die Ausgabedatei" | "Die Arbeitsmappe" = "Die Ausgabedatei",
): void {
  if (!file.toLowerCase().endsWith(endung)) throw cliError("ENDUNG_FALSCH", { was, datei: file, endung });
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Opens a workbook as a step of its own: opening a large file is the longest step of most commands. */
export async function openStep(file: string, progress: Progress): Promise<XlsxDocument> {
  const size = await stat(file).then(
    (s) => s.size,
    () => 0,
  );
  // A file over the limit is refused at once: nothing to wait for.
  progress.step(`Öffne „${file}“ …`, size >= LARGE_FILE_BYTES && size <= MAX_FILE_BYTES);
  return openWorkbook(file);
}
