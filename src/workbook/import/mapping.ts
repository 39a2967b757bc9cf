/**
 * Which column of a city's own list holds what: the guess from its headers (guessMapping), and the user's
 * corrections on top of it (applyMappingOverrides, the `--zuordnung` JSON). Pure: works on a grid of plain
 * cell values, so the CLI and a pane can both show the guess before anything is written.
 */
import { type CellValue, type IsoDate, parseGermanDate } from "../../domain/dates";
import { normalizeLabel, textOf } from "../../domain/values";
import { MASSNAHMEN } from "../contract";
import type { Area } from "../read";
import { MappingError } from "./messages";
import { IMPORT_SYNONYMS, type ImportField, PERIOD_ASPECTS, type PeriodAspect } from "./synonyms";

/** One sheet of the list as plain values; merged areas as the file has them. */
export interface ImportGrid {
  sheet: string;
  /** rows[r - 1][c - 1] is the value of row r, column c. */
  rows: CellValue[][];
  merges: Area[];
  /** The header row of an Excel table on the sheet, where there is one. */
  tableHeaderRow?: number;
  /** A hidden sheet is taken only when named. */
  hidden?: boolean;
}

export type ColumnTarget =
  { kind: "field"; field: ImportField } | { kind: "period"; aspect: PeriodAspect; date: IsoDate } | { kind: "extra" };

export interface ColumnMapping {
  column: number;
  /** The header as read (two header rows joined with a space). */
  header: string;
  target: ColumnTarget;
  /** Set on a column left as its own column because another one was taken for this field. */
  alsoLike?: ImportField;
}

export interface ImportMapping {
  /** First and last header row (1-based; equal for a one-row header). */
  headerTop: number;
  headerBottom: number;
  columns: ColumnMapping[];
}

const HEADER_SEARCH_ROWS = 10;
const PREFIX_MIN = 5;

/** Header comparison: the contract's, and punctuation ignored too. */
export function headerKey(text: string): string {
  return normalizeLabel(text).replace(/[.,:;!?()[\]"'„“”/*+]/g, "");
}

const FIELD_KEYS: { key: string; field: ImportField; rank: number }[] = Object.entries(IMPORT_SYNONYMS).flatMap(
  ([field, synonyms]) => synonyms.map((s, rank) => ({ key: headerKey(s), field: field as ImportField, rank })),
);
FIELD_KEYS.sort((a, b) => b.key.length - a.key.length);

const ASPECT_WORDS = Object.entries(PERIOD_ASPECTS)
  .flatMap(([aspect, words]) => words.map((w) => ({ aspect: aspect as PeriodAspect, word: w })))
  .sort((a, b) => b.word.length - a.word.length);

/** `2013` → 31.12.2013; `2015/16`, `2015/2016`, `2015-2016` → 31.12.2016; a date or month as the reader reads it. */
export function periodEnd(text: string): IsoDate | null {
  const t = text.trim();
  const span = /^(\d{4})\s*[/–-]\s*(\d{2}|\d{4})$/.exec(t);
  if (span) {
    const first = Number(span[1]);
    const second = span[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(span[2]) : Number(span[2]);
    return second > first && second - first <= 5 ? `${second}-12-31` : null;
  }
  const parsed = parseGermanDate(t);
  return parsed.kind === "date" ? parsed.date : null;
}

/** A per-period header: `Sachstand 2013`, `Stand 2015/16`, `Ampel 2017/2018`, `Status zum 30.06.2024`. */
export function periodOf(header: string): { aspect: PeriodAspect; date: IsoDate } | null {
  const text = header.replace(/\s+/g, " ").trim();
  for (const { aspect, word } of ASPECT_WORDS) {
    if (!text.toLowerCase().startsWith(word.toLowerCase())) continue;
    const rest = text
      .slice(word.length)
      .replace(/^[\s:,(–-]*(?:(?:zum|per|am|vom|stand|bis)\b\s*)?/i, "")
      .replace(/[\s)]+$/, "");
    if (rest === "") continue;
    const date = periodEnd(rest);
    if (date) return { aspect, date };
  }
  return null;
}

/** The field a header names, with its rank (lower is a better match); null when none. */
export function fieldOf(header: string): { field: ImportField; rank: number } | null {
  const key = headerKey(header);
  if (key === "") return null;
  const exact = FIELD_KEYS.find((f) => f.key === key);
  if (exact) return { field: exact.field, rank: exact.rank };
  const prefix = FIELD_KEYS.find((f) => f.key.length >= PREFIX_MIN && key.startsWith(f.key));
  return prefix ? { field: prefix.field, rank: 100 + prefix.rank } : null;
}

function recognise(header: string): { target: ColumnTarget; rank: number } {
  const period = periodOf(header);
  if (period) return { target: { kind: "period", ...period }, rank: 0 };
  const field = fieldOf(header);
  return field
    ? { target: { kind: "field", field: field.field }, rank: field.rank }
    : { target: { kind: "extra" }, rank: 0 };
}

// ——— the grid with its merged cells ———

export function columnCount(grid: ImportGrid): number {
  return Math.max(0, ...grid.rows.map((r) => r.length));
}

/**
 * The value a reader sees in a cell: a merged area shows its top-left value in every row (a Handlungsfeld
 * merged over its measures), and across its columns only in header rows (up to `headerBottom`).
 */
export function cellReader(grid: ImportGrid, headerBottom: number): (row: number, column: number) => CellValue {
  const owner = new Map<string, { row: number; column: number }>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        if (c !== m.left && r > headerBottom) continue;
        owner.set(`${r}:${c}`, { row: m.top, column: m.left });
      }
    }
  }
  const raw = (row: number, column: number) => grid.rows[row - 1]?.[column - 1] ?? null;
  return (row, column) => {
    const o = owner.get(`${row}:${column}`);
    return o ? raw(o.row, o.column) : raw(row, column);
  };
}

// ——— the guess ———

function headerTexts(grid: ImportGrid, top: number, bottom: number): string[] {
  const read = cellReader(grid, bottom);
  const out: string[] = [];
  for (let c = 1; c <= columnCount(grid); c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = textOf(read(r, c));
      if (t && !parts.includes(t)) parts.push(t);
    }
    out.push(parts.join(" "));
  }
  return out;
}

/** How much of a header candidate is understood: distinct fields and distinct per-period columns. */
function score(headers: string[]): number {
  const seen = new Set<string>();
  for (const h of headers) {
    const { target } = recognise(h);
    if (target.kind === "field") seen.add(target.field);
    if (target.kind === "period") seen.add(`${target.aspect}:${target.date}`);
  }
  return seen.size;
}

function assign(headers: string[], grid: ImportGrid, headerBottom: number): ColumnMapping[] {
  const read = cellReader(grid, headerBottom);
  const columns: (ColumnMapping & { rank: number })[] = [];
  for (let c = 1; c <= headers.length; c++) {
    const header = headers[c - 1]!;
    let hasData = false;
    for (let r = headerBottom + 1; r <= grid.rows.length && !hasData; r++) hasData = textOf(read(r, c)) !== "";
    if (header === "" && !hasData) continue;
    const { target, rank } = recognise(header);
    columns.push({ column: c, header, target, rank });
  }
  return resolveDuplicates(columns).map((c) => ({
    column: c.column,
    header: c.header,
    target: c.target,
    ...(c.alsoLike ? { alsoLike: c.alsoLike } : {}),
  }));
}

/**
 * A column whose field another column was given: kept as its own column, remembering what it looked like
 * (one column per field, in the pane as with `--zuordnung`).
 */
export function asOwnColumn(c: ColumnMapping): ColumnMapping {
  return {
    column: c.column,
    header: c.header,
    target: { kind: "extra" },
    ...(c.target.kind === "field" ? { alsoLike: c.target.field } : {}),
  };
}

export const targetKey = (t: ColumnTarget) =>
  t.kind === "field" ? t.field : t.kind === "period" ? `${t.aspect}:${t.date}` : null;

/** Two columns for one field: the better header (then the left one) is taken, the other stays its own column. */
function resolveDuplicates<C extends ColumnMapping & { rank: number }>(columns: C[]): C[] {
  const best = new Map<string, C>();
  for (const c of columns) {
    const key = targetKey(c.target);
    if (!key) continue;
    const held = best.get(key);
    if (!held || c.rank < held.rank) best.set(key, c);
  }
  return columns.map((c) => {
    const key = targetKey(c.target);
    if (!key || best.get(key) === c) return c;
    return { ...c, target: { kind: "extra" }, ...(c.target.kind === "field" ? { alsoLike: c.target.field } : {}) };
  });
}

/** The mapping for a given header row (or two rows). */
export function mappingAt(grid: ImportGrid, headerTop: number, headerBottom = headerTop): ImportMapping {
  return { headerTop, headerBottom, columns: assign(headerTexts(grid, headerTop, headerBottom), grid, headerBottom) };
}

/**
 * The guess: the header is the row (or pair of rows, for a group header merged over sub-headers such as
 * `Sachstand` over `2013 | 2015/16`) among the first ten that names the most known columns.
 */
export function guessMapping(grid: ImportGrid): ImportMapping & { recognised: number } {
  const last = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  const rows = new Set<number>(Array.from({ length: last }, (_, i) => i + 1));
  if (grid.tableHeaderRow) rows.add(grid.tableHeaderRow);
  const filled = (r: number) => (grid.rows[r - 1] ?? []).some((v) => textOf(v) !== "");
  let best = { top: 1, bottom: 1, score: -1, width: 0 };
  // One header row first; two rows only where both hold something and together they name more. On a tie
  // the row with more distinct headers wins (a title `Maßnahmen der Stadt` names a field too).
  for (const span of [0, 1]) {
    for (const r of [...rows].sort((a, b) => a - b)) {
      const bottom = r + span;
      if (bottom > grid.rows.length || !filled(r) || !filled(bottom)) continue;
      const headers = headerTexts(grid, r, bottom);
      const s = score(headers);
      const width = new Set(headers.filter((h) => h !== "")).size;
      if (s > best.score || (s === best.score && width > best.width)) best = { top: r, bottom, score: s, width };
    }
  }
  return { ...mappingAt(grid, best.top, best.bottom), recognised: Math.max(best.score, 0) };
}

// ——— the user's corrections ———

export { MappingError };

const FIELD_LABEL = new Map<ImportField, string>(
  MASSNAHMEN.columns.filter((c) => c.field in IMPORT_SYNONYMS).map((c) => [c.field as ImportField, c.header]),
);

/** The contract's header of a field (`federfuehrung` → `Federführung`). */
export function fieldLabel(field: ImportField): string {
  return FIELD_LABEL.get(field) ?? field;
}

const EXTRA_WORDS = ["eigene Spalte", "Extra", "übernehmen wie sie ist", "behalten"].map(headerKey);

/** What a target text in a mapping file names: a contract header, a synonym, a period column or `eigene Spalte`. */
export function targetOf(text: string): ColumnTarget | null {
  const key = headerKey(text);
  if (EXTRA_WORDS.includes(key)) return { kind: "extra" };
  for (const [field, label] of FIELD_LABEL)
    if (headerKey(label) === key || headerKey(field) === key) return { kind: "field", field };
  const period = periodOf(text);
  if (period) return { kind: "period", ...period };
  const exact = FIELD_KEYS.find((f) => f.key === key);
  return exact ? { kind: "field", field: exact.field } : null;
}

/**
 * The sheet to import: the one named (compared like sheet names), else the one whose header names the
 * most known columns. Throws MappingError when the named sheet is missing or no header is recognised.
 */
export function chooseGrid(
  grids: ImportGrid[],
  wanted?: string,
  /** The user gives the mapping: a sheet without known headers is fine. */
  mappingGiven = false,
): { grid: ImportGrid; guess: ImportMapping } {
  const visible = grids.some((g) => !g.hidden) ? grids.filter((g) => !g.hidden) : grids;
  const candidates =
    wanted === undefined ? visible : grids.filter((g) => normalizeLabel(g.sheet) === normalizeLabel(wanted));
  if (candidates.length === 0)
    throw new MappingError({ code: "BLATT_FEHLT", blatt: wanted ?? "", vorhanden: grids.map((g) => g.sheet) });
  let best: { grid: ImportGrid; guess: ImportMapping & { recognised: number } } | null = null;
  for (const grid of candidates) {
    const guess = guessMapping(grid);
    if (!best || guess.recognised > best.guess.recognised) best = { grid, guess };
  }
  if (!best || (best.guess.recognised === 0 && !mappingGiven)) {
    throw new MappingError({ code: "KEINE_KOPFZEILE", blatt: wanted ?? null });
  }
  return best;
}
