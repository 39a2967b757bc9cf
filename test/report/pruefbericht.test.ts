/**
 * The sheet Prüfbericht as a reader meets it: errors first, then warnings, then hints; each measure named by
 * ID and Titel; what is wrong first, the rule's code last; one page wide at 8 pt or more.
 */
import { templateContent } from "../../src/domain/templates";
import { checkConcept } from "../../src/domain/rules";
import { planNewWorkbook } from "../../src/workbook/plan";
import { MIN_SCALE } from "../../src/workbook/print";
import { readConcept } from "../../src/workbook/read";
import { planReportSheet } from "../../src/workbook/sheets/pruefbericht";
import { XlsxDocument } from "../../src/xlsx/document";

const TODAY = "2026-11-22";

async function beispiel() {
  const doc = XlsxDocument.create("beispiel.xlsx");
  doc.applyWorkbookPlan(planNewWorkbook(templateContent("beispiel", TODAY)));
  const concept = readConcept(await doc.source());
  return { concept, result: checkConcept(concept, { today: TODAY }) };
}

describe("the sheet Prüfbericht", () => {
  it("lists errors, then warnings, then hints, each measure with its Titel, the message before the rule", async () => {
    const { concept, result } = await beispiel();
    const severities = new Set(result.findings.map((f) => f.severity));
    expect(severities).toEqual(new Set(["error", "warning", "info"]));
    // The check itself finds them in sheet order: a hint (Handlungsfelder) before the first error.
    expect(result.findings[0]!.severity).not.toBe("error");

    const plan = planReportSheet(result, "beispiel.xlsx", concept.massnahmen);
    const t = plan.table!;
    expect(t.headers).toEqual(["Schwere", "ID", "Titel", "Meldung", "Blatt", "Zelle", "SMART", "Prüfpunkt", "Regel"]);
    const column = (h: string) => t.rows.map((r) => r[t.headers.indexOf(h)]);
    const order = column("Schwere").map((s) => ["Fehler", "Warnung", "Hinweis"].indexOf(String(s)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBe(0);
    expect(t.rows).toHaveLength(result.findings.length);

    const m010 = t.rows.find((r) => r[1] === "M-010" && String(r[3]).includes("31.02.2027"))!;
    expect(m010[2]).toBe("Jobmesse für Zugewanderte");
    expect(m010[t.headers.indexOf("Regel")]).toBe("T_DATUM_UNGUELTIG");
    // An ID of another sheet (a Ziel) has no measure Titel.
    const ziel = t.rows.find((r) => r[1] === "Z-12")!;
    expect(ziel[2]).toBe("");
  });

  it("prints one page wide at 8 pt or more", async () => {
    const { concept, result } = await beispiel();
    const plan = planReportSheet(result, "beispiel.xlsx", concept.massnahmen);
    // The widest scale that fits one page across; at MIN_SCALE it would run over a second page.
    expect(plan.print!.scale).toBeGreaterThan(MIN_SCALE);
  });

  it("without the measures read names no Titel, and keeps every finding", async () => {
    const { result } = await beispiel();
    const plan = planReportSheet(result, "beispiel.xlsx");
    expect(plan.table!.rows.every((r) => r[2] === "")).toBe(true);
    expect(plan.table!.rows).toHaveLength(result.findings.length);
  });
});
