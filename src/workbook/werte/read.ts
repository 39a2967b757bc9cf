/**
 * Which format a statistics file has, and its reading: an Open SDG header (`Year`, `Value`) first, then a
 * GENESIS export by its first line, then a plain table by its header, then a GENESIS-like layout without
 * the GENESIS line (title lines, header lines, rows `AGS ; name ; values`). A file that yields no time,
 * no area or no value column is a problem (one German sentence, messages.ts).
 */
import { genesisLayout, isGenesisExport, readGenesis } from "./genesis";
import { isEmptyRow } from "./grid";
import type { StatisticsProblem, TablePart } from "./messages";
import { isOpenSdg, readOpenSdg } from "./openSdg";
import { findPlainHeader, readPlain } from "./plain";
import type { StatisticsGrid, StatisticsTable } from "./table";

export type ReadOutcome = { ok: true; table: StatisticsTable } | { ok: false; problem: StatisticsProblem };

export function readStatisticsTable(grid: StatisticsGrid, file: string): ReadOutcome {
  if (grid.rows.every(isEmptyRow)) return { ok: false, problem: { code: "DATEI_LEER", datei: file } };
  const read = chooseReader(grid, file);
  if ("code" in read) return { ok: false, problem: read };
  const missing = missingParts(read);
  if (missing.length > 0) {
    return { ok: false, problem: { code: "KEINE_STATISTIK", datei: file, format: read.format, fehlt: missing } };
  }
  return { ok: true, table: read };
}

function chooseReader(grid: StatisticsGrid, file: string): StatisticsTable | StatisticsProblem {
  if (isOpenSdg(grid)) return readOpenSdg(grid, file);
  if (isGenesisExport(grid)) return readGenesis(grid, file);
  const header = findPlainHeader(grid);
  if (header) return readPlain(grid, file, header);
  if (genesisLayout(grid)) return readGenesis(grid, file);
  return { code: "KEINE_STATISTIK", datei: file, format: null, fehlt: ["zeit", "gebiet", "werte"] };
}

/** A table needs values, rows with an area, and a time somewhere (row, column or title). */
function missingParts(table: StatisticsTable): TablePart[] {
  const missing: TablePart[] = [];
  const timed =
    table.time.kind === "date" ||
    table.columns.some((c) => c.time.kind === "date") ||
    table.records.some((r) => r.time.kind === "date");
  if (!timed) missing.push("zeit");
  if (!table.records.some((r) => r.area !== null)) missing.push("gebiet");
  if (table.columns.length === 0 || table.records.length === 0) missing.push("werte");
  return missing;
}

export interface FileOutcome {
  /** Every sheet that reads as a statistics table. */
  tables: StatisticsTable[];
  /** The sheets that do not, with why (a sheet of notes beside the table). */
  skipped: { sheet: string; problem: StatisticsProblem }[];
}

/**
 * All sheets of a file (one for a CSV): each visible sheet that reads as a statistics table is taken (hidden
 * sheets only where all are hidden); the problem of the first sheet with content when none does.
 */
export function readStatisticsFile(
  grids: readonly StatisticsGrid[],
  file: string,
): { ok: true; file: FileOutcome } | { ok: false; problem: StatisticsProblem } {
  const visible = grids.some((g) => !g.hidden) ? grids.filter((g) => !g.hidden) : grids;
  const tables: StatisticsTable[] = [];
  const skipped: FileOutcome["skipped"] = [];
  for (const grid of visible) {
    const outcome = readStatisticsTable(grid, file);
    if (outcome.ok) tables.push(outcome.table);
    else skipped.push({ sheet: grid.sheet, problem: outcome.problem });
  }
  if (tables.length > 0) return { ok: true, file: { tables, skipped } };
  const first = skipped.find((s) => s.problem.code !== "DATEI_LEER") ?? skipped[0];
  return { ok: false, problem: first?.problem ?? { code: "DATEI_LEER", datei: file } };
}
