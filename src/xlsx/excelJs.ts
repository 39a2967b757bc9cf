/** exceljs, loaded on first use (a separate chunk in the browser build; in Node an ordinary require). */
type ExcelJsModule = typeof import("exceljs");

let excelJs: Promise<ExcelJsModule> | null = null;

export function loadExcelJs(): Promise<ExcelJsModule> {
  excelJs ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    // The browser build of exceljs is a UMD bundle: its exports arrive as `default`.
    (mod) => ((mod as unknown as { default?: ExcelJsModule }).default ?? mod) as ExcelJsModule,
  );
  return excelJs;
}
