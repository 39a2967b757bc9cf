/**
 * One form per reference: `ID – Name` (the dropdown's entry), several IDs joined by `; `. A new workbook
 * from a template is already uniform, a mixed one is made uniform by the writes `uniformPlan` returns, and
 * a value that names no known ID stays as it is written.
 */
import { checkConcept } from "../../src/domain/rules";
import { referenceId } from "../../src/domain/values";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readConcept } from "../../src/workbook/read";
import {
  REFERENCE_COLUMNS,
  referenceForm,
  referenceNames,
  rowsOfConcept,
  uniformPlan,
} from "../../src/workbook/references";
import { templateContent } from "../../src/domain/templates";
import { BrowserHost } from "../../src/xlsx/browserHost";
import { baseline, toSheets } from "../helpers/concept";
import { gridSource } from "../helpers/grid";

const today = "2026-11-22";
const column = (kind: string, field: string) => REFERENCE_COLUMNS.find((c) => c.kind === kind && c.field === field)!;

describe("the one form of a reference", () => {
  const names = referenceNames({
    handlungsfelder: [{ id: "HF-03", handlungsfeld: "Bildung  und Sprache " }],
    indikatoren: [
      { id: "I-001", indikator: "Kita-Quote" },
      { id: "I-002", indikator: "Kurse" },
    ],
  });

  it("is the dropdown's `ID – Name` for one ID, whatever form it was given in", () => {
    const hf = column("massnahmen", "handlungsfeld");
    for (const given of ["HF-03", "hf-03", "HF-03 – Bildung", "HF-03 - alt", " HF-03 "]) {
      expect(referenceForm(hf, given, names)).toBe("HF-03 – Bildung und Sprache");
    }
  });

  it("is the IDs joined by `; ` for the cells of several IDs", () => {
    const ind = column("massnahmen", "indikatoren");
    expect(ind.multiple).toBe(true);
    expect(referenceForm(ind, "I-001 – Kita-Quote, i-002", names)).toBe("I-001; I-002");
    expect(referenceForm(ind, "I-002;I-009", names)).toBe("I-002; I-009");
  });

  it("leaves a value alone that names no known ID (a Träger that is no Akteur, a typo the check names)", () => {
    expect(referenceForm(column("massnahmen", "handlungsfeld"), "HF-09", names)).toBe("HF-09");
    expect(referenceForm(column("angebote", "traeger"), "Caritas – Migrationsdienst", names)).toBe(
      "Caritas – Migrationsdienst",
    );
    expect(referenceForm(column("massnahmen", "federfuehrung"), "", names)).toBe("");
  });
});

describe("every writer writes the one form", () => {
  it("a template's workbook holds every known reference as `ID – Name`, so nothing is left to make uniform", async () => {
    const host = await BrowserHost.create("beispiel.xlsx");
    for (const sheet of planNewWorkbook(templateContent("beispiel", today)).sheets) await host.applySheetPlan(sheet);
    const concept = readConcept(await host.snapshot());
    expect(uniformPlan(concept).cells).toBe(0);
    const m1 = concept.massnahmen.rows[0]!.values;
    expect(m1.handlungsfeld).toBe("HF-01 – Willkommenskultur");
    expect(String(m1.federfuehrung)).toMatch(/^A-\d\d – /);
    expect(String(concept.ziele!.rows[0]!.values.handlungsfeld)).toBe("HF-01 – Willkommenskultur");
    expect(String(concept.sachstaende!.rows[0]!.values.massnahme)).toMatch(/^M-\d{3} – /);
    // The deliberate defect stays: a Federführung given as a name is no reference to rewrite.
    const m18 = concept.massnahmen.rows.find((r) => r.values.id === "M-018")!;
    expect(m18.values.federfuehrung).toBe("Jobcenter Beispielkreis");
  });

  it("makes a mixed workbook uniform in one step, with the count it previews, and changes no finding", async () => {
    const rows = baseline();
    rows.sachstaende = [{ massnahme: "m-002", berichtsstichtag: "30.06.2026", status: "geplant", sachstand: "x" }];
    const source = gridSource(toSheets(rows));
    const concept = readConcept(source);
    const plan = uniformPlan(concept);
    // Ziele and Indikatoren name their parent by ID, the measures too; Indikatoren hold IDs already.
    expect(plan.cells).toBeGreaterThan(4);
    expect(plan.byKind.sachstaende).toBe(1);

    const host = await BrowserHost.create("gemischt.xlsx");
    for (const sheet of planNewWorkbook({}).sheets) await host.applySheetPlan(sheet);
    await host.writeRows(
      Object.entries(rowsOfConcept(concept)).flatMap(([kind, list]) =>
        (list ?? []).map((values, i) => ({
          kind: kind as never,
          id: String(values.id ?? i),
          ...(kind === "sachstaende" ? { key: { subject: "massnahme", date: "berichtsstichtag" } } : {}),
          ...(kind === "einstellungen" ? { key: { name: "schluessel" } } : {}),
          values,
        })),
      ),
    );
    const before = readConcept(await host.snapshot());
    const mixed = uniformPlan(before);
    expect(mixed.cells).toBe(plan.cells);
    await host.writeRows(mixed.writes);
    const after = readConcept(await host.snapshot());
    expect(uniformPlan(after).cells).toBe(0);
    expect(after.ziele!.rows.map((r) => r.values.handlungsfeld)).toEqual(
      before.ziele!.rows.map((r) => `${referenceId(r.values.handlungsfeld ?? null)} – ${nameOf(after, r)}`),
    );
    const rules = (c: typeof after) => checkConcept(c, { today }).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(rules(after)).toEqual(rules(before));
  });
});

function nameOf(concept: ReturnType<typeof readConcept>, ziel: { values: Record<string, unknown> }): string {
  const id = referenceId((ziel.values.handlungsfeld ?? null) as string);
  return String(concept.handlungsfelder!.rows.find((h) => h.values.id === id)!.values.handlungsfeld);
}
