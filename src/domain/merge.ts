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
import type { CellValue } from "./dates";
import {
  type Recipient,
  fachbereichResolver,
  recipientMatcher,
  recipientRefLabel,
  recipientResolver,
  recipientLabel,
  sameFachbereich,
} from "./recipients";
import { idKey, nextFreeId } from "./values";
import { type MergeNote, type MergeRowKind, mergeNote } from "./mergeNotes";
import {
  type ActionKind,
  type FileSummary,
  type MasterInput,
  type MemoryEntry,
  type MergeAction,
  type MergeField,
  type MergeOptions,
  type MergeOutcome,
  type MergeRow,
  type ReturnBase,
  type ReturnInput,
  type RowValues,
  comparable,
  displayValue,
} from "./mergeModel";

export * from "./mergeModel";

// ---------------------------------------------------------------------------------------------
interface Working {
  id: string;
  values: RowValues;
  original: boolean;
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

  /** What the rows are, as the notes name them. */
  private get art(): MergeRowKind {
    return this.state.options.rowKind ?? "massnahme";
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
      this.reportWholeRow(row, "duplicate", "", mergeNote("ID_DOPPELT_IM_RUECKLAUF", { id: row.id }), null);
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
      this.reportWholeRow(row, "twoWay", "", mergeNote("OHNE_BASIS_UNBEKANNT", { art: this.art }), null);
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
        ...mergeNote("OHNE_BASIS", {}),
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
        ? mergeNote("ID_DOPPELT_IN_GESAMTDATEI", { id: masterId })
        : mergeNote("IN_GESAMTDATEI_GELOESCHT", { art: this.art, id: masterId });
      const kind: ActionKind = m ? "masterDuplicate" : "masterDeleted";
      this.reportFields(row, kind, m ? masterId : "", note, this.common, (f) => changed(f), m?.values ?? null);
      this.reportOnlyInReturn(row, "", baseValues);
      return;
    }
    const lead = m.values[this.state.options.ownerField] ?? null;
    if (!this.owns(lead)) {
      const owner = this.state.recipientOf(lead);
      const eigner = owner ? recipientLabel(owner) : null;
      const note = mergeNote("GEHOERT_ANDEREM", { art: this.art, eigner, empfaenger: this.recipient });
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
      this.act({ kind: "applied", ...values, notApplied: false, ...mergeNote("UEBERNOMMEN", {}) });
      this.summary.applied++;
      this.state.apply(m, f.key, rv);
      next[f.key] = rv;
      return;
    }
    const note = isKnown
      ? mergeNote("BEIDE_GEAENDERT", { verteilt: displayValue(bv) })
      : mergeNote("SPALTE_NACH_VERTEILUNG", {});
    this.act({ kind: "conflict", ...values, notApplied: true, ...note });
    if (isKnown) next[f.key] = bv;
  }

  /** A row that was not sent: added (under a new ID when its ID is taken), unless it belongs elsewhere. */
  private mergeNewRow(row: MergeRow, key: string, returnKey: string, base: ReturnBase) {
    const { state, common } = this;
    const owner = state.fbOf(row.values[state.options.ownerField] ?? null);
    const existing = key ? state.working.get(key) : undefined;
    if (owner !== "" && !sameFachbereich(owner, base.fachbereich)) {
      // Only what differs from the master's row of that ID (if any) is lost; each such value is reported.
      const note = mergeNote("NEUE_ZEILE_ANDERER", { art: this.art, eigner: owner, empfaenger: this.recipient });
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
      ...(!key
        ? mergeNote("NEU_OHNE_ID", { art: this.art, id })
        : renamed
          ? mergeNote("NEU_ID_VERGEBEN", { art: this.art, alt: row.id, id })
          : mergeNote("NEU", { art: this.art })),
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
        ...mergeNote("SPALTE_FEHLT_IM_RUECKLAUF", { spalte: f.label }),
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
    note: MergeNote,
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
        ...note,
      });
    }
    if (!any)
      this.act({ kind, id: row.id, masterId, field: "", masterValue: "", returnValue: "", notApplied: false, ...note });
  }

  /** Every non-empty value of a row that is not taken at all (unless `against` already has it). */
  private reportWholeRow(
    row: MergeRow,
    kind: ActionKind,
    masterId: string,
    note: MergeNote,
    against: RowValues | null,
  ) {
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
        ...mergeNote("SPALTE_FEHLT_IN_GESAMTDATEI", { spalte: f.label }),
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
        ...mergeNote("ZEILE_FEHLT_IM_RUECKLAUF", { art: this.art }),
      });
    }
  }
}

function pick(values: RowValues, fields: MergeField[]): RowValues {
  const out: RowValues = {};
  for (const f of fields) out[f.key] = values[f.key] ?? null;
  return out;
}
