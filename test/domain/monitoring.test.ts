import type { IsoDate } from "../../src/domain/dates";
import {
  type IndicatorTarget,
  type IndicatorValue,
  indicatorState,
  currentBerichtsstichtag,
  latestSachstand,
  monitoringAt,
  monthsBefore,
  nextBerichtsstichtag,
  sachstandDue,
  sachstandOf,
  turnusMonths,
} from "../../src/domain/monitoring";
import { dueWithoutSachstand } from "../../src/domain/report";
import { readSettings } from "../../src/domain/settings";
import { readConcept } from "../../src/workbook/read";
import {
  type ConceptRows,
  type RuleCase,
  describeRuleCases,
  baseline,
  check,
  rulesOf,
  toSheets,
} from "../helpers/concept";
import { gridSource } from "../helpers/grid";

/** The baseline concept with a report period behind it: every value current, every report in. */
function monitored(): ConceptRows {
  const rows = baseline();
  Object.assign(rows.indikatoren![0]!, { einheit: "%", basisjahr: 2025, zieljahr: 2030, erhebungsturnus: "jährlich" });
  Object.assign(rows.indikatoren![1]!, { einheit: "Anzahl", basisjahr: "2025", zieljahr: 2030 });
  rows.indikatorwerte = [
    { indikator: "I-001", stichtag: 2025, wert: 70 },
    { indikator: "I-001 – Kita-Quote", stichtag: "30.06.2026", wert: "72" },
    { indikator: "I-002", stichtag: "2025", wert: 5000 },
    { indikator: "I-002", stichtag: "2026-06-30", wert: "5.200" },
  ];
  rows.sachstaende = [
    { massnahme: "M-002", berichtsstichtag: "31.12.2025", status: "geplant", sachstand: "Vorbereitung." },
    {
      massnahme: "M-002 – Kita-Einstieg",
      berichtsstichtag: "30.06.2026",
      status: "in Umsetzung",
      umsetzung: 40,
      ampel: "grün",
      sachstand: "Läuft.",
    },
  ];
  return rows;
}

const value = (i: number, v: Record<string, unknown>) => (r: ConceptRows) => Object.assign(r.indikatorwerte![i]!, v);
const report = (i: number, v: Record<string, unknown>) => (r: ConceptRows) => Object.assign(r.sachstaende![i]!, v);
const setting = (schluessel: string, wert: unknown) => (r: ConceptRows) =>
  r.einstellungen!.push({ schluessel, wert } as never);

const sachstandFor = (massnahme: string, berichtsstichtag: string) => ({
  massnahme,
  berichtsstichtag,
  status: "geplant",
  sachstand: "Vorbereitung.",
});

function onlyOldValueOfI002(erhebungsturnus: string) {
  return (r: ConceptRows) => {
    r.indikatorwerte = r.indikatorwerte!.filter((v) => v.stichtag !== "2026-06-30");
    r.indikatorwerte.push({ indikator: "I-002", stichtag: "31.12.2026", wert: 5400 });
    Object.assign(r.indikatoren![1]!, { erhebungsturnus });
  };
}

const cases: RuleCase[] = [
  {
    rule: "I_WERT_UNGUELTIG",
    fires: value(0, { indikator: "I-009" }),
    at: { sheet: "Indikatorwerte", cell: "A2", id: "I-009" },
    quiet: value(0, { indikator: "i-001 – Kita-Quote" }),
  },
  {
    rule: "I_WERT_UNGUELTIG",
    fires: value(0, { stichtag: "irgendwann" }),
    at: { sheet: "Indikatorwerte", cell: "B2", id: "I-001" },
    quiet: value(0, { stichtag: "2024/2025" }),
  },
  {
    rule: "I_WERT_UNGUELTIG",
    fires: value(0, { wert: "siebzig" }),
    at: { sheet: "Indikatorwerte", cell: "C2", id: "I-001" },
    quiet: value(0, { wert: "70,0" }),
  },
  {
    rule: "I_WERT_DOPPELT",
    fires: (r) => r.indikatorwerte!.push({ indikator: "I-002", stichtag: "30.06.2026", wert: 5300 }),
    at: { sheet: "Indikatorwerte", cell: "C5", id: "I-002" },
    quiet: (r) => r.indikatorwerte!.push({ indikator: "i-002", stichtag: "2026-06-30", wert: "5.200,0" }),
  },
  {
    rule: "I_WERT_UNPLAUSIBEL",
    fires: value(1, { wert: "100,5" }),
    at: { sheet: "Indikatorwerte", cell: "C3", id: "I-001" },
    quiet: value(1, { wert: 100 }),
  },
  {
    rule: "I_WERT_UNPLAUSIBEL",
    fires: value(3, { wert: "5.200,5" }),
    at: { sheet: "Indikatorwerte", cell: "C5", id: "I-002" },
    quiet: value(3, { wert: 5201 }),
  },
  {
    // M-002 (in Umsetzung) uses I-002; jährlich + 3 months before 22.11.2026 reaches back to 22.08.2025.
    rule: "I_WERT_FEHLT",
    fires: (r) => (r.indikatorwerte = r.indikatorwerte!.filter((v) => v.indikator !== "I-002")),
    at: { sheet: "Indikatoren", cell: "A3", id: "I-002" },
    quiet: (r) => (r.indikatorwerte = r.indikatorwerte!.filter((v) => v.stichtag !== "2026-06-30")),
  },
  {
    // halbjährlich: 9 months back; the value of 31.12.2025 is too old, one after the Stichtag does not count
    rule: "I_WERT_FEHLT",
    fires: onlyOldValueOfI002("halbjährlich"),
    at: { sheet: "Indikatoren", cell: "A3", id: "I-002" },
    quiet: onlyOldValueOfI002("alle 2 Jahre"),
  },
  {
    // Soll on 22.11.2026 is 17,9 %; T = 10: rot below −12,1 %. 4.700 is −30 %, 4.900 −10 % (gelb).
    rule: "I_ZIEL_GEFAEHRDET",
    fires: value(3, { wert: 4700 }),
    at: { sheet: "Indikatoren", cell: "G3", id: "I-002" },
    quiet: value(3, { wert: 4900 }),
  },
  {
    rule: "I_ZIEL_GEFAEHRDET",
    fires: (r) => {
      value(3, { wert: 4900 })(r);
      setting("Indikator-Toleranz (Prozentpunkte)", 2)(r);
    },
    at: { sheet: "Indikatoren", cell: "G3", id: "I-002" },
    quiet: (r) => {
      value(3, { wert: 4900 })(r);
      setting("Indikator-Toleranz (Prozentpunkte)", "10")(r);
    },
  },
  {
    rule: "SACHSTAND_FEHLT",
    fires: setting("Berichtsstichtag", "30.09.2026"),
    at: { sheet: "Maßnahmen", cell: "A3", id: "M-002" },
    quiet: setting("Berichtsstichtag", "30.06.2026"),
  },
  {
    // A Berichtsstichtag after the Stichtag (22.11.2026) is planned: it asks for nothing yet.
    rule: "SACHSTAND_FEHLT",
    fires: setting("Berichtsstichtag", "22.11.2026"),
    at: { sheet: "Maßnahmen", cell: "A3", id: "M-002" },
    quiet: setting("Berichtsstichtag", "31.12.2026"),
  },
  {
    // Without the setting: a report dated after the Stichtag does not make its date the Berichtsstichtag.
    rule: "SACHSTAND_FEHLT",
    fires: (r) => r.sachstaende!.push(sachstandFor("M-001", "30.09.2026")),
    at: { sheet: "Maßnahmen", cell: "A3", id: "M-002" },
    quiet: (r) => r.sachstaende!.push(sachstandFor("M-001", "31.12.2026")),
  },
  {
    // geplant, but begun on or before the Berichtsstichtag (a month as its first day)
    rule: "SACHSTAND_FEHLT",
    fires: (r) => Object.assign(r.massnahmen![0]!, { beginn: "06/2026" }),
    at: { sheet: "Maßnahmen", cell: "A2", id: "M-001" },
    quiet: (r) => Object.assign(r.massnahmen![0]!, { beginn: "07/2026" }),
  },
  {
    rule: "SACHSTAND_FEHLT",
    fires: (r) => {
      delete r.sachstaende;
      setting("Berichtsstichtag", "30.06.2026")(r);
    },
    at: { sheet: "Maßnahmen", cell: "A3", id: "M-002" },
    quiet: (r) => delete r.sachstaende,
  },
  {
    rule: "SACHSTAND_UNGUELTIG",
    fires: report(1, { umsetzung: 140 }),
    at: { sheet: "Sachstände", cell: "D3", id: "M-002" },
    quiet: report(1, { umsetzung: "100" }),
  },
  {
    rule: "SACHSTAND_UNGUELTIG",
    fires: report(0, { massnahme: "M-077" }),
    at: { sheet: "Sachstände", cell: "A2", id: "M-077" },
    quiet: report(0, { massnahme: "m-002" }),
  },
  {
    rule: "SACHSTAND_UNGUELTIG",
    fires: report(0, { status: "fertig" }),
    at: { sheet: "Sachstände", cell: "C2", id: "M-002" },
    quiet: report(0, { status: "Geplant" }),
  },
  {
    rule: "SACHSTAND_UNGUELTIG",
    fires: report(0, { berichtsstichtag: "" }),
    at: { sheet: "Sachstände", cell: "B2", id: "M-002" },
    quiet: report(0, { berichtsstichtag: "2025" }),
  },
  {
    rule: "SACHSTAND_WIDERSPRUCH",
    fires: report(1, { status: "umgesetzt" }),
    at: { sheet: "Maßnahmen", cell: "P3", id: "M-002" },
    quiet: report(0, { status: "umgesetzt" }),
  },
];

describe("the monitored baseline", () => {
  it("has no finding at all", () => {
    expect(check(monitored()).findings).toEqual([]);
  });
});

describeRuleCases(cases, monitored);

describe("rules about optional sheets", () => {
  it("do not apply without Indikatorwerte and Sachstände (and no Berichtsstichtag)", () => {
    const rows = monitored();
    delete rows.indikatorwerte;
    delete rows.sachstaende;
    expect(check(rows).findings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The arithmetic, worked out by hand. 31.12.2020 → 31.12.2030 is 3652 days, 31.12.2020 → 31.12.2025 1826: half.

const rising: IndicatorTarget = {
  id: "I-1",
  basiswert: 100,
  basisDatum: "2020-12-31",
  zielwert: 200,
  zielDatum: "2030-12-31",
};
const falling: IndicatorTarget = {
  id: "I-1",
  basiswert: 26,
  basisDatum: "2020-12-31",
  zielwert: 16,
  zielDatum: "2030-12-31",
};
const values = (...pairs: [IsoDate, number][]): IndicatorValue[] =>
  pairs.map(([stichtag, wert], i) => ({ indikator: "i-1", stichtag, wert, row: i + 2 }));

describe("indicator state", () => {
  it.each([
    ["rising, on track", rising, values(["2025-12-31", 150]), "2025-12-31", 150, 50, 50, "grün"],
    ["rising, within 3 T", rising, values(["2025-12-31", 125]), "2025-12-31", 125, 25, 50, "gelb"],
    ["rising, exactly Soll − 3T", rising, values(["2025-12-31", 120]), "2025-12-31", 120, 20, 50, "gelb"],
    ["rising, far behind", rising, values(["2025-12-31", 119]), "2025-12-31", 119, 19, 50, "rot"],
    ["rising, beyond the target", rising, values(["2025-12-31", 250]), "2025-12-31", 250, 150, 50, "grün"],
    ["falling, on track", falling, values(["2025-12-31", 21]), "2025-12-31", 21, 50, 50, "grün"],
    ["falling, moving away", falling, values(["2025-12-31", 28]), "2025-12-31", 28, -20, 50, "rot"],
    ["before the Basisjahr", rising, values(["2019-12-31", 99]), "2020-06-30", 99, -1, 0, "grün"],
    ["after the Zieljahr, reached", rising, values(["2031-12-31", 190]), "2032-06-30", 190, 90, 100, "grün"],
    ["after the Zieljahr, exactly gelb", rising, values(["2031-12-31", 170]), "2032-06-30", 170, 70, 100, "gelb"],
    [
      "latest on or before the date",
      rising,
      values(["2026-12-31", 190], ["2021-12-31", 120], ["2023-12-31", 140]),
      "2025-12-31",
      140,
      40,
      50,
      "grün",
    ],
  ] as const)("%s", (_name, target, vals, date, ist, ze, soll, ampel) => {
    const state = indicatorState(target, vals, date, 10);
    expect(state.ist).toBe(ist);
    expect(state.zielerreichung).toBeCloseTo(ze, 9);
    expect(state.soll).toBeCloseTo(soll, 9);
    expect(state.ampel).toBe(ampel);
  });

  it("names the Stand of the IST", () => {
    expect(indicatorState(rising, values(["2021-12-31", 120], ["2023-12-31", 140]), "2025-12-31", 10).stand).toBe(
      "2023-12-31",
    );
  });

  it.each([
    ["no value", rising, values()],
    ["only a value after the date", rising, values(["2026-12-31", 150])],
    ["no Basiswert", { ...rising, basiswert: null }, values(["2025-12-31", 150])],
    ["no Zielwert", { ...rising, zielwert: null }, values(["2025-12-31", 150])],
    ["Zielwert = Basiswert", { ...rising, zielwert: 100 }, values(["2025-12-31", 150])],
    ["no Zieljahr", { ...rising, zielDatum: null }, values(["2025-12-31", 150])],
  ] as const)("is 'keine Daten' with %s", (_name, target, vals) => {
    expect(indicatorState(target, vals, "2025-12-31", 10).ampel).toBe("keine Daten");
  });

  it("takes another indicator's values for none", () => {
    const other = [{ indikator: "I-2", stichtag: "2025-12-31", wert: 150, row: 2 }];
    expect(indicatorState(rising, other, "2025-12-31", 10).ist).toBeNull();
  });
});

describe("Erhebungsturnus and months", () => {
  it.each([
    ["jährlich", 12],
    ["Halbjährlich", 6],
    ["quartalsweise", 3],
    ["alle 2 Jahre", 24],
    ["", 12],
    ["nach Bedarf", 12],
  ])("%s is %i months", (text, months) => expect(turnusMonths(text)).toBe(months));

  it("counts months back to the same day, or the month's end", () => {
    expect(monthsBefore("2026-11-22", 15)).toBe("2025-08-22");
    expect(monthsBefore("2026-05-31", 3)).toBe("2026-02-28");
  });
});

describe("Sachstände", () => {
  const row = (n: number, values: Record<string, unknown>) => ({ row: n, values: values as never });
  const reports = [
    row(2, { massnahme: "M-001", berichtsstichtag: "2015/2016", status: "geplant", sachstand: "a" }),
    row(3, {
      massnahme: "M-001 – Kita",
      berichtsstichtag: "30.06.2018",
      status: "in Umsetzung",
      umsetzung: "40",
      sachstand: "b",
    }),
    row(4, { massnahme: "M-001", berichtsstichtag: 2017, status: "in Umsetzung", sachstand: "c" }),
    row(5, { massnahme: "M-002", berichtsstichtag: 2019, status: "umgesetzt", sachstand: "d" }),
  ].map((r) => sachstandOf(r)!);

  it("reads a period as its last day", () => expect(reports[0]!.berichtsstichtag).toBe("2016-12-31"));

  it("takes the latest report of the measure, on or before a date when given", () => {
    expect(latestSachstand("m-001", reports)).toMatchObject({ sachstand: "b", umsetzung: 40 });
    expect(latestSachstand("M-001", reports, "2018-01-01")).toMatchObject({ sachstand: "c" });
    expect(latestSachstand("M-003", reports)).toBeNull();
  });
});

describe("who owes a Sachstand", () => {
  it("is the same for the rule SACHSTAND_FEHLT and the report's annex: a Beginn given as a year starts on its first day", () => {
    const measure = (id: string, status: string, beginn: string) => ({ row: 2, values: { id, status, beginn } });
    const cases: [string, string, boolean][] = [
      ["in Umsetzung", "", true],
      ["geplant", "2026", true], // 01.01.2026, before the Berichtsstichtag (its last day would be after it)
      ["geplant", "Q3 2026", false],
      ["geplant", "30.06.2026", true],
      ["umgesetzt", "2020", false],
    ];
    for (const [status, beginn, due] of cases)
      expect([status, beginn, sachstandDue(status, beginn, "2026-06-30")]).toEqual([status, beginn, due]);
    const rows = cases.map(([status, beginn], i) => measure(`M-00${i + 1}`, status, beginn));
    expect(dueWithoutSachstand(rows, [], "2026-06-30").map((r) => r.values.id)).toEqual(["M-001", "M-002", "M-004"]);
  });

  const reports = ["2025-12-31", "2026-06-30", "2026-12-31"].map((d, i) => ({
    ...sachstandOf({
      row: i + 2,
      values: { massnahme: "M-001", berichtsstichtag: d, status: "geplant", sachstand: "x" },
    })!,
  }));

  it("counts report dates only up to the Stichtag: a planned date asks for nothing yet", () => {
    expect(currentBerichtsstichtag(null, reports, "2026-11-22")).toBe("2026-06-30");
    expect(currentBerichtsstichtag(null, reports, "2026-12-31")).toBe("2026-12-31");
    expect(currentBerichtsstichtag("2026-09-30", reports, "2026-11-22")).toBe("2026-09-30");
    expect(currentBerichtsstichtag("2026-12-31", reports, "2026-11-22")).toBeNull();
    expect(currentBerichtsstichtag(null, [], "2026-11-22")).toBeNull();
  });

  it("offers the planned date for a new Sachstand", () => {
    expect(nextBerichtsstichtag("2026-12-31", [])).toBe("2026-12-31");
    expect(nextBerichtsstichtag(null, reports)).toBe("2026-12-31");
    expect(nextBerichtsstichtag(null, [])).toBeNull();
  });

  it("is the Berichtsstichtag of check and of the report's annex alike", () => {
    const rows = monitored();
    rows.sachstaende!.push(sachstandFor("M-001", "31.12.2026"));
    const concept = readConcept(gridSource(toSheets(rows)));
    const annex = monitoringAt(concept, readSettings(concept).settings, "2026-11-22");
    expect(annex.berichtsstichtag).toBe("2026-06-30");
    expect(rulesOf(check(rows))).not.toContain("SACHSTAND_FEHLT");
  });
});
