/**
 * The one place where the pane and the ribbon get the Office.js host (src/excel/), imported lazily so the
 * browser mode never loads it.
 */
import type { WorkbookHost } from "../../workbook/host";

/** What the Office.js host offers beyond `WorkbookHost`: events of the open workbook. */
export interface HostEvents {
  /** Re-check after a change (or a selection change) on Maßnahmen, once it has been quiet for `ms`. */
  onChangeDebounced?(callback: () => void, ms: number): Promise<() => Promise<void>>;
  /** The measure in the selected row of Maßnahmen (null outside the table). */
  onMeasureSelected?(callback: (id: string | null) => void): Promise<() => Promise<void>>;
}

export async function createExcelHost(): Promise<WorkbookHost & HostEvents> {
  const { ExcelHost } = await import(/* webpackChunkName: "excel-host" */ "../../excel");
  return new ExcelHost();
}
