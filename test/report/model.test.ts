/** The report model: figures worked out by hand for the fixture concept (see fixture.ts). */
import type { ExistingRound } from "../../src/domain/matrix";
import { KEINE_DATEN, buildReportModel, dueWithoutSachstand, latestSachstaende } from "../../src/domain/report";
import { readLatestRound, roundYears } from "../../src/workbook/sheets/bewertung";
import { gridSource } from "../helpers/grid";
import { STICHTAG, checkedConcept, conceptRows, monitoring } from "./fixture";

function round(rows: Record<string, string | number>[]): ExistingRound {
  return {
    headers: Object.keys(rows[0]!),
    rows: rows.map((r) => ({ id: String(r.ID), cells: new Map(Object.entries(r)), notes: new Map() })),
  };
}

describe("report model", () => {
  const { concept, check } = checkedConcept();

  it("takes title and summary from the check: status counts, overdue, SMART-complete", () => {
    const model = buildReportModel(concept, check);
    expect(model.title).toEqual({
      kommune: "Stadt Musterhausen",
      konzepttitel: "Integrationskonzept 2025–2029",
      stichtag: STICHTAG,
      berichtsstichtag: null,
    });
    const s = model.summary;
    expect(s.measures).toBe(5);
    expect(Object.fromEntries(s.byStatus.map((b) => [b.status, b.count]))).toEqual({
      geplant: 1,
      "in Umsetzung": 2,
      umgesetzt: 1,
      verstetigt: 0,
      zurückgestellt: 0,
      verworfen: 1,
    });
    expect([s.active, s.smartComplete, s.overdue]).toEqual([4, 3, 1]);
    expect(model.annex.overdue.map((m) => m.id)).toEqual(["M-002"]);
  });

  it("without monitoring data, every indicator reads keine Daten and no measure has a Sachstand", () => {
    const model = buildReportModel(concept, check);
    expect(model.monitoring).toBe(false);
    expect(model.summary.indicatorsByAmpel).toEqual([
      { ampel: "grün", count: 0 },
      { ampel: "gelb", count: 0 },
      { ampel: "rot", count: 0 },
      { ampel: KEINE_DATEN, count: 2 },
    ]);
    const indicators = model.fields.flatMap((f) => f.indicators);
    expect(indicators.map((i) => [i.ist, i.zielerreichung, i.soll, i.werte])).toEqual([
      [null, null, null, []],
      [null, null, null, []],
    ]);
    expect(model.fields.flatMap((f) => f.measures).every((m) => m.sachstand === null && m.umsetzung === null)).toBe(
      true,
    );
    expect(model.annex.missingSachstaende).toBeNull();
  });

  it("groups indicators and measures by Handlungsfeld with Leitziel, Basis and Ziel from the workbook", () => {
    const model = buildReportModel(concept, check, { monitoring: monitoring() });
    expect(
      model.fields.map((f) => [f.id, f.name, f.leitziel, f.indicators.map((i) => i.id), f.measures.map((m) => m.id)]),
    ).toEqual([
      [
        "HF-01",
        "Bildung und Sprache",
        "Alle Kinder sprechen bei der Einschulung Deutsch.",
        ["I-001"],
        ["M-001", "M-002"],
      ],
      [
        "HF-02",
        "Arbeit",
        "Zugewanderte finden eine Arbeit, die zu ihnen passt.",
        ["I-002"],
        ["M-003", "M-004", "M-005"],
      ],
    ]);
    const i1 = model.fields[0]!.indicators[0]!;
    expect(i1).toMatchObject({
      basis: { wert: 40, jahr: 2024 },
      ziel: { wert: 80, jahr: 2028 },
      ampel: "grün",
      zielerreichung: 30,
    });
    // the series comes sorted by Stichtag
    expect(i1.werte.map((w) => w.stichtag)).toEqual(["2024-12-31", "2025-12-31"]);
    expect(model.summary.indicatorsByAmpel.map((a) => a.count)).toEqual([1, 1, 0, 0]);
    const m2 = model.fields[0]!.measures[1]!;
    expect(m2).toMatchObject({
      federfuehrung: "Jugendamt",
      frist: { date: "2026-03-31" },
      status: "in Umsetzung",
      umsetzung: 45,
      sachstand: { berichtsstichtag: "2026-06-30", text: "Drei Kurse laufen in der Nordstadt.", ampel: "gelb" },
    });
    expect(model.fields[1]!.measures[1]!.sachstand?.text).toBe("Beratungsstelle eingerichtet.");
  });

  it("lists the measures due a Sachstand for the Berichtsstichtag that have none", () => {
    const model = buildReportModel(concept, check, { monitoring: monitoring() });
    expect(model.title.berichtsstichtag).toBe(STICHTAG);
    // M-002 reported; M-004 (in Umsetzung) did not; M-001 is geplant with Beginn 2027: not yet due.
    expect(model.annex.missingSachstaende?.map((m) => m.id)).toEqual(["M-004"]);
    const rows = conceptRows().massnahmen!;
    const geplantBegun = rows.map((r) => (r.id === "M-001" ? { ...r, beginn: "2026-01-15" } : r));
    const records = geplantBegun.map((values, i) => ({ row: i + 2, values }));
    expect(dueWithoutSachstand(records, monitoring().sachstaende, STICHTAG).map((r) => r.values.id)).toEqual([
      "M-001",
      "M-004",
    ]);
  });

  it("takes a measure's latest Sachstand by Berichtsstichtag, whatever the row order", () => {
    const latest = latestSachstaende([...monitoring().sachstaende].reverse());
    expect(latest.get("M-002")?.berichtsstichtag).toBe("2026-06-30");
  });

  it("reports the latest round: Gesamt as the weighted mean of the scores, Ampel by the thresholds, Empfehlung", () => {
    const existing = round([
      // default criteria: Umsetzungsstand 25, Zielerreichung 30, Erreichung der Zielgruppe 20, Ressourceneinsatz 15, Nachhaltigkeit 10
      {
        ID: "M-001",
        Maßnahme: "Sprachkita-Lotsen",
        Handlungsfeld: "HF-01 – Bildung und Sprache",
        Status: "geplant",
        Umsetzungsstand: 4,
        Zielerreichung: 4,
        "Erreichung der Zielgruppe": 4,
        Ressourceneinsatz: 4,
        Nachhaltigkeit: 4,
        Empfehlung: "fortführen",
      },
      // (2·25 + 3·30 + 2·20 + 1·15) / 90 = 195 / 90 = 2,1667 → gelb
      {
        ID: "M-002",
        Maßnahme: "Elternkurse Deutsch",
        Handlungsfeld: "HF-01 – Bildung und Sprache",
        Status: "in Umsetzung",
        Umsetzungsstand: 2,
        Zielerreichung: 3,
        "Erreichung der Zielgruppe": 2,
        Ressourceneinsatz: 1,
        Empfehlung: "anpassen",
      },
      { ID: "M-003", Maßnahme: "Jobbörse international", Handlungsfeld: "HF-02 – Arbeit", Status: "umgesetzt" },
      // a cached Gesamt that Excel computed is taken as it is
      {
        ID: "M-004",
        Maßnahme: "Anerkennungsberatung",
        Handlungsfeld: "HF-02 – Arbeit",
        Status: "in Umsetzung",
        Gesamt: 1.5,
      },
      {
        ID: "M-009",
        Maßnahme: "Alte Maßnahme",
        Handlungsfeld: "HF-02 – Arbeit",
        Status: "entfallen",
        Umsetzungsstand: 1,
      },
    ]);
    const model = buildReportModel(concept, check, { latestRound: { round: 2026, existing } });
    const b = model.bewertung!;
    expect(b.round).toBe(2026);
    expect(
      b.rows.map((r) => [r.id, r.gesamt === null ? null : Number(r.gesamt.toFixed(4)), r.ampel, r.empfehlung]),
    ).toEqual([
      ["M-001", 4, "grün", "fortführen"],
      ["M-002", 2.1667, "gelb", "anpassen"],
      ["M-003", null, null, ""],
      ["M-004", 1.5, "rot", ""],
    ]);
    expect(b.scored).toBe(3);
    expect(b.meanGesamt).toBeCloseTo((4 + 195 / 90 + 1.5) / 3, 10);
  });

  it("keeps measures and indicators whose Handlungsfeld is unknown in a group of their own", () => {
    const rows = conceptRows();
    rows.massnahmen!.push({ ...rows.massnahmen![0]!, id: "M-006", handlungsfeld: "HF-09" });
    const { concept: c, check: k } = checkedConcept(rows);
    const model = buildReportModel(c, k);
    expect(model.fields.map((f) => f.name)).toEqual([
      "Bildung und Sprache",
      "Arbeit",
      "Ohne zugeordnetes Handlungsfeld",
    ]);
    expect(model.fields[2]!.measures.map((m) => m.id)).toEqual(["M-006"]);
  });
});

describe("report model: what check finds invalid, and the money", () => {
  function model(change: (rows: ReturnType<typeof conceptRows>) => void) {
    const rows = conceptRows();
    change(rows);
    const { concept, check } = checkedConcept(rows);
    return buildReportModel(concept, check);
  }
  const measure = (m: ReturnType<typeof buildReportModel>, id: string) =>
    m.fields.flatMap((f) => f.measures).find((x) => x.id === id)!;

  it("reads Frist and Status as check does: a date, missing, no date at all, or not a valid one", () => {
    const m = model((rows) => {
      const [m1, m2, m3, m4] = rows.massnahmen!;
      m1!.frist = "31.02.2027";
      m2!.frist = "fortlaufend";
      m3!.frist = "";
      m4!.status = "läuft";
    });
    expect(measure(m, "M-001").frist).toEqual({ date: null, text: "31.02.2027", kind: "invalid" });
    expect(measure(m, "M-002").frist).toEqual({ date: null, text: "fortlaufend", kind: "vague" });
    expect(measure(m, "M-003").frist.kind).toBe("empty");
    expect(measure(m, "M-004").frist).toEqual({ date: "2027-06-30", text: expect.any(String), kind: "date" });
    expect([measure(m, "M-004").status, measure(m, "M-004").statusInvalid]).toEqual(["ohne gültigen Status", "läuft"]);
    expect(measure(m, "M-003").statusInvalid).toBeNull();
  });

  it("adds up Sachkosten, Personal and Finanzierung per Handlungsfeld, verworfene left out, invalid amounts listed", () => {
    // Every measure of the fixture: 0,5 VZÄ, 2.000 € Sachkosten, gesichert; M-005 is verworfen.
    const m = model((rows) => {
      const [m1, m2, m3, m4, m5] = rows.massnahmen!;
      m1!.sachkosten = "ca. 5 T€";
      m2!.finanzierung = "beantragt";
      m2!.sachkosten = "12.500 €";
      m3!.finanzierung = "";
      m4!.personal = -1;
      m4!.finanzierung = "vielleicht";
      m5!.sachkosten = 99_000;
    });
    const [hf1, hf2] = m.fields;
    expect(hf1!.resources.total).toEqual({ measures: 2, sachkosten: 12_500, personal: 1 });
    expect(hf1!.resources.byFinanzierung.map((g) => [g.finanzierung, g.amounts])).toEqual([
      ["gesichert", { measures: 1, sachkosten: 0, personal: 0.5 }],
      ["beantragt", { measures: 1, sachkosten: 12_500, personal: 0.5 }],
      ["offen", { measures: 0, sachkosten: 0, personal: 0 }],
    ]);
    expect(hf1!.resources.unreadable).toEqual([{ id: "M-001", field: "Sachkosten (EUR)", text: "ca. 5 T€" }]);
    // HF-02: M-003 without Finanzierung, M-004 with a word not in the list (both „ohne Angabe“); M-005 left out.
    expect(hf2!.resources.total).toEqual({ measures: 2, sachkosten: 4_000, personal: 0.5 });
    expect(hf2!.resources.byFinanzierung.at(-1)).toEqual({
      finanzierung: "ohne Angabe",
      amounts: { measures: 2, sachkosten: 4_000, personal: 0.5 },
    });
    expect(hf2!.resources.unreadable).toEqual([
      { id: "M-004", field: "Personal (VZÄ)", text: "-1" },
      { id: "M-004", field: "Finanzierung", text: "vielleicht" },
    ]);
    expect(m.summary.resources.total).toEqual({ measures: 4, sachkosten: 16_500, personal: 1.5 });
  });
});

describe("latest round", () => {
  const sheet = (ids: string[]) => [
    ["Bewertung"],
    ["ID", "Maßnahme", "Gesamt"],
    ...ids.map((id) => [id, `Titel ${id}`, 2]),
  ];

  it("is the round of the latest year that has a readable sheet", () => {
    const source = gridSource({
      "Bewertung 2024": sheet(["M-001"]),
      "Bewertung 2026": sheet(["M-001", "M-002"]),
      "Bewertung 2026 (alt)": sheet(["M-009"]),
      "Bewertung 2028": [["Noch leer"]],
    });
    expect(roundYears(source)).toEqual([2024, 2026, 2028]);
    const latest = readLatestRound(source);
    expect(latest?.round).toBe(2026);
    expect(latest?.existing.rows.map((r) => r.id)).toEqual(["M-001", "M-002"]);
  });

  it("is null when the workbook has no round", () => {
    expect(readLatestRound(gridSource({ Maßnahmen: [["ID"]] }))).toBeNull();
  });
});
