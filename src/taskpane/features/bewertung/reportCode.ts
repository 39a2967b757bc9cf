/**
 * The reports' code (docx) and the browser's rasteriser, loaded when the user asks for a report, so the pane's
 * first screen stays small: both land in the chunk „bericht“.
 */
import type { ChartRasterizer } from "../../../docx/report";

/** The browser's own rasteriser, loaded on demand. */
export const loadBrowserRasterizer = async (): Promise<ChartRasterizer> =>
  (await import(/* webpackChunkName: "bericht" */ "../../services/browserRaster")).browserRasterizer();

/** The report's code (docx); a chunk that does not arrive is one German sentence, not webpack's. */
export const loadReport = () =>
  import(/* webpackChunkName: "bericht" */ "../../services/report").catch(() => {
    throw new Error(
      "Der Programmteil für den Bericht konnte nicht geladen werden: Bitte öffnen Sie den Aufgabenbereich neu und versuchen Sie es noch einmal.",
    );
  });
