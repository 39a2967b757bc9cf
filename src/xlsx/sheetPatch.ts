/**
 * Changes inside a worksheet the user owns (and the parts hanging on it), made by splicing its XML so that
 * every row and cell the program does not change stays as it was: cells written, rows deleted and the notes,
 * threaded comments and tables that move with them.
 */
import type { CellValue } from "../domain/dates";
import { DATE_FORMAT } from "../workbook/plan";
import { columnLetter, columnNumber } from "../workbook/read";
import { cellXml } from "./sheetXml";
import type { StyleBook } from "./styles";
import { attributes, element, elements, removeAttribute, rootPrefix, setAttribute, splice } from "./xml";

/** One cell the program writes into an existing sheet. */
export interface CellWrite {
  row: number;
  column: number;
  value: CellValue;
}

/** The sheet XML without the deleted rows; rows below move up (`shift` gives a row's new number, null = deleted). */
export function deleteSheetRows(xml: string, shift: (row: number) => number | null): string {
  const p = rootPrefix(xml, "worksheet");
  const data = element(xml, `${p}sheetData`);
  if (!data || data.tag.endsWith("/>")) return xml;
  const edits: { start: number; end: number; text: string }[] = [];
  let implicit = 0;
  for (const row of elements(xml, `${p}row`, data.start + data.tag.length, data.end)) {
    const n = Number(attributes(row.tag).r ?? implicit + 1);
    implicit = n;
    const to = shift(n);
    if (to === n) continue;
    if (to === null) {
      edits.push({ start: row.start, end: row.end, text: "" });
      continue;
    }
    const text = xml
      .slice(row.start, row.end)
      .replace(/^(<[^>]*?\sr=")\d+"/, `$1${to}"`)
      .replace(new RegExp(`(<${p}c\\b[^>]*?\\sr="[A-Z]+)${n}"`, "g"), `$1${to}"`);
    edits.push({ start: row.start, end: row.end, text });
  }
  return splice(xml, edits);
}

/** Notes (`comment`) or threaded comments (`threadedComment`) moved with their cells; those on deleted rows go. */
export function moveRefs(xml: string, local: string, shift: (row: number) => number | null): string {
  const p = rootPrefix(xml, local === "comment" ? "comments" : "ThreadedComments");
  const edits: { start: number; end: number; text: string }[] = [];
  for (const e of elements(xml, `${p}${local}`)) {
    const ref = attributes(e.tag).ref ?? "";
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) continue;
    const to = shift(Number(m[2]));
    if (to === Number(m[2])) continue;
    edits.push({
      start: e.start,
      end: e.end,
      text: to === null ? "" : xml.slice(e.start, e.end).replace(`ref="${ref}"`, `ref="${m[1]}${to}"`),
    });
  }
  return splice(xml, edits);
}

/** The boxes of notes (VML shapes) anchored at the rows their cells moved to. */
export function moveNoteShapes(xml: string, shift: (row: number) => number | null): string {
  return xml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const row = /<x:Row>(\d+)<\/x:Row>/.exec(shape);
    if (!row) return shape;
    const to = shift(Number(row[1]) + 1);
    if (to === null) return "";
    const delta = to - 1 - Number(row[1]);
    return shape
      .replace(/<x:Row>\d+<\/x:Row>/, `<x:Row>${to - 1}</x:Row>`)
      .replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (_, a: string) => {
        const n = a.split(",").map((v) => Number(v.trim()));
        if (n.length === 8) {
          n[2] = Math.max(0, n[2]! + delta);
          n[6] = Math.max(0, n[6]! + delta);
        }
        return `<x:Anchor>${n.join(", ")}</x:Anchor>`;
      });
  });
}

/** A table's bottom moved up by the deleted rows inside it (never above its first data row). */
export function shrinkTable(xml: string, gone: number[]): string {
  const p = rootPrefix(xml, "table");
  const root = element(xml, `${p}table`)!;
  const [start, end] = (attributes(root.tag).ref ?? "").split(":");
  const s = /^([A-Z]+)(\d+)$/.exec(start ?? "");
  const e = /^([A-Z]+)(\d+)$/.exec(end ?? "");
  if (!s || !e) return xml;
  const top = Number(s[2]);
  const bottom = Number(e[2]);
  const inside = gone.filter((g) => g > top && g <= bottom).length;
  const above = gone.filter((g) => g < top).length;
  const newTop = top - above;
  const newBottom = Math.max(newTop + 1, bottom - above - inside);
  const ref = `${s[1]}${newTop}:${e[1]}${newBottom}`;
  let out = splice(xml, [
    { start: root.start, end: root.start + root.tag.length, text: setAttribute(root.tag, "ref", ref) },
  ]);
  const filter = element(out, `${p}autoFilter`);
  if (filter)
    out = splice(out, [
      { start: filter.start, end: filter.start + filter.tag.length, text: setAttribute(filter.tag, "ref", ref) },
    ]);
  return out;
}

/** Splits `A12` into column and row numbers. */
export function cellRef(ref: string): { row: number; column: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return m ? { column: columnNumber(m[1]!), row: Number(m[2]) } : null;
}

/** The sheet XML with the cells written; rows and cells stay in order, untouched rows byte for byte. */
export function patchSheetCells(
  xml: string,
  writes: CellWrite[],
  styles: StyleBook,
  date1904: boolean,
  templateRow?: number,
): string {
  const p = rootPrefix(xml, "worksheet");
  const data = element(xml, `${p}sheetData`);
  if (!data) throw new Error("sheetData fehlt");
  const innerStart = data.start + data.tag.length;
  const rows = data.tag.endsWith("/>") ? [] : elements(xml, `${p}row`, innerStart, data.end);
  const rowAt = new Map<number, (typeof rows)[number]>();
  let implicit = 0;
  for (const r of rows) {
    const n = Number(attributes(r.tag).r ?? implicit + 1);
    implicit = n;
    rowAt.set(n, r);
  }
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row) ?? [];
    list.push(w);
    byRow.set(w.row, list);
  }
  const template = templateRow !== undefined ? cellStylesOf(rowAt.get(templateRow), p) : new Map<number, number>();
  const columnDefault = columnStylesOf(xml, p);
  const styleFor = (column: number, own: number | undefined, value: CellValue): number => {
    let s = own ?? template.get(column) ?? columnDefault(column) ?? 0;
    if (value instanceof Date && !/d/.test(styles.formatCode(s))) s = styles.withNumFmt(s, DATE_FORMAT);
    return s;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  const newRows: { row: number; text: string }[] = [];
  for (const [row, list] of byRow) {
    const existing = rowAt.get(row);
    const cells = existing ? cellsOf(existing, p) : new Map<number, { xml: string; style?: number }>();
    for (const w of list) {
      const own = cells.get(w.column)?.style;
      const text = cellXml(
        `${columnLetter(w.column)}${row}`,
        w.value ?? null,
        styleFor(w.column, own, w.value),
        date1904,
      );
      cells.set(w.column, { xml: p ? prefixCell(text, p) : text });
    }
    const inner = [...cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, c]) => c.xml)
      .join("");
    if (existing) {
      const tag = removeAttribute(existing.tag.replace(/\s*\/>$/, ">"), "spans");
      edits.push({ start: existing.start, end: existing.end, text: `${tag}${inner}</${p}row>` });
    } else {
      newRows.push({ row, text: `<${p}row r="${row}">${inner}</${p}row>` });
    }
  }
  // New rows go before the first existing row with a higher number.
  newRows.sort((a, b) => a.row - b.row);
  const sortedRows = [...rowAt.entries()].sort((a, b) => a[0] - b[0]);
  const closeAt = data.tag.endsWith("/>") ? -1 : data.end - `</${p}sheetData>`.length;
  for (const nr of newRows) {
    const next = sortedRows.find(([n]) => n > nr.row);
    const at = next ? next[1].start : closeAt;
    if (at < 0) continue;
    edits.push({ start: at, end: at, text: nr.text });
  }
  let out = splice(xml, edits);
  if (closeAt < 0 && newRows.length) {
    const empty = element(out, `${p}sheetData`)!;
    out = splice(out, [
      {
        start: empty.start,
        end: empty.end,
        text: `<${p}sheetData>${newRows.map((r) => r.text).join("")}</${p}sheetData>`,
      },
    ]);
  }
  return widenDimension(out, p, writes);
}

function prefixCell(text: string, p: string): string {
  return text.replace(/<(\/?)(c|f|v|is|t)(?=[\s>/])/g, `<$1${p}$2`);
}

function cellsOf(
  row: { start: number; end: number; tag: string; inner: string },
  p: string,
): Map<number, { xml: string; style?: number }> {
  const out = new Map<number, { xml: string; style?: number }>();
  let implicit = 0;
  for (const c of elements(row.inner, `${p}c`)) {
    const a = attributes(c.tag);
    const column = a.r ? (cellRef(a.r)?.column ?? implicit + 1) : implicit + 1;
    implicit = column;
    const xml = row.inner.slice(c.start, c.end);
    out.set(column, { xml, ...(a.s !== undefined ? { style: Number(a.s) } : {}) });
  }
  return out;
}

function cellStylesOf(
  row: { start: number; end: number; tag: string; inner: string } | undefined,
  p: string,
): Map<number, number> {
  const out = new Map<number, number>();
  if (!row) return out;
  for (const [column, c] of cellsOf(row, p)) if (c.style !== undefined) out.set(column, c.style);
  return out;
}

function columnStylesOf(xml: string, p: string): (column: number) => number | undefined {
  const cols = element(xml, `${p}cols`);
  const ranges = cols
    ? elements(cols.inner, `${p}col`).map((c) => {
        const a = attributes(c.tag);
        return { min: Number(a.min), max: Number(a.max), style: a.style !== undefined ? Number(a.style) : undefined };
      })
    : [];
  return (column) => ranges.find((r) => column >= r.min && column <= r.max)?.style;
}

function widenDimension(xml: string, p: string, writes: CellWrite[]): string {
  const dim = element(xml, `${p}dimension`);
  if (!dim) return xml;
  const ref = attributes(dim.tag).ref ?? "A1";
  const [a, b] = ref.split(":");
  const start = cellRef(a ?? "A1") ?? { row: 1, column: 1 };
  const end = cellRef(b ?? a ?? "A1") ?? start;
  const bottom = Math.max(end.row, ...writes.map((w) => w.row));
  const right = Math.max(end.column, ...writes.map((w) => w.column));
  if (bottom === end.row && right === end.column) return xml;
  const text = setAttribute(
    dim.tag,
    "ref",
    `${columnLetter(start.column)}${start.row}:${columnLetter(right)}${bottom}`,
  );
  return splice(xml, [{ start: dim.start, end: dim.end, text }]);
}

/**
 * Rows appended to a table beyond its dropdowns and highlighting get them too: each range of a data
 * validation or conditional format (also those Excel keeps in extension lists, `xm:sqref`) that starts at
 * the table's first data row, stays within its columns and reaches at least its old last row, but ends
 * before the new last row, moves its end down by the rows added — keeping its spare rows beyond the data.
 * Other ranges (a user's own rule on a few cells, the selection) stay as they are.
 */
export function widenTableHelp(
  sheetXml: string,
  t: { left: number; right: number; firstRow: number; oldLast: number; newLast: number },
): string {
  if (t.newLast <= t.oldLast) return sheetXml;
  const widen = (sqref: string) =>
    sqref
      .split(/\s+/)
      .map((range) => {
        const [a, b] = range.split(":");
        const from = a ? cellRef(a.replace(/\$/g, "")) : null;
        const to = b ? cellRef(b.replace(/\$/g, "")) : null;
        if (!from || !to || from.row !== t.firstRow || from.column < t.left || to.column > t.right) return range;
        if (to.row < t.oldLast || to.row >= t.newLast) return range;
        return `${a}:${columnLetter(to.column)}${to.row + t.newLast - t.oldLast}`;
      })
      .join(" ");
  return sheetXml
    .replace(
      /(<(?:\w+:)?(?:dataValidation|conditionalFormatting)\s[^>]*?\bsqref=")([^"]*)(")/g,
      (_, pre, ref, post) => pre + widen(ref) + post,
    )
    .replace(/(<(\w+:)?sqref>)([^<]*)(<\/\2?sqref>)/g, (_, pre, _p, ref, post) => pre + widen(ref) + post);
}
