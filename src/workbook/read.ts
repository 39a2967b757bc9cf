/**
 * Reading a workbook into the domain, for any host. A host (the .xlsx package, Office.js) only has to offer its
 * sheets as grids of plain cell values and name where its tables are; finding tables, headers and rows is
 * done here, driven by the contract.
 */
import type { CellValue } from "../domain/dates";
import { type ConceptData, type EntityKind, ENTITY_KINDS, type RowRecord, type TableData } from "../domain/model";
import { isBlank, normalizeLabel } from "../domain/values";
import { type TableSpec, TABLES, anchorHeader } from "./contract";
import { formerMeasureIds, readVorperiode } from "./vorperiode";

/** A rectangle of a sheet, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** Last used row and column (1-based); 0 for an empty sheet. */
  readonly rowCount: number;
  readonly columnCount: number;
  /** Plain value of a cell: formulas give their result, rich text its text. 1-based. */
  value(row: number, column: number): CellValue;
  /** Text of a cell's note (comment), where the host can read notes. */
  note?(row: number, column: number): string | undefined;
}

export interface TableLocation {
  name: string;
  sheet: string;
  area: Area;
}

export interface WorkbookSource {
  sheetNames(): string[];
  sheet(name: string): SheetGrid | undefined;
  tables(): TableLocation[];
}

/** A table as found in the workbook, with the columns a user added. */
export interface FoundTable<F extends string = string> extends TableData<F> {
  /** The Excel table found by name, or null when read from a plain range. */
  tableName: string | null;
  area: Area;
  /** Columns present that the contract does not know (kept untouched by every operation). */
  extraColumns: { header: string; column: number }[];
  /** 1-based column number of each known field. */
  columnIndex: Partial<Record<F, number>>;
}

export class UnreadableWorkbookError extends Error {}

export function columnLetter(column: number): string {
  let s = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** `B7` → { row: 7, column: 2 } */
export function parseAddress(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

/** Which field of the spec a header text names, by header or synonym. */
function headerMatcher(spec: TableSpec): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of spec.columns) {
    for (const label of [c.header, ...(c.synonyms ?? [])]) {
      const key = normalizeLabel(label);
      if (!map.has(key)) map.set(key, c.field);
    }
  }
  return map;
}

function locate(
  spec: TableSpec,
  source: WorkbookSource,
): { sheet: SheetGrid; area: Area; tableName: string | null } | null {
  const tables = source.tables();
  const byName = tables.find((t) => t.name.toLowerCase() === spec.table.toLowerCase());
  if (byName) {
    const sheet = source.sheet(byName.sheet);
    if (sheet) return { sheet, area: byName.area, tableName: byName.name };
  }
  const wanted = [spec.sheet, ...(spec.sheetSynonyms ?? [])].map(normalizeLabel);
  const sheetName = source.sheetNames().find((n) => wanted.includes(normalizeLabel(n)));
  const sheet = sheetName ? source.sheet(sheetName) : undefined;
  if (!sheet) return null;
  // A table on this sheet that was renamed: take it when its header holds the anchor header.
  const anchor = normalizeLabel(anchorHeader(spec).header);
  const renamed = tables.find(
    (t) =>
      t.sheet === sheet.name &&
      Array.from({ length: t.area.right - t.area.left + 1 }, (_, i) => sheet.value(t.area.top, t.area.left + i)).some(
        (v) => typeof v === "string" && normalizeLabel(v) === anchor,
      ),
  );
  if (renamed) return { sheet, area: renamed.area, tableName: renamed.name };
  // A plain range: the header is the first row among the first ten that holds the anchor header.
  for (let row = 1; row <= Math.min(10, sheet.rowCount); row++) {
    for (let column = 1; column <= sheet.columnCount; column++) {
      const v = sheet.value(row, column);
      if (typeof v === "string" && normalizeLabel(v) === anchor) {
        return {
          sheet,
          area: { top: row, left: 1, bottom: sheet.rowCount, right: sheet.columnCount },
          tableName: null,
        };
      }
    }
  }
  return null;
}

/** Reads one table of the contract; null when neither the table nor its sheet can be found. */
export function readTable<K extends EntityKind>(spec: TableSpec<K>, source: WorkbookSource): FoundTable | null {
  const found = locate(spec, source);
  if (!found) return null;
  const { sheet, area, tableName } = found;
  const matcher = headerMatcher(spec);
  const columnIndex: Record<string, number> = {};
  const extraColumns: { header: string; column: number }[] = [];
  let lastHeader = area.left - 1;
  for (let column = area.left; column <= area.right; column++) {
    const raw = sheet.value(area.top, column);
    if (isBlank(raw)) continue;
    lastHeader = column;
    const header = String(raw).trim();
    const field = matcher.get(normalizeLabel(header));
    if (field && columnIndex[field] === undefined) columnIndex[field] = column;
    else extraColumns.push({ header, column });
  }
  const columns: Record<string, string> = {};
  for (const [field, column] of Object.entries(columnIndex)) columns[field] = columnLetter(column);
  const missingColumns = spec.columns
    .filter((c) => c.required && columnIndex[c.field] === undefined)
    .map((c) => ({ field: c.field, header: c.header }));

  const fields = Object.entries(columnIndex);
  const rows: RowRecord<string>[] = [];
  let bottom = Math.min(area.bottom, sheet.rowCount);
  // Rows typed directly below a table (LibreOffice and other tools do not extend Excel tables) belong to it.
  if (tableName) {
    const hasContent = (row: number) => fields.some(([, column]) => !isBlank(sheet.value(row, column)));
    while (bottom < sheet.rowCount && hasContent(bottom + 1)) bottom++;
  }
  for (let row = area.top + 1; row <= bottom; row++) {
    const values: Record<string, CellValue> = {};
    let content = false;
    for (const [field, column] of fields) {
      const v = sheet.value(row, column);
      if (v !== null && v !== undefined && v !== "") {
        values[field] = v;
        if (!content && !isBlank(v)) content = true;
      }
    }
    if (content) rows.push({ row, values });
  }
  return {
    kind: spec.kind,
    sheet: sheet.name,
    headerRow: area.top,
    columns,
    missingColumns,
    nextFreeColumn: columnLetter(Math.max(lastHeader, area.left - 1) + 1),
    rows,
    tableName,
    area: { ...area, bottom },
    extraColumns,
    columnIndex,
  };
}

export interface ReadConcept extends ConceptData {
  found: Partial<Record<EntityKind, FoundTable>>;
}

/**
 * Reads every table of the contract. Throws UnreadableWorkbookError when the Maßnahmen table cannot be
 * found: such a workbook cannot be checked at all.
 */
export function readConcept(source: WorkbookSource): ReadConcept {
  const found: Partial<Record<EntityKind, FoundTable>> = {};
  const missingTables: ConceptData["missingTables"] = [];
  for (const spec of TABLES) {
    const table = readTable(spec, source);
    if (table) found[spec.kind] = table;
    else if (spec.requiredSheet)
      missingTables.push({
        kind: spec.kind,
        sheet: spec.sheet,
        table: spec.table,
        requiredHeaders: spec.columns.filter((c) => c.required).map((c) => c.header),
      });
  }
  const massnahmen = found.massnahmen;
  if (!massnahmen) {
    throw new UnreadableWorkbookError(
      "enthält kein Blatt „Maßnahmen“ und keine Tabelle „tblMassnahmen“ mit einer Spalte „ID“",
    );
  }
  const tables = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, found[kind] ?? null]));
  return {
    ...(tables as Omit<ConceptData, "massnahmen" | "missingTables" | "formerMeasures">),
    massnahmen: massnahmen as ConceptData["massnahmen"],
    missingTables: missingTables.filter((m) => m.kind !== "massnahmen"),
    formerMeasures: formerMeasureIds(readVorperiode(source)),
    found,
  };
}
