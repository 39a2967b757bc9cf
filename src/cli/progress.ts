/**
 * Progress on stderr: a command names each step as it begins ("Öffne …", "Prüfe …", "Schreibe …"), and
 * the line is shown once the command has been running for a second, so a quick run stays silent and a
 * long one says where it is. `--quiet` silences it.
 */
import type { XlsxDocument } from "../xlsx/document";
import { stat } from "node:fs/promises";
import { MAX_FILE_BYTES, openWorkbook } from "../xlsx/file";

/** How long a command runs before its steps are shown. */
export const PROGRESS_AFTER_MS = 1000;

/** Files from this size on take more than a second to open, so opening one is shown at once. */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;

export interface Progress {
  /** Names the step that begins; `slow`: show it even before the first second has passed. */
  step(text: string, slow?: boolean): void;
}

export function createProgress(write: (text: string) => void, now: () => number, quiet: boolean): Progress {
  const start = now();
  return {
    step(text: string, slow = false) {
      if (quiet) return;
      const elapsed = now() - start;
      if (elapsed < PROGRESS_AFTER_MS && !slow) return;
      const seconds = (elapsed / 1000).toFixed(1).replace(".", ",");
      write(`[${seconds} s] ${text}\n`);
    },
  };
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
