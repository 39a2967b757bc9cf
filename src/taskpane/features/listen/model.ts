/**
 * The list editor as data: which lists the pane maintains, how a row of one becomes form values and back,
 * the ID it proposes, and the live check of the row being edited by the same domain rules as `check`.
 * Everything per column comes from the contract's TableSpec (headers, formats, dropdowns, input
 * messages); what differs per list is the small table `LISTS` below.
 */
import { type CellValue, formatGermanDate, isoFromDate, parseGermanDate } from "../../../domain/dates";
import type { ConceptData, EntityKind, RowRecord, TableData } from "../../../domain/model";
import { formatGermanNumber, parseGermanNumber } from "../../../domain/numbers";
import { type Finding, checkConcept } from "../../../domain/rules";
import { idKey, nextFreeId, referenceId, referenceLabel, textOf } from "../../../domain/values";
import { type ColumnSpec, type TableSpec, tableSpec } from "../../../workbook/contract";
import { type ReadConcept, columnLetter, parseAddress } from "../../../workbook/read";

export const LIST_KINDS = ["handlungsfelder", "ziele", "indikatoren", "akteure", "gebiete"] as const;
export type ListKind = (typeof LIST_KINDS)[number];
/** What the view can show: a list, or the Einstellungen. */
export type ListChoice = ListKind | "einstellungen";

/** The key the open list form announces its unsaved input under (one form at a time; see useUnsavedEdit). */
export const LIST_EDIT = "listen";

export interface ListInfo {
  label: string;
  /** `Handlungsfeld`: in buttons and sentences. */
  singular: string;
  /** `ein neues Handlungsfeld` */
  aNew: string;
  /** The field that names a row (its `ID – Name`). */
  nameField: string;
  /** Fields shown under the name in the list. */
  summary: string[];
}

/** The per-list specifics; everything else comes from the contract. */
export const LISTS: Record<ListKind, ListInfo> = {
  handlungsfelder: {
    label: "Handlungsfelder",
    singular: "Handlungsfeld",
    aNew: "Neues Handlungsfeld",
    nameField: "handlungsfeld",
    summary: ["leitziel"],
  },
  ziele: { label: "Ziele", singular: "Ziel", aNew: "Neues Ziel", nameField: "ziel", summary: ["handlungsfeld"] },
  indikatoren: {
    label: "Indikatoren",
    singular: "Indikator",
    aNew: "Neuer Indikator",
    nameField: "indikator",
    summary: ["ziel", "einheit", "zustaendig"],
  },
  akteure: {
    label: "Akteure",
    singular: "Akteur",
    aNew: "Neuer Akteur",
    nameField: "bezeichnung",
    summary: ["fachbereich", "ansprechperson", "email"],
  },
  // The Integrationsmonitoring's areas: the ID is the official key (AGS), which the user enters.
  gebiete: {
    label: "Gebiete",
    singular: "Gebiet",
    aNew: "Neues Gebiet",
    nameField: "gebiet",
    summary: ["ebene", "uebergeordnet", "vergleich"],
  },
};

export const CHOICE_LABEL: Record<ListChoice, string> = {
  handlungsfelder: "Handlungsfelder",
  ziele: "Ziele",
  indikatoren: "Indikatoren",
  akteure: "Akteure",
  gebiete: "Gebiete",
  einstellungen: "Einstellungen",
};

export type FormValues = Record<string, string>;

const text = (r: RowRecord | undefined, field: string) => textOf(r?.values[field] ?? null);
const isNumber = (c: ColumnSpec) => c.format === "number" || c.format === "fte" || c.format === "currency";

/** The columns the form shows: every contract column but the ID, in contract order. */
export function formColumns(kind: ListKind): ColumnSpec[] {
  return (tableSpec(kind).columns as readonly ColumnSpec[]).filter((c) => c.field !== "id");
}

/** The rows of a list that have an ID, as the pane lists them. */
export function rowsOf(concept: ConceptData, kind: ListKind): RowRecord[] {
  return ((concept[kind]?.rows ?? []) as RowRecord[]).filter((r) => text(r, "id") !== "");
}

/** The `ID – Name` of a row. */
export function labelOf(kind: ListKind, row: RowRecord): string {
  return referenceLabel(text(row, "id"), text(row, LISTS[kind].nameField));
}

export interface Option {
  value: string;
  label: string;
}

/** The dropdown of a reference column: the referenced table's `ID – Name` entries (also the stored form). */
export function referenceOptions(concept: ConceptData, column: ColumnSpec): Option[] {
  if (column.list?.kind !== "table") return [];
  const { table, nameField } = column.list;
  return ((concept[table]?.rows ?? []) as RowRecord[])
    .filter((r) => text(r, "id") !== "")
    .map((r) => {
      const label = referenceLabel(text(r, "id"), text(r, nameField));
      return { value: label, label };
    });
}

/** The entries of a column's dropdown: a fixed list's values, or the referenced table's `ID – Name`. */
export function choices(concept: ConceptData, column: ColumnSpec): Option[] {
  if (column.list?.kind === "values") return column.list.values.map((v) => ({ value: v, label: v }));
  return referenceOptions(concept, column);
}

/** The form values of a row (an empty form for a new one); a reference shows as its dropdown entry. */
export function formFromRow(concept: ConceptData, kind: ListKind, row: RowRecord | undefined): FormValues {
  const form: FormValues = {};
  for (const c of formColumns(kind)) {
    const value = row?.values[c.field] ?? null;
    if (c.list?.kind === "table") {
      const id = idKey(referenceId(value));
      form[c.field] =
        referenceOptions(concept, c).find((o) => idKey(referenceId(o.value)) === id)?.value ?? textOf(value);
    } else if (isNumber(c) && typeof value === "number") {
      form[c.field] = formatGermanNumber(value);
    } else if (value instanceof Date) {
      form[c.field] = formatGermanDate(isoFromDate(value));
    } else {
      form[c.field] = textOf(value);
    }
  }
  return form;
}

/** Cell values to write: numbers and years as numbers where they read as such, all other input as text. */
export function valuesFromForm(kind: ListKind, form: FormValues): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  for (const c of formColumns(kind)) {
    const given = (form[c.field] ?? "").trim();
    if (given === "") values[c.field] = null;
    else if (isNumber(c)) {
      const n = parseGermanNumber(given);
      values[c.field] = n.kind === "number" ? n.value : given;
    } else if (c.format === "year" && /^\d{4}$/.test(given)) values[c.field] = Number(given);
    else values[c.field] = given;
  }
  return values;
}

/** What the form itself can tell before any rule: a number that is none, a year that is none. */
export function inputProblems(kind: ListKind, form: FormValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const c of formColumns(kind)) {
    const given = (form[c.field] ?? "").trim();
    if (given === "") continue;
    if (isNumber(c) && parseGermanNumber(given).kind !== "number") {
      problems[c.field] = `${c.header} „${given}“ ist keine Zahl. Tragen Sie nur die Zahl ein, z. B. 12,5.`;
    } else if (c.format === "year" && parseGermanDate(given).kind !== "date") {
      problems[c.field] = `${c.header} „${given}“ ist kein Jahr. Tragen Sie ein Jahr wie 2030 ein.`;
    }
  }
  return problems;
}

/**
 * The ID a new row gets: the contract's prefix and the next free number (`HF-08`); '' for a list whose IDs
 * are official keys the user enters (Gebiete: the AGS).
 */
export function proposedId(concept: ConceptData, kind: ListKind): string {
  const spec = tableSpec(kind);
  if (!spec.idPrefix || !spec.idDigits) return "";
  const ids = ((concept[kind]?.rows ?? []) as RowRecord[]).map((r) => text(r, "id"));
  return nextFreeId(spec.idPrefix, spec.idDigits, ids);
}

/** A table as the rules see it, for a list the workbook lacks: the contract's columns from A, header in row 1. */
function emptyTable(spec: TableSpec): TableData {
  const columns = Object.fromEntries(spec.columns.map((c, i) => [c.field, columnLetter(i + 1)]));
  return {
    kind: spec.kind,
    sheet: spec.sheet,
    headerRow: 1,
    columns,
    missingColumns: [],
    nextFreeColumn: columnLetter(spec.columns.length + 1),
    nonEmpty: spec.nonEmpty,
    rows: [],
  };
}

/** The sheet row a list's row has, or the one a new row would get. */
export function rowNumber(concept: ConceptData, kind: EntityKind, id: string | null): number {
  const table = (concept[kind] as TableData | null) ?? emptyTable(tableSpec(kind));
  const existing =
    id === null ? undefined : table.rows.find((r) => idKey(textOf(r.values["id"] ?? null)) === idKey(id));
  if (existing) return existing.row;
  const found = (concept as Partial<ReadConcept>).found?.[kind];
  return Math.max(found?.area.bottom ?? table.headerRow, table.headerRow, ...table.rows.map((r) => r.row)) + 1;
}

/**
 * The findings of one row as it stands in the form: the workbook with this row in place of (or added to)
 * its table, checked by `checkConcept`, the same rules as the command line; only the row's own findings.
 */
export function checkRow(
  concept: ConceptData,
  kind: EntityKind,
  row: number,
  values: Record<string, CellValue>,
  today: string,
): Finding[] {
  const table = (concept[kind] as TableData | null) ?? emptyTable(tableSpec(kind));
  const rows = [...table.rows.filter((r) => r.row !== row), { row, values }].sort((a, b) => a.row - b.row);
  const missingTables = concept.missingTables.filter((m) => m.kind !== kind);
  const data = { ...concept, missingTables, [kind]: { ...table, rows } } as ConceptData;
  return checkConcept(data, { today }).findings.filter((f) => f.kind === kind && rowOf(f.cell) === row);
}

function rowOf(cell: string): number | null {
  try {
    return parseAddress(cell).row;
  } catch {
    return null;
  }
}

/** Findings by form field (`_` for those about the whole row or the ID). */
export function byField(findings: Finding[]): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const f of findings) (out[f.field && f.field !== "id" ? f.field : "_"] ??= []).push(f);
  return out;
}

/** Why a row cannot be saved as it stands (no ID, a taken ID, a field that is not what it must be); null: it can. */
export function saveProblem(
  concept: ConceptData,
  kind: ListKind,
  row: { id: string; isNew: boolean },
  problems: Record<string, string>,
): string | null {
  const id = row.id.trim();
  if (!id)
    return kind === "gebiete"
      ? "Bitte den Schlüssel des Gebiets als ID angeben, z. B. 03159."
      : "Bitte eine ID angeben.";
  const taken = rowsOf(concept, kind).some((r) => idKey(text(r, "id")) === idKey(id));
  const proposal = proposedId(concept, kind);
  if (row.isNew && taken)
    return `Die ID ${id} ist schon vergeben.${proposal ? ` Übernehmen Sie den Vorschlag ${proposal}.` : ""}`;
  if (Object.keys(problems).length > 0) return "Bitte korrigieren Sie die markierten Angaben.";
  return null;
}
