/**
 * The Sachstandsbericht as a Word document (.docx) from the report model: real heading styles (a table of
 * contents works), tables whose header row repeats on every page and that print every row in Word and
 * LibreOffice (./tables.ts), de-DE as the language, title and author in the document properties, „Seite x von
 * y“ in the footer (./document.ts), and each indicator's chart as a picture whose alt text states its values.
 * Runs in Node and in the browser; the rasteriser of the charts is handed in.
 */
import { HeadingLevel, Paragraph } from "docx";
import type { ReportModel } from "../domain/report";
import { hasChart, indicatorChartSvg } from "./chart";
import { CHART_SHOWN, type ChartRasterizer, packDocument, rasterizeCharts, wordDocument } from "./document";
import { date } from "./format";
import { annexSection, fieldSection, roundSection, summarySection, titleBlock } from "./sections";
import { Tables } from "./tables";

export type { ChartRasterizer } from "./document";
export { TABLE_PARAGRAPH_STYLES } from "./document";

export interface RenderOptions {
  /** Without a rasteriser the report has no charts; the tables carry the same numbers. */
  charts?: ChartRasterizer;
  /** Author (creator) in the document properties; defaults to the Kommune. */
  author?: string;
}

/** The report as .docx bytes. */
export async function renderReport(model: ReportModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const indicators = model.fields.flatMap((f) => f.indicators).filter(hasChart);
  const images = await rasterizeCharts(
    options.charts,
    indicators.map((i) => ({
      key: i.id,
      svg: (labels: boolean, fontFamily?: string) => indicatorChartSvg(i, { labels, fontFamily }),
    })),
  );
  const t = new Tables();
  const charts = { images, size: CHART_SHOWN, figures: { n: 0 } };
  const konzept = model.title.konzepttitel || "Handlungskonzept";
  const stand = date(model.title.stichtag);
  const author = options.author || model.title.kommune || "Maßnahmenplaner";
  const document = wordDocument({
    title: `Sachstandsbericht ${konzept} – Stand ${stand}`,
    subject: "Sachstandsbericht",
    author,
    description: `Erstellt mit dem Maßnahmenplaner, Stand ${stand}.`,
    header: `Sachstandsbericht ${konzept} · Stand ${stand}`,
    children: [
      ...titleBlock(model),
      ...summarySection(model, t),
      new Paragraph({ text: "Stand nach Handlungsfeldern", heading: HeadingLevel.HEADING_1, keepNext: true }),
      ...model.fields.flatMap((f) => fieldSection(f, t, charts)),
      ...(model.bewertung ? roundSection(model.bewertung, t) : []),
      ...annexSection(model, t),
    ],
  });
  return packDocument(document, t);
}
