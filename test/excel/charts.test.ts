/** The Office.js host draws a plan's native charts (Übersicht) and replaces them with the sheet, never duplicates them. */
import { templateContent } from "../../src/domain/templates";
import { ExcelHost, chartName } from "../../src/excel/host";
import { type SheetPlan, planNewWorkbook } from "../../src/workbook/plan";
import { OVERVIEW_SHEET, planOverview } from "../../src/workbook/sheets/uebersicht";
import { XlsxDocument } from "../../src/xlsx/document";
import { conceptRows, monitoring } from "../report/fixture";
import { FakeWorkbook } from "./fakeExcel";

const today = "2026-11-22";

function setup() {
  const fake = new FakeWorkbook();
  fake.addSheet("Tabelle1");
  return { fake, host: new ExcelHost({ run: fake.run, isSetSupported: () => false }) };
}

/** The Übersicht of the report fixture with its monitoring data: a bar chart and one line chart per indicator. */
async function fixtureOverview(): Promise<SheetPlan> {
  const doc = XlsxDocument.create("konzept.xlsx");
  doc.applyWorkbookPlan(planNewWorkbook(conceptRows()));
  return planOverview(await doc.source(), { today, monitoring: () => monitoring() }).plan;
}

describe("ExcelHost charts", () => {
  it("creates each planned chart with its name, title, position, series ranges and colours", async () => {
    const { fake, host } = setup();
    const plan = await fixtureOverview();
    expect(plan.charts?.map((c) => c.kind)).toEqual(["stackedBar", "line", "line"]);
    await host.applySheetPlan(plan);
    const charts = fake.sheet(OVERVIEW_SHEET.sheet)!.charts;
    expect(charts.map((c) => [c.name, c.type, c.title])).toEqual(
      plan.charts!.map((c, i) => [
        chartName(OVERVIEW_SHEET.sheet, i),
        c.kind === "line" ? "LineMarkers" : "BarStacked",
        c.title,
      ]),
    );
    plan.charts!.forEach((planned, i) => {
      const chart = charts[i]!;
      const bare = (a: string) => a.replace(/\$/g, "");
      expect(chart.series.map((s) => [s.name, s.values, s.categories])).toEqual(
        planned.series.map((s) => [s.name, bare(s.values), bare(planned.categories)]),
      );
      expect(chart.legend).toEqual({ visible: true, position: "Bottom" });
      expect(chart.position?.start).toBe(`A${planned.from.row}`);
    });
    // Bars filled in the Status colours; the Soll path dashed without markers.
    expect(charts[0]!.series.map((s) => s.fill)).toEqual(plan.charts![0]!.series.map((s) => `#${s.color}`));
    expect(charts[1]!.series.map((s) => [s.line, s.lineStyle])).toEqual([
      ["#0F6CBD", "Continuous"],
      ["#605E5C", "Dash"],
    ]);
    expect(charts[1]!.series[1]!.markerStyle).toBe("None");
    // A one-row series (the indicator's values) is created by rows, a column of counts by columns.
    expect(charts.map((c) => c.seriesBy)).toEqual(["Columns", "Rows", "Rows"]);
  });

  it("sets the axes as the file does: dates by their time, counts from 0 in whole steps; labels at 11 pt", async () => {
    const { fake, host } = setup();
    const plan = await fixtureOverview();
    await host.applySheetPlan(plan);
    const charts = fake.sheet(OVERVIEW_SHEET.sheet)!.charts;
    expect(charts[0]!.axes).toEqual({
      valueAxis: { minimum: 0, majorUnit: plan.charts![0]!.valueAxis!.majorUnit, numberFormat: "0" },
    });
    for (const [i, chart] of charts.entries()) {
      expect(chart.fontSize).toBe(11);
      if (i === 0) continue;
      expect(chart.axes.categoryAxis).toEqual({
        categoryType: "DateAxis",
        baseTimeUnit: "Days",
        majorTimeUnitScale: "Years",
        majorUnit: 1,
        numberFormat: plan.charts![i]!.dateFormat,
      });
      expect(chart.displayBlanksAs).toBe("Interplotted");
    }
  });

  it("prints as the file does: page breaks between the blocks, number headers right-aligned, no filter buttons", async () => {
    const { fake, host } = setup();
    const plan = await fixtureOverview();
    expect(plan.rowBreaks?.length).toBeGreaterThan(0);
    await host.applySheetPlan(plan);
    const sheet = fake.sheet(OVERVIEW_SHEET.sheet)!;
    expect(sheet.rowBreaks).toEqual(plan.rowBreaks!.map((r) => `A${r}`));
    expect(fake.tables.find((t) => t.name === plan.table!.name)!.showFilterButton).toBe(false);
    // Maßnahmen (B4) is a count: right-aligned over its numbers; Handlungsfeld (A4) is not.
    expect(sheet.right.has("B4")).toBe(true);
    expect(sheet.right.has("A4")).toBe(false);
  });

  it("regenerating replaces the sheet's charts, never duplicates them, and leaves a user's chart elsewhere alone", async () => {
    const { fake, host } = setup();
    const plan = await fixtureOverview();
    const mine = fake.addSheet("Meine Auswertung");
    mine.charts.push({
      type: "Pie",
      seriesBy: "Auto",
      name: "Diagramm 1",
      legend: {},
      axes: {},
      series: [{ name: "x", values: "A1:A3" }],
    });
    await host.applySheetPlan(plan);
    await host.applySheetPlan(plan);
    expect(fake.sheets.filter((s) => s.name === OVERVIEW_SHEET.sheet)).toHaveLength(1);
    expect(fake.sheet(OVERVIEW_SHEET.sheet)!.charts.map((c) => c.name)).toEqual(
      plan.charts!.map((_, i) => chartName(OVERVIEW_SHEET.sheet, i)),
    );
    expect(fake.sheet("Meine Auswertung")!.charts.map((c) => c.name)).toEqual(["Diagramm 1"]);
  });

  it("charts cost no sync: the same number of syncs with 3 charts as with 30", async () => {
    const plan = await fixtureOverview();
    const line = plan.charts![1]!;
    const many: SheetPlan = { ...plan, charts: [...plan.charts!, ...Array.from({ length: 27 }, () => line)] };
    const counts: number[] = [];
    for (const p of [plan, many]) {
      const { fake, host } = setup();
      await host.applySheetPlan(planNewWorkbook(templateContent("beispiel", today)).sheets[0]!);
      fake.syncs = 0;
      await host.applySheetPlan(p);
      counts.push(fake.syncs);
      expect(fake.sheet(OVERVIEW_SHEET.sheet)!.charts).toHaveLength(p.charts!.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
