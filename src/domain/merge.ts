/**
 * Merging the returns of the Fachbereiche into the master, field by field (docs/befehle.md, `merge`).
 * Pure: rows in, decisions out; the hosts write the decisions into a workbook.
 *
 * Three-way per field, with the base being what was sent (or, for a return merged before, what the master
 * has already taken from it — the merge memory):
 * - return = base                 → nothing to do (a change made only in the master survives)
 * - return ≠ base, master = base  → applied
 * - return ≠ base, master = return → the same change on both sides, nothing to do
 * - otherwise                      → conflict: the master is kept, the return's value is reported
 * Values are compared as the user means them: a date cell and the same date as text are equal, `1.500 €`
 * and 1500 are equal, `A-01` and `A-01 – Jugendamt` name the same Akteur.
 *
 * Every value of a return that the master does not end up with is reported (`notApplied`), and merging the
 * same return again changes nothing: the memory records, per distribution and row, which master row the
 * row went to and which values the master has taken.
 */
import { type CellValue, parseGermanDate } from "./dates";
import { formatGermanNumber, parseGermanNumber } from "./numbers";
import { idKey, nextFreeId, normalizeLabel, referenceId, referenceIds, textOf } from "./values";

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

/** What a distributed workbook remembers of what was sent. */
export interface ReturnBase {
  /** Identifies one distribution to one Fachbereich. */
  token: string;
  fachbereich: string;
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

export interface AkteurRef {
  id: string;
  bezeichnung: string;
  fachbereich: string;
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
  akteure: AkteurRef[];
  memory: MemoryEntry[];
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
  | "masterDuplicate";

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
};

export interface MergeAction {
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
  note: string;
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

// ---------------------------------------------------------------------------------------------
// Fachbereiche

/** Looks up Akteure by ID and, for a Federführung written as a name, by Bezeichnung. */
export function akteurIndex(akteure: AkteurRef[]): (federfuehrung: CellValue) => AkteurRef | null {
  const byId = new Map<string, AkteurRef>();
  const byName = new Map<string, AkteurRef>();
  for (const a of akteure) {
    if (a.id && !byId.has(idKey(a.id))) byId.set(idKey(a.id), a);
    if (a.bezeichnung && !byName.has(normalizeLabel(a.bezeichnung))) byName.set(normalizeLabel(a.bezeichnung), a);
  }
  return (value) => {
    const id = referenceId(value);
    if (id === "") return null;
    return byId.get(idKey(id)) ?? byName.get(normalizeLabel(textOf(value))) ?? byName.get(normalizeLabel(id)) ?? null;
  };
}

/** The Fachbereich of a measure: that of its lead Akteur; "" when there is none. */
export function fachbereichResolver(akteure: AkteurRef[]): (federfuehrung: CellValue) => string {
  const find = akteurIndex(akteure);
  return (value) => textOf(find(value)?.fachbereich ?? "");
}

export function sameFachbereich(a: string, b: string): boolean {
  return normalizeLabel(a) === normalizeLabel(b);
}

// ---------------------------------------------------------------------------------------------
// The merge

interface Working {
  id: string;
  values: RowValues;
  original: boolean;
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

export function mergeReturns(master: MasterInput, returns: ReturnInput[], options: MergeOptions): MergeOutcome {
  const { idField } = options;
  const fbOf = fachbereichResolver(options.akteure);
  const fieldByKey = new Map(master.fields.map((f) => [f.key, f]));
  const masterFields = master.fields.filter((f) => f.key !== idField);

  const working = new Map<string, Working>();
  const order: Working[] = [];
  const masterDuplicates = new Set<string>();
  for (const row of master.rows) {
    const key = idKey(row.id);
    const w: Working = { id: row.id.trim(), values: { ...row.values }, original: true };
    order.push(w);
    if (key === "") continue;
    if (working.has(key)) masterDuplicates.add(key);
    else working.set(key, w);
  }
  // IDs that must never be handed out again: every ID the master or a distribution has used.
  const usedIds: string[] = [];
  const usedKeys = new Set<string>();
  const use = (id: string) => {
    usedIds.push(id);
    usedKeys.add(idKey(id));
  };
  for (const row of master.rows) use(row.id);
  for (const r of returns) for (const row of r.base?.rows ?? []) use(row.id);
  for (const m of options.memory) use(m.masterId);

  const memory = new Map<string, Map<string, MemoryEntry>>();
  for (const m of options.memory) {
    const byToken = memory.get(m.token) ?? new Map<string, MemoryEntry>();
    byToken.set(m.returnKey, m);
    memory.set(m.token, byToken);
  }

  const updates = new Map<string, { id: string; values: RowValues }>();
  const additions: MergeRow[] = [];
  const actions: MergeAction[] = [];
  const summaries: FileSummary[] = [];

  const freshId = (): string => {
    const id = nextFreeId(options.idPrefix, options.idDigits, usedIds);
    use(id);
    return id;
  };

  for (const ret of returns) {
    const file = ret.file;
    const summary: FileSummary = {
      file,
      twoWay: ret.base === null,
      applied: 0,
      added: 0,
      renamed: 0,
      deletedKept: 0,
      notApplied: 0,
    };
    summaries.push(summary);
    const act = (a: Omit<MergeAction, "file">) => {
      actions.push({ file, ...a });
      if (a.notApplied) summary.notApplied++;
    };
    const retKeys = new Set(ret.fields.map((f) => f.key));
    const common = masterFields.filter((f) => retKeys.has(f.key));
    const onlyInReturn = ret.fields.filter((f) => f.key !== idField && !fieldByKey.has(f.key));
    const base = ret.base;
    const token = base?.token ?? null;
    const mem = token ? (memory.get(token) ?? new Map<string, MemoryEntry>()) : new Map<string, MemoryEntry>();
    if (token) memory.set(token, mem);
    const baseFields = new Set(base?.fields ?? []);
    const baseRows = new Map<string, MergeRow>();
    for (const row of base?.rows ?? [])
      if (idKey(row.id) && !baseRows.has(idKey(row.id))) baseRows.set(idKey(row.id), row);

    for (const f of masterFields) {
      if (!retKeys.has(f.key) && (base === null || baseFields.has(f.key))) {
        act({
          kind: "columnMissingInReturn",
          id: "",
          masterId: "",
          field: f.label,
          masterValue: "",
          returnValue: "",
          notApplied: false,
          note: `Die Spalte „${f.label}“ fehlt im Rücklauf; ihre Werte in der Gesamtdatei bleiben unverändert.`,
        });
      }
    }

    const norm = (f: MergeField, v: CellValue) => comparable(f.kind, v);
    const contentKey = (row: MergeRow) =>
      "#" + JSON.stringify(ret.fields.filter((f) => f.key !== idField).map((f) => norm(f, row.values[f.key] ?? null)));
    /** Values of columns the master does not have: never applied, each reported. */
    const reportOnlyInReturn = (row: MergeRow, masterId: string, baseValues: RowValues | null) => {
      for (const f of onlyInReturn) {
        const rv = row.values[f.key] ?? null;
        if (norm(f, rv) === "") continue;
        if (baseValues && f.key in baseValues && norm(f, baseValues[f.key] ?? null) === norm(f, rv)) continue;
        act({
          kind: "columnMissingInMaster",
          id: row.id,
          masterId,
          field: f.label,
          masterValue: "",
          returnValue: displayValue(rv),
          notApplied: true,
          note: `Die Spalte „${f.label}“ gibt es in der Gesamtdatei nicht; der Wert wurde nicht übernommen.`,
        });
      }
    };
    /** Every non-empty value of a row that is not taken at all. */
    const reportWholeRow = (
      row: MergeRow,
      kind: ActionKind,
      masterId: string,
      note: string,
      against: RowValues | null,
    ) => {
      let any = false;
      for (const f of [...common, ...onlyInReturn]) {
        const rv = row.values[f.key] ?? null;
        const rn = norm(f, rv);
        if (rn === "") continue;
        const mv = against?.[f.key] ?? null;
        if (against && norm(f, mv) === rn) continue;
        any = true;
        act({
          kind,
          id: row.id,
          masterId,
          field: f.label,
          masterValue: displayValue(mv),
          returnValue: displayValue(rv),
          notApplied: true,
          note,
        });
      }
      if (!any)
        act({ kind, id: row.id, masterId, field: "", masterValue: "", returnValue: "", notApplied: false, note });
    };

    const seen = new Set<string>();
    for (const row of ret.rows) {
      const key = idKey(row.id);
      const returnKey = key || contentKey(row);
      if (seen.has(returnKey)) {
        reportWholeRow(
          row,
          "duplicate",
          "",
          `Die ID ${row.id || "(leer)"} steht mehrfach im Rücklauf; nur die erste Zeile wurde berücksichtigt.`,
          null,
        );
        continue;
      }
      seen.add(returnKey);

      if (base === null) {
        // Two-way: nothing is overwritten, every difference is reported.
        const m = key ? working.get(key) : undefined;
        if (!m) {
          reportWholeRow(
            row,
            "twoWay",
            "",
            "Der Rücklauf enthält keine Basiswerte der Verteilung, und die Maßnahme steht nicht in der Gesamtdatei; sie wurde nicht aufgenommen.",
            null,
          );
          continue;
        }
        for (const f of common) {
          const rv = row.values[f.key] ?? null;
          const mv = m.values[f.key] ?? null;
          if (norm(f, rv) === norm(f, mv)) continue;
          act({
            kind: "twoWay",
            id: row.id,
            masterId: m.id,
            field: f.label,
            masterValue: displayValue(mv),
            returnValue: displayValue(rv),
            notApplied: true,
            note: "Der Rücklauf enthält keine Basiswerte der Verteilung; ohne sie ist nicht erkennbar, welche Seite geändert hat. Gesamtdatei behalten.",
          });
        }
        reportOnlyInReturn(row, m.id, null);
        continue;
      }

      const remembered = mem.get(returnKey);
      const baseRow = key ? baseRows.get(key) : undefined;
      if (remembered || baseRow) {
        const baseValues = remembered ? remembered.values : baseRow!.values;
        const knownFields = remembered ? new Set(Object.keys(remembered.values)) : baseFields;
        const masterId = remembered ? remembered.masterId : baseRow!.id;
        const mk = idKey(masterId);
        const changed = (f: MergeField) =>
          knownFields.has(f.key)
            ? norm(f, row.values[f.key] ?? null) !== norm(f, baseValues[f.key] ?? null)
            : norm(f, row.values[f.key] ?? null) !== "";
        const m = working.get(mk);
        if (masterDuplicates.has(mk) || !m) {
          const kind: ActionKind = m ? "masterDuplicate" : "masterDeleted";
          const note = m
            ? `Die ID ${masterId} kommt in der Gesamtdatei mehrfach vor; bitte dort eindeutig machen und den Rücklauf erneut zusammenführen.`
            : `Die Maßnahme ${masterId} wurde in der Gesamtdatei inzwischen gelöscht; die Änderungen des Rücklaufs wurden nicht übernommen.`;
          let any = false;
          for (const f of common) {
            if (!changed(f)) continue;
            any = true;
            act({
              kind,
              id: row.id,
              masterId: m ? masterId : "",
              field: f.label,
              masterValue: m ? displayValue(m.values[f.key] ?? null) : "",
              returnValue: displayValue(row.values[f.key] ?? null),
              notApplied: true,
              note,
            });
          }
          if (!any)
            act({
              kind,
              id: row.id,
              masterId: m ? masterId : "",
              field: "",
              masterValue: "",
              returnValue: "",
              notApplied: false,
              note,
            });
          reportOnlyInReturn(row, "", baseValues);
          continue;
        }
        const owner = fbOf(m.values[options.ownerField] ?? null);
        if (!sameFachbereich(owner, base.fachbereich)) {
          const note = `Die Maßnahme gehört in der Gesamtdatei zu „${owner || "ohne Fachbereich"}“, nicht zu „${base.fachbereich || "ohne Fachbereich"}“; Änderungen wurden nicht übernommen.`;
          let any = false;
          for (const f of common) {
            const rv = row.values[f.key] ?? null;
            const mv = m.values[f.key] ?? null;
            if (!changed(f) || norm(f, rv) === norm(f, mv)) continue;
            any = true;
            act({
              kind: "foreign",
              id: row.id,
              masterId: m.id,
              field: f.label,
              masterValue: displayValue(mv),
              returnValue: displayValue(rv),
              notApplied: true,
              note,
            });
          }
          if (!any)
            act({
              kind: "foreign",
              id: row.id,
              masterId: m.id,
              field: "",
              masterValue: "",
              returnValue: "",
              notApplied: false,
              note,
            });
          reportOnlyInReturn(row, m.id, baseValues);
          continue;
        }
        const next: RowValues = {};
        for (const f of common) {
          const rv = row.values[f.key] ?? null;
          const mv = m.values[f.key] ?? null;
          const rn = norm(f, rv);
          const mn = norm(f, mv);
          const known = knownFields.has(f.key);
          const bv = baseValues[f.key] ?? null;
          const bn = known ? norm(f, bv) : null;
          if (rn === bn || (!known && rn === "")) {
            if (known) next[f.key] = bv;
            continue;
          }
          if (rn === mn) {
            next[f.key] = rv;
            continue;
          }
          if (known && mn === bn) {
            act({
              kind: "applied",
              id: row.id,
              masterId: m.id,
              field: f.label,
              masterValue: displayValue(mv),
              returnValue: displayValue(rv),
              notApplied: false,
              note: "",
            });
            summary.applied++;
            m.values[f.key] = rv;
            if (m.original) {
              const u = updates.get(mk) ?? { id: m.id, values: {} };
              u.values[f.key] = rv;
              updates.set(mk, u);
            }
            next[f.key] = rv;
            continue;
          }
          act({
            kind: "conflict",
            id: row.id,
            masterId: m.id,
            field: f.label,
            masterValue: displayValue(mv),
            returnValue: displayValue(rv),
            notApplied: true,
            note: known
              ? `In der Gesamtdatei und im Rücklauf geändert (verteilt: „${displayValue(bv)}“); Gesamtdatei behalten.`
              : "Die Spalte war bei der Verteilung noch nicht dabei; Gesamtdatei behalten.",
          });
          if (known) next[f.key] = bv;
        }
        reportOnlyInReturn(row, m.id, baseValues);
        mem.set(returnKey, { token: base.token, returnKey, masterId: m.id, values: next });
        continue;
      }

      // A row that was not sent: new.
      const owner = fbOf(row.values[options.ownerField] ?? null);
      const existing = key ? working.get(key) : undefined;
      if (owner !== "" && !sameFachbereich(owner, base.fachbereich)) {
        // Only what differs from the master's row of that ID (if any) is lost; each such value is reported.
        const note = `Die Federführung gehört zu „${owner}“, nicht zu „${base.fachbereich || "ohne Fachbereich"}“; die Zeile wurde nicht übernommen.`;
        reportWholeRow(row, "foreign", existing?.id ?? "", note, existing?.values ?? null);
        continue;
      }
      if (
        existing &&
        common.every((f) => norm(f, row.values[f.key] ?? null) === norm(f, existing.values[f.key] ?? null))
      ) {
        // The same row is already in the master (e.g. merged before without memory): nothing to add.
        mem.set(returnKey, { token: base.token, returnKey, masterId: existing.id, values: pick(row.values, common) });
        continue;
      }
      // A clashing ID, or one a deleted measure had, is never reused: the row gets the next free one.
      const renamed = !key || usedKeys.has(key);
      const id = renamed ? freshId() : row.id.trim();
      use(id);
      const values: RowValues = { ...pick(row.values, common), [idField]: id };
      const w: Working = { id, values, original: false };
      working.set(idKey(id), w);
      order.push(w);
      additions.push({ id, values });
      summary.added++;
      if (renamed) summary.renamed++;
      act({
        kind: renamed ? "addedRenamed" : "added",
        id: row.id,
        masterId: id,
        field: "",
        masterValue: "",
        returnValue: displayValue(row.values[common.find((f) => f.key === "titel")?.key ?? ""] ?? null),
        notApplied: false,
        note: !key
          ? `Neue Maßnahme ohne ID; sie hat die ID ${id} erhalten.`
          : renamed
            ? `Die ID ${row.id} ist in der Gesamtdatei schon vergeben; die neue Maßnahme hat die ID ${id} erhalten.`
            : "Neue Maßnahme aus dem Rücklauf.",
      });
      reportOnlyInReturn(row, id, null);
      mem.set(returnKey, { token: base.token, returnKey, masterId: id, values: pick(row.values, common) });
    }

    // Rows that were sent (or taken before) and are missing now: kept.
    if (base) {
      const expected = new Map<string, string>();
      for (const [key, row] of baseRows) expected.set(key, row.id);
      for (const [returnKey, entry] of mem) expected.set(returnKey, entry.masterId);
      for (const [returnKey, masterId] of expected) {
        if (seen.has(returnKey)) continue;
        const m = working.get(idKey(mem.get(returnKey)?.masterId ?? masterId));
        if (!m) continue;
        summary.deletedKept++;
        act({
          kind: "deletedKept",
          id: returnKey.startsWith("#") ? "" : masterId,
          masterId: m.id,
          field: "",
          masterValue: displayValue(m.values["titel"] ?? null),
          returnValue: "",
          notApplied: false,
          note: "Die Zeile fehlt im Rücklauf; die Maßnahme bleibt in der Gesamtdatei. Soll sie entfallen, setzen Sie dort den Status auf „verworfen“.",
        });
      }
    }
  }

  const memoryOut: MemoryEntry[] = [];
  for (const byToken of memory.values()) memoryOut.push(...byToken.values());
  return {
    updates: [...updates.values()],
    additions,
    rows: order.map((w) => ({ id: w.id, values: w.values })),
    actions,
    memory: memoryOut,
    summaries,
    conflicts: actions.filter((a) => a.notApplied).length,
  };
}

function pick(values: RowValues, fields: MergeField[]): RowValues {
  const out: RowValues = {};
  for (const f of fields) out[f.key] = values[f.key] ?? null;
  return out;
}
