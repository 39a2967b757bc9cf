/**
 * Reading a workbook into the domain, for any host. A host (the .xlsx package, Office.js) only has to offer its
 * sheets as grids of plain cell values and name where its tables are; finding tables, headers and rows is
 * done here, driven by the contract.
 */
import type { CellValue } from "../domain/dates";
import { type ConceptData, type EntityKind, ENTITY_KINDS, type RowRecord, type TableData } from "../domain/model";
import { isBlank, normalizeLabel } from "../domain/values";
import { MASSNAHMEN, type TableSpec, TABLES, anchorHeader } from "./contract";
import { type Area, type SheetGrid, type WorkbookSource, columnLetter } from "./source";
import { formerMeasureIds, readVorperiode } from "./sheets/vorperiode";

export * from "./source";

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

/**
 * A workbook without a Maßnahmen table: it cannot be checked at all. Its message is the predicate of a
 * sentence (`enthält kein Blatt „Maßnahmen“ …`) that a surface completes with the workbook's name.
 */
export class UnreadableWorkbookError extends Error {
  readonly code = "MASSNAHMEN_FEHLEN";

  constructor(readonly params: { sheet: string; table: string }) {
    super(`enthält kein Blatt „${params.sheet}“ und keine Tabelle „${params.table}“ mit einer Spalte „ID“`);
  }
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
    nonEmpty: spec.nonEmpty as Partial<Record<string, string>>,
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
    throw new UnreadableWorkbookError({ sheet: MASSNAHMEN.sheet, table: MASSNAHMEN.table });
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
