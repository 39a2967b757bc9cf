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
import {
  type AkteurRef,
  type Recipient,
  type RecipientRef,
  fachbereichResolver,
  recipientMatcher,
  recipientRefLabel,
  recipientResolver,
  recipientLabel,
  sameFachbereich,
} from "./recipients";
import { idKey, nextFreeId, referenceId, referenceIds, textOf } from "./values";

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
  /** How the notes name a row and its owner field (default: measures and their Federführung). */
  words?: RowWords;
  akteure: AkteurRef[];
  memory: MemoryEntry[];
  /**
   * The form a value takes in the master (references as `ID – Name`, see src/workbook/references.ts);
   * values are compared as before, so that the form never makes a conflict.
   */
  formValue?: (key: string, value: CellValue) => CellValue;
}

/** The German words of the merge notes for one kind of row. */
export interface RowWords {
  /** `die Maßnahme` */
  the: string;
  /** `die neue Maßnahme` */
  theNew: string;
  /** `Neue Maßnahme` */
  aNew: string;
  /** `Die Federführung` */
  owner: string;
  /** What to do instead of deleting a row. */
  instead: string;
}

export const MEASURE_WORDS: RowWords = {
  the: "die Maßnahme",
  theNew: "die neue Maßnahme",
  aNew: "Neue Maßnahme",
  owner: "Die Federführung",
  instead: "Soll sie entfallen, setzen Sie dort den Status auf „verworfen“.",
};

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

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
  const state = new MasterState(master, returns, options);
  for (const ret of returns) new ReturnMerge(state, ret).run();
  return state.outcome();
}

/** The master while the returns are merged into it, and everything the merge reports. */
class MasterState {
  readonly working = new Map<string, Working>();
  readonly order: Working[] = [];
  /** ID keys that occur more than once in the master. */
  readonly duplicates = new Set<string>();
  /** Every ID the master or a distribution has used: never handed out again. */
  readonly usedKeys = new Set<string>();
  private readonly usedIds: string[] = [];
  readonly memory = new Map<string, Map<string, MemoryEntry>>();
  private readonly updates = new Map<string, { id: string; values: RowValues }>();
  private readonly additions: MergeRow[] = [];
  readonly actions: MergeAction[] = [];
  readonly summaries: FileSummary[] = [];
  readonly fbOf: (federfuehrung: CellValue) => string;
  readonly recipientOf: (lead: CellValue) => Recipient | null;
  readonly fieldByKey: Map<string, MergeField>;
  /** The master's fields without the ID. */
  readonly fields: MergeField[];

  constructor(
    master: MasterInput,
    returns: ReturnInput[],
    readonly options: MergeOptions,
  ) {
    this.fbOf = fachbereichResolver(options.akteure);
    this.recipientOf = recipientResolver(options.akteure);
    this.fieldByKey = new Map(master.fields.map((f) => [f.key, f]));
    this.fields = master.fields.filter((f) => f.key !== options.idField);
    for (const row of master.rows) this.addMasterRow(row);
    for (const row of master.rows) this.use(row.id);
    for (const r of returns) for (const row of r.base?.rows ?? []) this.use(row.id);
    for (const m of options.memory) this.use(m.masterId);
    for (const m of options.memory) this.memoryOf(m.token).set(m.returnKey, m);
  }

  private addMasterRow(row: MergeRow) {
    const key = idKey(row.id);
    const w: Working = { id: row.id.trim(), values: { ...row.values }, original: true };
    this.order.push(w);
    if (key === "") return;
    if (this.working.has(key)) this.duplicates.add(key);
    else this.working.set(key, w);
  }

  use(id: string) {
    this.usedIds.push(id);
    this.usedKeys.add(idKey(id));
  }

  freshId(): string {
    const id = nextFreeId(this.options.idPrefix, this.options.idDigits, this.usedIds);
    this.use(id);
    return id;
  }

  memoryOf(token: string): Map<string, MemoryEntry> {
    const mem = this.memory.get(token) ?? new Map<string, MemoryEntry>();
    this.memory.set(token, mem);
    return mem;
  }

  /** Sets a field of a master row; a row that was in the master before gets an update. */
  apply(m: Working, key: string, given: CellValue) {
    const value = this.options.formValue ? this.options.formValue(key, given) : given;
    m.values[key] = value;
    if (!m.original) return;
    const u = this.updates.get(idKey(m.id)) ?? { id: m.id, values: {} };
    u.values[key] = value;
    this.updates.set(idKey(m.id), u);
  }

  /** Adds a new row to the master under `id`. */
  add(id: string, given: RowValues) {
    const form = this.options.formValue;
    const values = form ? Object.fromEntries(Object.entries(given).map(([k, v]) => [k, form(k, v)])) : given;
    const w: Working = { id, values, original: false };
    this.working.set(idKey(id), w);
    this.order.push(w);
    this.additions.push({ id, values });
  }

  outcome(): MergeOutcome {
    const memory: MemoryEntry[] = [];
    for (const byToken of this.memory.values()) memory.push(...byToken.values());
    return {
      updates: [...this.updates.values()],
      additions: this.additions,
      rows: this.order.map((w) => ({ id: w.id, values: w.values })),
      actions: this.actions,
      memory,
      summaries: this.summaries,
      conflicts: this.actions.filter((a) => a.notApplied).length,
    };
  }
}

/** What a row of a return is measured against when it was sent or taken before. */
interface KnownRow {
  masterId: string;
  baseValues: RowValues;
  knownFields: Set<string>;
}

/** One return merged into the master: known rows three-way, new rows added, everything not taken reported. */
class ReturnMerge {
  private readonly summary: FileSummary;
  /** Fields of both the master and the return. */
  private readonly common: MergeField[];
  /** Fields of the return the master does not have. */
  private readonly onlyInReturn: MergeField[];
  private readonly base: ReturnBase | null;
  /** Whether a master row (by its owner field) belongs to the recipient the return was sent to. */
  private readonly owns: (lead: CellValue) => boolean;
  /** That recipient, as the notes name it. */
  private readonly recipient: string;
  private readonly mem: Map<string, MemoryEntry>;
  private readonly baseFields: Set<string>;
  private readonly baseRows = new Map<string, MergeRow>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly state: MasterState,
    private readonly ret: ReturnInput,
  ) {
    this.summary = {
      file: ret.file,
      twoWay: ret.base === null,
      applied: 0,
      added: 0,
      renamed: 0,
      deletedKept: 0,
      notApplied: 0,
    };
    state.summaries.push(this.summary);
    const retKeys = new Set(ret.fields.map((f) => f.key));
    this.common = state.fields.filter((f) => retKeys.has(f.key));
    this.onlyInReturn = ret.fields.filter((f) => f.key !== state.options.idField && !state.fieldByKey.has(f.key));
    this.base = ret.base;
    this.owns = this.base ? recipientMatcher(state.options.akteure, this.base) : () => true;
    this.recipient = this.base ? recipientRefLabel(state.options.akteure, this.base) : "";
    this.mem = this.base ? state.memoryOf(this.base.token) : new Map<string, MemoryEntry>();
    this.baseFields = new Set(this.base?.fields ?? []);
    for (const row of this.base?.rows ?? []) {
      if (idKey(row.id) && !this.baseRows.has(idKey(row.id))) this.baseRows.set(idKey(row.id), row);
    }
  }

  run() {
    this.reportMissingColumns(new Set(this.ret.fields.map((f) => f.key)));
    for (const row of this.ret.rows) this.mergeRow(row);
    if (this.base) this.reportDeletedRows();
  }

  private get words(): RowWords {
    return this.state.options.words ?? MEASURE_WORDS;
  }

  private act(a: Omit<MergeAction, "file">) {
    this.state.actions.push({ file: this.ret.file, ...a });
    if (a.notApplied) this.summary.notApplied++;
  }

  private norm(f: MergeField, v: CellValue): string {
    return comparable(f.kind, v);
  }

  private contentKey(row: MergeRow): string {
    const fields = this.ret.fields.filter((f) => f.key !== this.state.options.idField);
    return "#" + JSON.stringify(fields.map((f) => this.norm(f, row.values[f.key] ?? null)));
  }

  private mergeRow(row: MergeRow) {
    const key = idKey(row.id);
    const returnKey = key || this.contentKey(row);
    if (this.seen.has(returnKey)) {
      const note = `Die ID ${row.id || "(leer)"} steht mehrfach im Rücklauf; nur die erste Zeile wurde berücksichtigt.`;
      this.reportWholeRow(row, "duplicate", "", note, null);
      return;
    }
    this.seen.add(returnKey);
    if (this.base === null) return this.mergeTwoWay(row, key);
    const known = this.knownRow(key, returnKey);
    if (known) this.mergeKnownRow(row, returnKey, known, this.base);
    else this.mergeNewRow(row, key, returnKey, this.base);
  }

  /** The base a row is merged against: what the master took from it before, else what was sent. */
  private knownRow(key: string, returnKey: string): KnownRow | null {
    const remembered = this.mem.get(returnKey);
    if (remembered) {
      const knownFields = new Set(Object.keys(remembered.values));
      return { masterId: remembered.masterId, baseValues: remembered.values, knownFields };
    }
    const baseRow = key ? this.baseRows.get(key) : undefined;
    return baseRow ? { masterId: baseRow.id, baseValues: baseRow.values, knownFields: this.baseFields } : null;
  }

  /** Without base values nothing is overwritten; every difference is reported. */
  private mergeTwoWay(row: MergeRow, key: string) {
    const m = key ? this.state.working.get(key) : undefined;
    if (!m) {
      const note = `Der Rücklauf enthält keine Basiswerte der Verteilung, und ${this.words.the} steht nicht in der Gesamtdatei; die Zeile wurde nicht aufgenommen.`;
      this.reportWholeRow(row, "twoWay", "", note, null);
      return;
    }
    for (const f of this.common) {
      const rv = row.values[f.key] ?? null;
      const mv = m.values[f.key] ?? null;
      if (this.norm(f, rv) === this.norm(f, mv)) continue;
      this.act({
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
    this.reportOnlyInReturn(row, m.id, null);
  }

  /** A row that was sent or taken before: field by field, three-way. */
  private mergeKnownRow(row: MergeRow, returnKey: string, known: KnownRow, base: ReturnBase) {
    const { masterId, baseValues, knownFields } = known;
    const mk = idKey(masterId);
    const changed = (f: MergeField) =>
      knownFields.has(f.key)
        ? this.norm(f, row.values[f.key] ?? null) !== this.norm(f, baseValues[f.key] ?? null)
        : this.norm(f, row.values[f.key] ?? null) !== "";
    const m = this.state.working.get(mk);
    if (this.state.duplicates.has(mk) || !m) {
      const note = m
        ? `Die ID ${masterId} kommt in der Gesamtdatei mehrfach vor; bitte dort eindeutig machen und den Rücklauf erneut zusammenführen.`
        : `${upper(this.words.the)} ${masterId} wurde in der Gesamtdatei inzwischen gelöscht; die Änderungen des Rücklaufs wurden nicht übernommen.`;
      const kind: ActionKind = m ? "masterDuplicate" : "masterDeleted";
      this.reportFields(row, kind, m ? masterId : "", note, this.common, (f) => changed(f), m?.values ?? null);
      this.reportOnlyInReturn(row, "", baseValues);
      return;
    }
    const lead = m.values[this.state.options.ownerField] ?? null;
    if (!this.owns(lead)) {
      const owner = this.state.recipientOf(lead);
      const note = owner
        ? `${upper(this.words.the)} gehört in der Gesamtdatei zu „${recipientLabel(owner)}“, nicht zu „${this.recipient}“; Änderungen wurden nicht übernommen.`
        : `${upper(this.words.the)} gehört in der Gesamtdatei nicht zu „${this.recipient}“ (${this.words.owner} nennt dort keinen bekannten Akteur); Änderungen wurden nicht übernommen.`;
      const differs = (f: MergeField) =>
        changed(f) && this.norm(f, row.values[f.key] ?? null) !== this.norm(f, m.values[f.key] ?? null);
      this.reportFields(row, "foreign", m.id, note, this.common, differs, m.values);
      this.reportOnlyInReturn(row, m.id, baseValues);
      return;
    }
    const next: RowValues = {};
    for (const f of this.common) this.mergeField(row, m, f, known, next);
    this.reportOnlyInReturn(row, m.id, baseValues);
    this.mem.set(returnKey, { token: base.token, returnKey, masterId: m.id, values: next });
  }

  /** One field of a known row; records in `next` the value the master now has taken from the return. */
  private mergeField(row: MergeRow, m: Working, f: MergeField, known: KnownRow, next: RowValues) {
    const rv = row.values[f.key] ?? null;
    const mv = m.values[f.key] ?? null;
    const rn = this.norm(f, rv);
    const isKnown = known.knownFields.has(f.key);
    const bv = known.baseValues[f.key] ?? null;
    const bn = isKnown ? this.norm(f, bv) : null;
    if (rn === bn || (!isKnown && rn === "")) {
      if (isKnown) next[f.key] = bv;
      return;
    }
    if (rn === this.norm(f, mv)) {
      next[f.key] = rv;
      return;
    }
    const values = {
      id: row.id,
      masterId: m.id,
      field: f.label,
      masterValue: displayValue(mv),
      returnValue: displayValue(rv),
    };
    if (isKnown && this.norm(f, mv) === bn) {
      this.act({ kind: "applied", ...values, notApplied: false, note: "" });
      this.summary.applied++;
      this.state.apply(m, f.key, rv);
      next[f.key] = rv;
      return;
    }
    const note = isKnown
      ? `In der Gesamtdatei und im Rücklauf geändert (verteilt: „${displayValue(bv)}“); Gesamtdatei behalten.`
      : "Die Spalte war bei der Verteilung noch nicht dabei; Gesamtdatei behalten.";
    this.act({ kind: "conflict", ...values, notApplied: true, note });
    if (isKnown) next[f.key] = bv;
  }

  /** A row that was not sent: added (under a new ID when its ID is taken), unless it belongs elsewhere. */
  private mergeNewRow(row: MergeRow, key: string, returnKey: string, base: ReturnBase) {
    const { state, common } = this;
    const owner = state.fbOf(row.values[state.options.ownerField] ?? null);
    const existing = key ? state.working.get(key) : undefined;
    if (owner !== "" && !sameFachbereich(owner, base.fachbereich)) {
      // Only what differs from the master's row of that ID (if any) is lost; each such value is reported.
      const note = `${this.words.owner} gehört zu „${owner}“, nicht zu „${this.recipient}“; die Zeile wurde nicht übernommen.`;
      this.reportWholeRow(row, "foreign", existing?.id ?? "", note, existing?.values ?? null);
      return;
    }
    if (
      existing &&
      common.every((f) => this.norm(f, row.values[f.key] ?? null) === this.norm(f, existing.values[f.key] ?? null))
    ) {
      // The same row is already in the master (e.g. merged before without memory): nothing to add.
      this.mem.set(returnKey, {
        token: base.token,
        returnKey,
        masterId: existing.id,
        values: pick(row.values, common),
      });
      return;
    }
    // A clashing ID, or one a deleted measure had, is never reused: the row gets the next free one.
    const renamed = !key || state.usedKeys.has(key);
    const id = renamed ? state.freshId() : row.id.trim();
    state.use(id);
    state.add(id, { ...pick(row.values, common), [state.options.idField]: id });
    this.summary.added++;
    if (renamed) this.summary.renamed++;
    this.act({
      kind: renamed ? "addedRenamed" : "added",
      id: row.id,
      masterId: id,
      field: "",
      masterValue: "",
      returnValue: displayValue(
        row.values[common.find((f) => f.key === (state.options.titleField ?? "titel"))?.key ?? ""] ?? null,
      ),
      notApplied: false,
      note: !key
        ? `${this.words.aNew} ohne ID; die Zeile hat die ID ${id} erhalten.`
        : renamed
          ? `Die ID ${row.id} ist in der Gesamtdatei schon vergeben; ${this.words.theNew} hat die ID ${id} erhalten.`
          : `${this.words.aNew} aus dem Rücklauf.`,
    });
    this.reportOnlyInReturn(row, id, null);
    this.mem.set(returnKey, { token: base.token, returnKey, masterId: id, values: pick(row.values, common) });
  }

  // -- reports ------------------------------------------------------------------------------

  /** Master columns the return lacks (that were sent): their master values stay. */
  private reportMissingColumns(retKeys: Set<string>) {
    for (const f of this.state.fields) {
      if (retKeys.has(f.key) || (this.base !== null && !this.baseFields.has(f.key))) continue;
      this.act({
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

  /**
   * A row that is not taken: one line per field `include` picks (a value the master does not get), or one
   * line for the whole row when there is none.
   */
  private reportFields(
    row: MergeRow,
    kind: ActionKind,
    masterId: string,
    note: string,
    fields: MergeField[],
    include: (f: MergeField) => boolean,
    masterValues: RowValues | null,
  ) {
    let any = false;
    for (const f of fields) {
      if (!include(f)) continue;
      any = true;
      this.act({
        kind,
        id: row.id,
        masterId,
        field: f.label,
        masterValue: masterValues ? displayValue(masterValues[f.key] ?? null) : "",
        returnValue: displayValue(row.values[f.key] ?? null),
        notApplied: true,
        note,
      });
    }
    if (!any)
      this.act({ kind, id: row.id, masterId, field: "", masterValue: "", returnValue: "", notApplied: false, note });
  }

  /** Every non-empty value of a row that is not taken at all (unless `against` already has it). */
  private reportWholeRow(row: MergeRow, kind: ActionKind, masterId: string, note: string, against: RowValues | null) {
    const lost = (f: MergeField) => {
      const rn = this.norm(f, row.values[f.key] ?? null);
      return rn !== "" && !(against && this.norm(f, against[f.key] ?? null) === rn);
    };
    this.reportFields(row, kind, masterId, note, [...this.common, ...this.onlyInReturn], lost, against);
  }

  /** Values of columns the master does not have: never applied, each reported. */
  private reportOnlyInReturn(row: MergeRow, masterId: string, baseValues: RowValues | null) {
    for (const f of this.onlyInReturn) {
      const rv = row.values[f.key] ?? null;
      if (this.norm(f, rv) === "") continue;
      if (baseValues && f.key in baseValues && this.norm(f, baseValues[f.key] ?? null) === this.norm(f, rv)) continue;
      this.act({
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
  }

  /** Rows that were sent (or taken before) and are missing now: kept. */
  private reportDeletedRows() {
    const expected = new Map<string, string>();
    for (const [key, row] of this.baseRows) expected.set(key, row.id);
    for (const [returnKey, entry] of this.mem) expected.set(returnKey, entry.masterId);
    for (const [returnKey, masterId] of expected) {
      if (this.seen.has(returnKey)) continue;
      const m = this.state.working.get(idKey(this.mem.get(returnKey)?.masterId ?? masterId));
      if (!m) continue;
      this.summary.deletedKept++;
      this.act({
        kind: "deletedKept",
        id: returnKey.startsWith("#") ? "" : masterId,
        masterId: m.id,
        field: "",
        masterValue: displayValue(m.values[this.state.options.titleField ?? "titel"] ?? null),
        returnValue: "",
        notApplied: false,
        note: `Die Zeile fehlt im Rücklauf; ${this.words.the} bleibt in der Gesamtdatei. ${this.words.instead}`,
      });
    }
  }
}

function pick(values: RowValues, fields: MergeField[]): RowValues {
  const out: RowValues = {};
  for (const f of fields) out[f.key] = values[f.key] ?? null;
  return out;
}
