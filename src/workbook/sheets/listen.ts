/**
 * The hidden sheet `Listen`: one column per reference table (Handlungsfelder, Ziele, Indikatoren, Akteure,
 * Maßnahmen, Bedarfe) with its live `ID – Name` entries, by formula; the dropdowns of the tables draw from
 * it. Never read back: the program reads the tables themselves.
 */
import { ENTITY_KINDS, type EntityKind } from "../../domain/model";
import { TABLES, tableSpec } from "../contract";
import { quoteSheet } from "../formulas";
import { type CellPlan, type Layouts, SPARE_ROWS, type SheetPlan } from "../sheet-plan";
import { columnLetter } from "../source";
import { generatedSheet } from "./sheet";

export const LISTEN_SHEET = generatedSheet({
  sheet: "Listen",
  table: null,
  state: "hidden",
  plan: planListSheet,
  read: null,
});

/** The `ID – Name` list of a reference table: one column of the hidden sheet `Listen`. */
export interface ListColumn {
  kind: EntityKind;
  column: number;
  rows: number;
}

/** The reference tables that dropdowns draw from, with the field that names an entry. */
const LIST_SOURCES: { kind: EntityKind; nameField: string }[] = [];
for (const spec of TABLES) {
  for (const { list } of spec.columns) {
    if (list?.kind === "table" && !LIST_SOURCES.some((l) => l.kind === list.table)) {
      LIST_SOURCES.push({ kind: list.table, nameField: list.nameField });
    }
  }
}
// In the order of the kinds, so that a list column keeps its place on `Listen` when a table gains a reference.
LIST_SOURCES.sort((a, b) => ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind));

function listColumns(layouts: Layouts): (ListColumn & { nameField: string })[] {
  return LIST_SOURCES.filter((l) => layouts[l.kind]).map((l, i) => ({
    ...l,
    column: i + 1,
    rows: Math.max(layouts[l.kind]!.lastRow - layouts[l.kind]!.headerRow, 0) + SPARE_ROWS,
  }));
}

/** The hidden sheet `Listen`: live `ID – Name` entries of each reference table, by formula. */
function planListSheet(layouts: Layouts): SheetPlan {
  const cells: CellPlan[] = [];
  for (const list of listColumns(layouts)) {
    const layout = layouts[list.kind]!;
    const spec = tableSpec(list.kind);
    const idCol = layout.columnIndex["id"];
    const nameCol = layout.columnIndex[list.nameField];
    cells.push({ row: 1, column: list.column, value: spec.sheet, bold: true });
    if (!idCol) continue;
    for (let i = 0; i < list.rows; i++) {
      const r = layout.headerRow + 1 + i;
      const id = `${quoteSheet(layout.sheet)}!$${columnLetter(idCol)}${r}`;
      const name = nameCol ? `${quoteSheet(layout.sheet)}!$${columnLetter(nameCol)}${r}` : null;
      const formula = name
        ? `IF(TRIM(${id})="","",IF(TRIM(${name})="",TRIM(${id}),TRIM(${id})&" – "&TRIM(${name})))`
        : `IF(TRIM(${id})="","",TRIM(${id}))`;
      cells.push({ row: 2 + i, column: list.column, value: { formula } });
    }
  }
  return {
    name: LISTEN_SHEET.sheet,
    state: LISTEN_SHEET.state,
    widths: listColumns(layouts).map((l) => ({ column: l.column, width: 40 })),
    formats: [],
    wrapColumns: [],
    frozen: { rows: 1, columns: 0 },
    cells,
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}

/** The DV source of a reference column: the non-empty entries at the top of its `Listen` column. */
export function listFormula(layouts: Layouts, kind: EntityKind): string | null {
  const list = listColumns(layouts).find((l) => l.kind === kind);
  if (!list) return null;
  const c = columnLetter(list.column);
  const sheet = quoteSheet(LISTEN_SHEET.sheet);
  return `OFFSET(${sheet}!$${c}$2,0,0,MAX(1,COUNTIF(${sheet}!$${c}$2:$${c}$${list.rows + 1},"?*")),1)`;
}
