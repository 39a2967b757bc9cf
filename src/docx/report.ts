/**
 * The Sachstandsbericht as a Word document (.docx) from the report model: real heading styles (a table of
 * contents works), tables whose header row repeats on every page and that print every row in Word and
 * LibreOffice (./tables.ts), de-DE as the language, title and author in the document properties, „Seite x von
 * y“ in the footer, and each indicator's chart as a picture whose alt text states its values. The text is set
 * in Calibri, which LibreOffice replaces by the metric-compatible Carlito, so the column widths computed for
 * it (./layout.ts) hold in both. Runs in Node and in the browser; the rasteriser of the charts is handed in.
 */
import { Document, HeadingLevel, Paragraph } from "docx";
import type { ReportModel } from "../domain/report";
import { CHART_HEIGHT, CHART_WIDTH, hasChart, indicatorChartSvg } from "./chart";
import { date } from "./format";
import { type ChartImages, annexSection, fieldSection, roundSection, summarySection, titleBlock } from "./sections";
import { A4_PAGE, documentStyles, packDocument, pageFooter, pageHeader } from "./document";
import { Tables } from "./tables";

export { TABLE_PARAGRAPH_STYLES } from "./document";

/**
 * Turns a chart's SVG into PNG bytes; `labels` says whether it can draw text (has a font). Synchronous in
 * Node (resvg), asynchronous in the browser (an image drawn to a canvas).
 */
export interface ChartRasterizer {
  labels: boolean;
  fontFamily?: string;
  toPng(svg: string): Uint8Array | Promise<Uint8Array>;
  /** Lets the rasteriser free what it holds after a batch of charts (native memory, see ./raster.ts). */
  release?(): Promise<void>;
}

const CHARTS_PER_BATCH = 20;

async function rasterizeCharts(model: ReportModel, charts: ChartRasterizer | undefined): Promise<ChartImages> {
  const images: ChartImages = new Map();
  if (!charts) return images;
  for (const indicator of model.fields.flatMap((f) => f.indicators)) {
    if (!hasChart(indicator) || images.has(indicator.id)) continue;
    images.set(
      indicator.id,
      await charts.toPng(indicatorChartSvg(indicator, { labels: charts.labels, fontFamily: charts.fontFamily })),
    );
    if (images.size % CHARTS_PER_BATCH === 0) await charts.release?.();
  }
  await charts.release?.();
  return images;
}

export interface RenderOptions {
  /** Without a rasteriser the report has no charts; the tables carry the same numbers. */
  charts?: ChartRasterizer;
  /** Author (creator) in the document properties; defaults to the Kommune. */
  author?: string;
}

/** Shown width of a chart in px (96 per inch); the PNG has 1,5 times as many. */
const CHART_SHOWN = { width: 600, height: Math.round((600 * CHART_HEIGHT) / CHART_WIDTH) };

// ---- document -------------------------------------------------------------------------------------------

function reportDocument(model: ReportModel, options: RenderOptions, t: Tables, images: ChartImages): Document {
  const charts = { images, size: CHART_SHOWN, figures: { n: 0 } };
  const title = `Sachstandsbericht ${model.title.konzepttitel || "Handlungskonzept"} – Stand ${date(model.title.stichtag)}`;
  const children: Paragraph[] = [
    ...titleBlock(model),
    ...summarySection(model, t),
    new Paragraph({ text: "Stand nach Handlungsfeldern", heading: HeadingLevel.HEADING_1, keepNext: true }),
    ...model.fields.flatMap((f) => fieldSection(f, t, charts)),
    ...(model.bewertung ? roundSection(model.bewertung, t) : []),
    ...annexSection(model, t),
  ];
  const author = options.author || model.title.kommune || "Maßnahmenplaner";
  return new Document({
    title,
    subject: "Sachstandsbericht",
    creator: author,
    lastModifiedBy: author,
    description: `Erstellt mit dem Maßnahmenplaner, Stand ${date(model.title.stichtag)}.`,
    styles: documentStyles(),
    sections: [
      {
        properties: A4_PAGE,
        headers: {
          default: pageHeader(
            `Sachstandsbericht ${model.title.konzepttitel || "Handlungskonzept"} · Stand ${date(model.title.stichtag)}`,
          ),
        },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
}

/** The report as .docx bytes. */
export async function renderReport(model: ReportModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const images = await rasterizeCharts(model, options.charts);
  const tables = new Tables();
  return packDocument(reportDocument(model, options, tables, images), tables);
}
