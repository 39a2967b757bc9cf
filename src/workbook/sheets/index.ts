/**
 * The registry of the sheets the program writes besides the contract's tables (those are entries of
 * src/workbook/contract.ts): one entry each — name, table, visibility, its planner and, where it is read
 * back, its reader — in a file of this folder with the code that plans it. A new sheet is one entry file
 * here and one line below; nothing else names it (test/architecture.test.ts finds a sheet name written
 * anywhere else).
 */
import { BEWERTUNG } from "./bewertung";
import { HINTS_SHEET } from "./hinweise";
import { KENNZAHLEN } from "./kennzahlen";
import { CONFLICT_SHEET } from "./konflikte";
import { LISTEN_SHEET } from "./listen";
import { PRUEFBERICHT } from "./pruefbericht";
import { MEMORY_SHEET } from "./ruecklaufprotokoll";
import type { GeneratedSheet, SheetFamily } from "./sheet";
import { UEBERNAHME_SHEET } from "./uebernahme";
import { OVERVIEW_SHEET } from "./uebersicht";
import { ANGEBOTE_BASE_SHEET, BASE_SHEET } from "./verteilung";
import { VORPERIODE } from "./vorperiode";
import { WERTEUEBERNAHME } from "./werteuebernahme";
import { MERGE_LOG_SHEET } from "./zusammenfuehrung";

/** Every single sheet: what `check -o`, `uebersicht`, `fortschreiben`, `import`, `werte`, `split` and `merge` write. */
export const SHEETS: readonly GeneratedSheet[] = [
  PRUEFBERICHT,
  OVERVIEW_SHEET,
  KENNZAHLEN,
  VORPERIODE,
  WERTEUEBERNAHME,
  UEBERNAHME_SHEET,
  HINTS_SHEET,
  CONFLICT_SHEET,
  MERGE_LOG_SHEET,
  LISTEN_SHEET,
  BASE_SHEET,
  ANGEBOTE_BASE_SHEET,
  MEMORY_SHEET,
];

/** Sheets of one kind per member: the Bewertung of each round (`matrix`). */
export const SHEET_FAMILIES: readonly SheetFamily[] = [BEWERTUNG];

export type { GeneratedSheet, SheetFamily, SheetState } from "./sheet";
