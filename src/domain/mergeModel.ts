/**
 * What a merge works with and reports (docs/befehle.md, `merge`): rows, fields and their kinds, the base
 * and memory of a distribution, the actions and summaries of the outcome; and values compared as the user
 * means them. The merge itself: merge.ts.
 */
import { type CellValue, parseGermanDate } from "./dates";
import type { MergeNote, MergeRowKind } from "./mergeNotes";
import { formatGermanNumber, parseGermanNumber } from "./numbers";
import type { AkteurRef, RecipientRef } from "./recipients";
import { idKey, referenceId, referenceIds, textOf } from "./values";

/** How a column's values are compared. */
export type FieldKind =
  /** text as the user sees it (white space collapsed) */
  | "text"
  /** a value from a fixed list, without case */
  | "list"
  | "date"
  | "number"
  /** one ID, also in the dropdown form `ID – Name` */
  | "reference"
  /** several IDs separated by `;` or `,` */
  | "references"
  /** a column the contract does not know: dates, numbers and text each compared as such */
  | "general";

export interface MergeField {
  /** The field name of a contract column, or `extra:<normalized header>` for a column a user added. */
  key: string;
  /** The header shown in reports. */
  label: string;
  kind: FieldKind;
}

export type RowValues = Record<string, CellValue>;

export interface MergeRow {
  id: string;
  /** Values by field key (the ID field included or not; it is never merged as a value). */
  values: RowValues;
}

/** What a distributed workbook remembers of what was sent, and to whom (a Fachbereich or an Akteur). */
export interface ReturnBase extends RecipientRef {
  /** Identifies one distribution to one recipient. */
  token: string;
  masterFile: string;
  /** The field keys that were sent. */
  fields: string[];
  rows: MergeRow[];
}

export interface ReturnInput {
  /** The file name, for the report. */
  file: string;
  fields: MergeField[];
  rows: MergeRow[];
  /** null: no base values (rows copied into a fresh workbook) — merged two-way, nothing overwritten. */
  base: ReturnBase | null;
}

/** One row of a return that the master has taken, with the values it has taken (the next merge's base). */
export interface MemoryEntry {
  token: string;
  /** The row's key in the return: its ID key, or `#` and its content for a row without ID. */
  returnKey: string;
  masterId: string;
  values: RowValues;
}

export interface MasterInput {
  fields: MergeField[];
  rows: MergeRow[];
}

export interface MergeOptions {
  idField: string;
  idPrefix: string;
  idDigits: number;
  /** The field that names the lead Akteur, whose Fachbereich owns the row. */
  ownerField: string;
  /** The field that names a row in the report (default `titel`, a measure's). */
  titleField?: string;
  /** What the rows are, for the notes' words (default: measures and their Federführung). */
  rowKind?: MergeRowKind;
  akteure: AkteurRef[];
  memory: MemoryEntry[];
  /**
   * The form a value takes in the master (references as `ID – Name`, see src/workbook/references.ts);
   * values are compared as before, so that the form never makes a conflict.
   */
  formValue?: (key: string, value: CellValue) => CellValue;
}

export type ActionKind =
  | "applied"
  | "conflict"
  | "added"
  | "addedRenamed"
  | "deletedKept"
  | "foreign"
  | "duplicate"
  | "masterDeleted"
  | "columnMissingInMaster"
  | "columnMissingInReturn"
  | "twoWay"
  | "masterDuplicate"
  /** status query: a Sachstand or Indikatorwert appended to its long table */
  | "appended"
  /** status query: a row left empty */
  | "notReported"
  /** status query: the same report is already in the master */
  | "unchanged";

export const ACTION_LABEL: Record<ActionKind, string> = {
  applied: "übernommen",
  conflict: "Konflikt – Gesamtdatei behalten",
  added: "neu aufgenommen",
  addedRenamed: "neu aufgenommen mit neuer ID",
  deletedKept: "im Rücklauf gelöscht – in der Gesamtdatei behalten",
  foreign: "anderer Fachbereich – nicht übernommen",
  duplicate: "doppelt im Rücklauf – nicht übernommen",
  masterDeleted: "in der Gesamtdatei gelöscht – nicht übernommen",
  columnMissingInMaster: "Spalte fehlt in der Gesamtdatei – nicht übernommen",
  columnMissingInReturn: "Spalte fehlt im Rücklauf – Gesamtdatei unverändert",
  twoWay: "ohne Basis – nicht übernommen",
  masterDuplicate: "ID in der Gesamtdatei doppelt – nicht übernommen",
  appended: "angefügt",
  notReported: "nicht gemeldet",
  unchanged: "schon vorhanden",
};

/** One step of a merge, with its note (code, parameters and sentence; see mergeNotes.ts). */
export interface MergeAction extends MergeNote {
  file: string;
  kind: ActionKind;
  /** The row's ID in the return (may be empty). */
  id: string;
  /** The row's ID in the master after the merge (empty when the row is not in the master). */
  masterId: string;
  /** The field's header; empty for an action on the whole row. */
  field: string;
  masterValue: string;
  returnValue: string;
  /** A value of the return that the master does not have: listed in `Konflikte`. */
  notApplied: boolean;
}

export interface FileSummary {
  file: string;
  twoWay: boolean;
  applied: number;
  added: number;
  renamed: number;
  deletedKept: number;
  notApplied: number;
}

export interface MergeOutcome {
  /** Changed fields of existing master rows, by master ID (raw values from the returns). */
  updates: { id: string; values: RowValues }[];
  /** New rows, with their master ID in the ID field. */
  additions: MergeRow[];
  /** The master after the merge: existing rows in order, then the new ones. */
  rows: MergeRow[];
  actions: MergeAction[];
  /** The complete memory to keep in the master (entries of other distributions included). */
  memory: MemoryEntry[];
  summaries: FileSummary[];
  conflicts: number;
}

// ---------------------------------------------------------------------------------------------
// Comparing values

function dateKey(value: CellValue, dayOnly: boolean): string | null {
  const p = parseGermanDate(value);
  if (p.kind !== "date" || (dayOnly && p.precision !== "day")) return null;
  return `D:${p.date}:${p.precision}`;
}

function numberKey(value: CellValue): string | null {
  const p = parseGermanNumber(value);
  return p.kind === "number" ? `N:${p.value}` : null;
}

/** The form in which two values of a field are equal exactly when the user means the same. */
export function comparable(kind: FieldKind, value: CellValue): string {
  const text = textOf(value);
  if (text === "") return "";
  switch (kind) {
    case "text":
      return `T:${text}`;
    case "list":
      return `T:${text.toLocaleLowerCase("de-DE")}`;
    case "date":
      return dateKey(value, false) ?? `T:${text}`;
    case "number":
      return numberKey(value) ?? `T:${text}`;
    case "reference":
      return `R:${idKey(referenceId(value))}`;
    case "references":
      return `R:${referenceIds(value).map(idKey).join(";")}`;
    case "general":
      if (value instanceof Date) return dateKey(value, false) ?? `T:${text}`;
      if (typeof value === "number") return `N:${value}`;
      return dateKey(value, true) ?? numberKey(value) ?? `T:${text}`;
  }
}

/** A value as a German user reads it in a report. */
export function displayValue(value: CellValue): string {
  if (typeof value === "number") return formatGermanNumber(value);
  return textOf(value);
}

/** Memory values as JSON text for a cell; dates stay dates. */
export function serializeValues(values: RowValues): string {
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    plain[k] = v instanceof Date ? { date: Number.isNaN(v.getTime()) ? null : v.toISOString() } : (v ?? null);
  }
  return JSON.stringify(plain);
}

export function deserializeValues(text: string): RowValues | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
    const values: RowValues = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
      if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") values[k] = v;
      else if (typeof v === "object" && v !== null && "date" in v) {
        const d = (v as { date: unknown }).date;
        values[k] = typeof d === "string" ? new Date(d) : null;
      }
    }
    return values;
  } catch {
    return null;
  }
}
