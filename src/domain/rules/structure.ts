/** Structure rules common to every table: sheets, columns, IDs, required cells, references, choice lists. */
import type { ConceptData, FieldsOf, RowRecord, TableData } from "../model";
import { ENTITY_KINDS, STATUS_VALUES } from "../model";
import { isBasisindikator } from "../monitoringData";
import type { SettingProblem } from "../settings";
import { idKey, isBlank, matchListValue, referenceId, textOf } from "../values";
import { type Collector, type RuleContext, at, has, rowId, subjectOf, value } from "./context";
import type { ReferenceLabel, Subject } from "./messages";

export function checkMissingTables(c: Collector, data: ConceptData) {
  for (const missing of data.missingTables) {
    const sheet: TableData<string> = {
      kind: missing.kind,
      sheet: missing.sheet,
      headerRow: 1,
      columns: {},
      missingColumns: [],
      nextFreeColumn: "A",
      nonEmpty: {},
      rows: [],
    };
    c.add(
      "BLATT_FEHLT",
      { table: sheet, row: null, field: null, id: null, cell: "A1" },
      { sheet: missing.sheet, table: missing.table, headers: missing.requiredHeaders },
    );
  }
}

/** Missing columns, IDs (missing, doubled) and the cells that must not be empty (the contract's `nonEmpty`). */
export function checkStructure<F extends string>(c: Collector, table: TableData<F>) {
  for (const missing of table.missingColumns) {
    c.add(
      "SPALTE_FEHLT",
      { table, row: table.headerRow, field: null, id: null, cell: `${table.nextFreeColumn}${table.headerRow}` },
      { sheet: table.sheet, header: missing.header },
    );
  }
  const withId = table as unknown as TableData<"id">;
  if (!has(withId, "id")) return;
  const seen = new Map<string, RowRecord<F>[]>();
  for (const record of table.rows) {
    const id = rowId(record as RowRecord<string>);
    if (id === null) {
      c.add(
        "ID_FEHLT",
        { table: withId, row: record.row, field: "id", id: null },
        { sheet: table.sheet, row: record.row },
      );
    } else {
      seen.set(idKey(id), [...(seen.get(idKey(id)) ?? []), record]);
    }
    for (const [field, label] of Object.entries(table.nonEmpty) as [F, string][]) {
      if (has(table, field) && isBlank(value(record, field))) {
        c.add("PFLICHTFELD_LEER", at(table, record, field), {
          subject: subjectOf(table, record),
          label,
          choose: false,
        });
      }
    }
  }
  for (const records of seen.values()) {
    if (records.length < 2) continue;
    for (const record of records) {
      const others = records.filter((r) => r !== record).map((r) => r.row);
      const id = rowId(record as RowRecord<string>) ?? "";
      c.add("ID_DOPPELT", at(table, record, null), { sheet: table.sheet, id, otherRows: others });
    }
  }
}

/** Structure of every table that is there, in workbook order. */
export function checkAllStructures(c: Collector, data: ConceptData, problems: SettingProblem[]) {
  for (const kind of ENTITY_KINDS) {
    const table = data[kind] as TableData | null;
    if (table) checkStructure(c, table);
    if (kind === "einstellungen" && data.einstellungen) checkSettings(c, data.einstellungen, problems);
  }
}

function checkSettings(c: Collector, table: TableData<FieldsOf<"einstellungen">>, problems: SettingProblem[]) {
  for (const p of problems) {
    const place = { table, row: p.row, field: "wert" as const, id: null };
    c.add("EINSTELLUNG_UNGUELTIG", place, { key: p.key, given: p.value, expected: p.expected });
  }
}

/** A single reference from `table.field` to a target table; returns the target row or null. */
export function checkReference<F extends string, T extends string>(
  c: Collector,
  table: TableData<F>,
  record: RowRecord<F>,
  field: F,
  label: Extract<ReferenceLabel, "Handlungsfeld" | "Ziel">,
  target: Map<string, RowRecord<T>>,
  targetSheet: string,
): RowRecord<T> | null {
  if (!has(table, field)) return null;
  const raw = value(record, field);
  const subject = subjectOf(table, record);
  if (isBlank(raw)) {
    c.add("PFLICHTFELD_LEER", at(table, record, field), { subject, label, choose: true });
    return null;
  }
  const id = referenceId(raw);
  const hit = target.get(idKey(id));
  if (!hit) c.add("VERWEIS_UNBEKANNT", at(table, record, field), { subject, label, id, sheet: targetSheet });
  return hit ?? null;
}

/** Ziele name their Handlungsfeld, Indikatoren their Ziel. */
export function checkParentReferences(c: Collector, ctx: RuleContext) {
  const { ziele, indikatoren } = ctx.data;
  for (const z of ziele?.rows ?? []) {
    checkReference(c, ziele!, z, "handlungsfeld", "Handlungsfeld", ctx.hfById, sheetOf(ctx, "handlungsfelder"));
  }
  for (const ind of indikatoren?.rows ?? []) {
    // A Basisindikator belongs to no Ziel; one it names must exist all the same.
    if (isBasisindikator(ind) && isBlank(value(ind, "ziel"))) continue;
    checkReference(c, indikatoren!, ind, "ziel", "Ziel", ctx.zielById, sheetOf(ctx, "ziele"));
  }
}

/** The sheet a reference points to, as found in the workbook (the contract's name when it is missing). */
export function sheetOf(ctx: RuleContext, kind: "handlungsfelder" | "ziele" | "indikatoren" | "bedarfe"): string {
  return (
    ctx.data[kind]?.sheet ??
    { handlungsfelder: "Handlungsfelder", ziele: "Ziele", indikatoren: "Indikatoren", bedarfe: "Bedarfe" }[kind]
  );
}

/** The Status of a measure; null (reported) when empty or not in the list. */
export function checkStatus(
  c: Collector,
  table: TableData<FieldsOf<"massnahmen">>,
  m: RowRecord<FieldsOf<"massnahmen">>,
  subject: Subject,
): string | null {
  if (!has(table, "status")) return null;
  const raw = value(m, "status");
  const status = matchListValue(raw, STATUS_VALUES);
  if (!status) c.add("STATUS_UNGUELTIG", at(table, m, "status"), { subject, given: isBlank(raw) ? null : textOf(raw) });
  return status;
}

/** A cell with a choice list holds a value of the list (or nothing). */
export function checkChoice<F extends string>(
  c: Collector,
  table: TableData<F>,
  record: RowRecord<F>,
  field: F,
  label: string,
  list: readonly string[],
) {
  const raw = value(record, field);
  if (!has(table, field) || isBlank(raw) || matchListValue(raw, list)) return;
  c.add("AUSWAHL_UNGUELTIG", at(table, record, field), {
    subject: subjectOf(table, record),
    label,
    given: textOf(raw),
    list,
  });
}
