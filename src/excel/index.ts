/** The Office.js host for the task pane inside Excel. */
export { ExcelHost, type ExcelHostOptions, type ExcelRun } from "./host";
export { EDIT_MODE_MESSAGE, ExcelHostError, HostBusyError } from "./errors";
