/**
 * The SMART template's logic: fields come from the contract, a form is checked by the domain's rules for
 * exactly that measure, and the dropdowns follow Handlungsfeld → Ziel → Indikator.
 */
import { MASSNAHMEN } from "../../src/workbook/contract";
import { readConcept, type ReadConcept } from "../../src/workbook/read";
import { createTemplateWorkbook } from "../../src/xlsx/concept";
import { ExcelJsSource } from "../helpers/excelJsSource";
import {
  FORM_COLUMNS,
  akteurOptions,
  checkMeasure,
  formFromRow,
  indikatorOptions,
  measureRow,
  nextAkteurId,
  nextMeasureId,
  rowValuesFromForm,
  sections,
  zielOptions,
} from "../../src/taskpane/features/massnahme/form";
import { roundSummary, setUpWorkbook } from "../../src/taskpane/services/operations";
import { planRound } from "../../src/domain/matrix";
import { readSettings } from "../../src/domain/settings";
import { BrowserHost } from "../../src/xlsx/browserHost";

const TODAY = "2026-11-22";
let concept: ReadConcept;

beforeAll(async () => {
  concept = readConcept(await createTemplateWorkbook("beispiel", TODAY).source());
});

/** A measure that passes every SMART rule. */
function completeForm(): Record<string, string> {
  return {
    ...formFromRow(undefined),
    handlungsfeld: "HF-03 – Bildung und Sprache",
    ziel: "Z-05",
    titel: "Lernpatenschaften",
    beschreibung: "Ehrenamtliche begleiten erwachsene Zugewanderte ein Jahr lang beim Deutschlernen im Alltag.",
    zielgruppe: "Erwachsene Zugewanderte",
    indikatoren: "I-005",
    zielwert: "40 Patenschaften pro Jahr",
    federfuehrung: "A-05",
    personal: "0,5",
    sachkosten: "1.500",
    finanzierung: "gesichert",
    beginn: "2027-01-01",
    frist: "31.12.2027",
    status: "geplant",
  };
}

describe("the SMART template", () => {
  it("has every column of Maßnahmen but the ID exactly once, from the contract", () => {
    const fields = sections().flatMap((s) => s.columns.map((c) => c.field));
    expect(fields.sort()).toEqual(MASSNAHMEN.columns.filter((c) => c.field !== "id").map((c) => c.field).sort());
    expect(FORM_COLUMNS.every((c) => c.prompt.text.length > 0)).toBe(true);
    const s = sections();
    expect(s.map((x) => x.key)).toEqual(["einordnung", "S", "M", "A", "R", "T", "stand"]);
    expect(s.find((x) => x.key === "A")!.text).toBe(
      "Die Maßnahme ist erstrebenswert, ansprechend und einem bestimmten Verantwortlichen zuweisbar.",
    );
    for (const letter of ["S", "M", "A", "R", "T"]) {
      expect(s.find((x) => x.key === letter)!.columns.every((c) => c.smart === letter)).toBe(true);
    }
  });

  it("proposes the next free IDs", () => {
    expect(nextMeasureId(concept)).toBe("M-021");
    expect(nextAkteurId(concept)).toBe("A-09");
    expect(measureRow(concept, "M-021")).toBe(22);
    expect(measureRow(concept, "m-003")).toBe(4);
  });

  it("checks a complete measure as SMART and names the letter that is missing", () => {
    const full = checkMeasure(concept, "M-021", completeForm(), TODAY);
    expect(full.findings).toEqual([]);
    expect(full.letters).toEqual({ S: true, M: true, A: true, R: true, T: true });

    const noDeadline = checkMeasure(concept, "M-021", { ...completeForm(), frist: "" }, TODAY);
    expect(noDeadline.letters).toEqual({ S: true, M: true, A: true, R: true, T: false });
    expect(noDeadline.byField.frist?.map((f) => f.rule)).toEqual(["T_FRIST_FEHLT"]);
    expect(noDeadline.bySection.T?.length).toBe(1);

    const vague = checkMeasure(concept, "M-021", { ...completeForm(), frist: "fortlaufend" }, TODAY);
    expect(vague.byField.frist?.map((f) => f.rule)).toEqual(["T_FRIST_UNBESTIMMT"]);
  });

  it("reports findings at the lead's Akteur row under the Federführung", () => {
    // A-06 (Jobcenter) has neither Ansprechperson nor E-Mail.
    const check = checkMeasure(concept, "M-021", { ...completeForm(), federfuehrung: "A-06" }, TODAY);
    expect(check.byField.federfuehrung?.map((f) => f.rule)).toEqual(["A_KONTAKT_FEHLT"]);
    expect(check.letters.A).toBe(true); // a warning does not make A incomplete
  });

  it("loads an existing measure and writes numbers, dates and text back as cell values", () => {
    const row = concept.massnahmen.rows.find((r) => r.values.id === "M-015")!;
    const form = formFromRow(row);
    expect(form.frist).toBe("Q4 2028"); // not an exact day: kept as the user wrote it
    const m004 = formFromRow(concept.massnahmen.rows.find((r) => r.values.id === "M-004")!);
    expect(m004.frist).toBe("fortlaufend"); // a vague Frist is shown as it is stored
    const exact = concept.massnahmen.rows.find((r) => r.values.frist instanceof Date)!;
    expect(formFromRow(exact).frist).toMatch(/^\d{2}\.\d{2}\.\d{4}$/); // an exact day as TT.MM.JJJJ
    expect(form.personal).toBe("0,2");
    const values = rowValuesFromForm({ ...form, frist: "31.12.2028", sachkosten: "1.500,50", bemerkung: "=1+1" });
    expect(values.frist).toEqual(new Date("2028-12-31T00:00:00Z"));
    expect(rowValuesFromForm({ ...form, frist: "2028-12-31" }).frist).toEqual(new Date("2028-12-31T00:00:00Z"));
    expect(rowValuesFromForm({ ...form, frist: "fortlaufend" }).frist).toBe("fortlaufend");
    expect(rowValuesFromForm({ ...form, frist: "Q4 2028" }).frist).toBe("Q4 2028");
    expect(values.sachkosten).toBe(1500.5);
    expect(values.bemerkung).toBe("=1+1");
    expect(values.zielgruppe).toBe("Beschäftigte mit Publikumsverkehr");
  });

  it("offers the Ziele of the chosen Handlungsfeld and their Indikatoren", () => {
    expect(zielOptions(concept, "HF-03 – Bildung und Sprache").map((o) => o.value.slice(0, 4))).toEqual(["Z-04", "Z-05"]);
    expect(indikatorOptions(concept, "HF-03", "").map((o) => o.value)).toEqual(["I-004", "I-005", "I-012"]);
    expect(indikatorOptions(concept, "HF-03", "Z-04 – Kinder …").map((o) => o.value)).toEqual(["I-004", "I-012"]);
    expect(akteurOptions(concept)[0]!.label).toBe("A-01 – Koordinierungsstelle Integration");
  });
});

describe("operations", () => {
  it("sets up a workbook and says which sheets already existed", async () => {
    const host = await BrowserHost.create();
    const first = await setUpWorkbook(host, "laatzen", TODAY);
    expect(first.existing).toEqual([]);
    expect(first.created).toContain("Maßnahmen");
    const again = await setUpWorkbook(host, "beispiel", TODAY);
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(first.created);
  });

  it("summarises a round per Handlungsfeld with the domain's weighted score and Ampel", () => {
    const { settings } = readSettings(concept);
    const plan = planRound(concept, settings, 2026, null);
    // Score M-001 with 4 everywhere and M-002 with 1 everywhere (both in HF-01).
    for (const r of plan.rows) {
      if (r.id === "M-001") r.scores = r.scores.map(() => 4);
      if (r.id === "M-002") r.scores = r.scores.map(() => 1);
    }
    const summary = roundSummary(plan, settings);
    expect(summary[0]).toEqual({
      handlungsfeld: "HF-01 – Willkommenskultur",
      measures: 3,
      scored: 2,
      mean: 2.5,
      ampel: { grün: 1, gelb: 0, rot: 1 },
    });
    expect(summary.reduce((n, s) => n + s.measures, 0)).toBe(19); // M-019 is verworfen
  });
});
