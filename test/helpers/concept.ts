/**
 * A small, complete concept in which every measure is SMART and every check passes; tests change one
 * cell and see exactly the finding they expect.
 */
import type { CellValue } from "../../src/domain/dates";
import { type CheckResult, RULES, type RuleCode, checkConcept } from "../../src/domain/rules";
import { TABLES } from "../../src/workbook/contract";
import { readConcept } from "../../src/workbook/read";
import { type Sheets, gridSource } from "./grid";

type Row = Record<string, CellValue>;
export type ConceptRows = Record<string, Row[]>;

export function baseline(): ConceptRows {
  return {
    einstellungen: [
      { schluessel: "Kommune", wert: "Landkreis Test" },
      { schluessel: "Laufzeit von", wert: "01.01.2026" },
      { schluessel: "Laufzeit bis", wert: "31.12.2030" },
    ],
    handlungsfelder: [
      { id: "HF-01", handlungsfeld: "Bildung und Sprache" },
      { id: "HF-02", handlungsfeld: "Wirtschaft und Arbeit" },
    ],
    ziele: [
      { id: "Z-01", handlungsfeld: "HF-01", ziel: "Kinder besuchen eine Kita.", zielgruppe: "Familien" },
      {
        id: "Z-02",
        handlungsfeld: "HF-02 – Wirtschaft und Arbeit",
        ziel: "Zugewanderte finden Arbeit.",
        zielgruppe: "",
      },
    ],
    indikatoren: [
      { id: "I-001", ziel: "Z-01", indikator: "Kita-Quote", basiswert: 70, zielwert: 85, datenquelle: "Kita-Planung" },
      { id: "I-002", ziel: "Z-02", indikator: "Beschäftigte", basiswert: 5000, zielwert: "6.000", datenquelle: "BA" },
    ],
    akteure: [
      {
        id: "A-01",
        bezeichnung: "Jugendamt",
        fachbereich: "FB 4",
        ansprechperson: "Frau Muster",
        email: "jugend@kreis.de",
      },
      { id: "A-02", bezeichnung: "Jobcenter", fachbereich: "", ansprechperson: "", email: "info@jobcenter.de" },
    ],
    massnahmen: [
      measure({ id: "M-001" }),
      measure({
        id: "M-002",
        handlungsfeld: "HF-02 – Wirtschaft und Arbeit",
        ziel: "Z-02",
        indikatoren: "I-002",
        federfuehrung: "A-02 – Jobcenter",
        status: "in Umsetzung",
        finanzierung: "gesichert",
      }),
    ],
  };
}

export function measure(values: Row): Row {
  return {
    id: "M-001",
    handlungsfeld: "HF-01",
    ziel: "Z-01 – Kinder besuchen eine Kita.",
    titel: "Kita-Einstieg",
    beschreibung: "Brückenangebote in zehn Gemeinden bereiten Kinder und Eltern auf die Kita vor.",
    zielgruppe: "Familien mit Kindern unter 6 Jahren",
    indikatoren: "I-001",
    zielwert: "85 % Kita-Quote",
    federfuehrung: "A-01",
    beteiligte: "",
    personal: 0.5,
    sachkosten: "1.500 €",
    finanzierung: "gesichert",
    beginn: "01.02.2027",
    frist: "31.12.2028",
    status: "geplant",
    prioritaet: "hoch",
    bemerkung: "",
    ...values,
  };
}

/** The concept as sheets with headers of the contract (header in row 1). */
export function toSheets(rows: ConceptRows): Sheets {
  const sheets: Sheets = {};
  for (const spec of TABLES) {
    const data = rows[spec.kind];
    if (!data) continue;
    sheets[spec.sheet] = [
      spec.columns.map((c) => c.header),
      ...data.map((r) => spec.columns.map((c) => r[c.field] ?? null)),
    ];
  }
  return sheets;
}

export function check(rows: ConceptRows, referenceDate = "2026-11-22"): CheckResult {
  return checkConcept(readConcept(gridSource(toSheets(rows))), { referenceDate, today: "2026-11-22" });
}

export function rulesOf(result: CheckResult): RuleCode[] {
  return result.findings.map((f) => f.rule);
}

/** One rule's case: what makes it fire, where, and the near miss that must stay quiet. */
export type RuleCase = {
  rule: RuleCode;
  fires: (rows: ConceptRows) => void;
  at: { sheet: string; cell: string; id: string | null };
  quiet: (rows: ConceptRows) => void;
};

/** Each case on a fresh concept from `base`: fires at its cell with a whole German sentence, stays quiet on the near miss. */
export function describeRuleCases(cases: readonly RuleCase[], base: () => ConceptRows): void {
  describe.each(cases)("$rule ($at.cell)", ({ rule, fires, at, quiet }) => {
    it("fires at the right cell with a German message", () => {
      const rows = base();
      fires(rows);
      const finding = check(rows).findings.find((f) => f.rule === rule);
      expect(finding).toMatchObject({ ...at, severity: RULES[rule].severity });
      expect(finding!.message).toMatch(/^[A-ZÄÖÜ].*\.$/);
    });

    it("stays quiet for a near miss", () => {
      const rows = base();
      quiet(rows);
      expect(rulesOf(check(rows))).not.toContain(rule);
    });
  });
}
