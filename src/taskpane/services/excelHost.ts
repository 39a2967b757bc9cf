/**
 * The one place where the pane and the ribbon get the Office.js host.
 *
 * INTEGRATION POINT (src/excel): the Office.js host `ExcelHost` is built in src/excel/ by another engineer.
 * Until it exists in this tree, this function tells the user in one sentence that the Excel connection is
 * not available. Once it exists, replace the body with:
 *
 *   const { ExcelHost } = await import(/* webpackChunkName: "excel-host" *\/ "../../excel/host");
 *   return new ExcelHost(Excel.run);
 *
 * (lazily imported, so the browser mode never loads it).
 */
import type { WorkbookHost } from "../../workbook/host";

export async function createExcelHost(): Promise<WorkbookHost> {
  throw new Error("Die Verbindung zu Excel ist in dieser Version noch nicht enthalten; nutzen Sie den Browser-Modus.");
}
