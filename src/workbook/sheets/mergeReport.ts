/**
 * The table of a merge report sheet (Konflikte, Zusammenführung): text cells, the note column wrapped, one
 * row saying so when there is nothing to list.
 */
import { FILL, type PlanValue, type SheetPlan } from "../sheet-plan";
import { withPrintLayout } from "../print";
import type { SheetState } from "./sheet";

/** Text that a formula would otherwise compute stays text; plan values here are never formulas. */
export const text = (s: string): PlanValue => s;

export function mergeReportSheet(
  names: { sheet: string; table: string; state: SheetState },
  headers: string[],
  widths: number[],
  rows: PlanValue[][],
  options: { empty: string; tabColor: string; markNotTaken: boolean },
): SheetPlan {
  const { empty, tabColor } = options;
  const sheet: SheetPlan = {
    name: names.sheet,
    state: names.state,
    tabColor,
    widths: widths.map((width, i) => ({ column: i + 1, width })),
    formats: headers.map((_, i) => ({ column: i + 1, numFmt: "@" })),
    wrapColumns: [headers.length],
    frozen: { rows: 1, columns: 0 },
    table: {
      name: names.table,
      row: 1,
      column: 1,
      headers,
      rows: rows.length > 0 ? rows : [headers.map((_, i) => (i === headers.length - 1 ? empty : ""))],
      style: "TableStyleLight9",
    },
    cells: [],
    validations: [],
    conditionalFormats: !options.markNotTaken
      ? []
      : [
          {
            range: `D2:D${1 + Math.max(rows.length, 1)}`,
            formula: `ISNUMBER(SEARCH("nicht übernommen",D2))`,
            fill: FILL.warning,
          },
        ],
  };
  return withPrintLayout(sheet, { headerRow: 1, keyColumns: 2 });
}
