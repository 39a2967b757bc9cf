/**
 * Property-based: random edits on the master after the split and on two returns (FB 4, FB 5), sometimes one
 * without base values. Whatever happens: master-only changes survive, return-only changes arrive, nothing
 * of a return disappears without a line in `Konflikte`, IDs stay unique, and a second merge changes nothing.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/domain/dates";
import { type MergeOutcome, type MergeRow, type ReturnInput, comparable, mergeReturns } from "../../src/domain/merge";
import { fachbereichResolver, sameFachbereich } from "../../src/domain/recipients";
import { idKey } from "../../src/domain/values";
import { AKTEURE, FIELDS, clone, options } from "./helpers";

const VALUES: Record<string, CellValue[]> = {
  titel: ["Sprachcafé", "Kita-Einstieg", "Jobmesse", " Sprachcafé ", ""],
  federfuehrung: ["A-01", "A-01 – Jugendamt", "A-02", "A-03", "Jugendamt"],
  frist: [new Date("2027-12-31T00:00:00Z"), "31.12.2027", "2027-12-31", "12/2027", "30.06.2028", null],
  sachkosten: [1000, "1.000 €", 2500, "2.500", 0, null],
  status: ["geplant", "Geplant", "in Umsetzung", "umgesetzt"],
  "extra:notiz": [null, "Rückfrage", "=SUMME(A1)", new Date("2026-01-15T00:00:00Z"), "15.01.2026"],
};
const EDITABLE = Object.keys(VALUES);
const fieldOf = new Map(FIELDS.map((f) => [f.key, f]));
const norm = (key: string, v: CellValue) => comparable(fieldOf.get(key)!.kind, v ?? null);
const fbOf = fachbereichResolver(AKTEURE);

const valueIndex = fc.nat({ max: 5 });
const rowArb = fc.record({
  owner: fc.constantFrom("A-01", "A-02", "A-03"),
  values: fc.array(valueIndex, { minLength: EDITABLE.length, maxLength: EDITABLE.length }),
});
const edit = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant("set" as const), row: fc.nat(), field: fc.nat({ max: EDITABLE.length - 1 }), value: valueIndex }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("delete" as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("add" as const), id: fc.constantFrom("", "M-001", "M-002", "M-020", "M-021", "neu"), values: fc.array(valueIndex, { minLength: 6, maxLength: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("duplicate" as const), row: fc.nat(), field: fc.nat({ max: EDITABLE.length - 1 }), value: valueIndex }) },
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function pickValue(key: string, i: number): CellValue {
  const list = VALUES[key]!;
  return list[i % list.length] ?? null;
}

function makeRow(id: string, owner: string, values: number[]): MergeRow {
  const row: MergeRow = { id, values: { id } };
  EDITABLE.forEach((key, j) => (row.values[key] = pickValue(key, values[j] ?? 0)));
  row.values.federfuehrung = owner;
  return row;
}

/** Applies edits; a return may duplicate rows and add rows with any ID, the master adds with fresh IDs. */
function applyEdits(rows: MergeRow[], edits: Edit[], isReturn: boolean): MergeRow[] {
  let out = clone(rows);
  let fresh = 30;
  for (const e of edits) {
    if (e.op === "set" && out.length) {
      const r = out[e.row % out.length]!;
      r.values[EDITABLE[e.field]!] = pickValue(EDITABLE[e.field]!, e.value);
    } else if (e.op === "delete" && out.length) {
      out = out.filter((_, i) => i !== e.row % out.length);
    } else if (e.op === "add") {
      const id = isReturn ? e.id : `M-0${fresh++}`;
      out.push(makeRow(id, isReturn ? "A-01" : "A-02", e.values));
    } else if (e.op === "duplicate" && isReturn && out.length) {
      const copy = clone([out[e.row % out.length]!])[0]!;
      copy.values[EDITABLE[e.field]!] = pickValue(EDITABLE[e.field]!, e.value);
      out.push(copy);
    }
  }
  return out;
}

const scenario = fc.record({
  master: fc.array(rowArb, { minLength: 1, maxLength: 7 }),
  masterEdits: fc.array(edit, { maxLength: 6 }),
  fb4Edits: fc.array(edit, { maxLength: 8 }),
  fb5Edits: fc.array(edit, { maxLength: 5 }),
  fb5WithoutBase: fc.boolean(),
  fb5Owner: fc.constantFrom("A-02", "A-02 – Sozialamt"),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario) {
  const original = (s.master as { owner: string; values: number[] }[]).map((r, i) => makeRow(`M-${String(i + 1).padStart(3, "0")}`, r.owner, r.values));
  const base4 = original.filter((r) => fbOf(r.values.federfuehrung ?? null) === "FB 4");
  const base5 = original.filter((r) => fbOf(r.values.federfuehrung ?? null) === "FB 5");
  const master = applyEdits(original, s.masterEdits, false);
  const r4rows = applyEdits(base4, s.fb4Edits, true);
  const r5rows = applyEdits(base5, s.fb5Edits, true).map((r) => ({ ...r, values: { ...r.values, federfuehrung: r.values.federfuehrung === "A-01" ? s.fb5Owner : r.values.federfuehrung } }));
  const returns: ReturnInput[] = [
    { file: "fb4.xlsx", fields: FIELDS, rows: r4rows, base: { token: "T4", fachbereich: "FB 4", masterFile: "m.xlsx", fields: FIELDS.map((f) => f.key), rows: base4 } },
    {
      file: "fb5.xlsx",
      fields: FIELDS,
      rows: r5rows,
      base: s.fb5WithoutBase ? null : { token: "T5", fachbereich: "FB 5", masterFile: "m.xlsx", fields: FIELDS.map((f) => f.key), rows: base5 },
    },
  ];
  return { original, master, returns };
}

const byKey = (rows: MergeRow[]) => {
  const m = new Map<string, MergeRow>();
  for (const r of rows) if (!m.has(idKey(r.id))) m.set(idKey(r.id), r);
  return m;
};

function checkInvariants(original: MergeRow[], master: MergeRow[], returns: ReturnInput[], out: MergeOutcome): void {
  const final = byKey(out.rows);
  const before = byKey(master);
  const originalByKey = byKey(original);

  // IDs stay unique, and no master row disappears.
  const keys = out.rows.map((r) => idKey(r.id));
  expect(new Set(keys).size).toBe(keys.length);
  for (const k of before.keys()) expect(final.has(k)).toBe(true);

  // Master-only changes survive: every field the master changed since the split keeps the master's value.
  for (const [k, m] of before) {
    const o = originalByKey.get(k);
    for (const key of EDITABLE) {
      if (!o || norm(key, m.values[key] ?? null) !== norm(key, o.values[key] ?? null)) {
        if (!o) expect(norm(key, final.get(k)!.values[key] ?? null)).toBe(norm(key, m.values[key] ?? null));
        else expect({ k, key, v: norm(key, final.get(k)!.values[key] ?? null) }).toEqual({ k, key, v: norm(key, m.values[key] ?? null) });
      }
    }
  }

  const notApplied = new Set(out.actions.filter((a) => a.notApplied).map((a) => `${a.file}|${idKey(a.id)}|${a.field}`));
  const labelOf = (key: string) => fieldOf.get(key)!.label;
  for (const ret of returns) {
    const baseByKey = byKey(ret.base?.rows ?? []);
    const seen = new Set<string>();
    for (const r of ret.rows) {
      const k = idKey(r.id);
      const first = k === "" || !seen.has(k);
      seen.add(k);
      const baseRow = k ? baseByKey.get(k) : undefined;
      const added = out.actions.find((a) => a.file === ret.file && (a.kind === "added" || a.kind === "addedRenamed") && idKey(a.id) === k && (k !== "" || out.additions.some((x) => x.id === a.masterId && EDITABLE.every((f) => norm(f, x.values[f] ?? null) === norm(f, r.values[f] ?? null)))));
      const target = baseRow ? final.get(k) : added ? final.get(idKey(added.masterId)) : k ? final.get(k) : undefined;
      for (const key of EDITABLE) {
        const rv = norm(key, r.values[key] ?? null);
        const changed = baseRow ? rv !== norm(key, baseRow.values[key] ?? null) : rv !== "";
        if (!changed || !first) {
          if (!first && rv !== "") expect(notApplied.has(`${ret.file}|${k}|${labelOf(key)}`) || (target && norm(key, target.values[key] ?? null) === rv)).toBe(true);
          continue;
        }
        // Nothing disappears without a report line.
        // (A value that equalled the master's when this return was merged is not lost, even if a later
        // return changed it.)
        const agreed = !baseRow && k !== "" && before.has(k) && norm(key, before.get(k)!.values[key] ?? null) === rv;
        const arrived = agreed || (target !== undefined && norm(key, target.values[key] ?? null) === rv);
        if (!arrived) expect({ file: ret.file, id: r.id, field: key, reported: notApplied.has(`${ret.file}|${k}|${labelOf(key)}`) }).toEqual({ file: ret.file, id: r.id, field: key, reported: true });
        // Return-only changes arrive (a row still owned by the return's Fachbereich, unchanged in the master).
        const m = before.get(k);
        if (ret.base && baseRow && m && sameFachbereich(fbOf(m.values.federfuehrung ?? null), ret.base.fachbereich)) {
          if (norm(key, m.values[key] ?? null) === norm(key, baseRow.values[key] ?? null)) {
            expect({ id: r.id, key, v: norm(key, final.get(k)!.values[key] ?? null) }).toEqual({ id: r.id, key, v: rv });
          }
        }
      }
    }
  }
  // A return without base changes nothing.
  if (returns.every((r) => r.base === null)) expect(out.rows).toEqual(master);
}

describe("merge properties", () => {
  test("random edits on master and returns", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { original, master, returns } = build(s);
        const out = mergeReturns({ fields: FIELDS, rows: master }, returns, options());
        checkInvariants(original, master, returns, out);

        // A second merge of the same returns changes nothing.
        const again = mergeReturns({ fields: FIELDS, rows: out.rows }, returns, options(out.memory));
        expect(again.updates).toEqual([]);
        expect(again.additions).toEqual([]);
        expect(again.rows).toEqual(out.rows);
        // … and a third, with the memory of the second.
        const third = mergeReturns({ fields: FIELDS, rows: again.rows }, returns, options(again.memory));
        expect(third.rows).toEqual(out.rows);
      }),
      { numRuns: 1500 },
    );
  });
});
