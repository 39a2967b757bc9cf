/**
 * Plain statistics tables, long or wide, in .xlsx or .csv: the header is the row among the first ten that
 * names an area column (AGS or name) and best a time column (synonyms.ts); group headers merged over
 * value columns may stand above it, title lines above those. Other columns are value columns where they
 * hold numbers or markers, dimension columns where they hold text. A value column's header may be its
 * time (`2019`, `31.12.2020`) or end in it (`Einwohner 2020`).
 */
import type { CellValue } from "../../domain/dates";
import { textOf } from "../../domain/values";
import { areaKeyOf, isValueLike, readTime, timeReader } from "./cells";
import { type CellAt, cellAt, isBlankCell, isEmptyRow, titleLineText } from "./grid";
import type { StatisticsProblem } from "./messages";
import { geoCodeKey } from "./openSdg";
import { type PlainRole, plainRoleOf } from "./synonyms";
import {
  type AreaCell,
  type DataRecord,
  NO_TIME,
  type StatisticsGrid,
  type StatisticsTable,
  type TimeRef,
  type ValueColumn,
} from "./table";
import { readTitle } from "./title";

const HEADER_SEARCH_ROWS = 10;
const GROUP_ROWS_MAX = 3;
const FOOTER = /^_{3,}/;

export interface PlainHeader {
  /** 0-based header row (the one naming the roles) and the group rows above it. */
  row: number;
  groupRows: number[];
  roles: Map<PlainRole, number>;
}

function rolesOfRow(row: readonly CellValue[]): Map<PlainRole, number> {
  const roles = new Map<PlainRole, number>();
  row.forEach((cell, c) => {
    const role = plainRoleOf(textOf(cell));
    if (role && !roles.has(role)) roles.set(role, c);
  });
  return roles;
}

/** The header: among the first ten rows the one naming an area column, best also a time column. */
export function findPlainHeader(grid: StatisticsGrid): PlainHeader | null {
  let best: { row: number; roles: Map<PlainRole, number>; score: number } | null = null;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rows.length); r++) {
    const row = grid.rows[r]!;
    // A header names two columns at least; a title line (`regionale Tiefe: Kreise`) is one cell.
    if (row.filter((v) => !isBlankCell(v)).length < 2) continue;
    const roles = rolesOfRow(row);
    if (!roles.has("schluessel") && !roles.has("name")) continue;
    const score = roles.size;
    if (!best || score > best.score) best = { row: r, roles, score };
  }
  if (!best) return null;
  const roleColumns = new Set(best.roles.values());
  const groupRows: number[] = [];
  for (let r = best.row - 1; r >= 0 && groupRows.length < GROUP_ROWS_MAX; r--) {
    const row = grid.rows[r]!;
    const onRole = [...roleColumns].some((c) => !isBlankCell(row[c] ?? null));
    const elsewhere = row.some((v, c) => !roleColumns.has(c) && !isBlankCell(v));
    if (onRole || !elsewhere) break;
    groupRows.unshift(r);
  }
  return { row: best.row, groupRows, roles: best.roles };
}

/** A header cell that ends in a time: `Einwohner 2020` → `Einwohner`, 31.12.2020. */
const TRAILING_TIME = /^(.*\S)\s+(\d{4}(?:\s?[/-]\s?\d{2,4})?|\d{1,2}\.\s?\d{1,2}\.\s?\d{4})$/;

function headerTime(text: string): { label: string; time: TimeRef } {
  const whole = readTime(text);
  if (whole.kind === "date") return { label: "", time: whole };
  const m = TRAILING_TIME.exec(text);
  if (m) {
    const t = readTime(m[2]!);
    if (t.kind === "date") return { label: m[1]!, time: t };
  }
  return { label: text, time: NO_TIME };
}

export function readPlain(
  grid: StatisticsGrid,
  file: string,
  header: PlainHeader,
): StatisticsTable | StatisticsProblem {
  const read = cellAt(grid, header.row + 1);
  const end = footerIndex(grid, header.row + 1);
  const decimal = grid.separator === "," ? "point" : "comma";
  const roleColumns = new Set(header.roles.values());
  const width = Math.max(0, ...grid.rows.slice(header.row, end).map((r) => r.length));
  const columns: ValueColumn[] = [];
  const dimensions: number[] = [];
  for (let c = 0; c < width; c++) {
    if (roleColumns.has(c)) continue;
    const kind = columnKind(grid, c, header.row + 1, end, decimal);
    if (kind === "empty") continue;
    const head = textOf(read(header.row, c));
    if (kind === "dimension") {
      dimensions.push(c);
      continue;
    }
    const { label, time } = headerTime(head);
    columns.push({ column: c + 1, path: [...header.groupRows.map((r) => textOf(read(r, c))), label], time });
  }
  if (columns.length === 0) return { code: "KEINE_STATISTIK", datei: file, format: "Tabelle", fehlt: ["werte"] };
  const titleLines = grid.rows
    .slice(0, header.groupRows[0] ?? header.row)
    .filter((r) => !isEmptyRow(r))
    .map(titleLineText);
  const title = readTitle(titleLines);
  return {
    format: "Tabelle",
    file,
    sheet: grid.separator === undefined ? grid.sheet : null,
    source: file,
    title: title.title,
    unit: title.unit,
    time: title.time,
    dayOfYear: title.dayOfYear,
    decimal,
    columns,
    dimensions: dimensions.map((c) => ({ column: c + 1, name: textOf(read(header.row, c)) })),
    records: records(read, header, header.row + 1, end, dimensions, columns),
  };
}

function footerIndex(grid: StatisticsGrid, from: number): number {
  for (let r = from; r < grid.rows.length; r++) if (FOOTER.test(textOf(grid.rows[r]![0] ?? null))) return r;
  return grid.rows.length;
}

/** Value column (a number or marker in it), dimension column (only text), or nothing in it. */
function columnKind(
  grid: StatisticsGrid,
  c: number,
  from: number,
  end: number,
  decimal: "comma" | "point",
): "value" | "dimension" | "empty" {
  let text = false;
  for (let r = from; r < end; r++) {
    const v = grid.rows[r]![c] ?? null;
    if (isBlankCell(v)) continue;
    if (isValueLike(v, decimal)) return "value";
    text = true;
  }
  return text ? "dimension" : "empty";
}

function records(
  read: CellAt,
  header: PlainHeader,
  from: number,
  end: number,
  dimensions: number[],
  columns: ValueColumn[],
): DataRecord[] {
  const time = timeReader();
  const timeColumn = header.roles.get("zeit");
  const unitColumn = header.roles.get("einheit");
  const out: DataRecord[] = [];
  for (let r = from; r < end; r++) {
    const cells = columns.map((c) => read(r, c.column - 1));
    if (cells.every(isBlankCell)) continue;
    const area = areaOf(read, r, header.roles);
    const unit = unitColumn === undefined ? "" : textOf(read(r, unitColumn));
    out.push({
      row: r + 1,
      time: timeColumn === undefined ? NO_TIME : time(read(r, timeColumn)),
      area,
      ...(area ? {} : { areaText: areaText(read, r, header.roles) }),
      dims: dimensions.map((c) => textOf(read(r, c))),
      unit: unit === "" ? null : unit,
      cells,
    });
  }
  return out;
}

/** The key where it reads as one; else the name (matched to Gebiete by name). */
function areaOf(read: CellAt, r: number, roles: Map<PlainRole, number>): AreaCell | null {
  const keyColumn = roles.get("schluessel");
  const nameColumn = roles.get("name");
  const name = nameColumn === undefined ? "" : textOf(read(r, nameColumn));
  const keyCell = keyColumn === undefined ? null : read(r, keyColumn);
  const key = areaKeyOf(keyCell) ?? (typeof keyCell === "string" ? geoCodeKey(keyCell) : null);
  if (key !== null) return { key, name, column: keyColumn! + 1 };
  if (name !== "") return { key: null, name, column: nameColumn! + 1 };
  return null;
}

function areaText(read: CellAt, r: number, roles: Map<PlainRole, number>): string {
  return [roles.get("schluessel"), roles.get("name")]
    .filter((c): c is number => c !== undefined)
    .map((c) => textOf(read(r, c)))
    .filter((t) => t !== "")
    .join(" ");
}
