/**
 * The status query round (docs/befehle.md, `split --sachstand`): the filled Sachstände and Indikatorwerte rows of the
 * returns are appended to the master's long tables — never overwriting history. Pure: rows in, decisions out.
 *
 * Per row of a return, by its key (Maßnahme + Berichtsstichtag, Indikator + Stichtag):
 * - left empty (no Sachstand text, no Wert)     → `nicht gemeldet`, nothing appended
 * - the key is not in the master                → appended
 * - the master has the key with the same values → nothing to do (merging again changes nothing)
 * - the master has the key with other values    → conflict: the master is kept, the return's values reported
 * A row about a measure or indicator of another Fachbereich is not taken, and reported.
 */
import { type CellValue, parseGermanDate } from "./dates";
import { type MergeAction, type MergeField, type RowValues, comparable, displayValue } from "./merge";
import { type ReportLabel, mergeNote } from "./mergeNotes";
import { gruppeKey } from "./monitoringData";
import { idKey, referenceId, textOf } from "./values";

/** One long table of the round: how its rows are keyed and when a row counts as reported. */
export interface LongTable {
  /** For reports: `Sachstand`, `Indikatorwert`. */
  label: ReportLabel;
  /** The field naming the measure or indicator. */
  subjectField: string;
  /** The date field of the key. */
  dateField: string;
  /** A row counts as reported when this field is filled. */
  reportedField: string;
  /** The fields compared and appended (the key fields included). */
  fields: MergeField[];
  /** The own area's ID (Einstellungen `Gebiet`), the same as no Gebiet in a key; '' when none. */
  own?: string;
}

export interface LongReturn {
  file: string;
  rows: RowValues[];
  /** Whether the return's Fachbereich may report on this measure or indicator (by its ID). */
  owns: (subjectId: string) => boolean;
}

export interface AppendOutcome {
  /** Rows to append to the master, in order, values by field. */
  additions: RowValues[];
  actions: MergeAction[];
}

/** `<subject ID key>|<ISO date>` (and the Gebiet and Gruppe, see rowKey); null without subject or date. */
export function longKey(table: LongTable, values: RowValues): string | null {
  return rowKey(values, table.subjectField, table.dateField, table.own);
}

/**
 * The key of a row of a long table by its subject and date fields (see longKey); without a date field the
 * subject alone (an Einstellung by its Schlüssel). A row of Indikatorwerte with a Gebiet or a Gruppe has
 * them in its key too: `|<Gebiet>|<Gruppe>`, where the own area (`own`, Einstellungen `Gebiet`) counts as no
 * Gebiet and `insgesamt` as no Gruppe — so the own area's total keeps the key it always had.
 */
export function rowKey(values: RowValues, subjectField: string, dateField?: string, own = ""): string | null {
  const subject = idKey(referenceId(values[subjectField] ?? null));
  if (dateField === undefined) return subject || null;
  const date = parseGermanDate(values[dateField] ?? null);
  if (!subject || date.kind !== "date") return null;
  const gebiet = idKey(referenceId(values["gebiet"] ?? null));
  const area = gebiet === idKey(own) ? "" : gebiet;
  const gruppe = gruppeKey(values["gruppe"] ?? null);
  return area === "" && gruppe === "" ? `${subject}|${date.date}` : `${subject}|${date.date}|${area}|${gruppe}`;
}

function sameValues(table: LongTable, a: RowValues, b: RowValues): boolean {
  return table.fields.every((f) => comparable(f.kind, a[f.key] ?? null) === comparable(f.kind, b[f.key] ?? null));
}

function reported(table: LongTable, values: RowValues): boolean {
  return textOf(values[table.reportedField] ?? null) !== "";
}

/** Appends the reported rows of the returns to the master's rows (see the file comment). */
export function appendReports(table: LongTable, master: RowValues[], returns: LongReturn[]): AppendOutcome {
  const known = new Map<string, RowValues>();
  for (const row of master) {
    const key = longKey(table, row);
    if (key && !known.has(key)) known.set(key, row);
  }
  const additions: RowValues[] = [];
  const actions: MergeAction[] = [];
  for (const ret of returns) {
    for (const row of ret.rows) {
      const action = appendRow(table, row, ret, known);
      if (action.kind === "appended") {
        const values = pick(table, row);
        additions.push(values);
        known.set(longKey(table, row)!, values);
      }
      actions.push(action);
    }
  }
  return { additions, actions };
}

function appendRow(table: LongTable, row: RowValues, ret: LongReturn, known: Map<string, RowValues>): MergeAction {
  const subject = referenceId(row[table.subjectField] ?? null);
  const date = displayValue(row[table.dateField] ?? null);
  const base = {
    file: ret.file,
    id: subject,
    masterId: "",
    field: table.label,
    masterValue: "",
    returnValue: "",
  };
  const was = table.label;
  const datum = date;
  const shown = displayValue(row[table.reportedField] ?? null);
  if (!reported(table, row)) {
    return { ...base, kind: "notReported", notApplied: false, ...mergeNote("NICHT_GEMELDET", { was, datum }) };
  }
  const key = longKey(table, row);
  if (!key) {
    const note = mergeNote("BERICHT_UNLESBAR", { was, ohne: subject ? "datum" : "bezug" });
    return { ...base, kind: "conflict", returnValue: shown, notApplied: true, ...note };
  }
  if (!ret.owns(subject)) {
    const note = mergeNote("BERICHT_FREMD", { was, id: subject, datum });
    return { ...base, kind: "foreign", returnValue: shown, notApplied: true, ...note };
  }
  const existing = known.get(key);
  if (!existing) {
    return {
      ...base,
      kind: "appended",
      masterId: subject,
      returnValue: shown,
      notApplied: false,
      ...mergeNote("ANGEFUEGT", { was, datum }),
    };
  }
  if (sameValues(table, existing, row)) {
    return {
      ...base,
      kind: "unchanged",
      masterId: subject,
      returnValue: shown,
      notApplied: false,
      ...mergeNote("SCHON_VORHANDEN", { was, datum }),
    };
  }
  const masterValue = displayValue(existing[table.reportedField] ?? null);
  const note = mergeNote("ANDERER_BERICHT", { was, id: subject, datum });
  return { ...base, kind: "conflict", masterId: subject, masterValue, returnValue: shown, notApplied: true, ...note };
}

function pick(table: LongTable, row: RowValues): RowValues {
  const out: RowValues = {};
  for (const f of table.fields) out[f.key] = (row[f.key] ?? null) as CellValue;
  return out;
}

/**
 * The Status a Fachbereich reported in its Sachstand for the measure, where it differs from the Status that
 * was sent (the base): the measure's Status in the return is set to it, so that the three-way merge applies
 * it like any other field. A Status the Fachbereich also changed in the Maßnahmen sheet stays as it is there.
 */
export function statusFromReports(
  measures: { id: string; values: RowValues }[],
  base: { id: string; values: RowValues }[],
  reports: RowValues[],
  subjectField: string,
): { id: string; values: RowValues }[] {
  const reportedStatus = new Map<string, CellValue>();
  for (const r of reports) {
    if (textOf(r["sachstand"] ?? null) === "" || textOf(r["status"] ?? null) === "") continue;
    reportedStatus.set(idKey(referenceId(r[subjectField] ?? null)), r["status"] ?? null);
  }
  const baseStatus = new Map(base.map((b) => [idKey(b.id), comparable("list", b.values["status"] ?? null)]));
  return measures.map((m) => {
    const status = reportedStatus.get(idKey(m.id));
    const sent = baseStatus.get(idKey(m.id));
    if (status === undefined || sent === undefined) return m;
    const unchangedInSheet = comparable("list", m.values["status"] ?? null) === sent;
    if (!unchangedInSheet || comparable("list", status) === sent) return m;
    return { ...m, values: { ...m.values, status } };
  });
}
