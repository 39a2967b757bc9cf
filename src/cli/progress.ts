/**
 * Progress on stderr: a command names each step as it begins ("Öffne …", "Prüfe …", "Schreibe …"), and
 * the line is shown once the command has been running for a second, so a quick run stays silent and a
 * long one says where it is. `--quiet` silences it.
 */

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
