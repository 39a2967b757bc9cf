/**
 * The sheet `Zusammenführung` of the master: every step of a merge, file by file, with its action and note.
 * Written by `merge` and the pane's Zusammenführen; never read back.
 */
import { ACTION_LABEL, type MergeOutcome } from "../../domain/merge";
import { type PageInfo, withPageInfo } from "../print";
import type { SheetPlan } from "../sheet-plan";
import { mergeReportSheet, text } from "./mergeReport";
import { generatedSheet } from "./sheet";

export const MERGE_LOG_SHEET = generatedSheet({
  sheet: "Zusammenführung",
  table: "tblZusammenfuehrung",
  state: "visible",
  plan: planMergeLogSheet,
  read: null,
});

export function planMergeLogSheet(outcome: MergeOutcome, page?: PageInfo): SheetPlan {
  const rows = outcome.actions.map((a) =>
    [a.file, a.id, a.masterId, ACTION_LABEL[a.kind], a.field, a.masterValue, a.returnValue, a.note].map(text),
  );
  const sheet = mergeReportSheet(
    MERGE_LOG_SHEET,
    [
      "Datei",
      "ID im Rücklauf",
      "ID in der Gesamtdatei",
      "Aktion",
      "Feld",
      "Wert in der Gesamtdatei vorher",
      "Wert im Rücklauf",
      "Hinweis",
    ],
    [28, 12, 12, 34, 18, 30, 30, 60],
    rows,
    { empty: "Keine Änderungen.", tabColor: "FF0F6CBD", markNotTaken: true },
  );
  return page ? withPageInfo(sheet, page) : sheet;
}
