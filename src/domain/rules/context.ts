/** What every rule group works with: typed tables and rows, the collector of findings, the ID indexes. */
import type { CellValue, IsoDate } from "../dates";
import type { ConceptData, EntityKind, FieldsOf, RowRecord, TableData } from "../model";
import { MonitoringData } from "../monitoringData";
import type { Settings } from "../settings";
import { idKey, textOf } from "../values";
import { type Finding, type RuleCode, RULES } from "./catalogue";
import { type MessageParams, type Subject, renderMessage } from "./messages";

export type Table<K extends EntityKind> = TableData<FieldsOf<K>>;
export type Row<K extends EntityKind> = RowRecord<FieldsOf<K>>;

/** Where a finding points: a table, a row (null: the header row), a field (null: the ID column), an ID. */
export interface Place<F extends string = string> {
  table: TableData<F>;
  row: number | null;
  field: F | null;
  id: string | null;
  /** An explicit cell address, where the finding is not about a field's cell. */
  cell?: string;
}

export class Collector {
  readonly findings: Finding[] = [];

  add<C extends RuleCode, F extends string>(rule: C, place: Place<F>, params: MessageParams<C>): void {
    const info = RULES[rule];
    this.findings.push({
      rule,
      severity: info.severity,
      smart: info.smart,
      sheet: place.table.sheet,
      cell: place.cell ?? cellAddress(place.table, place.field, place.row),
      id: place.id,
      message: renderMessage(rule, params),
      kind: place.table.kind,
      field: place.field,
      params,
    });
  }
}

/** A row as the subject of a message: its kind, its ID and where it is. */
export function subjectOf<F extends string>(table: TableData<F>, record: RowRecord<F>): Subject {
  return { kind: table.kind, id: rowId(record as RowRecord<string>), row: record.row, sheet: table.sheet };
}

/** The place of a row's cell, with the row's ID. */
export function at<F extends string>(table: TableData<F>, record: RowRecord<F>, field: F | null): Place<F> {
  return { table, row: record.row, field, id: rowId(record as RowRecord<string>) };
}

export function cellAddress<F extends string>(table: TableData<F>, field: F | null, row: number | null): string {
  const r = row ?? table.headerRow;
  const columns = table.columns as Partial<Record<string, string>>;
  const col = (field && columns[field]) || columns["id"] || Object.values(columns)[0] || "A";
  return `${col}${r}`;
}

export function has<F extends string>(table: TableData<F>, field: F): boolean {
  return table.columns[field] !== undefined;
}

export function value<F extends string>(record: RowRecord<F>, field: F): CellValue {
  return record.values[field] ?? null;
}

/** The ID of a row for messages and for the `id` of a finding. */
export function rowId(record: RowRecord<string>): string | null {
  const id = textOf(record.values["id"] ?? null);
  return id === "" ? null : id;
}

/** Index of a reference table by ID key; the first row wins when an ID is doubled. */
export function indexById<F extends string>(table: TableData<F> | null): Map<string, RowRecord<F>> {
  const map = new Map<string, RowRecord<F>>();
  for (const record of table?.rows ?? []) {
    const id = rowId(record as RowRecord<string>);
    if (id !== null && !map.has(idKey(id))) map.set(idKey(id), record);
  }
  return map;
}

/** The concept with its indexes, the settings and what the measure checks learn on the way. */
export interface RuleContext {
  data: ConceptData;
  settings: Settings;
  referenceDate: IsoDate;
  hfById: Map<string, Row<"handlungsfelder">>;
  zielById: Map<string, Row<"ziele">>;
  indById: Map<string, Row<"indikatoren">>;
  akteurById: Map<string, Row<"akteure">>;
  /** Ziele (ID keys) that a measure not `verworfen` pursues. */
  zieleWithMeasure: Set<string>;
  /** Indicators (ID keys) linked by measures not `verworfen`, with those measures. */
  linkedIndicators: Map<string, string[]>;
  /** The Indikatorwerte by Indikator, Stichtag, Gebiet and Gruppe, with the computed ones and the Gebiete. */
  monitoring: MonitoringData;
}

export function ruleContext(data: ConceptData, settings: Settings, referenceDate: IsoDate): RuleContext {
  return {
    data,
    settings,
    referenceDate,
    hfById: indexById(data.handlungsfelder),
    zielById: indexById(data.ziele),
    indById: indexById(data.indikatoren),
    akteurById: indexById(data.akteure),
    zieleWithMeasure: new Set(),
    linkedIndicators: new Map(),
    monitoring: new MonitoringData(data),
  };
}
