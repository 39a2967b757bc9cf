import { RULES, type RuleCode } from "../../src/domain/rules";
import { checkConcept } from "../../src/domain/rules";
import { renderMessage } from "../../src/domain/rules/messages";
import { readConcept } from "../../src/workbook/read";
import { type ConceptRows, baseline, check, rulesOf, toSheets } from "../helpers/concept";
import { gridSource } from "../helpers/grid";

/** Changes the first measure (row 2 of Maßnahmen). */
const m1 = (values: Record<string, unknown>) => (rows: ConceptRows) => {
  rows.massnahmen![0] = { ...rows.massnahmen![0], ...values } as never;
};

type Case = {
  rule: RuleCode;
  fires: (rows: ConceptRows) => void;
  at: { sheet: string; cell: string; id: string | null };
  /** A similar change that must not trigger the rule. */
  quiet: (rows: ConceptRows) => void;
};

const cases: Case[] = [
  {
    rule: "BLATT_FEHLT",
    fires: (r) => delete r.ziele,
    at: { sheet: "Ziele", cell: "A1", id: null },
    quiet: (r) => delete r.einstellungen,
  },
  {
    rule: "ID_FEHLT",
    fires: m1({ id: "" }),
    at: { sheet: "Maßnahmen", cell: "A2", id: null },
    quiet: m1({ id: " M-001 " }),
  },
  {
    rule: "ID_DOPPELT",
    fires: (r) => (r.massnahmen![1]!.id = "m-001"),
    at: { sheet: "Maßnahmen", cell: "A2", id: "M-001" },
    quiet: (r) => (r.massnahmen![1]!.id = "M-0011"),
  },
  {
    rule: "VERWEIS_UNBEKANNT",
    fires: m1({ handlungsfeld: "HF-09" }),
    at: { sheet: "Maßnahmen", cell: "B2", id: "M-001" },
    quiet: m1({ handlungsfeld: "hf-01 – Bildung" }),
  },
  {
    rule: "VERWEIS_WIDERSPRUCH",
    fires: m1({ handlungsfeld: "HF-02" }),
    at: { sheet: "Maßnahmen", cell: "B2", id: "M-001" },
    quiet: m1({ ziel: "Z-01" }),
  },
  {
    rule: "STATUS_UNGUELTIG",
    fires: m1({ status: "erledigt" }),
    at: { sheet: "Maßnahmen", cell: "P2", id: "M-001" },
    quiet: m1({ status: "IN UMSETZUNG", finanzierung: "gesichert" }),
  },
  {
    rule: "S_TITEL_FEHLT",
    fires: m1({ titel: "  " }),
    at: { sheet: "Maßnahmen", cell: "D2", id: "M-001" },
    quiet: m1({ titel: "X" }),
  },
  {
    rule: "S_BESCHREIBUNG_FEHLT",
    fires: m1({ beschreibung: null }),
    at: { sheet: "Maßnahmen", cell: "E2", id: "M-001" },
    quiet: m1({ beschreibung: "Kurz." }),
  },
  {
    rule: "S_BESCHREIBUNG_KURZ",
    fires: m1({ beschreibung: "Eins zwei drei vier fünf sechs sieben." }),
    at: { sheet: "Maßnahmen", cell: "E2", id: "M-001" },
    quiet: m1({ beschreibung: "Eins zwei drei vier fünf sechs sieben acht." }),
  },
  {
    rule: "S_ZIELGRUPPE_FEHLT",
    fires: m1({ zielgruppe: "" }),
    at: { sheet: "Maßnahmen", cell: "F2", id: "M-001" },
    quiet: m1({ zielgruppe: "Eltern" }),
  },
  {
    rule: "M_INDIKATOR_FEHLT",
    fires: m1({ indikatoren: " ; " }),
    at: { sheet: "Maßnahmen", cell: "G2", id: "M-001" },
    quiet: m1({ indikatoren: "I-001 – Kita-Quote" }),
  },
  {
    rule: "M_ZIELWERT_FEHLT",
    fires: m1({ zielwert: null }),
    at: { sheet: "Maßnahmen", cell: "H2", id: "M-001" },
    quiet: m1({ zielwert: 0 }),
  },
  {
    rule: "M_INDIKATOR_UNVOLLSTAENDIG",
    fires: (r) => (r.indikatoren![0]!.datenquelle = ""),
    at: { sheet: "Indikatoren", cell: "I2", id: "I-001" },
    quiet: (r) => (r.indikatoren![0]!.einheit = ""),
  },
  {
    rule: "M_INDIKATOR_ANDERES_ZIEL",
    fires: m1({ indikatoren: "I-001; I-002" }),
    at: { sheet: "Maßnahmen", cell: "G2", id: "M-001" },
    quiet: m1({ indikatoren: "I-001, I-001" }),
  },
  {
    rule: "A_FEDERFUEHRUNG_FEHLT",
    fires: m1({ federfuehrung: "" }),
    at: { sheet: "Maßnahmen", cell: "I2", id: "M-001" },
    quiet: m1({ federfuehrung: "a-01" }),
  },
  {
    rule: "A_FEDERFUEHRUNG_UNBEKANNT",
    fires: m1({ federfuehrung: "Jugendamt" }),
    at: { sheet: "Maßnahmen", cell: "I2", id: "M-001" },
    quiet: m1({ federfuehrung: "A-01 – Jugendamt" }),
  },
  {
    rule: "A_KONTAKT_FEHLT",
    fires: (r) => Object.assign(r.akteure![0]!, { ansprechperson: "", email: "" }),
    at: { sheet: "Maßnahmen", cell: "I2", id: "M-001" },
    quiet: (r) => Object.assign(r.akteure![0]!, { ansprechperson: "", email: "jugend@kreis.de" }),
  },
  {
    rule: "A_EMAIL_UNGUELTIG",
    fires: (r) => (r.akteure![0]!.email = "jugend(at)kreis.de"),
    at: { sheet: "Akteure", cell: "E2", id: "A-01" },
    quiet: (r) => (r.akteure![0]!.email = "mailto:Jugend.Amt@kreis-test.de"),
  },
  {
    rule: "R_RESSOURCEN_FEHLT",
    fires: m1({ personal: null, sachkosten: "" }),
    at: { sheet: "Maßnahmen", cell: "K2", id: "M-001" },
    quiet: m1({ personal: 0, sachkosten: null }),
  },
  {
    rule: "R_WERT_UNGUELTIG",
    fires: m1({ sachkosten: "ca. 5.000 €" }),
    at: { sheet: "Maßnahmen", cell: "L2", id: "M-001" },
    quiet: m1({ sachkosten: "5.000,50 EUR" }),
  },
  {
    rule: "R_FINANZIERUNG_OFFEN",
    fires: m1({ status: "in Umsetzung", finanzierung: "offen" }),
    at: { sheet: "Maßnahmen", cell: "M2", id: "M-001" },
    quiet: m1({ status: "geplant", finanzierung: "offen" }),
  },
  {
    rule: "T_FRIST_FEHLT",
    fires: m1({ frist: null }),
    at: { sheet: "Maßnahmen", cell: "O2", id: "M-001" },
    quiet: m1({ frist: new Date(Date.UTC(2028, 11, 31)) }),
  },
  {
    rule: "T_FRIST_UNBESTIMMT",
    fires: m1({ frist: "fortlaufend" }),
    at: { sheet: "Maßnahmen", cell: "O2", id: "M-001" },
    quiet: m1({ frist: "2028-12-31" }),
  },
  {
    rule: "T_DATUM_UNGUELTIG",
    fires: m1({ frist: "31.02.2027" }),
    at: { sheet: "Maßnahmen", cell: "O2", id: "M-001" },
    quiet: m1({ frist: "28.02.2027" }),
  },
  {
    rule: "T_DATUM_UNGENAU",
    fires: m1({ frist: "Q3 2028" }),
    at: { sheet: "Maßnahmen", cell: "O2", id: "M-001" },
    quiet: m1({ frist: 46752 }),
  },
  {
    rule: "T_BEGINN_NACH_FRIST",
    fires: m1({ beginn: "01.01.2029" }),
    at: { sheet: "Maßnahmen", cell: "N2", id: "M-001" },
    quiet: m1({ beginn: "31.12.2028" }),
  },
  {
    rule: "T_AUSSERHALB_LAUFZEIT",
    fires: m1({ frist: "31.01.2031" }),
    at: { sheet: "Maßnahmen", cell: "O2", id: "M-001" },
    quiet: m1({ frist: "31.12.2030" }),
  },
  {
    rule: "T_UEBERFAELLIG",
    fires: m1({ beginn: "", frist: "21.11.2026" }),
    at: { sheet: "Maßnahmen", cell: "O2", id: "M-001" },
    quiet: m1({ beginn: "", frist: "21.11.2026", status: "umgesetzt" }),
  },
  {
    rule: "K_HANDLUNGSFELD_OHNE_ZIEL",
    fires: (r) => r.handlungsfelder!.push({ id: "HF-03", handlungsfeld: "Teilhabe" }),
    at: { sheet: "Handlungsfelder", cell: "A4", id: "HF-03" },
    quiet: (r) => r.handlungsfelder!.push({ id: "", handlungsfeld: "" }),
  },
  {
    rule: "K_ZIEL_OHNE_MASSNAHME",
    fires: (r) => (r.massnahmen![1]!.status = "verworfen"),
    at: { sheet: "Ziele", cell: "A3", id: "Z-02" },
    quiet: (r) => (r.massnahmen![1]!.status = "zurückgestellt"),
  },
  {
    rule: "K_ZIEL_OHNE_INDIKATOR",
    fires: (r) => (r.indikatoren![1]!.ziel = "Z-01"),
    at: { sheet: "Ziele", cell: "A3", id: "Z-02" },
    quiet: (r) => (r.indikatoren![1]!.ziel = "z-02 – Arbeit"),
  },
  {
    rule: "K_INDIKATOR_UNGENUTZT",
    fires: (r) =>
      r.indikatoren!.push({
        id: "I-003",
        ziel: "Z-01",
        indikator: "Elternabende",
        basiswert: 1,
        zielwert: 2,
        datenquelle: "x",
      }),
    at: { sheet: "Indikatoren", cell: "A4", id: "I-003" },
    quiet: (r) => (r.massnahmen![0]!.indikatoren = "I-001;I-001"),
  },
  {
    rule: "K_HANDLUNGSFELD_OHNE_BESTAND",
    fires: (r) => (r.angebote = [angebot("AN-001", "HF-01")]),
    at: { sheet: "Handlungsfelder", cell: "A3", id: "HF-02" },
    quiet: (r) => (r.angebote = [angebot("AN-001", "HF-01"), angebot("AN-002", "hf-02 – Wirtschaft und Arbeit")]),
  },
  {
    rule: "B_OHNE_MASSNAHME",
    fires: (r) => (r.bedarfe = [bedarf("B-001", "hoch")]),
    at: { sheet: "Bedarfe", cell: "A2", id: "B-001" },
    quiet: (r) => {
      r.bedarfe = [bedarf("B-001", "hoch")];
      r.massnahmen![1]!.bedarfe = "I-002; b-001 – Kinderbetreuung";
    },
  },
];

function angebot(id: string, handlungsfeld: string) {
  return { id, angebot: "Sprachcafé", traeger: "A-01 – Jugendamt", handlungsfeld };
}

function bedarf(id: string, prioritaet: string, extra: Record<string, string> = {}) {
  return {
    id,
    bedarf: "Kinderbetreuung während der Kurse",
    handlungsfeld: "HF-01",
    quelle: "World Café",
    prioritaet,
    ...extra,
  };
}

describe("Bedarfe and Angebote", () => {
  it("B_OHNE_MASSNAHME: a reason, a lower priority or an empty priority keep it quiet; a rejected measure does not answer", () => {
    const rows = baseline();
    rows.bedarfe = [
      bedarf("B-001", "hoch", { begruendung: "Durch das Angebot AN-001 gedeckt." }),
      bedarf("B-002", "mittel"),
      bedarf("B-003", ""),
      bedarf("B-004", "HOCH"),
    ];
    rows.massnahmen![1] = { ...rows.massnahmen![1]!, bedarfe: "B-004", status: "verworfen" };
    const found = check(rows).findings.filter((f) => f.rule === "B_OHNE_MASSNAHME");
    expect(found.map((f) => f.id)).toEqual(["B-004"]);
    expect(found[0]!.message).toContain("Kinderbetreuung während der Kurse");
  });

  it("reports a Bedarf a measure names that is not in the sheet Bedarfe, and a bad Handlungsfeld or Priorität", () => {
    const rows = baseline();
    rows.bedarfe = [bedarf("B-001", "dringend", { handlungsfeld: "HF-09" })];
    rows.angebote = [angebot("AN-001", ""), angebot("AN-002", "HF-02")];
    rows.massnahmen![0]!.bedarfe = "B-001; B-007";
    const result = check(rows);
    const at = (rule: RuleCode) => result.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);
    expect(at("VERWEIS_UNBEKANNT")).toEqual(["Maßnahmen!S2", "Bedarfe!C2"]);
    expect(at("PFLICHTFELD_LEER")).toEqual(["Angebote!D2"]);
    expect(at("AUSWAHL_UNGUELTIG")).toEqual(["Bedarfe!F2"]);
    expect(result.findings.find((f) => f.cell === "S2")!.message).toContain("B-007");
  });

  it("K_HANDLUNGSFELD_OHNE_BESTAND waits for the first Angebot: an empty sheet Angebote is not yet an inventory", () => {
    const rows = baseline();
    rows.angebote = [];
    expect(check(rows).findings).toEqual([]);
  });

  it("says nothing about Bedarfe in a measure when the sheet Bedarfe is absent", () => {
    const rows = baseline();
    rows.massnahmen![0]!.bedarfe = "B-007";
    expect(check(rows).findings).toEqual([]);
  });
});

describe("the baseline concept", () => {
  it("is SMART-complete and has no finding at all", () => {
    const result = check(baseline());
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ measures: 2, errors: 0, warnings: 0, infos: 0, smartComplete: 2 });
  });
});

describe.each(cases)("$rule", ({ rule, fires, at, quiet }) => {
  it("fires at the right cell with a German message", () => {
    const rows = baseline();
    fires(rows);
    const result = check(rows);
    const finding = result.findings.find((f) => f.rule === rule);
    expect(finding).toBeDefined();
    expect(finding).toMatchObject({ ...at, severity: RULES[rule].severity, smart: RULES[rule].smart });
    expect(finding!.message).toMatch(/^[A-ZÄÖÜ].*\.$/);
    expect(finding!.message.length).toBeGreaterThan(30);
    // Whole sentences that name their subject: nothing for a view to cut off or to add.
    expect(finding!.message).not.toMatch(/^[^.]*: /);
    if (finding!.id) expect(finding!.message).toContain(finding!.id);
    // The parts: the message is rendered from the parameters, the field is the contract's.
    expect(renderMessage(finding!.rule, finding!.params)).toBe(finding!.message);
    expect(finding!.kind).toBeTruthy();
  });

  it("stays quiet for a similar, correct entry", () => {
    const rows = baseline();
    quiet(rows);
    expect(rulesOf(check(rows))).not.toContain(rule);
  });
});

it("covers every rule of the catalogue; the rest are tested below", () => {
  const tested = new Set(cases.map((c) => c.rule));
  const untested = (Object.keys(RULES) as RuleCode[]).filter((r) => !tested.has(r));
  const monitoring = (Object.keys(RULES) as RuleCode[]).filter((r) => /^(I_|SACHSTAND_)/.test(r)); // test/domain/monitoring.test.ts
  const prozessplan = (Object.keys(RULES) as RuleCode[]).filter((r) => r.startsWith("P_")); // test/domain/prozessplan.test.ts
  expect(untested.filter((r) => !monitoring.includes(r) && !prozessplan.includes(r)).sort()).toEqual([
    "AUSWAHL_UNGUELTIG",
    "EINSTELLUNG_UNGUELTIG",
    "PFLICHTFELD_LEER",
    "SPALTE_FEHLT",
  ]);
});

describe("rules outside the SMART letters", () => {
  it("reports a missing required column once, right of the header, not once per row", () => {
    const sheets = toSheets(baseline());
    const header = sheets["Maßnahmen"]![0]!;
    header[header.indexOf("Frist")] = "Frist (alt)";
    const result = checkConcept(readConcept(gridSource(sheets)), { today: "2026-11-22" });
    expect(result.findings.filter((f) => f.rule === "SPALTE_FEHLT")).toEqual([
      expect.objectContaining({ sheet: "Maßnahmen", cell: "T1", severity: "error" }),
    ]);
    expect(rulesOf(result)).not.toContain("T_FRIST_FEHLT");
  });

  it("reports a value outside a dropdown list and an unreadable setting as warnings", () => {
    const rows = baseline();
    rows.massnahmen![0]!.finanzierung = "vielleicht";
    rows.einstellungen!.push({ schluessel: "Ampel grün ab", wert: "drei" });
    const result = check(rows);
    expect(result.findings.find((f) => f.rule === "AUSWAHL_UNGUELTIG")).toMatchObject({
      cell: "M2",
      severity: "warning",
    });
    expect(result.findings.find((f) => f.rule === "EINSTELLUNG_UNGUELTIG")).toMatchObject({
      sheet: "Einstellungen",
      cell: "B5",
    });
    expect(result.settings.ampelGruenAb).toBe(3);
  });

  it("asks for the Handlungsfeld of a measure when it is empty", () => {
    const rows = baseline();
    rows.massnahmen![0]!.handlungsfeld = "";
    expect(check(rows).findings.find((f) => f.rule === "PFLICHTFELD_LEER")).toMatchObject({ cell: "B2", id: "M-001" });
  });
});

describe("verworfen measures", () => {
  it("are checked for structure only", () => {
    const rows = baseline();
    rows.massnahmen!.push({ id: "M-003", handlungsfeld: "HF-09", status: "verworfen" });
    const result = check(rows);
    expect(result.findings.filter((f) => f.id === "M-003").map((f) => f.rule)).toEqual([
      "VERWEIS_UNBEKANNT",
      "PFLICHTFELD_LEER",
    ]);
    expect(result.summary.smartComplete).toBe(2);
    expect(result.summary.measures).toBe(3);
  });
});

describe("the Stichtag", () => {
  const overdue = (rows: ConceptRows) => m1({ beginn: "", frist: "30.06.2026" })(rows);
  it("comes from the option first", () => {
    const rows = baseline();
    overdue(rows);
    expect(rulesOf(check(rows, "2026-01-01"))).not.toContain("T_UEBERFAELLIG");
    expect(rulesOf(check(rows, "2026-07-01"))).toContain("T_UEBERFAELLIG");
  });
  it("reads a Beginn given as a month as its first day", () => {
    const rows = baseline();
    m1({ beginn: "12/2028", frist: "20.12.2028" })(rows);
    const result = check(rows);
    expect(rulesOf(result)).not.toContain("T_BEGINN_NACH_FRIST");
    expect(result.findings.find((f) => f.rule === "T_DATUM_UNGENAU")?.message).toContain("01.12.2028");
  });
});

describe("SMART-completeness", () => {
  it("is lost by an error of a letter, not by a warning", () => {
    const rows = baseline();
    m1({ zielgruppe: "" })(rows);
    expect(check(rows).summary.smartComplete).toBe(2);
    m1({ frist: "laufend" })(rows);
    const result = check(rows);
    expect(result.summary.smartComplete).toBe(1);
    expect(result.measures[0]!.letters).toEqual({ S: true, M: true, A: true, R: true, T: false });
  });
});
