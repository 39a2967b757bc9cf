/** Finding the latest evaluation round (`Bewertung JJJJ`) of a workbook, for reports on its results. */
import { roundSheetName, roundTableName } from "../domain/matrix";
import type { LatestRoundInput } from "../domain/report";
import { normalizeLabel } from "../domain/values";
import { readExistingRound } from "./matrix-sheet";
import type { WorkbookSource } from "./read";

const ROUND_YEAR = /^bewertung(\d{4})$/;

/** The years of the rounds in the workbook, by sheet name or table name, ascending. */
export function roundYears(source: WorkbookSource): number[] {
  const years = new Set<number>();
  for (const name of source.sheetNames()) {
    const m = ROUND_YEAR.exec(normalizeLabel(name));
    if (m && normalizeLabel(roundSheetName(Number(m[1]))) === normalizeLabel(name)) years.add(Number(m[1]));
  }
  for (const table of source.tables()) {
    const m = /^tblbewertung(\d{4})$/i.exec(table.name);
    if (m && table.name.toLowerCase() === roundTableName(Number(m[1])).toLowerCase()) years.add(Number(m[1]));
  }
  return [...years].sort((a, b) => a - b);
}

/** The latest round that can be read (a sheet with an ID column); null when the workbook has none. */
export function readLatestRound(source: WorkbookSource): LatestRoundInput | null {
  for (const round of roundYears(source).reverse()) {
    const existing = readExistingRound(source, round);
    if (existing) return { round, existing };
  }
  return null;
}
