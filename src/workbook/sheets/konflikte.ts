/**
 * The sheet `Konflikte` of the master: every value of the returns that the master did not take, with the
 * reason. Written by `merge` and the pane's Zusammenführen; never read back.
 */
import type { MergeOutcome } from "../../domain/merge";
import { type PageInfo, withPageInfo } from "../print";
import type { SheetPlan } from "../sheet-plan";
import { mergeReportSheet, text } from "./mergeReport";
import { generatedSheet } from "./sheet";

export const CONFLICT_SHEET = generatedSheet({
  sheet: "Konflikte",
  table: "tblKonflikte",
  state: "visible",
  plan: planConflictSheet,
  read: null,
});

export function planConflictSheet(outcome: MergeOutcome, page?: PageInfo): SheetPlan {
  const rows = outcome.actions
    .filter((a) => a.notApplied)
    .map((a) => [a.masterId || a.id, a.field, a.masterValue, a.returnValue, a.file, a.note].map(text));
  const sheet = mergeReportSheet(
    CONFLICT_SHEET,
    ["ID", "Feld", "Wert in der Gesamtdatei", "Wert im Rücklauf", "Datei", "Hinweis"],
    [10, 18, 36, 36, 28, 60],
    rows,
    { empty: "Keine Konflikte.", tabColor: "FFC50F1F", markNotTaken: false },
  );
  return page ? withPageInfo(sheet, page) : sheet;
}
