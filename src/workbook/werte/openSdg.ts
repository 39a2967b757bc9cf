/**
 * Open SDG CSVs, as the Länder publish their integration monitoring (Niedersachsen's LSN): one header
 * row `Year, Gebietseinheit, <dimensions…>, Units, GeoCode, Value`, then one row per value; decimal point;
 * `GeoCode` is `K` + AGS. An empty Value is no value (it is accounted for, not taken).
 */
import type { CellValue } from "../../domain/dates";
import { textOf } from "../../domain/values";
import { areaKeyOf, timeReader } from "./cells";
import { isEmptyRow } from "./grid";
import { headerKey } from "../import/mapping";
import type { StatisticsProblem } from "./messages";
import type { AreaCell, DataRecord, StatisticsGrid, StatisticsTable } from "./table";

type Role = "year" | "geocode" | "name" | "units" | "value";
const ROLES: Record<string, Role> = {
  year: "year",
  geocode: "geocode",
  gebietseinheit: "name",
  units: "units",
  value: "value",
};

function headerRowIndex(grid: StatisticsGrid): number {
  return grid.rows.findIndex((r) => !isEmptyRow(r));
}

function rolesOf(header: readonly CellValue[]): Map<Role, number> {
  const roles = new Map<Role, number>();
  header.forEach((cell, c) => {
    const role = ROLES[headerKey(textOf(cell).replace(/^\uFEFF/, ""))];
    if (role && !roles.has(role)) roles.set(role, c);
  });
  return roles;
}

/** Whether the first row is an Open SDG header (`Year` and `Value`). */
export function isOpenSdg(grid: StatisticsGrid): boolean {
  const h = headerRowIndex(grid);
  if (h < 0) return false;
  const roles = rolesOf(grid.rows[h]!);
  return roles.has("year") && roles.has("value");
}

const GEOCODE = /^([A-Za-z]*)(\d+)$/;

/**
 * The AGS of a GeoCode: the letter prefix dropped (`K03101` → `03101`); LSN writes the Land as `K030`,
 * three digits ending in 0 (no Regierungsbezirk has the number 0), which is the Land `03`.
 */
export function geoCodeKey(code: string): string | null {
  const text = code.trim();
  if (/^DG$/i.test(text)) return "DG";
  const m = GEOCODE.exec(text);
  if (!m) return null;
  const digits = m[2]!;
  if (digits.length === 3 && digits.endsWith("0")) return digits.slice(0, 2);
  return areaKeyOf(digits);
}

export function readOpenSdg(grid: StatisticsGrid, file: string): StatisticsTable | StatisticsProblem {
  const h = headerRowIndex(grid);
  const header = grid.rows[h]!;
  const roles = rolesOf(header);
  const value = roles.get("value")!;
  const year = roles.get("year")!;
  const geo = roles.get("geocode");
  const name = roles.get("name");
  const units = roles.get("units");
  if (geo === undefined && name === undefined)
    return { code: "KEINE_STATISTIK", datei: file, format: "Open SDG", fehlt: ["gebiet"] };
  const taken = new Set<number>(roles.values());
  const dims: number[] = [];
  header.forEach((cell, c) => {
    if (!taken.has(c) && textOf(cell) !== "") dims.push(c);
  });
  const time = timeReader();
  const records: DataRecord[] = [];
  for (let r = h + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    if (isEmptyRow(row)) continue;
    const area = areaOf(row, geo, name);
    const unit = units === undefined ? "" : textOf(row[units] ?? null);
    records.push({
      row: r + 1,
      time: time(row[year] ?? null),
      area,
      ...(area ? {} : { areaText: textOf(row[geo ?? name!] ?? null) }),
      dims: dims.map((c) => textOf(row[c] ?? null)),
      unit: unit === "" ? null : unit,
      cells: [row[value] ?? null],
    });
  }
  return {
    format: "Open SDG",
    file,
    sheet: grid.separator === undefined ? grid.sheet : null,
    source: file,
    title: "",
    unit: null,
    time: { kind: "none" },
    dayOfYear: null,
    decimal: "point",
    columns: [{ column: value + 1, path: [textOf(header[value] ?? null)], time: { kind: "none" } }],
    dimensions: dims.map((c) => ({ column: c + 1, name: textOf(header[c] ?? null) })),
    records,
  };
}

function areaOf(row: readonly CellValue[], geo: number | undefined, name: number | undefined): AreaCell | null {
  const published = name === undefined ? "" : textOf(row[name] ?? null);
  const key = geo === undefined ? null : geoCodeKey(textOf(row[geo] ?? null));
  if (key !== null) return { key, name: published, column: geo! + 1 };
  if (published !== "" && (geo === undefined || textOf(row[geo] ?? null) === ""))
    return { key: null, name: published, column: name! + 1 };
  return null;
}
