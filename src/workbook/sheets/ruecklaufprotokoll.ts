/**
 * The very hidden sheet `Rücklaufprotokoll` of the master: what it has taken from each return, so that
 * merging the same return again changes nothing. Written and read back by `merge` and the pane's
 * Zusammenführen.
 */
import { type MemoryEntry, deserializeValues, serializeValues } from "../../domain/merge";
import { normalizeLabel, textOf } from "../../domain/values";
import type { CellPlan, SheetPlan } from "../sheet-plan";
import type { WorkbookSource } from "../source";
import { generatedSheet } from "./sheet";
import { planMachineSheet } from "./verteilung";

export const MEMORY_SHEET = generatedSheet({
  sheet: "Rücklaufprotokoll",
  table: null,
  state: "veryHidden",
  plan: planMemorySheet,
  read: readMemory,
});

const MEMORY_HEADERS = ["Kennung", "Rücklauf-Schlüssel", "ID im Master", "Übernommene Werte"] as const;

/** The merge memory of the master: per distribution and row, the master row and the values taken. */
export function planMemorySheet(memory: MemoryEntry[]): SheetPlan {
  const cells: CellPlan[] = [
    {
      row: 1,
      column: 1,
      value: "Was aus welchem Rücklauf übernommen wurde – für das Zusammenführen, bitte nicht ändern.",
      bold: true,
    },
    ...MEMORY_HEADERS.map((h, j) => ({ row: 2, column: j + 1, value: h, bold: true })),
  ];
  memory.forEach((m, i) => {
    const values = serializeValues(m.values);
    // A cell holds at most 32,767 characters; a longer entry is left out (the merge then matches by content).
    if (values.length > 32_000) return;
    [m.token, m.returnKey, m.masterId, values].forEach((value, j) => cells.push({ row: 3 + i, column: j + 1, value }));
  });
  return planMachineSheet(MEMORY_SHEET, cells);
}

export function readMemory(source: WorkbookSource): MemoryEntry[] {
  const name = source.sheetNames().find((n) => normalizeLabel(n) === normalizeLabel(MEMORY_SHEET.sheet));
  const grid = name ? source.sheet(name) : undefined;
  if (!grid) return [];
  const out: MemoryEntry[] = [];
  for (let r = 3; r <= grid.rowCount; r++) {
    const token = textOf(grid.value(r, 1));
    const returnKey = String(grid.value(r, 2) ?? "");
    const masterId = textOf(grid.value(r, 3));
    const values = deserializeValues(String(grid.value(r, 4) ?? ""));
    if (token && returnKey && masterId && values) out.push({ token, returnKey, masterId, values });
  }
  return out;
}
