/**
 * GENESIS exports of the Regionaldatenbank Deutschland and the Landesämter (CSV or .xlsx): title lines
 * (`GENESIS-Tabelle: 12411-01-01-4`, the title, the unit, the Stichtag), one to four header lines whose
 * cells together name each value column (a line of dates gives each column its Stichtag), data rows
 * `[Zeit ;] AGS ; Gebiet ; [dimensions ;] values…` with indented names, and a footer from `__________`.
 * Columns: the prefix (time, key, name), then dimension columns (empty header, text values such as
 * `Tageseinrichtung` or `unter 3 Jahre`), then value columns.
 */
import type { CellValue } from "../../domain/dates";
import { textOf } from "../../domain/values";
import { areaKeyOf, isValueLike, timeReader } from "./cells";
import { type CellAt, cellAt, isBlankCell, isEmptyRow, titleLineText } from "./grid";
import type { StatisticsProblem } from "./messages";
import {
  type DataRecord,
  type DimensionColumn,
  NO_TIME,
  type StatisticsGrid,
  type StatisticsTable,
  type TimeRef,
  type ValueColumn,
} from "./table";
import { readTitle } from "./title";

const FOOTER = /^_{3,}/;
/** Data rows looked at to tell a dimension column (text) from a value column (numbers, markers). */
const DIMENSION_SAMPLE = 25;

/** Whether the grid starts like a GENESIS export (its first line names the table). */
export function isGenesisExport(grid: StatisticsGrid): boolean {
  const first = grid.rows.find((r) => !isEmptyRow(r));
  return first !== undefined && /^GENESIS/i.test(textOf(first[0] ?? null));
}

interface Layout {
  /** 0-based index of the first data row and of the row where the footer starts (or the row count). */
  first: number;
  end: number;
  /** Index of the key column: 0, or 1 behind a time column. */
  key: number;
}

function footerIndex(grid: StatisticsGrid): number {
  const i = grid.rows.findIndex((r) => FOOTER.test(textOf(r[0] ?? null)));
  return i < 0 ? grid.rows.length : i;
}

/** Where the data rows start: the first row `AGS ; name` or `time ; AGS ; name`. */
export function genesisLayout(grid: StatisticsGrid, time = timeReader()): Layout | null {
  const end = footerIndex(grid);
  for (let r = 0; r < end; r++) {
    const row = grid.rows[r]!;
    if (areaKeyOf(row[0] ?? null) !== null && textOf(row[1] ?? null) !== "") return { first: r, end, key: 0 };
    if (areaKeyOf(row[1] ?? null) !== null && textOf(row[2] ?? null) !== "" && time(row[0] ?? null).kind === "date")
      return { first: r, end, key: 1 };
  }
  return null;
}

export function readGenesis(grid: StatisticsGrid, file: string): StatisticsTable | StatisticsProblem {
  const time = timeReader();
  const layout = genesisLayout(grid, time);
  if (!layout) return { code: "KEINE_STATISTIK", datei: file, format: "GENESIS", fehlt: ["gebiet"] };
  const prefix = layout.key + 2;
  const headerRows: number[] = [];
  const titleLines: string[] = [];
  for (let r = 0; r < layout.first; r++) {
    const row = grid.rows[r]!;
    if (row.slice(prefix).some((v) => textOf(v) !== "")) headerRows.push(r);
    else if (!isEmptyRow(row)) titleLines.push(titleLineText(row));
  }
  const read = cellAt(grid, (headerRows.at(-1) ?? -1) + 1);
  const width = widthOf(grid, headerRows, layout);
  const dimensions = dimensionColumns(grid, read, headerRows, layout, prefix, width);
  const firstValue = prefix + dimensions.length;
  const { pathRows, dateRows } = splitDateRows(read, headerRows, firstValue, width, time);
  const columns: ValueColumn[] = [];
  const filled = filledColumns(grid, layout, firstValue, width);
  for (let c = firstValue; c < width; c++) {
    if (!filled[c - firstValue]) continue;
    const path = pathRows.map((r) => textOf(read(r, c)));
    columns.push({ column: c + 1, path, time: columnTime(read, dateRows, c, time) });
  }
  const title = readTitle(titleLines);
  if (columns.length === 0) return { code: "KEINE_STATISTIK", datei: file, format: "GENESIS", fehlt: ["werte"] };
  return {
    format: "GENESIS",
    file,
    sheet: grid.separator === undefined ? grid.sheet : null,
    source: title.genesisCode ? `GENESIS ${title.genesisCode}` : file,
    title: title.title,
    unit: title.unit,
    time: title.time,
    dayOfYear: title.dayOfYear,
    decimal: "comma",
    columns,
    dimensions: dimensions.map((c): DimensionColumn => ({ column: c + 1, name: "" })),
    records: records(grid, read, layout, dimensions, columns, time),
  };
}

function widthOf(grid: StatisticsGrid, headerRows: number[], layout: Layout): number {
  let width = 0;
  for (const r of headerRows) width = Math.max(width, grid.rows[r]!.length);
  for (let r = layout.first; r < layout.end; r++) width = Math.max(width, grid.rows[r]!.length);
  return width;
}

/**
 * The columns after the prefix with no header over them and text in the first data rows (a value column
 * always has a header, if only its unit; a dimension's values may look like numbers: `0`, `1 - 2 500`).
 */
function dimensionColumns(
  grid: StatisticsGrid,
  read: CellAt,
  headerRows: number[],
  layout: Layout,
  prefix: number,
  width: number,
): number[] {
  const out: number[] = [];
  const sample = Math.min(layout.end, layout.first + DIMENSION_SAMPLE);
  for (let c = prefix; c < width; c++) {
    if (headerRows.length > 0 && headerRows.some((r) => !isBlankCell(read(r, c)))) break;
    let text = 0;
    let value = 0;
    for (let r = layout.first; r < sample; r++) {
      const v: CellValue = grid.rows[r]![c] ?? null;
      if (isBlankCell(v)) continue;
      if (isValueLike(v, "comma")) value++;
      else text++;
    }
    if (text === 0 || (headerRows.length === 0 && value > text)) break;
    out.push(c);
  }
  return out;
}

/** Header rows whose cells over the value columns are all dates give each column its Stichtag. */
function splitDateRows(
  read: CellAt,
  headerRows: number[],
  firstValue: number,
  width: number,
  time: (v: CellValue) => TimeRef,
): { pathRows: number[]; dateRows: number[] } {
  const pathRows: number[] = [];
  const dateRows: number[] = [];
  for (const r of headerRows) {
    let dates = 0;
    let other = 0;
    for (let c = firstValue; c < width; c++) {
      const v = read(r, c);
      if (textOf(v) === "") continue;
      if (time(v).kind === "date") dates++;
      else other++;
    }
    (dates > 0 && other === 0 ? dateRows : pathRows).push(r);
  }
  return { pathRows, dateRows };
}

function columnTime(read: CellAt, dateRows: number[], c: number, time: (v: CellValue) => TimeRef): TimeRef {
  for (const r of dateRows) {
    const t = time(read(r, c));
    if (t.kind === "date") return t;
  }
  return NO_TIME;
}

function filledColumns(grid: StatisticsGrid, layout: Layout, firstValue: number, width: number): boolean[] {
  const filled = new Array<boolean>(Math.max(0, width - firstValue)).fill(false);
  for (let r = layout.first; r < layout.end; r++) {
    const row = grid.rows[r]!;
    for (let c = firstValue; c < row.length; c++)
      if (!filled[c - firstValue] && textOf(row[c] ?? null) !== "") filled[c - firstValue] = true;
  }
  return filled;
}

function records(
  grid: StatisticsGrid,
  read: CellAt,
  layout: Layout,
  dimensions: number[],
  columns: ValueColumn[],
  time: (v: CellValue) => TimeRef,
): DataRecord[] {
  const out: DataRecord[] = [];
  const k = layout.key;
  for (let r = layout.first; r < layout.end; r++) {
    if (isEmptyRow(grid.rows[r]!)) continue;
    const cells = columns.map((c) => read(r, c.column - 1));
    const keyCell = read(r, k);
    const key = areaKeyOf(keyCell);
    if (key === null && cells.every(isBlankCell)) continue;
    out.push({
      row: r + 1,
      time: k === 1 ? time(read(r, 0)) : NO_TIME,
      area: key === null ? null : { key, name: textOf(read(r, k + 1)), column: k + 1 },
      ...(key === null ? { areaText: [textOf(keyCell), textOf(read(r, k + 1))].filter((t) => t).join(" ") } : {}),
      dims: dimensions.map((c) => textOf(read(r, c))),
      unit: null,
      cells,
    });
  }
  return out;
}
