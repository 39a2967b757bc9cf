/**
 * The Integrationsmonitoring in the domain: values by Gebiet and Gruppe, official markers, computed shares,
 * the own area named with or without its key, and the rules that guard them (docs/pruefregeln.md).
 */
import { MonitoringData } from "../../src/domain/monitoringData";
import { monitoringAt } from "../../src/domain/monitoring";
import { readSettings } from "../../src/domain/settings";
import { readConcept } from "../../src/workbook/read";
import { type ConceptRows, type RuleCase, describeRuleCases, check, toSheets } from "../helpers/concept";
import { gridSource } from "../helpers/grid";
import { withMonitoring } from "../helpers/monitoring";

const value = (i: number, v: Record<string, unknown>) => (r: ConceptRows) => Object.assign(r.indikatorwerte![i]!, v);
const indicator = (id: string, v: Record<string, unknown>) => (r: ConceptRows) =>
  Object.assign(
    r.indikatoren!.find((i) => i.id === id)!,
    v,
  );
const area = (i: number, v: Record<string, unknown>) => (r: ConceptRows) => Object.assign(r.gebiete![i]!, v);
const push = (v: Record<string, unknown>) => (r: ConceptRows) => r.indikatorwerte!.push(v as never);

// Indikatorwerte columns: A Indikator, B Stichtag, C Wert, D Quelle, E Bemerkung, F Gebiet, G Gruppe, H Kennzeichen.
// Indikatoren: … L Art, M Handlungsfeld, N Definition, O Berechnung, P Nächste Veröffentlichung.
const cases: RuleCase[] = [
  {
    rule: "I_GEBIET_UNBEKANNT",
    fires: value(2, { gebiet: "09998001" }),
    at: { sheet: "Indikatorwerte", cell: "F4", id: "I-020" },
    quiet: value(2, { gebiet: "09999002 – Beispieldorf" }),
  },
  {
    // A key typed into a number cell lost its leading zero.
    rule: "I_GEBIET_UNBEKANNT",
    fires: value(2, { gebiet: 9999001 }),
    at: { sheet: "Indikatorwerte", cell: "F4", id: "I-020" },
    quiet: value(2, { gebiet: "09999001" }),
  },
  {
    rule: "I_KENNZEICHEN_UNGUELTIG",
    fires: value(8, { kennzeichen: "k" }),
    at: { sheet: "Indikatorwerte", cell: "H10", id: "I-021" },
    quiet: value(8, { kennzeichen: "…" }),
  },
  {
    rule: "I_KENNZEICHEN_UNGUELTIG",
    fires: value(8, { kennzeichen: null }),
    at: { sheet: "Indikatorwerte", cell: "C10", id: "I-021" },
    quiet: value(8, { kennzeichen: "X" }),
  },
  {
    rule: "I_BERECHNUNG_UNGUELTIG",
    fires: indicator("I-022", { berechnung: "I-021 : I-020" }),
    at: { sheet: "Indikatoren", cell: "O6", id: "I-022" },
    quiet: indicator("I-022", { berechnung: "i-021/I-020" }),
  },
  {
    rule: "I_BERECHNUNG_UNGUELTIG",
    fires: indicator("I-022", { berechnung: "I-021 / I-099" }),
    at: { sheet: "Indikatoren", cell: "O6", id: "I-022" },
    quiet: indicator("I-022", { berechnung: "I-021 / I-001" }),
  },
  {
    // Itself through another indicator's Berechnung.
    rule: "I_BERECHNUNG_UNGUELTIG",
    fires: (r) => {
      indicator("I-021", { berechnung: "I-022 / I-020" })(r);
    },
    at: { sheet: "Indikatoren", cell: "O5", id: "I-021" },
    quiet: indicator("I-021", { berechnung: "" }),
  },
  {
    rule: "I_WERTE_FAELLIG",
    fires: indicator("I-020", { naechsteVeroeffentlichung: "30.06.2026" }),
    at: { sheet: "Indikatoren", cell: "P4", id: "I-020" },
    quiet: (r) => {
      indicator("I-020", { naechsteVeroeffentlichung: "30.06.2026" })(r);
      value(1, { abgerufenAm: "2026-07-02" })(r);
    },
  },
  {
    rule: "I_WERTE_FAELLIG",
    fires: indicator("I-021", { naechsteVeroeffentlichung: "30.04.2026" }),
    at: { sheet: "Indikatoren", cell: "P5", id: "I-021" },
    quiet: indicator("I-021", { naechsteVeroeffentlichung: "30.11.2026" }),
  },
  {
    // The own area without and with its key is one area: two values for it are doubled.
    rule: "I_WERT_DOPPELT",
    fires: push({ indikator: "I-020", stichtag: 2025, gebiet: "09999", wert: 101001 }),
    at: { sheet: "Indikatorwerte", cell: "C3", id: "I-020" },
    quiet: push({ indikator: "I-020", stichtag: 2025, gebiet: "09999", wert: 101000 }),
  },
  {
    rule: "I_WERT_DOPPELT",
    fires: push({ indikator: "I-021", stichtag: "31.12.2025", gebiet: "09999001", gruppe: "Weiblich", wert: 2601 }),
    at: { sheet: "Indikatorwerte", cell: "C11", id: "I-021" },
    quiet: push({ indikator: "I-021", stichtag: "31.12.2025", gebiet: "09999001", gruppe: "männlich", wert: 2400 }),
  },
  {
    rule: "AUSWAHL_UNGUELTIG",
    fires: indicator("I-020", { art: "Grundindikator" }),
    at: { sheet: "Indikatoren", cell: "L4", id: "I-020" },
    quiet: indicator("I-020", { art: "basisindikator" }),
  },
  {
    rule: "AUSWAHL_UNGUELTIG",
    fires: area(1, { ebene: "Dorf" }),
    at: { sheet: "Gebiete", cell: "C3", id: "09999001" },
    quiet: area(1, { ebene: "Stadtteil" }),
  },
  {
    rule: "VERWEIS_UNBEKANNT",
    fires: area(1, { uebergeordnet: "09998" }),
    at: { sheet: "Gebiete", cell: "D3", id: "09999001" },
    quiet: area(1, { uebergeordnet: "" }),
  },
  {
    rule: "VERWEIS_UNBEKANNT",
    fires: indicator("I-021", { handlungsfeld: "HF-09" }),
    at: { sheet: "Indikatoren", cell: "M5", id: "I-021" },
    quiet: indicator("I-021", { handlungsfeld: "HF-02 – Wirtschaft und Arbeit" }),
  },
  {
    // A Zielindikator's Ampel comes from the own area's total: a Gemeinde's value does not make it rot.
    rule: "I_ZIEL_GEFAEHRDET",
    fires: push({ indikator: "I-002", stichtag: "30.09.2026", gebiet: "09999", wert: 4700 }),
    at: { sheet: "Indikatoren", cell: "G3", id: "I-002" },
    quiet: push({ indikator: "I-002", stichtag: "30.09.2026", gebiet: "09999001", wert: 4700 }),
  },
  {
    rule: "I_ZIEL_GEFAEHRDET",
    fires: push({ indikator: "I-002", stichtag: "30.09.2026", wert: 4700 }),
    at: { sheet: "Indikatoren", cell: "G3", id: "I-002" },
    quiet: push({ indikator: "I-002", stichtag: "30.09.2026", gruppe: "Frauen", wert: 4700 }),
  },
  {
    // M-002 (in Umsetzung) uses I-002: a marked value of the own area is a value given; a Gemeinde's is not.
    rule: "I_WERT_FEHLT",
    fires: (r) => {
      r.indikatorwerte = r.indikatorwerte!.filter((v) => v.indikator !== "I-002");
      push({ indikator: "I-002", stichtag: "30.06.2026", gebiet: "09999001", kennzeichen: "." })(r);
    },
    at: { sheet: "Indikatoren", cell: "A3", id: "I-002" },
    quiet: (r) => {
      r.indikatorwerte = r.indikatorwerte!.filter((v) => v.indikator !== "I-002");
      push({ indikator: "I-002", stichtag: "30.06.2026", gebiet: "09999", kennzeichen: "." })(r);
    },
  },
];

describe("the baseline with an Integrationsmonitoring", () => {
  it("has no finding at all: Basisindikatoren need no Ziel, no measure, no Basis- or Zielwert", () => {
    expect(check(withMonitoring()).findings).toEqual([]);
  });

  it("asks of a Basisindikator linked to a measure only its Datenquelle", () => {
    const rows = withMonitoring();
    indicator("I-020", { datenquelle: "" })(rows);
    Object.assign(rows.massnahmen![0]!, { indikatoren: "I-001; I-020" });
    const findings = check(rows).findings.filter((f) => f.rule === "M_INDIKATOR_UNVOLLSTAENDIG");
    expect(findings.map((f) => [f.id, f.message])).toEqual([
      ["I-020", expect.stringContaining("fehlt die Angabe Datenquelle.")],
    ]);
  });

  it("still wants the Ziel of a Zielindikator, and an existing Ziel where a Basisindikator names one", () => {
    const rows = withMonitoring();
    indicator("I-020", { art: "Zielindikator" })(rows);
    indicator("I-021", { ziel: "Z-09" })(rows);
    const found = check(rows).findings.map((f) => [f.rule, f.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["PFLICHTFELD_LEER", "B4"],
        ["VERWEIS_UNBEKANNT", "B5"],
      ]),
    );
    expect(found.filter(([rule]) => rule === "PFLICHTFELD_LEER")).toHaveLength(1);
  });
});

describeRuleCases(cases, withMonitoring);

describe("the messages of the Integrationsmonitoring", () => {
  it("name the leading zero a number cell lost", () => {
    const rows = withMonitoring();
    value(2, { gebiet: 9999001 })(rows);
    const finding = check(rows).findings.find((f) => f.rule === "I_GEBIET_UNBEKANNT")!;
    expect(finding.message).toBe(
      "Die Zeile 4 im Blatt „Indikatorwerte“ nennt das Gebiet „9999001“, das es im Blatt „Gebiete“ nicht gibt. " +
        "Gemeint ist vermutlich „09999001“: Der führenden Null wegen muss der Schlüssel als Text in der Zelle stehen; wählen Sie das Gebiet aus der Liste.",
    );
  });

  it("name the Gebiet and Gruppe of a doubled value", () => {
    const rows = withMonitoring();
    push({ indikator: "I-021", stichtag: 2025, gebiet: "09999001", gruppe: "weiblich", wert: 2601 })(rows);
    const finding = check(rows).findings.find((f) => f.rule === "I_WERT_DOPPELT")!;
    expect(finding.message).toBe(
      "Für den Indikator I-021 stehen zum Stichtag 31.12.2025 (Gebiet 09999001, Gruppe „weiblich“) verschiedene Werte (auch in Zeile 15). Lassen Sie den richtigen stehen und löschen Sie die anderen.",
    );
  });
});

describe("the monitoring data", () => {
  const data = () => new MonitoringData(readConcept(gridSource(toSheets(withMonitoring()))));

  it("reads values by Gebiet and Gruppe, the own area with or without its key", () => {
    const d = data();
    expect(d.gebiete.own).toBe("09999");
    expect(d.series("I-020").map((v) => [v.stichtag, v.wert])).toEqual([
      ["2024-12-31", 100000],
      ["2025-12-31", 101000],
    ]);
    expect(d.at("I-020", "2025-12-31", "09999001", "Weiblich")).toMatchObject({ wert: 20500, rows: [12] });
    expect(d.at("I-021", "2025-12-31", "09999002")).toMatchObject({ wert: null, kennzeichen: ".", berechnet: false });
    expect(d.gruppen("I-021")).toEqual(["", "weiblich"]);
  });

  it("computes a share where both operands have a number, times 100 for %, never where one is marked", () => {
    const d = data();
    const share = (stichtag: string, gebiet: string, gruppe = "") => d.at("I-022", stichtag, gebiet, gruppe);
    expect(share("2024-12-31", "09999")).toMatchObject({ wert: 9, berechnet: true, rows: [] });
    expect(share("2025-12-31", "09999")!.wert).toBeCloseTo(10);
    expect(share("2025-12-31", "09999001")!.wert).toBeCloseTo(12.5);
    expect(share("2025-12-31", "09999001", "weiblich")!.wert).toBeCloseTo((2600 / 20500) * 100);
    expect(share("2025-12-31", "09999002")).toBeUndefined();
    expect(share("2025-12-31", "09")).toBeUndefined();
  });

  it("orders the areas: inner Gemeinden by the sheet, comparison areas from small to large", () => {
    const d = data();
    expect(d.gebiete.innerAreas().map((g) => g.id)).toEqual(["09999001", "09999002"]);
    expect(d.gebiete.comparisonAreas().map((g) => g.id)).toEqual(["09", "DG"]);
  });

  it("gives a Zielindikator the own area's total named by its key as IST", () => {
    const rows = withMonitoring();
    push({ indikator: "I-002", stichtag: "30.09.2026", gebiet: "09999", wert: 5600 })(rows);
    push({ indikator: "I-002", stichtag: "31.10.2026", gebiet: "09999001", wert: 100 })(rows);
    const concept = readConcept(gridSource(toSheets(rows)));
    const monitoring = monitoringAt(concept, readSettings(concept).settings, "2026-11-22");
    expect(monitoring.indicators.find((i) => i.id === "I-002")!.ist).toEqual({ wert: 5600, stichtag: "2026-09-30" });
  });
});
