/**
 * The planned native charts in Office.js with ExcelApi ≤ 1.14 (date axes and number formats of 1.7/1.8
 * where the plan asks for them), named so that a regenerated sheet finds and replaces its own.
 */
import type { ChartPlan } from "../workbook/plan";
import { addressOf, cssColor, parseRangeAddress } from "./cells";

/** The name of the `index`-th chart of a generated sheet: it says who made it and where it belongs. */
export function chartName(sheet: string, index: number): string {
  return `Maßnahmenplaner ${sheet} ${index + 1}`;
}

const CHART_TYPE: Record<ChartPlan["kind"], "BarStacked" | "LineMarkers"> = {
  stackedBar: "BarStacked",
  line: "LineMarkers",
};

/** A one-row range holds a series in a row, anything else in a column. */
function seriesBy(address: string): "Rows" | "Columns" {
  const area = parseRangeAddress(address);
  return area.top === area.bottom && area.right > area.left ? "Rows" : "Columns";
}

/**
 * Adds a planned chart with ExcelApi ≤ 1.14: created over its first series' values (1.1), then each series
 * set to exactly the planned ranges, name and colour (`setValues`, `setXAxisValues`, `lineStyle`: 1.7).
 */
/**
 * The axes as in the file (src/xlsx/chartXml.ts): dates placed by their time (a date axis, ExcelApi 1.7, one
 * tick a year), counts from 0 in whole steps (1.1; their number format 1.8, as the blanks spanned over time).
 */
function applyAxes(chart: Excel.Chart, plan: ChartPlan): void {
  if (plan.categoryAxis === "date") {
    const axis = chart.axes.categoryAxis;
    axis.categoryType = "DateAxis";
    axis.baseTimeUnit = "Days";
    axis.majorTimeUnitScale = "Years";
    axis.majorUnit = 1;
    if (plan.dateFormat) axis.numberFormat = plan.dateFormat;
    chart.displayBlanksAs = "Interplotted";
  }
  const v = plan.valueAxis;
  if (v) {
    const axis = chart.axes.valueAxis;
    if (v.min !== undefined) axis.minimum = v.min;
    if (v.majorUnit !== undefined) axis.majorUnit = v.majorUnit;
    if (v.numFmt) axis.numberFormat = v.numFmt;
  }
}

export function addChart(ws: Excel.Worksheet, plan: ChartPlan, name: string): void {
  const first = plan.series[0];
  if (!first) return;
  const chart = ws.charts.add(CHART_TYPE[plan.kind], ws.getRange(first.values), seriesBy(first.values));
  chart.name = name;
  chart.title.text = plan.title;
  chart.title.visible = true;
  chart.legend.visible = true;
  chart.legend.position = "Bottom";
  chart.setPosition(addressOf(plan.from.row, plan.from.column), addressOf(plan.to.row - 1, plan.to.column - 1));
  // Labels at 11 pt as in the file: printed at the sheet's scale still 8 pt or more.
  chart.format.font.size = 11;
  // Series in hidden rows (ExcelApi 1.8, within the 1.14 of Office LTSC 2021).
  if (plan.plotHidden) chart.plotVisibleOnly = false;
  applyAxes(chart, plan);
  const categories = ws.getRange(plan.categories);
  plan.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(categories);
    const colour = cssColor(s.color);
    if (plan.kind === "stackedBar") {
      series.format.fill.setSolidColor(colour);
    } else {
      series.format.line.color = colour;
      series.format.line.lineStyle = s.dashed ? "Dash" : "Continuous";
      if (s.dashed) series.markerStyle = "None";
      else {
        series.markerBackgroundColor = colour;
        series.markerForegroundColor = colour;
      }
    }
  });
}
