/**
 * The Prozessplan's rules (P_): a clean plan fires none of them; a plan with one defect per step fires exactly
 * the findings the contract names, at the step's cell, with a message that says what to do.
 */
import { RULES, type RuleCode, checkConcept } from "../../src/domain/rules";
import { renderMessage } from "../../src/domain/rules/messages";
import {
  beratungsfolge,
  erledigteSchritte,
  offeneSchritte,
  prozessStand,
  prozessschritte,
} from "../../src/domain/prozessplan";
import { readConcept } from "../../src/workbook/read";
import { type ConceptRows, baseline, check, toSheets } from "../helpers/concept";
import { gridSource } from "../helpers/grid";

type Step = Record<string, string | number | null>;

const step = (id: string, values: Step): Step => ({
  id,
  phase: "Rahmenkonzept",
  schritt: `Schritt ${id}`,
  verantwortlich: "A-01",
  status: "geplant",
  termin: "31.03.2027",
  ...values,
});

/** A plan `check` finds nothing wrong with on the Stichtag 22.11.2026. */
function cleanPlan(): Step[] {
  return [
    step("P-01", {
      schritt: "AG Integration gründen",
      beginn: "01.05.2026",
      termin: "30.06.2026",
      format: "Arbeitsgruppe",
      status: "erledigt",
    }),
    step("P-02", {
      format: "Sitzung",
      gremium: "Integrationsbeirat",
      befassung: "Empfehlung",
      gegenstand: "Rahmenkonzept",
      termin: "01.09.2026",
      status: "erledigt",
    }),
    step("P-03", {
      format: "Sitzung",
      gremium: "Ausschuss für Soziales",
      befassung: "Beratung",
      gegenstand: "rahmenkonzept ",
      termin: "15.09.2026",
      verantwortlich: "A-02 – Jobcenter",
      status: "erledigt",
    }),
    step("P-04", {
      format: "Sitzung",
      gremium: "Kreistag",
      befassung: "Beschluss",
      gegenstand: "Rahmenkonzept",
      termin: "01.10.2026",
      status: "Erledigt",
    }),
    step("P-05", { schritt: "Konzept veröffentlichen", format: "Veröffentlichung", termin: "Q1 2027" }),
    // Passed, but moved: it waits for its new Termin and is not overdue.
    step("P-06", { termin: "01.10.2026", status: "verschoben" }),
    step("P-07", { beginn: "11/2026", termin: "31.12.2026", status: "in Arbeit" }),
    // A Beratung that no longer takes place does not count against the Beschluss before it.
    step("P-08", {
      gremium: "Ausschuss für Soziales",
      befassung: "Beratung",
      gegenstand: "Rahmenkonzept",
      termin: "01.12.2026",
      status: "entfallen",
    }),
  ];
}

const withPlan = (plan: Step[]): ConceptRows => ({ ...baseline(), prozessplan: plan });
const pFindings = (rows: ConceptRows) =>
  check(rows)
    .findings.filter((f) => f.kind === "prozessplan")
    .map((f) => [f.rule, f.cell, f.id]);

describe("the Prozessplan's rules", () => {
  it("find nothing in a clean plan", () => {
    expect(pFindings(withPlan(cleanPlan()))).toEqual([]);
  });

  it("stay quiet on a plan nobody has begun (the template's undated steps), and speak once a step is dated", () => {
    const template = ["P-01", "P-02", "P-03"].map((id) => step(id, { termin: null, verantwortlich: "" }));
    expect(pFindings(withPlan(template))).toEqual([]);
    const begun = template.map((s, i) => (i === 0 ? { ...s, termin: "31.01.2027" } : s));
    expect(pFindings(withPlan(begun)).map(([rule, , id]) => `${rule} ${id}`)).toEqual([
      "P_VERANTWORTLICH_FEHLT P-01",
      "P_TERMIN_FEHLT P-02",
      "P_VERANTWORTLICH_FEHLT P-02",
      "P_TERMIN_FEHLT P-03",
      "P_VERANTWORTLICH_FEHLT P-03",
    ]);
  });

  it("find exactly one finding per defective step, at its cell", () => {
    const plan = [
      step("P-01", { termin: null }),
      step("P-02", { termin: "31.02.2027" }),
      step("P-03", { beginn: "laufend" }),
      step("P-04", { beginn: "01.03.2027", termin: "31.01.2027" }),
      step("P-05", { termin: "30.09.2026", status: "in Arbeit" }),
      step("P-06", { verantwortlich: "" }),
      step("P-07", { verantwortlich: "Jugendamt" }),
      step("P-08", { befassung: "Information" }),
      step("P-09", { format: "Sitzung" }),
      step("P-10", {
        gremium: "Kreistag",
        befassung: "Beschluss",
        gegenstand: "Maßnahmenkonzept",
        termin: "01.02.2027",
      }),
      step("P-11", {
        gremium: "Ausschuss für Soziales",
        befassung: "Beratung",
        gegenstand: "Massnahmenkonzept",
        termin: "15.02.2027",
      }),
      step("P-12", { status: "fertig" }),
      step("P-13", { format: "Telefonkonferenz" }),
      step("P-14", { schritt: "" }),
    ];
    expect(pFindings(withPlan(plan))).toEqual([
      ["P_TERMIN_FEHLT", "E2", "P-01"],
      ["P_DATUM_UNGUELTIG", "E3", "P-02"],
      ["P_DATUM_UNGUELTIG", "D4", "P-03"],
      ["P_BEGINN_NACH_TERMIN", "D5", "P-04"],
      ["P_UEBERFAELLIG", "E6", "P-05"],
      ["P_VERANTWORTLICH_FEHLT", "F7", "P-06"],
      ["P_VERANTWORTLICH_UNBEKANNT", "F8", "P-07"],
      ["P_GREMIUM_FEHLT", "I9", "P-08"],
      ["P_GREMIUM_FEHLT", "I10", "P-09"],
      ["P_BERATUNGSFOLGE", "E11", "P-10"],
      ["STATUS_UNGUELTIG", "M13", "P-12"],
      ["AUSWAHL_UNGUELTIG", "H14", "P-13"],
      ["PFLICHTFELD_LEER", "C15", "P-14"],
    ]);
  });

  it("say in whole sentences what is wrong and what to do, rendered from their parameters", () => {
    const plan = [
      step("P-01", { termin: null, verantwortlich: "Jugendamt" }),
      step("P-02", { termin: "30.09.2026", beginn: "ab 2026" }),
      step("P-03", { gremium: "Kreistag", befassung: "Beschluss", gegenstand: "Rahmenkonzept", termin: "01.02.2027" }),
      step("P-04", {
        gremium: "Integrationsbeirat",
        befassung: "Empfehlung",
        gegenstand: "Rahmenkonzept",
        termin: "15.02.2027",
      }),
      step("P-05", { format: "Sitzung" }),
      step("P-06", { status: "" }),
    ];
    const findings = check(withPlan(plan)).findings.filter((f) => f.kind === "prozessplan");
    const byRule = new Map(findings.map((f) => [f.rule, f]));
    for (const f of findings) {
      expect(f.message).toMatch(/^[A-ZÄÖÜ].*\.$/);
      expect(f.message).toContain(f.id!);
      expect(renderMessage(f.rule, f.params)).toBe(f.message);
      expect(f.severity).toBe(RULES[f.rule].severity);
      expect(f.sheet).toBe("Prozessplan");
    }
    expect(byRule.get("P_VERANTWORTLICH_UNBEKANNT")!.message).toContain("Gemeint ist vermutlich A-01 – Jugendamt");
    expect(byRule.get("P_UEBERFAELLIG")!.message).toBe(
      "Der Schritt P-02 hat den Termin 30.09.2026, der am Stichtag 22.11.2026 überschritten ist, und steht noch auf „geplant“. " +
        "Setzen Sie den Status auf „erledigt“ (mit dem Ergebnis), „verschoben“ oder „entfallen“, oder tragen Sie einen neuen Termin ein.",
    );
    expect(byRule.get("P_DATUM_UNGUELTIG")!.message).toContain("„ab 2026“; das ist kein Datum");
    expect(byRule.get("P_BERATUNGSFOLGE")!.message).toBe(
      "Der Schritt P-03 ist der Beschluss im Gremium „Kreistag“ über „Rahmenkonzept“ am 01.02.2027; " +
        "die Empfehlung im Gremium „Integrationsbeirat“ (P-04) folgt erst am 15.02.2027. " +
        "Ein Gremium berät oder empfiehlt, bevor beschlossen wird: Legen Sie die Empfehlung vor den Beschluss oder verschieben Sie den Beschluss.",
    );
    expect(byRule.get("P_GREMIUM_FEHLT")!.message).toContain("ist eine Sitzung, nennt aber kein Gremium");
    expect(byRule.get("STATUS_UNGUELTIG")!.message).toContain("(geplant, in Arbeit, erledigt, verschoben, entfallen)");
    expect(byRule.get("P_TERMIN_FEHLT")!.severity).toBe("warning");
  });

  it("apply only where the sheet Prozessplan is", () => {
    const rules = check(baseline()).findings.map((f) => f.rule as RuleCode);
    expect(rules.filter((r) => r.startsWith("P_"))).toEqual([]);
  });

  it("use the Einstellung Stichtag for what is overdue", () => {
    const rows = withPlan([step("P-01", { termin: "30.06.2027" })]);
    expect(pFindings(rows)).toEqual([]);
    rows.einstellungen!.push({ schluessel: "Stichtag", wert: "01.07.2027" });
    const result = checkConcept(readConcept(gridSource(toSheets(rows))), { today: "2026-11-22" });
    expect(result.findings.map((f) => f.rule)).toContain("P_UEBERFAELLIG");
  });
});

describe("where the process stands", () => {
  const steps = prozessschritte(readConcept(gridSource(toSheets(withPlan(cleanPlan()))))!.prozessplan);

  it("gives the Beratungsfolge of a Gegenstand in date order, without the steps that were dropped", () => {
    const beschluss = steps.find((s) => s.id === "P-04")!;
    expect(beratungsfolge(steps, beschluss).map((s) => [s.id, s.gremium, s.befassung])).toEqual([
      ["P-02", "Integrationsbeirat", "Empfehlung"],
      ["P-03", "Ausschuss für Soziales", "Beratung"],
      ["P-04", "Kreistag", "Beschluss"],
    ]);
  });

  it("lists the steps done, the open ones, the overdue and the next", () => {
    expect(erledigteSchritte(steps).map((s) => s.id)).toEqual(["P-01", "P-02", "P-03", "P-04"]);
    expect(offeneSchritte(steps).map((s) => s.id)).toEqual(["P-06", "P-07", "P-05"]);
    const stand = prozessStand(steps, "2027-01-15");
    expect(stand.ueberfaellig.map((s) => s.id)).toEqual(["P-07"]);
    expect(stand.naechste.map((s) => s.id)).toEqual(["P-06", "P-05"]);
  });
});
