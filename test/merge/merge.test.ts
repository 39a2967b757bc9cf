/** The three-way merge, one outcome at a time (pure domain, no workbook). */
import { type MergeOutcome, comparable, mergeReturns } from "../../src/domain/merge";
import { FIELDS, clone, normalized, options, ret, row } from "./helpers";

const master = () => ({ fields: FIELDS, rows: [row("M-001"), row("M-002"), row("M-003", { federfuehrung: "A-02" })] });
const sent = () => [row("M-001"), row("M-002")];

function byId(outcome: MergeOutcome, id: string) {
  const r = outcome.rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r.values;
}

describe("comparing values as the user means them", () => {
  test.each([
    ["date", new Date("2027-12-31T00:00:00Z"), "31.12.2027"],
    ["date", "2027-12-31", "31.12.2027"],
    ["number", 1500, "1.500 €"],
    ["number", 0.5, "0,5"],
    ["reference", "A-01", "A-01 – Jugendamt"],
    ["reference", "a-01 ", "A-01"],
    ["references", "I-001; I-002", "I-001,I-002"],
    ["list", "In Umsetzung", "in umsetzung"],
    ["text", "zwei  Wörter ", "zwei Wörter"],
    ["general", new Date("2027-12-31T00:00:00Z"), "31.12.2027"],
    ["general", 2025, "2025"],
  ] as const)("%s: %p equals %p", (kind, a, b) => {
    expect(comparable(kind, a)).toBe(comparable(kind, b));
  });

  test.each([
    ["date", "12/2027", "31.12.2027"],
    ["number", 1.5, 15],
    ["text", "Kita", "kita"],
    ["reference", "A-01", "A-02"],
  ] as const)("%s: %p differs from %p", (kind, a, b) => {
    expect(comparable(kind, a)).not.toBe(comparable(kind, b));
  });
});

describe("three-way merge", () => {
  test("a change only in the return is applied", () => {
    const r = clone(sent());
    r[0]!.values.titel = "Neuer Titel";
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(byId(out, "M-001").titel).toBe("Neuer Titel");
    expect(out.updates).toEqual([{ id: "M-001", values: { titel: "Neuer Titel" } }]);
    expect(out.actions).toMatchObject([{ kind: "applied", id: "M-001", field: "Titel", masterValue: "Titel M-001", returnValue: "Neuer Titel" }]);
    expect(out.conflicts).toBe(0);
  });

  test("a change only in the master survives", () => {
    const m = master();
    m.rows[0]!.values.titel = "Master-Titel";
    const out = mergeReturns(m, [ret(clone(sent()), sent())], options());
    expect(byId(out, "M-001").titel).toBe("Master-Titel");
    expect(out.actions).toEqual([]);
  });

  test("different changes on both sides: conflict, master kept, both values reported", () => {
    const m = master();
    m.rows[0]!.values.frist = "30.06.2027";
    const r = clone(sent());
    r[0]!.values.frist = new Date("2028-03-31T00:00:00Z");
    const out = mergeReturns(m, [ret(r, sent())], options());
    expect(byId(out, "M-001").frist).toBe("30.06.2027");
    expect(out.conflicts).toBe(1);
    expect(out.actions).toMatchObject([
      { kind: "conflict", id: "M-001", masterId: "M-001", field: "Frist", masterValue: "30.06.2027", returnValue: "31.03.2028", notApplied: true, file: "fb4.xlsx" },
    ]);
  });

  test("the same change on both sides is no conflict", () => {
    const m = master();
    m.rows[0]!.values.sachkosten = 2500;
    const r = clone(sent());
    r[0]!.values.sachkosten = "2.500 €";
    const out = mergeReturns(m, [ret(r, sent())], options());
    expect(out.actions).toEqual([]);
    expect(out.updates).toEqual([]);
  });

  test("a date cell against the same date as text, or the dropdown form of a reference, is no change", () => {
    const r = clone(sent());
    r[0]!.values.frist = new Date("2027-12-31T00:00:00Z");
    r[0]!.values.federfuehrung = "A-01 – Jugendamt";
    r[1]!.values.status = "Geplant";
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(out.actions).toEqual([]);
  });

  test("a new row is added with its ID; a clashing ID gets the next free one", () => {
    const r = [...clone(sent()), row("M-010", { titel: "Neu A" }), row("M-003", { titel: "Neu B" }), row("", { titel: "Neu C" })];
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(out.additions.map((a) => [a.id, a.values.titel])).toEqual([
      ["M-010", "Neu A"],
      ["M-011", "Neu B"],
      ["M-012", "Neu C"],
    ]);
    expect(out.actions.map((a) => [a.kind, a.id, a.masterId])).toEqual([
      ["added", "M-010", "M-010"],
      ["addedRenamed", "M-003", "M-011"],
      ["addedRenamed", "", "M-012"],
    ]);
    expect(out.rows.map((x) => x.id)).toEqual(["M-001", "M-002", "M-003", "M-010", "M-011", "M-012"]);
  });

  test("an ID the master deleted is not handed out again", () => {
    const m = master();
    const out = mergeReturns(m, [ret([...clone(sent()), row("M-007", { titel: "neu" })], sent()), ret([], [row("M-007")], { file: "alt.xlsx" }, "FB 4", "T0")], options());
    expect(out.additions.map((a) => a.id)).toEqual(["M-008"]);
  });

  test("a row deleted in the return stays in the master and is reported", () => {
    const out = mergeReturns(master(), [ret([clone(sent())[0]!], sent())], options());
    expect(out.rows.map((x) => x.id)).toEqual(["M-001", "M-002", "M-003"]);
    expect(out.actions).toMatchObject([{ kind: "deletedKept", id: "M-002", masterId: "M-002", notApplied: false }]);
    expect(out.summaries[0]!.deletedKept).toBe(1);
  });

  test("a row of another Fachbereich is not applied, each changed value reported", () => {
    const r = [...clone(sent()), row("M-003", { federfuehrung: "A-02", titel: "fremd geändert" })];
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(byId(out, "M-003").titel).toBe("Titel M-003");
    expect(out.actions).toMatchObject([{ kind: "foreign", id: "M-003", field: "Titel", returnValue: "fremd geändert", notApplied: true }]);
  });

  test("a new row led by another Fachbereich is not added; every value reported", () => {
    const r = [...clone(sent()), row("", { federfuehrung: "A-02", titel: "für FB 5", status: "", sachkosten: null, frist: null })];
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(out.additions).toEqual([]);
    expect(out.actions.map((a) => [a.kind, a.field, a.returnValue])).toEqual([
      ["foreign", "Titel", "für FB 5"],
      ["foreign", "Federführung", "A-02"],
    ]);
  });

  test("a measure reassigned in the master to another Fachbereich is no longer taken from the return", () => {
    const m = master();
    m.rows[1]!.values.federfuehrung = "A-02";
    const r = clone(sent());
    r[1]!.values.titel = "geändert";
    const out = mergeReturns(m, [ret(r, sent())], options());
    expect(byId(out, "M-002").titel).toBe("Titel M-002");
    expect(out.actions).toMatchObject([{ kind: "foreign", id: "M-002", field: "Titel", notApplied: true }]);
  });

  test("handing one's own measure to another Fachbereich is applied", () => {
    const r = clone(sent());
    r[1]!.values.federfuehrung = "A-02 – Sozialamt";
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(byId(out, "M-002").federfuehrung).toBe("A-02 – Sozialamt");
  });

  test("duplicates inside a return: the first is applied, the others reported", () => {
    const r = [row("M-001", { titel: "erste" }), row("M-001", { titel: "zweite" }), clone(sent())[1]!];
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(byId(out, "M-001").titel).toBe("erste");
    const dup = out.actions.filter((a) => a.kind === "duplicate");
    expect(dup.map((a) => a.field)).toEqual(["Titel", "Federführung", "Frist", "Sachkosten (EUR)", "Status"]);
    expect(dup.every((a) => a.notApplied)).toBe(true);
  });

  test("a measure deleted in the master is not brought back; its changes are reported", () => {
    const m = { fields: FIELDS, rows: [row("M-002")] };
    const r = clone(sent());
    r[0]!.values.titel = "geändert";
    const out = mergeReturns(m, [ret(r, sent())], options());
    expect(out.rows.map((x) => x.id)).toEqual(["M-002"]);
    expect(out.actions).toMatchObject([{ kind: "masterDeleted", id: "M-001", field: "Titel", returnValue: "geändert", notApplied: true }]);
  });

  test("a column of the return that the master lacks is reported, one line per value", () => {
    const fields = [...FIELDS, { key: "extra:kosten2", label: "Kosten 2", kind: "general" as const }];
    const r = clone(sent());
    r[0]!.values["extra:kosten2"] = 5;
    const out = mergeReturns(master(), [ret(r, sent(), { fields })], options());
    expect(out.actions).toMatchObject([{ kind: "columnMissingInMaster", id: "M-001", field: "Kosten 2", returnValue: "5", notApplied: true }]);
  });

  test("a column missing in the return leaves the master's values alone and is reported once", () => {
    const fields = FIELDS.filter((f) => f.key !== "status");
    const r = clone(sent()).map((x) => ({ id: x.id, values: { ...x.values, status: undefined } }));
    const out = mergeReturns(master(), [ret(r, sent(), { fields })], options());
    expect(byId(out, "M-001").status).toBe("geplant");
    expect(out.actions).toMatchObject([{ kind: "columnMissingInReturn", field: "Status", notApplied: false }]);
  });

  test("a user's extra column is merged like any other", () => {
    const r = clone(sent());
    r[0]!.values["extra:notiz"] = "=Rückfrage an FB 5";
    const out = mergeReturns(master(), [ret(r, sent())], options());
    expect(byId(out, "M-001")["extra:notiz"]).toBe("=Rückfrage an FB 5");
  });

  test("a return without base values: every difference is a conflict, nothing is overwritten or added", () => {
    const r = [row("M-001", { titel: "anders" }), row("M-002"), row("M-099", { titel: "neu" })];
    const out = mergeReturns(master(), [ret(r, null)], options());
    expect(out.rows).toEqual(master().rows);
    expect(out.updates).toEqual([]);
    expect(out.additions).toEqual([]);
    expect(out.actions.filter((a) => a.id === "M-001")).toMatchObject([{ kind: "twoWay", field: "Titel", masterValue: "Titel M-001", returnValue: "anders", notApplied: true }]);
    expect(out.actions.filter((a) => a.id === "M-099").length).toBe(5);
    expect(out.summaries[0]!.twoWay).toBe(true);
  });

  test("two returns: each applies its own rows, new IDs stay unique across them", () => {
    const fb5 = [row("M-003", { federfuehrung: "A-02", titel: "FB 5 ändert" }), row("M-004", { federfuehrung: "A-02", titel: "FB 5 neu" })];
    const fb4 = [...clone(sent()), row("M-004", { titel: "FB 4 neu" })];
    const out = mergeReturns(
      master(),
      [ret(fb4, sent()), ret(fb5, [row("M-003", { federfuehrung: "A-02" })], { file: "fb5.xlsx" }, "FB 5", "T2")],
      options(),
    );
    expect(byId(out, "M-003").titel).toBe("FB 5 ändert");
    expect(out.additions.map((a) => [a.id, a.values.titel])).toEqual([
      ["M-004", "FB 4 neu"],
      ["M-005", "FB 5 neu"],
    ]);
  });
});

describe("the one form of a reference", () => {
  const names: Record<string, string> = { "A-01": "A-01 – Jugendamt", "A-02": "A-02 – Sozialamt" };
  const formValue = (key: string, value: unknown) =>
    key === "federfuehrung" && typeof value === "string" ? (names[value.slice(0, 4)] ?? value) : (value as never);

  test("what a return changes or adds is written as `ID – Name`, and the form alone is no change", () => {
    const r = clone(sent());
    r[0]!.values.federfuehrung = "A-02"; // a changed lead, typed as the ID
    r[1]!.values.federfuehrung = "A-01 – Jugendamt"; // the same lead in the dropdown's form: no change
    r.push(row("M-010", { federfuehrung: "A-01" }));
    const out = mergeReturns(master(), [ret(r, sent())], { ...options(), formValue });
    expect(out.updates).toEqual([{ id: "M-001", values: { federfuehrung: "A-02 – Sozialamt" } }]);
    expect(out.additions.map((a) => a.values.federfuehrung)).toEqual(["A-01 – Jugendamt"]);
    expect(out.conflicts).toBe(0);
  });
});

describe("merging the same return again changes nothing", () => {
  function twice(m: ReturnType<typeof master>, r: ReturnType<typeof ret>) {
    const first = mergeReturns(m, [r], options());
    const again = mergeReturns({ fields: FIELDS, rows: first.rows }, [r], options(first.memory));
    return { first, again };
  }

  test("applied values, new rows (also renamed and without ID) are recognised", () => {
    const r = clone(sent());
    r[0]!.values.titel = "geändert";
    r.push(row("M-003", { titel: "neu mit belegter ID" }), row("", { titel: "neu ohne ID" }), row("M-050", { titel: "neu" }));
    const { first, again } = twice(master(), ret(r, sent()));
    expect(first.additions).toHaveLength(3);
    expect(again.additions).toEqual([]);
    expect(again.updates).toEqual([]);
    expect(again.rows.map((x) => normalized(x))).toEqual(first.rows.map((x) => normalized(x)));
    expect(again.actions.filter((a) => a.kind !== "conflict")).toEqual([]);
  });

  test("after the coordinator edited an applied value or an added row, the second merge keeps the edits", () => {
    const r = clone(sent());
    r[0]!.values.titel = "vom FB";
    r.push(row("M-003", { titel: "neu" }));
    const first = mergeReturns(master(), [ret(r, sent())], options());
    const edited = clone(first.rows);
    edited.find((x) => x.id === "M-001")!.values.titel = "von der Koordinierung";
    edited.find((x) => x.id === "M-004")!.values.titel = "neu, überarbeitet";
    const again = mergeReturns({ fields: FIELDS, rows: edited }, [ret(r, sent())], options(first.memory));
    expect(again.rows).toEqual(edited);
    expect(again.actions).toEqual([]);
  });

  test("a conflict stays a conflict (reported again, master kept)", () => {
    const m = master();
    m.rows[0]!.values.titel = "Master";
    const r = clone(sent());
    r[0]!.values.titel = "Rücklauf";
    const { first, again } = twice(m, ret(r, sent()));
    expect(first.conflicts).toBe(1);
    expect(again.conflicts).toBe(1);
    expect(again.rows).toEqual(first.rows);
  });

  test("a later, corrected return of the same distribution applies only what changed since", () => {
    const r1 = clone(sent());
    r1[0]!.values.titel = "v1";
    const first = mergeReturns(master(), [ret(r1, sent())], options());
    const r2 = clone(r1);
    r2[0]!.values.frist = "30.06.2028";
    const second = mergeReturns({ fields: FIELDS, rows: first.rows }, [ret(r2, sent())], options(first.memory));
    expect(second.actions.map((a) => [a.kind, a.field])).toEqual([["applied", "Frist"]]);
  });
});
