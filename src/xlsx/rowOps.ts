/**
 * Changes to the cells and rows of a user's worksheet (see ./sheetPatch.ts for the XML): cells written into
 * it, rows deleted with what hangs on them, a table extended over rows added below it.
 */
import { columnLetter, columnNumber } from "../workbook/read";
import { shiftSheetAreas, shiftSheetFormulas } from "./formulaShift";
import { PackageError, isKind, resolveTarget } from "./opc";
import {
  type CellWrite,
  cellRef,
  deleteSheetRows,
  moveNoteShapes,
  moveRefs,
  patchSheetCells,
  shrinkTable,
  widenTableHelp,
} from "./sheetPatch";
import type { WorkbookPart, WorksheetEntry } from "./workbookPart";
import { attributes, element, rootPrefix, setAttribute, splice, xmlText } from "./xml";

function worksheetNamed(book: WorkbookPart, name: string): WorksheetEntry {
  const sheet = book.worksheet(name);
  if (!sheet) throw new PackageError("no-sheet", undefined, name);
  return sheet;
}

/**
 * Writes cells into an existing worksheet: a cell keeps its own format; a new cell takes the format of
 * the cell in the same column of `templateRow` (the table's first data row), and a date gets a date
 * format where its cell has none. Text is written as text, never as a formula.
 */
export function writeCells(book: WorkbookPart, sheetName: string, writes: CellWrite[], templateRow?: number): void {
  if (writes.length === 0) return;
  const sheet = worksheetNamed(book, sheetName);
  const xml = book.opc.text(sheet.part)!;
  book.opc.put(sheet.part, patchSheetCells(xml, writes, book.styles(), book.date1904(), templateRow));
  book.cellsChanged();
}

/**
 * Deletes whole rows of a worksheet and moves the rows below up, as Excel's "Zeilen löschen" does for
 * what lives in cells: the cells, the notes and threaded comments on them (and where their boxes are
 * anchored), and the bottom of the tables that contained them. Ranges of validations and conditional
 * formats stay as they are (they cover whole columns of a table and its spare rows). Formulas of the
 * other sheets and defined names move with the rows, except on the `positional` sheets, whose formulas
 * read rows by position (the hidden lists: row k of the list is row k of the table, whatever is in it).
 */
export function deleteRows(
  book: WorkbookPart,
  sheetName: string,
  rows: number[],
  positional: readonly string[] = [],
): void {
  const gone = [...new Set(rows)].sort((a, b) => a - b);
  if (gone.length === 0) return;
  const opc = book.opc;
  const sheet = worksheetNamed(book, sheetName);
  const shift = (row: number): number | null => {
    let below = 0;
    for (const g of gone) {
      if (g === row) return null;
      if (g < row) below++;
    }
    return row - below;
  };
  const adjusted = shiftSheetAreas(shiftSheetFormulas(opc.text(sheet.part)!, sheet.name, gone), gone);
  opc.put(sheet.part, deleteSheetRows(adjusted, shift));
  const fixed = new Set(positional.map((n) => n.toLowerCase()));
  for (const other of book.worksheets()) {
    if (other.part === sheet.part || fixed.has(other.name.toLowerCase())) continue;
    const xml = opc.text(other.part)!;
    const moved = shiftSheetFormulas(xml, sheet.name, gone, false);
    if (moved !== xml) opc.put(other.part, moved);
  }
  book.shiftDefinedNames(sheet.name, gone);
  for (const rel of opc.relationships(sheet.part)) {
    if (rel.external) continue;
    const target = resolveTarget(sheet.part, rel.target);
    const xml = opc.text(target);
    if (xml === undefined) continue;
    if (isKind(rel, "comments")) opc.put(target, moveRefs(xml, "comment", shift));
    else if (isKind(rel, "threadedComments")) opc.put(target, moveRefs(xml, "threadedComment", shift));
    else if (isKind(rel, "vmlDrawing")) opc.put(target, moveNoteShapes(xml, shift));
    else if (isKind(rel, "table")) opc.put(target, shrinkTable(xml, gone));
  }
  book.cellsChanged();
}

/** Extends a table (and its filter) down to `lastRow`; a table already reaching it is left alone. */
export function extendTable(book: WorkbookPart, tableName: string, lastRow: number): void {
  const opc = book.opc;
  const table = book.tables().find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (!table) return;
  const xml = opc.text(table.part)!;
  const p = rootPrefix(xml, "table");
  const root = element(xml, `${p}table`)!;
  const a = attributes(root.tag);
  const [start, end] = (a.ref ?? "").split(":");
  const m = /^([A-Z]+)(\d+)$/i.exec(end ?? "");
  if (!start || !m || Number(m[2]) >= lastRow) return;
  const totals = Number(a.totalsRowCount ?? 0);
  const ref = `${start}:${m[1]}${lastRow + totals}`;
  const edits = [{ start: root.start, end: root.start + root.tag.length, text: setAttribute(root.tag, "ref", ref) }];
  const filter = element(xml, `${p}autoFilter`, root.start + root.tag.length);
  if (filter)
    edits.push({
      start: filter.start,
      end: filter.start + filter.tag.length,
      text: setAttribute(filter.tag, "ref", `${start}:${m[1]}${lastRow}`),
    });
  opc.put(table.part, splice(xml, edits));
  const first = cellRef(start.replace(/\$/g, "").toUpperCase());
  const sheetXml = opc.text(table.sheetPart);
  if (!first || !sheetXml) return;
  const area = {
    left: first.column,
    right: columnNumber(m[1]!),
    firstRow: first.row + Number(a.headerRowCount ?? 1),
    oldLast: Number(m[2]) - totals,
    newLast: lastRow,
  };
  const widened = widenTableHelp(sheetXml, area);
  if (widened !== sheetXml) opc.put(table.sheetPart, widened);
}

/**
 * Widens a table by columns to its right: their headers are written into the header row and the table
 * (its range, filter and column list) takes them in. The cells to the right of the table must be empty;
 * the caller makes sure (the writes a user made there are never covered).
 */
export function addTableColumns(book: WorkbookPart, tableName: string, headers: string[]): void {
  if (headers.length === 0) return;
  const opc = book.opc;
  const table = book.tables().find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (!table) return;
  const xml = opc.text(table.part)!;
  const p = rootPrefix(xml, "table");
  const root = element(xml, `${p}table`)!;
  const [start, end] = (attributes(root.tag).ref ?? "").split(":");
  const from = cellRef((start ?? "").replace(/\$/g, "").toUpperCase());
  const to = cellRef((end ?? "").replace(/\$/g, "").toUpperCase());
  const columns = element(xml, `${p}tableColumns`);
  if (!from || !to || !columns) return;
  const right = to.column + headers.length;
  const ref = `${columnLetter(from.column)}${from.row}:${columnLetter(right)}${to.row}`;
  const ids = [...xml.matchAll(/<(?:\w+:)?tableColumn\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
  let id = Math.max(0, ...ids);
  const added = headers.map((h) => `<${p}tableColumn id="${++id}" name="${xmlText(h)}"/>`).join("");
  const close = xml.indexOf(`</${p}tableColumns>`, columns.start);
  const count = Number(attributes(columns.tag).count ?? ids.length) + headers.length;
  const edits = [
    { start: root.start, end: root.start + root.tag.length, text: setAttribute(root.tag, "ref", ref) },
    {
      start: columns.start,
      end: columns.start + columns.tag.length,
      text: setAttribute(columns.tag, "count", String(count)),
    },
    { start: close, end: close, text: added },
  ];
  const filter = element(xml, `${p}autoFilter`, root.start + root.tag.length);
  if (filter && filter.start < columns.start) {
    const filterRef = (attributes(filter.tag).ref ?? "").replace(/:[A-Z]+(\d+)$/i, `:${columnLetter(right)}$1`);
    edits.push({
      start: filter.start,
      end: filter.start + filter.tag.length,
      text: setAttribute(filter.tag, "ref", filterRef),
    });
  }
  opc.put(table.part, splice(xml, edits));
  const sheet = book.worksheets().find((w) => w.part === table.sheetPart);
  if (!sheet) return;
  const cells = headers.map((value, i) => ({ row: from.row, column: to.column + 1 + i, value }));
  writeCells(book, sheet.name, cells, from.row);
}
