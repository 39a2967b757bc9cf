/**
 * Native charts as DrawingML parts: a drawing anchoring each chart to cells of its sheet, and a chart part
 * per chart whose series refer to ranges of that sheet (no cached values: Excel and LibreOffice read the
 * cells, so the chart follows the sheet's formulas). Element order follows the DrawingML chart schema.
 *
 * Values over time stand on a date axis (`c:dateAx`, dates as numbers): Excel and LibreOffice place each point
 * by its date, so 31.12.2025, 30.06.2026 and 31.12.2030 are as far apart as they are in time and a straight
 * Soll path looks straight. Counts get a value axis from 0 in whole steps.
 */
import type { ChartPlan } from "../workbook/plan";
import { xmlText } from "./xml";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

function title(text: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="de-DE" sz="1200" b="1"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
  );
}

function seriesXml(chart: ChartPlan, sheet: string): string {
  return chart.series
    .map((s, i) => {
      const line = chart.kind === "line";
      const fill = line
        ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill>${s.dashed ? '<a:prstDash val="dash"/>' : ""}<a:round/></a:ln></c:spPr>` +
          `<c:marker><c:symbol val="${s.dashed ? "none" : "circle"}"/>${s.dashed ? "" : `<c:size val="6"/><c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr>`}</c:marker>`
        : `<c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`;
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>${fill}` +
        (chart.categoryAxis === "date"
          ? `<c:cat><c:numRef><c:f>${xmlText(`${quoted(sheet)}!${chart.categories}`)}</c:f></c:numRef></c:cat>`
          : `<c:cat><c:strRef><c:f>${xmlText(`${quoted(sheet)}!${chart.categories}`)}</c:f></c:strRef></c:cat>`) +
        `<c:val><c:numRef><c:f>${xmlText(`${quoted(sheet)}!${s.values}`)}</c:f></c:numRef></c:val>` +
        (line ? '<c:smooth val="0"/>' : "") +
        "</c:ser>"
      );
    })
    .join("");
}

function categoryAxis(chart: ChartPlan): string {
  const bar = chart.kind === "stackedBar";
  const head = `<c:axId val="500001"/><c:scaling><c:orientation val="${bar ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>`;
  if (chart.categoryAxis === "date") {
    // One tick a year from the first date; the dates themselves give the positions (auto 0: always a date axis).
    return (
      `<c:dateAx>${head}<c:axPos val="b"/><c:numFmt formatCode="${xmlText(chart.dateFormat ?? "dd.mm.yyyy")}" sourceLinked="0"/>` +
      '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500002"/>' +
      '<c:crosses val="autoZero"/><c:auto val="0"/><c:lblOffset val="100"/><c:baseTimeUnit val="days"/>' +
      '<c:majorUnit val="1"/><c:majorTimeUnit val="years"/></c:dateAx>'
    );
  }
  return (
    `<c:catAx>${head}<c:axPos val="${bar ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>` +
    '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
  );
}

function valueAxis(chart: ChartPlan): string {
  const bar = chart.kind === "stackedBar";
  const v = chart.valueAxis ?? {};
  const min = v.min === undefined ? "" : `<c:min val="${v.min}"/>`;
  const format = v.numFmt
    ? `<c:numFmt formatCode="${xmlText(v.numFmt)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  return (
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/>${min}</c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${bar ? "t" : "l"}"/><c:majorGridlines/>${format}` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/>' +
    `<c:crosses val="${bar ? "max" : "autoZero"}"/><c:crossBetween val="between"/>` +
    (v.majorUnit === undefined ? "" : `<c:majorUnit val="${v.majorUnit}"/>`) +
    "</c:valAx>"
  );
}

/** One chart part. */
export function chartXml(chart: ChartPlan, sheet: string): string {
  const plot =
    chart.kind === "stackedBar"
      ? `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${seriesXml(chart, sheet)}` +
        '<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>'
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml(chart, sheet)}` +
        '<c:marker val="1"/><c:axId val="500001"/><c:axId val="500002"/></c:lineChart>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="de-DE"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(chart.title)}<c:plotArea><c:layout/>${plot}${categoryAxis(chart)}${valueAxis(chart)}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="${chart.plotHidden ? 0 : 1}"/>` +
    // Over time, a value not measured on a date is no gap: the line runs on to the next measured one.
    `<c:dispBlanksAs val="${chart.categoryAxis === "date" ? "span" : "gap"}"/></c:chart>` +
    // Axis labels and legend at 11 pt, like the cells: printed at the sheet's scale (≥ 75 %) still 8 pt or more.
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100"/></a:pPr><a:endParaRPr lang="de-DE"/></a:p></c:txPr>' +
    "</c:chartSpace>"
  );
}

/** The drawing that anchors the charts to cells; `relIds[i]` points at the chart part of `charts[i]`. */
export function drawingXml(charts: ChartPlan[], relIds: string[]): string {
  const anchor = (c: ChartPlan, i: number) =>
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${c.from.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.from.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${c.to.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.to.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Diagramm ${i + 1}" title="${xmlText(c.title)}" descr="${xmlText(c.altText)}"/>` +
    '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>";
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${charts.map(anchor).join("")}</xdr:wsDr>`
  );
}
