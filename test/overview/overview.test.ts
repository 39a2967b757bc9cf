/**
 * The sheet Übersicht (`uebersicht`): after LibreOffice recalculates it, every figure equals the domain's;
 * LibreOffice shows its charts; regenerating replaces the sheet and its charts without duplicating them and
 * never touches a chart the user made elsewhere; an amount typed as text makes its sum a value, not a formula
 * that would miss it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { kennzahlenOf } from "../../src/domain/kennzahlen";
import { STATUS_VALUES } from "../../src/domain/model";
import { MonitoringData } from "../../src/domain/monitoringData";
import { overviewOf } from "../../src/domain/overview";
import { INDICATOR_AMPELN } from "../../src/domain/report";
import { templateContent } from "../../src/domain/templates";
import { OVERVIEW_NOTE, OVERVIEW_SHEET, countStep, planOverview } from "../../src/workbook/sheets/uebersicht";
import { planNewWorkbook } from "../../src/workbook/plan";
import { readReportModel } from "../../src/workbook/report-model";
import { chartXml } from "../../src/xlsx/chartXml";
import { XlsxDocument } from "../../src/xlsx/document";
import { openWorkbook } from "../../src/xlsx/file";
import { describeWithLibreOffice, recalc } from "../helpers/libreoffice";
import { TODAY, loadWorkbook, removeTempDirs, runCli, sheet, tempDir } from "../helpers/cli";
import { assertPartsKept, corpusCopy, corpusFile, libreOfficeSees, listParts, sheetXml } from "../helpers/corpus";

afterAll(removeTempDirs);

async function beispiel(dir: string): Promise<string> {
  const file = path.join(dir, "konzept.xlsx");
  expect((await runCli(["init", file, "--vorlage", "beispiel"])).code).toBe(0);
  return file;
}

/** Scores of a few measures in round 2025, so the mean Gesamt has something to show. */
async function scored(file: string): Promise<void> {
  expect((await runCli(["matrix", file, "--runde", "2025"])).code).toBe(0);
  const wb = await loadWorkbook(file);
  const ws = sheet(wb, "Bewertung 2025");
  const header = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ""));
  const col = (h: string) => header.indexOf(h);
  const scores: Record<string, number[]> = {
    "M-001": [4, 3, 3, 2, 2],
    "M-004": [1, 1, 2, 1, 0],
    "M-008": [3, 3, 3, 3, 3],
  };
  for (let r = 3; r <= ws.rowCount; r++) {
    const s = scores[String(ws.getCell(r, 1).value)];
    if (!s) continue;
    ["Umsetzungsstand", "Zielerreichung", "Erreichung der Zielgruppe", "Ressourceneinsatz", "Nachhaltigkeit"].forEach(
      (c, i) => (ws.getCell(r, col(c)).value = s[i]!),
    );
  }
  await wb.xlsx.writeFile(file);
}

async function domainOverview(file: string) {
  const source = await (await openWorkbook(file)).source();
  const { concept, check, model } = readReportModel(source, { today: TODAY });
  return overviewOf(model, concept, check);
}

const number = (text: string | undefined) => (text === undefined || text === "" ? null : Number(text));

describeWithLibreOffice("the sheet Übersicht in LibreOffice", () => {
  test("every figure equals the domain's after recalculation, and the charts are shown", async () => {
    const dir = tempDir();
    const file = await beispiel(dir);
    await scored(file);
    // One measure names its Handlungsfeld in the dropdown's form `ID – Name`.
    const wb = await loadWorkbook(file);
    const measures = sheet(wb, "Maßnahmen");
    expect(measures.getCell("A3").value).toBe("M-002");
    measures.getCell("B3").value = "HF-01 – Willkommenskultur";
    // A Bedarf in the dropdown's form, a second answer of B-003 and a rejected measure answering B-004.
    const needs = sheet(wb, "Bedarfe");
    expect(needs.getCell("A2").value).toBe("B-001");
    needs.getCell("C2").value = "HF-03 – Bildung und Sprache";
    const needsCol = (measures.getRow(1).values as unknown[]).indexOf("Bedarfe");
    const statusCol = (measures.getRow(1).values as unknown[]).indexOf("Status");
    expect(measures.getCell(9, 1).value).toBe("M-008");
    measures.getCell(9, needsCol).value = "B-003 – Gelegenheiten, Deutsch im Alltag zu sprechen";
    expect(measures.getCell(17, 1).value).toBe("M-016");
    measures.getCell(17, needsCol).value = "B-004";
    measures.getCell(17, statusCol).value = "verworfen";
    await wb.xlsx.writeFile(file);
    const run = await runCli(["uebersicht", file]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);

    const expected = await domainOverview(file);
    const rows = recalc(file)["Übersicht"]!;
    // Two blocks, each headed by a row that starts with „Handlungsfeld“: the measures (the table), then
    // indicators, needs and round.
    const headers = rows.flatMap((r, i) => (r[0] === "Handlungsfeld" ? [i] : []));
    expect(headers).toHaveLength(2);
    const blockOf = (h: string) => headers.find((i) => rows[i]!.includes(h))!;
    const at = (label: string, h: string) => {
      const top = blockOf(h);
      return rows.slice(top).find((r) => r[0] === label)![rows[top]!.indexOf(h)];
    };
    expect(expected.rows.length).toBe(7);
    for (const r of expected.rows) {
      expect(number(at(r.label, "Maßnahmen"))).toBe(r.measures);
      for (const s of STATUS_VALUES) expect([r.label, s, number(at(r.label, s))]).toEqual([r.label, s, r.byStatus[s]]);
      expect(number(at(r.label, "überfällig"))).toBe(r.overdue);
      expect(number(at(r.label, "SMART-vollständig"))).toBe(r.smartComplete);
      expect(number(at(r.label, "Sachkosten (EUR)"))).toBeCloseTo(r.sachkosten.value, 6);
      expect(number(at(r.label, "Personal (VZÄ)"))).toBeCloseTo(r.personal.value, 6);
      for (const a of INDICATOR_AMPELN) expect(number(at(r.label, `Indikatoren ${a}`))).toBe(r.indicators[a]);
      expect([r.label, number(at(r.label, "Bedarfe")), number(at(r.label, "beantwortet"))]).toEqual([
        r.label,
        r.needs!.bedarfe,
        r.needs!.answered,
      ]);
      const mean = number(at(r.label, "Ø Gesamt (Bewertung 2025)"));
      if (r.meanGesamt === null) expect(mean).toBeNull();
      else expect(mean).toBeCloseTo(r.meanGesamt, 2);
    }
    // The sums of all Handlungsfelder below the table.
    expect(number(at("Alle Handlungsfelder", "Maßnahmen"))).toBe(expected.rows.reduce((n, r) => n + r.measures, 0));
    // The example's needs: Bildung und Sprache has two, both answered; B-004 is named only by a rejected measure.
    const needsOf = (id: string) => expected.rows.find((r) => r.id === id)!.needs;
    expect(needsOf("HF-03")).toEqual({ bedarfe: 2, answered: 2 });
    expect(needsOf("HF-06")).toEqual({ bedarfe: 1, answered: 0 });
    expect(needsOf("HF-01")).toEqual({ bedarfe: 0, answered: 0 });
    expect(number(at("Alle Handlungsfelder", "Bedarfe"))).toBe(6);
    expect(number(at("Alle Handlungsfelder", "beantwortet"))).toBe(3);
    // At least one Handlungsfeld has a scored measure, and one indicator has values in the example.
    expect(expected.rows.some((r) => r.meanGesamt !== null)).toBe(true);

    const view = await libreOfficeSees(file);
    const { model, concept } = readReportModel(await (await openWorkbook(file)).source(), { today: TODAY });
    const withValues = model.fields.flatMap((f) => f.indicators).filter((i) => i.werte.length > 0).length;
    expect(withValues).toBeGreaterThan(0);
    // Beside them the sheet Kennzahlen: one chart per Basisindikator of the example's monitoring.
    const basis = kennzahlenOf(concept, new MonitoringData(concept), { referenceDate: TODAY }).length;
    expect(basis).toBe(5);
    expect(run.out).toContain(`${basis} Basisindikatoren nach Gebiet`);
    expect(view.charts).toBe(1 + withValues + basis);
  });
});

describe("regenerating the Übersicht", () => {
  test("replaces its charts without duplicating them and keeps every other part byte for byte", async () => {
    const file = corpusCopy("kitchen-sink.xlsx", tempDir());
    const original = corpusFile("kitchen-sink.xlsx");
    expect((await runCli(["uebersicht", file])).code).toBe(0);
    const once = fs.readFileSync(file);
    expect((await runCli(["uebersicht", file])).code).toBe(0);
    const twice = fs.readFileSync(file);
    const charts = (x: Buffer) => [...listParts(x).keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length;
    const own = charts(once) - charts(original);
    expect(own).toBeGreaterThan(0);
    expect(charts(twice)).toBe(charts(once));
    // The corpus is built on the template, so it has the sheet Bedarfe and the Übersicht its two columns.
    expect(sheetXml(once, "Übersicht")).toContain("beantwortet");
    // Everything of the user's — their three charts, pivot, pictures, properties — is as it was.
    const ownPart = (name: string) =>
      [
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/calcChain.xml",
      ].includes(name) || !listParts(original).has(name);
    assertPartsKept(original, twice, { changed: ownPart });
  });

  test("an amount typed as text makes the Handlungsfeld's sum a value the program read, not a formula that misses it", async () => {
    const dir = tempDir();
    const file = await beispiel(dir);
    const wb = await loadWorkbook(file);
    const ws = sheet(wb, "Maßnahmen");
    expect(ws.getCell("A2").value).toBe("M-001");
    ws.getCell("L2").value = "1.500 €";
    wb.removeWorksheet(sheet(wb, "Bedarfe").id); // an older workbook: no needs, no columns for them
    await wb.xlsx.writeFile(file);
    expect((await runCli(["uebersicht", file])).code).toBe(0);
    const expected = await domainOverview(file);
    const hf1 = expected.rows[0]!;
    expect(hf1.sachkosten.typed).toBe(false);
    const xml = sheetXml(fs.readFileSync(file), "Übersicht");
    const row5 = /<row r="5"[^>]*>(.*?)<\/row>/.exec(xml)![1]!;
    // Columns: A Handlungsfeld, B Maßnahmen, C–H the six Status, I überfällig, J SMART, K Sachkosten, L Personal.
    const cell = (c: string) => new RegExp(`<c r="${c}5"[^>]*>(.*?)</c>`).exec(row5)![1]!;
    expect(cell("K")).toBe(`<v>${hf1.sachkosten.value}</v>`);
    expect(cell("J")).toBe(`<v>${hf1.smartComplete}</v>`);
    expect(cell("B")).toMatch(/^<f>COUNTIFS/);
    expect(cell("L")).toMatch(/^<f>SUMIFS/);
    expect(xml).not.toContain("beantwortet");
    expect(expected.rows.every((r) => r.needs === null)).toBe(true);
  });
});

describe("the Übersicht's plan for print", () => {
  async function plan() {
    const doc = XlsxDocument.create("konzept.xlsx");
    doc.applyWorkbookPlan(planNewWorkbook(templateContent("beispiel", TODAY)));
    return planOverview(await doc.source(), { today: TODAY }).plan;
  }

  test("keeps the instruction for the tool in a note, off the paper", async () => {
    const p = await plan();
    const texts = p.cells.map((c) => String(c.value ?? ""));
    expect(texts.filter((t) => /uebersicht|von Hand/.test(t))).toEqual([]);
    expect(p.notes).toEqual([{ row: 1, column: 1, text: OVERVIEW_NOTE }]);
  });

  test("breaks pages only between blocks: no break inside an indicator's heading, figures and chart", async () => {
    const p = await plan();
    const breaks = p.rowBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(0);
    for (const chart of p.charts!.slice(1)) {
      const heading = chart.from.row - 4;
      expect(breaks.filter((r) => r > heading && r < chart.to.row)).toEqual([]);
    }
    // The status chart starts a page of its own after the figures.
    expect(breaks[0]).toBe(p.charts![0]!.from.row - 1);
  });

  test("draws counts on a whole-number axis from 0, and values over time on a date axis", async () => {
    const p = await plan();
    const [status, ...lines] = p.charts!;
    expect(status!.valueAxis).toEqual({ min: 0, majorUnit: 1, numFmt: "0" });
    expect(chartXml(status!, OVERVIEW_SHEET.sheet)).toContain('<c:majorUnit val="1"/>');
    for (const line of lines) {
      expect(line.categoryAxis).toBe("date");
      const xml = chartXml(line, OVERVIEW_SHEET.sheet);
      expect(xml).toContain("<c:dateAx>");
      expect(xml).not.toContain("<c:catAx>");
      expect(xml).toMatch(/<c:cat><c:numRef>/);
    }
    // The Stichtage are dates, not text, so the axis can place them by time.
    const stichtag = p.cells.find((c) => c.row === lines[0]!.from.row - 3 && c.column === 2)!;
    expect(stichtag.value).toBeInstanceOf(Date);
  });

  test("aligns the headers over numbers to the right and shows no filter buttons", async () => {
    const p = await plan();
    expect(p.table!.numeric).toEqual(p.table!.headers.map((_, i) => i).slice(1));
    expect(p.table!.filterButtons).toBe(false);
  });
});

test("countStep: a whole step, at most ten of them", () => {
  expect([1, 7, 10, 11, 25, 60, 101, 480].map(countStep)).toEqual([1, 1, 1, 2, 5, 10, 20, 50]);
});
